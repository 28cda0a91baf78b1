"""Entity resolution over the stored corpus, and editors' corrections: rows in from ``store.entity_repo``, the
pure stages (``resolve``, ``variants``), rows back out. Entity ids stay stable across runs.

Every function works in the caller's transaction (the facade's).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from tracker.config import ENTITIES, EntitySettings
from tracker.entities.aliasfile import MAX_NAME
from tracker.entities.personal import forms_of
from tracker.entities.recognise import OTHER, PERSON
from tracker.entities.resolve import Assertion, Candidate, Group, describe, name_key, resolve
from tracker.entities.variants import Sighting, spelling_variant
from tracker.store import entity_repo as rows
from tracker.store.entity_repo import EntityError
from tracker.store.flag_repo import FlagDraft, sync_flags

SPELLING_VARIANT = "spelling_variant"

__all__ = ["EntityError", "ResolutionReport", "resolve_entities"]


@dataclass(frozen=True)
class ResolutionReport:
    entities: int
    source_entities: int
    spelling_variants: int


# -- resolution -----------------------------------------------------------------------------------------------


def resolve_entities(session: Session, settings: EntitySettings = ENTITIES) -> ResolutionReport:
    """Resolve every source's entities into corpus entities, honouring editors' assertions."""
    candidates, forms = _load_candidates(session)
    assertions = [Assertion(a.entity_id, a.name, a.positive) for a in rows.assertions(session)]
    groups = resolve(candidates, assertions, settings)
    _write_groups(session, candidates, forms, groups)
    rows.drop_orphans(session)
    variants = refresh_spelling_flags(session)
    return ResolutionReport(rows.count_live_entities(session), len(candidates), variants)


def _load_candidates(session: Session) -> tuple[list[Candidate], dict[int, Counter[str]]]:
    entities = rows.source_entities(session)
    titles: dict[int, list[str]] = defaultdict(list)
    forms: dict[int, Counter[str]] = defaultdict(Counter)
    for se_id, text, title in rows.mention_texts(session):
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
    live = rows.live_entity_ids(session)
    for group in groups:
        members = [by_id[m] for m in group.members]
        name, kind = describe(members, forms)
        if group.entity_id is None or group.entity_id not in live:
            group.entity_id = rows.add_entity(session, name, kind)
        else:
            rows.rename_entity(session, group.entity_id, name, kind)
        for member in members:
            reason = group.reasons.get(member.id) or None
            if member.previous_entity != group.entity_id or reason is not None:
                rows.link_source_entity(session, member.id, group.entity_id, reason)


# -- spelling-variant flags -----------------------------------------------------------------------------------


def refresh_spelling_flags(session: Session) -> int:
    """One open flag per entity written in several spellings; reviewed flags keep their status."""
    sightings: dict[int, list[Sighting]] = defaultdict(list)
    claim_of = rows.first_claims(session)
    for entity_id, se_id, outlet, path, text in rows.linked_mentions(session):
        for form in forms_of(text):
            sightings[entity_id].append(Sighting(form, outlet or Path(path).name, claim_of.get(se_id)))
    entities = rows.entities_by_id(session, sightings)
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


def entity_forms(session: Session, entity_id: int) -> Counter[str]:
    """Every form the entity is written in, with how often."""
    written: Counter[str] = Counter()
    for _entity, _source, text in rows.entity_mention_texts(session, [entity_id]):
        written.update(forms_of(text))
    return written


def assert_alias(session: Session, entity_id: int, name: str, positive: bool, origin: str) -> None:
    """Record an editor's word on a name, replacing any contrary word on the same entity."""
    key = name_key(name)
    if not key:
        raise EntityError("an alias cannot be empty")
    if len(name.strip()) > MAX_NAME or len(key) > MAX_NAME:
        raise EntityError(f"an alias is at most {MAX_NAME} characters")
    # A name belongs to one entity: an editor's earlier word putting it elsewhere gives way.
    rows.replace_alias(session, entity_id, name.strip(), key, positive, origin)


def merge(session: Session, keep_id: int, gone_id: int, settings: EntitySettings = ENTITIES) -> ResolutionReport:
    """Entity ``gone_id`` becomes part of ``keep_id``: every form it is written in is pinned to ``keep_id``."""
    if keep_id == gone_id:
        raise EntityError("cannot merge an entity with itself")
    keep, gone = rows.live_entity(session, keep_id), rows.live_entity(session, gone_id)
    _pin_current_forms(session, keep.id, "merge")
    names = set(entity_forms(session, gone.id)) | {gone.name}
    names.update(alias.name for alias in rows.aliases_of(session, gone.id) if alias.positive)
    for name in sorted(names):
        assert_alias(session, keep.id, name, True, "merge")
    rows.redirect(session, gone.id, keep.id)
    return resolve_entities(session, settings)


