"""Comparing two claims of different outlets: corroboration, conflict, change over time, or nothing."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from rapidfuzz import fuzz

from tracker.config import MATCH, MatchSettings
from tracker.entities.resolve import name_key
from tracker.entities.romanise import spelling_key
from tracker.extract.quantities import cumulative
from tracker.match.pairs import candidate_pairs
from tracker.match.read import (
    Count,
    Office,
    content_stems,
    counts,
    located,
    office,
    presence,
    same_office,
    stated_roles,
)

CORROBORATION, CONFLICT, TEMPORAL_CHANGE = "corroboration", "conflict", "temporal_change"


@dataclass(frozen=True)
class EntityInfo:
    id: int
    name: str
    type: str
    forms: frozenset[str]  # name keys of every form it is written in


@dataclass(frozen=True)
class ClaimFacts:
    """A stored claim with what matching needs: its source's outlet and date, its time, its entities."""

    id: int
    source_id: int
    outlet: str
    published: dt.date | None
    text: str
    kind: str
    time_first: dt.date | None
    time_last: dt.date | None
    entities: frozenset[int]

    @property
    def when(self) -> dt.date | None:
        """The day the fact is placed at: its own time if it has one, else its publication."""
        return self.time_first or self.published

    @property
    def day(self) -> dt.date | None:
        return self.time_first if self.time_first is not None and self.time_first == self.time_last else None


@dataclass(frozen=True)
class Link:
    kind: str
    claims: tuple[int, ...]
    entities: tuple[int, ...]
    explanation: str
    key: str


@dataclass
class MatchResult:
    clusters: dict[int, int] = field(default_factory=dict)  # claim id -> cluster id (its first claim's id)
    links: list[Link] = field(default_factory=list)
    pairs_compared: int = 0


@dataclass(frozen=True)
class RoleReading:
    person: int
    name: str
    office: Office


class Reading:
    """One claim read once: stems, counts, roles with their person entities."""

    def __init__(self, claim: ClaimFacts, entities: dict[int, EntityInfo]) -> None:
        self.claim = claim
        self.stems = content_stems(claim.text)
        self.stem_set = frozenset(self.stems)
        self.counts: list[Count] = counts(claim.text)
        found = presence(claim.text)
        self.present = _entities_named(found.present, claim.entities, entities)
        self.absent = _entities_named(found.absent, claim.entities, entities)
        self.located = _entities_named(located(claim.text), claim.entities, entities)
        self.roles = [
            RoleReading(person, name, office(title))
            for name, title in stated_roles(claim.text)
            if (person := _person_named(name, claim.entities, entities)) is not None
        ]

    @cached_property
    def stem_text(self) -> str:
        return " ".join(self.stems)


def _entities_named(names, ids: frozenset[int], entities: dict[int, EntityInfo]) -> frozenset[int]:
    """The claim's entities written in any of ``names`` ("Marta Kovalenko", "Velmora")."""
    found = set()
    for name in names:
        key = f" {name_key(name)} "
        for entity_id in ids:
            info = entities.get(entity_id)
            if info is not None and any(f" {form} " in key for form in info.forms if form):
                found.add(entity_id)
    return frozenset(found)


def _person_named(name: str, ids: frozenset[int], entities: dict[int, EntityInfo]) -> int | None:
    key = name_key(name)
    last = spelling_key(name.split()[-1]) if name.split() else ""
    fallback = None
    for entity_id in sorted(ids):
        info = entities.get(entity_id)
        if info is None or info.type != "person":
            continue
        if key in info.forms:
            return entity_id
        if any(spelling_key(form.split()[-1]) == last for form in info.forms if form):
            fallback = entity_id
    return fallback


