"""Word lists the claim patterns rest on: general English news vocabulary, no names, outlets or events."""

from __future__ import annotations

from tracker.lexicon import MONTH_NAMES, NUMBER_VALUES, SCALES, VAGUE_COUNTS, WEEKDAYS

# Nouns that name an office or function held by a person.
ROLE_NOUNS = frozenset(
    (
        "president presidents minister ministers secretary spokesman spokeswoman spokesperson ambassador "
        "envoy chief head chairman chairwoman chair adviser advisor aide director commander chancellor "
        "premier governor mayor leader deputy representative negotiator prosecutor judge speaker general "
        "officer official diplomat counsellor councillor senator congressman congresswoman lawmaker mp king "
        "queen prince emir sheikh pope patriarch rapporteur coordinator administrator commissioner ceo "
        "founder editor correspondent analyst economist professor chief-of-staff"
    ).split()
)

# Nouns that name a body of people; a title may run through them ("head of the Presidential Office").
ORGANISATION_NOUNS = frozenset(
    (
        "office council ministry committee commission government administration agency service directorate "
        "bureau department delegation team faction party parliament assembly union organisation organization "
        "forum court cabinet staff mission embassy federation alliance bank fund board institute corps army "
        "navy command group house senate congress duma rada kremlin pentagon"
    ).split()
)

# Lower-case words that may stand inside a title before the role noun.
TITLE_MODIFIERS = frozenset(
    (
        "deputy first vice senior former acting special national security foreign presidential parliamentary "
        "diplomatic military defence defense intelligence general executive press state prime interim chief "
        "top main permanent economic political strategic domestic international external internal public "
        "current new then assistant"
    ).split()
)

# Small words that join parts of a title: "Secretary of State", "Ambassador to the US".
TITLE_CONNECTORS = frozenset({"of", "the", "to", "for", "and", "on", "at"})

# Honorifics: a person's, never a word of the name ("Dr Selim Arslan").
HONORIFICS = frozenset("mr mrs ms dr prof sir".split())
# Words that open a sentence or a clause: never part of a name, nor of a title ("While White House press
# secretary X said ...").
OPENING_WORDS = (
    MONTH_NAMES
    | frozenset(WEEKDAYS)
    | frozenset(
        (
            "the a an and of in on at by for from with as to this that "
            "these those it its he she they we i his her their our but or if when while after before meanwhile "
            "however although though earlier later according speaking asked under during since until"
        ).split()
    )
)

# Sentence-opening adverbs are capitalised too, but never start a name ("Yesterday Ida Brenner said").
OPENING_WORDS = OPENING_WORDS | frozenset("yesterday today tomorrow now then also again still".split())
# Capitalised words that are never part of a person's name.
NOT_NAME_WORDS = HONORIFICS | OPENING_WORDS

# Verbs that report speech or writing (base forms and past forms).
REPORTING_VERBS = frozenset(
    (
        "said says say told tells added adds noted stressed stresses emphasised emphasized emphasises "
        "emphasizes announced announces wrote writes argued argues insisted insists warned warns confirmed "
        "confirms shared recalled recalls reiterated reiterates explained explains claimed "
        "stated declared declares reported described describes called urged urges "
        "acknowledged acknowledges admitted admits suggested suggests believes believed hopes hoped estimated "
        "estimates"
    ).split()
)

