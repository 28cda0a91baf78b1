"""Reads for matching (claims with outlets, dates, entities) and writes of its result (clusters, flags)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tracker.clean.spans import Span
from tracker.config import MATCH, MatchSettings
from tracker.entities.personal import forms_of
from tracker.entities.resolve import name_key
from tracker.extract.facts import EventFact, PresenceFact, RoleFact
from tracker.extract.quantities import QuantityFact
from tracker.extract.when import TimeRef
from tracker.match import ClaimFacts, EntityInfo, MatchResult, match
from tracker.match.compare import CONFLICT, CORROBORATION, TEMPORAL_CHANGE
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

MATCH_KINDS = {CORROBORATION, CONFLICT, TEMPORAL_CHANGE}


@dataclass(frozen=True)
class MatchReport:
    claims: int
    pairs_compared: int
    clusters: int
    flags: dict[str, int]


def load_claim_facts(session: Session) -> list[ClaimFacts]:
    """Every claim of a non-duplicate source with its frames (role, quantities, times, event, presence), in a few
    bulk queries (one per frame table, none per claim)."""
    entities: dict[int, set[int]] = defaultdict(set)
    for claim_id, entity_id in session.execute(
        select(ClaimEntity.claim_id, SourceEntity.entity_id)
        .join(SourceEntity, SourceEntity.id == ClaimEntity.source_entity_id)
        .where(SourceEntity.entity_id.is_not(None))
    ):
        assert entity_id is not None  # the query keeps linked rows only
        entities[claim_id].add(entity_id)
    roles = {r.claim_id: _role(r) for r in session.scalars(select(ClaimRole))}
    quantities: dict[int, list[QuantityFact]] = defaultdict(list)
    for q in session.scalars(select(ClaimQuantity).order_by(ClaimQuantity.claim_id, ClaimQuantity.position)):
        quantities[q.claim_id].append(_quantity(q))
    events = {e.claim_id: _event(e) for e in session.scalars(select(ClaimEvent))}
    presence: dict[int, list[PresenceFact]] = defaultdict(list)
    for p in session.scalars(select(ClaimPresence).order_by(ClaimPresence.claim_id, ClaimPresence.position)):
        presence[p.claim_id].append(PresenceFact(p.who, p.present, p.remote, _span(p.start, p.end), p.rule or ""))
    times: dict[int, list[TimeRef]] = defaultdict(list)
    for t in session.scalars(select(ClaimTime).order_by(ClaimTime.claim_id, ClaimTime.position)):
        times[t.claim_id].append(TimeRef(t.text, 0, len(t.text), t.first, t.last, t.role))
    texts: dict[int, str] = {
        source_id: text
        for source_id, text in session.execute(select(Source.id, Source.text).where(Source.duplicate_of_id.is_(None)))
    }
    rows = session.execute(
        select(Claim, Source.path, Source.published, Outlet.name)
        .join(Source, Source.id == Claim.source_id)
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(Source.duplicate_of_id.is_(None))
        .order_by(Claim.id)
    )
    return [
        ClaimFacts(
            id=c.id,
            source_id=c.source_id,
            outlet=outlet or Path(path).name,
            published=published,
            text=c.text,
            kind=c.kind,
            time_first=c.time_first,
            time_last=c.time_last,
            entities=frozenset(entities[c.id]),
            role=roles.get(c.id),
            quantities=tuple(quantities.get(c.id, ())),
            times=tuple(times.get(c.id, ())),
            event=events.get(c.id),
            presence=tuple(presence.get(c.id, ())),
            source_text=texts.get(c.source_id, ""),
        )
        for c, path, published, outlet in rows
    ]


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
    )


def load_entities(session: Session) -> dict[int, EntityInfo]:
    forms: dict[int, set[str]] = defaultdict(set)
    for entity_id, text, start, end in session.execute(
        select(SourceEntity.entity_id, Source.text, Mention.start, Mention.end)
        .join(Source, Source.id == SourceEntity.source_id)
        .join(Mention, Mention.source_entity_id == SourceEntity.id)
        .where(SourceEntity.entity_id.is_not(None))
    ):
        assert entity_id is not None  # the query keeps linked rows only
        forms[entity_id].update(name_key(f) for f in forms_of(text[start:end]))
    return {
        e.id: EntityInfo(e.id, e.name, e.type, frozenset(forms[e.id] | {name_key(e.name)}))
        for e in session.scalars(select(Entity).where(Entity.merged_into_id.is_(None)))
    }


def match_claims(session: Session, settings: MatchSettings = MATCH) -> MatchReport:
    """Match every claim against the others and store clusters and flags."""
    claims = load_claim_facts(session)
    result = match(claims, load_entities(session), settings)
    _store(session, result)
    counts: dict[str, int] = defaultdict(int)
    for link in result.links:
        counts[link.kind] += 1
    return MatchReport(len(claims), result.pairs_compared, len(set(result.clusters.values())), dict(counts))


def _store(session: Session, result: MatchResult) -> None:
    session.execute(update(Claim).where(Claim.cluster_id.is_not(None)).values(cluster_id=None))
    by_cluster: dict[int, list[int]] = defaultdict(list)
    for claim_id, cluster in result.clusters.items():
        by_cluster[cluster].append(claim_id)
    for cluster, ids in by_cluster.items():
        session.execute(update(Claim).where(Claim.id.in_(ids)).values(cluster_id=cluster))
    sync_flags(
        session,
        MATCH_KINDS,
        {
            link.key: FlagDraft(
                link.kind,
                link.key,
                link.explanation,
                link.claims,
                link.entities,
                link.rule or None,
                json.dumps(list(link.frames), ensure_ascii=False, sort_keys=True) if link.frames else None,
            )
            for link in result.links
        },
    )
