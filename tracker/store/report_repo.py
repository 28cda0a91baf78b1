"""What the provenance reports show, read a chunk at a time into plain dataclasses (no ORM rows leave here).

Every read returns at most one chunk of rows (keyset pages over ids), so no query stays open while the report
renders and memory holds one chunk at a time. Source text is read only by ``source_texts``, for the sources
whose pages are rendered.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.store import flag_repo
from tracker.store.flag_repo import Review, StoredFlag
from tracker.store.models import Claim, Flag, FlagClaim, Outlet, Passage, Source

CHUNK = 500  # rows per read; also the most ids one IN (...) carries


@dataclass(frozen=True)
class ClaimRow:
    """A claim with its source's metadata and paragraph bounds, no source text."""

    id: int
    source_id: int
    text: str
    kind: str
    start: int
    end: int
    attributed_to: str | None
    time_text: str | None
    time_first: dt.date | None
    time_last: dt.date | None
    cluster_id: int | None
    outlet: str  # the outlet's name, or the file's name when the source has no outlet
    url: str | None
    title: str | None
    published: dt.date | None
    content_sha256: str
    file_name: str  # the file's name only: pages carry no local paths
    paragraph: tuple[int, int]  # the passage holding the claim's start (the claim's own span if none)


@dataclass(frozen=True)
class ClaimLine:
    """A claim as a list shows it: its text, outlet and date."""

    id: int
    text: str
    outlet: str
    published: dt.date | None
    cluster_id: int | None = None


@dataclass(frozen=True)
class FlagLine:
    id: int
    kind: str
    status: str
    explanation: str
    version: int


def _outlet_name(outlet: str | None, path: str) -> str:
    return outlet or Path(path).name


def claim_chunks(session: Session, chunk: int = CHUNK) -> Iterator[list[ClaimRow]]:
    """Every claim in id order, ``chunk`` at a time."""
    after = 0
    while True:
        out = _claim_rows(session, Claim.id > after, chunk)
        if not out:
            return
        after = out[-1].id
        yield out


def claim_rows(session: Session, ids: list[int]) -> dict[int, ClaimRow]:
    """Just these claims, as a claim page shows them."""
    out: dict[int, ClaimRow] = {}
    for i in range(0, len(ids), CHUNK):
        out.update((r.id, r) for r in _claim_rows(session, Claim.id.in_(ids[i : i + CHUNK]), CHUNK))
    return out


def _claim_rows(session: Session, where, limit: int) -> list[ClaimRow]:
    rows = session.execute(
        select(
            Claim.id,
            Claim.source_id,
            Claim.text,
            Claim.kind,
            Claim.start,
            Claim.end,
            Claim.attributed_to_name,
            Claim.time_text,
            Claim.time_first,
            Claim.time_last,
            Claim.cluster_id,
            Outlet.name,
            Source.path,
            Source.url,
            Source.title,
            Source.published,
            Source.content_sha256,
        )
        .join(Source, Source.id == Claim.source_id)
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(where)
        .order_by(Claim.id)
        .limit(limit)
    ).all()
    if not rows:
        return []
    passages: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for source_id, start, end in session.execute(
        select(Passage.source_id, Passage.start, Passage.end)
        .where(Passage.source_id.in_({r[1] for r in rows}))
        .order_by(Passage.source_id, Passage.position)
    ):
        passages[source_id].append((start, end))
    out = []
    for claim_id, source_id, text, kind, c_start, c_end, said_by, t_text, t_first, t_last, cluster, *meta in rows:
        outlet, path, url, title, published, sha = meta
        para = next(((s, e) for s, e in passages[source_id] if s <= c_start < e), (c_start, c_end))
        name = Path(path).name
        row = ClaimRow(
            claim_id, source_id, text, kind, c_start, c_end, said_by, t_text, t_first, t_last, cluster,
            outlet or name, url, title, published, sha, name, (para[0], max(para[1], c_end)),
        )  # fmt: skip
        out.append(row)
    return out


def source_texts(session: Session, source_ids: set[int]) -> dict[int, str]:
    """The full text of just these sources."""
    out: dict[int, str] = {}
    ids = sorted(source_ids)
    for i in range(0, len(ids), CHUNK):
        out.update(session.execute(select(Source.id, Source.text).where(Source.id.in_(ids[i : i + CHUNK]))).all())
    return out


def cluster_lines(session: Session, cluster_ids: set[int]) -> dict[int, list[ClaimLine]]:
    """The claims of these clusters, in source and reading order."""
    out: dict[int, list[ClaimLine]] = defaultdict(list)
    ids = sorted(cluster_ids)
    for i in range(0, len(ids), CHUNK):
        for line in _lines(session, Claim.cluster_id.in_(ids[i : i + CHUNK]), Claim.source_id, Claim.position):
            assert line.cluster_id is not None
            out[line.cluster_id].append(line)
    return out


def _lines(session: Session, where, *order) -> list[ClaimLine]:
    rows = session.execute(
        select(Claim.id, Claim.text, Outlet.name, Source.path, Source.published, Claim.cluster_id)
        .join(Source, Source.id == Claim.source_id)
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(where)
        .order_by(*order)
    )
    return [ClaimLine(i, t, _outlet_name(o, p), pub, cl) for i, t, o, p, pub, cl in rows]


def claim_lines(session: Session, ids: list[int]) -> dict[int, ClaimLine]:
    out: dict[int, ClaimLine] = {}
    for i in range(0, len(ids), CHUNK):
        out.update((line.id, line) for line in _lines(session, Claim.id.in_(ids[i : i + CHUNK]), Claim.id))
    return out


