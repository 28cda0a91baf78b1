"""Tunable numbers, kept as named data in one place so they can be read and changed without the algorithms.

Each group is a frozen dataclass with a module-level default instance; stages take the instance as an
argument so tests and a settings file (``Settings.from_file``, TOML, one section per group) can pass others.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from tracker.errors import TrackerError


@dataclass(frozen=True)
class IngestSettings:
    """How much of a file ingest reads."""

    # A file (article or sources.csv) larger than this many bytes is refused, not read.
    max_file_bytes: int = 50 * 1024 * 1024
    # Files are prepared (read, decoded, cleaned, parsed, extracted) by this many worker processes, 0 for one per
    # core; the database writer stays one. Fewer files than parallel_min_files are prepared in the process itself,
    # where starting workers (each loads the parser) would cost more than it saves.
    workers: int = 0
    parallel_min_files: int = 8
    # How many files per worker are prepared ahead of the writer (bounds the memory prepared pages take).
    prepared_ahead: int = 4


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
    # In a paragraph of several sentences, the sentences with furniture cues must hold this share of its words.
    furniture_sentence_share: float = 0.5
    # ... unless it holds at least this many different weak cues.
    dense_weak_cues: int = 3
    # A heading-like line (short, no final period) may end the article when it names a page section.
    end_marker_max_words: int = 6
    # ... unless it heads a box of links inside the article: at most this many short lines, then at least this
    # many paragraphs of prose in a row.
    inline_box_max_units: int = 8
    resumed_prose_units: int = 3
    # A closing block: lines set one under the other (no blank line between them) after a body whose last
    # paragraphs each stand apart (at least this many blank-line breaks before the block), each line at most
    # this many words: the paper's notices, slogan, copyright and links, set as the page's footer.
    closing_block_after_breaks: int = 4
    closing_block_max_words: int = 30
    # A unit of at least this many words is a flattened block (a page section on one line): one unit per sentence.
    flattened_block_words: int = 250


@dataclass(frozen=True)
class HtmlSettings:
    """When a page's article body, split into several containers of the same kind, is read from all of them."""

    # A line of extracted text counts as a prose paragraph with at least this many words and a sentence ending.
    paragraph_min_words: int = 8
    # The main text's first prose paragraphs that locate its container in the page.
    locating_paragraphs: int = 5
    # The wider reading is taken only when it keeps this share of the main text's prose paragraphs ...
    min_kept_share: float = 0.9
    # ... and adds at least this many prose paragraphs, and this share of the main text's count.
    min_added_paragraphs: int = 3
    min_added_share: float = 0.25
    # A list of links to other stories: this many items at least, each with a link, on average this share of an
    # item's text in links and this many words an item (menus, of one or two words an item, are left to the line rules).
    link_list_min_items: int = 3
    link_list_min_share: float = 0.4
    link_list_min_words: float = 4.0


@dataclass(frozen=True)
class DedupeSettings:
    """When a source is a syndicated copy of one seen before."""

    shingle_words: int = 5
    # Share of the smaller body's shingles found in the other body.
    min_containment: float = 0.6
    # Bodies shorter than this many words are never called copies (too little evidence).
    min_words: int = 40
    # The fingerprint index files each original under a sample of its shingles (``dedupe.sample``): one in this
    # many, plus its this-many smallest. A new body is compared in full only with the originals that share
    # the most samples with it, at most this many.
    sample_every: int = 16
    sample_least: int = 8
    max_candidates: int = 20


@dataclass(frozen=True)
class DateSettings:
    """Where a dateline may stand in a plain-text page."""

    # Only lines before the body starts, or within this many lines after its start, are searched.
    header_lines_into_body: int = 0
    # Earliest and latest plausible publication years.
    min_year: int = 1990
    max_year: int = 2100


@dataclass(frozen=True)
class EntitySettings:
    """When two names are one entity: comparison levels and their weights, as in a Fellegi-Sunter model.

    A pair of person names scores the sum of the weights of the levels it reaches; it is one person when the
    sum reaches ``merge_at``. Weights are log-odds in spirit: positive evidence for, negative against.
    Tuned on the dev corpus (see the closing note of issue 5).
    """

    # Surnames: folded spelling keys equal (Hnatiuk / Gnatyuk), or letters alike (Lysenko / Lysenkov).
    surname_same: float = 6.0
    surname_close: float = 3.0
    surname_close_at: float = 0.88
    # First names: same key, alike (Oleksandr / Alexander, Andriy / Andrei), an initial, missing, different.
    first_same: float = 4.0
    first_close: float = 1.5
    first_close_at: float = 0.8
    # Forms of one given name in two languages, or a familiar form (Mykola / Nicholas, Bill / William).
    first_equivalent: float = 2.0
    first_initial: float = 1.0
    first_missing: float = 0.0
    first_different: float = -20.0
    # Middle initials that disagree ("Wendy R." vs "Wendy K.").
    middle_different: float = -20.0
    # Both articles give the person a title sharing a word of office ("Kremlin spokesman").
    shared_title: float = 2.0
    merge_at: float = 7.0
    # A surname alone joins the one person of the corpus with that surname when it scores this much and
    # no other candidate comes within ``surname_alone_margin``.
    surname_alone_at: float = 6.0
    surname_alone_margin: float = 2.0