# Participles that attach a second statement to a sentence: "..., stressing that ...".
# The past tense of English verbs whose past is not the regular "-ed" one, by lemma (a side fact "..., leaving 300
# homeless" reads "The flood left 300 homeless"). Regular verbs follow ``past_tense``'s rules.
IRREGULAR_PAST = {
    "be": "was", "become": "became", "begin": "began", "bring": "brought", "build": "built", "buy": "bought",
    "catch": "caught", "choose": "chose", "come": "came", "cost": "cost", "cut": "cut", "do": "did",
    "draw": "drew", "drive": "drove", "eat": "ate", "fall": "fell", "feel": "felt", "fight": "fought",
    "find": "found", "fly": "flew", "forbid": "forbade", "freeze": "froze", "get": "got", "give": "gave",
    "go": "went", "grow": "grew", "hang": "hung", "have": "had", "hear": "heard", "hide": "hid", "hit": "hit",
    "hold": "held", "hurt": "hurt", "keep": "kept", "know": "knew", "lay": "laid", "lead": "led",
    "leave": "left", "lend": "lent", "let": "let", "lie": "lay", "lose": "lost", "make": "made",
    "mean": "meant", "meet": "met", "pay": "paid", "put": "put", "quit": "quit", "read": "read",
    "rise": "rose", "run": "ran", "say": "said", "see": "saw", "seek": "sought", "sell": "sold",
    "send": "sent", "set": "set", "shake": "shook", "shoot": "shot", "shut": "shut", "sink": "sank",
    "sit": "sat", "speak": "spoke", "spend": "spent", "split": "split", "spread": "spread", "stand": "stood",
    "steal": "stole", "strike": "struck", "swear": "swore", "sweep": "swept", "take": "took", "teach": "taught",
    "tear": "tore", "tell": "told", "think": "thought", "throw": "threw", "understand": "understood",
    "upset": "upset", "wake": "woke", "wear": "wore", "win": "won", "withdraw": "withdrew", "write": "wrote",
}  # fmt: skip
# Words tagged as participles that stand as prepositions: ", including X" is no side fact of its own.
PREPOSITION_PARTICIPLES = frozenset(
    "including excluding following regarding concerning according pending considering starting beginning".split()
)

REPORTING_PARTICIPLES = frozenset(
    (
        "stressing noting adding saying arguing insisting warning emphasising emphasizing explaining claiming "
        "recalling suggesting"
    ).split()
)

# Pronoun subjects a claim names the one they mean for: "he" and "she" mean one person; "they" a plural subject
# (restored only where the parse shows which: the subject of the clause its side clause hangs on).
PRONOUN_SUBJECTS = frozenset({"he", "she"})
PLURAL_PRONOUN_SUBJECTS = frozenset({"they"})
# The forms of each of them: a sentence that says both "he" and "her" speaks of two people, and which one a
# pronoun means is not for the parse to say.
GENDERED_PRONOUNS = {"he": frozenset("he him his himself".split()), "she": frozenset("she her hers herself".split())}

# Words that refer back to something named before; a group or claim opening with one names nothing by itself.
ANAPHORIC_DETERMINERS = frozenset("its their his her it they this these those".split())

# Relative pronouns: a claim never begins with one ("who will conduct the talks ..." is a clause cut from its noun).
CLAUSE_OPENERS = frozenset("who whom whose which".split())

# Verbs of comment: "X did not comment", "declined to say" reports that nothing was said, which no one can check.
COMMENT_VERBS = frozenset("comment say respond reply elaborate speak".split())

# Modal and future markers: a claim about what will or could happen.
FUTURE_MARKERS = frozenset(
    (
        "will would could might may shall plans plan planned expected set intends intend going next soon upcoming "
        "scheduled slated forecast"
    ).split()
)

NUMBER_WORDS = frozenset(NUMBER_VALUES) | frozenset(SCALES) | VAGUE_COUNTS

# Verbs that introduce the of a group: "the delegation includes A, B and C".
MEMBERSHIP_VERBS = frozenset(("includes included include comprises comprised comprise consisted consists").split())

# Nouns that end the name of an event, a document or a plan: "Munich Security Conference", "Joint Declaration".
EVENT_NOUNS = frozenset(
    (
        "summit conference declaration agreement agreements treaty accord accords plan formula memorandum "
        "charter convention protocol initiative programme program format talks meeting round process strategy "
        "doctrine act law decree resolution deal pact games cup prize award"
    ).split()
)

# Nouns that end a place name: "Ciragan Palace", "Downing Street", "Black Sea".
PLACE_NOUNS = frozenset(
    (
        "palace street square avenue road sea ocean river lake mountain mountains island islands region oblast "
        "province district city town village county bay gulf strait peninsula valley airport station port "
        "bridge hall castle cathedral stadium park"
    ).split()
)

# Prepositions that say where something is or happens: "met in Ostwick", "talks at Korvast", "near Dravia".
LOCATIVE_PREPOSITIONS = frozenset("in at near".split())

# Words that open a place name: "United States", "South Africa", "Eastern Europe".
GEO_MODIFIERS = frozenset(
    (
        "north south east west northern southern eastern western central united great upper lower greater middle far"
    ).split()
)

# Nouns that end the name of a news outlet: "Asian Lite News", "Kyiv Post".
MEDIA_NOUNS = frozenset("news times post herald tribune gazette journal wire daily weekly telegraph".split())

