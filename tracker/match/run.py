"""Matching over the stored corpus: claims and their stored facts in from ``store.match_repo``, the pure matcher
(``match.compare``), clusters and flags back out. Works in the caller's transaction (the facade's)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from tracker.clean.spans import Span
from tracker.config import MATCH, MatchSettings
from tracker.entities.personal import forms_of
from tracker.entities.resolve import name_key
from tracker.extract.facts import EventFact, PresenceFact, RoleFact
from tracker.extract.quantities import QuantityFact
from tracker.extract.when import TimeRef
from tracker.kinds import ORGANIZATION, PLACE
from tracker.match.compare import (
    CONFLICT,
    CORROBORATION,
    COUNT_WINDOW,
    TEMPORAL_CHANGE,
    ClaimFacts,
    CorpusFacts,
    EntityIndex,
    EntityInfo,
    MatchResult,
    PairVerdict,
    Reading,
    Verdict,
    compare_pair,
    match,
    owner_of,
    result_of,
)
from tracker.match.pairs import ENTITY_KEYS, claim_keys, proposed, usable
from tracker.store import match_repo as rows
from tracker.store import repo
from tracker.store.flag_repo import FlagDraft, sync_flags
from tracker.store.match_repo import StoredLink
from tracker.store.models import ClaimEvent, ClaimQuantity, ClaimRole

MATCH_KINDS = {CORROBORATION, CONFLICT, TEMPORAL_CHANGE}
# Verdicts that read a person's dated holdings (``CorpusFacts.older``): compared again when those change.
HOLDING_RULES = frozenset({"post-changed", "post-changed-hands", "stale-report"})
# Owed when claims have no stored keys (a database from before they were kept): the next matching rebuilds.
INDEX_PENDING = "match_index"


@dataclass(frozen=True)
class MatchReport:
    claims: int
    pairs_compared: int
    clusters: int
    flags: dict[str, int]


def match_claims(
    session: Session,
    settings: MatchSettings = MATCH,
    new_sources: list[int] | None = None,
    touched_entities: frozenset[int] | None = None,
) -> MatchReport:
    """Match claims and store their pair verdicts, clusters and flags.

    With neither ``new_sources`` nor ``touched_entities``: every claim against the others (a rebuild). With
    them: the claims of the new sources, and those linked to touched entities (resolution changed what they
    name), against stored claims found through the stored keys; clusters and flags change only where those
    verdicts did. Both give the same result."""
    if new_sources is None and touched_entities is None:
        return rebuild(session, settings)
    if repo.is_pending(session, INDEX_PENDING) or not rows.has_keys(session):
        return rebuild(session, settings)  # nothing stored to match against: all is new
    return Incremental(session, settings).run(new_sources or [], touched_entities)


def rebuild(session: Session, settings: MatchSettings = MATCH) -> MatchReport:
    """Match every claim against the others, and store keys, verdicts, clusters and flags anew."""
    claims = load_claim_facts(session)
    entities = load_entities(session)
    result = match(claims, entities, settings)
    rows.clear_index(session)
    rows.replace_keys(session, result.keys, result.keys)
    rows.replace_owners(session, result.owners, result.owners)
    rows.write_links(session, (), (_stored(pv) for pv in result.verdicts))
    rows.write_entity_digests(session, {i: (_digest(info), info.forms) for i, info in entities.items()})
    rows.store_result(session, result.clusters, MATCH_KINDS, _drafts(result.links))
    repo.clear_pending(session, INDEX_PENDING)
    counts: dict[str, int] = defaultdict(int)
    for link in result.links:
        counts[link.kind] += 1
    return MatchReport(len(claims), result.pairs_compared, len(set(result.clusters.values())), dict(counts))


def _drafts(links) -> dict[str, FlagDraft]:
    return {
        link.key: FlagDraft(
            link.kind,
            link.key,
            link.explanation,
            link.claims,
            link.entities,
            link.rule or None,
            json.dumps(list(link.frames), ensure_ascii=False, sort_keys=True) if link.frames else None,
        )
        for link in links
    }


def _stored(pv: PairVerdict) -> StoredLink:
    v = pv.verdict
    return StoredLink(
        pv.a,
        pv.b,
        v.kind,
        v.rule,
        pv.first,
        pv.similarity,
        v.explanation,
        json.dumps(list(v.entities)),
        json.dumps(list(v.frames), ensure_ascii=False, sort_keys=True),
    )


def _verdict(link: StoredLink) -> PairVerdict:
    frames = tuple(json.loads(link.frames))
    verdict = Verdict(link.kind, link.rule, link.explanation, tuple(json.loads(link.entities)), frames)
    return PairVerdict(link.a, link.b, verdict, link.similarity, link.first)


class Incremental:
    """Matching of some claims (new or changed) against the stored ones, through the stored keys.

    A verdict depends on the two claims, their entities, and, for roles, on what the corpus says of a person
    (``CorpusFacts``); a pair is compared only while its keys are usable (a block past ``max_block`` proposes
    nothing). So: the changed claims are read and filed under their keys; claims whose post was read through a
    person whose roles changed are read again too; pairs whose proposal depended on a key that grew past
    ``max_block`` (or shrank back under it) are checked again; verdicts that read a changed person's holdings
    are compared again; then the clusters of every component whose corroborations changed are made again."""

    def __init__(self, session: Session, settings: MatchSettings) -> None:
        self.session, self.settings = session, settings
        self.entities = EntityTable(session)
        self.readings: dict[int, Reading] = {}
        self.corpus = CorpusFacts.lazy(self._role_readings, self.entities)
        self.compared = 0

    def run(self, new_sources: list[int], touched: frozenset[int] | None) -> MatchReport:
        session = self.session
        touched = self._entities_changed(touched)
        changed = set(rows.original_claim_ids(session, new_sources))
        if touched:
            changed |= rows.claims_of_entities(session, touched)
            changed |= set(rows.claims_with_keys(session, [f"e:{e}" for e in touched]))
            # An owner named as a person is read through the persons written so, and those read as it.
            self.entities.need(touched)
            forms = {f for e in touched if e in self.entities for f in self.entities[e].forms}
            changed |= rows.claims_with_owner_keys(session, forms) | rows.claims_owned_by(session, touched)
        old_keys = rows.keys_of(session, changed)
        self._read(changed, fresh=True)
        # Claims present before whose keys are gone (their source became a copy, say) keep none.
        new_keys = {c: claim_keys(self.readings[c]) for c in changed if c in self.readings}
        rows.replace_keys(session, changed, new_keys)
        dirty = _persons(old_keys) | _persons(new_keys)
        # Claims whose post was read through a person whose roles changed are read again (and so on).
        while True:
            more = rows.claims_owned_by(session, dirty) - changed
            if not more:
                break
            old_keys.update(rows.keys_of(session, more))
            self._read(more, fresh=True)
            more_keys = {c: claim_keys(self.readings[c]) for c in more if c in self.readings}
            new_keys.update(more_keys)
            changed |= more
            dirty |= _persons(more_keys)
        self.corpus.resolve_owners([self.readings[c] for c in sorted(changed) if c in self.readings], self.entities)
        owners = {c: o for c in changed if c in self.readings and (o := owner_of(self.readings[c], self.entities))}
        rows.replace_owners(session, changed, owners)

        pairs, lost = self._blocks_changed(changed, old_keys, new_keys)
        pairs |= self._candidates(changed, new_keys)
        holders = rows.claims_with_keys(session, [f"r:{p}" for p in dirty])
        before = rows.links_of(session, changed)
        held = rows.links_with_rules(session, holders, HOLDING_RULES)
        # Verdicts that read a changed person's holdings are compared again, while blocking still proposes
        # them; those it no longer proposes go, as a rebuild would not compare them.
        unproposed = set(held) - self._still_proposed(set(held) - lost)
        pairs |= set(held) - lost - unproposed
        before.update(held)
        before.update(rows.links_of(session, {c for p in lost for c in p}))
        scope = set(pairs) | set(lost) | unproposed | {p for p in before if p[0] in changed or p[1] in changed}
        before = {p: link for p, link in before.items() if p in scope}
        after = self._compare(pairs)
        stale = [p for p in before if p not in after or before[p] != after[p]]
        fresh_rows = [link for p, link in after.items() if before.get(p) != link]
        rows.write_links(session, stale, fresh_rows)

        moved = {p for p in stale} | {(r.a, r.b) for r in fresh_rows}
        alarms = {p for p in moved if (before.get(p) and before[p].kind != CORROBORATION)}
        alarms |= {p for p in moved if (after.get(p) and after[p].kind != CORROBORATION)}
        seeds = set(changed)
        for pair in moved:
            if any(x is not None and x.kind == CORROBORATION for x in (before.get(pair), after.get(pair))):
                seeds.update(pair)
        return self._store(seeds, alarms, after, len(changed))

    def _entities_changed(self, touched: frozenset[int] | None) -> frozenset[int]:
        """The entities whose claims are matched again: those read otherwise than when last matched (a digest
        of each entity's name, type and forms is stored), among ``touched`` as resolution names them (every
        entity whose members, name or type changed: no other can change), or, without it, among all (this
        reads every entity)."""
        if touched is not None:
            # Of those resolution touched (a member joined or left, a name changed), only the entities now read
            # otherwise than when last matched: a new article naming a well-known person as before changes
            # nothing in how that person's thousands of claims are read.
            self.entities.need(touched, fresh=True)
            stored = rows.entity_digests(self.session, touched)
            now = {i: (_digest(e), e.forms) if (e := self.entities.get(i)) else None for i in touched}
            changed = {i for i, said in now.items() if stored.get(i) != (said[0] if said else None)}
            rows.write_entity_digests(self.session, {i: now[i] for i in changed})
            return frozenset(changed)
        self.entities.load_all()
        stored = rows.entity_digests(self.session)
        digests = {i: _digest(info) for i, info in self.entities.items()}
        changed = {i for i in stored.keys() | digests.keys() if stored.get(i) != digests.get(i)}
        rows.write_entity_digests(
            self.session, {i: (digests[i], self.entities[i].forms) if i in digests else None for i in changed}
        )
        return frozenset(changed)

    # -- reading ---------------------------------------------------------------------------------------------

    def _read(self, ids: set[int], fresh: bool = False, owners: bool = True) -> None:
        """Readings of these claims (from their stored facts), kept for the run; ``fresh`` reads them again
        (their owners read later), ``owners=False`` leaves their owners to the caller."""
        wanted = sorted(i for i in ids if fresh or i not in self.readings)
        if not wanted:
            return
        for i in wanted:
            self.readings.pop(i, None)
        facts = load_claim_facts(self.session, wanted)
        self.entities.need({e for c in facts for e in c.entities})
        loaded = [Reading(c, self.entities) for c in facts]
        self.readings.update({r.claim.id: r for r in loaded})
        if owners and not fresh:
            self.corpus.resolve_owners(loaded, self.entities)

    def _role_readings(self, persons: set[int]) -> list[Reading]:
        ids = set(rows.claims_with_keys(self.session, [f"r:{p}" for p in persons]))
        self._read(ids, owners=False)  # CorpusFacts.ensure reads their owners once it has these persons' posts
        return [self.readings[i] for i in sorted(ids) if i in self.readings]

    # -- pairs -----------------------------------------------------------------------------------------------

    def _candidates(self, changed: set[int], keys: dict[int, set[str]]) -> set[tuple[int, int]]:
        """Pairs of a changed claim and any claim it shares usable keys with, as blocking proposes them."""
        wanted = {k for ks in keys.values() for k in ks}
        sizes = rows.block_sizes(self.session, wanted, self.settings.max_block + 1)
        ok = {k for k in wanted if usable(sizes.get(k, 0), self.settings)}
        found = set()
        for claim, other, n, n_entity in rows.shared_keys(self.session, changed, ok, ENTITY_KEYS):
            if proposed(n, n_entity > 0):
                found.add((min(claim, other), max(claim, other)))
        return found

    def _blocks_changed(
        self, changed: set[int], old: dict[int, set[str]], new: dict[int, set[str]]
    ) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
        """Keys whose block crossed ``max_block`` (or two) because claims joined or left it: pairs of other
        claims that they now propose (to compare), and stored pairs they no longer propose (lost)."""
        delta: Counter[str] = Counter()
        for ks in new.values():
            delta.update(ks)
        for ks in old.values():
            delta.subtract(ks)
        # Counted far enough to tell whether each block was, and is, usable: past max_block + its growth.
        sizes = rows.block_sizes(self.session, {k: d for k, d in delta.items() if d}, self.settings.max_block + 2)
        became: set[str] = set()
        ceased: set[str] = set()
        for key, d in delta.items():
            now = sizes.get(key, 0)
            was_ok, ok = usable(now - d, self.settings), usable(now, self.settings)
            if ok and not was_ok and now - d > self.settings.max_block:
                became.add(key)
            elif was_ok and not ok:
                ceased.add(key)
        if not (became or ceased):
            return set(), set()
        members = rows.block_members(self.session, became | ceased)
        stored = {i for key in ceased for i in members.get(key, ()) if i not in changed}
        recheck = {p for p in rows.links_of(self.session, stored) if p[0] in stored and p[1] in stored}
        gained: set[tuple[int, int]] = set()
        for key in became:
            ids = [i for i in members.get(key, ()) if i not in changed]
            gained.update((a, b) for n, a in enumerate(ids) for b in ids[n + 1 :])
        proposing = self._still_proposed(recheck | gained)
        return gained & proposing, recheck - proposing

    def _still_proposed(self, pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
        """Those of these pairs that their stored keys, in blocks as they are now, propose."""
        if not pairs:
            return set()
        keys = rows.keys_of(self.session, {c for p in pairs for c in p})
        sizes = rows.block_sizes(self.session, {k for ks in keys.values() for k in ks}, self.settings.max_block + 1)
        return {p for p in pairs if self._proposed(keys, sizes, *p)}

    def _proposed(self, keys: dict[int, set[str]], sizes: dict[str, int], a: int, b: int) -> bool:
        shared = [k for k in keys.get(a, set()) & keys.get(b, set()) if usable(sizes.get(k, 0), self.settings)]
        return proposed(len(shared), any(k.startswith(ENTITY_KEYS) for k in shared))

    def _compare(self, pairs: set[tuple[int, int]]) -> dict[tuple[int, int], StoredLink]:
        self._read({c for p in pairs for c in p})
        found = {}
        for a, b in sorted(pairs):
            ra, rb = self.readings.get(a), self.readings.get(b)
            if ra is None or rb is None:
                continue
            pv = compare_pair(ra, rb, self.entities, self.settings, self.corpus)
            if pv is not None:
                self.compared += 1
            if isinstance(pv, PairVerdict):
                found[(a, b)] = _stored(pv)
        return found

    # -- clusters and flags ------------------------------------------------------------------------------------

    def _store(
        self,
        seeds: set[int],
        alarms: set[tuple[int, int]],
        after: dict[tuple[int, int], StoredLink],
        changed: int,
    ) -> MatchReport:
        session = self.session
        members, links = self._components(seeds)
        old = rows.cluster_ids(session, members)
        claims = {c.id: c for c in load_claim_facts(session, sorted(members), frames=False)}
        result = MatchResult()
        result_of([_verdict(link) for link in links], claims, result)
        news = {c: result.clusters.get(c) for c in members}
        rows.set_clusters(session, {c: news[c] for c in members if old.get(c) != news[c]})
        scope = {f"{CORROBORATION}:{cluster}" for cluster in old.values() if cluster is not None}
        for a, b in alarms:
            scope.update(f"{kind}:{a}:{b}" for kind in (CONFLICT, TEMPORAL_CHANGE))
        alarm_links = MatchResult()
        result_of([_verdict(after[p]) for p in sorted(alarms) if p in after], {}, alarm_links)
        wanted = _drafts(result.links + alarm_links.links)
        sync_flags(session, MATCH_KINDS, wanted, scope)
        counts: dict[str, int] = defaultdict(int)
        for link in result.links + alarm_links.links:
            counts[link.kind] += 1
        return MatchReport(changed, self.compared, len(set(result.clusters.values())), dict(counts))

    def _components(self, seeds: set[int]) -> tuple[set[int], list[StoredLink]]:
        """Every claim joined to the seeds by stored corroborations, or in a stored cluster with one of them,
        and the corroborations among them."""
        members: set[int] = set()
        links: dict[tuple[int, int], StoredLink] = {}
        frontier = set(seeds)
        while frontier:
            members |= frontier
            found = rows.links_of(self.session, frontier, CORROBORATION)
            links.update(found)
            clusters = {c for c in rows.cluster_ids(self.session, frontier).values() if c is not None}
            frontier = ({c for p in found for c in p} | rows.cluster_members(self.session, clusters)) - members
        return members, list(links.values())


def _digest(info: EntityInfo) -> str:
    said = json.dumps([info.name, info.type, sorted(info.forms)], ensure_ascii=False)
    return hashlib.sha256(said.encode()).hexdigest()


def _persons(keys: dict[int, set[str]]) -> set[int]:
    """The persons these claims hold roles of (their ``r:`` keys)."""
    return {int(k[2:]) for ks in keys.values() for k in ks if k.startswith("r:")}


def load_entities(session: Session, ids: Iterable[int] | None = None) -> dict[int, EntityInfo]:
    """Live entities (all, or these) with the name keys of every form they are written in."""
    forms: dict[int, set[str]] = defaultdict(set)
    unprofiled: set[int] = set()
    for entity_id, written in rows.entity_member_forms(session, ids):
        # The forms resolution stored with each article entity (``entities.run.profile``): no source's text is
        # read. An article entity stored before they were kept is read from its mentions.
        if written is None:
            unprofiled.add(entity_id)
        else:
            forms[entity_id].update(name_key(f) for f in json.loads(written))
    if unprofiled:
        for entity_id, text in rows.entity_mentions(session, unprofiled):
            forms[entity_id].update(name_key(f) for f in forms_of(text))
    return {
        e.id: EntityInfo(e.id, e.name, e.type, frozenset(forms[e.id] | {name_key(e.name)}))
        for e in rows.live_entities(session, ids)
    }


class EntityTable(EntityIndex):
    """Live entities read as they are asked for (``need``): the claims read name them. The one person written
    exactly so comes from the stored forms (``matched_forms``); asked for all (``values``), it reads them all."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.asked: set[int] = set()
        self.complete = False

    def need(self, ids: Iterable[int], fresh: bool = False) -> None:
        """Read these entities: as stored when last matched (their forms then), unless ``fresh`` (or never
        matched): then from their mentions now."""
        missing = set(ids) - self.asked
        if self.complete or not missing:
            return
        self.asked |= missing
        stored = {} if fresh else rows.matched_entities(self.session, missing)
        self.update({i: EntityInfo(e.id, e.name, e.type, frozenset(forms)) for i, (e, forms) in stored.items()})
        self.update(load_entities(self.session, missing - set(stored)))

    def load_all(self) -> None:
        if not self.complete:
            self.update(load_entities(self.session))
            self.complete = True

    def values(self):
        self.load_all()
        return super().values()

    def persons_written(self, key: str) -> list[int]:
        if self.complete:
            return super().persons_written(key)
        return rows.entities_written(self.session, key, "person")


