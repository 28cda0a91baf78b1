"""The English words of the calendar and of counting, defined once for every stage (as spaCy's ``lang/en``):
dates at ingest, times and counts in claims, counts when claims are compared. Patterns are built from these."""

from __future__ import annotations

# Month names and their abbreviations, with the month's number.
MONTH_FORMS: tuple[tuple[str, ...], ...] = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS: dict[str, int] = {name: number for number, names in enumerate(MONTH_FORMS, start=1) for name in names}
MONTH_NAMES: frozenset[str] = frozenset(names[0] for names in MONTH_FORMS)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Number words and their values; scales multiply the number before them ("2.5 million").
NUMBER_VALUES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100,
}  # fmt: skip
SCALES: dict[str, int] = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
# Words that count without a value of their own: "dozens of", "hundreds of", "half".
VAGUE_COUNTS = frozenset("dozens hundreds thousands millions billions half".split())

# Ordinal words and their values: "the first meeting", "the third round".
ORDINAL_VALUES: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
