"""Roles read from the dependency parse: who holds which function in which body, as spans into the stored text.

The parse decides what a title is, not a list of titles: a common noun in apposition to a name ("Ivo Marek,
transport minister, said"), the noun phrase a name is compounded with ("Transport Minister Ivo Marek"), the
predicate of a copula whose subject is a name ("Ana Kovac is chair of the port authority"), the office a role
verb states ("Kovac heads the team") and the one an appointment gives ("was named interim chief executive").
The lexicon only ranks: a name the recogniser left unlabelled needs a title that reads as a person's noun.

Each rule is a row of ``RULES``; each fact records the rule that read it, and whether it is a function for one
occasion ("led the delegation", "the official heading the mission") rather than an office held until replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tracker.clean.spans import Span
from tracker.extract import vocabulary as v
from tracker.extract.facts import RoleFact
from tracker.extract.names import HYPHENED_PARTICLES, NAME_PARTICLES, Person

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tracker.analyse import Sentence

# Entity labels that say a name is not a person's.
PERSON_LABELS = frozenset({"PERSON"})
# The recogniser's labels of a name (of a person, body, place, group, event or work).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
NOT_PERSON = frozenset("GPE LOC NORP FAC DATE TIME MONEY PERCENT QUANTITY CARDINAL ORDINAL EVENT LAW LANGUAGE".split())
# Labels of a body or place that, compounded with a title, say whose office it is ("Kremlin spokesman").
BODY_LABELS = frozenset({"ORG", "GPE"})
# Prepositions that run a title on ("chair of the port authority", "adviser on trade policy", "envoy to X").
TITLE_PREPOSITIONS = frozenset({"of", "to", "for", "on", "at"})
# Prepositions whose object is the body the office belongs to.
BODY_PREPOSITIONS = frozenset({"of", "at", "for"})
# Modifiers to the left of a title noun that belong to the title ("interim chief executive", "transport minister").
TITLE_LEFT = frozenset({"amod", "compound", "nmod", "nummod"})
# Tags of a verb's past form that the parse may hang on a title as a modifier ("sacked head coach").
PAST_VERB_TAGS = frozenset({"VBD", "VBN"})
# Dependencies that end a title: a relative clause, another apposition, a coordinated phrase.
TITLE_STOPS = frozenset({"relcl", "appos", "cc", "conj", "punct", "advcl"})


@dataclass(frozen=True)
class Role:
    """One role the parse states: the holder's name, the title words, the body (if the parse gives one)."""

    holder: Span
    title: Span
    rule: str
    organisation: Span | None = None
    temporary: bool = False
    office: str | None = None  # the office noun a role verb stands for ("heads" -> "head")
    change: Succession | None = None

    def fact(self, text: str, holder: str | None = None) -> RoleFact:
        organisation = self.organisation.of(text) if self.organisation else None
        fact = RoleFact(
            holder or self.holder.of(text),
            self.office or self.title.of(text),
            self.title,
            organisation,
            self.organisation,
            rule=self.rule,
            temporary=self.temporary,
            holder_span=self.holder,
        )
        return self.change.on(fact, text) if self.change else fact


@dataclass(frozen=True)
class Succession:
    """What the sentence says of a post's succession: the class of its words (``vocabulary.SUCCESSION``), where
    they stand, and whether the post is one held before and no longer."""

    change: str | None = None
    span: Span | None = None
    former: bool = False

    def on(self, fact: RoleFact, text: str) -> RoleFact:
        words = " ".join(self.span.of(text).split()) if self.span else None
        return replace(fact, change=self.change, change_words=words, change_span=self.span, former=self.former)


Reader = Callable[["Sentence", "Token"], Iterator[Role]]


