"""Entity resolution over the stored corpus, and editors' corrections: rows in from ``store.entity_repo``, the
pure stages (``resolve``, ``variants``), rows back out. Entity ids stay stable across runs.

Every function works in the caller's transaction (the facade's).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy.orm import Session

from tracker.config import ENTITIES, EntitySettings
from tracker.entities.aliasfile import MAX_NAME
from tracker.entities.personal import forms_of
from tracker.entities.recognise import OTHER, PERSON
from tracker.entities.resolve import (
    MEETS,
    Alike,
    AlikeGroup,
    Assertion,
    Candidate,
    blocking_keys,
    describe,
    may_merge,
    name_key,
    names_could_reach,
    names_score,
    profile,
    resolve_alike,
    signature,
    title_words,
    titles_at_most,
    titles_score,
)
from tracker.entities.variants import Sighting, spelling_variant, spelt_several_ways
from tracker.store import entity_repo as rows
from tracker.store import repo
from tracker.store.entity_repo import EntityError
from tracker.store.flag_repo import FlagDraft, sync_flags

SPELLING_VARIANT = "spelling_variant"

__all__ = ["EntityError", "ResolutionReport", "resolve_entities"]


@dataclass(frozen=True)
class ResolutionReport:
    entities: int
    spelling_variants: int
    # Entities whose members, name or type changed, created and dropped ones too: what matching must look at again.
    touched: frozenset[int] = frozenset()


# -- resolution -----------------------------------------------------------------------------------------------


def resolve_entities(
    session: Session, settings: EntitySettings = ENTITIES, new_sources: list[int] | None = None
) -> ResolutionReport:
    """Resolve the sources' entities into corpus entities, honouring editors' assertions.

    ``new_sources`` given: their entities are keyed, and only the neighbourhood they reach through the stored
    keys is resolved again (``_neighbourhood``), which gives what resolving the whole corpus gives. None: every
    source's entities are keyed again and the whole corpus resolved, a full rebuild. Both resolve with
    ``resolve`` and write back with ``_write_groups``.
    """
    if new_sources is None:
        _key(session, rows.all_candidates(session))
        return _resolve(session, settings, rows.all_candidates(session), everything=True)
    return resolve_around(session, settings, sources=new_sources)


def resolve_around(
    session: Session,
    settings: EntitySettings = ENTITIES,
    sources: Iterable[int] = (),
    entities: Iterable[int] = (),
    names: Iterable[str] = (),
) -> ResolutionReport:
    """Resolve again the neighbourhood of these sources' entities, of these entities and of these names (an
    editor's words): every candidate resolution could join with them, transitively."""
    sources = list(sources)
    new = rows.candidates_of_sources(session, sources)
    if any(c.forms is None for c in new):
        _key(session, [c for c in new if c.forms is None])
        new = rows.candidates_of_sources(session, sources)  # as keyed
    seeds = {"n:" + name_key(n) for n in names} - {"n:"}
    entities = set(entities)
    reached = _neighbourhood(session, settings, new, set(entities), seeds)
    report = _resolve_cells(session, settings, reached)
    if not entities:
        return report
    # The entities an editor corrected changed, whether or not their members did (merged away, say).
    flags = refresh_spelling_flags(session, entities - report.touched)
    return dataclasses.replace(report, spelling_variants=flags, touched=report.touched | entities)


def _key(session: Session, unkeyed: list[rows.CandidateRow]) -> None:
    """Read the mentions of these article entities once and store what resolution needs of them, with keys."""
    written: dict[int, list[tuple[str, str | None]]] = defaultdict(list)
    for se_id, text, title in rows.mention_texts(session, [c.id for c in unkeyed]):
        written[se_id].append((text, title))
    rows.store_keys(
        session,
        [
            rows.Keyed(c.id, c.name, c.type, c.strong, *profile(c.name, c.type, c.strong, written[c.id]))
            for c in unkeyed
        ],
    )


