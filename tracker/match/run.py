"""Matching over the stored corpus: claims and their stored facts in from ``store.match_repo``, the pure matcher
(``match.compare``), clusters and flags back out. Works in the caller's transaction (the facade's)."""

from __future__ import annotations

import json
from collections import defaultdict
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
from tracker.match.compare import CONFLICT, CORROBORATION, TEMPORAL_CHANGE, ClaimFacts, EntityInfo, match
from tracker.store import match_repo as rows
from tracker.store.flag_repo import FlagDraft
from tracker.store.models import ClaimEvent, ClaimQuantity, ClaimRole

MATCH_KINDS = {CORROBORATION, CONFLICT, TEMPORAL_CHANGE}


@dataclass(frozen=True)
class MatchReport:
    claims: int
    pairs_compared: int
    clusters: int
    flags: dict[str, int]


def match_claims(session: Session, settings: MatchSettings = MATCH) -> MatchReport:
    """Match every claim against the others and store clusters and flags."""
    claims = load_claim_facts(session)
    result = match(claims, load_entities(session), settings)
    flags = {
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
    }
    rows.store_result(session, result.clusters, MATCH_KINDS, flags)
    counts: dict[str, int] = defaultdict(int)
    for link in result.links:
        counts[link.kind] += 1
    return MatchReport(len(claims), result.pairs_compared, len(set(result.clusters.values())), dict(counts))


def load_entities(session: Session) -> dict[int, EntityInfo]:
    forms: dict[int, set[str]] = defaultdict(set)
    for entity_id, text in rows.entity_mentions(session):
        forms[entity_id].update(name_key(f) for f in forms_of(text))
    return {
        e.id: EntityInfo(e.id, e.name, e.type, frozenset(forms[e.id] | {name_key(e.name)}))
        for e in rows.live_entities(session)
    }


def load_claim_facts(session: Session) -> list[ClaimFacts]:
    """Every claim of a non-duplicate source with its frames (role, quantities, times, event, presence), in a few
    bulk queries (one per frame table, none per claim)."""
    entities: dict[int, set[int]] = defaultdict(set)
    for claim_id, entity_id in rows.claim_entity_links(session):
        entities[claim_id].add(entity_id)
    roles = {r.claim_id: _role(r) for r in rows.roles(session)}
    quantities: dict[int, list[QuantityFact]] = defaultdict(list)
    for q in rows.quantities(session):
        quantities[q.claim_id].append(_quantity(q))
    events = {e.claim_id: _event(e) for e in rows.events(session)}
    presence: dict[int, list[PresenceFact]] = defaultdict(list)
    for p in rows.presence(session):
        presence[p.claim_id].append(PresenceFact(p.who, p.present, p.remote, _span(p.start, p.end), p.rule or ""))
    times: dict[int, list[TimeRef]] = defaultdict(list)
    for t in rows.times(session):
        times[t.claim_id].append(TimeRef(t.text, 0, len(t.text), t.first, t.last, t.role))
    texts = rows.original_texts(session)
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
        for c, path, published, outlet in rows.original_claims(session)
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