@dataclass(frozen=True)
class MatchSettings:
    """When claims of different outlets state the same fact, contradict it, or show it changed."""

    # Content similarity (rapidfuzz token_set_ratio of content stems, 0..1) for two claims to corroborate.
    corroborate_at: float = 0.78
    # A lower bar when both claims fix the same single day and share an entity.
    corroborate_same_day_at: float = 0.4
    # Claims without an explicit time compare by publication date: farther apart than this, no corroboration.
    undated_window_days: int = 90
    # Explicit times may miss each other by this much and still be one time (a dateline a day off).
    time_slack_days: int = 1
    # Two single-day dates of one event this close, but different, are a conflict; farther, another event.
    date_conflict_max_days: int = 3
    # Similarity for two dated event claims to be read as one event.
    same_event_at: float = 0.4
    # ... when both give it one ordinal and one place (theirs, or their stories' settings): "the first meeting".
    same_numbered_event_at: float = 0.25
    # ... when both fix it to one single day and one place: one handover, one signing, of one story that day.
    same_day_event_at: float = 0.25
    # "about 100" allows 100 give or take this fraction, "nearly 100" this much below: counts within it agree.
    about_slack: float = 0.1
    # Similarity of the rest of two count claims for the counts to be of one thing.
    same_count_at: float = 0.45
    # ... and for counts of people of one fate (the dead, the missing) in one place (named, or the place the
    # story's lead names) in reports at most story_window_days apart: a toll of one story.
    same_story_toll_at: float = 0.1
    story_window_days: int = 7
    # A meeting at one place and time, named with a meeting word in both claims, corroborates at this similarity.
    same_place_event_at: float = 0.3
    # Presence and absence at one event: claims at most this many days apart.
    presence_window_days: int = 31
    # Blocking: a key shared by more claims than this is too common to propose pairs.
    max_block: int = 200


@dataclass(frozen=True)
class ReliabilitySettings:
    """The Beta prior of an outlet's record and the width of the interval shown with its score."""

    prior_good: float = 1.0
    prior_bad: float = 1.0
    interval: float = 0.90


@dataclass(frozen=True)
class ReportSettings:
    """How the HTML reports list claims and flags."""

    # Claims (and flags) per page of the index; every page links to the next and the previous one.
    page_size: int = 100
    # Claims the search page lists for one query (it counts them all).
    search_results: int = 100


@dataclass(frozen=True)
class DecodeSettings:
    """How file bytes are told to be text, and in which encoding."""

    # NUL bytes in this many first bytes mark a binary file (unless they fall like UTF-16/32's).
    binary_probe_bytes: int = 8192
    # UTF-16/32 without a byte-order mark: share of NUL at the high-byte offsets, and at most at the others.
    wide_nul_share: float = 0.1
    wide_stray_nul_share: float = 0.02
    # Not valid UTF-8, yet read as UTF-8 with U+FFFD for the bad bytes when invalid sequences are at most this
    # share of all multi-byte sequences (a stray byte or two, not a file in another encoding).
    max_bad_utf8_share: float = 0.2
    # ... or, in a short text, when there are at most this many invalid sequences and no more of them than valid
    # multi-byte characters (one stray byte beside "café" and "Zürich" is still UTF-8).
    max_stray_bad_utf8: int = 2
    # A declared (or byte-order-marked) encoding is kept with U+FFFD for undecodable bytes up to this share.
    max_replaced_share: float = 0.05
    # Text with more control characters than this share is taken as binary.
    max_control_share: float = 0.05
    # Words scored when choosing the encoding of unlabelled bytes.
    max_words_scored: int = 3000
    # Readings whose mess per word is within this of the least are told apart by the language identifier:
    # it names the language from this many characters, then scores at most this many words where the
    # readings differ; another reading than the commonest encoding's wins only with a probability of being
    # that language higher by this margin.
    mess_tie: float = 0.02
    max_chars_identified: int = 5000
    max_words_identified: int = 300
    language_margin: float = 0.02


