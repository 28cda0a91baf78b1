"""Reads and writes of entities, their sources' names and mentions, and editors' assertions: rows only.

Resolution and corrections (``entities.run``) read their input here and write their output back through here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, cast

from sqlalchemy import Table, and_, case, delete, func, insert, or_, select, tuple_, update
from sqlalchemy.orm import Session

from tracker.errors import TrackerError
from tracker.store.db import insert_rows
from tracker.store.models import (
    ClaimEntity,
    Entity,
    EntityAlias,
    EntityKind,
    Flag,
    KindKey,
    Mention,
    Outlet,
    Source,
    SourceEntity,
)


class EntityError(TrackerError, ValueError):
    """An editor's request that cannot be carried out; the message says why."""


# -- what resolution reads -------------------------------------------------------------------------------------


CHUNK = 500  # ids or keys per IN (...), well inside every database's limit on bound parameters


def _chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    items = list(items)
    for at in range(0, len(items), size):
        yield items[at : at + size]


def mention_texts(session: Session, source_entity_ids: Iterable[int]) -> Iterator[tuple[int, str, str | None]]:
    """(article entity id, the mention's text, its title's text or None) of each mention of these article
    entities, in the order written (the texts cut out by the database, not the sources' whole texts)."""
    for chunk in _chunks(source_entity_ids):
        rows = session.execute(
            select(
                Mention.source_entity_id,
                func.substr(Source.text, Mention.start + 1, Mention.end - Mention.start),
                func.substr(Source.text, Mention.title_start + 1, Mention.title_end - Mention.title_start),
            )
            .join(SourceEntity, SourceEntity.id == Mention.source_entity_id)
            .join(Source, Source.id == SourceEntity.source_id)
            .where(Mention.source_entity_id.in_(chunk))
            .order_by(Mention.source_entity_id, Mention.id)
        )
        yield from (tuple(row) for row in rows)


class CandidateRow(NamedTuple):
    """An article entity as resolution reads it: what it is, where it is now, what its mentions gave."""

    id: int
    name: str
    type: str
    strong: bool
    entity_id: int | None
    reason: str | None
    forms: str | None  # JSON object: form -> times written
    titles: str | None  # JSON list


_CANDIDATE = (
    SourceEntity.id,
    SourceEntity.name,
    SourceEntity.type,
    SourceEntity.strong,
    SourceEntity.entity_id,
    SourceEntity.reason,
    SourceEntity.forms,
    SourceEntity.titles,
)


def _in_original():
    """An article entity of an original, by the index of copies (a source's row is never read: its text is in
    the way of the columns after it)."""
    return SourceEntity.source_id.not_in(select(Source.id).where(Source.duplicate_of_id.is_not(None)))


def _candidates(session: Session, *where) -> Iterator[CandidateRow]:
    query = select(*_CANDIDATE).where(_in_original(), *where).order_by(SourceEntity.id)
    yield from (CandidateRow(*row) for row in session.execute(query))


def all_candidates(session: Session) -> list[CandidateRow]:
    """Every article entity of an original (not a syndicated copy), by id."""
    return list(_candidates(session))


def candidates_of_sources(session: Session, source_ids: Iterable[int]) -> list[CandidateRow]:
    return [row for chunk in _chunks(source_ids) for row in _candidates(session, SourceEntity.source_id.in_(chunk))]


def candidates_of_entities(session: Session, entity_ids: Iterable[int]) -> list[CandidateRow]:
    return [row for chunk in _chunks(entity_ids) for row in _candidates(session, SourceEntity.entity_id.in_(chunk))]


class Kind(NamedTuple):
    """What alike article entities are (the columns resolution reads of them) and the entity they are in;
    ``loose``: the id of one linked to no entity, which stands alone."""

    name: str
    type: str
    strong: bool
    entity_id: int | None
    loose: int | None
    forms: str | None
    titles: str | None


class CellRow(NamedTuple):
    """Alike article entities as one GROUP BY row: what they are, one reason they were given, how many were
    given it and the lowest id among those."""

    kind: Kind
    reason: str | None
    times: int
    first: int


