"""Comparing two claims of different outlets through their stored frames: corroboration, conflict, change over
time, or nothing.

Each verdict names the rule of ``RULES`` that gave it and carries the frames it compared, with their words as
written. Alarms (conflicts, changes) come from frames only; wording similarity only corroborates claims that
have no role or count frame. Time order and words of succession decide between a change and a conflict.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from typing import Any

from rapidfuzz import fuzz

from tracker.config import MATCH, MatchSettings
from tracker.entities.resolve import name_key
from tracker.entities.romanise import spelling_key
from tracker.extract import vocabulary as v
from tracker.extract.events import SETTING, reported
from tracker.extract.facts import EventFact, PresenceFact, RoleFact
from tracker.extract.quantities import COUNT, MEASURE, MONEY, TERM, QuantityFact
from tracker.extract.when import TimeRef
from tracker.match.pairs import claim_keys, pairs_of_keys
from tracker.match.read import (
    GENERIC_BODIES,
    THEMED_CLASSES,
    Office,
    body_word,
    content_stems,
    distinct_posts,
    located,
    office,
    presence,
    same_office,
    stem,
)

CORROBORATION, CONFLICT, TEMPORAL_CHANGE = "corroboration", "conflict", "temporal_change"

# The comparison rules, in the order they are tried; every verdict names one.
RULES: dict[str, str] = {
    "same-post": "one person in one post (or one function) per both claims: corroboration",
    "post-changed": "one person in two single-holder posts, the reports in time order: temporal_change",
    "two-posts": "one person in two single-holder posts at one time: conflict",
    "same-leaving": "one person leaving one post (not two distinct posts), in reports at most story_window_days "
    "apart, on one day or undated in one: corroboration",
    "left-two-dates": "one person leaving one post on two nearby single days: conflict",
    "post-changed-hands": "one fully named single-holder post, two holders, the reports in time order or the "
    "later with words of succession: temporal_change",
    "two-holders": "one fully named single-holder post, two holders at one time, no words of succession: conflict",
    "former-holder": "one fully named single-holder post, held before by one person (a former title, 'had been "
    "... since') and now by another: temporal_change, the former holder first",
    "stale-report": "a value reported after another report gave its successor, when a report before that gives "
    "it as the older value (or calls it former): conflict, not a change backwards",
    "same-count": "one count of one class of things, one value: corroboration",
    "total-fell": "a running total smaller in the later report: conflict",
    "count-changed": "one count with another value, in time order or with words of a trend: temporal_change",
    "count-conflict": "one count with incompatible values at one time, no words of a trend: conflict",
    "there-and-not": "someone at the event per one claim and away from it per the other: conflict",
    "event-two-dates": "one event (one class, and one place or one ordinal named by both) on two nearby single "
    "days: conflict",
    "same-event-day": "one event (one class) on one single day, a shared entity: corroboration",
    "same-theme-day": "one event (of a class of THEMED_CLASSES) done to one theme (the common noun it is done to, "
    "stored in both frames) on one single day, where only one claim names anyone: corroboration",
    "same-day": "one single day, a shared entity and like wording, no frames that decide: corroboration",
    "meeting-place": "one kind of event (stored event frames of one class) both place in one city "
    "at one time, like wording: corroboration",
    "wording": "like wording at compatible times, no frames that decide (the frames of the two claims never "
    "met): corroboration",
}
# Role frames read from a verb ("leads the group", "runs the office"): what someone does, which they may do beside
# the post they are called by; never a second post of theirs.
FUNCTION_RULES = frozenset({"role-verb"})
# Succession classes (``vocabulary.SUCCESSION``) that end a post rather than begin one.
ENDING_CHANGES = frozenset({"left"})


@dataclass(frozen=True)
class EntityInfo:
    id: int
    name: str
    type: str
    forms: frozenset[str]  # name keys of every form it is written in


@dataclass(frozen=True)
class ClaimFacts:
    """A stored claim with what matching needs: its source's outlet and date, its time, its entities, and the
    frames extraction stored for it. ``source_text`` is its source's stored text, where the frames' spans point,
    from offset ``text_at`` on (a window round its counts is enough: ``COUNT_WINDOW``)."""

    id: int
    source_id: int
    outlet: str
    published: dt.date | None
    text: str
    kind: str
    time_first: dt.date | None
    time_last: dt.date | None
    entities: frozenset[int]
    role: RoleFact | None = None
    quantities: tuple[QuantityFact, ...] = ()
    times: tuple[TimeRef, ...] = ()
    event: EventFact | None = None
    presence: tuple[PresenceFact, ...] = ()
    # The places the lead of its article names (the story's setting: "floods in Korvast province"), for a claim
    # that counts or reports an event and names no place of its own ("At least 12 people have died").
    setting: frozenset[str] = frozenset()
    # The bodies the lead of its article names ("Harrow Energy's chief executive resigned"), for a role claim
    # whose post names no body of its own ("Ilse Varga was named interim chief executive").
    lead_bodies: frozenset[str] = frozenset()
    source_text: str = field(default="", repr=False, compare=False)
    text_at: int = field(default=0, repr=False, compare=False)

    def written(self, start: int, end: int) -> str:
        """The source's text from ``start`` to ``end`` (as far as the text held goes)."""
        return self.source_text[max(0, start - self.text_at) : max(0, end - self.text_at)]

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
    rule: str = ""
    frames: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Verdict:
    """What one rule decided of a pair: ``kind`` is empty when it decided there is nothing to flag."""

    kind: str
    rule: str
    explanation: str = ""
    entities: tuple[int, ...] = ()
    frames: tuple[dict[str, Any], ...] = ()


NOTHING = Verdict("", "")


@dataclass
class MatchResult:
    clusters: dict[int, int] = field(default_factory=dict)  # claim id -> cluster id (its first claim's id)
    links: list[Link] = field(default_factory=list)
    pairs_compared: int = 0
    verdicts: list[PairVerdict] = field(default_factory=list)  # of every pair compared to something
    keys: dict[int, set[str]] = field(default_factory=dict)  # each claim's blocking keys
    owners: dict[int, tuple[str, int | None]] = field(default_factory=dict)  # claim -> ``owner_of``


@dataclass(frozen=True)
class RoleReading:
    """A stored role frame with its holder's entity and its title read as an office."""

    person: int
    name: str
    office: Office
    fact: RoleFact
    scheduled: bool = False  # the claim says what will be ("would now be headed by"), not what is

    @property
    def current(self) -> bool:
        """An office held now: not a function for one occasion, not a former post, not a future one."""
        return not (self.fact.temporary or self.fact.former or self.scheduled)

    @property
    def begins(self) -> bool:
        """The claim says the post begins here: "appointed", "replaced", "new", "now", "takes over"."""
        return self.fact.change is not None and self.fact.change not in ENDING_CHANGES


