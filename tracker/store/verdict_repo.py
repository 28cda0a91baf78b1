"""Reads and writes of verdicts (an editor's ruling on one claim), their append-only trail, and flag
assignment. Persistence only: which steps are allowed, and who may take them, is tracker.verdicts' business."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from tracker.errors import TrackerError
from tracker.store.models import Claim, Flag, FlagClaim, Verdict, VerdictEvent


class StaleRow(TrackerError):
    """The verdict changed since the caller read it: the UPDATE guarded by its version matched no row."""


@dataclass(frozen=True)
class StoredVerdict:
    id: int
    claim_id: int
    rating: str
    note: str | None
    evidence_url: str | None
    flag_id: int | None
    status: str
    proposed_by: str
    proposed_at: dt.datetime | None
    decided_by: str | None
    decided_at: dt.datetime | None
    version: int


@dataclass(frozen=True)
class StoredStep:
    verdict_id: int
    action: str
    by: str
    at: dt.datetime | None
    note: str | None
    version: int


def _stored(v: Verdict) -> StoredVerdict:
    return StoredVerdict(
        v.id,
        v.claim_id,
        v.rating,
        v.note,
        v.evidence_url,
        v.flag_id,
        v.status,
        v.proposed_by,
        v.proposed_at,
        v.decided_by,
        v.decided_at,
        v.version,
    )


def claim_exists(session: Session, claim_id: int) -> bool:
    return session.get(Claim, claim_id) is not None


def lock_claim(session: Session, claim_id: int) -> None:
    """Rulings on one claim one at a time: PostgreSQL locks its row to the transaction's end (SQLite's write
    transaction already excludes every other writer)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(Claim.id).where(Claim.id == claim_id).with_for_update())


def flag_exists(session: Session, flag_id: int) -> bool:
    return session.get(Flag, flag_id) is not None


def add(
    session: Session,
    claim_id: int,
    rating: str,
    status: str,
    by: str,
    note: str | None,
    evidence_url: str | None,
    flag_id: int | None,
) -> StoredVerdict:
    verdict = Verdict(
        claim_id=claim_id,
        rating=rating,
        note=note,
        evidence_url=evidence_url,
        flag_id=flag_id,
        status=status,
        proposed_by=by,
        version=1,
    )
    session.add(verdict)
    session.flush()
    session.add(VerdictEvent(verdict_id=verdict.id, action="propose", by=by, note=note, version=1))
    session.flush()
    session.refresh(verdict)
    return _stored(verdict)


def get(session: Session, verdict_id: int) -> StoredVerdict | None:
    verdict = session.get(Verdict, verdict_id, populate_existing=True)
    return None if verdict is None else _stored(verdict)


def step(
    session: Session,
    verdict_id: int,
    seen_version: int,
    from_statuses: Iterable[str],
    to_status: str,
    action: str,
    by: str,
    note: str | None = None,
    decided: bool = True,
) -> StoredVerdict:
    """Move one verdict to ``to_status`` if it is still at ``seen_version`` in one of ``from_statuses``, and
    record the step. StaleRow when another step came first (the guarded UPDATE matched no row)."""
    values: dict = {"status": to_status, "version": Verdict.version + 1}
    if decided:
        values.update(decided_by=by, decided_at=func.now())
    result = session.execute(
        update(Verdict)
        .where(Verdict.id == verdict_id, Verdict.version == seen_version, Verdict.status.in_(list(from_statuses)))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    if result.rowcount != 1:
        raise StaleRow(f"verdict {verdict_id} changed since version {seen_version}")
    session.add(VerdictEvent(verdict_id=verdict_id, action=action, by=by, note=note, version=seen_version + 1))
    session.flush()
    found = get(session, verdict_id)
    assert found is not None
    return found


def last_step(session: Session, verdict_id: int) -> StoredStep | None:
    row = session.scalars(
        select(VerdictEvent).where(VerdictEvent.verdict_id == verdict_id).order_by(VerdictEvent.id.desc()).limit(1)
    ).first()
    return None if row is None else StoredStep(row.verdict_id, row.action, row.by, row.at, row.note, row.version)


def steps(session: Session, verdict_id: int) -> list[StoredStep]:
    rows = session.scalars(select(VerdictEvent).where(VerdictEvent.verdict_id == verdict_id).order_by(VerdictEvent.id))
    return [StoredStep(r.verdict_id, r.action, r.by, r.at, r.note, r.version) for r in rows]


def verdicts(
    session: Session,
    claim_ids: Iterable[int] | None = None,
    status: str | Iterable[str] | None = None,
    ids: Iterable[int] | None = None,
) -> list[StoredVerdict]:
    """Verdicts by id, filtered by claim, status (one or several) and id."""
    query = select(Verdict).order_by(Verdict.id)
    if claim_ids is not None:
        query = query.where(Verdict.claim_id.in_(list(claim_ids)))
    if ids is not None:
        query = query.where(Verdict.id.in_(list(ids)))
    if isinstance(status, str):
        query = query.where(Verdict.status == status)
    elif status is not None:
        query = query.where(Verdict.status.in_(list(status)))
    return [_stored(v) for v in session.scalars(query)]


def flags_of_claim(session: Session, claim_id: int, kinds: Iterable[str]) -> list[tuple[int, str, list[int]]]:
    """(flag id, status, its claim ids) of the flags of these kinds that join this claim."""
    rows = session.execute(
        select(Flag.id, Flag.status)
        .join(FlagClaim, FlagClaim.flag_id == Flag.id)
        .where(FlagClaim.claim_id == claim_id, Flag.kind.in_(list(kinds)))
        .order_by(Flag.id)
    ).all()
    out = []
    for flag_id, status in rows:
        members = list(
            session.scalars(select(FlagClaim.claim_id).where(FlagClaim.flag_id == flag_id).order_by(FlagClaim.claim_id))
        )
        out.append((flag_id, status, members))
    return out


def assign(session: Session, flag_ids: list[int], to: str | None) -> int:
    """Assign these flags to ``to`` (None: to nobody); how many flags there were."""
    result = session.execute(
        update(Flag).where(Flag.id.in_(flag_ids)).values(assigned_to=to).execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    return result.rowcount