# Bodies whose one-word name is proper ("the Kremlin"); other body nouns alone ("the Office") are references.
PROPER_BODIES = frozenset("kremlin pentagon congress senate duma rada knesset bundestag".split())

# Verbs that state who holds a function, with the office noun each stands for: "Kovac heads the team".
ROLE_VERBS = {
    "head": "head",
    "lead": "leader",
    "run": "head",
    "chair": "chair",
    "direct": "director",
    "manage": "manager",
    "command": "commander",
    "helm": "head",
    "oversee": "head",
}

# Verbs that put a person into an office: "was named interim chief executive", "was appointed as head".
APPOINTMENT_VERBS = frozenset("name appoint elect nominate promote make choose confirm designate install".split())

# Verbs that say a person is (or has become) what a noun names: "X is chair", "X became mayor".
COPULA_VERBS = frozenset("be become remain".split())

# Groups and occasions that exist for one task or one event: leading one is a function, not an office that
# someone holds until replaced ("led the delegation", "headed the mission").
OCCASION_NOUNS = frozenset(
    "delegation mission talks negotiations visit meeting round session summit trip team panel inquiry "
    "investigation campaign operation effort search tour ceremony".split()
)

# Endings of nouns that name a person by what they do ("adviser", "gentleman", "executive"): with the parse,
# they rank a common noun beside a name as that person's title when the recogniser gave the name no label.
PERSON_NOUN_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "ive", "ess", "ary")

# -- quantities --------------------------------------------------------------------------------------------------

# Classes of counted nouns: two counts are of one thing when their nouns (lemmas) share a class ("troops" and
# "soldiers"); a noun outside every class is its own class.
NOUN_CLASSES = {
    "troops": frozenset("troop soldier serviceman servicemen servicewoman fighter personnel".split()),
    "people": frozenset("people person individual civilian resident".split()),
    "dead": frozenset("dead death fatality casualty victim toll".split()),
    "injured": frozenset("injured injure wounded".split()),  # "the injured": the parser lemmatises it "injure"
    "missing": frozenset(["missing"]),
    "countries": frozenset("country state nation".split()),
    "refugees": frozenset("refugee evacuee asylum-seeker".split()),
    "agreements": frozenset("agreement deal accord treaty pact".split()),
    "children": frozenset("child kid minor".split()),
}

# What happened to people counted as people decides what they count: "12 people died" counts the dead, "20
# people are missing" the missing, "3,000 people were evacuated" those who fled. The verbs (lemmas) whose subject
# (or, for a transitive one, object: "killed 12 people") they are, and the words that complete "were ...", by
# the class of NOUN_CLASSES they give a count of "people".
PEOPLE_FATES = {
    "dead": (frozenset("die kill drown perish".split()), frozenset("dead killed drowned".split())),
    "injured": (frozenset("injure wound hurt".split()), frozenset("injured wounded hurt".split())),
    "missing": (frozenset(), frozenset("missing unaccounted".split())),
    "refugees": (frozenset("evacuate displace".split()), frozenset("evacuated displaced homeless".split())),
    # people infected are an outbreak's cases: "infected 46" and "118 cases" count one set
    "case": (frozenset({"infect"}), frozenset({"infected"})),
}
# Nouns of what happened to the people "of" them: "the evacuation of 300 people", "the deaths of 12 people".
FATE_NOUNS = {"evacuation": "refugees", "displacement": "refugees", "death": "dead", "killing": "dead"}
# Classes whose counts of one event are revised as reports come in (a toll rises, the missing are found): two
# reports of one such count in time order are a change even where the claims date the event the same day.
RUNNING_CLASSES = frozenset({"dead", "injured", "missing", "refugees"})
# Determiners of a set already named, before its number: "the five companies", "all 14 companies".
DEFINITE_DETERMINERS = frozenset("the these those all both".split())
# Verbs of having, winning or losing: their subject owns the count that is their object ("Labour won 58 seats").
OWNING_VERBS = frozenset("have hold win take get gain secure own employ control lose keep field be".split())
# Nouns that stand for a count of what their "of" names: "the number of troops rose to 1,200".
COUNT_NOUNS = frozenset("number total tally count figure".split())

