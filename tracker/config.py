"""Tunable numbers, kept as named data in one place so they can be read and changed without the algorithms.

Each group is a frozen dataclass with a module-level default instance; stages take the instance as an
argument so tests (and later, a config file) can pass other values.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CleanSettings:
    """How plain-text lines are told apart from page furniture."""

    # A line is prose when it has at least this many words and ends like a sentence.
    prose_min_words: int = 6
    # A line this long counts as prose even without sentence-final punctuation.
    prose_long_words: int = 15
    # Lines in another script than the document's: share of letters that must be foreign.
    foreign_script_share: float = 0.5
    # Latin-script lines in another language: an English document's prose line with fewer
    # English function words than this share is taken as a foreign-language sidebar.
    min_function_word_share: float = 0.08
    # Lines of at least this many words are checked for language.
    language_check_min_words: int = 5
    # Boilerplate vocabulary: weak cues needed to call a line furniture (a strong cue is enough alone).
    weak_cues_needed: int = 2
    # A heading-like line (short, no final period) may end the article when it names a page section.
    end_marker_max_words: int = 6


@dataclass(frozen=True)
class DedupeSettings:
    """When a source is a syndicated copy of one seen before."""

    shingle_words: int = 5
    # Share of the smaller body's shingles found in the other body.
    min_containment: float = 0.6
    # Bodies shorter than this many words are never called copies (too little evidence).
    min_words: int = 40


@dataclass(frozen=True)
class DateSettings:
    """Where a dateline may stand in a plain-text page."""

    # Only lines before the body starts, or within this many lines after its start, are searched.
    header_lines_into_body: int = 0
    # Earliest and latest plausible publication years.
    min_year: int = 1990
    max_year: int = 2100


CLEAN = CleanSettings()
DEDUPE = DedupeSettings()
DATES = DateSettings()
