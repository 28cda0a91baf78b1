"""Reads for matching (claims with their stored facts, entities' mentions, stored keys and pair verdicts) and
writes of its result (keys, pair verdicts, clusters, flags). Matching itself runs in ``match.run``.

Readers take ``ids`` (claims) to read only those, in chunks; without them they read every claim of an original.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import case, delete, func, or_, select, tuple_, update
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from tracker.store.db import insert_rows
from tracker.store.flag_repo import FlagDraft, sync_flags
from tracker.store.models import (
    Claim,
    ClaimEntity,
    ClaimEvent,
    ClaimKey,
    ClaimLink,
    ClaimOwner,
    ClaimPresence,
    ClaimQuantity,
    ClaimRole,
    ClaimTime,
    Entity,
    EntityKind,
    MatchedEntity,
    MatchedForm,
    Mention,
    Outlet,
    Source,
    SourceEntity,
)

# A claim's source is an original: written so that the planner reads the claims asked for by id, never every
# original through the index on duplicate_of_id.
_ORIGINAL = func.coalesce(Source.duplicate_of_id, 0) == 0
CHUNK = 500  # ids per IN (...): well under every database's limit of bound parameters
SIZES_PER_STATEMENT = 100  # capped counts per UNION ALL: under SQLite's 500 terms of a compound SELECT
T = TypeVar("T")


def chunks(ids: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    batch: list[T] = []
    for i in ids:
        batch.append(i)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(session: Session, model: Any, batch: list[dict[str, Any]]) -> None:
    """Insert plain rows without the ORM (its bulk path costs several times more): ``db.insert_rows``."""
    insert_rows(session, model, batch)


def _by_claims(session: Session, query, column, ids: Sequence[int] | None) -> Iterator[Any]:
    """Rows of ``query`` (where ``column`` is one of ``ids``, in chunks; all rows without ids)."""
    if ids is None:
        yield from session.execute(query)
        return
    for chunk in chunks(sorted(set(ids))):
        yield from session.execute(query.where(column.in_(chunk)))


def claim_entity_links(session: Session, ids: Sequence[int] | None = None) -> Iterator[tuple[int, int]]:
    """(claim id, entity id) of every claim (of these) linked to an entity."""
    query = (
        select(ClaimEntity.claim_id, SourceEntity.entity_id)
        .join(SourceEntity, SourceEntity.id == ClaimEntity.source_entity_id)
        .where(SourceEntity.entity_id.is_not(None))
    )
    for claim_id, entity_id in _by_claims(session, query, ClaimEntity.claim_id, ids):
        assert entity_id is not None  # the query keeps linked rows only
        yield claim_id, entity_id


def _ids_where(session: Session, query, column, values: Iterable[Any]) -> set[int]:
    """The ids ``query`` selects where ``column`` is one of ``values`` (chunked)."""
    found: set[int] = set()
    for chunk in chunks(sorted(set(values))):
        found.update(session.scalars(query.where(column.in_(chunk))))
    return found


def claims_of_entities(session: Session, entity_ids: Iterable[int]) -> set[int]:
    """Claims linked to any of these entities now."""
    query = select(ClaimEntity.claim_id).join(SourceEntity, SourceEntity.id == ClaimEntity.source_entity_id)
    return _ids_where(session, query, SourceEntity.entity_id, entity_ids)


def _rows(session: Session, model, ids: Sequence[int] | None, *order) -> list[Any]:
    query = select(model).order_by(*order) if order else select(model)
    return [row for (row,) in _by_claims(session, query, model.claim_id, ids)]


def roles(session: Session, ids: Sequence[int] | None = None) -> list[ClaimRole]:
    return _rows(session, ClaimRole, ids)


def quantities(session: Session, ids: Sequence[int] | None = None) -> list[ClaimQuantity]:
    return _rows(session, ClaimQuantity, ids, ClaimQuantity.claim_id, ClaimQuantity.position)


def events(session: Session, ids: Sequence[int] | None = None) -> list[ClaimEvent]:
    return _rows(session, ClaimEvent, ids)


def presence(session: Session, ids: Sequence[int] | None = None) -> list[ClaimPresence]:
    return _rows(session, ClaimPresence, ids, ClaimPresence.claim_id, ClaimPresence.position)


def times(session: Session, ids: Sequence[int] | None = None) -> list[ClaimTime]:
    return _rows(session, ClaimTime, ids, ClaimTime.claim_id, ClaimTime.position)


def count_windows(session: Session, ids: Sequence[int] | None, after: int) -> dict[int, tuple[int, str]]:
    """Claim id -> (offset, its source's text from its first count's start to ``after`` characters past its
    last count's end), for claims (all, or these) with counts: what a flag quotes, never the whole text."""
    spans = (
        select(
            ClaimQuantity.claim_id.label("claim_id"),
            func.min(ClaimQuantity.start).label("lo"),
            func.max(ClaimQuantity.end).label("hi"),
        )
        .where(ClaimQuantity.start.is_not(None), ClaimQuantity.end.is_not(None))
        .group_by(ClaimQuantity.claim_id)
        .subquery()
    )
    query = (
        select(spans.c.claim_id, spans.c.lo, func.substr(Source.text, spans.c.lo + 1, spans.c.hi - spans.c.lo + after))
        .join(Claim, Claim.id == spans.c.claim_id)
        .join(Source, Source.id == Claim.source_id)
    )
    return {claim_id: (lo, text) for claim_id, lo, text in _by_claims(session, query, spans.c.claim_id, ids)}


def original_claims(
    session: Session, ids: Sequence[int] | None = None
) -> Iterator[tuple[Claim, str, dt.date | None, str | None]]:
    """(claim, source path, published, outlet) of every claim (of these) of an original, by claim id."""
    query = (
        select(Claim, Source.path, Source.published, Outlet.name)
        .join(Source, Source.id == Claim.source_id)
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(_ORIGINAL)
        .order_by(Claim.id)
    )
    for claim, path, published, outlet in _by_claims(session, query, Claim.id, ids):  # noqa: UP028  (tuples)
        yield claim, path, published, outlet


def lead_names(session: Session, source_ids: Iterable[int]) -> dict[int, set[tuple[str, str]]]:
    """Source id -> (type, name) of the places and bodies its lead names, in one query per chunk: the entities
    mentioned in the first sentence of the body that made a claim (the story's setting, the story's body)."""
    out: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for chunk in chunks(sorted(set(source_ids))):
        lead = (
            select(Claim.source_id.label("source_id"), func.min(Claim.sentence_end).label("lead_end"))
            .where(Claim.source_id.in_(chunk), Claim.sentence_end.is_not(None))
            .group_by(Claim.source_id)
            .subquery()
        )
        query = (
            select(SourceEntity.source_id, SourceEntity.type, SourceEntity.name)
            .join(lead, lead.c.source_id == SourceEntity.source_id)
            .join(Mention, Mention.source_entity_id == SourceEntity.id)
            .where(SourceEntity.type.in_(("place", "organization")), Mention.start < lead.c.lead_end)
            .distinct()
        )
        for source_id, kind, name in session.execute(query):
            out[source_id].add((kind, name))
    return out


def original_claim_ids(session: Session, source_ids: Iterable[int]) -> list[int]:
    """Ids of the claims of these sources that are originals."""
    query = select(Claim.id).join(Source, Source.id == Claim.source_id).where(_ORIGINAL)
    return sorted(_ids_where(session, query, Claim.source_id, source_ids))


def entity_mentions(session: Session, entity_ids: Iterable[int] | None = None) -> Iterator[tuple[int, str]]:
    """(entity id, the mention's text) of every mention linked to an entity (to one of these)."""
    query = (
        select(SourceEntity.entity_id, func.substr(Source.text, Mention.start + 1, Mention.end - Mention.start))
        .join(Source, Source.id == SourceEntity.source_id)
        .join(Mention, Mention.source_entity_id == SourceEntity.id)
        .where(SourceEntity.entity_id.is_not(None))
    )
    ids = None if entity_ids is None else list(entity_ids)
    for entity_id, text in _by_claims(session, query, SourceEntity.entity_id, ids):
        assert entity_id is not None  # the query keeps linked rows only
        yield entity_id, text


def entity_member_forms(session: Session, entity_ids: Iterable[int] | None = None) -> Iterator[tuple[int, str | None]]:
    """(entity id, the forms its article entity was written in, as resolution stored them: JSON, or None when
    not yet stored) of the article entities linked to an entity (to one of these), each distinct pair once: the
    members of a well-known entity are written in a few ways."""
    linked = SourceEntity.entity_id.is_not(None)
    # Those of a kind through the covering index (entity_id, kind_id, ...), the kind's forms read once; others'
    # own forms (not yet keyed). A pair may come twice (two kinds written alike).
    kinds = select(SourceEntity.entity_id, SourceEntity.kind_id).where(linked, SourceEntity.kind_id.is_not(None))
    unkinded = select(SourceEntity.entity_id, SourceEntity.forms).where(linked, SourceEntity.kind_id.is_(None))
    ids = None if entity_ids is None else sorted(set(entity_ids))
    for chunk in [None] if ids is None else chunks(ids):
        where = () if chunk is None else (SourceEntity.entity_id.in_(chunk),)
        g = kinds.where(*where).distinct().subquery()
        kinded = select(g.c.entity_id, EntityKind.forms).join(EntityKind, EntityKind.id == g.c.kind_id).distinct()
        for query in (kinded, unkinded.where(*where).distinct()):
            for entity_id, forms in session.execute(query):
                assert entity_id is not None  # the query keeps linked rows only
                yield entity_id, forms


def live_entities(session: Session, entity_ids: Iterable[int] | None = None) -> list[Entity]:
    query = select(Entity).where(Entity.merged_into_id.is_(None))
    ids = None if entity_ids is None else list(entity_ids)
    return [e for (e,) in _by_claims(session, query, Entity.id, ids)]


# -- keys --------------------------------------------------------------------------------------------------


def has_keys(session: Session) -> bool:
    return session.scalar(select(ClaimKey.claim_id).limit(1)) is not None


def keys_of(session: Session, ids: Iterable[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for claim_id, key in _by_claims(session, select(ClaimKey.claim_id, ClaimKey.key), ClaimKey.claim_id, list(ids)):
        found[claim_id].add(key)
    return dict(found)


def block_sizes(session: Session, keys: Iterable[str] | Mapping[str, int], cap: int) -> dict[str, int]:
    """How many claims are filed under each of these keys, counted up to ``cap`` (or, for a mapping, up to
    ``cap`` plus the key's own margin): a common key is never counted through."""
    margins = keys if isinstance(keys, Mapping) else dict.fromkeys(keys, 0)
    sizes: dict[str, int] = {}
    # Each key counted through its own LIMIT (an index seek and at most cap rows), many keys a statement: one
    # statement a key cost a round trip each, thousands for a batch of articles.
    # Written as SQL text: building thousands of such terms as SQLAlchemy constructs took longer than running
    # them. Only the position and the limit (integers) are in the text; each key is a bound parameter.
    table, key_column = ClaimKey.__tablename__, ClaimKey.__table__.c.key.name
    for batch in chunks(sorted(margins), SIZES_PER_STATEMENT):
        terms = [
            f"SELECT {n} AS n, count(*) AS size FROM (SELECT 1 FROM {table} WHERE {key_column} = :k{n} "
            f"LIMIT {int(cap + max(0, margins[key]))}) AS block{n}"
            for n, key in enumerate(batch)
        ]
        query = sql_text(" UNION ALL ".join(terms))
        for n, size in session.execute(query, {f"k{n}": key for n, key in enumerate(batch)}):
            if size:
                sizes[batch[n]] = size
    return sizes


def block_members(session: Session, keys: Iterable[str]) -> dict[str, list[int]]:
    members: dict[str, list[int]] = defaultdict(list)
    for chunk in chunks(sorted(set(keys))):
        for key, claim_id in session.execute(
            select(ClaimKey.key, ClaimKey.claim_id).where(ClaimKey.key.in_(chunk)).order_by(ClaimKey.claim_id)
        ):
            members[key].append(claim_id)
    return dict(members)


def claims_with_keys(session: Session, keys: Iterable[str]) -> list[int]:
    return sorted(_ids_where(session, select(ClaimKey.claim_id), ClaimKey.key, keys))


def shared_keys(
    session: Session, ids: Iterable[int], keys: Iterable[str], entity_prefixes: tuple[str, ...]
) -> Iterator[tuple[int, int, int, int]]:
    """(claim, other claim, keys they share, of which entity keys) for each of ``ids`` and every other claim
    filed under one of ``keys`` (the usable keys: the join reads only their blocks). Keys too many for one
    statement are asked in parts, and what each pair shares is added up over the parts."""
    usable = sorted(set(keys))
    if not usable:
        return
    other = ClaimKey.__table__.alias("other")
    entity_key = or_(*(other.c.key.startswith(p) for p in entity_prefixes))
    key_chunks = [usable] if len(usable) <= CHUNK else list(chunks(usable))
    for chunk in chunks(sorted(set(ids)), 50):
        shared: dict[tuple[int, int], list[int]] = {}
        for key_chunk in key_chunks:
            rows = session.execute(
                select(
                    ClaimKey.claim_id,
                    other.c.claim_id,
                    func.count(),
                    func.sum(case((entity_key, 1), else_=0)),
                )
                .join(other, other.c.key == ClaimKey.key)
                .where(ClaimKey.claim_id.in_(chunk), ClaimKey.key.in_(key_chunk), other.c.claim_id != ClaimKey.claim_id)
                .group_by(ClaimKey.claim_id, other.c.claim_id)
            )
            for claim_id, other_id, n, n_entity in rows:
                counts = shared.setdefault((claim_id, other_id), [0, 0])
                counts[0] += n
                counts[1] += int(n_entity or 0)
        for (claim_id, other_id), (n, n_entity) in shared.items():
            yield claim_id, other_id, n, n_entity


def replace_keys(session: Session, ids: Iterable[int], keys: dict[int, set[str]]) -> None:
    """The stored keys of these claims become ``keys`` (only rows that changed are written)."""
    ids = sorted(set(ids))
    old = keys_of(session, ids)
    gone = [(c, k) for c in ids for k in old.get(c, set()) - keys.get(c, set())]
    new = [{"claim_id": c, "key": k} for c in ids for k in sorted(keys.get(c, set()) - old.get(c, set()))]
    for pairs in chunks(gone):
        session.execute(delete(ClaimKey).where(tuple_(ClaimKey.claim_id, ClaimKey.key).in_(pairs)))
    for batch in chunks(new, 5000):
        _insert(session, ClaimKey, batch)  # Core executemany: no ORM bulk path


def clear_index(session: Session) -> None:
    """No stored keys, owners or pair verdicts (before a rebuild writes them all)."""
    for model in (ClaimKey, ClaimOwner, ClaimLink, MatchedEntity, MatchedForm):
        session.execute(delete(model))


def claims_owned_by(session: Session, persons: Iterable[int]) -> set[int]:
    """Claims whose post's owner was read as one of these persons."""
    return _ids_where(session, select(ClaimOwner.claim_id), ClaimOwner.person_id, persons)


def claims_with_owner_keys(session: Session, keys: Iterable[str]) -> set[int]:
    """Claims whose post's owner is written with one of these name keys."""
    return _ids_where(session, select(ClaimOwner.claim_id), ClaimOwner.owner_key, keys)


def replace_owners(session: Session, ids: Iterable[int], owners: dict[int, tuple[str, int | None]]) -> None:
    """The owners of these claims become ``owners`` (claim -> (name key, person or None))."""
    ids = sorted(set(ids))
    for chunk in chunks(ids):
        session.execute(delete(ClaimOwner).where(ClaimOwner.claim_id.in_(chunk)))
    wanted = set(ids)
    rows = [
        {"claim_id": c, "owner_key": key, "person_id": person}
        for c, (key, person) in sorted(owners.items())
        if c in wanted
    ]
    for batch in chunks(rows, 5000):
        _insert(session, ClaimOwner, batch)  # Core executemany: no ORM bulk path


def entity_digests(session: Session, entity_ids: Iterable[int] | None = None) -> dict[int, str]:
    """The digest each entity (each of these) had when last matched."""
    query = select(MatchedEntity.entity_id, MatchedEntity.digest)
    ids = None if entity_ids is None else list(entity_ids)
    return {i: d for i, d in _by_claims(session, query, MatchedEntity.entity_id, ids)}


def write_entity_digests(session: Session, digests: Mapping[int, tuple[str, Iterable[str]] | None]) -> None:
    """Store these entities' digests and forms (None: forget the entity)."""
    for chunk in chunks(sorted(digests)):
        session.execute(delete(MatchedEntity).where(MatchedEntity.entity_id.in_(chunk)))
        session.execute(delete(MatchedForm).where(MatchedForm.entity_id.in_(chunk)))
    rows = [{"entity_id": i, "digest": d[0]} for i, d in sorted(digests.items()) if d is not None]
    for batch in chunks(rows, 5000):
        _insert(session, MatchedEntity, batch)  # Core executemany: no ORM bulk path
    forms = [
        {"entity_id": i, "form": f}
        for i, d in sorted(digests.items())
        if d is not None
        for f in sorted({form[:FORM_WIDTH] for form in d[1]})
    ]
    for batch in chunks(forms, 5000):
        _insert(session, MatchedForm, batch)  # Core executemany: no ORM bulk path


FORM_WIDTH = 300  # matched_forms.form


def matched_entities(session: Session, ids: Iterable[int]) -> dict[int, tuple[Entity, set[str]]]:
    """Live entities among these that were matched before, with the forms stored then."""
    found: dict[int, tuple[Entity, set[str]]] = {}
    query = (
        select(Entity).join(MatchedEntity, MatchedEntity.entity_id == Entity.id).where(Entity.merged_into_id.is_(None))
    )
    for (entity,) in _by_claims(session, query, Entity.id, list(ids)):
        found[entity.id] = (entity, set())
    for entity_id, form in _by_claims(
        session, select(MatchedForm.entity_id, MatchedForm.form), MatchedForm.entity_id, list(found)
    ):
        found[entity_id][1].add(form)
    return found


def entities_written(session: Session, form: str, kind: str) -> list[int]:
    """Live entities of this kind written in this form (its name key) when last matched."""
    # The entities as a subquery of the form's index: joined, SQLite walks every entity of the type instead.
    written = select(MatchedForm.entity_id).where(MatchedForm.form == form[:FORM_WIDTH])
    query = (
        select(Entity.id)
        .where(Entity.id.in_(written), Entity.type == kind, Entity.merged_into_id.is_(None))
        .order_by(Entity.id)
    )
    return list(session.scalars(query))


# -- pair verdicts -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredLink:
    a: int
    b: int
    kind: str
    rule: str
    first: int
    similarity: float
    explanation: str
    entities: str  # JSON
    frames: str  # JSON


_LINK_COLUMNS = (
    ClaimLink.a,
    ClaimLink.b,
    ClaimLink.kind,
    ClaimLink.rule,
    ClaimLink.first,
    ClaimLink.similarity,
    ClaimLink.explanation,
    ClaimLink.entities,
    ClaimLink.frames,
)


def links_of(session: Session, ids: Iterable[int], kind: str | None = None) -> dict[tuple[int, int], StoredLink]:
    """Stored verdicts of every pair with a claim among ``ids`` (of one kind, if given)."""
    found: dict[tuple[int, int], StoredLink] = {}
    for chunk in chunks(sorted(set(ids))):
        query = select(*_LINK_COLUMNS).where(or_(ClaimLink.a.in_(chunk), ClaimLink.b.in_(chunk)))
        if kind is not None:
            query = query.where(ClaimLink.kind == kind)
        for row in session.execute(query):
            found[(row[0], row[1])] = StoredLink(*row)
    return found


def links_with_rules(session: Session, ids: Iterable[int], rules: Iterable[str]) -> dict[tuple[int, int], StoredLink]:
    found: dict[tuple[int, int], StoredLink] = {}
    rules = sorted(set(rules))
    for chunk in chunks(sorted(set(ids))):
        query = select(*_LINK_COLUMNS).where(
            or_(ClaimLink.a.in_(chunk), ClaimLink.b.in_(chunk)), ClaimLink.rule.in_(rules)
        )
        for row in session.execute(query):
            found[(row[0], row[1])] = StoredLink(*row)
    return found


def all_links(session: Session) -> Iterator[StoredLink]:
    for row in session.execute(select(*_LINK_COLUMNS).order_by(ClaimLink.a, ClaimLink.b)):
        yield StoredLink(*row)


def write_links(session: Session, gone: Iterable[tuple[int, int]], rows: Iterable[StoredLink]) -> None:
    """Delete the verdicts of pairs ``gone`` (and of every pair in ``rows``), then store ``rows``."""
    rows = list(rows)
    pairs = sorted(set(gone) | {(r.a, r.b) for r in rows})
    for some in chunks(pairs):
        session.execute(delete(ClaimLink).where(tuple_(ClaimLink.a, ClaimLink.b).in_(some)))
    values = [dict(r.__dict__) for r in rows]
    for batch in chunks(values, 2000):
        _insert(session, ClaimLink, batch)  # Core executemany: no ORM bulk path


# -- clusters and flags ------------------------------------------------------------------------------------


def cluster_ids(session: Session, ids: Iterable[int]) -> dict[int, int | None]:
    found: dict[int, int | None] = {}
    for chunk in chunks(sorted(set(ids))):
        query = select(Claim.id, Claim.cluster_id).where(Claim.id.in_(chunk))
        found.update((i, cluster) for i, cluster in session.execute(query))
    return found


def cluster_members(session: Session, clusters: Iterable[int]) -> set[int]:
    return _ids_where(session, select(Claim.id), Claim.cluster_id, clusters)


def set_clusters(session: Session, clusters: dict[int, int | None]) -> None:
    """Each named claim's cluster becomes the one given (None: none), one UPDATE per cluster."""
    by_cluster: dict[int | None, list[int]] = defaultdict(list)
    for claim_id, cluster in clusters.items():
        by_cluster[cluster].append(claim_id)
    for cluster, ids in by_cluster.items():
        for chunk in chunks(sorted(ids)):
            session.execute(update(Claim).where(Claim.id.in_(chunk)).values(cluster_id=cluster))


def store_result(session: Session, clusters: dict[int, int], kinds: set[str], flags: dict[str, FlagDraft]) -> None:
    """Each claim's cluster (claims not named: none), and the flags of these kinds (``sync_flags``)."""
    session.execute(update(Claim).where(Claim.cluster_id.is_not(None)).values(cluster_id=None))
    set_clusters(session, dict(clusters))
    sync_flags(session, kinds, flags)