# Words after a number that make it a measure, not a count of things: "16-inch", "149 horsepower", "12 km",
# "5 per cent", "45 years old". Measures are never compared as counts.
MEASURE_UNITS = frozenset(
    (
        "inch inches foot feet ft yard yards mile miles metre metres meter meters km kilometre kilometres "
        "kilometer kilometers cm mm centimetre centimetres millimetre millimetres m mph kph km/h horsepower hp "
        "bhp kw kilowatt kilowatts kwh mw megawatt megawatts gw gigawatt watt watts volt volts kg kilogram "
        "kilograms kilo kilos gram grams g lb lbs ounce ounces oz ton tons tonne tonnes litre litres "
        "liter liters gallon gallons barrel barrels percent per-cent pct % degree degrees celsius fahrenheit "
        "acre acres hectare hectares sq square cubic gb mb tb ghz mhz hz mp megapixel megapixels cc rpm "
        "calorie calories decibel decibels fps"
    ).split()
)
# Units of time after a number: "5 hours of battery", "a 25-year career" measure a length of time, they count no
# things.
DURATION_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades".split()
)
# Verbs that give a prison term, and the nouns a term stands as: "was sentenced to seven years", "jailed for
# nine years", "a two-year sentence".
SENTENCING_VERBS = frozenset("sentence jail imprison".split())
TERM_NOUNS = frozenset("sentence term".split())
# Words after a number that make it an age: "45 years old", "a 12-year-old".
AGE_WORDS = frozenset("old aged".split())
# Nouns that a number names rather than counts: "model 3", "version 2", "iPhone 11", "route 66".
NAMING_NOUNS = frozenset("model version generation series edition route number no phase level grade".split())

# Currency signs, codes and words, with the ISO code they stand for.
CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "¥": "JPY", "yen": "JPY", "jpy": "JPY",
    "₹": "INR", "rupee": "INR", "rupees": "INR", "inr": "INR",
    "₽": "RUB", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rub": "RUB",
    "₴": "UAH", "hryvnia": "UAH", "hryvnias": "UAH", "uah": "UAH",
    "yuan": "CNY", "renminbi": "CNY", "cny": "CNY",
    "chf": "CHF", "franc": "CHF", "francs": "CHF",
}  # fmt: skip
# Scale words written short after money: "$40bn", "£200m".
SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}

# Words before a number that qualify it, longest first, with the modifier they stand for.
QUANTITY_MODIFIERS = {
    "more than": "more than", "over": "more than", "upwards of": "more than", "in excess of": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about",
    "up to": "up to", "as many as": "up to", "at most": "up to", "no more than": "up to",
    "fewer than": "less than", "less than": "less than", "under": "less than",
}  # fmt: skip
# Words that make a count a running total: "so far", "in total", "to date", "now has".
CUMULATIVE_MARKERS = (
    "so far",
    "in total",
    "to date",
    "in all",
    "altogether",
    "overall",
    "now has",
    "now have",
    "has risen to",
    "have risen to",
    "rose to",
    "risen to",
    "climbed to",
    "total of",
    "tally",
    "toll",
    "cumulative",
    "since the start",
)
# Words that, in a count of none, make it a running total as "so far" does: "no agreement has been signed yet".
NONE_SO_FAR = frozenset({"yet"})
# Pronouns that count none of a group: "none of the states has signed" (0 states).
NONE_PRONOUNS = frozenset({"none"})
# Classes of things made between two parties (NOUN_CLASSES): "signed agreements with nine states" makes one per
# partner, 9 agreements. Talks or prisoners "with nine states" are not one per partner.
PER_PARTNER_CLASSES = frozenset({"agreements"})
# Adjectives between a number and its noun that leave the noun what is counted: "15 other countries".
COUNT_ADJECTIVES = frozenset("other more additional new further extra remaining".split())
# Determiners that make a count a part added to others: "another 12 states signed".
COUNT_DETERMINERS = frozenset({"another"})

# Words that follow the modal "may" and never a date: "the talks May be delayed" (a headline's capitals) is
# the verb, "on 3 May the talks" is the month.
MODAL_FOLLOWERS = frozenset("be have not never also well still yet soon even only already now just".split())

# Personal subjects: they open a second statement after ", and" (", and we value ..."), and "they May ..." is
# the modal after its subject, never the month (as after "who").
PERSONAL_SUBJECTS = frozenset("i we you he she it they".split())
SUBJECT_PRONOUNS = PERSONAL_SUBJECTS | {"who"}

