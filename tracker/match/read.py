"""What matching reads beside the stored frames: content stems (for corroboration by wording), offices read
from a stored role's title, and, until extraction stores them, presence and place (``presence``, ``located``).

Offices are compared as data, not as strings: "head of the Office of the President" and "Presidential Office
chief" are one office; "spokesman" and "spokesperson" one kind of post (``vocabulary.ROLE_CLASSES``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.entities.romanise import spelling_key
from tracker.extract import vocabulary as v
from tracker.lexicon import MONTH_NAMES, NUMBER_VALUES, WEEKDAYS

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
# Words that make an office one of many ("a deputy minister", "an aide"): no contradiction between holders.
SHARED_OFFICE_WORDS = frozenset(
    (
        "deputy vice assistant adviser advisor aide member official officer representative envoy diplomat "
        "negotiator analyst correspondent counsellor senior founder co-founder cofounder"
    ).split()
)
# Words that say for how long or since when a post is held, not which post it is: "interim chief executive",
# "acting mayor", "the new chair", "then-minister" (the one-word succession words of those classes).
TENURE_WORDS = frozenset(
    {w for w, kind in v.SUCCESSION.items() if " " not in w and kind in ("interim", "now")} | {"current", "then"}
)
# Words that make a title a post held before: its holder is not the one holder now ("former", "ousted", "ex-").
FORMER_TITLE_WORDS = v.FORMER_WORDS
_WORD = re.compile(r"[^\W\d_][\w’'-]*|\d[\d,.]*\d|\d")
_NUMBER_WORDS = {**NUMBER_VALUES, "thousand": 1000}
_MONTHS = MONTH_NAMES


# Event classes whose theme names the one thing the event makes or changes (what was appointed: "the panel
# appointed on 3 May"): one theme on one day is one fact. A meeting's object is a topic or a counterpart
# ("negotiated agreements"), a signing's one document among many signed that day: no fact of their own.
THEMED_CLASSES = frozenset({"appointment"})


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


# A body described in common words, not named: "head of the company", "the club's coach".
_DESCRIBED = re.compile(r"\bof\s+the\s+[a-z][a-z\s-]*$|^(?:the\s+)?[a-z][a-z-]*['’]s\s")


@dataclass(frozen=True)
class Office:
    """A post: the classes of its role nouns (``vocabulary.ROLE_CLASSES``: chief and head are one), the body or
    field it belongs to, and whose it is (``owner``: "Velmora's", "Velmoran", "President X's"; ``owner_text``
    the possessive words as written, so that a person named there can be read as the post they hold).

    ``body`` holds folded words in order; ``initials`` their first letters, so "US" can meet "United States".
    """

    roles: frozenset[str]
    body: tuple[str, ...]
    initials: tuple[str, ...]
    acronyms: frozenset[str]
    owner: frozenset[str]
    text: str
    owner_text: str = ""

    @property
    def single_holder(self) -> bool:
        """One person holds it at a time: a head, a minister, an ambassador, a spokesman; not a deputy."""
        written = self.text.lower()
        lowered = set(written.split()) | set(written.replace("-", " ").split())
        return bool(self.roles) and not (lowered & (SHARED_OFFICE_WORDS | FORMER_TITLE_WORDS))

    @property
    def fully_named(self) -> bool:
        """Named well enough to say two people held the same post: "head of the Presidential Office", not
        "Foreign Minister" (whose?)."""
        return len(self.body) + len(self.acronyms) >= 2 or (bool(self.body or self.acronyms) and bool(self.owner))

    @property
    def described(self) -> bool:
        """Its body is described in lower-case words after "the" ("head of the company") or by a lower-case
        possessive ("company's finance director"), as a report does of a body it has named before."""
        return not self.acronyms and bool(_DESCRIBED.search(self.text))

    @property
    def words(self) -> frozenset[str]:
        """Everything that names the post, folded: what stands for it where it names an owner."""
        return frozenset({body_word(r) for r in self.roles} | set(self.body) | self.acronyms | self.owner)


# Bodies named differently by different outlets ("chief of staff" heads the president's office).
BODY_SYNONYMS = {"team": "delegation", "side": "delegation", "staff": "office", "secretariat": "office"}
_NATIONALITY = re.compile(r"(?:ian|ean|ese|ish|an|ia|a|e|y)$")
_ROLE_CLASS = {member: name for name, members in v.ROLE_CLASSES.items() for member in members}
_SECRETARY = "secretary"
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")


def role_class(noun: str) -> str:
    """The class of a role noun ("spokeswoman" -> "spokesperson"); a noun of no class is its own (stemmed)."""
    return _ROLE_CLASS.get(noun) or stem(noun)


def office(title: str) -> Office:
    """Read a title (as a role frame stores it) as an office.

    Words up to a possessive name the owner ("President X's chief of staff"), as do nationality adjectives
    ("Velmoran Deputy Foreign Minister"); role nouns before "of"/"to" are the post, after it the body
    ("head of the Office of the President"). A secretary heads a council or an office, and is the minister of a
    department or of a field ("Secretary of State").
    """
    roles, body, initials, acronyms, owner = set(), [], [], set(), set()
    toks = words(_DOTTED.sub(lambda m: m.group(0).replace(".", ""), title))  # "U.S." is "US"
    owned = _owner_words(toks)
    past_of, secretary, bodies = False, False, set()
    skip = -1
    for i, word in enumerate(toks):
        if i == skip:
            continue
        lower = word.lower().removesuffix("’s").removesuffix("'s")
        if i in owned:
            owner.add(body_word(lower))
            continue
        if lower in {"of", "to", "for"}:
            past_of = True
            continue
        if lower in STOPWORDS or lower in TENURE_WORDS:
            continue
        pair = f"{lower} {toks[i + 1].lower()}" if i + 1 < len(toks) else ""
        if pair in _ROLE_CLASS and not past_of:
            roles.add(_ROLE_CLASS[pair])  # "press secretary"
            skip = i + 1
        elif word[0].isupper() and lower.endswith(("ian", "ese", "ish")) and not past_of:
            owner.add(body_word(lower))  # a nationality
        elif lower == _SECRETARY and not past_of:
            secretary = True
        elif lower in v.ROLE_NOUNS and not past_of:
            roles.add(role_class(lower))
        elif word.isupper() and 1 < len(word) <= 3 and not past_of and not roles:
            owner.add(body_word(lower))  # "US Ambassador": whose post
        elif word.isupper() and len(word) > 1:
            acronyms.add(lower)
        else:
            bodies.add(lower)
            body.append(body_word(lower))
            initials.append(lower[0])
    if secretary:
        heads = bodies & (v.ORGANISATION_NOUNS - v.DEPARTMENT_NOUNS)
        roles.add(role_class("head") if heads else role_class("minister"))
    owner_text = " ".join(toks[i].removesuffix("’s").removesuffix("'s") for i in sorted(owned))
    return Office(
        frozenset(roles), tuple(body), tuple(initials), frozenset(acronyms), frozenset(owner), title, owner_text
    )


def _owner_words(toks: list[str]) -> set[int]:
    """The words ending in a possessive, with the capitalised words before it: "President Ivan Kovalenko's",
    "Velmora's", "the president's" (whose post it is, not a second post)."""
    owned: set[int] = set()
    for i, word in enumerate(toks):
        if word.endswith(("’s", "'s")):
            owned.add(i)
            j = i - 1
            while j >= 0 and toks[j][:1].isupper():
                owned.add(j)
                j -= 1
    return owned


def country_key(word: str) -> str:
    """Country names and their adjectives meet: Velmora / Velmoran, Kenya / Kenyan, Japan / Japanese."""
    key = word.lower()
    stripped = _NATIONALITY.sub("", key)
    return stripped if len(stripped) >= 4 else key


def body_word(lower: str) -> str:
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
    # Whose post it is may stand in for a word of the body: "the President's chief of staff", "presidential office",
    # "Ukrainian President" / "Ukraine President", "NASA's administrator" / "NASA administrator".
    if not b.owner:
        body_a |= a.owner
    if not a.owner:
        body_b |= b.owner
    body_a = {w[1:] if w.startswith("@") and w[1:] in body_b else w for w in body_a}
    body_b = {w[1:] if w.startswith("@") and w[1:] in body_a else w for w in body_b}
    if body_a == body_b:
        return True
    if not body_a or not body_b:
        return False
    small, large = sorted((body_a, body_b), key=len)
    if len(small) < 2:
        return False  # one shared word ("staff") is too little to call two posts one
    return small <= large  # a word on each side the other lacks ("Northern" / "Southern"): two posts


def distinct_posts(a: Office, b: Office, places: frozenset[str] = frozenset()) -> bool:
    """Two posts, not one in other words: of role classes that do not meet ("Defence Minister", "head of the
    Security Council"), or of bodies that share no word but the names of ``places`` (folded words of the places
    the claims name: "Velmoran Defence Minister", "Velmoran Finance Minister"). "research team head" and "Lumo
    Team Leader" may be one post named two ways: not distinct."""
    if not a.roles or not b.roles or same_office(a, b):
        return False
    if not a.roles & b.roles:
        return True

    def named(post: Office) -> set[str]:
        body = (set(post.body) | post.acronyms) - places
        return body or set(post.owner)  # the body, else whose post it is

    na, nb = named(a), named(b)
    if (na and na <= GENERIC_BODIES) or (nb and nb <= GENERIC_BODIES):
        return False  # "the party's leader" and "Union leader": a body named by its kind may be the named one
    if a.described or b.described:
        return False  # "head of the company" may be chief executive of the company another claim names
    if not na or not nb:
        return False  # "chief prosecutor" names no body: it may be the "chief anti-corruption prosecutor"
    return not (na & nb)


# Bodies named by their kind alone ("the party", "the ministry"), folded as office bodies are.
GENERIC_BODIES = frozenset(body_word(w) for w in v.ORGANISATION_NOUNS)


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
    found = (m.group("where") for m in _LOCATED.finditer(text))
    return tuple(w for w in found if w.split()[0].lower().rstrip(".") not in v.NOT_NAME_WORDS)  # not "in November"


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
