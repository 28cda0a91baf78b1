"""Reads and writes of entities, editors' assertions and spelling-variant flags.

Resolution itself is pure (``entities.resolve``): this module loads its input, writes its output back, and
keeps entity ids stable across runs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from tracker.config import ENTITIES, EntitySettings
from tracker.entities.aliasfile import MAX_NAME
from tracker.entities.personal import forms_of
from tracker.entities.recognise import OTHER, PERSON
from tracker.entities.resolve import Assertion, Candidate, Group, describe, name_key, resolve
from tracker.entities.variants import Sighting, spelling_variant
from tracker.errors import TrackerError
from tracker.store.flag_repo import FlagDraft, sync_flags
from tracker.store.models import (
    ClaimEntity,
    Entity,
    EntityAlias,
    Mention,
    Outlet,
    Source,
    SourceEntity,
)

SPELLING_VARIANT = "spelling_variant"


class EntityError(TrackerError, ValueError):
    """An editor's request that cannot be carried out; the message says why."""


@dataclass(frozen=True)
class ResolutionReport:
    entities: int
    source_entities: int
    spelling_variants: int


# -- resolution -----------------------------------------------------------------------------------------------


def resolve_entities(session: Session, settings: EntitySettings = ENTITIES) -> ResolutionReport:
    """Resolve every source's entities into corpus entities, honouring editors' assertions."""
    candidates, forms = _load_candidates(session)
    assertions = [
        Assertion(a.entity_id, a.name, a.positive)
        for a in session.scalars(select(EntityAlias).order_by(EntityAlias.id))
    ]
    groups = resolve(candidates, assertions, settings)
    _write_groups(session, candidates, forms, groups)
    _drop_orphans(session)
    variants = refresh_spelling_flags(session)
    count = session.scalar(select(func.count(Entity.id)).where(Entity.merged_into_id.is_(None))) or 0
    return ResolutionReport(count, len(candidates), variants)


def _load_candidates(session: Session) -> tuple[list[Candidate], dict[int, Counter[str]]]:
    rows = session.execute(
        select(SourceEntity)
        .join(Source, Source.id == SourceEntity.source_id)
        .where(Source.duplicate_of_id.is_(None))
        .order_by(SourceEntity.id)
    ).scalars()
    entities = list(rows)
    titles: dict[int, list[str]] = defaultdict(list)
    forms: dict[int, Counter[str]] = defaultdict(Counter)
    for se_id, text, title in session.execute(
        select(
            Mention.source_entity_id,
            func.substr(Source.text, Mention.start + 1, Mention.end - Mention.start),
            func.substr(Source.text, Mention.title_start + 1, Mention.title_end - Mention.title_start),
        )
        .join(SourceEntity, SourceEntity.id == Mention.source_entity_id)
        .join(Source, Source.id == SourceEntity.source_id)
        .where(Source.duplicate_of_id.is_(None))
    ):
        for form in forms_of(text):
            forms[se_id][form] += 1
        if title and title not in titles[se_id]:
            titles[se_id].append(title)
    candidates = [
        Candidate(
            id=e.id,
            name=e.name,
            type=e.type,
            forms=tuple(forms[e.id]),
            titles=tuple(titles[e.id]),
            strong=e.strong,
            previous_entity=e.entity_id,
        )
        for e in entities
    ]
    return candidates, forms


def _write_groups(
    session: Session, candidates: list[Candidate], forms: dict[int, Counter[str]], groups: list[Group]
) -> None:
    by_id = {c.id: c for c in candidates}
    live = set(session.scalars(select(Entity.id).where(Entity.merged_into_id.is_(None))))
    for group in groups:
        members = [by_id[m] for m in group.members]
        name, kind = describe(members, forms)
        if group.entity_id is None or group.entity_id not in live:
            entity = Entity(name=name, type=kind)
            session.add(entity)
            session.flush()
            group.entity_id = entity.id
        else:
            session.execute(update(Entity).where(Entity.id == group.entity_id).values(name=name, type=kind))
        for member in members:
            reason = group.reasons.get(member.id) or None
            if member.previous_entity != group.entity_id or reason is not None:
                session.execute(
                    update(SourceEntity)
                    .where(SourceEntity.id == member.id)
                    .values(entity_id=group.entity_id, reason=reason)
                )


def _drop_orphans(session: Session) -> None:
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


# -- spelling-variant flags -----------------------------------------------------------------------------------


