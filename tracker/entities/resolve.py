"""Entities across the corpus: each article's local entities joined into one entity per person, body or place.

Candidates meet through blocking keys (the consonant skeleton of the surname and its one-letter deletions), so
the work grows with the number of names, not its square. Each pair of person names is scored by comparison
levels (``config.EntitySettings``): surname spelling, first names, middle initials, shared titles. Pairs are
merged best first, and a merge that would put two incompatible names in one entity ("Marta Kovalenko" and
"Ivan Kovalenko") is refused, so transitivity never sneaks one in. A surname alone joins the one person of the
corpus it can mean. Editors' assertions come first: a name an editor put in an entity is pinned there, a name
an editor took out is kept out.

Candidates alike in everything resolution looks at (name, type, forms, titles, strength) are resolved as one:
a name a thousand sources write the same way costs what one does, and the outcome depends on what the candidates
are, never on their ids or the order they came in. Resolution only ever brings together candidates that share a
key of ``blocking_keys`` (or an editor's entity), so a corpus splits into neighbourhoods that resolve alone: a
new source's candidates need only the stored candidates that share a key with them, and resolving those alone
gives what resolving the whole corpus gives.

Pure: candidates and assertions in, groups with their reasons out.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from tracker.config import ENTITIES, EntitySettings
from tracker.entities.local import STRONG_VOTE, WEAK_VOTE
from tracker.entities.personal import (
    PersonalName,
    bare_surname,
    first_names_agree,
    forms_of,
    is_acronym,
    middles_agree,
    same_surname,
    surname_similarity,
    undotted,
)
from tracker.entities.personal import parse as parse_name
from tracker.entities.recognise import ORGANIZATION, OTHER, PERSON, PLACE
from tracker.entities.romanise import key_blocks, labels, plain, thing_key


@lru_cache(maxsize=1 << 16)
def parse(name: str) -> PersonalName:
    """A person's name in its parts (``personal.parse``), each name parsed once: a corpus writes few names often."""
    return parse_name(name)


def name_key(name: str) -> str:
    """How names are compared for assertions and aliases: case, accents, quotes and spacing folded."""
    folded = unicodedata.normalize("NFKC", name).replace("’", "'").casefold()
    return " ".join(folded.replace("(", " ").replace(")", " ").split())


@dataclass(frozen=True)
class Candidate:
    """One article's entity, with what resolution needs to know of its context."""

    id: int
    name: str
    type: str
    forms: tuple[str, ...]
    titles: tuple[str, ...] = ()
    strong: bool = False
    previous_entity: int | None = None


@dataclass(frozen=True)
class Assertion:
    """An editor's word: ``name`` is (or is not) entity ``entity_id``."""

    entity_id: int
    name: str
    positive: bool = True


@dataclass
class Group:
    """Resolved entity: its members (candidate ids), the entity id it keeps (None: new) and why each joined."""

    members: list[int]
    entity_id: int | None = None
    reasons: dict[int, str] = field(default_factory=dict)


def resolve(
    candidates: list[Candidate], assertions: Sequence[Assertion] = (), settings: EntitySettings = ENTITIES
) -> list[Group]:
    """Groups of the candidates, each keeping the entity id most of its members had (or an editor's).

    Alike candidates are resolved as one, in the order of what they are (not of their ids). Identical full
    names and identical names of things would have merged anyway; identical lone surnames and other names
    that are no full name stay one entity per source unless they join someone or an editor pinned them.
    """
    alike: dict[tuple, list[Candidate]] = {}
    for c in sorted(candidates, key=lambda c: c.id):
        alike.setdefault(signature(c), []).append(c)
    signatures = sorted(alike)
    reps = [Candidate(i, *sig) for i, sig in enumerate(signatures)]
    groups: list[Group] = []
    for g in _Resolver(reps, list(assertions), settings).run():
        classes = [alike[signatures[rep]] for rep in g.members]
        if len(classes) == 1 and g.entity_id is None and not _merges_alike(reps[g.members[0]]):
            groups.extend(Group([c.id], None, {c.id: ""}) for c in classes[0])
            continue
        reasons: dict[int, str] = {}
        for rep, (first, *copies) in zip(g.members, classes, strict=True):
            why = g.reasons.get(rep, "")
            reasons[first.id] = why
            for c in copies:
                reasons[c.id] = why or _alike_reason(first, settings)
        # The earliest source founds the entity; the others say why they joined.
        founder = min(reasons)
        other = next((m for m in sorted(reasons) if not reasons[m]), None)
        if other is not None:
            reasons[founder], reasons[other] = reasons[other], reasons[founder]
        groups.append(Group(sorted(reasons), g.entity_id, reasons))
    groups.sort(key=lambda g: g.members[0])
    _keep_previous_ids(groups, {c.id: c for c in candidates})
    return groups


