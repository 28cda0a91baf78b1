"""Tell article body from page furniture, line by line, over the stored text.

Works on plain text (and on the text a HTML extractor produced). Each non-blank line, or hard-wrapped
paragraph, is a unit; a table row ("| cell | cell |", as extractors render tables) is one unit per cell, and a
flattened block (a whole page section on one line, as a layout table's cell becomes) one unit per sentence, so
that a notice or a link inside it is judged on its own instead of taking the whole block with it. The body
is the run of units from the first prose line to the last one, cut at a
heading that opens a page section (comments, related stories); inside it, units that the furniture
vocabulary, the script or the language mark as furniture are dropped, and so is a paragraph printed twice.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from tracker.clean import furniture as fv
from tracker.clean.spans import Span, line_spans, trim
from tracker.config import CLEAN, CleanSettings

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTER = re.compile(r"[^\W\d_]")
# A table row as extractors render it: cells between "|" marks, the row opening or closing with one.
_TABLE_ROW = re.compile(r"^\|\s|\s\|$")
_CELL_MARK = re.compile(r"(?:^|\s)\|(?=\s|$)")
# Where a flattened block is cut: after a sentence's end, before a capital, a digit or an opening quote.
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Unit:
    span: Span
    text: str
    words: list[str]
    in_block: bool = False  # a sentence cut out of a flattened block: prose however short


@dataclass(frozen=True)
class Verdict:
    span: Span
    body: bool
    reason: str  # why: "body", or the furniture rule that dropped it


def classify_lines(text: str, settings: CleanSettings = CLEAN) -> list[Verdict]:
    """Label every unit of ``text`` as body or furniture, with the reason."""
    blocks = _flattened_blocks(text, settings)
    units = [_unit(text, span, blocks) for span in _paragraph_units(text, settings)]
    prose = [u for u in units if _is_prose(u, settings)]
    latin_doc = _main_script_is_latin(prose or units)
    # Only prose in the page's own script tells its language: an English sidebar on a Cyrillic page must not
    # make the page "English" and its Russian body "another language".
    native_prose = [u for u in prose if not _foreign_script(u.text, latin_doc, settings)]
    english_doc = latin_doc and _function_word_share([w for u in native_prose for w in u.words]) >= 0.15
    rule_reasons = [_furniture_reason(u, latin_doc, english_doc, settings) for u in units]

    start, end = _body_region(units, rule_reasons, settings)
    end = min(end, _closing_block(text, units, settings) - 1)
    verdicts: list[Verdict] = []
    seen: set[str] = set()
    for index, unit in enumerate(units):
        reason = rule_reasons[index]
        if reason is None:
            if index < start:
                reason = "before body"
            elif index > end:
                reason = "after body"
            elif not _is_prose(unit, settings) and not _is_structural(unit) and not _block_sentence(unit):
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


def _paragraph_units(text: str, settings: CleanSettings = CLEAN) -> list[Span]:
    """Lines, except that a hard-wrapped paragraph (lines broken mid-sentence) is one unit, a table row is one
    unit per cell and a flattened block one unit per sentence."""
    lines = [piece for line in line_spans(text) for piece in _split_block(text, line, settings)]
    units: list[Span] = []
    for line in lines:
        if units and _continues(text, units[-1], line):
            units[-1] = Span(units[-1].start, line.end)
        else:
            units.append(line)
    return units


def _split_block(text: str, line: Span, settings: CleanSettings) -> list[Span]:
    return [
        sentence
        for cell in _cells(text, line)
        for sentence in (_sentences(text, cell) if _is_flattened(text, cell, settings) else [cell])
    ]


def _flattened_blocks(text: str, settings: CleanSettings) -> list[Span]:
    return [cell for line in line_spans(text) for cell in _cells(text, line) if _is_flattened(text, cell, settings)]


def _is_flattened(text: str, span: Span, settings: CleanSettings) -> bool:
    return len(_WORD.findall(span.of(text))) >= settings.flattened_block_words


def _cells(text: str, line: Span) -> list[Span]:
    """The cells of a table row, or the line itself."""
    content = line.of(text)
    if not _TABLE_ROW.search(content):
        return [line]
    marks = list(_CELL_MARK.finditer(content))
    starts = [line.start, *(line.start + m.end() for m in marks)]
    ends = [*(line.start + m.start() for m in marks), line.end]
    cells = [trim(text, Span(a, b)) for a, b in zip(starts, ends, strict=True)]
    return [c for c in cells if c.end > c.start]


def _sentences(text: str, block: Span) -> list[Span]:
    """A flattened block cut after each sentence end, but not after a short abbreviation ("Mr.", "Rep.")."""
    content = block.of(text)
    out: list[Span] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(content):
        if _ABBREVIATION.search(content, 0, match.start()):
            continue
        out.append(trim(text, Span(block.start + start, block.start + match.start())))
        start = match.end()
    out.append(trim(text, Span(block.start + start, block.end)))
    return [s for s in out if s.end > s.start]


def _continues(text: str, previous: Span, line: Span) -> bool:
    """A line continues the previous one when they are adjacent and the previous was wrapped mid-sentence."""
    between = text[previous.end : line.start]
    if between.count("\n") != 1:
        return False
    prev_line = text[text.rfind("\n", 0, previous.end) + 1 : previous.end]
    wrapped = len(prev_line) >= 55 and not re.search(r"[.!?:;\"”’)]$", prev_line)
    return wrapped and text[line.start].islower()


def _unit(text: str, span: Span, blocks: list[Span]) -> Unit:
    content = span.of(text)
    in_block = any(b.start <= span.start and span.end <= b.end and b != span for b in blocks)
    return Unit(span, content, _WORD.findall(content), in_block)


def _furniture_reason(unit: Unit, latin_doc: bool, english_doc: bool, settings: CleanSettings) -> str | None:
    text = unit.text
    if _foreign_script(text, latin_doc, settings):
        return "other script"
    if _is_furniture_wording(text, settings):
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


def _is_furniture_wording(text: str, settings: CleanSettings) -> bool:
    """A notice, box or label: its sentences carry the furniture vocabulary (a strong cue, or enough weak cues
    within one sentence).

    An article paragraph of several sentences may mention readers' comments or an e-mail in passing: it stays
    body when its cue sentences hold a minority of its words and its last sentence has none (a box ends with
    its call to action, "sign up ...", "write to us at ..."), unless it is dense with different weak cues,
    as a disclaimer naming comments, insults and liability is.
    """
    if sum(1 for cue in fv.WEAK_CUES if cue.search(text)) >= settings.dense_weak_cues:
        return True
    pieces = [p for p in _SENTENCE_BREAK.split(text) if p.strip()] or [text]
    cued = [_cued_sentence(piece, settings) for piece in pieces]
    if not any(cued):
        return False
    words = [len(_WORD.findall(piece)) for piece in pieces]
    cued_words = sum(w for w, c in zip(words, cued, strict=True) if c)
    passing_mention = len(pieces) > 1 and not cued[-1] and cued_words < settings.furniture_sentence_share * sum(words)
    return not passing_mention


def _cued_sentence(sentence: str, settings: CleanSettings) -> bool:
    if any(cue.search(sentence) for cue in fv.STRONG_CUES):
        return True
    return sum(1 for cue in fv.WEAK_CUES if cue.search(sentence)) >= settings.weak_cues_needed


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
        if reasons[i] == "section heading" and not _article_resumes(units, reasons, i, settings):
            end = max((p for p in prose if p < i), default=start)
            break
    # A closing list ("... nine states, namely:" and its items) belongs to the body it ends; a list after the
    # last paragraph that nothing leads into is a list of other stories.
    run_end = end
    while run_end + 1 < len(units) and reasons[run_end + 1] is None and _is_structural(units[run_end + 1]):
        run_end += 1
    if run_end > end and any(_leads_in(units[i]) for i in (end, end + 1)):
        end = run_end
    return start, end


def _closing_block(text: str, units: list[Unit], settings: CleanSettings) -> int:
    """Index of the first unit of the closing block, or len(units) when the text has none: two lines or more
    set one under the other at the very end, each short, after paragraphs that each stand apart (a blank line
    between). The body's own layout sets them apart: an article paragraph is never a line of such a block.
    Text without blank lines between its paragraphs (a page's extracted text) has no closing block."""
    breaks = [text[a.span.end : b.span.start].count("\n") for a, b in itertools.pairwise(units)]
    first = len(units) - 1
    while first > 0 and breaks[first - 1] <= 1:
        first -= 1
    block = units[first:]
    lines = text[block[0].span.start : block[-1].span.end].count("\n") + 1 if block else 0
    before = breaks[max(0, first - settings.closing_block_after_breaks) : first]
    if (
        lines < 2
        or len(before) < settings.closing_block_after_breaks
        or any(b < 2 for b in before)
        or any(len(u.words) > settings.closing_block_max_words for u in block)
    ):
        return len(units)
    return first


def _article_resumes(units: list[Unit], reasons: list[str | None], heading: int, settings: CleanSettings) -> bool:
    """A box of links set inside the article ("Most read", "Don't miss") with the article going on after it:
    a few short lines at most, then several paragraphs of prose (subheadings between them allowed) before any
    other section heading. Comments
    never resume the article: readers write prose too."""
    if fv.COMMENT_SECTIONS.match(units[heading].text):
        return False
    box = 0
    found = 0
    for i in range(heading + 1, len(units)):
        if reasons[i] == "section heading":
            return False
        if reasons[i] is None and _is_prose(units[i], settings):
            found += 1
            if found >= settings.resumed_prose_units:
                return True
        elif not found:
            box += 1
            if box > settings.inline_box_max_units:
                return False
    return False


def _leads_in(unit: Unit) -> bool:
    return unit.text.rstrip().endswith(":")


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


def _block_sentence(unit: Unit) -> bool:
    """A sentence of a flattened block is prose however short ("What do you think?"), a fragment is not."""
    return unit.in_block and bool(_SENTENCE_END.search(unit.text))