_LOOSE = case((SourceEntity.entity_id.is_(None), SourceEntity.id), else_=None)
_KIND = (
    SourceEntity.name,
    SourceEntity.type,
    SourceEntity.strong,
    SourceEntity.entity_id,
    _LOOSE,
    SourceEntity.forms,
    SourceEntity.titles,
)


def _cell_rows(session: Session, query) -> Iterator[tuple]:
    """(leading columns..., CellRow) of each row of a query over ``_KIND``, reason, count and lowest id."""
    for row in session.execute(query):
        lead, what, (reason, times, first) = row[:-10], row[-10:-3], row[-3:]
        yield (*lead, CellRow(Kind(*what), reason, times, first))


def cells_of_entities(session: Session, entity_ids: Iterable[int]) -> list[CellRow]:
    """The article entities of originals linked to these entities, alike ones counted together (``CellRow``)."""
    return _cells_where(session, SourceEntity.entity_id, entity_ids)


def _cells_where(session: Session, column, values: Iterable[int]) -> list[CellRow]:
    """The originals' article entities whose ``column`` is one of ``values``, alike ones counted together.

    Those of a kind (keyed: all but a new source's, before resolution keys them) are counted by their kind from
    a covering index (``ix_source_entities_entity_cells``, ``..._kind_cells``), and the kind's columns read once;
    those of none, by their own columns."""
    loose = _LOOSE.label("loose")
    counted = (
        select(SourceEntity.kind_id, SourceEntity.entity_id, loose, SourceEntity.reason,
               func.count().label("times"), func.min(SourceEntity.id).label("first"))
        .where(_in_original(), SourceEntity.kind_id.is_not(None))
        .group_by(SourceEntity.kind_id, SourceEntity.entity_id, loose, SourceEntity.reason)
    )  # fmt: skip
    grouped = (*_KIND, SourceEntity.reason)
    unkinded = (
        select(*grouped, func.count(), func.min(SourceEntity.id))
        .where(_in_original(), SourceEntity.kind_id.is_(None))
        .group_by(*grouped)
    )
    out = []
    for chunk in _chunks(values):
        g = counted.where(column.in_(chunk)).subquery()
        by_kind = select(EntityKind.name, EntityKind.type, EntityKind.strong, g.c.entity_id, g.c.loose,
                         EntityKind.forms, EntityKind.titles, g.c.reason, g.c.times, g.c.first)  # fmt: skip
        by_kind = by_kind.select_from(g).join(EntityKind, EntityKind.id == g.c.kind_id)
        out += [row for (row,) in _cell_rows(session, by_kind)]
        out += [row for (row,) in _cell_rows(session, unkinded.where(column.in_(chunk)))]
    return out


class KindRow(NamedTuple):
    """A stored kind of article entity (``EntityKind``): what alike article entities are, their entity apart."""

    id: int
    name: str
    type: str
    strong: bool
    forms: str | None
    titles: str | None


_KIND_ROWS = select(KindKey.key, EntityKind.id, EntityKind.name, EntityKind.type, EntityKind.strong,
                    EntityKind.forms, EntityKind.titles).join(EntityKind, EntityKind.id == KindKey.kind_id)  # fmt: skip


def kinds_with_keys(session: Session, keys: Iterable[str]) -> list[tuple[str, KindRow]]:
    """(key, kind) of each stored kind holding one of these keys: a well-known name's keys are held by a few
    kinds, not by the thousands of article entities that are of them."""
    return [
        (row[0], KindRow(*row[1:]))
        for chunk in _chunks(keys)
        for row in session.execute(_KIND_ROWS.where(KindKey.key.in_(chunk)))
    ]