def load_claim_facts(session: Session, ids: list[int] | None = None, frames: bool = True) -> list[ClaimFacts]:
    """Claims of non-duplicate sources (all, or these) with their frames (role, quantities, times, event,
    presence), in a few bulk queries (one per frame table, chunked by ids, none per claim). The source's text
    is read only round the counts of claims with counts (whose words a flag quotes); ``frames=False`` reads
    no frames."""
    entities: dict[int, set[int]] = defaultdict(set)
    for claim_id, entity_id in rows.claim_entity_links(session, ids):
        entities[claim_id].add(entity_id)
    claims = list(rows.original_claims(session, ids))
    if not frames:
        return [_facts(c, path, published, outlet, entities) for c, path, published, outlet in claims]
    roles = {r.claim_id: _role(r) for r in rows.roles(session, ids)}
    quantities: dict[int, list[QuantityFact]] = defaultdict(list)
    for q in rows.quantities(session, ids):
        quantities[q.claim_id].append(_quantity(q))
    events = {e.claim_id: _event(e) for e in rows.events(session, ids)}
    presence: dict[int, list[PresenceFact]] = defaultdict(list)
    for p in rows.presence(session, ids):
        presence[p.claim_id].append(PresenceFact(p.who, p.present, p.remote, _span(p.start, p.end), p.rule or ""))
    times: dict[int, list[TimeRef]] = defaultdict(list)
    for t in rows.times(session, ids):
        times[t.claim_id].append(TimeRef(t.text, 0, len(t.text), t.first, t.last, t.role))
    windows = rows.count_windows(session, ids, COUNT_WINDOW)
    framed = {c.source_id for c, *_ in claims if c.id in events or c.id in quantities or c.id in roles}
    leads = rows.lead_names(session, framed)
    settings = {i: {name for kind, name in named if kind == PLACE} for i, named in leads.items()}
    bodies = {i: {name for kind, name in named if kind == ORGANIZATION} for i, named in leads.items()}
    return [
        _facts(
            c,
            path,
            published,
            outlet,
            entities,
            role=roles.get(c.id),
            quantities=tuple(quantities.get(c.id, ())),
            times=tuple(times.get(c.id, ())),
            event=events.get(c.id),
            presence=tuple(presence.get(c.id, ())),
            setting=frozenset(settings.get(c.source_id, ())),
            lead_bodies=frozenset(bodies.get(c.source_id, ())),
            source_text=windows.get(c.id, (0, ""))[1],
            text_at=windows.get(c.id, (0, ""))[0],
        )
        for c, path, published, outlet in claims
    ]


