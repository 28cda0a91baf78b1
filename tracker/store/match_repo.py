"""Reads for matching (claims with their stored facts, entities' mentions) and writes of its result (clusters,
flags). Matching itself runs in ``match.run``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from tracker.store.flag_repo import FlagDraft, sync_flags
from tracker.store.models import (
    Claim,
    ClaimEntity,
    ClaimEvent,
    ClaimPresence,
    ClaimQuantity,
    ClaimRole,
    ClaimTime,
    Entity,
    Mention,
    Outlet,
    Source,
    SourceEntity,
)


def claim_entity_links(session: Session) -> Iterator[tuple[int, int]]:
    """(claim id, entity id) of every claim linked to an entity."""
    rows = session.execute(
        select(ClaimEntity.claim_id, SourceEntity.entity_id)
        .join(SourceEntity, SourceEntity.id == ClaimEntity.source_entity_id)
        .where(SourceEntity.entity_id.is_not(None))
    )
    for claim_id, entity_id in rows:
        assert entity_id is not None  # the query keeps linked rows only
        yield claim_id, entity_id


def roles(session: Session) -> list[ClaimRole]:
    return list(session.scalars(select(ClaimRole)))


def quantities(session: Session) -> list[ClaimQuantity]:
    return list(session.scalars(select(ClaimQuantity).order_by(ClaimQuantity.claim_id, ClaimQuantity.position)))


def events(session: Session) -> list[ClaimEvent]:
    return list(session.scalars(select(ClaimEvent)))


def presence(session: Session) -> list[ClaimPresence]:
    return list(session.scalars(select(ClaimPresence).order_by(ClaimPresence.claim_id, ClaimPresence.position)))


def times(session: Session) -> list[ClaimTime]:
    return list(session.scalars(select(ClaimTime).order_by(ClaimTime.claim_id, ClaimTime.position)))


def original_texts(session: Session) -> dict[int, str]:
    """Source id -> stored text, of every original (not a syndicated copy)."""
    rows = session.execute(select(Source.id, Source.text).where(Source.duplicate_of_id.is_(None)))
    return {source_id: text for source_id, text in rows}


def original_claims(session: Session) -> Iterator[tuple[Claim, str, dt.date | None, str | None]]:
    """(claim, source path, published, outlet) of every claim of an original, by claim id."""
    rows = session.execute(
        select(Claim, Source.path, Source.published, Outlet.name)
        .join(Source, Source.id == Claim.source_id)
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(Source.duplicate_of_id.is_(None))
        .order_by(Claim.id)
    )
    for claim, path, published, outlet in rows:  # noqa: UP028  (plain tuples, not rows)
        yield claim, path, published, outlet


def entity_mentions(session: Session) -> Iterator[tuple[int, str]]:
    """(entity id, the mention's text) of every mention linked to an entity."""
    rows = session.execute(
        select(SourceEntity.entity_id, func.substr(Source.text, Mention.start + 1, Mention.end - Mention.start))
        .join(Source, Source.id == SourceEntity.source_id)
        .join(Mention, Mention.source_entity_id == SourceEntity.id)
        .where(SourceEntity.entity_id.is_not(None))
    )
    for entity_id, text in rows:
        assert entity_id is not None  # the query keeps linked rows only
        yield entity_id, text


def live_entities(session: Session) -> list[Entity]:
    return list(session.scalars(select(Entity).where(Entity.merged_into_id.is_(None))))


def store_result(session: Session, clusters: dict[int, int], kinds: set[str], flags: dict[str, FlagDraft]) -> None:
    """Each claim's cluster (claims not named: none), and the flags of these kinds (``sync_flags``)."""
    session.execute(update(Claim).where(Claim.cluster_id.is_not(None)).values(cluster_id=None))
    by_cluster: dict[int, list[int]] = defaultdict(list)
    for claim_id, cluster in clusters.items():
        by_cluster[cluster].append(claim_id)
    for cluster, ids in by_cluster.items():
        session.execute(update(Claim).where(Claim.id.in_(ids)).values(cluster_id=cluster))
    sync_flags(session, kinds, flags)