def refresh_spelling_flags(session: Session) -> int:
    """One open flag per entity written in several spellings; reviewed flags keep their status."""
    sightings: dict[int, list[Sighting]] = defaultdict(list)
    claim_of: dict[int, int] = {}
    for se_id, claim_id in session.execute(
        select(ClaimEntity.source_entity_id, func.min(ClaimEntity.claim_id)).group_by(ClaimEntity.source_entity_id)
    ):
        claim_of[se_id] = claim_id
    rows = session.execute(
        select(
            SourceEntity.entity_id, SourceEntity.id, Outlet.name, Source.path, Source.text, Mention.start, Mention.end
        )
        .join(Mention, Mention.source_entity_id == SourceEntity.id)
        .join(Source, Source.id == SourceEntity.source_id)
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(SourceEntity.entity_id.is_not(None), Source.duplicate_of_id.is_(None))
    )
    for entity_id, se_id, outlet, path, text, start, end in rows:
        assert entity_id is not None  # the query keeps linked rows only
        for form in forms_of(text[start:end]):
            sightings[entity_id].append(Sighting(form, outlet or Path(path).name, claim_of.get(se_id)))
    entities = {e.id: e for e in session.scalars(select(Entity).where(Entity.id.in_(list(sightings))))}
    wanted = {}
    for entity_id, seen in sightings.items():
        entity = entities[entity_id]
        variant = spelling_variant(entity_id, entity.name, entity.type == PERSON, seen)
        if variant is not None:
            wanted[f"{SPELLING_VARIANT}:{entity_id}"] = variant
    sync_flags(
        session,
        {SPELLING_VARIANT},
        {
            key: FlagDraft(SPELLING_VARIANT, key, v.explanation, v.claim_ids, (v.entity_id,))
            for key, v in wanted.items()
        },
    )
    session.flush()
    return len(wanted)


# -- editors' corrections --------------------------------------------------------------------------------------


def live_entity(session: Session, entity_id: int) -> Entity:
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise EntityError(f"no entity {entity_id}")
    if entity.merged_into_id is not None:
        raise EntityError(f"entity {entity_id} was merged into {entity.merged_into_id}; use that id")
    return entity


def entity_forms(session: Session, entity_id: int) -> Counter[str]:
    """Every form the entity is written in, with how often."""
    written: Counter[str] = Counter()
    for text, start, end in session.execute(
        select(Source.text, Mention.start, Mention.end)
        .join(SourceEntity, SourceEntity.source_id == Source.id)
        .join(Mention, Mention.source_entity_id == SourceEntity.id)
        .where(SourceEntity.entity_id == entity_id, Source.duplicate_of_id.is_(None))
    ):
        written.update(forms_of(text[start:end]))
    return written


def assert_alias(session: Session, entity_id: int, name: str, positive: bool, origin: str) -> None:
    """Record an editor's word on a name, replacing any contrary word on the same entity."""
    key = name_key(name)
    if not key:
        raise EntityError("an alias cannot be empty")
    if len(name.strip()) > MAX_NAME or len(key) > MAX_NAME:
        raise EntityError(f"an alias is at most {MAX_NAME} characters")
    session.execute(delete(EntityAlias).where(EntityAlias.entity_id == entity_id, EntityAlias.name_key == key))
    if positive:
        # A name belongs to one entity: an editor's earlier word putting it elsewhere gives way.
        session.execute(delete(EntityAlias).where(EntityAlias.name_key == key, EntityAlias.positive.is_(True)))
    session.add(EntityAlias(entity_id=entity_id, name=name.strip(), name_key=key, positive=positive, origin=origin))
    session.flush()


def merge(session: Session, keep_id: int, gone_id: int, settings: EntitySettings = ENTITIES) -> ResolutionReport:
    """Entity ``gone_id`` becomes part of ``keep_id``: every form it is written in is pinned to ``keep_id``."""
    if keep_id == gone_id:
        raise EntityError("cannot merge an entity with itself")
    keep, gone = live_entity(session, keep_id), live_entity(session, gone_id)
    _pin_current_forms(session, keep.id, "merge")
    names = set(entity_forms(session, gone.id)) | {gone.name}
    for alias in session.scalars(select(EntityAlias).where(EntityAlias.entity_id == gone.id)):
        if alias.positive:
            names.add(alias.name)
    for name in sorted(names):
        assert_alias(session, keep.id, name, True, "merge")
    session.execute(delete(EntityAlias).where(EntityAlias.entity_id == gone.id))
    gone.merged_into_id = keep.id
    session.execute(update(Entity).where(Entity.merged_into_id == gone.id).values(merged_into_id=keep.id))
    session.execute(update(SourceEntity).where(SourceEntity.entity_id == gone.id).values(entity_id=keep.id))
    session.flush()
    return resolve_entities(session, settings)