def kinds_with_names(session: Session, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, KindRow]]:
    """(key, kind) of each stored kind holding one of these keys under one of these names ((key, name) pairs)."""
    wanted = tuple_(KindKey.key, EntityKind.name)
    return [
        (row[0], KindRow(*row[1:]))
        for chunk in _chunks(sorted(set(pairs)), CHUNK // 3)
        # the keys alone too: the pair's name is the joined kind's, so the pairs alone are no index's to seek
        for row in session.execute(_KIND_ROWS.where(KindKey.key.in_({k for k, _ in chunk}), wanted.in_(chunk)))
    ]


def names_with_keys(session: Session, keys: Iterable[str]) -> list[tuple[str, str]]:
    """(key, name) of the stored kinds holding one of these keys, each pair once: a block's names, without
    reading its kinds."""
    query = select(KindKey.key, EntityKind.name).join(EntityKind, EntityKind.id == KindKey.kind_id).distinct()
    return [
        (key, name) for chunk in _chunks(keys) for key, name in session.execute(query.where(KindKey.key.in_(chunk)))
    ]


def cells_of_kinds(session: Session, kind_ids: Iterable[int]) -> list[CellRow]:
    """The originals' article entities of these kinds, alike ones counted together (``CellRow``): whole cells."""
    return _cells_where(session, SourceEntity.kind_id, kind_ids)


def _alike(table: Table, what: Kind) -> tuple:
    """The article entities of originals in this entity alike in these columns."""
    return (
        table.c.name == what.name,
        table.c.type == what.type,
        table.c.strong == what.strong,
        table.c.entity_id == what.entity_id,
        table.c.forms.is_not_distinct_from(what.forms),
        table.c.titles.is_not_distinct_from(what.titles),
        table.c.source_id.not_in(select(Source.id).where(Source.duplicate_of_id.is_not(None))),
    )


def alike_members(session: Session, what: Kind) -> list[tuple[int, str | None]]:
    """(id, reason) of each article entity of an original of this kind (in its entity), by id."""
    table = cast(Table, SourceEntity.__table__)
    query = select(table.c.id, table.c.reason).where(*_alike(table, what)).order_by(table.c.id)
    return [(se_id, reason) for se_id, reason in session.execute(query)]


def relink_alike(session: Session, relinks: Sequence[tuple[Kind, int, int, str | None]]) -> None:
    """(kind, but, entity id, reason): the article entities of this kind but one (``but``) go to this entity for
    this reason, one statement each, writing only the rows that change."""
    table = cast(Table, SourceEntity.__table__)
    for what, but, to, reason in relinks:
        session.execute(
            update(table)
            .where(
                *_alike(table, what),
                table.c.id != but,
                ~and_(table.c.entity_id == to, table.c.reason.is_not_distinct_from(reason)),
            )
            .values(entity_id=to, reason=reason)
        )


def kind_digest(name: str, kind: str, strong: bool, forms: str | None, titles: str | None) -> str:
    """The identity of a kind of article entity (``EntityKind.digest``), whatever the length of its columns."""
    said = json.dumps([name, kind, bool(strong), forms, titles], ensure_ascii=False)
    return hashlib.sha256(said.encode("utf-8")).hexdigest()


class Keyed(NamedTuple):
    """What resolution read of an article entity's mentions, and the keys of what it is."""

    id: int
    name: str
    type: str
    strong: bool
    forms: str  # JSON object: form -> times written
    titles: str  # JSON list
    keys: frozenset[str]


def store_keys(session: Session, keyed: Sequence[Keyed]) -> None:
    """Store each article entity's forms and titles, and its kind (``EntityKind``, made if new) with the kind's
    keys (those given replace what the kind held)."""
    if not keyed:
        return
    ids = _kinds(session, keyed, replace=True)
    session.execute(
        update(SourceEntity),
        [
            {"id": k.id, "forms": k.forms, "titles": k.titles, "kind_id": kind}
            for k, kind in zip(keyed, ids, strict=True)
        ],
    )


def kinds_of(session: Session, keyed: Sequence[Keyed]) -> list[int]:
    """The kind (``EntityKind``) of each of these article entities, about to be stored (their ids unused): made,
    with its keys, where it is new; a stored kind keeps its keys (they follow from what it is)."""
    return _kinds(session, keyed, replace=False)


def _kinds(session: Session, keyed: Sequence[Keyed], replace: bool) -> list[int]:
    digest = [kind_digest(k.name, k.type, k.strong, k.forms, k.titles) for k in keyed]
    ids = _kind_ids(session, set(digest))
    new = {d: k for k, d in zip(keyed, digest, strict=True) if d not in ids}
    if new:
        insert_rows(
            session,
            EntityKind,
            [{"digest": d, "name": k.name, "type": k.type, "strong": k.strong, "forms": k.forms, "titles": k.titles}
             for d, k in new.items()],
        )  # fmt: skip
        ids.update(_kind_ids(session, set(new)))
    keys: dict[int, set[str]] = defaultdict(set)
    for k, d in zip(keyed, digest, strict=True):
        if replace or d in new:
            keys[ids[d]].update(k.keys)
    if replace:
        for chunk in _chunks(keys):
            session.execute(delete(KindKey).where(KindKey.kind_id.in_(chunk)))
    rows = [{"key": key, "kind_id": kind_id} for kind_id, held in keys.items() for key in sorted(held)]
    if rows:
        insert_rows(session, KindKey, rows)
    return [ids[d] for d in digest]


def _kind_ids(session: Session, digests: set[str]) -> dict[str, int]:
    query = select(EntityKind.digest, EntityKind.id)
    return {d: i for chunk in _chunks(digests) for d, i in session.execute(query.where(EntityKind.digest.in_(chunk)))}


def assertions(session: Session) -> list[EntityAlias]:
    """Editors' words on names, oldest first."""
    return list(session.scalars(select(EntityAlias).order_by(EntityAlias.id)))


def live_entity_ids(session: Session, among: Iterable[int] | None = None) -> set[int]:
    query = select(Entity.id).where(Entity.merged_into_id.is_(None))
    if among is None:
        return set(session.scalars(query))
    return {e for chunk in _chunks(among) for e in session.scalars(query.where(Entity.id.in_(chunk)))}


def count_live_entities(session: Session) -> int:
    return session.scalar(select(func.count(Entity.id)).where(Entity.merged_into_id.is_(None))) or 0


def entity_form_counts(
    session: Session, entity_ids: Iterable[int] | None = None
) -> Iterator[tuple[int, str | None, int]]:
    """(entity id, forms JSON, how many of its originals' article entities have them) of each entity (of these);
    an entity's forms may come in several rows, to be added up. Counted by kind from the covering index
    (``ix_source_entities_entity_cells``) and the kind's forms read once; article entities of no kind by theirs."""
    linked = (SourceEntity.entity_id.is_not(None), _in_original())
    by_kind = (
        select(SourceEntity.entity_id, SourceEntity.kind_id, func.count().label("times"))
        .where(*linked, SourceEntity.kind_id.is_not(None))
        .group_by(SourceEntity.entity_id, SourceEntity.kind_id)
    )
    unkinded = (
        select(SourceEntity.entity_id, SourceEntity.forms, func.count())
        .where(*linked, SourceEntity.kind_id.is_(None))
        .group_by(SourceEntity.entity_id, SourceEntity.forms)
    )
    chunks = [None] if entity_ids is None else list(_chunks(entity_ids))
    for chunk in chunks:
        g = (by_kind if chunk is None else by_kind.where(SourceEntity.entity_id.in_(chunk))).subquery()
        kinded = select(g.c.entity_id, EntityKind.forms, g.c.times).join(EntityKind, EntityKind.id == g.c.kind_id)
        rest = unkinded if chunk is None else unkinded.where(SourceEntity.entity_id.in_(chunk))
        for query in (kinded, rest):
            for entity_id, forms, times in session.execute(query):
                assert entity_id is not None  # the query keeps linked rows only
                yield entity_id, forms, times


class Sightings(NamedTuple):
    """Article entities of an entity written alike (one forms JSON) by one outlet (or one source of none): how
    many, where the first is in the order written, and the first claim of the first that has any, with where
    that one is."""

    entity_id: int
    forms: str | None
    outlet: str | None
    path: str | None  # the source's, when it has no outlet
    times: int
    first_at: int
    claim_at: int | None
    claim_id: int | None


_CLAIM_SHIFT = 1 << 32  # (where, claim id) as one number, so that MIN() finds the first claimed


def entity_sightings(session: Session, entity_ids: Iterable[int] | None = None) -> Iterator[Sightings]:
    """How each entity (of these) is written: the originals' article entities linked to it, counted together
    by forms and outlet (``Sightings``), in the order the sources were published (then by path and position in
    the source), not stored."""
    outletless = or_(Outlet.name.is_(None), Outlet.name == "")
    claim = (
        select(func.min(ClaimEntity.claim_id))
        .where(ClaimEntity.source_entity_id == SourceEntity.id)
        .correlate(SourceEntity)
        .scalar_subquery()
    )
    written = func.row_number().over(
        order_by=(Source.published.is_(None), Source.published, Source.path, SourceEntity.position)
    )
    query = (
        select(
            SourceEntity.entity_id.label("entity_id"),
            SourceEntity.forms.label("forms"),
            case((outletless, None), else_=Outlet.name).label("outlet"),
            case((outletless, Source.path), else_=None).label("path"),
            written.label("at"),
            claim.label("claim"),
        )
        .join(Source, Source.id == SourceEntity.source_id)
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(SourceEntity.entity_id.is_not(None), _in_original())
    )
    chunks = [None] if entity_ids is None else list(_chunks(entity_ids))
    for chunk in chunks:
        rows = (query if chunk is None else query.where(SourceEntity.entity_id.in_(chunk))).subquery()
        grouped = (rows.c.entity_id, rows.c.forms, rows.c.outlet, rows.c.path)
        claimed = func.min(case((rows.c.claim.is_not(None), rows.c.at * _CLAIM_SHIFT + rows.c.claim), else_=None))
        alike = select(*grouped, func.count(), func.min(rows.c.at), claimed).group_by(*grouped)
        for entity_id, forms, outlet, path, times, first_at, first_claimed in session.execute(alike):
            at, claim_id = (None, None) if first_claimed is None else divmod(first_claimed, _CLAIM_SHIFT)
            yield Sightings(entity_id, forms, outlet, path, times, first_at, at, claim_id)


def count_source_entities(session: Session) -> int:
    return session.scalar(select(func.count(SourceEntity.id))) or 0


def count_flags(session: Session, kind: str) -> int:
    return session.scalar(select(func.count(Flag.id)).where(Flag.kind == kind)) or 0


def entity_names(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Entity id -> (name, type), as stored now."""
    query = select(Entity.id, Entity.name, Entity.type)
    return {
        e: (name, kind)
        for chunk in _chunks(ids)
        for e, name, kind in session.execute(query.where(Entity.id.in_(chunk)))
    }


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


def add_entities(session: Session, described: Sequence[tuple[str, str]]) -> list[int]:
    """New entities of these (name, type), in one statement: their ids, in the order given."""
    if not described:
        return []
    statement = insert(Entity).returning(Entity.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, [{"name": name, "type": kind} for name, kind in described]))


def add_entity(session: Session, name: str, kind: str) -> int:
    return add_entities(session, [(name, kind)])[0]


def rename_entity(session: Session, entity_id: int, name: str, kind: str) -> None:
    session.execute(update(Entity).where(Entity.id == entity_id).values(name=name, type=kind))


def rename_entities(session: Session, renamed: list[tuple[int, str, str]]) -> None:
    """(entity id, name, type) of each entity whose name or type changed, in one statement."""
    if renamed:
        session.execute(update(Entity), [{"id": e, "name": name, "type": kind} for e, name, kind in renamed])


def link_source_entities(session: Session, links: list[tuple[int, int, str | None]]) -> None:
    """(article entity id, entity id, reason) of each article entity whose entity or reason changed, in one
    statement."""
    if links:
        session.execute(update(SourceEntity), [{"id": se, "entity_id": e, "reason": why} for se, e, why in links])


def drop_orphans(session: Session, among: Iterable[int] | None = None) -> None:
    """Entities (of these) no source names any more and no editor speaks of are gone; merged ones stay as
    redirects."""
    used = select(SourceEntity.entity_id).where(SourceEntity.entity_id.is_not(None))
    asserted = select(EntityAlias.entity_id)
    redirected = select(Entity.merged_into_id).where(Entity.merged_into_id.is_not(None))
    orphan = (
        Entity.merged_into_id.is_(None),
        Entity.id.not_in(used),
        Entity.id.not_in(asserted),
        Entity.id.not_in(redirected),
    )
    if among is None:
        session.execute(delete(Entity).where(*orphan))
        return
    for chunk in _chunks(among):
        session.execute(delete(Entity).where(Entity.id.in_(chunk), *orphan))


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
