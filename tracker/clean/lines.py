"""Tell article body from page furniture, line by line, over the stored text.

Works on plain text (and on the text a HTML extractor produced). Each non-blank line, or hard-wrapped
paragraph, is a unit. The body is the run of units from the first prose line to the last one, cut at a
heading that opens a page section (comments, related stories); inside it, units that the furniture
vocabulary, the script or the language mark as furniture are dropped, and so is a paragraph printed twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.clean import furniture as fv
from tracker.clean.spans import Span, line_spans
from tracker.config import CLEAN, CleanSettings

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Unit:
    span: Span
    text: str
    words: list[str]


@dataclass(frozen=True)
class Verdict:
    span: Span
    body: bool
    reason: str  # why: "body", or the furniture rule that dropped it


def classify_lines(text: str, settings: CleanSettings = CLEAN) -> list[Verdict]:
    """Label every unit of ``text`` as body or furniture, with the reason."""
    units = [_unit(text, span) for span in _paragraph_units(text)]
    prose = [u for u in units if _is_prose(u, settings)]
    latin_doc = _main_script_is_latin(prose or units)
    # Only prose in the page's own script tells its language: an English sidebar on a Cyrillic page must not
    # make the page "English" and its Russian body "another language".
    native_prose = [u for u in prose if not _foreign_script(u.text, latin_doc, settings)]
    english_doc = latin_doc and _function_word_share([w for u in native_prose for w in u.words]) >= 0.15
    rule_reasons = [_furniture_reason(u, latin_doc, english_doc, settings) for u in units]

    start, end = _body_region(units, rule_reasons, settings)
    verdicts: list[Verdict] = []
    seen: set[str] = set()
    for index, unit in enumerate(units):
        reason = rule_reasons[index]
        if reason is None:
            if index < start:
                reason = "before body"
            elif index > end:
                reason = "after body"
            elif not _is_prose(unit, settings) and not _is_structural(unit):
                reason = "short line"
        if reason is None:
            key = " ".join(w.lower() for w in unit.words)
            if key in seen:
                reason = "repeated paragraph"
            seen.add(key)
        verdicts.append(Verdict(unit.span, reason is None, reason or "body"))
    return verdicts


def _is_prose(unit: Unit, settings: CleanSettings) -> bool:
    """A line that reads as a sentence: enough words and a sentence ending, or long enough without."""
    return len(unit.words) >= settings.prose_min_words and (
        bool(_SENTENCE_END.search(unit.text)) or len(unit.words) >= settings.prose_long_words
    )


def _paragraph_units(text: str) -> list[Span]:
    """Lines, except that a hard-wrapped paragraph (lines broken mid-sentence) is one unit."""
    lines = line_spans(text)
    units: list[Span] = []
    for line in lines:
        if units and _continues(text, units[-1], line):
            units[-1] = Span(units[-1].start, line.end)
        else:
            units.append(line)
    return units


def _continues(text: str, previous: Span, line: Span) -> bool:
    """A line continues the previous one when they are adjacent and the previous was wrapped mid-sentence."""
    between = text[previous.end : line.start]
    if between.count("\n") != 1:
        return False
    prev_line = text[text.rfind("\n", 0, previous.end) + 1 : previous.end]
    wrapped = len(prev_line) >= 55 and not re.search(r"[.!?:;\"”’)]$", prev_line)
    return wrapped and text[line.start].islower()


def _unit(text: str, span: Span) -> Unit:
    content = span.of(text)
    return Unit(span, content, _WORD.findall(content))


def _furniture_reason(unit: Unit, latin_doc: bool, english_doc: bool, settings: CleanSettings) -> str | None:
    text = unit.text
    if _foreign_script(text, latin_doc, settings):
        return "other script"
    if any(cue.search(text) for cue in fv.STRONG_CUES):
        return "furniture vocabulary"
    if sum(1 for cue in fv.WEAK_CUES if cue.search(text)) >= settings.weak_cues_needed:
        return "furniture vocabulary"
    if fv.RELATED_PREFIX.search(text) or fv.TRAILING_DATE.search(text):
        return "link to another story"
    if len(fv.MENU_SEPARATORS.findall(f" {text} ")) >= 2:
        return "menu"
    if _is_end_marker(unit, settings):
        return "section heading"
    if (
        english_doc
        # only sentences are judged: a headline has few function words in any language
        and _is_prose(unit, settings)
        and len(unit.words) >= settings.language_check_min_words
        and _function_word_share(unit.words) < settings.min_function_word_share
        and not fv.BULLET.match(text)
    ):
        return "other language"
    return None


def _is_end_marker(unit: Unit, settings: CleanSettings) -> bool:
    return (
        len(unit.words) <= settings.end_marker_max_words
        and not unit.text.rstrip().endswith(".")
        and bool(fv.END_SECTIONS.match(unit.text))
    )


def _body_region(units: list[Unit], reasons: list[str | None], settings: CleanSettings) -> tuple[int, int]:
    """Index of the first and last unit of the article body (inclusive); (0, -1) when none."""
    prose = [i for i, u in enumerate(units) if _is_prose(u, settings) and reasons[i] is None]
    if not prose:
        return 0, -1
    start = prose[0]
    end = prose[-1]
    for i in range(start + 1, len(units)):
        if reasons[i] == "section heading":
            end = max((p for p in prose if p < i), default=start)
            break
    # A closing list ("... nine states, namely:" and its items) belongs to the body it ends.
    while end + 1 < len(units) and reasons[end + 1] is None and _is_structural(units[end + 1]):
        end += 1
    return start, end


def _is_structural(unit: Unit) -> bool:
    """Short lines that still belong to the prose: list items and lead-ins to a list."""
    text = unit.text.rstrip()
    return bool(fv.BULLET.match(unit.text)) or text.endswith((":", ",", ";"))


def _main_script_is_latin(units: list[Unit]) -> bool:
    latin = sum(len(_LATIN.findall(u.text)) for u in units)
    cyrillic = sum(len(_CYRILLIC.findall(u.text)) for u in units)
    return latin >= cyrillic


def _foreign_script(text: str, latin_doc: bool, settings: CleanSettings) -> bool:
    letters = len(_LETTER.findall(text))
    if not letters:
        return False
    native = len((_LATIN if latin_doc else _CYRILLIC).findall(text))
    return (letters - native) / letters >= settings.foreign_script_share


def _function_word_share(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for w in words if w.lower() in fv.ENGLISH_FUNCTION_WORDS) / len(words)