class Reading:
    """One claim read once: stems for wording, its stored frames, presence and place."""

    def __init__(self, claim: ClaimFacts, entities: dict[int, EntityInfo]) -> None:
        self.claim = claim
        self.stems = content_stems(claim.text)
        self.stem_set = frozenset(self.stems)
        self.counts: list[QuantityFact] = [q for q in claim.quantities if _comparable(q)]
        # Stored presence frames, and (until extraction reads them) the names the text puts there that they lack:
        # "counterparts from A, B and C".
        stored = {name_key(p.who) for p in claim.presence}
        self.presence = claim.presence + tuple(
            p
            for p in _presence_of_text(claim.text)
            if not any(name_key(p.who) in k or k in name_key(p.who) for k in stored)
        )
        self.present = _entities_named(
            [p.who for p in self.presence if p.present and not p.remote], claim.entities, entities
        )
        self.absent = _entities_named(
            [p.who for p in self.presence if not p.present or p.remote], claim.entities, entities
        )
        places = [claim.event.place] if claim.event is not None and claim.event.place else located(claim.text)
        self.located = _entities_named(places, claim.entities, entities)
        named = [entities[e].name for e in claim.entities if e in entities and entities[e].type == "place"]
        # Where the claim's count or event is: the places it names (as place keys), else its story's setting.
        self.where: frozenset[str] = frozenset()
        # The places the claim itself names (as place keys), none from its story's setting.
        self.named_where: frozenset[str] = frozenset()
        if self.counts or reported(claim.event) is not None:
            self.named_where = frozenset(k for p in [*places, *named] for k in _where_keys(p))
            self.where = self.named_where or frozenset(k for p in claim.setting for k in _where_keys(p))
        # Whose a post the claim names but does not own ("Defence Minister X") may be: the places the claim
        # names, else its story's setting.
        self.post_where: frozenset[str] = frozenset()
        if claim.role is not None:
            self.post_where = frozenset(k for p in named or claim.setting for k in _where_keys(p))
        self.roles: list[RoleReading] = []
        self.owners_read = False  # its post's owner read as a person's post (``CorpusFacts.resolve_owners``)
        fact = claim.role
        if fact is not None:
            person = _person_named(fact.holder, claim.entities, entities)
            if person is not None:
                post = office(_title_of(fact))
                self.roles.append(RoleReading(person, fact.holder, post, fact, claim.kind == "schedule"))

    @property
    def role(self) -> RoleReading | None:
        return self.roles[0] if self.roles else None

    @cached_property
    def stem_text(self) -> str:
        return " ".join(self.stems)

    def words(self, span) -> str | None:
        return self.claim.written(span.start, span.end) if span is not None and self.claim.source_text else None


def _comparable(q: QuantityFact) -> bool:
    """Counts of a class of things, money said to be for something, the percentage level of a named measure
    ("turnout stood at 63.1 percent") or its move ("shares fell 6 percent", a level's key apart); never other
    measures ("16-inch")."""
    level = q.kind == MEASURE and q.unit == "percent" and bool(q.noun_class)
    term = q.kind == MEASURE and (q.noun_class or "").startswith(TERM)
    return (q.kind == COUNT and bool(q.noun_class)) or (q.kind == MONEY and bool(q.noun)) or level or term


def _count_key(q: QuantityFact) -> tuple[str, str | None, str | None, bool, bool]:
    return (q.kind, q.currency, q.noun_class or q.noun, q.partial, q.by)


def _title_of(fact: RoleFact) -> str:
    """The post as the frame gives it: its title, with the organisation the title does not already name
    ("head" of "the presidential office"; "secretary of the National Security" ... "National Security and
    Defence Council")."""
    title, body = fact.title.strip(), (fact.organisation or "").strip()
    if not body or body.lower() in title.lower():
        return title
    lowered = title.lower()
    for n in range(min(len(title), len(body)), 0, -1):
        if lowered.endswith(body[:n].lower()) and (n == len(title) or not title[-n - 1].isalnum()):
            return title + body[n:]
    return f"{title} of {body}"


def _presence_of_text(text: str) -> tuple[PresenceFact, ...]:
    found = presence(text)
    return tuple(PresenceFact(who, True, rule="presence-text") for who in found.present) + tuple(
        PresenceFact(who, False, rule="presence-text") for who in found.absent
    )


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


# -- what the corpus says of its people ------------------------------------------------------------------------


@dataclass
class CorpusFacts:
    """What the stored role frames say together: each person's single-holder posts (so that "Zelensky's office"
    is the office of the post Zelensky holds), and their dated holdings, for telling a stale report.

    Built from every reading (``of``), or person by person as comparisons ask (``lazy``): ``load`` gives the
    readings of every stored role frame of the persons asked, in claim order. Both give the same facts."""

    posts: dict[int, list[Office]] = field(default_factory=dict)
    holdings: dict[int, list[Reading]] = field(default_factory=dict)
    load: Callable[[set[int]], list[Reading]] | None = None
    entities: dict[int, EntityInfo] = field(default_factory=dict)
    known: set[int] = field(default_factory=set)  # persons loaded (when ``load`` is set)

    @classmethod
    def of(cls, readings: list[Reading]) -> CorpusFacts:
        facts = cls()
        facts._add(readings)
        return facts

    @classmethod
    def lazy(cls, load: Callable[[set[int]], list[Reading]], entities: dict[int, EntityInfo]) -> CorpusFacts:
        return cls(load=load, entities=entities)

    def _add(self, readings: list[Reading]) -> None:
        posts: dict[int, Counter[Office]] = defaultdict(Counter)
        for r in readings:
            role = r.role
            if role is None:
                continue
            self.holdings.setdefault(role.person, []).append(r)
            if role.current and role.office.single_holder and not role.office.owner_text:
                posts[role.person][role.office] += 1
        self.posts.update({p: [o for o, _ in c.most_common()] for p, c in posts.items()})

    def ensure(self, persons: set[int]) -> None:
        """Load the role frames of these persons, if they are loaded lazily and not yet."""
        missing = persons - self.known
        if self.load is None or not missing:
            return
        self.known |= missing
        readings = self.load(missing)
        for person in missing:
            self.holdings.pop(person, None)
            self.posts.pop(person, None)
        self._add([r for r in readings if r.role is not None and r.role.person in missing])
        self.resolve_owners(readings, self.entities)

    def posts_of(self, person: int) -> list[Office]:
        self.ensure({person})
        return self.posts.get(person, [])

    def resolve_owners(self, readings: list[Reading], entities: dict[int, EntityInfo]) -> None:
        """An owner that names a person stands for that person's post: "President X's chief of staff" is the
        chief of staff of the post X holds per the stored frames ("Velmoran President"). Each reading once."""
        for r in readings:
            if r.owners_read:
                continue
            r.owners_read = True
            role = r.role
            person = owner_person(r, entities)
            if role is None or person is None or person == role.person:
                continue
            posts = self.posts_of(person)
            if not posts:
                continue
            named = {body_word(w.lower()) for w in _without_titles(role.office.owner_text).split()}
            owner = (role.office.owner - named) | posts[0].words
            r.roles[0] = replace(role, office=replace(role.office, owner=frozenset(owner)))

    def older(self, holder: int, post: Office, before: dt.date) -> Reading | None:
        """A report dated before ``before`` in which ``holder`` holds ``post``, or one that calls it their
        former post: evidence that this is the older value."""
        self.ensure({holder})
        for r in self.holdings.get(holder, ()):
            role = r.role
            if role is None or role.person != holder:
                continue
            if not same_office(role.office, post) or role.fact.temporary or role.scheduled:
                continue
            when = _span(r, role=True)
            if role.fact.former or (when is not None and when[1] < before):
                return r
        return None


def owner_of(r: Reading, entities: dict[int, EntityInfo]) -> tuple[str, int | None] | None:
    """The name key of the person the owner of the claim's post names, and the person it is read as (None:
    no one, or the holder), if the owner names anyone: what the claim's reading depends on."""
    role = r.role
    name = _without_titles(role.office.owner_text) if role is not None and role.office.owner_text else ""
    if role is None or not name:
        return None
    person = owner_person(r, entities)
    return name_key(name)[:OWNER_KEY_WIDTH], None if person == role.person else person


OWNER_KEY_WIDTH = 300  # claim_owners.owner_key


