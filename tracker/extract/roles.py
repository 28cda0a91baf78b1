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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.clean.spans import Span
from tracker.extract import vocabulary as v
from tracker.extract.facts import RoleFact

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tracker.analyse import Sentence

# Entity labels that say a name is not a person's.
NOT_PERSON = frozenset("GPE LOC NORP FAC DATE TIME MONEY PERCENT QUANTITY CARDINAL ORDINAL EVENT LAW LANGUAGE".split())
# Labels of a body or place that, compounded with a title, say whose office it is ("Kremlin spokesman").
BODY_LABELS = frozenset({"ORG", "GPE"})
# Prepositions that run a title on ("chair of the port authority", "adviser on trade policy", "envoy to X").
TITLE_PREPOSITIONS = frozenset({"of", "to", "for", "on", "at"})
# Prepositions whose object is the body the office belongs to.
BODY_PREPOSITIONS = frozenset({"of", "at", "for"})
# Modifiers to the left of a title noun that belong to the title ("interim chief executive", "transport minister").
TITLE_LEFT = frozenset({"amod", "compound", "nmod", "nummod"})
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

    def fact(self, text: str, holder: str | None = None) -> RoleFact:
        organisation = self.organisation.of(text) if self.organisation else None
        return RoleFact(
            holder or self.holder.of(text),
            self.office or self.title.of(text),
            self.title,
            organisation,
            self.organisation,
            rule=self.rule,
            temporary=self.temporary,
            holder_span=self.holder,
        )


Reader = Callable[["Sentence", "Token"], Iterator[Role]]


def role_facts(sentence: Sentence) -> list[Role]:
    """Every role the sentence's parse states, in reading order, one per holder and title."""
    found: list[Role] = []
    seen: set[tuple[int, int]] = set()
    for token in sentence.tokens:
        for _name, (_doc, reader, _side) in RULES.items():
            for role in reader(sentence, token):
                if (role.holder.start, role.title.start) not in seen:
                    seen.add((role.holder.start, role.title.start))
                    found.append(role)
    found.sort(key=lambda r: (r.holder.start, r.title.start))
    return found


def is_side_fact(role: Role) -> bool:
    """A role stated beside the sentence's own statement (an apposition, a title before a name): it makes a
    claim of its own. A clause role ("X is chair", "X heads the team") is the statement itself."""
    return RULES[role.rule][2]


# -- names ------------------------------------------------------------------------------------------------


def _name(token: Token) -> list[Token] | None:
    """The name whose last word is ``token``: it and the proper nouns compounded to its left; None when the
    token is no person's name (a place, a date, a pronoun, a common noun)."""
    if token.pos_ != "PROPN" or token.ent_type_ in NOT_PERSON or token.tag_ == "NNPS":
        return None
    words = [token]
    i = token.i - 1
    while i >= token.sent.start:
        left = token.doc[i]
        if left.pos_ != "PROPN" or left.dep_ != "compound" or left.head.i != token.i or _title_like(left, token):
            break
        words.insert(0, left)
        i -= 1
    if any(not w.text[:1].isupper() or w.lower_.rstrip(".") in v.ROLE_NOUNS for w in words):
        return None  # "President", "Secretary": a title standing alone names no one
    if all(w.lower_ in v.NOT_NAME_WORDS for w in words):
        return None
    return words


def _possessive(name: list[Token]) -> bool:
    """ "President Ivo Marek's adviser": the name owns what follows; the title before it is not his."""
    return any(c.dep_ == "case" for c in name[-1].children)


def _title_like(word: Token, name_head: Token) -> bool:
    """A capitalised word before a name that belongs to a title, not to the name: outside the name's entity,
    and either modified itself ("Transport Minister"), a body's or place's name, or a word the lexicon knows
    as a title ("Minister"), which stays a title even inside the entity."""
    bare = word.lower_.rstrip(".")
    if bare in v.ROLE_NOUNS or bare in v.TITLE_MODIFIERS:
        return True
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
    for word in noun.doc[first.i : noun.i]:
        if word.ent_type_ in BODY_LABELS and word.pos_ == "PROPN":
            words = [t for t in noun.doc[first.i : noun.i] if t.ent_type_ == word.ent_type_]
            return _span(sentence, words)
    return None


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
    if not name:
        return
    title = _title(sentence, noun)
    if title is None or title.first.i <= name[-1].i < title.last.i or not _person_like(name, noun):
        return
    yield _role(sentence, name, title, "apposition")


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
    if not (noun.pos_ == "NOUN" or noun.lower_ in v.ROLE_NOUNS or _title_like(noun, token)):
        return
    first = noun
    while (
        first.i > token.sent.start
        and token.doc[first.i - 1].head.i in {noun.i, token.i}
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


def _copula(sentence: Sentence, token: Token) -> Iterator[Role]:
    """ "Ana Kovac is the chair of the port authority"; "X became mayor"."""
    if token.dep_ != "attr" or token.head.lemma_.lower() not in v.COPULA_VERBS:
        return
    verb = token.head
    if any(c.dep_ == "neg" for c in verb.children):
        return
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    name = _name(subjects[0]) if subjects else None
    title = _title(sentence, token)
    if name and title and _person_like(name, token):
        yield _role(sentence, name, title, "copula")


def _role_verb(sentence: Sentence, token: Token) -> Iterator[Role]:
    """ "Kovac heads the team", "Ida Brenner now runs the company", "The delegation was led by Kovac"."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in v.ROLE_VERBS or token.dep_ in {"acl", "amod"}:
        return
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children):
        return
    passive = any(c.dep_ == "auxpass" for c in children)
    if passive:
        agents = [p for c in children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        bodies = [c for c in children if c.dep_ == "nsubjpass"]
        holder = agents[0] if agents else None
    else:
        holder = next((c for c in children if c.dep_ == "nsubj"), None)
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
        _noun_phrase(sentence, body),
        temporary,
        office=v.ROLE_VERBS[lemma],
    )


def _appointment(sentence: Sentence, token: Token) -> Iterator[Role]:
    """ "Ida Brenner was named interim chief executive", "Holt was appointed as head of the grid agency"."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in v.APPOINTMENT_VERBS:
        return
    children = list(token.children)
    holder = next((c for c in children if c.dep_ in {"nsubjpass", "dobj"}), None)
    name = _name(holder) if holder is not None else None
    if not name:
        return
    nouns = [c for c in children if c.dep_ in {"oprd", "attr", "xcomp"}]
    nouns += [p for c in children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    for noun in nouns[:1]:
        title = _title(sentence, noun)
        if title and _person_like(name, noun):
            yield _role(sentence, name, title, "appointment")


# name -> (what it reads, the rule, whether its role stands beside the sentence's statement)
RULES: dict[str, tuple[str, Reader, bool]] = {
    "apposition": ("a common noun in apposition to a name: 'Ivo Marek, transport minister,'", _apposition, True),
    "compound": ("title words compounded before a name: 'Transport Minister Ivo Marek'", _compound, True),
    "copula": ("a name as subject of 'be'/'become' with a noun predicate: 'X is chair of Y'", _copula, False),
    "role-verb": ("a role verb with a name as subject or agent: 'X heads the team', 'led by X'", _role_verb, False),
    "appointment": ("a name named or appointed to an office: 'X was named chief executive'", _appointment, False),
}