def role_facts(sentence: Sentence, common: frozenset[str] = frozenset()) -> list[Role]:
    """Every role the sentence's parse states, in reading order, one per holder and title. ``common``: the words
    its article writes as common nouns; a holder of one such word is none ("Merok General Hospital")."""
    found: list[Role] = []
    seen: set[tuple[int, int]] = set()
    for token in sentence.tokens:
        for _name, (_doc, reader, _side) in RULES.items():
            for role in reader(sentence, token):
                if _common_word(sentence, role.holder, common):
                    continue
                if (role.holder.start, role.title.start) not in seen:
                    seen.add((role.holder.start, role.title.start))
                    found.append(replace(role, change=succession(sentence, role.title, role.holder)))
    found.sort(key=lambda r: (r.holder.start, r.title.start))
    return found


def _common_word(sentence: Sentence, holder: Span, common: frozenset[str]) -> bool:
    words = [t for t in sentence.tokens if holder.start <= sentence.at(t) < holder.end and not t.is_punct]
    return len(words) == 1 and words[0].lower_ in common


def is_side_fact(role: Role) -> bool:
    """A role stated beside the sentence's own statement (an apposition, a title before a name): it makes a
    claim of its own. A clause role ("X is chair", "X heads the team") is the statement itself."""
    return RULES[role.rule][2]


# -- succession -------------------------------------------------------------------------------------------

# The order in which the classes of succession words stand for a post when the sentence says several: a verb of
# change ("replaced", "resigned") says more than a title's modifier ("interim", "new").
SUCCESSION_RANK = ("replaced", "left", "returned", "appointed", "interim", "now")
# Classes of succession verbs that the succession rule reads a post from ("X replaced Y as chair", "X resigned as
# chair", "X returned as chair"), and the class that ends the post its verb is said of.
SUCCESSION_VERB_CLASSES = ("replaced", "left", "returned")
ENDING = frozenset({"left"})
# Dependencies of the particle of a phrasal verb of succession: "took over" (prt), "stepped down" (often advmod).
PARTICLE_DEPS = frozenset({"prt", "advmod"})
# Dependencies by which a title hangs on the verb that gives or takes it: "was appointed head", "is chair", "as".
TITLE_ON_VERB = frozenset({"oprd", "attr", "xcomp", "acomp"})
# Dependencies of the words to the left of a title that may say its succession: "former", "newly appointed".
SUCCESSION_LEFT = frozenset({"amod", "advmod", "compound", "nmod", "npadvmod"})


def succession(sentence: Sentence, title: Span | None, holder: Span | None = None) -> Succession | None:
    """The words of succession the sentence says of the post on ``title`` (``vocabulary.SUCCESSION``), and
    whether it is a former post ("former", "ex-", "then-", "outgoing", "had been ... until", "previously")."""
    if title is None:
        return None
    inside = [t for t in sentence.tokens if title.start <= sentence.at(t) < title.end]
    if not inside:
        return None
    holder_i = {t.i for t in sentence.tokens if holder and holder.start <= sentence.at(t) < holder.end}
    words = [t for t in inside if t.i not in holder_i]
    doc = inside[0].doc
    i = inside[0].i - 1
    while i >= sentence.tokens.start and i not in holder_i and (doc[i].dep_ in SUCCESSION_LEFT or doc[i].text == "-"):
        words.insert(0, doc[i])
        i -= 1
    found: list[tuple[str, list[Token]]] = []
    former = False
    for word in words:
        lower = word.lower_
        if lower in v.FORMER_WORDS and (word.dep_ in SUCCESSION_LEFT or _hyphen_after(word)):
            former = True
        elif word.is_lower and word.dep_ in SUCCESSION_LEFT:
            key = lower if lower in v.SUCCESSION else word.lemma_.lower()
            if key in v.SUCCESSION and (key == lower or word.pos_ == "VERB"):
                found.append((v.SUCCESSION[key], [word]))
                if v.SUCCESSION[key] in ENDING and word.tag_ in ("VBN", "VBD"):
                    former = True  # "the sacked head coach X", "ousted chairman X": a post held before
    verb = _title_verb(inside)
    if verb is not None:
        lemma = verb.lemma_.lower()
        particles = [c for c in verb.children if c.dep_ in PARTICLE_DEPS and f"{lemma} {c.lower_}" in v.SUCCESSION]
        if particles:
            found.append((v.SUCCESSION[f"{lemma} {particles[0].lower_}"], [verb, particles[0]]))
        elif lemma in v.SUCCESSION and verb.pos_ == "VERB":
            found.append((v.SUCCESSION[lemma], [verb]))
        for child in verb.children:
            if child.dep_ == "advmod" and child.lower_ in v.SUCCESSION:
                found.append((v.SUCCESSION[child.lower_], [child]))
            if child.dep_ == "advmod" and child.lower_ in v.FORMER_WORDS:
                former = True  # "was previously chair"
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in verb.children)
        if perfect and any(c.dep_ == "prep" and c.lower_ in v.FORMER_UNTIL for c in verb.children):
            former = True  # "had been chair until May", "had been ambassador since 2021"
    left = _holder_left(sentence, holder_i) if verb is None else None
    if left is not None:
        found.append(left)  # "X, chief executive of Y, resigned on Monday": the post the holder left
    if not found and not former:
        return None
    if not found:
        return Succession(former=True)
    change, tokens = min(found, key=lambda f: SUCCESSION_RANK.index(f[0]))
    if change in ENDING and verb is not None and any(t.i == verb.i for t in tokens) and _done(verb):
        former = True  # "resigned as chair", "was dismissed as chair": held before
    if left is not None and change in ENDING and tokens is left[1]:
        former = True
    return Succession(change, sentence.span_of(min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)), former)