@dataclass
class _Cell:
    """Alike article entities of one entity, read and written as one: what they are (``Kind``), how many there
    are, the lowest id among them, and the reasons they were given ((how many, lowest id) of each)."""

    kind: rows.Kind
    count: int = 0
    first: int = 0
    reasons: dict[str | None, tuple[int, int]] = dataclasses.field(default_factory=dict)

    def add(self, reason: str | None, count: int, first: int) -> None:
        had, low = self.reasons.get(reason, (0, first))
        self.reasons[reason] = (had + count, min(low, first))
        self.first = first if not self.count else min(self.first, first)
        self.count += count

    def reason_of_first(self) -> str | None:
        return next(r for r, (_n, low) in self.reasons.items() if low == self.first)

    def candidate(self) -> Candidate:
        k = self.kind
        forms, titles = _profile(k.forms, k.titles)
        return Candidate(self.first, k.name, k.type, forms, titles, k.strong, k.entity_id)


def _cells(found: Iterable[rows.CellRow]) -> dict[rows.Kind, _Cell]:
    out: dict[rows.Kind, _Cell] = {}
    for r in found:
        out.setdefault(r.kind, _Cell(r.kind)).add(r.reason, r.times, r.first)
    return out


def _one(row: rows.CandidateRow, alone: bool = False) -> _Cell:
    """A cell of one article entity: alone, or of the cell of its kind (found whole once its entity is read)."""
    loose = row.id if alone or row.entity_id is None else None
    cell = _Cell(rows.Kind(row.name, row.type, row.strong, row.entity_id, loose, row.forms, row.titles))
    cell.add(row.reason, 1, row.id)
    return cell