def _facts(c, path: str, published, outlet: str | None, entities: dict[int, set[int]], **frames) -> ClaimFacts:
    return ClaimFacts(
        id=c.id,
        source_id=c.source_id,
        outlet=outlet or Path(path).name,
        published=published,
        text=c.text,
        kind=c.kind,
        time_first=c.time_first,
        time_last=c.time_last,
        entities=frozenset(entities[c.id]),
        **frames,
    )


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start, end)


def _role(r: ClaimRole) -> RoleFact:
    return RoleFact(
        r.holder,
        r.title,
        _span(r.title_start, r.title_end),
        r.organisation,
        _span(r.organisation_start, r.organisation_end),
        rule=r.rule or "role-title",
        temporary=r.temporary,
        change=r.change,
        change_words=r.change_words,
        change_span=_span(r.change_start, r.change_end),
        former=r.former,
    )


def _event(e: ClaimEvent) -> EventFact:
    return EventFact(
        e.kind,
        e.words,
        _span(e.start, e.end),
        e.place,
        _span(e.place_start, e.place_end),
        e.ordinal,
        e.negated,
        e.rule or "event-verb",
        e.theme,
        _span(e.theme_start, e.theme_end),
    )


def _quantity(q: ClaimQuantity) -> QuantityFact:
    return QuantityFact(
        Decimal(q.value),
        q.kind,
        q.noun,
        q.noun_class,
        q.modifier,
        q.cumulative,
        q.currency,
        q.unit,
        _span(q.start, q.end),
        q.partial,
        q.trend,
        q.trend_words,
        q.owner,
        _span(q.owner_start, q.owner_end),
        Decimal(q.earlier) if q.earlier is not None else None,
        bool(q.definite),
        bool(q.by),
    )
