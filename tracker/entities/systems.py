"""Romanisation systems and name equivalences, kept as data: what the spelling keys of ``romanise`` are made of.

Cyrillic tables give each published system's rendering of every letter (BGN/PCGN, ISO 9, scholarly, the
Ukrainian national system of 2010, the Russian passport system of 2013, German, French and Polish renderings),
so that tests can render invented names under every system and check that the renderings fold to one key.
Latin readings say how a spelling written under one system folds back: which marks betray the system and which
letter groups stand for which Cyrillic letter. Upper-case letters in a key stand for one sound Latin spells
with several letters (S ш, C ч, Z ж, X х; щ is SC). Nothing here names a person.
"""

from __future__ import annotations

from tracker.extract.names import HYPHENED_PARTICLES

# -- Cyrillic to Latin, one table per system ----------------------------------------------------------------

_RU_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_UK_BASE = {
    **{k: v for k, v in _RU_BASE.items() if k not in "ёъыэ"},
    "г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "yi", "є": "ye", "'": "", "’": "",
}  # fmt: skip


# Each system: (Russian letters, Ukrainian letters, word-initial forms that differ).
def _both(shared: dict[str, str], ru: dict[str, str], uk: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """A system's Russian and Ukrainian tables: the common base, the letters both render alike, then each one's own."""
    return {**_RU_BASE, **shared, **ru}, {**_UK_BASE, **shared, **uk}


CYRILLIC_SYSTEMS: dict[str, tuple[dict[str, str], dict[str, str], dict[str, str]]] = {
    "bgn_pcgn": (
        {**_RU_BASE, "ё": "ë"},
        {**_UK_BASE},
        {},
    ),
    "iso9": (
        {
            **_RU_BASE,
            "ё": "ë",
            "ж": "ž",
            "й": "j",
            "х": "h",
            "ц": "c",
            "ч": "č",
            "ш": "š",
            "щ": "ŝ",
            "ъ": "ʺ",
            "ь": "ʹ",
            "э": "è",
            "ю": "û",
            "я": "â",
        },
        {
            **_UK_BASE,
            "г": "g",
            "ґ": "g̀",
            "и": "i",
            "і": "ì",
            "ї": "ï",
            "є": "ê",
            "ж": "ž",
            "й": "j",
            "х": "h",
            "ц": "c",
            "ч": "č",
            "ш": "š",
            "щ": "ŝ",
            "ь": "ʹ",
            "ю": "û",
            "я": "â",
        },
        {},
    ),
    "scholarly": (
        *_both(
            {
                "ж": "ž",
                "й": "j",
                "х": "x",
                "ц": "c",
                "ч": "č",
                "ш": "š",
                "щ": "šč",
                "ь": "ʹ",
                "ю": "ju",
                "я": "ja",
            },
            ru={
                "ё": "ë",
                "ъ": "ʺ",
                "э": "è",
            },
            uk={
                "ї": "ji",
                "є": "je",
            },
        ),
        {},
    ),
    "national": (  # Ukrainian national 2010; Russian passport (ICAO) 2013
        {**_RU_BASE, "й": "i", "ъ": "ie", "ю": "iu", "я": "ia"},
        {**_UK_BASE, "й": "i", "ї": "i", "є": "ie", "ю": "iu", "я": "ia"},
        {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"},
    ),
    "german": (
        *_both(
            {
                "в": "w",
                "ж": "sh",
                "з": "s",
                "й": "j",
                "х": "ch",
                "ц": "z",
                "ч": "tsch",
                "ш": "sch",
                "щ": "schtsch",
                "ю": "ju",
                "я": "ja",
            },
            ru={
                "ё": "jo",
            },
            uk={
                "ї": "ji",
                "є": "je",
            },
        ),
        {},
    ),
    "french": (
        *_both(
            {
                "ж": "j",
                "й": "ï",
                "у": "ou",
                "ч": "tch",
                "ш": "ch",
                "щ": "chtch",
                "ю": "iou",
                "я": "ia",
            },
            ru={
                "ё": "io",
            },
            uk={
                "ї": "ï",
                "є": "ie",
            },
        ),
        {},
    ),
    "polish": (
        *_both(
            {
                "в": "w",
                "ж": "ż",
                "й": "j",
                "л": "ł",
                "х": "ch",
                "ц": "c",
                "ч": "cz",
                "ш": "sz",
                "щ": "szcz",
                "ю": "ju",
                "я": "ja",
            },
            ru={
                "ё": "jo",
            },
            uk={
                "ї": "ji",
                "є": "je",
            },
        ),
        {},
    ),
}

# Letters only one of the two languages has: they tell which table a Cyrillic word is read with.
UKRAINIAN_ONLY = frozenset("ґєії")
RUSSIAN_ONLY = frozenset("ёъыэ")
# The system the resolver reads Cyrillic with (its output folds like every other system's).
CYRILLIC_READING = "national"
# Letter pairs the Ukrainian national system writes apart so they are not read as one (зг is zgh, not zh).
CYRILLIC_PAIRS = {"зг": "zgh"}

# -- Latin readings: how a spelling folds back ---------------------------------------------------------------

# Letters with marks that stand for a sound of their own: mapped before other marks are dropped.
MARKED_LETTERS: dict[str, str] = {
    "š": "S", "č": "C", "ž": "Z", "ŝ": "SC", "ş": "S", "ș": "S", "ç": "C", "ż": "Z", "ź": "z", "ś": "s",
    "ć": "c", "ń": "n", "ł": "l", "ğ": "g", "ı": "i", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d",
    "ʹ": "", "ʺ": "",
}  # fmt: skip

# (name, marks that betray the system, letter groups read first, longest first). The first reading whose
# marks a word shows is used; a word showing none is read the English way (BGN/PCGN, national, passport).
LATIN_READINGS: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
    ("iso9", ("ŝ", "û", "â", "ê", "è", "ì"), (("û", "iu"), ("â", "ia"), ("ê", "ie"), ("h", "X"), ("j", "y"))),
    ("scholarly", ("š", "č", "ž"), (("x", "X"), ("ch", "X"), ("j", "y"))),
    ("german", ("sch",), (("schtsch", "SC"), ("tsch", "C"), ("sch", "S"), ("ch", "X"), ("sh", "Z"), ("z", "c"))),
    ("french", ("tch", "ou", "ï"), (("chtch", "SC"), ("tch", "C"), ("ch", "S"), ("j", "Z"), ("ï", "y"))),
    ("polish", ("sz", "cz", "ż", "ł"), (("szcz", "SC"), ("cz", "C"), ("sz", "S"), ("ch", "X"), ("rz", "Z"))),
)
# Word endings a reading adds or changes: French writes -ine for -ин (Chtchoukine) and old -off for -ов.
READING_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "french": (("ine", "in"), ("off", "ov"), ("ff", "v")),
}