def _holder_left(sentence: Sentence, holder_i: set[int]) -> tuple[str, list[Token]] | None:
    """The words that say a title's holder left a post, when the holder is the subject of a verb of leaving
    that has happened ("X, chief executive of Y, resigned", "X stepped down"), not negated."""
    named = [t for t in sentence.tokens if t.i in holder_i and (t.head.i not in holder_i or t.head.i == t.i)]
    if not named or named[0].dep_ not in ("nsubj", "nsubjpass") or named[0].head.pos_ != "VERB":
        return None
    acting = named[0].head
    said = _verb_change(acting)
    return said if said is not None and said[0] in ENDING and _done(acting) else None


def _verb_change(verb: Token) -> tuple[str, list[Token]] | None:
    """The class of succession a verb says, with its particle ("resigned", "stepped down", "took over"), and
    its words; None when it says none, or is negated."""
    lemma = verb.lemma_.lower()
    particles = [c for c in verb.children if c.dep_ in PARTICLE_DEPS]
    classes = {v.SUCCESSION.get(lemma)} | {v.SUCCESSION.get(f"{lemma} {p.lower_}") for p in particles}
    change = next((c for c in SUCCESSION_VERB_CLASSES if c in classes), None)
    if change is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    return change, [verb, *(p for p in particles if v.SUCCESSION.get(f"{lemma} {p.lower_}") == change)]


def _hyphen_after(word: Token) -> bool:
    """ "ex-minister", "then-mayor": the prefix and its hyphen."""
    return word.i + 1 < len(word.doc) and word.doc[word.i + 1].text == "-"


def _title_verb(inside: list[Token]) -> Token | None:
    """The verb that gives, takes or states the post: "was appointed head", "replaced X as chair", "is chair",
    or a role verb that is the title itself ("now heads")."""
    mine = {t.i for t in inside}
    head = next((t for t in inside if t.head.i not in mine or t.head.i == t.i), inside[0])
    if head.pos_ in ("VERB", "AUX") and head.dep_ not in TITLE_ON_VERB:
        return head
    if head.dep_ in TITLE_ON_VERB and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ in ("VERB", "AUX"):
        return head.head.head
    return None


# -- names ------------------------------------------------------------------------------------------------