def owner_person(r: Reading, entities: dict[int, EntityInfo]) -> int | None:
    """The person the owner of the claim's post names ("President X's"), if any."""
    role = r.role
    if role is None or not role.office.owner_text:
        return None
    name = _without_titles(role.office.owner_text)
    if not name:
        return None
    return _person_named(name, r.claim.entities, entities) or _person_keyed(name, entities)


class EntityIndex(dict[int, EntityInfo]):
    """Entities by id that can also say who is written in a form; a store-backed one answers from its index."""

    def persons_written(self, key: str) -> list[int]:
        return [e.id for e in self.values() if e.type == "person" and key in e.forms]


def _person_keyed(name: str, entities: dict[int, EntityInfo]) -> int | None:
    """The one person of the corpus written exactly ``name`` (in any of its forms)."""
    key = name_key(name)
    if isinstance(entities, EntityIndex):
        found = entities.persons_written(key)
    else:
        found = [e.id for e in entities.values() if e.type == "person" and key in e.forms]
    return found[0] if len(found) == 1 else None


def _without_titles(phrase: str) -> str:
    """The name in an owner's words: "President Ivan Kovalenko" -> "Ivan Kovalenko"."""
    toks = phrase.split()
    while toks and (toks[0].lower() in v.ROLE_NOUNS or toks[0].lower() in v.TITLE_MODIFIERS):
        toks.pop(0)
    return " ".join(toks) if toks and toks[0][:1].isupper() else ""


# -- matching --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairVerdict:
    """What comparing claims ``a`` < ``b`` gave: the verdict, their wording similarity, and the claim whose fact
    comes first (the order a change or conflict is told in)."""

    a: int
    b: int
    verdict: Verdict
    similarity: float
    first: int


def match(claims: list[ClaimFacts], entities: dict[int, EntityInfo], settings: MatchSettings = MATCH) -> MatchResult:
    readings = {c.id: Reading(c, entities) for c in claims}
    corpus = CorpusFacts.of(list(readings.values()))
    corpus.resolve_owners(list(readings.values()), entities)
    result = MatchResult()
    result.keys = {i: claim_keys(r) for i, r in readings.items()}
    for r in readings.values():
        owner = owner_of(r, entities)
        if owner is not None:
            result.owners[r.claim.id] = owner
    for a, b in pairs_of_keys(result.keys, settings):
        found = compare_pair(readings[a], readings[b], entities, settings, corpus)
        if found is not None:
            result.pairs_compared += 1
        if isinstance(found, PairVerdict):
            result.verdicts.append(found)
    result_of(result.verdicts, {i: r.claim for i, r in readings.items()}, result)
    return result


def compare_pair(
    ra: Reading, rb: Reading, entities: dict[int, EntityInfo], settings: MatchSettings, corpus: CorpusFacts
) -> PairVerdict | bool | None:
    """Compare a candidate pair (``ra`` the lower id): its verdict, False when compared to nothing, None when
    never compared (an outlet never corroborates, or contradicts, itself)."""
    if ra.claim.source_id == rb.claim.source_id or ra.claim.outlet == rb.claim.outlet:
        return None
    verdict = compare(ra, rb, entities, settings, corpus)
    if verdict is None:
        return False
    first = ra
    if verdict.kind != CORROBORATION:
        first = sorted((ra, rb), key=lambda r: (r.claim.when or dt.date.min, r.claim.id))[0]
        if verdict.kind == TEMPORAL_CHANGE or verdict.rule == "stale-report":
            first = _ordered_by_frames(verdict, ra, rb)[0]
    return PairVerdict(ra.claim.id, rb.claim.id, verdict, _similarity(ra, rb), first.claim.id)


def result_of(verdicts: list[PairVerdict], claims: dict[int, ClaimFacts], result: MatchResult) -> None:
    """Links of these verdicts: each alarm its own, corroborations joined into clusters (``claims`` holds every
    claim they name)."""
    corroborating: list[tuple[float, int, int, Verdict]] = []
    for pv in verdicts:
        verdict = pv.verdict
        if verdict.kind == CORROBORATION:
            corroborating.append((pv.similarity, pv.a, pv.b, verdict))
            continue
        second = pv.b if pv.first == pv.a else pv.a
        result.links.append(
            Link(
                verdict.kind,
                (pv.first, second),
                verdict.entities,
                verdict.explanation,
                f"{verdict.kind}:{pv.a}:{pv.b}",
                verdict.rule,
                verdict.frames,
            )
        )
    _clusters(corroborating, claims, result)


def _ordered_by_frames(verdict: Verdict, a: Reading, b: Reading) -> tuple[Reading, Reading]:
    """A change's claims in the order its frames were compared: the earlier value first."""
    first = verdict.frames[0]["claim"] if verdict.frames else a.claim.id
    return (a, b) if first == a.claim.id else (b, a)


Rule = Callable[[Reading, Reading, dict[int, EntityInfo], MatchSettings, CorpusFacts], Verdict | None]


def compare(
    a: Reading,
    b: Reading,
    entities: dict[int, EntityInfo],
    settings: MatchSettings,
    corpus: CorpusFacts | None = None,
) -> Verdict | None:
    """The first slot that decides: roles, then counts, presence, events, one day, then plain wording."""
    corpus = corpus if corpus is not None else CorpusFacts.of([a, b])
    for decide in SLOTS:
        verdict = decide(a, b, entities, settings, corpus)
        if verdict is not None:
            return verdict if verdict.kind else None  # an empty kind: decided, and nothing to flag
    return None


# -- time ------------------------------------------------------------------------------------------------------


def _span(r: Reading, role: bool = False) -> tuple[dt.date, dt.date] | None:
    """The days a claim's fact is placed at: its own time, else its publication. A role dated after its own
    report is misdated ("had run the office since February"): it is placed at the report."""
    c = r.claim
    first, last = c.time_first, c.time_last or c.time_first
    if role and first is not None and c.published is not None and first > c.published:
        first = last = None
    if first is None or last is None:
        first = last = c.published
    return None if first is None or last is None else (first, last)


def _order(a: Reading, b: Reading, role: bool = False) -> tuple[Reading, Reading] | None:
    """The two claims in time order, or None when their times overlap (one time) or are unknown."""
    sa, sb = _span(a, role), _span(b, role)
    if sa is None or sb is None or (sa[0] <= sb[1] and sb[0] <= sa[1]):
        return None
    return (a, b) if sa[0] < sb[0] else (b, a)


# -- roles -----------------------------------------------------------------------------------------------------


