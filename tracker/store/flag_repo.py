"""Flags: written by the stages that find them, keyed so that a re-run updates them and keeps their review."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tracker.store.models import Claim, Flag, FlagClaim, FlagEntity, Outlet, Source

OPEN = "open"


@dataclass(frozen=True)
class FlagDraft:
    kind: str
    key: str
    explanation: str
    claim_ids: tuple[int, ...]
    entity_ids: tuple[int, ...]


@dataclass(frozen=True)
class StoredFlag:
    id: int
    kind: str
    status: str
    explanation: str
    claim_ids: tuple[int, ...]
    entity_ids: tuple[int, ...]
    version: int


def sync_flags(session: Session, kinds: set[str], wanted: dict[str, FlagDraft]) -> None:
    """Make the stored flags of ``kinds`` what a stage found now.

    A flag found again keeps its id and status (an editor's review survives); its explanation and claims
    follow the new finding. An open flag not found again is gone; a reviewed one stays, as the record of
    the review.
    """
    existing = {f.key: f for f in session.scalars(select(Flag).where(Flag.kind.in_(kinds)))}
    for key, flag in existing.items():
        if key not in wanted and flag.status == OPEN:
            session.delete(flag)
    session.flush()
    for key, draft in wanted.items():
        flag = existing.get(key)
        if flag is None:
            flag = Flag(kind=draft.kind, key=key, status=OPEN, explanation=draft.explanation, version=1)
            session.add(flag)
            session.flush()
        elif flag.explanation != draft.explanation:
            flag.explanation = draft.explanation
            flag.updated_at = func.now()
            flag.version += 1
        session.execute(delete(FlagClaim).where(FlagClaim.flag_id == flag.id))
        session.execute(delete(FlagEntity).where(FlagEntity.flag_id == flag.id))
        session.add_all(FlagClaim(flag_id=flag.id, claim_id=c) for c in dict.fromkeys(draft.claim_ids))
        session.add_all(FlagEntity(flag_id=flag.id, entity_id=e) for e in dict.fromkeys(draft.entity_ids))
    session.flush()


def list_flags(
    session: Session, kind: str | None = None, status: str | None = None, outlet: str | None = None
) -> list[StoredFlag]:
    query = select(Flag).order_by(Flag.id)
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
    flags = list(session.scalars(query))
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
        StoredFlag(f.id, f.kind, f.status, f.explanation, tuple(claims[f.id]), tuple(entities[f.id]), f.version)
        for f in flags
    ]


def flag_counts(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Flag.kind, func.count(Flag.id)).group_by(Flag.kind)).all())
