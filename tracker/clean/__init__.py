"""Clean: separate the article body from page furniture, keeping offsets into the stored text."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.clean.lines import Verdict, classify_lines
from tracker.clean.spans import Span
from tracker.config import CLEAN, CleanSettings


@dataclass(frozen=True)
class CleanDocument:
    """The stored text with the spans of its body passages (paragraphs and list items), in order."""

    text: str
    passages: tuple[Span, ...]
    verdicts: tuple[Verdict, ...]

    @property
    def body(self) -> str:
        return "\n\n".join(p.of(self.text) for p in self.passages)


def clean_text(text: str, settings: CleanSettings = CLEAN) -> CleanDocument:
    verdicts = tuple(classify_lines(text, settings))
    return CleanDocument(text, tuple(v.span for v in verdicts if v.body), verdicts)


__all__ = ["CleanDocument", "Span", "clean_text"]