def _compare_roles(a: Reading, b: Reading, entities, settings: MatchSettings, corpus: CorpusFacts):
    x, y = a.role, b.role
    if x is None or y is None:
        return None
    frames = (_role_frame(a), _role_frame(b))
    one_post = x.person == y.person and same_office(x.office, y.office)
    if one_post and not (x.fact.former or y.fact.former):
        if x.scheduled or y.scheduled:
            return NOTHING
        return Verdict(
            CORROBORATION, "same-post", f"both name {entities[x.person].name} {x.office.text}", (x.person,), frames
        )
    leaving = _one_leaving(a, b, entities, settings)
    if leaving is not None:
        return leaving
    left = "left" in (x.fact.change, y.fact.change)  # a leaving is its own fact (``_one_leaving``)
    if one_post and x.fact.former and y.fact.former and not (left or x.scheduled or y.scheduled):
        # both say the post was held: "a former deputy finance minister"
        said = f"both name {entities[x.person].name} a former holder of {x.office.text}"
        return Verdict(CORROBORATION, "same-post", said, (x.person,), frames)
    stale = _stale_former(a, b, entities)
    if stale is not None:
        return stale
    handed = _former_holder(a, b, entities)
    if handed is not None:
        return handed
    if not (x.current and y.current and x.office.single_holder and y.office.single_holder):
        return NOTHING  # a former post, a function for one occasion, a shared office: never an alarm
    order = _order(a, b, role=True)
    if x.person == y.person:
        if x.fact.rule in FUNCTION_RULES or y.fact.rule in FUNCTION_RULES:
            return NOTHING  # "Kovac leads the group that negotiates": what one does beside one's post
        if not distinct_posts(x.office, y.office, _place_words(a, b, entities)):
            return NOTHING  # "chief executive of Lumo" and "Lumo CEO and founder": perhaps one post, no alarm
        name = entities[x.person].name
        if order is None and x.begins != y.begins:
            # "X, the head of Y, was appointed chief of Z": the post with words of succession is the later one
            order = (b, a) if x.begins else (a, b)
        if order is None:
            return Verdict(
                CONFLICT,
                "two-posts",
                f"{name} is {x.office.text} per {_cite(a)} but {y.office.text} per {_cite(b)}, at one time",
                (x.person,),
                frames,
            )
        first, second = order
        stale = _stale(first, second, entities, corpus)
        if stale is not None:
            return stale
        f, s = (x, y) if first is a else (y, x)
        return Verdict(
            TEMPORAL_CHANGE,
            "post-changed",
            f"{name}: {f.office.text} per {_cite(first)}, then {s.office.text} per {_cite(second)}: "
            "the post changed over time",
            (x.person,),
            (_role_frame(first), _role_frame(second)),
        )
    one_post = same_office(x.office, y.office) and (
        (x.office.fully_named and y.office.fully_named) or _one_setting_post(a, b)
    )
    if not (one_post or _story_post(a, b, entities)):
        return NOTHING  # both state posts, and none of them meet: different facts, whatever the wording
    if order is None:
        if x.begins != y.begins:
            order = (b, a) if x.begins else (a, b)  # the holder with words of succession is the later one
        else:
            return Verdict(
                CONFLICT,
                "two-holders",
                f"{x.office.text}: {entities[x.person].name} per {_cite(a)} but {entities[y.person].name} per "
                f"{_cite(b)}, at one time",
                (x.person, y.person),
                frames,
            )
    first, second = order
    stale = _stale(first, second, entities, corpus)
    if stale is not None:
        return stale
    f, s = (x, y) if first is a else (y, x)
    return Verdict(
        TEMPORAL_CHANGE,
        "post-changed-hands",
        f"{f.office.text}: {entities[f.person].name} per {_cite(first)}, then {entities[s.person].name} per "
        f"{_cite(second)}: the post changed hands",
        (f.person, s.person),
        (_role_frame(first), _role_frame(second)),
    )


def _story_post(a: Reading, b: Reading, entities: dict[int, EntityInfo]) -> bool:
    """One claim's post names no body ("Ilse Varga was named interim chief executive"), the other's names one
    ("appointed Ivo Marek as chief executive of Harrow Energy"), with the same role and no word the other lacks,
    and the first claim's story is of that body: the one body of several words its lead names ("Harrow Energy's
    chief executive resigned"), the claim naming no body or place of its own. One post, held in turn."""
    for u, n in ((a, b), (b, a)):
        x, y = u.role, n.role
        assert x is not None and y is not None
        if x.office.fully_named or x.office.owner or x.fact.organisation or not y.fact.organisation:
            continue
        # the lead's body: the one of several words it names ("Harrow Energy"; a word alone is a weak guess)
        leads = [body for body in u.claim.lead_bodies if len(body.split()) > 1] or list(u.claim.lead_bodies)
        if len(leads) != 1 or x.office.roles != y.office.roles or not y.office.roles:
            continue
        if any(e in entities and entities[e].type in ("organization", "place") for e in u.claim.entities):
            continue
        if not set(x.office.body) <= set(y.office.body) | y.office.owner:
            continue
        lead, named = (
            {body_word(w.lower()) for w in name.split()} - GENERIC_BODIES - _CONNECTORS
            for name in (leads[0], y.fact.organisation)
        )
        if lead & named:  # "Harrow Energy" and "Harrow", not "National Bank" and "Central Bank"
            return True
    return False


_CONNECTORS = frozenset(body_word(w) for w in v.TITLE_CONNECTORS)


def _one_setting_post(a: Reading, b: Reading) -> bool:
    """Two posts named alike and owned by neither ("Defence Minister X", "confirmed Y as defence minister") in
    claims set in one place: that place's post, the same post."""
    x, y = a.role, b.role
    assert x is not None and y is not None
    unowned = not (x.office.owner or y.office.owner or x.fact.organisation or y.fact.organisation)
    return unowned and bool(a.post_where & b.post_where)


def _one_leaving(a: Reading, b: Reading, entities, settings: MatchSettings) -> Verdict | None:
    """One person leaving one post, in two reports of one week ("X resigned as chief executive of Y on Monday",
    "X has stepped down as head of the company"): one departure, however worded. Two single days for it, close
    together, are a conflict; far apart, two departures."""
    x, y = a.role, b.role
    if x is None or y is None or x.person != y.person:
        return None
    if x.fact.change not in ENDING_CHANGES or y.fact.change not in ENDING_CHANGES:
        return None
    if distinct_posts(x.office, y.office, _place_words(a, b, entities)):
        return None  # "resigned as chair" and "left the cabinet": two posts
    pa, pb = a.claim.published, b.claim.published
    if pa is None or pb is None or abs((pa - pb).days) > settings.story_window_days:
        return None
    name = entities[x.person].name
    frames = (_role_frame(a), _role_frame(b))
    day_a, day_b = a.claim.day, b.claim.day
    if day_a is not None and day_b is not None and day_a != day_b:
        if abs((day_a - day_b).days) > settings.date_conflict_max_days:
            return NOTHING
        return _two_dates(a, b, "left-two-dates", f"{name} leaving {x.office.text}", (x.person,), frames)
    return Verdict(CORROBORATION, "same-leaving", f"both say {name} left {x.office.text}", (x.person,), frames)


def _place_words(a: Reading, b: Reading, entities: dict[int, EntityInfo]) -> frozenset[str]:
    """The names of the places either claim names, folded as office bodies are."""
    ids = a.claim.entities | b.claim.entities
    return frozenset(
        body_word(word)
        for e in ids
        if e in entities and entities[e].type == "place"
        for form in entities[e].forms
        for word in form.split()
    )


def _stale(first: Reading, second: Reading, entities, corpus: CorpusFacts) -> Verdict | None:
    """The later report gives a value that the earlier one succeeded: the earlier says the post begins there
    ("appointed", "new"), the later says nothing of a change, and a report before the earlier one gives the
    later value as it was."""
    f, s = first.role, second.role
    assert f is not None and s is not None
    span = _span(first, role=True)
    if not f.begins or s.begins or span is None:
        return None
    evidence = corpus.older(s.person, s.office, span[0])
    if evidence is None:
        return None
    who = entities[s.person].name
    if f.person == s.person:
        said = f"{who} is {s.office.text} per {_cite(second)}, after {_cite(first)} reported {_words(f)}"
    else:
        said = f"{s.office.text}: {who} per {_cite(second)}, after {_cite(first)} reported {_words(f)}"
    return Verdict(
        CONFLICT,
        "stale-report",
        f"a stale report: {said}; {who} held it before, per {_cite(evidence)}",
        tuple(dict.fromkeys((s.person, f.person))),
        (_role_frame(first), _role_frame(second), _role_frame(evidence)),
    )