def _name(token: Token, labelled: bool = True) -> list[Token] | None:
    """The name whose last word is ``token``: it and the proper nouns compounded to its left, a lower-case
    particle among them ("Annelies de Vries"); None when the token is no person's name (a place, a date, a
    pronoun, a common noun). Not ``labelled``: the recogniser's label of a place is not taken as the last word."""
    if token.pos_ != "PROPN" or (labelled and token.ent_type_ in NOT_PERSON) or token.tag_ == "NNPS":
        return None
    words = [token]
    i = token.i - 1
    while i >= token.sent.start:
        left = token.doc[i]
        particle = token.doc[i - 1] if i - 1 >= token.sent.start else None
        written_on = particle is not None and not particle.whitespace_ and not left.whitespace_
        joinable = particle is not None and (particle.lower_ in HYPHENED_PARTICLES or particle.text[:1].isupper())
        if left.text == "-" and particle is not None and written_on and particle.is_alpha and joinable:
            # "al-Mansour": the particle written onto the name; "Sorel-Brun", "Wen-li": one name word
            words[:0] = [particle, left]
            i -= 2
            continue
        if (
            left.pos_ != "PROPN"
            or left.dep_ != "compound"
            or left.head.i not in {w.i for w in words}  # "Van" compounded on "der" of "Van der Molen"
            or title_like(left, token)
        ):
            break
        words.insert(0, left)
        i -= 1
    inner = words[1:-1]
    # the part after a hyphen of a name written as one word may be lower case: "Wen-li", "Jae-in"
    joined = {w.i for k, w in enumerate(words) if k and words[k - 1].text == "-" and w.is_alpha}
    if any(
        (
            not w.text[:1].isupper()
            and w.i not in joined
            and not (w in inner and w.lower_ in NAME_PARTICLES | HYPHENED_PARTICLES | {"-"})
        )
        or w.lower_.rstrip(".") in v.ROLE_NOUNS
        for w in words
    ):
        return None  # "President", "Secretary": a title standing alone names no one
    if all(w.lower_ in v.NOT_NAME_WORDS for w in words) or words[-1].lower_ in v.ORGANISATION_NOUNS:
        return None  # "Merok General Hospital" names a body, whatever the "General" before it
    return words


def _possessive(name: list[Token]) -> bool:
    """ "President Ivo Marek's adviser": the name owns what follows; the title before it is not his."""
    return any(c.dep_ == "case" for c in name[-1].children)


def title_like(word: Token, name_head: Token) -> bool:
    """A capitalised word before a name that belongs to a title, not to the name: outside the name's entity,
    and either modified itself ("Transport Minister"), a body's or place's name, or a word the lexicon knows
    as a title ("Minister"), which stays a title even inside the entity."""
    bare = word.lower_.rstrip(".")
    if bare in v.ROLE_NOUNS or bare in v.TITLE_MODIFIERS:
        return True
    if word.text in NAME_PARTICLES:
        return False  # "der" of "Van der Molen": a particle is the name's
    if name_head.ent_type_ and _same_entity(word, name_head):
        return False
    return (
        any(True for _ in word.children)
        or word.ent_type_ in BODY_LABELS | {"NORP"}
        or bare in v.ORGANISATION_NOUNS
        or word.is_upper
    )


def _same_entity(word: Token, later: Token) -> bool:
    """``word`` and ``later`` stand in one named entity."""
    return all(t.ent_iob_ == "I" and t.ent_type_ == word.ent_type_ for t in later.doc[word.i + 1 : later.i + 1])


def _person_noun(noun: Token) -> bool:
    """A noun the lexicon ranks as naming a person by what they do: a role noun, or one ending like "adviser"."""
    bare = noun.lower_.rstrip(".")
    return bare in v.ROLE_NOUNS or bare.endswith(v.PERSON_NOUN_ENDINGS)