def split(
    session: Session, entity_id: int, alias: str, settings: EntitySettings = ENTITIES
) -> tuple[int, ResolutionReport]:
    """The mentions written ``alias`` leave ``entity_id`` for an entity of their own."""
    entity = live_entity(session, entity_id)
    written = entity_forms(session, entity.id)
    key = name_key(alias)
    if key not in {name_key(f) for f in written}:
        known = ", ".join(sorted(written)) or "none"
        raise EntityError(f"entity {entity_id} is never written {alias!r} (its forms: {known})")
    new = Entity(name=alias.strip(), type=entity.type)
    session.add(new)
    session.flush()
    _pin_current_forms(session, entity.id, "split")
    assert_alias(session, entity.id, alias, False, "split")
    assert_alias(session, new.id, alias, True, "split")
    return new.id, resolve_entities(session, settings)


def add_alias(session: Session, entity_id: int, name: str, settings: EntitySettings = ENTITIES) -> ResolutionReport:
    live_entity(session, entity_id)
    _pin_current_forms(session, entity_id, "alias")
    assert_alias(session, entity_id, name, True, "alias")
    return resolve_entities(session, settings)


def _pin_current_forms(session: Session, entity_id: int, origin: str) -> None:
    """An entity an editor corrects keeps the forms it has now, whatever later runs decide.

    Without this, the part of an entity an editor did not touch could lose its id to the part they pinned.
    """
    pinned = {a.name_key for a in session.scalars(select(EntityAlias).where(EntityAlias.name_key.is_not(None)))}
    for form in sorted(entity_forms(session, entity_id)):
        if name_key(form) not in pinned:
            assert_alias(session, entity_id, form, True, origin)


# -- reading ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredEntity:
    id: int
    name: str
    type: str
    aliases: tuple[str, ...]  # every form seen, most written first, then editors' aliases
    mentions: int
    sources: int
    merged_into: int | None = None


@dataclass(frozen=True)
class EntitySource:
    """How one source names an entity, and why resolution put it there."""

    source_id: int
    path: str
    outlet: str | None
    published: dt.date | None
    name: str
    forms: tuple[str, ...]
    titles: tuple[str, ...]
    reason: str | None


@dataclass(frozen=True)
class EntityDetail:
    entity: StoredEntity
    seen_in: tuple[EntitySource, ...]
    asserted: tuple[tuple[str, bool, str], ...]  # (name, positive, origin)
    claims: int


def list_entities(session: Session, kind: str | None = None, ids: list[int] | None = None) -> list[StoredEntity]:
    written: dict[int, Counter[str]] = defaultdict(Counter)
    sources: dict[int, set[int]] = defaultdict(set)
    mentions: Counter[int] = Counter()
    rows = (
        select(SourceEntity.entity_id, Source.id, Source.text, Mention.start, Mention.end)
        .join(Source, Source.id == SourceEntity.source_id)
        .join(Mention, Mention.source_entity_id == SourceEntity.id)
        .where(SourceEntity.entity_id.is_not(None), Source.duplicate_of_id.is_(None))
    )
    if ids is not None:
        rows = rows.where(SourceEntity.entity_id.in_(ids))
    for entity_id, source_id, text, start, end in session.execute(rows):
        assert entity_id is not None  # the query keeps linked rows only
        written[entity_id].update(forms_of(text[start:end]))
        sources[entity_id].add(source_id)
        mentions[entity_id] += 1
    asserted: dict[int, list[str]] = defaultdict(list)
    for alias in session.scalars(select(EntityAlias).where(EntityAlias.positive.is_(True)).order_by(EntityAlias.id)):
        asserted[alias.entity_id].append(alias.name)
    query = select(Entity).where(Entity.merged_into_id.is_(None)).order_by(Entity.id)
    if kind:
        query = query.where(Entity.type == kind)
    if ids is not None:
        query = query.where(Entity.id.in_(ids))
    out = []
    for e in session.scalars(query):
        forms = [f for f, _n in sorted(written[e.id].items(), key=lambda item: (-item[1], item[0]))]
        for name in asserted[e.id]:
            if name_key(name) not in {name_key(f) for f in forms}:
                forms.append(name)
        out.append(StoredEntity(e.id, e.name, e.type, tuple(forms), mentions[e.id], len(sources[e.id])))
    return out


