"""Facts kept as data at extraction, so that no later stage re-reads a claim's text: who holds which office in
which body (a role), what event a claim reports, and who was there; each with its words as spans into the
stored text. Counts are ``extract.quantities.QuantityFact``, times ``extract.when.TimeRef``."""

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
    # Words of succession the claim says of this post (``extract.vocabulary.SUCCESSION``: "appointed",
    # "replaced", "resigned", "interim", "acting", "returned", "now", "takes over"), as written, on ``change_span``;
    # ``change`` is their class. ``former`` marks a post held before and no longer ("former", "ex-", "then-").
    change: str | None = None
    change_words: str | None = None
    change_span: Span | None = None
    former: bool = False


@dataclass(frozen=True)
class EventFact:
    """An event a claim reports. ``kind`` is its class (``extract.vocabulary.EVENT_CLASSES``: a meeting, a
    signing, a handover, an appointment, a visit ...), ``words`` the words that say it as written ("held direct
    peace talks"), resting on ``span``. ``place`` is where the claim says it happened (not a country it merely
    names), ``ordinal`` which of a series it is ("the first meeting", "the second round"), and ``negated`` is
    set when the claim says it did not happen. ``theme`` is the common noun the event is done to, as written
    ("the negotiating group appointed on Monday", "approved the group's composition" -> "group"), resting on
    ``theme_span``. Its dates are the claim's event times."""

    kind: str
    words: str
    span: Span | None = None
    place: str | None = None
    place_span: Span | None = None
    ordinal: int | None = None
    negated: bool = False
    rule: str = "event-verb"
    theme: str | None = None
    theme_span: Span | None = None


@dataclass(frozen=True)
class PresenceFact:
    """Someone said to have been at the event a claim reports (``present``), or away from it; ``remote`` when
    they took part from elsewhere ("by video link"). ``who`` is the name as written, without a title before it,
    resting on ``span``; for a pronoun ("he did not attend") the person the article means, on the pronoun."""

    who: str
    present: bool
    remote: bool = False
    span: Span | None = None
    rule: str = "presence-verb"
