"""Spelling keys that make romanisations of one name meet: Hnatiuk/Gnatyuk, Yevhen/Evgen, Olha/Olga, Андрей/Andrey.

Ukrainian and Russian names reach English through several systems (BGN/PCGN, the Ukrainian national system,
scholarly, French and German ones) and through each outlet's habits. Their differences are systematic: г is
h in Ukrainian and g in Russian; и, і, й, е, є, ї come out as i, y, e, ie, ye, yi, iy, ii; doubled letters come and
go; Cyrillic digraphs (ж, х, ч, ш, щ, ц) have two or three Latin spellings each. A spelling key folds those
differences so that variants compare equal, and rapidfuzz scores what is left (a dropped or added letter).
These are rules about writing systems, not about any person.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii
from rapidfuzz.distance import Indel

# Applied in order to lower-case ASCII. Upper-case letters stand for one sound that Latin spells with two.
SPELLING_RULES: tuple[tuple[str, str], ...] = (
    ("x", "ks"),  # Alexander / Oleksandr / Aleksandr
    ("shch", "S"),  # щ
    ("tsch", "C"),  # ч (German)
    ("sch", "S"),  # щ, ш (German)
    ("tch", "C"),  # ч (French)
    ("zh", "Z"),  # ж
    ("kh", "X"),  # х
    ("ch", "C"),  # ч
    ("sh", "S"),  # ш
    ("ts", "c"),  # ц
    ("tz", "c"),  # ц (German)
    ("ph", "f"),
    ("ck", "k"),
    ("w", "v"),  # German and Polish romanisations: Wolodymyr
    ("ou", "u"),  # French: Iouri
    ("j", "y"),  # Andrij, Jurij: j stands for й
    ("h", "g"),  # г is h in Ukrainian, g in Russian: Olha / Olga, Ihor / Igor
    ("y", "i"),  # и, і, й, ы: Bilenkyy / Bilenkiy, Lysyi / Lisiy
    ("e", "i"),  # е, є, э: Yevhen / Evgen, Andrey / Andrii
)
_NOT_LETTER = re.compile(r"[^a-z]+")
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aiou]")


def to_latin(text: str) -> str:
    """Any script in Latin letters (Олег Гнатюк -> Oleg Gnatyuk); Latin text keeps its form, less its accents."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return anyascii(unicodedata.normalize("NFC", stripped))


def plain(word: str) -> str:
    """Lower-case Latin letters only: the form fuzzy scores compare when keys differ."""
    return _NOT_LETTER.sub("", to_latin(word).lower())


def spelling_key(word: str) -> str:
    """One word folded so that its romanisations compare equal ("Bilenkyy", "Bilenkiy" -> "bilinki")."""
    key = plain(word)
    for pattern, replacement in SPELLING_RULES:
        key = key.replace(pattern, replacement)
    return _DOUBLED.sub(r"\1", key)


def thing_key(name: str) -> str:
    """The key of a name that is not a person's: every word folded, a leading "the" dropped."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(spelling_key(w) for w in words)


def skeleton(key: str) -> str:
    """The consonants of a key: what survives vowel and ending variants."""
    return _VOWELS.sub("", key)


def blocking_keys(word: str) -> set[str]:
    """Keys under which a word is filed so that near spellings meet without comparing every pair.

    The consonant skeleton and each of its one-letter deletions: Pesko (psk) and Peshko (pSk) share pk.
    """
    bones = skeleton(spelling_key(word))
    if len(bones) < 3:
        return {"=" + spelling_key(word)}
    return {bones} | {bones[:i] + bones[i + 1 :] for i in range(len(bones))}


def similarity(a: str, b: str) -> float:
    """How alike two spellings are, 0..1: the better of the plain letters and the folded keys."""
    plain_a, plain_b = plain(a), plain(b)
    if not plain_a or not plain_b:
        return 0.0
    key_a, key_b = spelling_key(a), spelling_key(b)
    if key_a == key_b:
        return 1.0
    return max(Indel.normalized_similarity(plain_a, plain_b), Indel.normalized_similarity(key_a, key_b))
