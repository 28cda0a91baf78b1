"""The evidence an editor reads beside a claim: the paragraph its quote stands in, and where it was published."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from tracker.store.models import Claim, Outlet, Passage, Source


@dataclass(frozen=True)
class Evidence:
    """One claim's passage: ``before + quote + after`` is the paragraph the quote stands in, as stored."""

    claim_id: int
    source_id: int
    outlet: str
    url: str | None  # as stored; whoever links to it checks it first (tracker.urls.safe_url)
    title: str | None
    published: dt.date | None
    before: str
    quote: str
    after: str


def evidence(session: Session, claim_ids: list[int]) -> dict[int, Evidence]:
    """The paragraph of each claim (the quote alone when no passage holds it), cut by the database."""
    if not claim_ids:
        return {}
    para = (
        select(Passage.start, Passage.end)
        .where(Passage.source_id == Claim.source_id, Passage.start <= Claim.start, Claim.start < Passage.end)
        .correlate(Claim)
        .limit(1)
    )
    p_start = func.coalesce(para.with_only_columns(Passage.start).scalar_subquery(), Claim.start)
    p_end = func.coalesce(para.with_only_columns(Passage.end).scalar_subquery(), Claim.end)
    rows = session.execute(
        select(
            Claim.id,
            Claim.source_id,
            Claim.start,
            Claim.end,
            p_start,
            p_end,
            Source.text,
            Source.url,
            Source.title,
            Source.published,
            Source.path,
            Outlet.name,
        )
        .join(Source, and_(Source.id == Claim.source_id))
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(Claim.id.in_(claim_ids))
    )
    out: dict[int, Evidence] = {}
    for claim_id, source_id, start, end, p0, p1, text, url, title, published, path, outlet in rows:
        p0, p1 = min(p0, start), max(p1, end)
        out[claim_id] = Evidence(
            claim_id,
            source_id,
            outlet or Path(path).name,
            url,
            title,
            published,
            text[p0:start],
            text[start:end],
            text[end:p1],
        )
    return out
