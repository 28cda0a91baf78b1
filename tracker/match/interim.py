"""Readings of a claim's text that extraction does not store yet, given as frames, for matching to use until it
does. Each fills in only where the stored frames lack it, and its frame records the rule ``INTERIM``; delete
each reading here once extraction stores its frame:

- an appointment whose holder carries an apposition: "named X, the head of Y, as the new chief of Z" (a role,
  with the appointment as its words of succession);
- a post someone "became" or "has been" holding: "X became ambassador to Y in August" (a role);
- a count of none: "No bilateral agreement of this kind has been signed" (a count of 0 agreements);
- one thing counted per partner: "signed agreements with nine states" (9 agreements).
"""

from __future__ import annotations

import re
from decimal import Decimal

from tracker.extract import vocabulary as v
from tracker.extract.facts import RoleFact
from tracker.extract.quantities import COUNT, QuantityFact, cumulative, exact_value, noun_class
from tracker.match.read import STOPWORDS

INTERIM = "text-interim"

_ROLE = "|".join(sorted(v.ROLE_NOUNS))
_NAME = r"(?P<name>(?:[A-Z][\w’'.-]*\s?){1,4})"
_APPOINTED = re.compile(
    rf"\b(?P<verb>named|appointed|made)\s+{_NAME}(?:,[^,]{{1,80}},)?\s+(?:as\s+)?(?:the\s+)?(?P<new>new\s+)?"
    rf"(?P<title>(?:[\w’'-]+\s+){{0,2}}?(?:{_ROLE})\b(?:\s+of\s+[^,.;]{{3,80}})?)"
)
_BECAME = re.compile(
    rf"^{_NAME}\s+(?P<verb>has been|became)\s+(?:the\s+|a\s+|an\s+)?"
    rf"(?P<title>(?:[\w’'-]+\s+){{0,3}}?(?:{_ROLE})\b(?:\s+(?:of|to)\s+[^,.;]{{3,80}}?)?)"
    r"(?=\s+(?:since|in|from|until|on)\b|[,.;]|$)"
)
_NONE = re.compile(r"\b[Nn]o\s+((?:[a-z]+\s+){0,3}?)([a-z]+?)s?\s+(?:of\s+this\s+kind\s+)?(?:has|have|had|was|were)\b")
_PER_PARTNER = re.compile(r"\b(?P<thing>[a-z]+s)\s+with\s+(?P<n>\w+)\s+(?P<partners>[a-z]+s)\b")


def role_of(text: str) -> RoleFact | None:
    """The role an appointment or "became" states, when no stored frame gives it."""
    m = _APPOINTED.search(text)
    if m is not None:
        change = "now" if m.group("new") else "appointed"
        words = " ".join(w for w in (m.group("verb"), (m.group("new") or "").strip()) if w)
        holder, title = m.group("name").strip(" .,;"), m.group("title").strip(" .,;")
        return RoleFact(holder, title, rule=INTERIM, change=change, change_words=words)
    m = _BECAME.match(text.strip())
    if m is not None:
        return RoleFact(m.group("name").strip(" .,;"), m.group("title").strip(" .,;"), rule=INTERIM)
    return None


def counts_of(text: str, stored: tuple[QuantityFact, ...]) -> tuple[QuantityFact, ...]:
    """Counts of none and counts per partner that the stored quantities lack."""
    found: list[QuantityFact] = []
    running = cumulative(text)
    m = _NONE.search(text)
    if m is not None and not any(w in STOPWORDS or exact_value(w) is not None for w in m.group(1).split()):
        found.append(_count(Decimal(0), m.group(2), running))
    for m in _PER_PARTNER.finditer(text):
        n = exact_value(m.group("n"))
        if n is not None and any(q.kind == COUNT and q.value == n for q in stored):
            found.append(_count(n, m.group("thing").removesuffix("s"), running))
    known = {(q.value, q.noun_class) for q in stored}
    return tuple(q for q in found if (q.value, q.noun_class) not in known)


def _count(value: Decimal, lemma: str, running: bool) -> QuantityFact:
    return QuantityFact(value, COUNT, lemma, noun_class(lemma), cumulative=running)