def _former_holder(a: Reading, b: Reading, entities) -> Verdict | None:
    """One post, its former holder per one claim and its holder now per the other: the post changed hands,
    the former holder first, whatever the order of the reports."""
    x, y = a.role, b.role
    assert x is not None and y is not None
    if x.person == y.person or x.fact.former == y.fact.former:
        return None
    former, current = (a, b) if x.fact.former else (b, a)
    f, c = former.role, current.role
    assert f is not None and c is not None
    if f.fact.temporary or not c.current or not (f.office.single_holder and c.office.single_holder):
        return None
    if not (same_office(f.office, c.office) and f.office.fully_named and c.office.fully_named):
        return None
    return Verdict(
        TEMPORAL_CHANGE,
        "former-holder",
        f"{c.office.text}: {entities[f.person].name} held it before, per {_cite(former)}, then "
        f"{entities[c.person].name} per {_cite(current)}: the post changed hands",
        (f.person, c.person),
        (_role_frame(former), _role_frame(current)),
    )


def _stale_former(a: Reading, b: Reading, entities) -> Verdict | None:
    """A post given as current in a report after one that called it the person's former post."""
    x, y = a.role, b.role
    assert x is not None and y is not None
    if x.person != y.person or x.fact.former == y.fact.former or not same_office(x.office, y.office):
        return None
    former, current = (a, b) if x.fact.former else (b, a)
    c = current.role
    # A post is called former as of its report ("had run the office since 2020" was said on the day it ran),
    # whatever its own time says: that time is when the post began.
    called = former.claim.published or (_span(former, role=True) or (None, None))[1]
    sc = _span(current, role=True)
    if c is None or not c.current or c.begins or called is None or sc is None or not called < sc[0]:
        return NOTHING
    return Verdict(
        CONFLICT,
        "stale-report",
        f"a stale report: {entities[c.person].name} is {c.office.text} per {_cite(current)}, after "
        f"{_cite(former)} called it a former post",
        (c.person,),
        (_role_frame(former), _role_frame(current)),
    )


def _words(role: RoleReading) -> str:
    change = f"{role.fact.change_words} " if role.fact.change_words else ""
    return f"“{change}{role.office.text}”"


def _role_frame(r: Reading) -> dict[str, Any]:
    role = r.role
    assert role is not None
    fact = role.fact
    frame: dict[str, Any] = {"claim": r.claim.id, "role": {"holder": fact.holder, "title": fact.title}}
    frame["role"]["rule"] = fact.rule
    if fact.organisation:
        frame["role"]["organisation"] = fact.organisation
    if fact.change_words:
        frame["role"]["change_words"] = fact.change_words
    if fact.former:
        frame["role"]["former"] = True
    frame["date"] = _date_of(r, role=True)
    return frame


def _date_of(r: Reading, role: bool = False) -> str | None:
    span = _span(r, role)
    return None if span is None else span[0].isoformat()


# -- counts ----------------------------------------------------------------------------------------------------


def _counts_differ(a: Reading, b: Reading) -> bool:
    """Whether the claims count one class of things and give it no value in common ("15 countries", "18
    countries"); "a fine of 500,000" beside "a fine of 500,000 and 2.2 million seized" has one."""
    values: dict[Any, set[Any]] = defaultdict(set)
    for x in a.counts:
        values[_count_key(x)].add(x.value)
    theirs: dict[Any, set[Any]] = defaultdict(set)
    for y in b.counts:
        theirs[_count_key(y)].add(y.value)
    return any(key in values and not values[key] & found for key, found in theirs.items())


def _compare_counts(a: Reading, b: Reading, entities, settings: MatchSettings, corpus: CorpusFacts):
    if not a.counts or not b.counts:
        return None
    sim = _similarity(a, b)
    alike = sim >= settings.same_count_at and bool(
        a.claim.entities & b.claim.entities or len(a.stem_set & b.stem_set) >= 3
    )
    owned = _one_owner_named(a, b, entities)
    compared = alike or _one_story_toll(a, b, sim, settings) or owned
    # Like words in one story's place and week may state one count that agrees ("Turnout stood at 63.1 percent",
    # "turnout had reached 63.1 percent"), though too little of them to say two counts that differ are one thing.
    if not compared and not (sim >= settings.same_count_at and _one_story(a, b, settings)):
        return None
    if a.named_where and b.named_where and not a.named_where & b.named_where and not owned:
        # "118 cases in Kalvari province" and "11 cases in Rudna": counts of two places; but one named owner's
        # count is one set wherever the claims put it ("jailed for nine years for taking bribes from Halvex",
        # "sentenced to seven years ... and held at Orlen prison")
        return None
    shared = tuple(sorted(a.claim.entities & b.claim.entities))
    # One count alike does not make two claims one statement when another count of theirs differs ("subsidiaries
    # in 15 countries and ... 1,300 people" and "businesses in 18 countries and ... 1,300 people").
    differ = _counts_differ(a, b)
    for x in () if differ else a.counts:
        for y in b.counts:
            if x.by and not _one_move(a, b):
                continue  # "rose 3 percent" on Monday and on Friday: two moves
            if _count_key(x) == _count_key(y) and x.value == y.value and _same_owner(a, x, b, y, entities, True):
                frames = (_count_frame(a, x), _count_frame(b, y))
                said = f"{_count_words(a, x)} and {_count_words(b, y)}"
                return Verdict(CORROBORATION, "same-count", f"both count {_num(x.value)}: {said}", shared, frames)
    if not compared:
        return None
    for x in a.counts:
        for y in b.counts:
            if _count_key(x) != _count_key(y):
                continue
            if not _one_set(a, x, b, y):
                continue  # deaths in 2010-15 and deaths in 2009-18: two sets
            if not _same_owner(a, x, b, y, entities):
                continue  # Labour's seats and the Greens' seats: two sets
            if x.definite or y.definite:
                continue  # "the five companies" (those just named) and "all 14 companies": no size against size
            if x.by and (not _one_move(a, b) or x.trend != y.trend):
                continue  # moves of two times are two facts, never a change; and "rose"/"fell" is the words' call
            frames = (_count_frame(a, x), _count_frame(b, y))
            order = None if x.by else _count_order(a, x, b, y)
            if order is None:
                if _compatible(x, y, settings):
                    return NOTHING  # "more than 90,000" and "100,000" may both be true
                return Verdict(
                    CONFLICT,
                    "count-conflict",
                    f"the counts differ at one time: {_said(a, x)} but {_said(b, y)}",
                    shared,
                    frames,
                )
            (first, f), (second, s) = [(r, q) for r, q in ((a, x), (b, y)) if r is order[0]] + [
                (r, q) for r, q in ((a, x), (b, y)) if r is order[1]
            ]
            frames = (_count_frame(first, f), _count_frame(second, s))
            said = f"{_said(first, f)}, then {_said(second, s)}"
            if s.earlier is not None and s.earlier != f.value:
                # "reduced the sentence from seven years to five" says what it was before: not the nine reported
                return Verdict(
                    CONFLICT,
                    "count-conflict",
                    f"{_said(first, f)}, but it was {_num(s.earlier)} before it changed, per {_cite(second)}",
                    shared,
                    frames,
                )
            if s.value < f.value and f.cumulative and s.cumulative:
                # "nine states have signed so far" and later "three in total": a running total never falls
                return Verdict(CONFLICT, "total-fell", f"a running total fell: {said}", shared, frames)
            change = "rose" if s.value > f.value else "fell"
            return Verdict(TEMPORAL_CHANGE, "count-changed", f"the count {change}: {said}", shared, frames)
    if not {_count_key(x) for x in a.counts} & {_count_key(y) for y in b.counts}:
        return NOTHING  # counts of different things: "12 shelters" and "30 kitchens" are two facts
    return None