def _person_like(name: list[Token], title_head: Token) -> bool:
    """The recogniser's PERSON label, or an unlabelled name whose title reads as a person's noun."""
    label = name[-1].ent_type_
    if label == "PERSON":
        return True
    if label == "ORG":
        return title_head.lower_ in v.ROLE_NOUNS
    return _person_noun(title_head)


def _span(sentence: Sentence, words: list[Token]) -> Span:
    return sentence.span_of(words[0], words[-1])


# -- titles ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Title:
    first: Token
    last: Token
    organisation: Span | None
    temporary: bool


def _plural(noun: Token) -> bool:
    """ "Presidents X and Y", "both ministers": a plural names no one office holder."""
    bare = noun.lower_
    return noun.tag_ in {"NNS", "NNPS"} or (bare.endswith("s") and bare[:-1] in v.ROLE_NOUNS)


def _is_title_noun(noun: Token) -> bool:
    """A singular common noun (or an unlabelled capitalised one: "President") heads a title."""
    if _plural(noun):
        return False
    if noun.pos_ == "NOUN":
        return True
    return noun.pos_ == "PROPN" and not noun.ent_type_ and noun.lower_ in v.ROLE_NOUNS


def _title(sentence: Sentence, noun: Token) -> _Title | None:
    """The title a noun heads: its left modifiers (not the article or the owner) and the prepositional phrases
    that run it on, up to a comma or a clause; the body is an "of" object, a possessive or a named compound."""
    if not _is_title_noun(noun):
        return None
    doc = noun.doc
    first = noun
    for child in sorted(noun.lefts, key=lambda t: -t.i):
        if child.tag_ in PAST_VERB_TAGS:
            break  # "sacked head coach", "newly appointed minister": words of succession, read as such, not the post
        if child.dep_ in TITLE_LEFT and child.i == first.i - 1 and child.ent_type_ not in {"PERSON", "DATE"}:
            first = doc[min(t.i for t in child.subtree)]
    last = noun
    organisation: Span | None = None
    temporary = False
    for child in noun.rights:
        if child.dep_ in TITLE_STOPS or child.i != last.i + 1:
            break
        if child.dep_ == "prep" and child.lower_ in TITLE_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if any(o.ent_type_ in ("DATE", "TIME") for o in objects):
                break  # "chief executive on Monday": the time of the naming, not part of the post
            tail = _phrase_end(child)
            if objects and child.lower_ in BODY_PREPOSITIONS and organisation is None:
                organisation = _noun_phrase(sentence, objects[0])
                temporary = temporary or objects[0].lemma_.lower() in v.OCCASION_NOUNS
            last = tail
            continue
        if child.dep_ == "acl" and child.lemma_.lower() in v.ROLE_VERBS:
            objects = [c for c in child.children if c.dep_ == "dobj"]
            if objects:
                last = _phrase_end(child)
                organisation = organisation or _noun_phrase(sentence, objects[0])
                temporary = True  # "the official heading the mission": a function, named by what it does
                continue
        break
    if organisation is None:
        organisation = _owner(sentence, noun, first)
    return _Title(first, last, organisation, temporary)


def _phrase_end(head: Token) -> Token:
    """The last word of ``head``'s phrase, before any comma or clause inside it."""
    last = head
    for token in head.doc[head.i + 1 : head.right_edge.i + 1]:
        if token.dep_ in TITLE_STOPS or token.is_punct:
            break
        last = token
    return last


def _noun_phrase(sentence: Sentence, noun: Token) -> Span:
    """A noun with its modifiers and "of" phrases, without a leading article: "port authority"."""
    words = [t for t in noun.doc[noun.left_edge.i : _phrase_end(noun).i + 1]]
    while words and words[0].dep_ in {"det", "case"}:
        words = words[1:]
    return _span(sentence, words or [noun])


