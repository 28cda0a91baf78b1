"""Facts kept as data at extraction, so that no later stage re-reads a claim's text: who holds which office in
which body (a role), with the words of the title as a span into the stored text."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.clean.spans import Span


@dataclass(frozen=True)
class RoleFact:
    """``holder`` holds the office ``title`` (as written, e.g. "deputy head"), of ``organisation`` if the
    sentence names one. ``title_span`` is where the title's words stand in the stored text (for a role verb,
    "Kovac heads the team", the verb; ``title`` is then the office noun it stands for, "head")."""

    holder: str
    title: str
    title_span: Span | None = None
    organisation: str | None = None
    organisation_span: Span | None = None
    # The rule that read it (extract.roles.RULES, or "role-title" for the title patterns of extract.names).
    rule: str = "role-title"
    # A function for one task or occasion ("led the delegation", "the official heading the mission"), not an
    # office held until someone else takes it: later stages must not compare it with posts.
    temporary: bool = False
    holder_span: Span | None = None