def _count_order(a: Reading, x: QuantityFact, b: Reading, y: QuantityFact) -> tuple[Reading, Reading] | None:
    """Two counts of one set in time order, or None at one time: by the claims' times; a toll of one day's event
    by its reports (revised later); counts with trend words by those ("rose to 31" from some earlier figure)."""
    order = _order(a, b)
    if order is None and x.noun_class in v.RUNNING_CLASSES:
        order = _report_order(a, b)  # a toll of one day's event, revised by a later report
    if order is None and (x.trend or y.trend) and x.noun_class not in v.RUNNING_CLASSES:
        # a toll "rose to 31" from some earlier figure, not from another report's 22 of the same day
        order = _trend_order((a, x), (b, y))
    return order


def _one_move(a: Reading, b: Reading) -> bool:
    """Both claims say how much one named thing moved at one time: an entity in common, and times that meet,
    one of them a single day ("fell 9 percent on Monday", "closed 6 percent lower on Monday")."""
    ta, tb = (a.claim.time_first, a.claim.time_last), (b.claim.time_first, b.claim.time_last)
    if None in ta or None in tb or not (a.claim.entities & b.claim.entities):
        return False
    single = a.claim.day is not None or b.claim.day is not None
    return single and ta[0] <= tb[1] and tb[0] <= ta[1]  # type: ignore[operator]


def _one_owner_named(a: Reading, b: Reading, entities) -> bool:
    """Both claims count one class of things of one named owner, however differently worded: Vardakis's prison
    term in "was sentenced to seven years" and in "was jailed for nine years" is one fact."""
    return any(
        _count_key(x) == _count_key(y)
        and bool(x.owner and y.owner and _entities_named([x.owner], a.claim.entities, entities))
        and _same_owner(a, x, b, y, entities)
        for x in a.counts
        for y in b.counts
    )


def _one_story_toll(a: Reading, b: Reading, sim: float, settings: MatchSettings) -> bool:
    """Both claims count people of one fate (the dead, the missing) in one place, in reports a few days apart:
    a toll of one story, however differently worded ("At least 12 people have died" in a story of floods in
    Korvast, and "The death toll from the floods in Korvast rose to 31")."""
    if sim < settings.same_story_toll_at or not _one_story(a, b, settings):
        return False
    # a part ("three of the injured were in serious condition") counts what the rest of its claim says
    classes = {x.noun_class for x in a.counts if not x.partial} & {y.noun_class for y in b.counts if not y.partial}
    return bool(classes & v.RUNNING_CLASSES)


def _one_story(a: Reading, b: Reading, settings: MatchSettings) -> bool:
    """Both claims are of one place (named, or their stories' settings), and their facts and reports all fall
    within ``story_window_days``: "54 people died along the same river in 1998" is another story's."""
    if not (a.where & b.where):
        return False
    days = [d for r in (a, b) for d in (r.claim.published, r.claim.when) if d is not None]
    return len(days) == 4 and max(days) - min(days) <= dt.timedelta(days=settings.story_window_days)


def _report_order(a: Reading, b: Reading) -> tuple[Reading, Reading] | None:
    """The two claims in the order of their reports, or None when they were published the same day."""
    pa, pb = a.claim.published, b.claim.published
    if pa is None or pb is None or pa == pb:
        return None
    return (a, b) if pa < pb else (b, a)


def _same_owner(a: Reading, x: QuantityFact, b: Reading, y: QuantityFact, entities, agreeing: bool = False) -> bool:
    """Two counts of one class are of one owner unless both say whose they are and the owners differ: the
    entities their owners' words name, or, where those name none, the words themselves. For two counts that
    agree, an owner one claim names and the other only describes ("the Union and the Greens", "the two
    parties") may be one: the description is no evidence of another owner."""
    if not x.owner or not y.owner:
        return True
    ex = _entities_named([x.owner], a.claim.entities, entities)
    ey = _entities_named([y.owner], b.claim.entities, entities)
    if ex and ey:
        return ex == ey  # "the Union" and "the Union and the Greens" own two sets
    if agreeing and (ex or ey):
        return True
    return _owner_key(x.owner) == _owner_key(y.owner)


def _owner_key(words: str) -> str:
    return name_key(re.sub(r"['’]s?$", "", words))


def _one_set(a: Reading, x: QuantityFact, b: Reading, y: QuantityFact) -> bool:
    """Two counts of one class count one set of things unless the claims count over two different periods
    ("584 deaths from 2010 to 2015" / "11 deaths between 2009 and 2018"). A running total, or a count said to
    rise or fall, is one set whatever its period."""
    if x.cumulative or y.cumulative or x.trend or y.trend:
        return True
    pa, pb = _period(a), _period(b)
    return pa is None or pb is None or pa == pb


def _period(r: Reading) -> tuple[dt.date, dt.date] | None:
    """The period a claim counts over: an event time longer than one day that it states itself."""
    c = r.claim
    if c.time_first is None or c.time_last is None or c.time_first == c.time_last:
        return None
    return c.time_first, c.time_last


def _trend_order(*pairs: tuple[Reading, QuantityFact]) -> tuple[Reading, Reading]:
    """Counts of one time in the order their trend words give: the count said to have risen (or fallen) to
    its value comes after the other; two such counts go in the direction they say."""
    (a, x), (b, y) = pairs
    if bool(x.trend) != bool(y.trend):
        return (b, a) if x.trend else (a, b)
    rising = (x.trend or y.trend) != "fall"
    return (a, b) if (x.value < y.value) == rising else (b, a)


def _interval(q: QuantityFact, settings: MatchSettings) -> tuple[Decimal, Decimal | None]:
    """The values a count with its modifier allows: "more than 90,000" is 90,000 and up."""
    value, slack = q.value, Decimal(str(settings.about_slack))
    if q.modifier in ("more than", "at least"):
        return value, None
    if q.modifier in ("up to", "less than"):
        return Decimal(0), value
    if q.modifier == "nearly":
        return value * (1 - slack), value
    if q.modifier == "about":
        return value * (1 - slack), value * (1 + slack)
    return value, value


def _compatible(x: QuantityFact, y: QuantityFact, settings: MatchSettings) -> bool:
    (lx, hx), (ly, hy) = _interval(x, settings), _interval(y, settings)
    return (hy is None or lx <= hy) and (hx is None or ly <= hx)


def _written_count(r: Reading, q: QuantityFact) -> str | None:
    """The count's words in its source, through the counted noun as written: "16.6 million cars", "three
    bilateral security agreements" (the frame's span holds the number; its noun is stored as a lemma)."""
    text, span, at = r.claim.source_text, q.span, r.claim.text_at
    if span is None or not text:
        return None
    end = span.end
    if q.noun:
        stem = q.noun.lower()[: max(3, len(q.noun) - 1)]
        for m in _WRITTEN_WORD.finditer(text, span.end - at, min(len(text), span.end - at + COUNT_WINDOW)):
            if m.group(0).lower().startswith(stem):
                end = m.end() + at
                break
            if m.group(0) in ".;:!?":
                break
    if end == span.end and q.unit == "percent":
        after = _WRITTEN_WORD.match(text, end - at) or _WRITTEN_WORD.match(text, end - at + 1)
        if after is not None and after.group(0).lower() in v.PERCENT_WORDS:
            end = after.end() + at  # "6 percent"
    return " ".join(r.claim.written(span.start, end).split())


COUNT_WINDOW = 60  # characters after a count where its noun is looked for