def match(claims: list[ClaimFacts], entities: dict[int, EntityInfo], settings: MatchSettings = MATCH) -> MatchResult:
    readings = {c.id: Reading(c, entities) for c in claims}
    result = MatchResult()
    corroborating: list[tuple[float, int, int, str]] = []
    for a, b in candidate_pairs(list(readings.values()), settings):
        ra, rb = readings[a], readings[b]
        if ra.claim.source_id == rb.claim.source_id or ra.claim.outlet == rb.claim.outlet:
            continue  # an outlet never corroborates (or contradicts) itself
        result.pairs_compared += 1
        verdict = compare(ra, rb, entities, settings)
        if verdict is None:
            continue
        kind, reason, involved = verdict
        if kind == CORROBORATION:
            corroborating.append((_similarity(ra, rb), a, b, reason))
        else:
            first, second = sorted((ra, rb), key=lambda r: (r.claim.when or dt.date.min, r.claim.id))
            result.links.append(
                Link(kind, (first.claim.id, second.claim.id), involved, reason, f"{kind}:{min(a, b)}:{max(a, b)}")
            )
    _clusters(corroborating, readings, result)
    return result


def compare(
    a: Reading, b: Reading, entities: dict[int, EntityInfo], settings: MatchSettings
) -> tuple[str, str, tuple[int, ...]] | None:
    """The first slot that decides: roles, then counts, then event dates, then plain wording."""
    for decide in (_compare_roles, _compare_counts, _compare_presence, _compare_event_dates, _compare_wording):
        verdict = decide(a, b, entities, settings)
        if verdict is not None:
            return verdict if verdict[0] else None  # an empty kind: decided, and nothing to flag
    return None


# -- roles -----------------------------------------------------------------------------------------------------


def _compare_roles(a: Reading, b: Reading, entities, settings: MatchSettings):
    for x in a.roles:
        for y in b.roles:
            gap = _gap(a.claim.when, b.claim.when)
            same_post = same_office(x.office, y.office)
            if x.person == y.person and same_post:
                return CORROBORATION, f"both name {entities[x.person].name} {x.office.text}", (x.person,)
            moved = gap is not None and gap >= settings.change_min_days
            if x.person == y.person and moved and x.office.single_holder and y.office.single_holder:
                first, second = _in_time_order((a, x), (b, y))
                return (
                    TEMPORAL_CHANGE,
                    f"{entities[x.person].name} is {first[1].office.text} per {_cite(first[0])} and "
                    f"{second[1].office.text} per {_cite(second[0])}: the post changed over time",
                    (x.person,),
                )
            named = x.office.fully_named and y.office.fully_named
            if x.person != y.person and same_post and named and x.office.single_holder and y.office.single_holder:
                first, second = _in_time_order((a, x), (b, y))
                post = first[1].office.text
                if gap is not None and gap >= settings.change_min_days:
                    return (
                        TEMPORAL_CHANGE,
                        f"{post}: {entities[first[1].person].name} per {_cite(first[0])}, "
                        f"{entities[second[1].person].name} per {_cite(second[0])}: the post changed hands",
                        (first[1].person, second[1].person),
                    )
                if gap is not None:
                    return (
                        CONFLICT,
                        f"{post}: {entities[first[1].person].name} per {_cite(first[0])} but "
                        f"{entities[second[1].person].name} per {_cite(second[0])}, {gap} days apart",
                        (first[1].person, second[1].person),
                    )
    if a.roles and b.roles:
        return "", "", ()  # both state posts, and none of them meet: different facts, whatever the wording
    return None


# -- counts ----------------------------------------------------------------------------------------------------


