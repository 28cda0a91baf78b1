"""Shared helpers for the extract tests: run the extractor on an invented body and check the invariants
every claim must keep (exact, trimmed, non-empty quote; known kind; unique text; coherent time range)."""

from __future__ import annotations

import datetime as dt
import re

from tracker.analyse import analyse
from tracker.clean.spans import Span, line_spans
from tracker.extract import ClaimDraft, extract_claims
from tracker.kinds import CLAIM_KINDS

# A Thursday: weekday arithmetic in the tests is written against it.
PUBLISHED = dt.date(2024, 3, 14)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def check_invariants(text: str, passages: list[Span] | tuple[Span, ...], claims: list[ClaimDraft]) -> None:
    seen: set[str] = set()
    for claim in claims:
        quote = text[claim.start : claim.end]
        assert 0 <= claim.start < claim.end <= len(text), claim
        assert quote == quote.strip(), (quote, claim)
        assert claim.kind in CLAIM_KINDS, claim
        assert claim.text and claim.text == claim.text.strip(), claim
        assert passages[0].start <= claim.start and claim.end <= passages[-1].end, claim
        key = norm(claim.text)
        assert key not in seen, f"duplicate claim text {claim.text!r}"
        seen.add(key)
        assert (claim.time_first is None) == (claim.time_last is None), claim
        if claim.time_first is not None:
            assert claim.time_first <= claim.time_last, claim
            assert claim.time_text, claim


def claims_of(text: str, published: dt.date | None = PUBLISHED) -> list[ClaimDraft]:
    """Claims of a body whose every non-blank line is one passage, invariants checked."""
    passages = line_spans(text)
    claims = extract_claims(analyse(text, passages), published)
    check_invariants(text, passages, claims)
    return claims


def quote(text: str, claim: ClaimDraft) -> str:
    return text[claim.start : claim.end]


def by_kind(claims: list[ClaimDraft], kind: str) -> list[ClaimDraft]:
    return [c for c in claims if c.kind == kind]


def find(claims: list[ClaimDraft], claim_text: str) -> ClaimDraft:
    """The claim with exactly this text; fails listing the texts there are."""
    for claim in claims:
        if claim.text == claim_text:
            return claim
    raise AssertionError(f"no claim {claim_text!r} among {[c.text for c in claims]!r}")


def containing(claims: list[ClaimDraft], fragment: str) -> list[ClaimDraft]:
    return [c for c in claims if fragment in c.text]


def extract(text: str, passages, published: dt.date | None = PUBLISHED) -> list[ClaimDraft]:
    """Claims of a body with these passages (analysed first), no invariants checked."""
    return extract_claims(analyse(text, passages), published)