@dataclass(frozen=True)
class Alike:
    """``count`` candidates alike in everything resolution looks at (one ``signature``) that were in one entity
    before: ``candidate`` stands for them all, its id the lowest of theirs, its ``previous_entity`` theirs."""

    candidate: Candidate
    count: int = 1


@dataclass
class AlikeGroup:
    """A resolved entity as ``resolve_alike`` gives it: its members (``Alike`` s), the entity id it keeps (None:
    new) and, by each member's id, why its lowest candidate joined and why the others did."""

    members: list[Alike]
    entity_id: int | None = None
    reasons: dict[int, tuple[str, str]] = field(default_factory=dict)


def resolve_alike(
    members: list[Alike],
    assertions: Sequence[Assertion] = (),
    settings: EntitySettings = ENTITIES,
    one_by_one: Callable[[list[Alike]], list[Alike]] = lambda alike: alike,
) -> list[AlikeGroup]:
    """What ``resolve`` gives, with alike candidates read as one (``Alike``): the work grows with the number
    of kinds of candidates, not with how many there are. ``one_by_one`` breaks these members into one member
    per candidate: alike candidates that are no entity together (see ``resolve``) need their ids.
    """
    alike: dict[tuple, list[Alike]] = {}
    for a in sorted(members, key=lambda a: a.candidate.id):
        alike.setdefault(signature(a.candidate), []).append(a)
    signatures = sorted(alike)
    reps = [Candidate(i, *sig) for i, sig in enumerate(signatures)]
    groups: list[AlikeGroup] = []
    for g in _Resolver(reps, list(assertions), settings).run():
        classes = [alike[signatures[rep]] for rep in g.members]
        if len(classes) == 1 and g.entity_id is None and not _merges_alike(reps[g.members[0]]):
            groups.extend(AlikeGroup([one], None, {one.candidate.id: ("", "")}) for one in one_by_one(classes[0]))
            continue
        reasons: dict[int, tuple[str, str]] = {}
        firsts: dict[int, str] = {}  # the lowest candidate of each class -> why it joined
        for rep, cls in zip(g.members, classes, strict=True):
            why = g.reasons.get(rep, "")
            first = cls[0].candidate
            copies = why or (_alike_reason(first, settings) if len(cls) > 1 or cls[0].count > 1 else "")
            firsts[first.id] = why
            for a in cls:
                reasons[a.candidate.id] = (why if a.candidate is first else copies, copies)
        # The earliest source founds the entity; the others say why they joined. Only the lowest candidate of
        # a class can join for no reason (its copies join for being alike), and the lowest of all is one.
        founder = min(firsts)
        other = next((m for m in sorted(firsts) if not firsts[m]), None)
        if other is not None:
            reasons[founder] = (firsts[other], reasons[founder][1])
            reasons[other] = (firsts[founder], reasons[other][1])
        groups.append(
            AlikeGroup(sorted((a for cls in classes for a in cls), key=lambda a: a.candidate.id), g.entity_id, reasons)
        )
    groups.sort(key=lambda g: g.members[0].candidate.id)

    def votes(g: AlikeGroup) -> tuple[Counter[int], int]:
        counts: Counter[int] = Counter()
        for a in g.members:
            if a.candidate.previous_entity is not None:
                counts[a.candidate.previous_entity] += a.count
        return counts, sum(a.count for a in g.members)

    _give_previous_ids(groups, votes)
    return groups


def signature(c: Candidate) -> tuple[str, str, tuple[str, ...], tuple[str, ...], bool]:
    """What resolution sees of a candidate (the order of forms counts: an editor's pin takes the first)."""
    return (c.name, c.type, tuple(c.forms), tuple(sorted(set(c.titles))), bool(c.strong))


def _merges_alike(c: Candidate) -> bool:
    """Two candidates alike in everything are one entity: a full name or a thing's name (not a lone surname)."""
    return not _is_person(c) or parse(c.name).full