def split(
    session: Session, entity_id: int, alias: str, settings: EntitySettings = ENTITIES
) -> tuple[int, ResolutionReport]:
    """The mentions written ``alias`` leave ``entity_id`` for an entity of their own."""
    entity = rows.live_entity(session, entity_id)
    written = entity_forms(session, entity.id)
    key = name_key(alias)
    if key not in {name_key(f) for f in written}:
        known = ", ".join(sorted(written)) or "none"
        raise EntityError(f"entity {entity_id} is never written {alias!r} (its forms: {known})")
    new_id = rows.add_entity(session, alias.strip(), entity.type)
    _pin_current_forms(session, entity.id, "split")
    assert_alias(session, entity.id, alias, False, "split")
    assert_alias(session, new_id, alias, True, "split")
    return new_id, resolve_entities(session, settings)


def add_alias(session: Session, entity_id: int, name: str, settings: EntitySettings = ENTITIES) -> ResolutionReport:
    rows.live_entity(session, entity_id)
    _pin_current_forms(session, entity_id, "alias")
    assert_alias(session, entity_id, name, True, "alias")
    return resolve_entities(session, settings)


def _pin_current_forms(session: Session, entity_id: int, origin: str) -> None:
    """An entity an editor corrects keeps the forms it has now, whatever later runs decide.

    Without this, the part of an entity an editor did not touch could lose its id to the part they pinned.
    """
    pinned = rows.alias_keys(session)
    for form in sorted(entity_forms(session, entity_id)):
        if name_key(form) not in pinned:
            assert_alias(session, entity_id, form, True, origin)


def import_aliases(
    session: Session, aliases: list, settings: EntitySettings = ENTITIES
) -> tuple[int, int, ResolutionReport]:
    """Apply an alias file's rows (``entities.aliasfile.AliasRow``); returns (rows applied, entities created)."""
    known: dict[str, int] = {}
    for e in list_entities(session):
        for name in (e.name, *e.aliases):
            known.setdefault(name_key(name), e.id)
    created = 0
    touched: set[int] = set()
    for row in aliases:
        entity_id = known.get(name_key(row.entity))
        if entity_id is None:
            entity_id = known[name_key(row.entity)] = rows.add_entity(session, row.entity, row.type or OTHER)
            created += 1
            assert_alias(session, entity_id, row.entity, True, "import")
        elif entity_id not in touched:
            _pin_current_forms(session, entity_id, "import")
        touched.add(entity_id)
        assert_alias(session, entity_id, row.alias, row.positive, "import")
    return len(aliases), created, resolve_entities(session, settings)


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
    for entity_id, source_id, text in rows.entity_mention_texts(session, ids):
        written[entity_id].update(forms_of(text))
        sources[entity_id].add(source_id)
        mentions[entity_id] += 1
    asserted: dict[int, list[str]] = defaultdict(list)
    for alias in rows.assertions(session):
        if alias.positive:
            asserted[alias.entity_id].append(alias.name)
    out = []
    for e in rows.live_entities(session, kind, ids):
        forms = [f for f, _n in sorted(written[e.id].items(), key=lambda item: (-item[1], item[0]))]
        for name in asserted[e.id]:
            if name_key(name) not in {name_key(f) for f in forms}:
                forms.append(name)
        out.append(StoredEntity(e.id, e.name, e.type, tuple(forms), mentions[e.id], len(sources[e.id])))
    return out


def entity_detail(session: Session, entity_id: int) -> EntityDetail:
    entity = rows.get_entity(session, entity_id)
    if entity is None:
        raise EntityError(f"no entity {entity_id}")
    if entity.merged_into_id is not None:
        stored = StoredEntity(entity.id, entity.name, entity.type, (), 0, 0, entity.merged_into_id)
        return EntityDetail(stored, (), (), 0)
    [stored] = list_entities(session, ids=[entity_id])
    seen = []
    for se, path, published, text, outlet in rows.entity_sources(session, entity_id):
        forms = tuple(dict.fromkeys(f for m in se.mentions for f in forms_of(text[m.start : m.end])))
        titles = tuple(
            dict.fromkeys(text[m.title_start : m.title_end] for m in se.mentions if m.title_start is not None)
        )
        seen.append(EntitySource(se.source_id, path, outlet, published, se.name, forms, titles, se.reason))
    asserted = tuple((a.name, a.positive, a.origin) for a in rows.aliases_of(session, entity_id))
    return EntityDetail(stored, tuple(seen), asserted, rows.claim_count(session, entity_id))


def export_aliases(session: Session) -> list[tuple[str, str, str, str, str]]:
    """Rows of the alias file: (entity, type, alias, relation, origin), every entity with every form."""
    out = []
    asserted = defaultdict(list)
    for a in rows.assertions(session):
        asserted[a.entity_id].append(a)
    for e in list_entities(session):
        editor = {name_key(a.name): a for a in asserted[e.id]}
        for alias in e.aliases:
            origin = editor[name_key(alias)].origin if name_key(alias) in editor else "seen"
            out.append((e.name, e.type, alias, "is", origin))
        out.extend((e.name, e.type, a.name, "is not", a.origin) for a in asserted[e.id] if not a.positive)
    return out