# -- frames: events, presence, succession, trends --------------------------------------------------------------

# Classes of events, each with the verbs and the nouns (lemmas) that say one took place. A support verb ("hold
# talks", "sign an agreement") takes its class from its object; a verb of ``EVENT_OBJECT_VERBS`` says an event
# only with an object of the right kind ("conclude an agreement", "submit a document").
EVENT_CLASSES: dict[str, dict[str, frozenset[str]]] = {
    "meeting": {
        "verbs": frozenset("meet negotiate convene confer".split()),
        "nouns": frozenset(
            "meeting talk talks negotiation negotiations session round summit conference consultation consultations "
            "meet".split()
        ),
    },
    "signing": {
        "verbs": frozenset("sign ink initial ratify".split()),
        "nouns": frozenset("signing ratification".split()),
    },
    "handover": {"verbs": frozenset(), "nouns": frozenset("handover hand-over".split())},
    "appointment": {
        "verbs": frozenset("appoint nominate".split()),
        "nouns": frozenset("appointment nomination".split()),
    },
    "visit": {"verbs": frozenset("visit".split()), "nouns": frozenset("visit trip tour".split())},
    "call": {"verbs": frozenset("phone telephone".split()), "nouns": frozenset("call phone-call".split())},
    "vote": {
        "verbs": frozenset("vote elect".split()),
        "nouns": frozenset("vote election ballot referendum poll".split()),
    },
    "attack": {
        "verbs": frozenset("attack shell bomb strike raid".split()),
        "nouns": frozenset("attack strike airstrike shelling bombing raid offensive assault".split()),
    },
    "departure": {
        "verbs": frozenset("resign dismiss sack oust".split()),
        "nouns": frozenset("resignation dismissal ouster".split()),
    },
    "arrest": {"verbs": frozenset("arrest detain".split()), "nouns": frozenset("arrest detention".split())},
}
# Verbs that say an event only with an object of one kind: (verb lemma, object lemmas) -> class.
EVENT_OBJECT_VERBS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "signing": (
        frozenset("conclude sign".split()),
        frozenset("agreement deal treaty accord pact memorandum contract declaration protocol".split()),
    ),
    "handover": (
        frozenset("deliver submit pass send transmit hand present".split()),
        frozenset(
            "document documents letter list proposal proposals plan note message draft report text reply "
            "response request application".split()
        ),
    ),
    "appointment": (frozenset("approve name appoint".split()), frozenset("composition cabinet government".split())),
}
# Verbs that say an event through their object and lend it their place and time: "held talks", "had a call".
EVENT_SUPPORT_VERBS = frozenset("hold have conduct host stage organise organize begin start resume open".split())
# Verb and particle pairs that say a handover or a visit: "handed over the list", "travelled to Ostwick".
EVENT_PHRASAL: dict[tuple[str, str], str] = {
    ("hand", "over"): "handover",
    ("travel", "to"): "visit",
    ("arrive", "in"): "visit",
    ("step", "down"): "departure",
}
# Nouns that name one of a series and take their class from an "of" object ("the second round of talks"); alone
# they name a meeting ("the third session").
SERIES_NOUNS = frozenset("round session".split())
# Words that say a call was made by telephone: "spoke by telephone", "talked on the phone".
PHONE_WORDS = frozenset("phone telephone video-link".split())
# Words that say an event did not take place: "no meeting was held", "the vote never happened".
NEGATING_DETERMINERS = frozenset("no".split())
NEGATING_ADVERBS = frozenset("not never n't".split())

# Verbs that say someone was at an event, and those that say they were not; ``PRESENCE_ABSENT_PHRASES`` are verb
# and particle (or object) pairs that say someone stayed away ("stayed away", "stayed in X", "did not send anyone").
PRESENCE_VERBS = frozenset("attend participate join travel fly arrive come".split())
PRESENCE_PHRASES: dict[tuple[str, str], bool] = {
    ("take", "part"): True,
    ("be", "present"): True,
    ("be", "among"): True,
    ("stay", "away"): False,
    ("stay", "in"): False,
    ("stay", "at"): False,
    ("be", "absent"): False,
}
# Groups of people at an event: "X was among the participants", "among those present".
ATTENDING_GROUPS = frozenset("participant attendee delegate guest those speaker observer".split())
ABSENCE_VERBS = frozenset("skip boycott miss snub".split())
# Verbs that say someone would not do what follows: "declined to attend".
REFUSAL_VERBS = frozenset("decline refuse".split())
# Words that say someone took part from elsewhere: "by video link", "remotely", "virtually", "online".
REMOTE_WORDS = frozenset("video videolink video-link remotely virtually online videoconference teleconference".split())
# Nouns that stand for someone sent in their place: "did not send anyone", "sent no delegation".
ENVOY_NOUNS = frozenset("anyone anybody delegation delegate representative envoy".split())