_WRITTEN_WORD = re.compile(r"[^\W\d_][\w’'-]*|[.;:!?]")


def _noun(q: QuantityFact) -> str:
    return q.noun or q.noun_class or ""


def _said(r: Reading, q: QuantityFact) -> str:
    """The count in the words the claim's source wrote it in ("“more than 90,000 troops” per X"), else its value
    and noun."""
    return f"{_count_words(r, q)} per {_cite(r)}"


def _count_words(r: Reading, q: QuantityFact) -> str:
    written = _written_count(r, q)
    move = ("a fall of " if q.trend == "fall" else "a rise of ") if q.by else ""
    if written:
        return f"{move}“{written}”"
    modifier = f"{q.modifier} " if q.modifier else ""
    money = f"{q.currency} " if q.kind == MONEY else ""
    return f"{move}{modifier}{money}{_num(q.value)} {_noun(q)}"


def _count_frame(r: Reading, q: QuantityFact) -> dict[str, Any]:
    frame: dict[str, Any] = {"value": str(q.value), "kind": q.kind, "noun": q.noun, "class": q.noun_class}
    for name in ("modifier", "currency", "trend_words", "owner"):
        if getattr(q, name):
            frame[name] = getattr(q, name)
    if q.cumulative:
        frame["cumulative"] = True
    words = r.words(q.span)
    if words:
        frame["words"] = words
    return {"claim": r.claim.id, "quantity": frame, "date": _date_of(r)}


# -- presence ------------------------------------------------------------------------------------------------


def _compare_presence(a: Reading, b: Reading, entities, settings: MatchSettings, corpus: CorpusFacts):
    """One outlet puts someone at the event, the other says they were not there."""
    gap = _gap(a.claim.when, b.claim.when)
    if gap is None or gap > settings.presence_window_days:
        return None
    for there, away in ((a, b), (b, a)):
        both = there.present & away.absent
        if both:
            who = min(both)
            return Verdict(
                CONFLICT,
                "there-and-not",
                f"{entities[who].name} was there per {_cite(there)} but not per {_cite(away)}",
                (who,),
                (_presence_frame(there, who, entities), _presence_frame(away, who, entities)),
            )
    return None


def _presence_frame(r: Reading, who: int, entities: dict[int, EntityInfo]) -> dict[str, Any]:
    said = [p for p in r.presence if _entities_named([p.who], frozenset({who}), entities)]
    p = said[0] if said else None
    frame = {"who": p.who, "present": p.present, "remote": p.remote, "rule": p.rule} if p else {}
    return {"claim": r.claim.id, "presence": frame, "date": _date_of(r)}


# -- events and days -------------------------------------------------------------------------------------------


def _compare_events(a: Reading, b: Reading, entities, settings: MatchSettings, corpus: CorpusFacts):
    """Two event frames of one class: one day corroborates, two nearby days conflict; another ordinal or
    another place is another event."""
    ea, eb = reported(a.claim.event), reported(b.claim.event)
    day_a, day_b = a.claim.day, b.claim.day
    if ea is None or eb is None or ea.kind != eb.kind or ea.negated or eb.negated:
        return None
    if day_a is None or day_b is None:
        return None
    # A claim that names no one ("The first meeting was held on May 15") is of its story's setting.
    set_in_one_place = (not a.claim.entities or not b.claim.entities) and bool(a.where & b.where)
    if not (a.claim.entities & b.claim.entities) and not set_in_one_place:
        return _same_theme(a, ea, b, eb)
    if ea.ordinal is not None and eb.ordinal is not None and ea.ordinal != eb.ordinal:
        return NOTHING  # the first round and the second
    if ea.place and eb.place and not (_place_key(ea.place) & _place_key(eb.place)):
        return NOTHING
    shared = tuple(sorted(a.claim.entities & b.claim.entities))
    frames = (_event_frame(a, ea), _event_frame(b, eb))
    sim = _similarity(a, b)
    gap = abs((day_a - day_b).days)
    if gap == 0:
        # One day in one place (named, or the stories' settings) pins the event as an ordinal does: "both texts
        # were handed to a US envoy on 15 December" and "the drafts were delivered to the US side yesterday".
        if sim >= (settings.same_day_event_at if a.where & b.where else settings.corroborate_same_day_at):
            return Verdict(CORROBORATION, "same-event-day", f"one {ea.kind} on {day_a.isoformat()}", shared, frames)
        return None
    # Two dates make an alarm only for an event both claims pin down: the same place named by both, or the same
    # ordinal ("the first round"); two meetings of the same people on two days are two meetings.
    pinned = bool(ea.place and eb.place) or (ea.ordinal is not None and eb.ordinal is not None)
    # One ordinal in one place ("the first meeting" of talks in Istanbul) names the event more surely than words.
    numbered = ea.ordinal is not None and ea.ordinal == eb.ordinal and bool(a.where & b.where)
    bar = settings.same_numbered_event_at if numbered else settings.same_event_at
    if gap <= settings.date_conflict_max_days and sim >= bar and pinned:
        return _two_dates(a, b, "event-two-dates", f"one {ea.kind}", shared, frames)
    return NOTHING  # different days: another event, however alike the words


def _two_dates(a: Reading, b: Reading, rule: str, what: str, shared: tuple[int, ...], frames) -> Verdict:
    """A conflict of one fact on two single days, the earlier first: "one meeting, two dates: ... per X, ...
    per Y"."""
    day_a, day_b = a.claim.day, b.claim.day
    assert day_a is not None and day_b is not None
    (first_day, first), (second_day, second) = sorted([(day_a, a), (day_b, b)], key=lambda p: p[0])
    said = f"{first_day.isoformat()} per {_cite(first)}, {second_day.isoformat()} per {_cite(second)}"
    return Verdict(CONFLICT, rule, f"{what}, two dates: {said}", shared, frames)


def _same_theme(a: Reading, ea: EventFact, b: Reading, eb: EventFact) -> Verdict | None:
    """Two frames of one class with no entity in common, one done to one theme on one single day ("the panel
    appointed on 3 May", "X approved the panel's make-up on 3 May"): one fact, when only one of the claims names
    anyone (two claims that each name their own are about two panels)."""
    if ea.kind not in THEMED_CLASSES or ea.theme is None or eb.theme is None or a.claim.day != b.claim.day:
        return None
    if stem(ea.theme) != stem(eb.theme):
        return None
    if a.claim.entities and b.claim.entities:
        return None
    if ea.ordinal is not None and eb.ordinal is not None and ea.ordinal != eb.ordinal:
        return None
    if ea.place and eb.place and not (_place_key(ea.place) & _place_key(eb.place)):
        return None
    day = a.claim.day.isoformat() if a.claim.day else ""
    frames = (_event_frame(a, ea), _event_frame(b, eb))
    return Verdict(CORROBORATION, "same-theme-day", f"one {ea.kind} of the {ea.theme.lower()} on {day}", (), frames)


def _place_key(place: str) -> set[str]:
    return {spelling_key(w) for w in name_key(place).split() if w}


def _where_keys(place: str) -> set[str]:
    """A place's keys without the nouns of its kind: "Korvast province" is "korvast"."""
    return _place_key(" ".join(w for w in name_key(place).split() if w not in v.PLACE_NOUNS))


def _event_frame(r: Reading, e: EventFact) -> dict[str, Any]:
    frame: dict[str, Any] = {"kind": e.kind, "words": e.words}
    if e.place:
        frame["place"] = e.place
    if e.ordinal is not None:
        frame["ordinal"] = e.ordinal
    if e.theme:
        frame["theme"] = e.theme
    return {"claim": r.claim.id, "event": frame, "date": r.claim.day.isoformat() if r.claim.day else None}


