"""Spans into an immutable text: every passage and quote is ``text[start:end]``."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


_LINE = re.compile(r"[^\n]+")


def line_spans(text: str) -> list[Span]:
    """Non-blank lines with their surrounding white space trimmed off."""
    spans = []
    for match in _LINE.finditer(text):
        span = trim(text, Span(match.start(), match.end()))
        if span.end > span.start:
            spans.append(span)
    return spans


def trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
