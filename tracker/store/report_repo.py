"""Everything the provenance reports show, read in one go into plain dataclasses (no ORM rows leave here)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.store import entity_repo, flag_repo, repo
from tracker.store.flag_repo import Review, StoredFlag
from tracker.store.models import Outlet, Passage, Source

if TYPE_CHECKING:  # the caller's records, only named here
    from tracker.entities.run import StoredEntity
    from tracker.reliability import OutletRecord


@dataclass(frozen=True)
class ReportSource:
    id: int
    path: str
    outlet: str
    url: str | None
    title: str | None
    published: dt.date | None
    content_sha256: str
    text: str
    passages: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ReportData:
    sources: dict[int, ReportSource]
    claims: list[repo.StoredClaim]
    entities: dict[int, StoredEntity]
    claim_entities: dict[int, tuple[list[int], int | None]]
    flags: list[StoredFlag]
    reviews: dict[int, list[Review]]
    outlets: list[OutletRecord]


def report_data(session: Session, outlets: list[OutletRecord], entities: list[StoredEntity]) -> ReportData:
    """What the report pages show, read in the caller's transaction; ``outlets`` (the reliability records) and
    ``entities`` (``entities.run.list_entities``) are the caller's."""
    passages: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for source_id, start, end in session.execute(
        select(Passage.source_id, Passage.start, Passage.end).order_by(Passage.source_id, Passage.position)
    ):
        passages[source_id].append((start, end))
    sources = {}
    for s, outlet in session.execute(
        select(Source, Outlet.name).outerjoin(Outlet, Outlet.id == Source.outlet_id).order_by(Source.id)
    ):
        sources[s.id] = ReportSource(
            s.id,
            s.path,
            outlet or Path(s.path).name,
            s.url,
            s.title,
            s.published,
            s.content_sha256,
            s.text,
            tuple(passages[s.id]),
        )
    flags = flag_repo.list_flags(session)
    reviews = flag_repo.all_reviews(session)
    return ReportData(
        sources=sources,
        claims=repo.list_claims(session),
        entities={e.id: e for e in entities},
        claim_entities=entity_repo.claim_entities(session),
        flags=flags,
        reviews=reviews,
        outlets=outlets,
    )
