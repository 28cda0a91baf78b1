"""Personal names taken apart (first name, middle, surname) and compared part by part."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.entities import systems
from tracker.entities.romanise import (
    has_syllabic,
    plain,
    same_spelling,
    similarity,
    spelling_key,
    symbols,
    to_latin,
)
from tracker.extract.names import NAME_PARTICLES

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class PersonalName:
    first: str | None
    middle: tuple[str, ...]
    surname: str

    @property
    def surname_key(self) -> str:
        """The surname folded, without the particles before it: "al-Rahim" and "Al Rahim" -> the key of Rahim."""
        return surname_keys(self.surname)[0]

    @property
    def surname_keys(self) -> tuple[str, ...]:
        """The particle-free key and, if different, the key of the whole surname as one word ("Alrahim")."""
        return surname_keys(self.surname)

    @property
    def full(self) -> bool:
        return self.first is not None


def clean_form(text: str) -> str:
    """A surface form as an alias: no brackets, possessive or doubled spaces ("(Oleh) Hnatiuk" -> "Oleh Hnatiuk")."""
    text = re.sub(r"[()\[\]]", "", text)
    text = re.sub(r"(?:’s|'s|’|')$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def forms_of(text: str) -> list[str]:
    """The alias forms a written name gives.

    Brackets mark an insertion: "(Oleh) Hnatiuk" is both "Oleh Hnatiuk" and "Hnatiuk"; a bracketed acronym
    at the end is a second name: "National Anti-Corruption Bureau (NABU)" is that and "NABU".
    """
    if "(" not in text:
        return [clean_form(text)]
    trailing = re.search(r"\(([A-Z][A-Z0-9&-]{1,9})\)\W*$", text)
    outside = clean_form(re.sub(r"\([^)]*\)?", " ", text))
    if trailing and not abbreviates(trailing.group(1), outside):
        return [outside]  # "Hanoi, Vietnam (AP)": the agency of a dateline, neither the place's acronym nor its name
    forms = [outside, trailing.group(1)] if trailing else [clean_form(text), outside]
    return [f for f in dict.fromkeys(forms) if f]


def is_acronym(name: str) -> bool:
    """An abbreviation written in capitals ("NABU", "SBU"), two to ten letters."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,9}", name.strip()))


def undotted(name: str) -> str:
    """An acronym written with full stops as one written without ("U.S." as "US"); any other name unchanged."""
    bare = name.strip()
    return bare.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,10}", bare) else name


def abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym`` can be written for ``name``: it opens with the initial of the name's first word and
    its letters stand in the name in order ("NABU" for "National Anti-Corruption Bureau of Ukraine"), or the
    name is part of the name it abbreviates, its initials standing in the acronym in order ("Disease Control
    (CDC)", "Congo (DRC)"). Not "Vietnam (AP)"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() != "the"]
    letters = [ch for ch in acronym.lower() if ch.isalpha()]  # "G7" for "Group of Seven"
    if not words or not letters:
        return False
    rest = iter(" ".join(words).lower())
    if words[0][0].lower() == letters[0] and all(ch in rest for ch in letters):
        return True
    within = iter(letters)
    return all(w[0].lower() in within for w in words if w[0].isupper())


@lru_cache(maxsize=65536)  # pure, and asked again for every name a neighbourhood keys or scores
def surname_keys(surname: str) -> tuple[str, ...]:
    """A surname's keys: without its particles first, then the whole of it as one word."""
    free, whole = spelling_key(bare_surname(surname)), spelling_key(surname)
    return (free, whole) if whole != free else (free,)


@lru_cache(maxsize=65536)  # pure, and asked again for every pair a neighbourhood scores
def bare_surname(surname: str) -> str:
    """A surname without the particles before it ("al-Rahim" -> "Rahim", "van der Berg" -> "Berg")."""
    parts = [p for p in re.split(r"[\s\-'’]+", surname) if p]
    while len(parts) > 1 and plain(parts[0]) in systems.SURNAME_PARTICLES:
        parts = parts[1:]
    return "".join(parts)


def same_surname(a: PersonalName, b: PersonalName) -> bool:
    """One surname, under any romanisation, with or without its particles."""
    if set(a.surname_keys) & set(b.surname_keys):
        return True
    return same_spelling(bare_surname(a.surname), bare_surname(b.surname))


def surname_similarity(a: PersonalName, b: PersonalName) -> float:
    """How alike two surnames are, 0..1. One sound of those Latin spells with several letters (ш, щ, ч, ж, х)
    written for another is a different letter, not a slip: Khmarenko and Chmarenko are two surnames, however
    alike in letters (a dropped h, as in Peskov / Peshkov, stays a slip)."""
    marks_a, marks_b = symbols(a.surname_key), symbols(b.surname_key)
    if len(marks_a) == len(marks_b) and marks_a != marks_b:
        return 0.0
    return similarity(a.surname, b.surname)


def parse(name: str) -> PersonalName:
    if has_syllabic(name):
        name = to_latin(name)
    words = [w for w in clean_form(name).split() if w]
    while len(words) > 1 and plain(words[-1]) in SUFFIXES:
        words.pop()
    if not words:
        return PersonalName(None, (), "")
    surname_at = len(words) - 1
    while surname_at > 1 and words[surname_at - 1].lower() in NAME_PARTICLES:
        surname_at -= 1
    if surname_at == 1 and {words[0].lower(), " ".join(words[:2]).lower()} & systems.SURNAME_OPENERS:
        surname_at = 0  # "De Vries", "Van der Berg": a surname written alone
    surname = " ".join(words[surname_at:])
    if surname_at == 0:
        return PersonalName(None, (), surname)
    return PersonalName(words[0], tuple(words[1:surname_at]), surname)


def is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


def _equivalents() -> dict[str, frozenset[int]]:
    index: dict[str, set[int]] = {}
    for group, names in enumerate(systems.GIVEN_NAME_EQUIVALENTS):
        for n in names:
            index.setdefault(spelling_key(n), set()).add(group)
    return {key: frozenset(groups) for key, groups in index.items()}


_EQUIVALENT = _equivalents()


def equivalent_given_names(a: str, b: str) -> bool:
    """Forms of one given name in two languages, or a familiar form (Mykola / Nicholas, Bill / William)."""
    return bool(_EQUIVALENT.get(spelling_key(a), frozenset()) & _EQUIVALENT.get(spelling_key(b), frozenset()))


def _other_names(a: str, b: str) -> bool:
    """Both names known to the table of equivalents, in no group together (Alexander / Alexandra)."""
    groups_a, groups_b = _EQUIVALENT.get(spelling_key(a)), _EQUIVALENT.get(spelling_key(b))
    return groups_a is not None and groups_b is not None and not groups_a & groups_b


def _other_gender(a: str, b: str) -> bool:
    """The one name with a gendered ending, the other without (Oleksandr / Oleksandra): two names."""
    key_a, key_b = spelling_key(a), spelling_key(b)
    short, long = sorted((key_a, key_b), key=len)
    return any(long == short + ending for ending in systems.GENDERED_ENDINGS)


def first_names_agree(a: str | None, b: str | None, close: float) -> str:
    """How two first names compare: "same", "equivalent", "initial", "close", "missing" or "different"."""
    if a is None or b is None:
        return "missing"
    if same_spelling(a, b):
        return "same"
    if is_initial(a) or is_initial(b):
        return "initial" if plain(a)[:1] == plain(b)[:1] else "different"
    if equivalent_given_names(a, b):
        return "equivalent"
    if _other_names(a, b) or _other_gender(a, b):
        return "different"
    return "close" if similarity(a, b) >= close else "different"


def middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names only disagree when both sides give one and the initials differ ("Wendy R." vs "Wendy K.")."""
    if not a or not b:
        return True
    return plain(a[0])[:1] == plain(b[0])[:1]
