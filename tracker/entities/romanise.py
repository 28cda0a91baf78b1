"""Spelling keys that make romanisations of one name meet: Hnatiuk/Gnatyuk, Yevhen/Evgen, Olha/Olga, Андрей/Andrey.

Ukrainian and Russian names reach English through several systems (BGN/PCGN, ISO 9, scholarly, the national
systems, German, French and Polish renderings) and through each outlet's habits. Their differences are
systematic, and ``systems`` keeps them as data: a word written in Cyrillic is read with one system; a Latin
word is read back with the system its marks betray (sch/tsch German, tch/ou French, sz/cz Polish, š/č/ž
scholarly, ŝ/û ISO 9, else English), then folded by rules every system shares (г is h or g; и, і, й, е, є
come out as i, y, e, ie, ye; doubled letters come and go). A spelling key folds those differences so variants
compare equal, and rapidfuzz scores what is left (a dropped or added letter). Other scripts are read by
anyascii (Arabic without its article, Chinese characters as surname and given name) and folded the same way.
These are rules about writing systems, not about any person.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Indel

from tracker.entities import systems as sy

SPELLING_RULES = sy.SPELLING_RULES
_NOT_LETTER = re.compile(r"[^a-z]+")
_NOT_KEY = re.compile(r"[^a-zA-Z]+")
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aiou]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Each Latin reading with what marks a word as written in it (any of its marks, as one pattern).
_READINGS = tuple((r, re.compile("|".join(map(re.escape, r[1])))) for r in sy.LATIN_READINGS)


def _in(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in ranges)


def _any_of(ranges: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    """A pattern finding any character in these ranges of code points (what ``_in`` tests, a text at once)."""
    return re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges) + "]")


_ABJAD = _any_of(sy.ABJAD_RANGES)
_SYLLABIC = _any_of(sy.SYLLABIC_RANGES)


@lru_cache(maxsize=65536)  # pure, and asked again for every pair a neighbourhood scores
def is_abjad(text: str) -> bool:
    """Written in a script that leaves short vowels out (Arabic, Hebrew)."""
    return _ABJAD.search(text) is not None


def cyrillic_to_latin(text: str, system: str = sy.CYRILLIC_READING) -> str:
    """Cyrillic in one published system (``systems.CYRILLIC_SYSTEMS``); Ukrainian letters pick the Ukrainian table."""
    russian, ukrainian, initial = sy.CYRILLIC_SYSTEMS[system]
    lower = text.lower()
    is_ukrainian = any(ch in sy.UKRAINIAN_ONLY for ch in lower) or not any(ch in sy.RUSSIAN_ONLY for ch in lower)
    table = ukrainian if is_ukrainian else russian
    out = []
    i = 0
    while i < len(text):
        ch, pair = text[i], lower[i : i + 2]
        if system == sy.CYRILLIC_READING and pair in sy.CYRILLIC_PAIRS:
            latin, step = sy.CYRILLIC_PAIRS[pair], 2
        else:
            low = ch.lower()
            at_start = i == 0 or not text[i - 1].isalpha()
            latin = (initial.get(low) if at_start else None) or table.get(low, ch)
            step = 1
        if ch.isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        i += step
    return "".join(out)


def has_syllabic(text: str) -> bool:
    """Written in characters that run a name's syllables together (Chinese)."""
    return _SYLLABIC.search(text) is not None


def _syllabic_to_latin(text: str) -> str:
    """Chinese characters as the Latin press writes them: surname, then the given name in one word."""
    out = []
    for word in text.split():
        if all(_in(ch, sy.SYLLABIC_RANGES) for ch in word) and len(word) > 1:
            syllables = [anyascii(ch) for ch in word]
            out.append(syllables[0] + " " + "".join(syllables[1:]).capitalize())
        else:
            out.append(word)
    return " ".join(out)


def to_latin(text: str) -> str:
    """Any script in Latin letters (Олег Гнатюк -> Oleh Hnatiuk); Latin text keeps its form, less its accents."""
    if text.isascii():
        return text
    if _CYRILLIC.search(text):
        text = cyrillic_to_latin(text)
    if is_abjad(text):
        text = " ".join(w.removeprefix(sy.ARABIC_ARTICLE) if len(w) > 3 else w for w in text.split())
    if has_syllabic(text):
        text = _syllabic_to_latin(text)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return anyascii(unicodedata.normalize("NFC", stripped))