def _alike_reason(c: Candidate, settings: EntitySettings) -> str:
    if not _is_person(c):
        return f"same name {c.name!r}"
    name = parse(c.name)
    return score_people(name, name, c.titles, c.titles, settings)[1]


# Which stored keys a candidate's key meets: a candidate with "f:x" (a full name's surname) is resolved with those
# with "l:x" (a lone surname that may be it), "a:x" (an acronym) with "b:x" (a body it may abbreviate); a block
# ("p:", "t:") with itself, and "n:" (names, for editors' words) with nothing by itself.
MEETS = {"p": "p", "t": "t", "f": "l", "l": "f", "a": "b", "b": "a"}


def blocking_keys(c: Candidate) -> set[str]:
    """Every key through which resolution may bring this candidate together with another (see ``MEETS``).

    Stored and indexed, they find a new candidate's neighbours: the blocks its pairs are scored in ("p:" for a
    person's surname, "t:" for a thing's name), the surname of a full name ("f:") or of a name that may be a
    surname alone ("l:"), its acronym ("a:") or the acronyms a body may be written as ("b:"), and its names and
    forms as editors' assertions name them ("n:").
    """
    keys = {"n:" + name_key(c.name)} | {"n:" + name_key(f) for f in c.forms}
    keys.update(_pair_keys(c))
    if _is_person(c):
        name = parse(c.name)
        if name.full:
            keys.update("f:" + k for k in name.surname_keys)
    if _may_be_lone(c):
        keys.update("l:" + k for k in parse(c.name).surname_keys)
    if not _is_person(c):
        if is_acronym(undotted(c.name)):
            keys.add("a:" + undotted(c.name).upper())
        keys.update("b:" + a for a in _spelt_acronyms(c))
    keys.discard("n:")
    return keys


def may_merge(a: Candidate, b: Candidate, settings: EntitySettings = ENTITIES) -> bool:
    """Whether a pair that meets in a block scores enough to be merged (as resolution scores it: the candidate
    first in the order of what candidates are, first)."""
    first, second = signature(a), signature(b)
    if first == second:
        return _merges_alike(a)
    if second < first:
        a, b = b, a
    if not (_is_person(a) and _is_person(b)):
        name_a = parse(a.name) if _is_person(a) else None
        name_b = parse(b.name) if _is_person(b) else None
        return _pair_score(a, b, name_a, name_b, settings)[0] >= settings.merge_at
    return people_may_merge(a.name, _title_words(a.titles), b.name, _title_words(b.titles), settings)


def people_may_merge(
    name_a: str, words_a: frozenset[str], name_b: str, words_b: frozenset[str], settings: EntitySettings = ENTITIES
) -> bool:
    """``may_merge`` of two people not alike in everything, by their names and the words of their titles
    (``title_words``): the names scored once for every pair of them, titles adding what they add
    (``score_people``)."""
    return names_score(name_a, name_b, settings) + titles_score(words_a, words_b, settings) >= settings.merge_at


def names_score(name_a: str, name_b: str, settings: EntitySettings = ENTITIES) -> float:
    """What two people's names add to their score (``people_may_merge``)."""
    if name_b < name_a:  # the order may_merge scores them in (that of what they are: names first)
        name_a, name_b = name_b, name_a
    return _names_score(name_a, name_b, settings)


def titles_score(words_a: frozenset[str], words_b: frozenset[str], settings: EntitySettings = ENTITIES) -> float:
    """What two people's titles add to their score (``people_may_merge``): a word of office shared."""
    return settings.shared_title if words_a & words_b else 0.0


def titles_at_most(settings: EntitySettings = ENTITIES) -> float:
    """The most ``titles_score`` gives any pair: a name scoring less than ``merge_at`` by more is no match."""
    return max(0.0, settings.shared_title)


@lru_cache(maxsize=1 << 16)
def _names_score(a: str, b: str, settings: EntitySettings) -> float:
    """``score_people`` of two names without titles: a block meets the same names under many titles."""
    return score_people(parse(a), parse(b), (), (), settings)[0]


