"""Reads and writes of entities, their sources' names and mentions, and editors' assertions: rows only.

Resolution and corrections (``entities.run``) read their input here and write their output back through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from tracker.errors import TrackerError
from tracker.store.models import (
    ClaimEntity,
    Entity,
    EntityAlias,
    Mention,
    Outlet,
    Source,
    SourceEntity,
)


class EntityError(TrackerError, ValueError):
    """An editor's request that cannot be carried out; the message says why."""


# -- what resolution reads -------------------------------------------------------------------------------------


def source_entities(session: Session) -> list[SourceEntity]:
    """Every article entity of an original (not a syndicated copy), by id."""
    return list(
        session.scalars(
            select(SourceEntity)
            .join(Source, Source.id == SourceEntity.source_id)
            .where(Source.duplicate_of_id.is_(None))
            .order_by(SourceEntity.id)
        )
    )


def mention_texts(session: Session) -> Iterator[tuple[int, str, str | None]]:
    """(article entity id, the mention's text, its title's text or None) of every mention in an original."""
    rows = session.execute(
        select(
            Mention.source_entity_id,
            func.substr(Source.text, Mention.start + 1, Mention.end - Mention.start),
            func.substr(Source.text, Mention.title_start + 1, Mention.title_end - Mention.title_start),
        )
        .join(SourceEntity, SourceEntity.id == Mention.source_entity_id)
        .join(Source, Source.id == SourceEntity.source_id)
        .where(Source.duplicate_of_id.is_(None))
    )
    yield from (tuple(row) for row in rows)


def assertions(session: Session) -> list[EntityAlias]:
    """Editors' words on names, oldest first."""
    return list(session.scalars(select(EntityAlias).order_by(EntityAlias.id)))


def live_entity_ids(session: Session) -> set[int]:
    return set(session.scalars(select(Entity.id).where(Entity.merged_into_id.is_(None))))


def count_live_entities(session: Session) -> int:
    return session.scalar(select(func.count(Entity.id)).where(Entity.merged_into_id.is_(None))) or 0


def linked_mentions(session: Session) -> Iterator[tuple[int, int, str | None, str, str]]:
    """(entity id, article entity id, outlet, source path, the mention's text) of every linked mention in an
    original."""
    rows = session.execute(
        select(
            SourceEntity.entity_id,
            SourceEntity.id,
            Outlet.name,
            Source.path,
            func.substr(Source.text, Mention.start + 1, Mention.end - Mention.start),
        )
        .join(Mention, Mention.source_entity_id == SourceEntity.id)
        .join(Source, Source.id == SourceEntity.source_id)
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(SourceEntity.entity_id.is_not(None), Source.duplicate_of_id.is_(None))
    )
    for entity_id, se_id, outlet, path, text in rows:
        assert entity_id is not None  # the query keeps linked rows only
        yield entity_id, se_id, outlet, path, text


def first_claims(session: Session) -> dict[int, int]:
    """Article entity id -> the first claim that names it."""
    rows = session.execute(
        select(ClaimEntity.source_entity_id, func.min(ClaimEntity.claim_id)).group_by(ClaimEntity.source_entity_id)
    )
    return {se_id: claim_id for se_id, claim_id in rows}


def entities_by_id(session: Session, ids: Iterable[int]) -> dict[int, Entity]:
    return {e.id: e for e in session.scalars(select(Entity).where(Entity.id.in_(list(ids))))}


def entity_mention_texts(session: Session, entity_ids: list[int] | None = None) -> Iterator[tuple[int, int, str]]:
    """(entity id, source id, the mention's text) of every mention in an original linked to an entity (of these)."""
    query = (
        select(
            SourceEntity.entity_id,
            Source.id,
            func.substr(Source.text, Mention.start + 1, Mention.end - Mention.start),
        )
        .join(Source, Source.id == SourceEntity.source_id)
        .join(Mention, Mention.source_entity_id == SourceEntity.id)
        .where(SourceEntity.entity_id.is_not(None), Source.duplicate_of_id.is_(None))
    )
    if entity_ids is not None:
        query = query.where(SourceEntity.entity_id.in_(entity_ids))
    for entity_id, source_id, text in session.execute(query):
        assert entity_id is not None  # the query keeps linked rows only
        yield entity_id, source_id, text


def live_entities(session: Session, kind: str | None = None, ids: list[int] | None = None) -> list[Entity]:
    query = select(Entity).where(Entity.merged_into_id.is_(None)).order_by(Entity.id)
    if kind:
        query = query.where(Entity.type == kind)
    if ids is not None:
        query = query.where(Entity.id.in_(ids))
    return list(session.scalars(query))


def get_entity(session: Session, entity_id: int) -> Entity | None:
    return session.get(Entity, entity_id)


def live_entity(session: Session, entity_id: int) -> Entity:
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise EntityError(f"no entity {entity_id}")
    if entity.merged_into_id is not None:
        raise EntityError(f"entity {entity_id} was merged into {entity.merged_into_id}; use that id")
    return entity