def entity_detail(session: Session, entity_id: int) -> EntityDetail:
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise EntityError(f"no entity {entity_id}")
    if entity.merged_into_id is not None:
        stored = StoredEntity(entity.id, entity.name, entity.type, (), 0, 0, entity.merged_into_id)
        return EntityDetail(stored, (), (), 0)
    [stored] = list_entities(session, ids=[entity_id])
    seen = []
    rows = session.execute(
        select(SourceEntity, Source.path, Source.published, Source.text, Outlet.name)
        .join(Source, Source.id == SourceEntity.source_id)
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(SourceEntity.entity_id == entity_id, Source.duplicate_of_id.is_(None))
        .order_by(Source.published, Source.id)
    )
    for se, path, published, text, outlet in rows:
        forms = tuple(dict.fromkeys(f for m in se.mentions for f in forms_of(text[m.start : m.end])))
        titles = tuple(
            dict.fromkeys(text[m.title_start : m.title_end] for m in se.mentions if m.title_start is not None)
        )
        seen.append(EntitySource(se.source_id, path, outlet, published, se.name, forms, titles, se.reason))
    asserted = tuple(
        (a.name, a.positive, a.origin)
        for a in session.scalars(select(EntityAlias).where(EntityAlias.entity_id == entity_id).order_by(EntityAlias.id))
    )
    claims = session.scalar(
        select(func.count(func.distinct(ClaimEntity.claim_id)))
        .join(SourceEntity, SourceEntity.id == ClaimEntity.source_entity_id)
        .where(SourceEntity.entity_id == entity_id)
    )
    return EntityDetail(stored, tuple(seen), asserted, claims or 0)


def claim_entities(session: Session) -> dict[int, tuple[list[int], int | None]]:
    """claim id -> (entity ids it is about, entity id it is attributed to)."""
    out: dict[int, tuple[list[int], int | None]] = {}
    rows = session.execute(
        select(ClaimEntity.claim_id, SourceEntity.entity_id, ClaimEntity.speaker)
        .join(SourceEntity, SourceEntity.id == ClaimEntity.source_entity_id)
        .where(SourceEntity.entity_id.is_not(None))
        .order_by(ClaimEntity.claim_id, SourceEntity.position)
    )
    for claim_id, entity_id, speaker in rows:
        assert entity_id is not None  # the query keeps linked rows only
        ids, spoken_by = out.get(claim_id, ([], None))
        if entity_id not in ids:
            ids.append(entity_id)
        out[claim_id] = (ids, entity_id if speaker else spoken_by)
    return out


def export_aliases(session: Session) -> list[tuple[str, str, str, str, str]]:
    """Rows of the alias file: (entity, type, alias, relation, origin), every entity with every form."""
    rows = []
    asserted = defaultdict(list)
    for a in session.scalars(select(EntityAlias).order_by(EntityAlias.id)):
        asserted[a.entity_id].append(a)
    for e in list_entities(session):
        editor = {name_key(a.name): a for a in asserted[e.id]}
        for alias in e.aliases:
            origin = editor[name_key(alias)].origin if name_key(alias) in editor else "seen"
            rows.append((e.name, e.type, alias, "is", origin))
        rows.extend((e.name, e.type, a.name, "is not", a.origin) for a in asserted[e.id] if not a.positive)
    return rows


def import_aliases(
    session: Session, rows: list, settings: EntitySettings = ENTITIES
) -> tuple[int, int, ResolutionReport]:
    """Apply an alias file's rows (``entities.aliasfile.AliasRow``); returns (rows applied, entities created)."""
    known: dict[str, int] = {}
    for e in list_entities(session):
        for name in (e.name, *e.aliases):
            known.setdefault(name_key(name), e.id)
    created = 0
    touched: set[int] = set()
    for row in rows:
        entity_id = known.get(name_key(row.entity))
        if entity_id is None:
            entity = Entity(name=row.entity, type=row.type or OTHER)
            session.add(entity)
            session.flush()
            entity_id = known[name_key(row.entity)] = entity.id
            created += 1
            assert_alias(session, entity_id, row.entity, True, "import")
        elif entity_id not in touched:
            _pin_current_forms(session, entity_id, "import")
        touched.add(entity_id)
        assert_alias(session, entity_id, row.alias, row.positive, "import")
    return len(rows), created, resolve_entities(session, settings)