def outlet_claim_chunks(session: Session, outlet: str, chunk: int = CHUNK) -> Iterator[list[ClaimLine]]:
    """The claims of one outlet (by name, or by file name for sources without one) in source and reading
    order, ``chunk`` at a time."""
    named = select(Outlet.id).where(Outlet.name == outlet).scalar_subquery()
    mine = (Source.outlet_id == named) | (Source.outlet_id.is_(None) & Source.path.endswith(outlet, autoescape=True))
    after = (-1, -1)
    while True:
        rows = session.execute(
            select(Claim.id, Claim.text, Outlet.name, Source.path, Source.published, Claim.source_id, Claim.position)
            .join(Source, Source.id == Claim.source_id)
            .outerjoin(Outlet, Outlet.id == Source.outlet_id)
            .where(mine, (Claim.source_id > after[0]) | ((Claim.source_id == after[0]) & (Claim.position > after[1])))
            .order_by(Claim.source_id, Claim.position)
            .limit(chunk)
        ).all()
        if not rows:
            return
        after = (rows[-1][5], rows[-1][6])
        lines = [ClaimLine(i, t, _outlet_name(o, p), pub) for i, t, o, p, pub, _s, _n in rows]
        yield [line for line in lines if line.outlet == outlet]  # a file name ending in the name is not enough


def claim_flags(
    session: Session, claim_ids: list[int] | None = None, between: tuple[int, int] | None = None
) -> dict[int, list[FlagLine]]:
    """claim id -> its flags, in flag id order; of ``claim_ids``, or of the claims ``between`` two ids."""
    out: dict[int, list[FlagLine]] = defaultdict(list)
    query = select(FlagClaim.claim_id, Flag).join(Flag, Flag.id == FlagClaim.flag_id)
    wheres = [FlagClaim.claim_id.between(*between)] if between is not None else []
    ids = claim_ids or []
    wheres += [FlagClaim.claim_id.in_(ids[i : i + CHUNK]) for i in range(0, len(ids), CHUNK)]
    for where in wheres:
        for claim_id, f in session.execute(query.where(where).order_by(FlagClaim.claim_id, Flag.id)):
            out[claim_id].append(FlagLine(f.id, f.kind, f.status, f.explanation, f.version))
    return out


def claim_line_chunks(session: Session, chunk: int = CHUNK) -> Iterator[list[ClaimLine]]:
    """Every claim as a list shows it, in id order, ``chunk`` at a time."""
    after = 0
    while True:
        lines = _lines(session, Claim.id.in_(select(Claim.id).where(Claim.id > after).order_by(Claim.id).limit(chunk)))
        if not lines:
            return
        lines.sort(key=lambda line: line.id)
        after = lines[-1].id
        yield lines


def flag_chunks(session: Session, chunk: int = CHUNK) -> Iterator[list[StoredFlag]]:
    """Every flag in id order (with its claim and entity ids), ``chunk`` at a time."""
    after = 0
    while True:
        ids = list(session.scalars(select(Flag.id).where(Flag.id > after).order_by(Flag.id).limit(chunk)))
        if not ids:
            return
        after = ids[-1]
        yield flag_repo.list_flags(session, ids=ids)


def reviews(session: Session, flag_ids: list[int]) -> dict[int, list[Review]]:
    out: dict[int, list[Review]] = {}
    for i in range(0, len(flag_ids), CHUNK):
        out.update(flag_repo.all_reviews(session, flag_ids[i : i + CHUNK]))
    return out


# The order of the index: claims in an open conflict first, then those in an open change, then the rest.
INDEX_RANKS = (("conflict",), ("temporal_change",), None)


def _in_open(kinds: tuple[str, ...]):
    return Claim.id.in_(
        select(FlagClaim.claim_id)
        .join(Flag, Flag.id == FlagClaim.flag_id)
        .where(Flag.status == "open", Flag.kind.in_(kinds))
    )


def _rank_filter(rank: int):
    """Claims of that rank of INDEX_RANKS and of no rank before it."""
    conditions = [~_in_open(kinds) for kinds in INDEX_RANKS[:rank] if kinds]
    kinds = INDEX_RANKS[rank]
    if kinds:
        conditions.append(_in_open(kinds))
    return conditions


def index_count(session: Session) -> int:
    return session.scalar(select(func.count(Claim.id))) or 0


def index_chunks(session: Session, chunk: int = CHUNK) -> Iterator[list[ClaimLine]]:
    """Every claim in the index's order (INDEX_RANKS, then id), ``chunk`` at a time."""
    for rank in range(len(INDEX_RANKS)):
        after = 0
        while True:
            ids = list(
                session.scalars(
                    select(Claim.id).where(Claim.id > after, *_rank_filter(rank)).order_by(Claim.id).limit(chunk)
                )
            )
            if not ids:
                break
            after = ids[-1]
            lines = claim_lines(session, ids)
            yield [lines[i] for i in ids]


def flag_list_chunks(session: Session, chunk: int = CHUNK) -> Iterator[list[FlagLine]]:
    """Every flag, open ones first (conflicts, then changes, then other kinds), then by id."""
    ranks = [
        (Flag.status == "open") & (Flag.kind == "conflict"),
        (Flag.status == "open") & (Flag.kind == "temporal_change"),
        (Flag.status == "open") & Flag.kind.not_in(("conflict", "temporal_change")),
        Flag.status != "open",
    ]
    for where in ranks:
        after = 0
        while True:
            rows = list(session.scalars(select(Flag).where(where, Flag.id > after).order_by(Flag.id).limit(chunk)))
            if not rows:
                break
            after = rows[-1].id
            yield [FlagLine(f.id, f.kind, f.status, f.explanation, f.version) for f in rows]


def flag_count(session: Session) -> int:
    return session.scalar(select(func.count(Flag.id))) or 0
