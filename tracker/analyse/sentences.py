"""Sentence boundaries of a passage, by pysbd's rule-based segmenter (exact character offsets, abbreviations
kept whole), and the lead-in line whose list items travel with it: "nine states, namely:" and its bullets are
read as one statement."""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.clean.spans import Span, trim

BULLET = re.compile(r"^\s*(?:[•·▪◦●‣∙*\-–—]|\d{1,2}[.)])\s+")


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def segment_offsets(body: str) -> list[int]:
    """Where each sentence of ``body`` starts (its first non-space character)."""
    starts = []
    for piece in _segmenter().segment(body):
        span = trim(body, Span(piece.start, piece.end))
        if span.end > span.start:
            starts.append(span.start)
    return starts


def is_item(text: str, passage: Span) -> bool:
    return BULLET.match(passage.of(text)) is not None


def without_bullet(text: str, passage: Span) -> Span:
    """The passage after its bullet or item number, if it has one."""
    bullet = BULLET.match(passage.of(text))
    return (
        Span(passage.start + bullet.end(), passage.end) if bullet and bullet.end() < len(passage.of(text)) else passage
    )


def item_span(text: str, passage: Span) -> Span:
    """A list item without its bullet and trailing comma or full stop."""
    body = passage.of(text)
    bullet = BULLET.match(body)
    start = passage.start + bullet.end() if bullet else passage.start
    end = passage.end
    while end > start and text[end - 1] in ",.;":
        end -= 1
    return trim(text, Span(start, end))