def _compare_same_day(a: Reading, b: Reading, entities, settings: MatchSettings, corpus: CorpusFacts):
    """Two claims without event frames dated to one single day, sharing an entity, in like words: one fact."""
    day_a, day_b = a.claim.day, b.claim.day
    if day_a is None or day_b is None or not (a.claim.entities & b.claim.entities):
        return None
    if _dated_by_a_noun(a.claim) or _dated_by_a_noun(b.claim):
        return None  # both mention "the July 25 call": a day of something they speak of, not of what they say
    if day_a != day_b:
        return NOTHING  # different days: another event (no frames to say more: no alarm)
    sim = _similarity(a, b)
    if sim >= settings.corroborate_same_day_at and not _numbers_differ(a, b):
        shared = tuple(sorted(a.claim.entities & b.claim.entities))
        return Verdict(
            CORROBORATION,
            "same-day",
            f"same day ({day_a.isoformat()}), similar wording ({sim:.2f})",
            shared,
            (_time_frame(a), _time_frame(b)),
        )
    return None


def _dated_by_a_noun(claim: ClaimFacts) -> bool:
    """The claim's only times are those of nouns it mentions ("his July 25 call", "Monday's vote") or of earlier
    values of its figures."""
    return bool(claim.times) and all(t.role in ("noun", "earlier") for t in claim.times)


def _time_frame(r: Reading) -> dict[str, Any]:
    said = [t.text for t in r.claim.times]
    return {
        "claim": r.claim.id,
        "time": said[0] if said else None,
        "date": r.claim.day.isoformat() if r.claim.day else None,
    }


def _one_kind_of_event(a: Reading, b: Reading) -> bool:
    """Both claims report one kind of event: stored event frames of one class (and ordinal); a claim without one
    reports no event (its words are not read again for one)."""
    if SETTING in {e.rule for e in (a.claim.event, b.claim.event) if e is not None}:
        return False  # "at the summit, A offered ..." and "B follows from the summit's declaration": two facts
    ea, eb = a.claim.event, b.claim.event
    if ea is None or eb is None:
        return False
    same_ordinal = ea.ordinal is None or eb.ordinal is None or ea.ordinal == eb.ordinal
    return ea.kind == eb.kind and not (ea.negated or eb.negated) and same_ordinal


# -- wording ---------------------------------------------------------------------------------------------------


def _numbers_differ(a: Reading, b: Reading) -> bool:
    """Both claims state numbers, and not the same ones: alike words about different quantities ("$129" and
    "$9.99", a 16-inch and a 15-inch screen) are no corroboration."""
    values_a, values_b = {q.value for q in a.claim.quantities}, {q.value for q in b.claim.quantities}
    return bool(values_a) and bool(values_b) and values_a != values_b


def _one_counts(a: Reading, b: Reading) -> bool:
    """One claim states what someone has or took, a count with its owner, and the other states no number:
    "Labour took 52 seats" is not what "Labour has governed since 2017" says, however alike the names make
    their words. A count that only sets the scene ("advisers from more than a dozen governments met") has no
    owner and decides nothing."""
    owned_a = any(q.owner for q in a.claim.quantities)
    owned_b = any(q.owner for q in b.claim.quantities)
    return (owned_a and not b.claim.quantities) or (owned_b and not a.claim.quantities)


def _compare_wording(a: Reading, b: Reading, entities, settings: MatchSettings, corpus: CorpusFacts):
    if not _times_compatible(a.claim, b.claim, settings) or _numbers_differ(a, b):
        return None
    sim = _similarity(a, b)
    shared = tuple(sorted(a.claim.entities & b.claim.entities))
    # The place both claims say the meeting was in, whoever else each names there; a country both merely
    # name ("Velmora proposed talks", "aid for Velmora") makes no two claims one meeting.
    places = [e for e in shared if entities.get(e) and entities[e].type == "place" and e in a.located & b.located]
    if places and sim >= settings.same_place_event_at and _one_kind_of_event(a, b):
        where = entities[places[0]].name
        return Verdict(
            CORROBORATION, "meeting-place", f"one meeting in {where} at one time, similar wording ({sim:.2f})", shared
        )
    if _each_names_its_own(a, b, entities):
        return None  # "agreements with Italy" and "agreements with Britain, Germany and France"
    if sim >= settings.corroborate_at and (shared or sim >= 0.9) and not _one_counts(a, b):
        return Verdict(CORROBORATION, "wording", f"similar wording ({sim:.2f})", shared)
    return None


SLOTS: tuple[Rule, ...] = (
    _compare_roles,
    _compare_counts,
    _compare_presence,
    _compare_events,
    _compare_same_day,
    _compare_wording,
)


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


def _cite(reading: Reading) -> str:
    """The outlet and its publication date: "Daily Planet (published 2024-04-29)"."""
    return _cite_claim(reading.claim)


def _cite_claim(claim: ClaimFacts) -> str:
    published = claim.published
    return f"{claim.outlet} ({'published ' + published.isoformat() if published else 'undated'})"


def _num(value: float | Decimal) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:,}"


def _clusters(pairs: list[tuple[float, int, int, Verdict]], claims: dict[int, ClaimFacts], result: MatchResult) -> None:
    """Corroborating pairs joined into clusters, most alike first; two claims of one source never share a
    cluster (a source does not state one fact twice), so a chain cannot join two different facts."""
    parent: dict[int, int] = {}
    sources: dict[int, set[int]] = {}

    def root(x: int) -> int:
        if x not in parent:
            parent[x] = x
            sources[x] = {claims[x].source_id}
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    kept = []
    for _score, a, b, verdict in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        ra, rb = root(a), root(b)
        if ra == rb or sources[ra] & sources[rb]:
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        sources[keep] |= sources.pop(gone)
        kept.append((a, verdict))
    members: dict[int, list[int]] = defaultdict(list)
    for claim in parent:
        members[root(claim)].append(claim)
    verdicts: dict[int, list[Verdict]] = defaultdict(list)
    for a, verdict in kept:
        verdicts[root(a)].append(verdict)
    for cluster, ids in members.items():
        if len(ids) < 2:
            continue
        ids.sort()
        for claim in ids:
            result.clusters[claim] = ids[0]
        outlets = sorted({claims[i].outlet for i in ids})
        quoted = "; ".join(f"“{claims[i].text}” ({_cite_claim(claims[i])})" for i in ids[:4])
        more = f" and {len(ids) - 4} more" if len(ids) > 4 else ""
        why = "; ".join(dict.fromkeys(vd.explanation for vd in verdicts[cluster]))[:300]
        rules = list(dict.fromkeys(vd.rule for vd in verdicts[cluster]))
        frames = list({(f["claim"], repr(f)): f for vd in verdicts[cluster] for f in vd.frames}.values())
        entities = sorted(set.intersection(*(set(claims[i].entities) for i in ids)))
        result.links.append(
            Link(
                CORROBORATION,
                tuple(ids),
                tuple(entities),
                f"{len(outlets)} outlets state this: {quoted}{more} ({why}).",
                f"{CORROBORATION}:{ids[0]}",
                _rule_name(rules),
                tuple(sorted(frames, key=lambda f: f["claim"])),
            )
        )


RULE_NAME_WIDTH = 40  # flags.rule


def _rule_name(rules: list[str]) -> str:
    """The rules that joined a cluster, "+"-joined while they fit the stored column, else the first."""
    joined = "+".join(rules)
    return joined if len(joined) <= RULE_NAME_WIDTH else rules[0]