@lru_cache(maxsize=65536)  # pure, and asked again for every pair a neighbourhood scores
def plain(word: str) -> str:
    """Lower-case Latin letters only: the form fuzzy scores compare when keys differ."""
    return _NOT_LETTER.sub("", to_latin(word).lower())


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """One word folded so that its romanisations compare equal ("Bilenkyy", "Bilenkiy" -> "bilinki")."""
    text = unicodedata.normalize("NFC", word).lower()
    if _CYRILLIC.search(text) or is_abjad(text) or has_syllabic(text):
        text = to_latin(text).lower()
    reading = next((r for r, marked in _READINGS if marked.search(text)), None)
    if reading is not None:
        name, _marks, groups = reading
        for ending, replacement in sy.READING_ENDINGS.get(name, ()):
            if text.endswith(ending):
                text = text[: -len(ending)] + replacement
                break
        for pattern, replacement in groups:
            text = text.replace(pattern, replacement)
    for letter, replacement in sy.MARKED_LETTERS.items():
        text = text.replace(letter, replacement)
    decomposed = unicodedata.normalize("NFKD", text)
    text = anyascii("".join(ch for ch in decomposed if not unicodedata.combining(ch)))
    key = _NOT_KEY.sub("", text)
    for pattern, replacement in sy.SPELLING_RULES:
        key = key.replace(pattern, replacement)
    return _DOUBLED.sub(_once, key)


def _once(doubled: re.Match[str]) -> str:
    """A letter written twice or more, once (a function: Python 3.11 parses a template anew at every match)."""
    return doubled.group(1)


def thing_key(name: str) -> str:
    """The key of a name that is not a person's: every word folded, a leading "the" dropped."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(spelling_key(w) for w in words)


def labels(name: str) -> tuple[str, ...]:
    """The letters standing alone in a name, labels no romanisation changes ("Group E", "Flight B"): two names
    whose labels differ are two things, however alike their keys."""
    return tuple(w.upper() for w in name.split() if len(w) == 1 and w.isalpha())


def skeleton(key: str) -> str:
    """The consonants of a key: what survives vowel and ending variants."""
    return _VOWELS.sub("", key)


def _abjad_skeleton(key: str) -> str:
    return "".join(ch for ch in key if ch not in sy.ABJAD_SILENT)


def symbols(key: str) -> str:
    """The letters of a key that stand for a sound Latin spells with several letters (S, C, Z, X), in order."""
    return "".join(ch for ch in key if ch.isupper())


@lru_cache(maxsize=65536)  # pure, and asked again for every pair a neighbourhood scores
def same_spelling(a: str, b: str) -> bool:
    """One spelling under two systems: equal keys, the same letters but for accents (Dvořáček / Dvoracek), or
    equal consonants when one side is written without vowels."""
    key_a, key_b = spelling_key(a), spelling_key(b)
    if key_a == key_b or (plain(a) == plain(b) and not is_abjad(a)):
        return bool(key_a)
    if is_abjad(a) != is_abjad(b):
        return bool(key_a and key_b) and _abjad_skeleton(key_a) == _abjad_skeleton(key_b)
    return False


def key_blocks(key: str) -> set[str]:
    """Blocking keys of a spelling key: its consonant skeleton and one-letter deletions, fine and coarse."""
    out: set[str] = set()
    coarse = "".join(sy.COARSE_LETTERS.get(ch, ch) for ch in key).replace("ks", "k")
    for variant in dict.fromkeys((key, coarse)):
        bones = skeleton(variant)
        if len(bones) < 3:
            out.add("=" + variant)
            continue
        out.add(bones)
        out.update(bones[:i] + bones[i + 1 :] for i in range(len(bones)))
    if len(consonants := _abjad_skeleton(key)) >= 2:
        out.add("consonants:" + consonants)  # where a name written without vowels meets its Latin form
    return out


def blocking_keys(word: str) -> set[str]:
    """Keys under which a word is filed so that near spellings meet without comparing every pair.

    The consonant skeleton and each of its one-letter deletions: Pesko (psk) and Peshko (pSk) share pk; and the
    same for the coarse key in which x/kh, š/sh, ž/zh, j/y are one letter.
    """
    return key_blocks(spelling_key(word))


def similarity(a: str, b: str) -> float:
    """How alike two spellings are, 0..1: the better of the plain letters and the folded keys."""
    plain_a, plain_b = plain(a), plain(b)
    if not plain_a or not plain_b:
        return 0.0
    if same_spelling(a, b):
        return 1.0
    key_a, key_b = spelling_key(a), spelling_key(b)
    return max(Indel.normalized_similarity(plain_a, plain_b), Indel.normalized_similarity(key_a, key_b))