def _owner(sentence: Sentence, noun: Token, first: Token) -> Span | None:
    """Whose office: a possessive ("Velmora's foreign minister") or a named body in the title ("Kremlin")."""
    for child in noun.lefts:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return _span(sentence, [child.doc[child.left_edge.i], child])
        if child.dep_ == "poss" and child.lower_ == "its":
            body = _clause_body(noun)
            if body is not None:
                return _noun_phrase(sentence, body)  # "Lumo Energy has appointed X as its chief executive"
    for word in noun.doc[first.i : noun.i]:
        if word.ent_type_ in BODY_LABELS and word.pos_ == "PROPN":
            words = [t for t in noun.doc[first.i : noun.i] if t.ent_type_ == word.ent_type_]
            return _span(sentence, words)
    return None


def _clause_body(noun: Token) -> Token | None:
    """The named body that is the subject of the clause a title stands in: what "its" of the title means."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in BODY_LABELS:
        return None
    return subject


def _role(sentence: Sentence, name: list[Token], title: _Title, rule: str, temporary: bool = False) -> Role:
    return Role(
        _span(sentence, name),
        sentence.span_of(title.first, title.last),
        rule,
        title.organisation,
        temporary or title.temporary,
    )


# -- the rules ------------------------------------------------------------------------------------------


def _apposition(sentence: Sentence, token: Token) -> Iterator[Role]:
    """ "Ivo Marek, transport minister, said"; "X, the second gentleman of Velmora,"; "X, now chair of ..."."""
    if token.dep_ != "appos":
        return
    head = token.head
    name, noun = (_name(head), token) if _name(head) else (_name(token), head)
    if name and noun is head and not _set_beside(head, token):
        return  # "The government has shortlisted two: Aleksandr Gnatyuk, ...": the parse's apposition is far
    if not name and _person_noun(token) and any(c.dep_ in ("det", "poss") for c in token.children):
        # "Seun Adeyemi, the plant manager,": a person's title set beside a name of two words or more outweighs
        # the recogniser's guess that the name is a place
        named = _name(head, labelled=False)
        article = named[0].i > 0 and named[0].doc[named[0].i - 1].lower_ == "the" if named else False
        name, noun = (named, token) if named and len(named) > 1 and not article else (None, token)
    if not name:
        return
    title = _title(sentence, noun)
    if title is None or title.first.i <= name[-1].i < title.last.i or not _person_like(name, noun):
        return
    yield _role(sentence, name, title, "apposition")


def _set_beside(head: Token, appos: Token) -> bool:
    """The apposition stands right after its head's own words, with only punctuation between: "the chairman,
    Ivo Marek," and not a name after a colon many words on."""
    own = [t.i for t in head.subtree if not (appos.left_edge.i <= t.i <= appos.right_edge.i)]
    between = head.doc[max(own) + 1 : appos.left_edge.i]
    return all(t.is_punct and t.text != ":" for t in between)


def _compound(sentence: Sentence, token: Token) -> Iterator[Role]:
    """ "Transport Minister Ivo Marek": title words compounded to the left of a name."""
    name = _name(token)
    if not name:
        return
    before = name[0].i - 1
    if before < token.sent.start:
        return
    noun = token.doc[before]
    if noun.head.i != token.i or noun.dep_ not in {"compound", "amod", "nmod"} or _plural(noun):
        return
    if noun.pos_ == "PROPN" and noun.ent_type_ in BODY_LABELS | {"PERSON"} | NOT_PERSON:
        return
    if not (noun.pos_ == "NOUN" or noun.lower_ in v.ROLE_NOUNS or title_like(noun, token)):
        return
    first = noun
    while (
        first.i > token.sent.start
        # a word on the title's words or on the name: "Civic Union leader X" hangs "Civic" on "Union"
        and (token.doc[first.i - 1].head.i == token.i or first.i <= token.doc[first.i - 1].head.i <= noun.i)
        and (token.doc[first.i - 1].dep_ in TITLE_LEFT)
    ):
        first = token.doc[first.i - 1]
    title = _Title(first, noun, _owner(sentence, noun, first), False)
    # The compound parse of capitalised runs is weak: an unlabelled name needs a title the lexicon knows.
    if _possessive(name) or not (name[-1].ent_type_ == "PERSON" or noun.lower_ in v.ROLE_NOUNS):
        return
    if not _person_noun(noun):
        return  # "a membership Kyiv sees": a compound, but no person's title
    yield _role(sentence, name, title, "compound")