def _neighbourhood(
    session: Session, settings: EntitySettings, seeds: list[rows.CandidateRow], entities: set[int], names: set[str]
) -> list[_Cell]:
    """The candidates reachable from the seeds the ways resolution can join two candidates, all of them, alike
    candidates of one entity read as one (``_Cell``).

    From each candidate taken: those of its blocks it scores enough with, the lone surnames and full names it
    may be (``MEETS``), the acronyms and bodies it may be, the members of its entity now, and every candidate an
    editor put in an entity in play. Resolution never joins two candidates, nor lets one weigh on the other,
    unless a chain of these links them, so resolving what is reached gives what resolving the corpus gives.
    Each link from a candidate depends only on what it is and on its entity, and links it to every candidate
    alike in those, so cells are reached whole; and every entity of a cell reached is read, so the cells
    returned count all their candidates. A block is read as the stored kinds holding its key (a well-known
    name's thousands of article entities are a few kinds), a person block as its kinds' names first and the
    kinds only of the names that may score enough, and the article entities only of the kinds linked.
    """
    pinned: dict[int, set[str]] = defaultdict(set)  # entity -> "n:" keys an editor put in it
    pin_of: dict[str, int] = {}
    for a in rows.assertions(session):
        if a.positive and a.name_key:
            pinned[a.entity_id].add("n:" + a.name_key)
            pin_of.setdefault("n:" + a.name_key, a.entity_id)
    found: dict[rows.Kind, _Cell] = {}
    candidate: dict[rows.Kind, Candidate] = {}
    holders: dict[str, set[int]] = defaultdict(set)  # key (not a person block) -> the stored kinds holding it
    stored: dict[int, rows.KindRow] = {}
    looked_up: set[str] = set()
    read: set[int] = set()  # stored kinds whose article entities are all read
    # A person block is read as the names its kinds have first; the kinds of a name only once some candidate
    # may score enough with it: a common surname's block is thousands of kinds, few of them of a name that can
    # join the candidates at hand.
    block_names: dict[str, set[str]] = defaultdict(set)  # block -> the names of the stored kinds holding it
    named_in: dict[tuple[str, str], list[tuple[int, frozenset[str]]]] = defaultdict(list)  # (block, name) -> kinds
    named_read: set[tuple[str, str]] = set()  # the (block, name) pairs whose kinds are all in named_in

    def read_named(pairs: set[tuple[str, str]]) -> None:
        """The stored kinds of these (block, name) pairs, each with its titles' words (all of each pair's)."""
        pairs = pairs - named_read
        for key, row in rows.kinds_with_names(session, pairs):
            stored[row.id] = row
            named_in[(key, row.name)].append((row.id, title_words(_titles(row.titles))))
        named_read.update(pairs)

    scored: dict[tuple[str, str], float] = {}  # (a candidate's name, a block's name) -> ``names_score``

    alike: dict[rows.Kind, tuple] = {}
    best_titles = titles_at_most(settings)
    reach = settings.merge_at - best_titles  # what a pair's names must score for some title to bring it to merge_at

    def kind(i: rows.Kind) -> tuple:
        """What cell ``i`` is (its signature), worked out when first needed."""
        if i not in alike:
            candidate[i] = found[i].candidate()
            alike[i] = signature(candidate[i])
        return alike[i]

    def keys(i: rows.Kind) -> frozenset[str]:
        """Cell ``i``'s keys: those of its kind (alike candidates have alike keys, as stored)."""
        return _keys(i.name, i.type, i.strong, tuple(_counts(i.forms)))

    for cell in map(_one, seeds):
        found.setdefault(cell.kind, cell)
    reached = set(found)
    frontier = set(found)
    in_play: set[int] = set()
    while frontier or entities or names:
        wanted = set(names)
        for i in frontier:
            for k in keys(i):
                if k.startswith("n:"):
                    if k in pin_of:
                        entities.add(pin_of[k])
                else:
                    wanted.add(MEETS[k[0]] + k[1:])
            entity = found[i].kind.entity_id
            if entity is not None:
                entities.add(entity)
        entities -= in_play
        named = set(names) | {k for e in entities for k in pinned.get(e, ())}
        wanted = (wanted | named) - looked_up
        blocks = {k for k in wanted if k.startswith("p:")}
        for key, name in rows.names_with_keys(session, blocks):
            block_names[key].add(name)
        for key, row in rows.kinds_with_keys(session, wanted - blocks):
            holders[key].add(row.id)
            stored[row.id] = row
        looked_up |= wanted
        taken = {m for k in named for m in holders.get(k, ())} - read  # stored kinds to read whole
        fresh: set[rows.Kind] = set()
        for i, cell in _cells(rows.cells_of_entities(session, entities)).items():
            found[i] = cell
            fresh.add(i)
        in_play |= entities
        # (cell, its titles' words, block, block's name, the names' score) of each name a title may bring up
        hopeful: list[tuple[rows.Kind, frozenset[str], str, str, float]] = []
        for i in {kind(i): i for i in frontier}.values():  # one of each kind: alike candidates meet alike
            words = title_words(_titles(i.titles))
            for k in keys(i):
                if k.startswith("n:"):
                    continue
                meets = MEETS[k[0]] + k[1:]
                if not k.startswith("p:"):
                    taken.update(m for m in holders.get(meets, ()) if m not in read)
                    continue
                # Two people of a block: the pair's score reads their names and their titles' words only, so
                # each of the block's names is scored once, and its kinds read only if a title could bring the
                # pair up to the bar (may_merge whole for the same name)
                for name in block_names.get(meets, ()):
                    if (i.name, name) not in scored:
                        could = name == i.name or names_could_reach(i.name, name, reach, settings)
                        scored[(i.name, name)] = names_score(i.name, name, settings) if could else float("-inf")
                    score = scored[(i.name, name)]
                    if name == i.name or score + best_titles >= settings.merge_at:
                        hopeful.append((i, words, meets, name, score))
        read_named({(block, name) for _, _, block, name, _ in hopeful})
        for i, words, block, name, score in hopeful:
            for m, theirs in named_in[(block, name)]:
                if m in read or m in taken:
                    continue
                if name == i.name:
                    kind(i)
                    if not may_merge(candidate[i], _stored(stored[m]), settings):
                        continue
                elif score + titles_score(words, theirs, settings) < settings.merge_at:
                    continue  # people_may_merge, its names' score read once for the block's name
                taken.add(m)
        # Each link depends only on what a candidate is, so every article entity of a kind taken is reached.
        for i, cell in _cells(rows.cells_of_kinds(session, taken)).items():
            found.setdefault(i, cell)
            fresh.add(i)
        read |= taken
        frontier = fresh - reached
        reached |= frontier
        entities, names = set(), set()
    return sorted((found[i] for i in reached), key=lambda c: c.first)


def _stored(kind: rows.KindRow) -> Candidate:
    """A stored kind as resolution scores it (its id and entity apart)."""
    forms, titles = _profile(kind.forms, kind.titles)
    return Candidate(0, kind.name, kind.type, forms, titles, kind.strong)


