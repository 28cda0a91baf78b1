"""A claim read as comparable parts: content stems, counts, and the roles it gives people.

Two claims are compared through these, not through raw strings: "head of the Office of the President" and
"Presidential Office chief" are the same office; "three bilateral security agreements" and "no agreement
... signed" are two counts of one thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tracker.entities.romanise import spelling_key
from tracker.extract import vocabulary as v
from tracker.extract.quantities import currency_of, exact_value, is_measure_word, normal, noun_class
from tracker.lexicon import MONTH_NAMES, NUMBER_VALUES, SCALES, WEEKDAYS

STOPWORDS = frozenset(
    (
        "a an the of in on at to for from by with and or but as is are was were be been being has have had do does "
        "did that this these those it its their his her they he she we i you our your them him who whom whose which "
        "what when where while also after before about into over under than then there here so such not no nor "
        "only very more most less least much many some any each other another same own just yet still already "
        "now today said says say told tells added according would could should will shall may might can must "
        "both either neither all every one"
    ).split()
)
# Role nouns that name the one holder of an office: a second holder at the same time is a contradiction.
HEAD_ROLES = frozenset("head chief secretary chair chairman chairwoman leader director".split())
# Words that make an office one of many ("a deputy minister", "an aide"): no contradiction between holders.
SHARED_OFFICE_WORDS = frozenset(
    (
        "deputy vice assistant adviser advisor aide member official officer representative envoy diplomat "
        "negotiator analyst correspondent counsellor senior former"
    ).split()
)
_WORD = re.compile(r"[^\W\d_][\w’'-]*|\d[\d,.]*\d|\d")
_NUMBER_WORDS = {**NUMBER_VALUES, "thousand": 1000}
_SCALES = SCALES
_MONTHS = MONTH_NAMES
_TIME_UNITS = v.DURATION_UNITS
_RELATIVE = frozenset("before after ago later earlier".split())
_ROLE_CLAIM = re.compile(r"^(?P<name>.+?) is (?:the |a |an )?(?P<title>.+?)\.?$")


def stem(word: str) -> str:
    """A crude, predictable English stem: enough to meet "agreements"/"agreement", "presidential"/"president"."""
    w = word.lower().strip("’'").removesuffix("’s").removesuffix("'s")
    for suffix, keep in (("ial", ""), ("al", ""), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4 and not w.endswith("ss"):
            return w[: -len(suffix)] + keep
    return w


def words(text: str) -> list[str]:
    return [m.group(0) for m in _WORD.finditer(text)]


def content_stems(text: str) -> list[str]:
    """The words that carry content, stemmed, in order; numbers, months and stop words left out."""
    out = []
    for word in words(text):
        lower = word.lower().removesuffix("’s").removesuffix("'s")
        if lower in STOPWORDS or lower in _MONTHS or lower in _NUMBER_WORDS or lower[0].isdigit():
            continue
        if lower in WEEKDAYS:
            continue
        out.append(stem(lower))
    return out


@dataclass(frozen=True)
class Count:
    """A number and what it counts: "more than 90,000 troops" -> (90000, "troop"); money counts its currency
    ("nearly $40 billion in loans" -> (40000000000, "loan", currency "USD")). The value is exact."""

    value: Decimal
    noun: str
    text: str
    currency: str | None = None
    purpose: str = ""  # what money is for: "loan" in "$40 billion in loans"
    # A part counted beside others: "15 other countries", "10 extra titles"; never compared with a whole.
    partial: bool = False

    @property
    def comparable(self) -> bool:
        """Money is compared only when the claim says what it is for: "$129" and "$9.99" alone may price
        anything."""
        return self.currency is None or bool(self.purpose)

    @property
    def key(self) -> tuple[str | None, str, bool]:
        """What two counts must share to be compared: the noun's class ("troop" and "soldier" are troops);
        for money the currency and what it is for."""
        if self.currency is not None:
            return self.currency, _class_of_stem(self.purpose), self.partial
        return None, _class_of_stem(self.noun), self.partial


def _class_of_stem(noun: str) -> str:
    """The class of a stemmed noun ("stat" of "states" is a country)."""
    return _STEMMED_CLASSES.get(noun) or noun_class(noun)


# Stems of the class nouns, singular and plural ("state" and "states" stem to "state" and "stat").
_STEMMED_CLASSES = {stem(f): name for name, members in v.NOUN_CLASSES.items() for m in members for f in (m, m + "s")}


def counts(text: str) -> list[Count]:
    """Counts of things in a claim. "No X has been signed" counts zero X. Years, days and measures ("16-inch",
    "149 horsepower", "5 percent", "45 years old", "model 3") are not counts."""
    found = []
    matches = list(_WORD.finditer(text))
    toks = [m.group(0) for m in matches]
    for i, tok in enumerate(toks):
        value = _number(tok)
        if value is None:
            continue
        if (i > 0 and toks[i - 1].lower() in _MONTHS) or (i + 1 < len(toks) and toks[i + 1].lower() in _MONTHS):
            continue  # a date: "16 May", "May 15"
        if re.fullmatch(r"(?:19|20)\d\d", tok):
            continue  # a year
        if i + 1 < len(toks) and toks[i + 1].lower() in {"st", "nd", "rd", "th"}:
            continue  # an ordinal day: "the 15th of May"
        if _measure(text, matches, i):
            continue
        currency = _currency_before(text, matches[i].start())
        j = i + 1
        while j < len(toks) and (toks[j].lower() in _SCALES or (currency and toks[j].lower() in v.SCALE_ABBREVIATIONS)):
            value *= _SCALES.get(toks[j].lower()) or v.SCALE_ABBREVIATIONS[toks[j].lower()]
            j += 1
        written = currency.lower() if currency else ""
        if j < len(toks) and currency_of(toks[j]) is not None and currency is None:
            currency, written = currency_of(toks[j]), stem(toks[j].lower())  # "200 million euros"
            j += 1
        value = normal(value)
        if currency is not None:
            k = j + 1 if j < len(toks) and toks[j].lower() in _MONEY_LINKS else j
            # what it is for is a common noun: "in loans", not "in Velmora"
            purpose = (
                _counted_noun(toks, k) if k > j and toks[k : k + 1] != [] and toks[k][0].islower() else None
            ) or ""
            said = f"{currency} {text[matches[i].start() : matches[j - 1].end()]}"
            found.append(Count(value, purpose or written, said, currency, purpose))
            continue
        noun = _counted_noun(toks, j)
        unit = toks[j].lower().removesuffix("s") if j < len(toks) else ""
        if unit in _TIME_UNITS and j + 1 < len(toks) and toks[j + 1].lower() in _RELATIVE:
            continue  # "four days before the signing": a distance in time, not a count
        if noun:
            partial = j < len(toks) and toks[j].lower() in v.COUNT_ADJECTIVES
            found.append(Count(value, noun, f"{tok} {noun}", partial=partial))
            # "signed agreements with nine states": nine agreements, one with each
            if i >= 2 and toks[i - 1].lower() == "with" and toks[i - 2].lower().endswith("s"):
                found.append(Count(value, stem(toks[i - 2].lower()), f"{toks[i - 2]} with {tok} {noun}"))
    if re.match(r"^No\s", text) or re.search(r"\bno\s+\w+", text):
        match = re.search(
            r"\b[Nn]o\s+((?:\w+\s+){0,3}?)(\w+?)s?\s+(?:of\s+this\s+kind\s+)?(?:has|have|had|was|were)\b", text
        )
        between = match.group(1).split() if match else []
        if match and not any(w.lower() in STOPWORDS or _number(w) is not None for w in between):
            found.append(Count(Decimal(0), stem(match.group(2)), "no " + match.group(2)))
    return found


# Words between money and what it is for: "$40 billion in loans", "£2 million worth of aid".
_MONEY_LINKS = frozenset("in of for worth".split())


def _measure(text: str, matches: list[re.Match[str]], i: int) -> bool:
    """The number at ``matches[i]`` measures or names something rather than counting it: a unit or percentage
    after it, a hyphenated compound ("16-inch", "a 10-day visit"), an age, or a naming noun before it."""
    end = matches[i].end()
    if (text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha()) or text[end : end + 2].strip()[:1] == "%":
        return True
    after = [m.group(0).lower() for m in matches[i + 1 : i + 3]]
    if after and (is_measure_word(after[0]) or after[0] == "per" or after[0] in v.DURATION_UNITS):
        return True
    if len(after) == 2 and after[0] in ("year", "years") and after[1] in v.AGE_WORDS:
        return True
    return i > 0 and matches[i - 1].group(0).lower() in v.NAMING_NOUNS


def _currency_before(text: str, start: int) -> str | None:
    """The currency sign or code just before a number: "$40", "US$ 3", "£200", "EUR 5"."""
    before = text[max(0, start - 5) : start].rstrip()
    for width in (4, 3, 2, 1):
        code = currency_of(before[-width:]) if len(before) >= width else None
        if code is not None and (width == 1 or not before[-width - 1 : -width].isalpha()):
            return code
    return None


def _number(tok: str) -> Decimal | None:
    lower = tok.lower()
    if lower == "thousand":
        return Decimal(1000)
    return exact_value(tok)


def _counted_noun(toks: list[str], j: int) -> str | None:
    """The noun a number counts: the last of up to three words before a preposition, verb or punctuation;
    "other", "more", "new" before it leave it what is counted ("15 other countries")."""
    noun = None
    while j < len(toks) and toks[j].lower() in v.COUNT_ADJECTIVES:
        j += 1
    for k in range(j, min(j + 4, len(toks))):
        lower = toks[k].lower()
        if lower in STOPWORDS or _number(toks[k]) is not None:
            break
        noun = stem(lower)
        if lower.endswith("s") and not lower.endswith("ss"):
            break  # a plural noun ends the phrase: "three bilateral security agreements"
    return noun


@dataclass(frozen=True)
class Office:
    """A post: its role nouns (head, chief, secretary fold to head), the body or field it belongs to, and
    whose it is (``owner``: "Velmora's", "Velmoran", "President X's").

    ``body`` holds folded words in order; ``initials`` their first letters, so "US" can meet "United States".
    """

    roles: frozenset[str]
    body: tuple[str, ...]
    initials: tuple[str, ...]
    acronyms: frozenset[str]
    owner: frozenset[str]
    text: str

    @property
    def single_holder(self) -> bool:
        """One person holds it at a time: a head, a minister, an ambassador, a spokesman; not a deputy."""
        lowered = set(self.text.lower().replace("-", " ").split())
        return bool(self.roles) and not (lowered & SHARED_OFFICE_WORDS)

    @property
    def fully_named(self) -> bool:
        """Named well enough to say two people held the same post: "head of the Presidential Office", not
        "Foreign Minister" (whose?)."""
        return len(self.body) + len(self.acronyms) >= 2 or (bool(self.body or self.acronyms) and bool(self.owner))


# Bodies named differently by different outlets ("chief of staff" heads the president's office).
BODY_SYNONYMS = {"team": "delegation", "side": "delegation", "staff": "office", "secretariat": "office"}
_NATIONALITY = re.compile(r"(?:ian|ean|ese|ish|an|ia|a|e|y)$")


def office(title: str) -> Office:
    """Read a title as an office.

    Words up to a possessive name the owner ("President X's chief of staff"), as do nationality adjectives
    ("Velmoran Deputy Foreign Minister"); role nouns before "of"/"to" are the post, after it the body
    ("head of the Office of the President").
    """
    roles, body, initials, acronyms, owner = set(), [], [], set(), set()
    toks = words(title)
    owned = _owner_words(toks)
    past_of = False
    for i, word in enumerate(toks):
        lower = word.lower().removesuffix("’s").removesuffix("'s")
        if i in owned:
            owner.add(_body_word(lower))
            continue
        if lower in {"of", "to", "for"}:
            past_of = True
            continue
        if lower in STOPWORDS or lower in {"new", "current", "acting", "then"}:
            continue
        if word[0].isupper() and lower.endswith(("ian", "ese", "ish")) and not past_of:
            owner.add(_body_word(lower))  # a nationality
        elif lower in v.ROLE_NOUNS and not past_of:
            roles.add("head" if lower in HEAD_ROLES else stem(lower))
        elif word.isupper() and 1 < len(word) <= 3 and not past_of and not roles:
            owner.add(_body_word(lower))  # "US Ambassador": whose post
        elif word.isupper() and len(word) > 1:
            acronyms.add(lower)
        else:
            body.append(_body_word(lower))
            initials.append(lower[0])
    return Office(frozenset(roles), tuple(body), tuple(initials), frozenset(acronyms), frozenset(owner), title)


def _owner_words(toks: list[str]) -> set[int]:
    """The capitalised words ending in a possessive: "President Ivan Kovalenko's", "Velmora's"."""
    owned: set[int] = set()
    for i, word in enumerate(toks):
        if word.endswith(("’s", "'s")):
            j = i
            while j >= 0 and toks[j][:1].isupper():
                owned.add(j)
                j -= 1
    return owned


def country_key(word: str) -> str:
    """Country names and their adjectives meet: Velmora / Velmoran, Kenya / Kenyan, Japan / Japanese."""
    key = word.lower()
    stripped = _NATIONALITY.sub("", key)
    return stripped if len(stripped) >= 4 else key


def _body_word(lower: str) -> str:
    word = BODY_SYNONYMS.get(lower, lower)
    word = stem(word)
    if word.endswith("ce"):
        word = word[:-2] + "se"  # defence / defense
    return spelling_key(country_key(word))


def _expand(a: Office, b: Office) -> set[str]:
    """a's body words, with a's acronyms standing for the words of b whose initials spell them."""
    words_a = set(a.body)
    for acronym in a.acronyms:
        n = len(acronym)
        matched = False
        for i in range(len(b.initials) - n + 1):
            if "".join(b.initials[i : i + n]) == acronym:
                words_a.update(b.body[i : i + n])
                matched = True
        if not matched:
            words_a.add("@" + acronym)
    return words_a


def same_office(a: Office, b: Office) -> bool:
    """Same roles, the smaller body contained in the larger, owners not different: the wording differs, the
    post does not."""
    if not a.roles or a.roles != b.roles:
        return False
    if a.owner and b.owner and not (a.owner & b.owner):
        return False
    body_a, body_b = _expand(a, b), _expand(b, a)
    body_a = {w for w in body_a if not (w.startswith("@") and w[1:] in b.acronyms and w[1:] in a.acronyms)} | (
        {"@" + x for x in a.acronyms & b.acronyms}
    )
    body_b = {w for w in body_b if not (w.startswith("@") and w[1:] in a.acronyms and w[1:] in b.acronyms)} | (
        {"@" + x for x in a.acronyms & b.acronyms}
    )
    if body_a == body_b:
        return True
    if not body_a or not body_b:
        return False
    # Whose post it is may stand in for a word of the body: "the President's chief of staff", "presidential office".
    if not b.owner:
        body_a |= a.owner
    if not a.owner:
        body_b |= b.owner
    small, large = sorted((body_a, body_b), key=len)
    if len(small) < 2:
        return False  # one shared word ("staff") is too little to call two posts one
    return small <= large  # a word on each side the other lacks ("Northern" / "Southern"): two posts


def role_claim(text: str) -> tuple[str, str] | None:
    """(name, title) of a claim "NAME is TITLE." as the extractor writes role claims."""
    match = _ROLE_CLAIM.match(text.strip())
    if not match:
        return None
    return match.group("name"), match.group("title")


_APPOINTED = re.compile(
    r"\b(?:named|appointed|made)\s+(?P<name>(?:[A-Z][\w’'.-]*\s?){1,4})(?:,[^,]{1,80},)?\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?"
    r"(?P<title>(?:[\w’'-]+\s+){0,2}?(?:" + "|".join(sorted(v.ROLE_NOUNS)) + r")\b(?:\s+of\s+[^,.;]{3,80})?)"
)
_HAS_BEEN = re.compile(
    r"^(?P<name>(?:[A-Z][\w’'.-]*\s?){1,4})\s+(?:has been|became|is|was named|was appointed)\s+"
    r"(?:the\s+|a\s+|an\s+)?"
    r"(?P<title>(?:[\w’'-]+\s+){0,3}?(?:" + "|".join(sorted(v.ROLE_NOUNS)) + r")\b(?:\s+(?:of|to)\s+[^,.;]{3,80}?)?)"
    r"(?=\s+(?:since|in|from|until|on)\b|[,.;]|$)"
)
_LED_BY = re.compile(
    r"(?P<body>[A-Z][\w’'-]*(?:’s|'s)\s+(?:team|delegation))\s+was\s+(?:again\s+)?(?:headed|led)\s+by\s+"
    r"(?:[a-z][\w-]*\s+){0,3}?(?:[A-Z][\w-]*\s+){0,3}?(?P<name>(?:[A-Z][\w’'.-]*\s?){2,4})"
)


def stated_roles(text: str) -> list[tuple[str, str]]:
    """(name, title) pairs a claim states: role claims, appointments, "X has been Y since", "led by X"."""
    found = []
    role = role_claim(text)
    if role is not None and role[0][:1].isupper():
        found.append(role)
    for pattern in (_APPOINTED, _HAS_BEEN):
        for m in pattern.finditer(text):
            found.append((m.group("name").strip(), m.group("title").strip()))
    for m in _LED_BY.finditer(text):
        body = m.group("body")
        found.append((m.group("name").strip(), "head of " + body))
    return list(dict.fromkeys((name.strip(" .,;"), title.strip(" .,;")) for name, title in found))


# Presence at an event: who was there, and who was not ("did not send anyone", "stayed in X", "by video link").
_ABSENT = re.compile(
    r"(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:,[^,]{1,80},)?\s+"
    r"(?:had been invited but\s+|was invited but\s+)?"
    r"(?:did not|didn't|declined to|refused to|failed to)\s+(?:send|attend|take part|participate|travel|come|go)\b"
    r"|(?P<who2>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:,[^,]{1,80},)?\s+(?:stayed|remained)\s+(?:in|at)\s+[A-Z]"
)
_REMOTE = re.compile(r"\bby video(?:\s+link)?\b|\bremotely\b|\bvirtually\b")
_PRESENT_SUBJECT = re.compile(
    r"(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:,[^,]{1,80},)?\s+"
    r"(?:flew in|flew to|travell?ed to|arrived in|attended|took part|was present|were present|came to)\b"
)
_PRESENT_GROUP = re.compile(
    r"\b(?i:counterparts|officials|delegations|representatives|envoys)\s+(?:from|of)\s+(?P<list>[^.;:]{3,200})"
)


@dataclass(frozen=True)
class Presence:
    """Names said to have been at (``present``) or away from (``absent``) the event a claim reports."""

    present: tuple[str, ...]
    absent: tuple[str, ...]


# A name where something happens: "in Ostwick", "at Korvast", "in the Velmoran port of Dravia".
_LOCATED = re.compile(
    rf"\b(?:{'|'.join(sorted(v.LOCATIVE_PREPOSITIONS))})\s+"
    rf"(?:the\s+(?:[^\W\d_][\w’'-]*\s+)?(?:{'|'.join(sorted(v.PLACE_NOUNS))})\s+of\s+)?"
    r"(?P<where>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
)


def located(text: str) -> tuple[str, ...]:
    """The names a claim puts something in or at: the places it says an event happened, not the countries it
    names as actors ("Velmora proposed a meeting") or as beneficiaries ("aid for Velmora")."""
    return tuple(m.group("where") for m in _LOCATED.finditer(text))


def presence(text: str) -> Presence:
    present, absent = [], []
    for m in _ABSENT.finditer(text):
        absent.append((m.group("who") or m.group("who2")).strip())
    if _REMOTE.search(text):
        head = re.match(r"(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})", text)
        if head:
            absent.append(head.group("who"))
    for m in _PRESENT_SUBJECT.finditer(text):
        present.append(m.group("who").strip())
    for m in _PRESENT_GROUP.finditer(text):
        present.extend(p.strip() for p in re.split(r",\s*|\s+and\s+|\s+as well as\s+(?:from\s+)?", m.group("list")))
    return Presence(tuple(p for p in present if p), tuple(a for a in absent if a))