def _subject(verb: Token) -> Token | None:
    """The verb's subject; for a relative clause on a name, the name it is said of ("Odin, who became chair")."""
    return _antecedent(next((c for c in verb.children if c.dep_ == "nsubj"), None), verb)


def _copula(sentence: Sentence, token: Token) -> Iterator[Role]:
    """ "Ana Kovac is the chair of the port authority"; "X became mayor"; "X, who became mayor in May,"."""
    if token.dep_ != "attr" or token.head.lemma_.lower() not in v.COPULA_VERBS:
        return
    verb = token.head
    if any(c.dep_ == "neg" for c in verb.children):
        return
    holder = _subject(verb)
    name = _name(holder) if holder is not None else None
    title = _title(sentence, token)
    if name and title and _person_like(name, token):
        yield _role(sentence, name, title, "copula")


def _role_verb(sentence: Sentence, token: Token) -> Iterator[Role]:
    """ "Kovac heads the team", "Ida Brenner now runs the company", "The delegation was led by Kovac"."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in v.ROLE_VERBS or token.dep_ == "amod":
        return
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children):
        return
    agents = [p for c in children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if token.dep_ == "acl" and not (token.tag_ == "VBN" and agents):
        return  # "the official heading the mission" is read with the title; only "X, led by Y," here
    passive = any(c.dep_ == "auxpass" for c in children) or token.dep_ == "acl"
    if passive:
        # "The delegation was led by Kovac"; "The Union, led by Kovac, won": what the participle is said of
        bodies = [c for c in children if c.dep_ == "nsubjpass"] or ([token.head] if token.dep_ == "acl" else [])
        holder = agents[0] if agents else None
    else:
        holder = _subject(token)
        bodies = [c for c in children if c.dep_ == "dobj"]
    name = _name(holder) if holder is not None else None
    if not name or not bodies or bodies[0].pos_ not in {"NOUN", "PROPN"}:
        return
    body = bodies[0]
    past = token.tag_ == "VBD" or (passive and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in children))
    temporary = past or body.lemma_.lower() in v.OCCASION_NOUNS
    yield Role(
        _span(sentence, name),
        sentence.span_of(token, token),
        "role-verb",
        _body_before(sentence, body, token) if token.dep_ == "acl" else _noun_phrase(sentence, body),
        temporary,
        office=v.ROLE_VERBS[lemma],
    )


def _antecedent(subject: Token | None, verb: Token) -> Token | None:
    """The name a relative pronoun subject stands for: "Jiang Wenli, who heads the department": Jiang Wenli."""
    if subject is not None and subject.lower_ in v.CLAUSE_OPENERS and verb.dep_ == "relcl":
        return verb.head
    return subject


def _body_before(sentence: Sentence, body: Token, participle: Token) -> Span:
    """The words of the body a participle is said of, up to the participle: "the Civic Union" of "The Civic
    Union, led by X,", without the article."""
    words = [t for t in body.doc[body.left_edge.i : participle.i] if not t.is_punct]
    while words and words[0].dep_ in {"det", "case"}:
        words = words[1:]
    return _span(sentence, words or [body])