def _pair_score(
    ca: Candidate, cb: Candidate, name_a: PersonalName | None, name_b: PersonalName | None, settings: EntitySettings
) -> tuple[float, str]:
    if name_a is None or name_b is None:
        if name_a is not None or name_b is not None:
            return float("-inf"), ""
        if name_key(undotted(ca.name)) == name_key(undotted(cb.name)):
            return settings.merge_at, f"same name {ca.name!r}"
        if is_acronym(ca.name) or is_acronym(cb.name) or labels(ca.name) != labels(cb.name):
            return float("-inf"), ""  # letters, not a word romanised: "NY" is not "NJ", "Group E" not "Group J"
        return settings.merge_at, f"{cb.name!r} is {ca.name!r} in another romanisation"
    return score_people(name_a, name_b, ca.titles, cb.titles, settings)


def profile(
    name: str, kind: str, strong: bool, mentions: Iterable[tuple[str, str | None]]
) -> tuple[str, str, frozenset[str]]:
    """What resolution reads of an article entity's mentions ((text, title text or None), in the order written):
    its forms with how often (JSON), its titles (JSON) and its blocking keys. Made where the article is prepared
    (``entities.article_entities``), and again from the stored mentions by a full rebuild."""
    forms: Counter[str] = Counter()
    titles: list[str] = []
    for text, title in mentions:
        forms.update(forms_of(text))
        if title and title not in titles:
            titles.append(title)
    keys = blocking_keys(Candidate(0, name, kind, tuple(forms), tuple(titles), strong))
    return json.dumps(dict(forms)), json.dumps(titles), frozenset(keys)


def _pair_keys(c: Candidate) -> set[str]:
    """The blocks of pairs scored: surname keys of a full name, the key of a thing's name."""
    if _is_person(c):
        name = parse(c.name)
        if not name.full:
            return set()
        return {"p:" + key for sk in name.surname_keys for key in key_blocks(sk)}
    return {"t:" + thing_key(c.name)}


def _spelt_alike(lone: str, surname: str) -> bool:
    return plain(bare_surname(lone)) == plain(bare_surname(surname))


def _may_be_lone(c: Candidate) -> bool:
    """A name of one word that may be a surname alone."""
    return len(c.name.split()) == 1 and not (c.type not in (PERSON, OTHER) and c.strong)


def _spelt_acronyms(c: Candidate) -> set[str]:
    """The acronyms a body's name of several words may be written as: an acronym form, its initials."""
    if _is_person(c) or len(c.name.split()) < 2:
        return set()
    return {form.upper() for form in c.forms if is_acronym(form)} | _initials(c.name)