def entity_sources(
    session: Session, entity_id: int
) -> Iterator[tuple[SourceEntity, str, dt.date | None, str, str | None]]:
    """(article entity, source path, published, source text, outlet) of each original naming the entity."""
    rows = session.execute(
        select(SourceEntity, Source.path, Source.published, Source.text, Outlet.name)
        .join(Source, Source.id == SourceEntity.source_id)
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(SourceEntity.entity_id == entity_id, Source.duplicate_of_id.is_(None))
        .order_by(Source.published, Source.id)
    )
    for se, path, published, text, outlet in rows:  # noqa: UP028  (plain tuples, not rows)
        yield se, path, published, text, outlet


def claim_count(session: Session, entity_id: int) -> int:
    count = session.scalar(
        select(func.count(func.distinct(ClaimEntity.claim_id)))
        .join(SourceEntity, SourceEntity.id == ClaimEntity.source_entity_id)
        .where(SourceEntity.entity_id == entity_id)
    )
    return count or 0


def claim_entities(
    session: Session, ids: list[int] | None = None, between: tuple[int, int] | None = None
) -> dict[int, tuple[list[int], int | None]]:
    """claim id -> (entity ids it is about, entity id it is attributed to); of every claim, of ``ids``, or of
    the claims whose ids are ``between`` two ids (both included)."""
    out: dict[int, tuple[list[int], int | None]] = {}
    query = (
        select(ClaimEntity.claim_id, SourceEntity.entity_id, ClaimEntity.speaker)
        .join(SourceEntity, SourceEntity.id == ClaimEntity.source_entity_id)
        .where(SourceEntity.entity_id.is_not(None))
        .order_by(ClaimEntity.claim_id, SourceEntity.position)
    )
    if ids is not None:
        query = query.where(ClaimEntity.claim_id.in_(ids))
    if between is not None:
        query = query.where(ClaimEntity.claim_id.between(*between))
    rows = session.execute(query)
    for claim_id, entity_id, speaker in rows:
        assert entity_id is not None  # the query keeps linked rows only
        ids, spoken_by = out.get(claim_id, ([], None))
        if entity_id not in ids:
            ids.append(entity_id)
        out[claim_id] = (ids, entity_id if speaker else spoken_by)
    return out


# -- what resolution and corrections write -----------------------------------------------------------------------


def add_entity(session: Session, name: str, kind: str) -> int:
    entity = Entity(name=name, type=kind)
    session.add(entity)
    session.flush()
    return entity.id


def rename_entity(session: Session, entity_id: int, name: str, kind: str) -> None:
    session.execute(update(Entity).where(Entity.id == entity_id).values(name=name, type=kind))


def link_source_entity(session: Session, source_entity_id: int, entity_id: int, reason: str | None) -> None:
    session.execute(
        update(SourceEntity).where(SourceEntity.id == source_entity_id).values(entity_id=entity_id, reason=reason)
    )


def drop_orphans(session: Session) -> None:
    """Entities no source names any more and no editor speaks of are gone; merged ones stay as redirects."""
    used = select(SourceEntity.entity_id).where(SourceEntity.entity_id.is_not(None))
    asserted = select(EntityAlias.entity_id)
    redirected = select(Entity.merged_into_id).where(Entity.merged_into_id.is_not(None))
    session.execute(
        delete(Entity).where(
            Entity.merged_into_id.is_(None),
            Entity.id.not_in(used),
            Entity.id.not_in(asserted),
            Entity.id.not_in(redirected),
        )
    )


def replace_alias(session: Session, entity_id: int, name: str, key: str, positive: bool, origin: str) -> None:
    """Record an editor's word on a name (by its key), replacing any contrary word on the same entity; a name
    said to be this entity leaves any other entity it was said to be."""
    session.execute(delete(EntityAlias).where(EntityAlias.entity_id == entity_id, EntityAlias.name_key == key))
    if positive:
        session.execute(delete(EntityAlias).where(EntityAlias.name_key == key, EntityAlias.positive.is_(True)))
    session.add(EntityAlias(entity_id=entity_id, name=name, name_key=key, positive=positive, origin=origin))
    session.flush()


def alias_keys(session: Session) -> set[str]:
    """The keys of every name an editor has spoken of."""
    return {k for k in session.scalars(select(EntityAlias.name_key).where(EntityAlias.name_key.is_not(None)))}


def aliases_of(session: Session, entity_id: int) -> list[EntityAlias]:
    return list(session.scalars(select(EntityAlias).where(EntityAlias.entity_id == entity_id).order_by(EntityAlias.id)))


def redirect(session: Session, gone_id: int, keep_id: int) -> None:
    """Entity ``gone_id`` becomes a redirect to ``keep_id``: its editors' words go, its sources' names and the
    entities merged into it move to ``keep_id``."""
    session.execute(delete(EntityAlias).where(EntityAlias.entity_id == gone_id))
    session.execute(update(Entity).where(Entity.id == gone_id).values(merged_into_id=keep_id))
    session.execute(update(Entity).where(Entity.merged_into_id == gone_id).values(merged_into_id=keep_id))
    session.execute(update(SourceEntity).where(SourceEntity.entity_id == gone_id).values(entity_id=keep_id))
    session.flush()