def _appointment(sentence: Sentence, token: Token) -> Iterator[Role]:
    """ "Ida Brenner was named interim chief executive", "Holt was appointed as head of the grid agency"; "named
    X, the head of Y, as chief of Z" (the parse makes a name with an apposition the verb's predicate: it is the
    holder all the same)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in v.APPOINTMENT_VERBS:
        return
    children = list(token.children)
    holder = _antecedent(next((c for c in children if c.dep_ in {"nsubjpass", "dobj"}), None), token)
    if holder is None:
        holder = next((c for c in children if c.dep_ == "oprd" and _name(c)), None)
    name = _name(holder) if holder is not None else None
    if not name:
        return
    nouns = [c for c in children if c.dep_ in {"oprd", "attr", "xcomp"} and c is not holder]
    preps = [c for c in children if c.dep_ == "prep" and c.lower_ == "as"]
    if token.dep_ == "acl" and not preps:
        # "The board named X, the head of Y, as chief": the parse may read "the board named X" as a noun phrase
        # and hang "as" on the board; after the name, it is the naming's all the same
        preps = [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > name[-1].i]
    nouns += [p for c in preps for p in c.children if p.dep_ == "pobj"]
    for noun in nouns[:1]:
        title = _title(sentence, noun)
        if title and _person_like(name, noun):
            yield _role(sentence, name, title, "appointment")


def _succession(sentence: Sentence, token: Token) -> Iterator[Role]:
    """ "Odin replaced Ivo Marek as chair", "Dahl took over from Kovac as head of the agency": the subject holds
    the post now. "Odin resigned as chair", "Odin was dismissed as chair" (done: he held it before), "Odin
    returned as chair" (he holds it again)."""
    if token.pos_ != "VERB" or token.dep_ in {"acl", "amod"}:
        return
    children = list(token.children)
    said = _verb_change(token)
    if said is None:
        return
    change = said[0]
    if change != "replaced" and not _done(token):
        return  # "X will resign as chair", "X may return as chair": not yet said to have happened
    holder = _subject(token)  # "Odin, who replaced ..." is said of Odin
    if change != "replaced":
        # the one who left or came back: the object of "dismissed X as chair", the subject of "X resigned"
        holder = next((c for c in children if c.dep_ in {"nsubjpass", "dobj"}), holder)
    name = _name(holder) if holder is not None else None
    if not name:
        return
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                title = _title(sentence, noun)
                if title and _person_like(name, noun):
                    yield _role(sentence, name, title, "succession")
                    return


def _done(verb: Token) -> bool:
    """The verb says a thing that has happened: simple past ("resigned"), or a perfect or passive participle
    ("has resigned", "was dismissed")."""
    if verb.tag_ == "VBD":
        return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    return verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD" for c in verb.children)


# name -> (what it reads, the rule, whether its role stands beside the sentence's statement)
RULES: dict[str, tuple[str, Reader, bool]] = {
    "apposition": ("a common noun in apposition to a name: 'Ivo Marek, transport minister,'", _apposition, True),
    "compound": ("title words compounded before a name: 'Transport Minister Ivo Marek'", _compound, True),
    "copula": ("a name as subject of 'be'/'become' with a noun predicate: 'X is chair of Y'", _copula, False),
    "role-verb": ("a role verb with a name as subject or agent: 'X heads the team', 'led by X'", _role_verb, False),
    "appointment": ("a name named or appointed to an office: 'X was named chief executive'", _appointment, False),
    "succession": (
        "a name that replaced or succeeded another in an office, left it or came back to it: 'X replaced Y as "
        "chair', 'X resigned as chair', 'X returned as chair'",
        _succession,
        False,
    ),
}


def one_body_name(sentence: Sentence, person: Person, base: int) -> bool:
    """A title and name the parse reads as one name of something else: "the Ostwick Premier League" is a
    league, not a "League" whose title is "Ostwick Premier". ``person``'s offsets are from ``base``."""
    if person.title_start is None:
        return False
    start, end = base + min(person.start, person.title_start), base + max(person.end, person.title_end or 0)
    inside = [t for t in sentence.tokens if start <= sentence.at(t) < end and not t.is_punct]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    label = last.ent_type_
    if label not in NAME_LABELS - PERSON_LABELS or first.ent_type_ != label:
        return False
    return all(t.ent_iob_ == "I" for t in inside[1:])  # one entity from the title's first word to the name's last