def _compare_counts(a: Reading, b: Reading, entities, settings: MatchSettings):
    if not a.counts or not b.counts or _similarity(a, b) < settings.same_count_at:
        return None
    if not (a.claim.entities & b.claim.entities) and len(a.stem_set & b.stem_set) < 3:
        return None
    for x in a.counts:
        for y in b.counts:
            if x.key != y.key or not x.comparable:
                continue
            gap = _gap(a.claim.when, b.claim.when)
            shared = tuple(sorted(a.claim.entities & b.claim.entities))
            if x.value == y.value:
                return CORROBORATION, f"both count {_num(x.value)} {x.noun}", shared
            first, second = _in_time_order((a, x), (b, y))
            change = "rose" if second[1].value > first[1].value else "fell"
            said = (
                f"{_num(first[1].value)} {x.noun} per {_cite(first[0])}, {_num(second[1].value)} per {_cite(second[0])}"
            )
            if change == "fell" and cumulative(first[0].claim.text) and cumulative(second[0].claim.text):
                # "nine states have signed so far" and later "three in total": a running total never falls
                return CONFLICT, f"a running total fell: {said}", shared
            if gap is not None and gap >= settings.change_min_days:
                return TEMPORAL_CHANGE, f"the count {change}: {said}", shared
            return CONFLICT, f"the counts differ: {said}, {gap if gap is not None else '?'} days apart", shared
    if not {x.key for x in a.counts} & {y.key for y in b.counts}:
        return "", "", ()  # counts of different things: "12 shelters" and "30 kitchens" are two facts
    return None


# -- event dates ---------------------------------------------------------------------------------------------


def _compare_event_dates(a: Reading, b: Reading, entities, settings: MatchSettings):
    day_a, day_b = a.claim.day, b.claim.day
    if day_a is None or day_b is None or not (a.claim.entities & b.claim.entities):
        return None
    sim = _similarity(a, b)
    gap = abs((day_a - day_b).days)
    if gap == 0:
        if sim >= settings.corroborate_same_day_at:
            return CORROBORATION, f"same day ({day_a.isoformat()}), similar wording ({sim:.2f})", ()
        return None
    if gap <= settings.date_conflict_max_days and sim >= settings.same_event_at and _same_event_words(a, b):
        (first_day, first), (second_day, second) = sorted([(day_a, a), (day_b, b)], key=lambda p: p[0])
        shared = tuple(sorted(a.claim.entities & b.claim.entities))
        return (
            CONFLICT,
            f"one event, two dates: {first_day.isoformat()} per {_cite(first)}, "
            f"{second_day.isoformat()} per {_cite(second)}",
            shared,
        )
    return "", "", ()  # different days: another event, however alike the words


_EVENT_WORDS = frozenset("meet meeting talk negotiation round held hold summit session visit sign signing".split())


def _same_event_words(a: Reading, b: Reading) -> bool:
    return bool({w for w in a.stem_set & b.stem_set if w in _EVENT_WORDS or w.startswith(("meet", "talk", "negoti"))})


# -- presence ------------------------------------------------------------------------------------------------


def _compare_presence(a: Reading, b: Reading, entities, settings: MatchSettings):
    """One outlet puts someone at the event, the other says they were not there."""
    gap = _gap(a.claim.when, b.claim.when)
    if gap is None or gap > settings.presence_window_days:
        return None
    for there, away in ((a, b), (b, a)):
        both = there.present & away.absent
        if both:
            who = min(both)
            return (
                CONFLICT,
                f"{entities[who].name} was there per {_cite(there)} but not per {_cite(away)}",
                (who,),
            )
    return None


# -- wording ---------------------------------------------------------------------------------------------------


def _compare_wording(a: Reading, b: Reading, entities, settings: MatchSettings):
    if not _times_compatible(a.claim, b.claim, settings):
        return None
    sim = _similarity(a, b)
    shared = tuple(sorted(a.claim.entities & b.claim.entities))
    # The place both claims say the meeting was in, whoever else each names there; a country both merely
    # name ("Velmora proposed talks", "aid for Velmora") makes no two claims one meeting.
    places = [e for e in shared if entities.get(e) and entities[e].type == "place" and e in a.located & b.located]
    if places and sim >= settings.same_place_event_at and _same_event_words(a, b):
        where = entities[places[0]].name
        return CORROBORATION, f"one meeting in {where} at one time, similar wording ({sim:.2f})", shared
    if _each_names_its_own(a, b, entities):
        return None  # "agreements with Italy" and "agreements with Britain, Germany and France"
    if sim >= settings.corroborate_at and (shared or sim >= 0.9):
        return CORROBORATION, f"similar wording ({sim:.2f})", shared
    return None


