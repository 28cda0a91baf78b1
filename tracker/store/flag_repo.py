"""Flags: written by the stages that find them, keyed so that a re-run updates them and keeps their review."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import CursorResult, delete, func, select, update
from sqlalchemy.orm import Session

from tracker.errors import TrackerError
from tracker.store.db import insert_rows
from tracker.store.limits import REVIEWER
from tracker.store.models import Claim, Flag, FlagClaim, FlagEntity, FlagReview, Outlet, Source

OPEN, CONFIRMED, DISMISSED, RESOLVED = "open", "confirmed", "dismissed", "resolved"
# What each review action does: the statuses it may start from, and the status it leaves. "resolve" is taken
# by published verdicts on a conflict's claims (tracker.verdicts), not by hand.
ACTIONS = {
    "confirm": ({OPEN}, CONFIRMED),
    "dismiss": ({OPEN}, DISMISSED),
    "reopen": ({CONFIRMED, DISMISSED, RESOLVED}, OPEN),
    "resolve": ({OPEN, CONFIRMED}, RESOLVED),
}


class ReviewError(TrackerError, ValueError):
    """A review that cannot be recorded; the message says why in one line."""


class StaleReview(ReviewError):
    """Someone reviewed (or a re-run changed) the flag since this reviewer read it."""


@dataclass(frozen=True)
class Review:
    flag_id: int
    reviewer: str
    reviewed_at: dt.datetime
    from_status: str
    to_status: str
    note: str | None
    version: int


@dataclass(frozen=True)
class FlagDraft:
    kind: str
    key: str
    explanation: str
    claim_ids: tuple[int, ...]
    entity_ids: tuple[int, ...]
    rule: str | None = None  # the comparison rule that made it
    frames: str | None = None  # the frames it compared, as JSON


@dataclass(frozen=True)
class StoredFlag:
    id: int
    kind: str
    status: str
    explanation: str
    claim_ids: tuple[int, ...]
    entity_ids: tuple[int, ...]
    version: int
    rule: str | None = None
    frames: str | None = None
    assigned_to: str | None = None  # the editor it is assigned to


def sync_flags(session: Session, kinds: set[str], wanted: dict[str, FlagDraft], scope: set[str] | None = None) -> None:
    """Make the stored flags of ``kinds`` what a stage found now (with ``scope``: the flags of those keys only,
    the rest as they are).

    A flag found again keeps its id and status (an editor's review survives); its explanation and claims
    follow the new finding. An open flag not found again and never reviewed is gone; a reviewed one stays,
    with its audit trail. Only rows that changed are written.
    """
    query = select(Flag).where(Flag.kind.in_(kinds))
    if scope is None:
        existing = {f.key: f for f in session.scalars(query)}
    else:
        existing = {}
        for chunk in _chunks(sorted(scope | set(wanted))):
            existing.update({f.key: f for f in session.scalars(query.where(Flag.key.in_(chunk)))})
    ids = [f.id for f in existing.values()]
    reviewed: set[int] = set()
    claims: dict[int, list[int]] = defaultdict(list)
    entities: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks(ids):
        reviewed.update(session.scalars(select(FlagReview.flag_id).where(FlagReview.flag_id.in_(chunk)).distinct()))
        for flag_id, claim_id in session.execute(
            select(FlagClaim.flag_id, FlagClaim.claim_id).where(FlagClaim.flag_id.in_(chunk))
        ):
            claims[flag_id].append(claim_id)
        for flag_id, entity_id in session.execute(
            select(FlagEntity.flag_id, FlagEntity.entity_id).where(FlagEntity.flag_id.in_(chunk))
        ):
            entities[flag_id].append(entity_id)
    gone = [f.id for key, f in existing.items() if key not in wanted and f.status == OPEN and f.id not in reviewed]
    for chunk in _chunks(gone):
        session.execute(delete(Flag).where(Flag.id.in_(chunk)))
    new_claims: list[dict[str, int]] = []
    new_entities: list[dict[str, int]] = []
    for key, draft in wanted.items():
        flag = existing.get(key)
        if flag is None:
            flag = Flag(
                kind=draft.kind,
                key=key,
                status=OPEN,
                explanation=draft.explanation,
                version=1,
                rule=draft.rule,
                frames=draft.frames,
            )
            session.add(flag)
            session.flush()
        elif (flag.explanation, flag.rule, flag.frames) != (draft.explanation, draft.rule, draft.frames):
            flag.explanation, flag.rule, flag.frames = draft.explanation, draft.rule, draft.frames
            flag.updated_at = func.now()
            flag.version += 1
        want_claims, want_entities = set(draft.claim_ids), set(draft.entity_ids)
        if set(claims.get(flag.id, ())) != want_claims:
            session.execute(delete(FlagClaim).where(FlagClaim.flag_id == flag.id))
            new_claims.extend({"flag_id": flag.id, "claim_id": c} for c in dict.fromkeys(draft.claim_ids))
        if set(entities.get(flag.id, ())) != want_entities:
            session.execute(delete(FlagEntity).where(FlagEntity.flag_id == flag.id))
            new_entities.extend({"flag_id": flag.id, "entity_id": e} for e in dict.fromkeys(draft.entity_ids))
    if new_claims:
        insert_rows(session, FlagClaim, new_claims)
    if new_entities:
        insert_rows(session, FlagEntity, new_entities)
    session.flush()


def _chunks(items: list, size: int = 500) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def list_flags(
    session: Session,
    kind: str | None = None,
    status: str | None = None,
    outlet: str | None = None,
    ids: list[int] | None = None,
    assigned_to: str | None = None,
) -> list[StoredFlag]:
    return list(iter_flags(session, kind, status, outlet, ids, assigned_to))


def iter_flags(
    session: Session,
    kind: str | None = None,
    status: str | None = None,
    outlet: str | None = None,
    ids: list[int] | None = None,
    assigned_to: str | None = None,
    chunk: int = 500,
) -> Iterator[StoredFlag]:
    """Flags by id, streamed in chunks (each chunk's claim and entity links in two queries); ``assigned_to``
    matches the editor's name case-insensitively."""
    query = select(Flag).order_by(Flag.id)
    if ids is not None:
        query = query.where(Flag.id.in_(ids))
    if assigned_to is not None:
        query = query.where(func.lower(Flag.assigned_to) == assigned_to.strip().lower())
    if kind:
        query = query.where(Flag.kind == kind)
    if status:
        query = query.where(Flag.status == status)
    if outlet:
        of_outlet = (
            select(FlagClaim.flag_id)
            .join(Claim, Claim.id == FlagClaim.claim_id)
            .join(Source, Source.id == Claim.source_id)
            .join(Outlet, Outlet.id == Source.outlet_id)
            .where(func.lower(Outlet.name) == outlet.lower())
        )
        query = query.where(Flag.id.in_(of_outlet))
    for part in session.scalars(query.execution_options(yield_per=chunk)).partitions():
        yield from _stored_flags(session, list(part))


def _stored_flags(session: Session, flags: list[Flag]) -> list[StoredFlag]:
    claims: dict[int, list[int]] = defaultdict(list)
    entities: dict[int, list[int]] = defaultdict(list)
    ids = [f.id for f in flags]
    for flag_id, claim_id in session.execute(
        select(FlagClaim.flag_id, FlagClaim.claim_id).where(FlagClaim.flag_id.in_(ids)).order_by(FlagClaim.claim_id)
    ):
        claims[flag_id].append(claim_id)
    for flag_id, entity_id in session.execute(
        select(FlagEntity.flag_id, FlagEntity.entity_id).where(FlagEntity.flag_id.in_(ids))
    ):
        entities[flag_id].append(entity_id)
    return [
        StoredFlag(
            f.id,
            f.kind,
            f.status,
            f.explanation,
            tuple(claims[f.id]),
            tuple(entities[f.id]),
            f.version,
            f.rule,
            f.frames,
            f.assigned_to,
        )
        for f in flags
    ]


def flag_counts(session: Session) -> dict[str, int]:
    return {kind: count for kind, count in session.execute(select(Flag.kind, func.count(Flag.id)).group_by(Flag.kind))}


def review(
    session: Session,
    flag_id: int,
    action: str,
    reviewer: str,
    note: str | None = None,
    expected_version: int | None = None,
) -> Review:
    """Record one review: the flag's status changes only if its version is still the one the reviewer saw.

    The UPDATE carries ``version = expected`` in its WHERE clause, so of two editors reviewing at once one
    wins and the other's update matches no row: StaleReview, naming the newer state. Nothing is overwritten.
    """
    if action not in ACTIONS:
        raise ReviewError(f"unknown review action {action!r}")
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise ReviewError("--by: say who reviews (a name or initials)")
    if len(reviewer) > REVIEWER:
        raise ReviewError(f"--by: at most {REVIEWER} characters")
    flag = session.get(Flag, flag_id)
    if flag is None:
        raise ReviewError(f"no flag {flag_id}")
    seen = flag.version if expected_version is None else expected_version
    if seen != flag.version:
        raise StaleReview(_newer_state(session, flag_id, seen))
    allowed, to_status = ACTIONS[action]
    if flag.status not in allowed:
        raise ReviewError(f"flag {flag_id} is {flag.status}; cannot {action} it (version {flag.version})")
    result = session.execute(
        update(Flag)
        .where(Flag.id == flag_id, Flag.version == seen, Flag.status.in_(allowed))
        .values(status=to_status, version=Flag.version + 1, updated_at=func.now())
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)  # what an UPDATE returns; Session.execute is typed as plain Result
    if result.rowcount != 1:
        raise StaleReview(_newer_state(session, flag_id, seen))
    entry = FlagReview(
        flag_id=flag_id,
        reviewer=reviewer,
        from_status=flag.status,
        to_status=to_status,
        note=note,
        version=seen + 1,
    )
    session.add(entry)
    session.flush()
    return Review(flag_id, reviewer, entry.reviewed_at, entry.from_status, to_status, note, seen + 1)


def _newer_state(session: Session, flag_id: int, seen: int) -> str:
    flag = session.get(Flag, flag_id, populate_existing=True)
    last = session.scalars(
        select(FlagReview).where(FlagReview.flag_id == flag_id).order_by(FlagReview.id.desc()).limit(1)
    ).first()
    by = f" by {last.reviewer} at {last.reviewed_at:%Y-%m-%d %H:%M}" if last is not None else ""
    if flag is None:  # a re-run removed it (an open flag never reviewed that its stage no longer finds)
        return f"flag {flag_id} is gone since you read it (version {seen}); look again at the current flags"
    return (
        f"flag {flag_id} changed since you read it (version {seen}): it is now {flag.status} at version "
        f"{flag.version}{by}; look again and review the current state"
    )


def history(session: Session, flag_id: int) -> list[Review]:
    if session.get(Flag, flag_id) is None:
        raise ReviewError(f"no flag {flag_id}")
    return all_reviews(session, [flag_id]).get(flag_id, [])


def all_reviews(session: Session, flag_ids: list[int] | None = None) -> dict[int, list[Review]]:
    """Reviews per flag, oldest first, in one query."""
    query = select(FlagReview).order_by(FlagReview.id)
    if flag_ids is not None:
        query = query.where(FlagReview.flag_id.in_(flag_ids))
    out: dict[int, list[Review]] = defaultdict(list)
    for r in session.scalars(query):
        out[r.flag_id].append(
            Review(r.flag_id, r.reviewer, r.reviewed_at, r.from_status, r.to_status, r.note, r.version)
        )
    return dict(out)
