"""Sentences of the clean body, as spans into the stored text; a lead-in line and its list items travel
together so that "nine states, namely:" and its bullets can be read as one statement."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.clean.spans import Span, trim

BULLET = re.compile(r"^\s*(?:[•·▪◦●‣∙*\-–—]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Sentence:
    span: Span
    items: tuple[Span, ...] = ()  # list items that complete a lead-in ending with ":"


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_passage(text: str, passage: Span) -> list[Span]:
    body = passage.of(text)
    spans = []
    for piece in _segmenter().segment(body):
        span = trim(text, Span(passage.start + piece.start, passage.start + piece.end))
        if span.end > span.start:
            spans.append(span)
    return spans or [passage]


def sentences(text: str, passages: tuple[Span, ...] | list[Span]) -> list[Sentence]:
    out: list[Sentence] = []
    i = 0
    passages = list(passages)
    while i < len(passages):
        passage = passages[i]
        if BULLET.match(passage.of(text)) and out and out[-1].span.of(text).rstrip().endswith(":"):
            items = []
            while i < len(passages) and BULLET.match(passages[i].of(text)):
                items.append(item_span(text, passages[i]))
                i += 1
            out[-1] = Sentence(out[-1].span, tuple(items))
            continue
        out.extend(Sentence(span) for span in split_passage(text, passage))
        i += 1
    return out


def item_span(text: str, passage: Span) -> Span:
    """A list item without its bullet and trailing comma or full stop."""
    body = passage.of(text)
    bullet = BULLET.match(body)
    start = passage.start + bullet.end() if bullet else passage.start
    end = passage.end
    while end > start and text[end - 1] in ",.;":
        end -= 1
    return trim(text, Span(start, end))