# Applied in order to lower-case letters left after a reading (every system's common ground).
SPELLING_RULES: tuple[tuple[str, str], ...] = (
    ("x", "ks"),  # Alexander / Oleksandr / Aleksandr
    ("shch", "SC"),  # щ
    ("tsch", "C"),  # ч (German)
    ("sch", "S"),  # ш (German)
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

# Blocking only: key letters that some systems write for others' (x/kh, š/sh, ž/j), so such names meet.
COARSE_LETTERS: dict[str, str] = {"X": "k", "S": "s", "C": "c", "Z": "z"}

# -- Other scripts -------------------------------------------------------------------------------------------

# Scripts that leave short vowels unwritten: their names compare by consonants (and w/y, written for long vowels).
ABJAD_RANGES: tuple[tuple[int, int], ...] = ((0x0590, 0x05FF), (0x0600, 0x06FF), (0x0750, 0x077F))
ABJAD_SILENT = "aiouv"
# The Arabic article, glued to the word it goes with.
ARABIC_ARTICLE = "ال"
# Scripts written without spaces between the syllables of a name (Chinese characters): surname first.
SYLLABIC_RANGES: tuple[tuple[int, int], ...] = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))

# -- Name particles ------------------------------------------------------------------------------------------

# Words before a surname that are not its consonants: "al-Rahim" files under Rahim as well as Alrahim; the
# particles written on with a hyphen ("ash-Shara") are the recogniser's own list.
SURNAME_PARTICLES = frozenset(
    {"al", "el", "ul", "bin", "ibn", "bint", "ben", "van", "von", "der", "den", "de", "del", "della", "di", "da",
     "dos", "das", "do", "du", "la", "le", "ter", "ten", "zu", "af"}
) | HYPHENED_PARTICLES  # fmt: skip
# Particles that may open a surname written without its given name, capitalised as it then is (Dutch "De Vries",
# "Van der Berg", Italian "Di Maio", Portuguese "Dos Santos"): never a given name themselves, unlike "Al", "Ben",
# "Van" or "Del" ("Al Gore", "Van Morrison"), which open a given name as often. "Van" opens one only before a
# second particle ("Van der Berg").
SURNAME_OPENERS = frozenset({"de", "da", "di", "du", "dos", "das", "von", "ter", "ten", "della", "van der", "van den"})