class _Resolver:
    def __init__(self, candidates: list[Candidate], assertions: list[Assertion], settings: EntitySettings):
        self.settings = settings
        self.by_id = {c.id: c for c in candidates}
        self.names = {c.id: parse(c.name) for c in candidates if _is_person(c)}
        self.parent = {c.id: c.id for c in candidates}
        self.members = {c.id: [c.id] for c in candidates}
        self.reasons: dict[int, str] = {}
        self.pinned: dict[int, int] = {}  # root -> entity id
        self.banned: dict[int, set[str]] = defaultdict(set)  # entity id -> name keys kept out
        positive: dict[str, int] = {}
        for a in assertions:
            if a.positive:
                positive.setdefault(name_key(a.name), a.entity_id)
            else:
                self.banned[a.entity_id].add(name_key(a.name))
        self.positive = positive

    # -- the steps ---------------------------------------------------------------------------------------

    def run(self) -> list[Group]:
        self._pin_asserted()
        self._merge_pairs()
        self._join_lone_surnames()
        self._join_acronyms()
        return self._groups()

    def _pin_asserted(self) -> None:
        """A name an editor put in an entity goes there: full names first, then other forms."""
        by_entity: dict[int, list[int]] = defaultdict(list)
        for c in self.by_id.values():
            keys = [name_key(c.name)] + [name_key(f) for f in c.forms]
            entity = next((self.positive[k] for k in keys if k in self.positive), None)
            if entity is not None and not (self.banned[entity] & set(keys)):
                by_entity[entity].append(c.id)
        for entity, ids in by_entity.items():
            first = ids[0]
            self.pinned[self._root(first)] = entity
            self.reasons[first] = f"an editor put {self.by_id[first].name!r} in this entity"
            for other in ids[1:]:
                self._union(first, other, f"an editor put {self.by_id[other].name!r} in this entity")

    def _merge_pairs(self) -> None:
        scored = []
        for a, b in self._candidate_pairs():
            score, why = self._score(a, b)
            if score >= self.settings.merge_at:
                scored.append((score, a, b, why))
        scored.sort(key=lambda item: (-item[0], item[1], item[2]))
        for _score, a, b, why in scored:
            if self._compatible(a, b):
                self._union(a, b, why)

    def _join_lone_surnames(self) -> None:
        """A surname alone ("Hnatiuk") joins the one person of the corpus it can mean, if only one."""
        s = self.settings
        full = [c for c in self.names if self.names[c].full]
        by_surname: dict[str, list[int]] = defaultdict(list)
        for c in full:
            for key in self.names[c].surname_keys:
                by_surname[key].append(c)
        for root in list(self.members):
            if root not in self.members or root in self.pinned:
                continue
            group = [self.by_id[m] for m in self.members[root]]
            if not all(_may_be_lone(c) for c in group):
                continue
            lone = group[0].name
            # a capitalised word no article reads as a person's may be a surname only as that person spells it
            # ("Hnatiuk"), never by a near spelling ("God" is not "Hood", nor "Web" "Webb")
            exact = not any(c.type == PERSON for c in group)
            roots = {
                self._root(m)
                for key in parse(lone).surname_keys
                for m in by_surname.get(key, [])
                if not exact or _spelt_alike(lone, self.names[m].surname)
            }
            roots.discard(root)
            if len(roots) != 1:
                continue  # no one, or several people it could mean ("Kovalenko")
            target = roots.pop()
            score = s.surname_same + s.first_missing
            if score >= s.surname_alone_at and self._compatible(root, target):
                self._union(target, root, f"surname {lone!r} alone; the only person of the corpus it can mean")

    def _join_acronyms(self) -> None:
        """An acronym alone ("NABU", "U.S.") joins the one body or place of the corpus it abbreviates: one written
        with that acronym as a second form, or whose initials spell it. Two it could stand for: it joins
        neither."""
        spelt: dict[str, set[int]] = defaultdict(set)
        for c in self.by_id.values():
            for acronym in _spelt_acronyms(c):
                spelt[acronym].add(c.id)
        for root in list(self.members):
            if root not in self.members or root in self.pinned:
                continue
            group = [self.by_id[m] for m in self.members[root]]
            names = {undotted(c.name).upper() for c in group}
            if len(names) != 1 or not all(is_acronym(undotted(c.name)) and not _is_person(c) for c in group):
                continue
            acronym = names.pop()
            roots = {self._root(m) for m in spelt.get(acronym, ())}
            roots.discard(root)
            if len(roots) != 1:
                continue
            target = roots.pop()
            if self._may_abbreviate(target, root) and self._compatible(target, root):
                full = self.by_id[target].name
                self._union(target, root, f"{acronym} alone; the only name of the corpus it abbreviates: {full!r}")

    def _may_abbreviate(self, full: int, acronym: int) -> bool:
        """No member of the two groups is surely a person, nor are they surely a place and a body (a country's
        acronym is not a body's); a place's acronym is written with stops ("U.S.", "S.D."), where two bare
        capitals ("CA" beside "Central Avenue") may stand for many things."""
        sure = {
            self.by_id[m].type for r in (full, acronym) for m in self.members[self._root(r)] if self.by_id[m].strong
        }
        if PERSON in sure or {PLACE, ORGANIZATION} <= sure:
            return False
        dotted = any(undotted(self.by_id[m].name) != self.by_id[m].name for m in self.members[self._root(acronym)])
        return PLACE not in sure or dotted

    # -- scoring -----------------------------------------------------------------------------------------

    def _candidate_pairs(self) -> set[tuple[int, int]]:
        blocks: dict[str, list[int]] = defaultdict(list)
        for c in self.by_id.values():
            for key in _pair_keys(c):
                blocks[key].append(c.id)
        pairs = set()
        for ids in blocks.values():
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    pairs.add((min(a, b), max(a, b)))
        return pairs

    def _score(self, a: int, b: int) -> tuple[float, str]:
        return _pair_score(self.by_id[a], self.by_id[b], self.names.get(a), self.names.get(b), self.settings)

    def _compatible(self, a: int, b: int) -> bool:
        """Would joining the groups of a and b keep every pair of names in them possibly one person?"""
        ra, rb = self._root(a), self._root(b)
        if ra == rb:
            return False
        if ra in self.pinned and rb in self.pinned and self.pinned[ra] != self.pinned[rb]:
            return False
        for root, other in ((ra, rb), (rb, ra)):
            entity = self.pinned.get(root)
            if entity is not None and self.banned[entity] & self._keys(other):
                return False
        people_a = [self.names[m] for m in self.members[ra] if m in self.names and self.names[m].full]
        people_b = [self.names[m] for m in self.members[rb] if m in self.names and self.names[m].full]
        for x in people_a:
            for y in people_b:
                if not _same_person_possible(x, y, self.settings):
                    return False
        return True

    def _keys(self, root: int) -> set[str]:
        keys = set()
        for m in self.members[root]:
            keys.add(name_key(self.by_id[m].name))
            keys.update(name_key(f) for f in self.by_id[m].forms)
        return keys

    # -- union-find --------------------------------------------------------------------------------------

    def _root(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def _union(self, a: int, b: int, why: str) -> None:
        ra, rb = self._root(a), self._root(b)
        if ra == rb:
            return
        if (len(self.members[ra]) < len(self.members[rb]) and rb not in self.pinned) or (
            ra not in self.pinned and (rb in self.pinned)
        ):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        if rb in self.pinned:
            self.pinned[ra] = self.pinned.pop(rb)
        self.reasons.setdefault(b, why)

    def _groups(self) -> list[Group]:
        groups = []
        for root, members in self.members.items():
            groups.append(Group(sorted(members), self.pinned.get(root), {m: self.reasons.get(m, "") for m in members}))
        _keep_previous_ids(groups, self.by_id)
        groups.sort(key=lambda g: g.members[0])
        return groups


def score_people(
    a: PersonalName, b: PersonalName, titles_a=(), titles_b=(), settings: EntitySettings = ENTITIES
) -> tuple[float, str]:
    """The comparison-level score of two person names, and the reasons in words."""
    s = settings
    reasons = []
    if same_surname(a, b):
        score = s.surname_same
        reasons.append(
            f"surname {a.surname} = {b.surname}"
            if a.surname == b.surname
            else f"surname {a.surname} ~ {b.surname} (romanisation)"
        )
    else:
        alike = surname_similarity(a, b)
        if alike < s.surname_close_at:
            return float("-inf"), ""
        score = s.surname_close
        reasons.append(f"surname {a.surname} ~ {b.surname} ({alike:.2f})")
    level = first_names_agree(a.first, b.first, s.first_close_at)
    score += _first_weight(level, s)
    if level in {"same", "equivalent", "close", "initial"}:
        reasons.append(f"first name {a.first} ~ {b.first}" if a.first != b.first else f"first name {a.first}")
    if not middles_agree(a.middle, b.middle):
        score += s.middle_different
    shared = _title_words(titles_a) & _title_words(titles_b)
    if shared:
        score += s.shared_title
        reasons.append("both titled " + ", ".join(sorted(shared)))
    return score, "; ".join(reasons)


def _first_weight(level: str, s: EntitySettings) -> float:
    """What a level of first names (``first_names_agree``) adds to a pair's score."""
    return {
        "same": s.first_same,
        "equivalent": s.first_equivalent,
        "close": s.first_close,
        "initial": s.first_initial,
        "missing": s.first_missing,
        "different": s.first_different,
    }[level]


def names_could_reach(name_a: str, name_b: str, bar: float, settings: EntitySettings = ENTITIES) -> bool:
    """Whether ``names_score`` of two people could reach ``bar``, read from their first and middle names with the
    best a surname scores: a bound, cheaper than the score (the surnames are not compared), never below it."""
    a, b = parse(name_a), parse(name_b)
    best = max(settings.surname_same, settings.surname_close) + _first_level_weight(a.first, b.first, settings)
    if not middles_agree(a.middle, b.middle):
        best += settings.middle_different
    return best >= bar


@lru_cache(maxsize=1 << 16)
def _first_level_weight(a: str | None, b: str | None, settings: EntitySettings) -> float:
    return _first_weight(first_names_agree(a, b, settings.first_close_at), settings)


def _same_person_possible(a: PersonalName, b: PersonalName, settings: EntitySettings) -> bool:
    if not same_surname(a, b) and surname_similarity(a, b) < settings.surname_close_at:
        return False
    return first_names_agree(a.first, b.first, settings.first_close_at) != "different" and middles_agree(
        a.middle, b.middle
    )


_TITLE_STOP = frozenset({"of", "the", "to", "for", "and", "a", "an", "on", "at"})


def _title_words(titles) -> frozenset[str]:
    return _words_of_titles(tuple(titles))


def title_words(titles: tuple[str, ...]) -> frozenset[str]:
    """The words of office in these titles (what a shared title is judged by)."""
    return _words_of_titles(titles)


@lru_cache(maxsize=1 << 16)
def _words_of_titles(titles: tuple[str, ...]) -> frozenset[str]:
    words: set[str] = set()
    for title in titles:
        words.update(w.lower() for w in title.replace(",", " ").split() if w.lower() not in _TITLE_STOP)
    return frozenset(words)


_INITIALS_STOP = frozenset(
    {"of", "the", "for", "and", "on", "in", "at", "to", "a", "an", "de", "du", "des", "la", "le"}
)


def _initials(name: str) -> set[str]:
    """The acronyms a body's name can give: its words' initials, with and without small words, hyphened
    parts as one word or as two ("National Anti-Corruption Bureau of Ukraine" -> NABU, NACBU, NABOU...)."""
    words = [w for w in re.split(r"\s+", name) if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    out = set()
    for split_hyphens in (False, True):
        parts = [p for w in words for p in (re.split(r"-", w) if split_hyphens else [w]) if p]
        for drop_small in (False, True):
            kept = [p for p in parts if not (drop_small and p.lower() in _INITIALS_STOP)]
            letters = "".join(p[0] for p in kept if p[0].isalpha())
            if len(letters) >= 2:
                out.add(letters.upper())
    return out


def _is_person(c: Candidate) -> bool:
    return c.type == PERSON


def _keep_previous_ids(groups: list[Group], by_id: dict[int, Candidate]) -> None:
    """Entity ids stay stable across runs: a group keeps the id most of its members had before."""

    def votes(g: Group) -> tuple[Counter[int], int]:
        return Counter(e for m in g.members if (e := by_id[m].previous_entity) is not None), len(g.members)

    _give_previous_ids(groups, votes)


def _give_previous_ids(groups: Sequence[Group | AlikeGroup], votes: Callable) -> None:
    """Each group without an id takes the one most of its members had, ``votes(group)`` giving (how many members
    had each entity, how many members); the groups in the order of their first members."""
    taken = {g.entity_id for g in groups if g.entity_id is not None}
    wishes = []
    for index, g in enumerate(groups):
        if g.entity_id is not None:
            continue
        counts, size = votes(g)
        for entity, count in counts.items():
            wishes.append((count, size, index, entity))
    wishes.sort(key=lambda w: (-w[0], -w[1], w[2]))
    for _count, _size, index, entity in wishes:
        if groups[index].entity_id is None and entity not in taken:
            groups[index].entity_id = entity
            taken.add(entity)


def describe(
    members: list[Candidate], forms: dict[int, Counter[str]], alike: dict[int, int] | None = None
) -> tuple[str, str]:
    """An entity's name and type.

    The name is the full form most sources write, ties going to the surname spelling most sources use, then
    to the form written most often; the type is the vote of its members. ``alike``: how many candidates each
    member stands for (``Alike``; one when not given).
    """
    sources_writing: Counter[str] = Counter()
    written: Counter[str] = Counter()
    surnames: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    for m in members:
        times = 1 if alike is None else alike[m.id]
        seen = forms.get(m.id) or Counter({m.name: 1})
        written.update({f: n * times for f, n in seen.items()})
        sources_writing.update(dict.fromkeys(seen, times))
        for f in seen:
            surnames[plain(f.split()[-1])] += times
        votes[m.type] += (STRONG_VOTE if m.strong else WEAK_VOTE) * times
    full = [f for f in written if len(f.split()) > 1] or list(written)
    name = max(full, key=lambda f: (sources_writing[f], surnames[plain(f.split()[-1])], written[f], len(f), f))
    if any(m.type == PERSON and len(m.name.split()) > 1 for m in members):
        kind = PERSON
    else:
        kind = max(votes, key=lambda t: (votes[t], t != OTHER, t)) if votes else OTHER
    return name, kind
