"""Spelling variants: one entity written differently by different outlets (Hnatiuk / Gnatyuk, Kharkiv / Charkiw).

A form is a variant of another when a word that stands in the same place differs in its letters: not when one
form only adds a first name or a middle initial ("Hnatiuk", "Oleh Hnatiuk", "Maria T. Hollis").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from tracker.entities.personal import PersonalName, bare_surname, is_acronym, parse
from tracker.entities.romanise import plain


@dataclass(frozen=True)
class Sighting:
    """A form of an entity as one source wrote it; or as several wrote it alike, ``times`` in all."""

    form: str
    outlet: str
    claim_id: int | None  # a claim of that source about the entity, if any (of the first source that has one)
    times: int = 1
    # Where the source of ``claim_id`` is in the order written, when sightings of several sources are counted
    # together (None: where this sighting is among the sightings)
    claimed_at: int | None = None


@dataclass(frozen=True)
class SpellingVariant:
    entity_id: int
    forms: tuple[str, ...]
    outlets: tuple[str, ...]
    claim_ids: tuple[int, ...]
    explanation: str


def spelling_variant(entity_id: int, name: str, is_person: bool, sightings: list[Sighting]) -> SpellingVariant | None:
    """The flag for an entity written in more than one spelling, or None; the sightings in the order written
    (of the first of those counted together)."""
    spellings: dict[str, list[tuple[int, Sighting]]] = defaultdict(list)  # (where its claim is, sighting)
    for at, s in enumerate(sightings):
        spellings[_spelling(s.form, is_person)].append((at if s.claimed_at is None else s.claimed_at, s))
    spellings.pop("", None)
    variants = _distinct_spellings({k: sum(s.times for _at, s in seen) for k, seen in spellings.items()}, is_person)
    if len(variants) < 2:
        return None
    parts: list[str] = []
    outlets: list[str] = []
    claims: list[int] = []
    for spelling in variants:
        seen = spellings[spelling]
        written: Counter[str] = Counter()
        for _at, s in seen:
            written[s.form] += s.times
        form = max(written, key=lambda f: (written[f], len(f)))  # ties: the form written first
        by = sorted({s.outlet for _at, s in seen})
        parts.append(f"{form} ({', '.join(by)})")
        outlets.extend(o for o in by if o not in outlets)
        first = min(((at, s.claim_id) for at, s in seen if s.claim_id is not None), default=None)
        if first is not None:
            claims.append(first[1])
    explanation = f"{name} is spelt {len(variants)} ways: " + "; ".join(parts) + "."
    return SpellingVariant(entity_id, tuple(variants), tuple(outlets), tuple(claims), explanation)


def spelt_several_ways(is_person: bool, written: dict[str, int]) -> bool:
    """Whether ``spelling_variant`` flags an entity written in these forms this often (a flag needs nothing
    else: where and by whom they were written only say what it says)."""
    spellings: Counter[str] = Counter()
    for form, times in written.items():
        spellings[_spelling(form, is_person)] += times
    spellings.pop("", None)
    return len(_distinct_spellings(dict(spellings), is_person)) >= 2


@lru_cache(maxsize=1 << 16)
def _spelling(form: str, is_person: bool) -> str:
    """What a form says about spelling: surname and first name for people, the letters for others."""
    if not is_person:
        words = form.split()
        if len(words) > 1 and words[0].lower() == "the":
            words = words[1:]  # "the Black Death" is how a sentence writes "Black Death", not a spelling
        return " ".join(words)
    name = parse(form)
    return f"{name.first} {name.surname}" if name.first else name.surname


def _distinct_spellings(spellings: dict[str, int], is_person: bool) -> list[str]:
    """Spellings (with how often each is written) that differ in letters; a surname alone counts only when no
    full name spells it so."""
    keys = sorted(spellings, key=lambda k: (-spellings[k], k))
    if not all(_abbreviation(k) for k in keys):
        keys = [k for k in keys if not _abbreviation(k)]  # "WHO", "DRC", "U.S." abbreviate; they spell nothing
    if not is_person:
        return _by_letters(_without_extensions(keys), plural=True)
    # a name that only leaves words of another out ("Lumo" beside "Lumo Search", "Velmo" beside "Velmo
    # Play", the shape of a person's name but a thing's) spells nothing otherwise
    words = {k: [plain(w) for w in k.split()] for k in keys}
    keys = [k for k in keys if not any(j != k and _within(words[k], words[j]) for j in keys)]
    names = {k: parse(k) for k in keys}
    full = [k for k in keys if names[k].first and not _initial_of_another(names[k], [names[j] for j in keys])]
    surnames = {names[k].surname for k in full}
    # "Hnatiuk", "De Vries" and "von Moltke" are surnames alone
    spelt = {plain(s) for s in surnames} | {plain(bare_surname(s)) for s in surnames}
    lone = [k for k in keys if not names[k].first and plain(k) not in spelt and plain(bare_surname(k)) not in spelt]
    return _by_letters(full + lone)


def _abbreviation(form: str) -> bool:
    return is_acronym(form.replace(".", ""))


def _initial_of_another(name: PersonalName, names: list[PersonalName]) -> bool:
    """ "B. Nzeribe" beside "Benjamin Nzeribe": the initial of a first name the other spells out."""
    first = (name.first or "").rstrip(".")
    if len(first) != 1:
        return False
    return any(
        n.first and len(n.first.rstrip(".")) > 1 and n.first[0] == first and plain(n.surname) == plain(name.surname)
        for n in names
    )


def _without_extensions(keys: list[str]) -> list[str]:
    """A body's names less those that only add words to another or leave words of it out ("Sweden" and
    "Sweden Group F", "Verizon" and "Verizon Search"): as with a first name added to a surname, no word that
    stands in the same place is spelt otherwise. If nothing else is left, nothing is spelt two ways."""
    words = {k: [plain(w) for w in k.split()] for k in keys}
    return [k for k in keys if not any(j != k and _within(words[j], words[k]) for j in keys)]


def _within(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` stands in ``long`` in order, and ``long`` has more."""
    rest = iter(long)
    return len(short) < len(long) and all(w in rest for w in short)


def _by_letters(keys: list[str], plural: bool = False) -> list[str]:
    """Keys that differ in their letters; ``plural``: a name and its plural ("Magic Keyboards") are one."""
    out, seen = [], set()
    for key in keys:
        letters = plain(key)
        if plural:
            letters = letters.removesuffix("s")
        if letters not in seen:
            seen.add(letters)
            out.append(key)
    return out