@lru_cache(maxsize=65536)
def _keys(name: str, kind: str, strong: bool, forms: tuple[str, ...]) -> frozenset[str]:
    """The blocking keys of an article entity (``profile`` stores them): what it is but its titles."""
    return frozenset(blocking_keys(Candidate(0, name, kind, forms, (), strong)))


@lru_cache(maxsize=65536)
def _counts(forms: str | None) -> dict[str, int]:
    """Stored forms (JSON) with how often each was written; shared, so never changed by a caller."""
    return dict(json.loads(forms or "{}"))


@lru_cache(maxsize=65536)
def _titles(titles: str | None) -> tuple[str, ...]:
    """Stored titles (JSON) as a tuple: far fewer distinct than kinds."""
    return tuple(json.loads(titles or "[]"))


@lru_cache(maxsize=65536)
def _profile(forms: str | None, titles: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Stored forms and titles (JSON) as tuples: the members of a well-known entity share a few profiles."""
    return tuple(json.loads(forms or "{}")), _titles(titles)


def _resolve(
    session: Session, settings: EntitySettings, found: list[rows.CandidateRow], everything: bool
) -> ResolutionReport:
    """Resolve these candidates (whole neighbourhoods, or the corpus) and write back what changed."""
    return _resolve_cells(session, settings, [_one(c, alone=True) for c in found], everything)


def _resolve_cells(
    session: Session, settings: EntitySettings, cells: list[_Cell], everything: bool = False
) -> ResolutionReport:
    """Resolve these cells (whole neighbourhoods, or the corpus), alike candidates as one (``resolve_alike``),
    and write back what changed."""
    by_first = {c.first: c for c in cells}

    def one_by_one(members: list[Alike]) -> list[Alike]:
        out = []
        for a in members:
            cell = by_first.pop(a.candidate.id)
            if cell.count == 1:
                by_first[cell.first] = cell
                out.append(a)
                continue
            for se_id, reason in rows.alike_members(session, cell.kind):
                one = _Cell(cell.kind._replace(loose=se_id))
                one.add(reason, 1, se_id)
                by_first[se_id] = one
                out.append(Alike(one.candidate()))
        return out

    assertions = [Assertion(a.entity_id, a.name, a.positive) for a in rows.assertions(session)]
    groups = resolve_alike([Alike(c.candidate(), c.count) for c in cells], assertions, settings, one_by_one)
    touched = _write_alike(session, by_first, groups)
    variants = refresh_spelling_flags(session, None if everything else touched)
    return ResolutionReport(rows.count_live_entities(session), variants, frozenset(touched))


def _write_alike(session: Session, cells: dict[int, _Cell], groups: list[AlikeGroup]) -> set[int]:
    """Write the groups of cells back (``cells`` by their lowest ids): only the rows that changed, a cell's
    rows but its first in one statement; the ids of the entities touched."""
    before: dict[int, set[int]] = defaultdict(set)
    for c in cells.values():
        if c.kind.entity_id is not None:
            before[c.kind.entity_id].add(c.first)
    wanted = {g.entity_id for g in groups if g.entity_id is not None}
    live = rows.live_entity_ids(session, wanted | set(before))
    known = rows.entity_names(session, wanted & live)
    touched: set[int] = set()
    renamed: list[tuple[int, str, str]] = []
    links: list[tuple[int, int, str | None]] = []
    relinks: list[tuple[rows.Kind, int, int, str | None]] = []
    described = []
    for group in groups:
        members = [a.candidate for a in group.members]
        forms = {m.id: Counter(_counts(cells[m.id].kind.forms)) for m in members}
        described.append(describe(members, forms, {m.id: cells[m.id].count for m in members}))
    # The groups of no live entity get new ones, all in one statement, in the groups' order.
    new = [i for i, g in enumerate(groups) if g.entity_id is None or g.entity_id not in live]
    for i, new_id in zip(new, rows.add_entities(session, [described[i] for i in new]), strict=True):
        groups[i].entity_id = new_id
        touched.add(new_id)
    fresh = set(touched)
    for group, (name, kind) in zip(groups, described, strict=True):
        members = [a.candidate for a in group.members]
        entity_id = group.entity_id
        assert entity_id is not None  # every group has its entity now
        if entity_id not in fresh and known[entity_id] != (name, kind):
            renamed.append((entity_id, name, kind))
            touched.add(entity_id)
        if {m.id for m in members} != before.get(entity_id, set()):
            touched.add(entity_id)
        for m in members:
            cell = cells[m.id]
            first, rest = (why or None for why in group.reasons[m.id])
            if (cell.kind.entity_id, cell.reason_of_first()) != (entity_id, first):
                links.append((cell.first, entity_id, first))
            if cell.count == 1:
                continue
            # The rows but the first with another reason (or all of them, when the cell moves)
            others = sum(n for why, (n, _low) in cell.reasons.items() if why != rest) - (cell.reason_of_first() != rest)
            if cell.kind.entity_id != entity_id or others:
                relinks.append((cell.kind, cell.first, entity_id, rest))
    rows.rename_entities(session, renamed)
    rows.relink_alike(session, relinks)
    rows.link_source_entities(session, links)
    dropped = set(before) - {g.entity_id for g in groups}
    touched |= dropped
    if dropped:
        rows.drop_orphans(session, dropped)
    session.flush()
    return touched


# -- spelling-variant flags -----------------------------------------------------------------------------------


def refresh_spelling_flags(session: Session, entity_ids: Iterable[int] | None = None) -> int:
    """One open flag per entity written in several spellings (of these entities; None: of all); reviewed flags
    keep their status. Returns how many spelling-variant flags there are."""
    scope = None if entity_ids is None else sorted(set(entity_ids))
    # Which entities are spelt several ways needs how often each form is written only; who wrote them when, only
    # for those.
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for entity_id, forms, times in rows.entity_form_counts(session, scope):
        for form, n in _counts(forms).items():
            counts[entity_id][form] += n * times
    entities = rows.entity_names(session, counts)
    several = sorted(e for e, c in counts.items() if spelt_several_ways(entities[e][1] == PERSON, c))
    # Alike article entities of one outlet counted together, in the order the first of each was written
    written: dict[int, list[tuple[int, int, Sighting]]] = defaultdict(list)
    for alike in rows.entity_sightings(session, several) if several else ():
        by = alike.outlet or Path(alike.path or "").name
        for place, (form, times) in enumerate(_counts(alike.forms).items()):
            sighting = Sighting(form, by, alike.claim_id, times * alike.times, alike.claim_at)
            written[alike.entity_id].append((alike.first_at, place, sighting))
    sightings = {e: [s for _at, _place, s in sorted(found, key=lambda f: f[:2])] for e, found in written.items()}
    wanted = {}
    for entity_id, seen in sightings.items():
        name, kind = entities[entity_id]
        variant = spelling_variant(entity_id, name, kind == PERSON, seen)
        if variant is not None:
            wanted[f"{SPELLING_VARIANT}:{entity_id}"] = variant
    sync_flags(
        session,
        {SPELLING_VARIANT},
        {
            key: FlagDraft(SPELLING_VARIANT, key, v.explanation, v.claim_ids, (v.entity_id,))
            for key, v in wanted.items()
        },
        scope=None if scope is None else {f"{SPELLING_VARIANT}:{e}" for e in scope},
    )
    session.flush()
    return rows.count_flags(session, SPELLING_VARIANT)


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
    return _after_correction(session, settings, {keep.id, gone.id}, names)


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
    return new_id, _after_correction(session, settings, {entity.id, new_id}, {alias})


def add_alias(session: Session, entity_id: int, name: str, settings: EntitySettings = ENTITIES) -> ResolutionReport:
    rows.live_entity(session, entity_id)
    _pin_current_forms(session, entity_id, "alias")
    assert_alias(session, entity_id, name, True, "alias")
    return _after_correction(session, settings, {entity_id}, {name})


def _after_correction(
    session: Session, settings: EntitySettings, entities: set[int], names: Iterable[str]
) -> ResolutionReport:
    """Resolve again what an editor's correction touches: the entities corrected, every candidate written with
    a name the editor spoke of, their neighbourhoods; and any source the corpus stage has not taken in yet."""
    return resolve_around(session, settings, repo.unstaged_sources(session), entities, names)


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
    names = {row.alias for row in aliases} | {row.entity for row in aliases}
    return len(aliases), created, _after_correction(session, settings, touched, names)


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