def _each_names_its_own(a: Reading, b: Reading, entities: dict[int, EntityInfo]) -> bool:
    """Both claims name places or bodies the other does not: alike words about different things."""

    def own(x: Reading, y: Reading) -> set[int]:
        return {
            e
            for e in x.claim.entities - y.claim.entities
            if entities.get(e) is not None and entities[e].type in ("place", "organization")
        }

    return bool(own(a, b)) and bool(own(b, a))


def _times_compatible(a: ClaimFacts, b: ClaimFacts, settings: MatchSettings) -> bool:
    if a.time_first and b.time_first:
        slack = dt.timedelta(days=settings.time_slack_days)
        return a.time_first - slack <= (b.time_last or b.time_first) and b.time_first - slack <= (
            a.time_last or a.time_first
        )
    if a.published and b.published:
        return abs((a.published - b.published).days) <= settings.undated_window_days
    return True


def _similarity(a: Reading, b: Reading) -> float:
    """Wording similarity of content stems: token-set ratio blended with overlap, 0..1."""
    if not a.stem_set or not b.stem_set:
        return 0.0
    overlap = 2 * len(a.stem_set & b.stem_set) / (len(a.stem_set) + len(b.stem_set))
    return 0.5 * fuzz.token_set_ratio(a.stem_text, b.stem_text) / 100 + 0.5 * overlap


# -- helpers ---------------------------------------------------------------------------------------------------


def _gap(x: dt.date | None, y: dt.date | None) -> int | None:
    return None if x is None or y is None else abs((x - y).days)


def _in_time_order(*pairs):
    return sorted(pairs, key=lambda p: (p[0].claim.when or dt.date.min, p[0].claim.id))


def _cite(reading: Reading) -> str:
    """The outlet and its publication date: "Daily Planet (published 2024-04-29)"."""
    published = reading.claim.published
    return f"{reading.claim.outlet} ({'published ' + published.isoformat() if published else 'undated'})"


def _num(value: float | Decimal) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:,}"


def _clusters(pairs: list[tuple[float, int, int, str]], readings: dict[int, Reading], result: MatchResult) -> None:
    """Corroborating pairs joined into clusters, most alike first; two claims of one source never share a
    cluster (a source does not state one fact twice), so a chain cannot join two different facts."""
    parent: dict[int, int] = {}
    sources: dict[int, set[int]] = {}

    def root(x: int) -> int:
        if x not in parent:
            parent[x] = x
            sources[x] = {readings[x].claim.source_id}
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    kept = []
    for _score, a, b, reason in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        ra, rb = root(a), root(b)
        if ra == rb or sources[ra] & sources[rb]:
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        sources[keep] |= sources.pop(gone)
        kept.append((a, reason))
    members: dict[int, list[int]] = defaultdict(list)
    for claim in parent:
        members[root(claim)].append(claim)
    reasons: dict[int, list[str]] = defaultdict(list)
    for a, reason in kept:
        reasons[root(a)].append(reason)
    for cluster, ids in members.items():
        if len(ids) < 2:
            continue
        ids.sort()
        for claim in ids:
            result.clusters[claim] = ids[0]
        outlets = sorted({readings[i].claim.outlet for i in ids})
        quoted = "; ".join(f"“{readings[i].claim.text}” ({_cite(readings[i])})" for i in ids[:4])
        more = f" and {len(ids) - 4} more" if len(ids) > 4 else ""
        why = "; ".join(dict.fromkeys(reasons[cluster]))[:300]
        entities = sorted(set.intersection(*(set(readings[i].claim.entities) for i in ids)))
        result.links.append(
            Link(
                CORROBORATION,
                tuple(ids),
                tuple(entities),
                f"{len(outlets)} outlets state this: {quoted}{more} ({why}).",
                f"{CORROBORATION}:{ids[0]}",
            )
        )
