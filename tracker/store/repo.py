"""Reads and writes of ingested sources. Stages hand in and get back plain dataclasses, never ORM rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.clean.spans import Span
from tracker.store.models import Outlet, Passage, Source


@dataclass(frozen=True)
class NewSource:
    """Everything ingest, clean and dates found for one article, ready to store."""

    path: str
    outlet: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    published_origin: str | None
    content_sha256: str
    media_type: str
    encoding: str
    text: str
    passages: tuple[Span, ...]
    duplicate_of: int | None = None
    duplicate_score: float | None = None


@dataclass(frozen=True)
class StoredSource:
    id: int
    path: str
    outlet: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    published_origin: str | None
    content_sha256: str
    media_type: str
    duplicate_of: int | None
    passages: int
    text_chars: int


def source_with_hash(session: Session, sha256: str) -> int | None:
    return session.scalar(select(Source.id).where(Source.content_sha256 == sha256))


def add_source(session: Session, new: NewSource) -> int:
    source = Source(
        path=new.path,
        outlet=_outlet(session, new.outlet) if new.outlet else None,
        url=new.url,
        title=new.title,
        published=new.published,
        published_origin=new.published_origin,
        content_sha256=new.content_sha256,
        media_type=new.media_type,
        encoding=new.encoding,
        text=new.text,
        duplicate_of_id=new.duplicate_of,
        duplicate_score=new.duplicate_score,
        passages=[Passage(position=i, start=s.start, end=s.end) for i, s in enumerate(new.passages)],
    )
    session.add(source)
    session.flush()
    return source.id


def _outlet(session: Session, name: str) -> Outlet:
    outlet = session.scalar(select(Outlet).where(Outlet.name == name))
    if outlet is None:
        outlet = Outlet(name=name)
        session.add(outlet)
        session.flush()
    return outlet


def original_bodies(session: Session) -> Iterator[tuple[int, str]]:
    """(id, body text) of every source that is not itself a copy, oldest first: candidates for dedupe."""
    rows = session.execute(
        select(Source.id, Source.text, Passage.start, Passage.end)
        .join(Passage, Passage.source_id == Source.id)
        .where(Source.duplicate_of_id.is_(None))
        .order_by(Source.id, Passage.position)
    )
    current_id, parts, text = None, [], ""
    for source_id, source_text, start, end in rows:
        if source_id != current_id:
            if current_id is not None:
                yield current_id, "\n\n".join(parts)
            current_id, parts, text = source_id, [], source_text
        parts.append(text[start:end])
    if current_id is not None:
        yield current_id, "\n\n".join(parts)


def list_sources(session: Session) -> list[StoredSource]:
    counts = (
        select(Passage.source_id, func.count(Passage.id).label("n")).group_by(Passage.source_id).subquery()
    )
    rows = session.execute(
        select(Source, Outlet.name, func.coalesce(counts.c.n, 0))
        .outerjoin(Outlet, Source.outlet_id == Outlet.id)
        .outerjoin(counts, counts.c.source_id == Source.id)
        .order_by(Source.id)
    )
    return [
        StoredSource(
            id=s.id,
            path=s.path,
            outlet=outlet,
            url=s.url,
            title=s.title,
            published=s.published,
            published_origin=s.published_origin,
            content_sha256=s.content_sha256,
            media_type=s.media_type,
            duplicate_of=s.duplicate_of_id,
            passages=n,
            text_chars=len(s.text),
        )
        for s, outlet, n in rows
    ]


def outlet_names(session: Session) -> list[str]:
    return list(session.scalars(select(Outlet.name).order_by(Outlet.name)))
