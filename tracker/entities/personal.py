"""Personal names taken apart (first name, middle, surname) and compared part by part."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.entities.romanise import plain, similarity, spelling_key
from tracker.extract.names import NAME_PARTICLES

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class PersonalName:
    first: str | None
    middle: tuple[str, ...]
    surname: str

    @property
    def surname_key(self) -> str:
        return spelling_key(self.surname)

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
    forms = [outside, trailing.group(1)] if trailing else [clean_form(text), outside]
    return [f for f in dict.fromkeys(forms) if f]


def parse(name: str) -> PersonalName:
    words = [w for w in clean_form(name).split() if w]
    while len(words) > 1 and plain(words[-1]) in SUFFIXES:
        words.pop()
    if not words:
        return PersonalName(None, (), "")
    surname_at = len(words) - 1
    while surname_at > 1 and words[surname_at - 1].lower() in NAME_PARTICLES:
        surname_at -= 1
    surname = " ".join(words[surname_at:])
    if surname_at == 0:
        return PersonalName(None, (), surname)
    return PersonalName(words[0], tuple(words[1:surname_at]), surname)


def is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


def first_names_agree(a: str | None, b: str | None, close: float) -> str:
    """How two first names compare: "same", "initial", "close", "missing" or "different"."""
    if a is None or b is None:
        return "missing"
    if spelling_key(a) == spelling_key(b):
        return "same"
    if is_initial(a) or is_initial(b):
        return "initial" if plain(a)[:1] == plain(b)[:1] else "different"
    return "close" if similarity(a, b) >= close else "different"


def middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names only disagree when both sides give one and the initials differ ("Wendy R." vs "Wendy K.")."""
    if not a or not b:
        return True
    return plain(a[0])[:1] == plain(b[0])[:1]