# -- Given names ---------------------------------------------------------------------------------------------

# Each group: forms of one given name across languages, and its familiar forms. A name may be in several
# groups (Sasha); equivalence is only within a group.
GIVEN_NAME_EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("Mykola", "Nikolai", "Nikolay", "Nicholas", "Nikolaus", "Mikolaj", "Nicolas", "Nick", "Kolya"),
    ("Hryhoriy", "Grigory", "Grigoriy", "Gregory", "Grzegorz", "Greg"),
    ("Oleksandr", "Aleksandr", "Alexander", "Aleksander", "Alexandre", "Alex", "Sasha", "Sandy"),
    ("Oleksandra", "Aleksandra", "Alexandra", "Alex", "Sasha"),
    ("Oleksiy", "Aleksei", "Alexei", "Alexey", "Alexis", "Aleksy"),
    ("Mykhailo", "Mikhail", "Michael", "Michal", "Mike", "Misha"),
    ("Petro", "Pyotr", "Peter", "Piotr", "Pierre", "Pete"),
    ("Pavlo", "Pavel", "Paul", "Pawel"),
    ("Andriy", "Andrei", "Andrew", "Andrzej", "Andre", "Andy"),
    ("Dmytro", "Dmitry", "Dmitri", "Dimitri", "Dima"),
    ("Serhiy", "Sergei", "Sergey", "Serge"),
    ("Volodymyr", "Vladimir", "Wlodzimierz", "Volodya", "Vova"),
    ("Vasyl", "Vasily", "Vasili", "Basil", "Wasyl"),
    ("Yakiv", "Yakov", "Jacob", "Jakub", "Jakob"),
    ("Yosyp", "Iosif", "Joseph", "Jozef", "Josef", "Joe"),
    ("Fedir", "Fyodor", "Feodor", "Theodore"),
    ("Stepan", "Stefan", "Stephen", "Steven", "Steve"),
    ("Ivan", "Iwan"),
    ("Yevhen", "Yevgeny", "Evgeny", "Eugene", "Zhenya"),
    ("Heorhiy", "Georgy", "Georgiy", "George", "Jerzy"),
    ("Mariya", "Maria", "Mary", "Marie"),
    ("Olena", "Elena", "Yelena", "Helen", "Helena"),
    ("Kateryna", "Ekaterina", "Yekaterina", "Catherine", "Katherine", "Katarzyna", "Kate", "Katya"),
    ("Hanna", "Anna", "Ann", "Anne"),
    ("Yuliya", "Yulia", "Julia", "Julie"),
    ("Tom", "Thomas", "Tommy"),
    ("Bill", "William", "Will", "Billy"),
    ("Bob", "Robert", "Rob", "Bobby"),
    ("Jim", "James", "Jimmy"),
    ("Dick", "Richard", "Rick", "Rich"),
    ("Dave", "David"),
    ("Dan", "Daniel", "Danny"),
    ("Ed", "Edward", "Ted", "Eddie"),
    ("Chris", "Christopher"),
    ("Tony", "Anthony", "Antony"),
    ("Liz", "Elizabeth", "Beth", "Betty"),
    ("Jenny", "Jennifer"),
    ("Ben", "Benjamin"),
    ("Sam", "Samuel"),
    ("Matt", "Matthew"),
    ("Jon", "Jonathan"),
    ("Pat", "Patrick"),
)
# Endings that make a given name another one (Oleksandr / Oleksandra, Yaroslav / Yaroslava): never "close".
GENDERED_ENDINGS: tuple[str, ...] = ("a", "ia")