@dataclass(frozen=True)
class LanguageSettings:
    """When a page's main text is taken as written in another language than English."""

    # Letters of main text needed before the language identifier is trusted at all.
    min_letters: int = 200
    # Its confidence needed to call the text non-English (or English).
    min_confidence: float = 0.9
    # Characters of main text handed to the identifier (enough to tell; keeps long pages fast).
    max_chars: int = 20000
    # A Latin-script text whose words are at least this share English function words of three letters or more
    # ("the", "and", "that"; English news runs at 0.15-0.30, other languages near 0) is English.
    english_function_word_share: float = 0.08
    # A sentence of an English page is taken as another language's (a quotation, say) when it has this many
    # letters, few English function words, and the identifier is min_confidence sure: it makes no claim.
    sentence_min_letters: int = 30
    # ... and when the identifier gives its best other language at least this probability (English at most
    # 1 - min_confidence). A page's main text the identifier is less than min_confidence sure of is another
    # language's on the same test (close languages, as Indonesian and Malay, split its belief).
    sentence_min_lead: float = 0.5


@dataclass(frozen=True)
class DeskSettings:
    """The web desk (``tracker serve``): sign-in limits and page sizes."""

    # Failed sign-ins allowed per user name, and per client address, within the window; more are refused (429).
    login_max_failures: int = 5
    login_window_s: int = 15 * 60
    # A signed-in session lasts this long (seconds) before the editor signs in again.
    session_max_age_s: int = 8 * 60 * 60
    # Shortest password accepted for a new user or a new password.
    min_password_chars: int = 10
    # Flags per page of the queue.
    queue_page_size: int = 50


INGEST = IngestSettings()
CLEAN = CleanSettings()
HTML = HtmlSettings()
DEDUPE = DedupeSettings()
DATES = DateSettings()
ENTITIES = EntitySettings()
MATCH = MatchSettings()
RELIABILITY = ReliabilitySettings()
REPORT = ReportSettings()
DECODE = DecodeSettings()
LANGUAGE = LanguageSettings()
DESK = DeskSettings()


class SettingsError(TrackerError, ValueError):
    """A settings file that cannot be read, or names a section, key or value type tracker does not know."""


@dataclass(frozen=True)
class Settings:
    """Every group of settings, one TOML section each, named after its dataclass: ``[ingest]`` for
    IngestSettings, ``[match]`` for MatchSettings, and so on (see SECTIONS)."""

    ingest: IngestSettings = INGEST
    clean: CleanSettings = CLEAN
    html: HtmlSettings = HTML
    dedupe: DedupeSettings = DEDUPE
    dates: DateSettings = DATES
    entities: EntitySettings = ENTITIES
    match: MatchSettings = MATCH
    reliability: ReliabilitySettings = RELIABILITY
    report: ReportSettings = REPORT
    decode: DecodeSettings = DECODE
    language: LanguageSettings = LANGUAGE
    desk: DeskSettings = DESK

    @classmethod
    def from_file(cls, path: str | Path) -> Settings:
        """The defaults, overridden by a TOML file's sections; SettingsError (one line) for anything amiss."""
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except FileNotFoundError:
            raise SettingsError(f"{path}: no such settings file") from None
        except IsADirectoryError:
            raise SettingsError(f"{path}: is a directory, not a settings file") from None
        except OSError as exc:
            raise SettingsError(f"{path}: cannot read ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise SettingsError(f"{path}: not UTF-8 text") from None
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{path}: not valid TOML ({exc})") from None
        return cls.from_mapping(data, str(path))

    @classmethod
    def from_mapping(cls, data: dict[str, Any], origin: str = "settings") -> Settings:
        groups: dict[str, Any] = {}
        for section, values in data.items():
            if not isinstance(values, dict):
                raise SettingsError(
                    f"{origin}: {section} is outside any section (each key goes under one, e.g. [match])"
                )
            default = SECTIONS.get(section)
            if default is None:
                raise SettingsError(f"{origin}: unknown section [{section}] (known: {', '.join(SECTIONS)})")
            groups[section] = _override(default, values, f"{origin}: [{section}]")
        return cls(**groups)


def _override(default: Any, values: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in fields(default)}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise SettingsError(f"{where} unknown key {key!r} (known: {', '.join(known)})")
        expected = type(getattr(default, key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not expected:
            raise SettingsError(
                f"{where} {key} = {value!r}: expected {_TYPE_NAMES.get(expected, expected.__name__)}, "
                f"not {_TYPE_NAMES.get(type(value), type(value).__name__)}"
            )
        changes[key] = value
    return replace(default, **changes)


_TYPE_NAMES = {int: "a whole number", float: "a decimal number", str: "text", bool: "true or false", list: "a list"}

# The TOML sections and the defaults each starts from.
SECTIONS: dict[str, Any] = {f.name: f.default for f in fields(Settings)}
DEFAULTS = Settings()