# Words of succession said of a post, by class: someone came into it, took it from another, left it, holds it for
# a time, came back to it, or holds it now.
SUCCESSION: dict[str, str] = {
    "appoint": "appointed", "name": "appointed", "elect": "appointed", "promote": "appointed",
    "nominate": "appointed", "install": "appointed", "designate": "appointed",
    "replace": "replaced", "succeed": "replaced", "take over": "replaced",
    "resign": "left", "step down": "left", "dismiss": "left", "sack": "left", "fire": "left", "oust": "left",
    "remove": "left", "quit": "left",
    "interim": "interim", "acting": "interim", "caretaker": "interim",
    "return": "returned", "reinstate": "returned",
    "now": "now", "newly": "now", "new": "now", "incoming": "now",
}  # fmt: skip
# Words that mark a post held before and no longer: "former minister", "ex-chair", "then-mayor".
FORMER_WORDS = frozenset("former ex outgoing ousted late then previously erstwhile onetime one-time".split())
# Words that mark a post held until a time: "had been chair until May"; in the past perfect, a post held since a
# time is held up to a past moment, and no longer: "X, who had been ambassador since 2021, was replaced".
FORMER_UNTIL = frozenset("until till since".split())

# Verbs (lemmas) that say a count moved to its value, and which way: "rose to 42", "fell to 10", "reached 300".
TRENDS: dict[str, str] = {
    "rise": "rise", "climb": "rise", "increase": "rise", "grow": "rise", "reach": "rise", "jump": "rise",
    "soar": "rise", "surge": "rise", "mount": "rise",
    "fall": "fall", "drop": "fall", "decline": "fall", "decrease": "fall", "shrink": "fall", "sink": "fall",
    "plunge": "fall", "slip": "fall",
    "raise": "rise", "lift": "rise", "cut": "fall", "reduce": "fall", "lower": "fall", "gain": "rise",
    "lose": "fall",
}  # fmt: skip
# Words of a percentage after a number, and verbs that state a level "at" one ("turnout stood at 63.1 percent").
PERCENT_WORDS = frozenset("percent per-cent pct %".split())
LEVEL_VERBS = frozenset("stand be remain hold settle peak".split())
# Verbs that put a count at a value: "the agency put the toll at 38", "estimated the number of dead at 40".
PUTTING_AT = frozenset("put estimate place set fix".split())
# Adverbs that say a count moved: "down to 10", "up to" is a modifier, not a trend.
TREND_ADVERBS: dict[str, str] = {"down": "fall"}
# Comparatives that say which way a verb moved by so much: "closed 6 percent lower", "ended 2 percent higher".
CHANGED_BY_ADVERBS: dict[str, str] = {**TREND_ADVERBS, "lower": "fall", "higher": "rise", "up": "rise"}

# -- offices (matching) ------------------------------------------------------------------------------------------

# Classes of role nouns: two titles name one kind of post when their role nouns share a class ("spokesman" and
# "spokesperson"; "chief" and "head"). Two-word members ("press secretary") are read before single words; a
# noun of no class is its own class. "secretary" is a head or a minister by its body (DEPARTMENT_NOUNS).
ROLE_CLASSES = {
    "spokesperson": frozenset({"spokesman", "spokeswoman", "spokesperson", "press secretary"}),
    "head": frozenset("head chief leader director chair chairman chairwoman chairperson chief-of-staff".split()),
    "envoy": frozenset({"envoy", "ambassador"}),
    "adviser": frozenset({"adviser", "advisor", "aide"}),
    "minister": frozenset({"minister"}),
}
# A secretary heads a council, an office or a party ("secretary of the Security Council"); of a government
# department, or of no body at all ("Secretary of State", "Defence Secretary"), a secretary is its minister.
DEPARTMENT_NOUNS = frozenset({"ministry", "department"})
