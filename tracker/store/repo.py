"""Reads and writes of ingested sources. Stages hand in and get back plain dataclasses, never ORM rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from tracker.clean.spans import Span
from tracker.store import entity_repo
from tracker.store.db import PG_LOCK_CORPUS, insert_rows
from tracker.store.limits import (
    ATTRIBUTED_TO,
    CLAIM_SUBJECT,
    EVENT_TEXT,
    FRAME_WORDS,
    OUTLET_NAME,
    PRESENCE_WHO,
    QUANTITY_NOUN,
    QUANTITY_OWNER,
    QUANTITY_UNIT,
    QUANTITY_VALUE,
    ROLE_TEXT,
    SOURCE_ENTITY_NAME,
    TIME_TEXT,
    fitting,
)
from tracker.store.models import (
    Base,
    Claim,
    ClaimEntity,
    ClaimEvent,
    ClaimPresence,
    ClaimQuantity,
    ClaimRole,
    ClaimTime,
    Mention,
    Outlet,
    Passage,
    PendingWork,
    Source,
    SourceEntity,
    SourceShingle,
)

if TYPE_CHECKING:  # what ingest hands over to be written, only named here
    from tracker.entities import ArticleEntities
    from tracker.extract import ClaimDraft
    from tracker.extract.facts import EventFact, PresenceFact, RoleFact
    from tracker.extract.quantities import QuantityFact


@dataclass(frozen=True)
class NewSource:
    """Everything ingest, clean and dates found for one article, ready to store."""

    path: str
    outlet: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    published_origin: str | None
    content_sha256: str
    media_type: str
    encoding: str
    text: str
    passages: tuple[Span, ...]
    duplicate_of: int | None = None
    duplicate_score: float | None = None
    claims: tuple[ClaimDraft, ...] = ()
    entities: ArticleEntities | None = None
    language: str | None = None  # of the main text (ISO 639-1); None when it could not be told
    extraction: str | None = None  # which reading of an HTML page gave the text


@dataclass(frozen=True)
class StoredClaim:
    id: int
    source_id: int
    source_path: str
    outlet: str | None
    published: dt.date | None
    text: str
    quote: str
    start: int
    end: int
    kind: str
    attributed_to: str | None
    time_text: str | None
    time_first: dt.date | None
    time_last: dt.date | None
    cluster_id: int | None = None
    rule: str | None = None
    subject: str | None = None
    role: StoredRole | None = None


@dataclass(frozen=True)
class StoredRole:
    """A role claim's fact: who holds which office, of which body; the title's words as the source wrote them."""

    holder: str
    title: str
    organisation: str | None
    title_quote: str | None
    rule: str | None = None
    temporary: bool = False
    change: str | None = None  # the class of the succession words said of the post
    change_words: str | None = None
    former: bool = False


@dataclass(frozen=True)
class StoredSource:
    id: int
    path: str
    outlet: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    published_origin: str | None
    content_sha256: str
    media_type: str
    duplicate_of: int | None
    passages: int
    text_chars: int
    language: str | None = None
    extraction: str | None = None


def has_source(session: Session, source_id: int) -> bool:
    return session.get(Source, source_id) is not None


def source_with_hash(session: Session, sha256: str) -> int | None:
    return session.scalar(select(Source.id).where(Source.content_sha256 == sha256))


def add_source(session: Session, new: NewSource) -> int:
    source = Source(
        path=new.path,
        outlet=_outlet(session, new.outlet) if new.outlet and fitting(new.outlet, OUTLET_NAME) else None,
        url=new.url,
        title=new.title,
        published=new.published,
        published_origin=new.published_origin,
        content_sha256=new.content_sha256,
        media_type=new.media_type,
        encoding=new.encoding,
        language=new.language,
        extraction=new.extraction,
        text=new.text,
        duplicate_of_id=new.duplicate_of,
        duplicate_score=new.duplicate_score,
        passages=[Passage(position=i, start=s.start, end=s.end) for i, s in enumerate(new.passages)],
        claims=[
            Claim(
                position=i,
                text=c.text,
                start=c.start,
                end=c.end,
                kind=c.kind,
                attributed_to_name=fitting(c.attributed_to, ATTRIBUTED_TO),
                time_text=fitting(c.time_text, TIME_TEXT),
                time_first=c.time_first,
                time_last=c.time_last,
                rule=c.rule,
                sentence_start=c.sentence.start if c.sentence else None,
                sentence_end=c.sentence.end if c.sentence else None,
                subject=fitting(c.subject, CLAIM_SUBJECT),
                role=_role(c.role),
                quantities=_quantities(c.quantities),
                times=[
                    ClaimTime(position=i, text=t.text, first=t.first, last=t.last, role=t.role)
                    for i, t in enumerate(t for t in c.times if fitting(t.text, TIME_TEXT))
                ],
                event=_event(c.event),
                presence=_presence(c.presence),
            )
            for i, c in enumerate(new.claims)
        ],
    )
    session.add(source)
    session.flush()
    if new.entities is not None:
        _add_entities(session, source, new.entities)
    return source.id


def _role(fact: RoleFact | None) -> ClaimRole | None:
    if fact is None or not fitting(fact.holder, ROLE_TEXT) or not fitting(fact.title, ROLE_TEXT):
        return None
    title, organisation = fact.title_span, fact.organisation_span
    return ClaimRole(
        holder=fact.holder,
        title=fact.title,
        title_start=title.start if title else None,
        title_end=title.end if title else None,
        organisation=fitting(fact.organisation, ROLE_TEXT),
        organisation_start=organisation.start if organisation else None,
        organisation_end=organisation.end if organisation else None,
        rule=fact.rule,
        temporary=fact.temporary,
        change=fact.change,
        change_words=fitting(fact.change_words, FRAME_WORDS),
        change_start=fact.change_span.start if fact.change_span else None,
        change_end=fact.change_span.end if fact.change_span else None,
        former=fact.former,
    )


def _event(fact: EventFact | None) -> ClaimEvent | None:
    if fact is None or not fitting(fact.words, EVENT_TEXT):
        return None
    place = fact.place_span if fitting(fact.place, EVENT_TEXT) else None
    theme = fact.theme_span if fitting(fact.theme, EVENT_TEXT) else None
    return ClaimEvent(
        kind=fact.kind,
        words=fact.words,
        start=fact.span.start if fact.span else None,
        end=fact.span.end if fact.span else None,
        place=fact.place if place else None,
        place_start=place.start if place else None,
        place_end=place.end if place else None,
        ordinal=fact.ordinal,
        negated=fact.negated,
        rule=fact.rule,
        theme=fact.theme if theme else None,
        theme_start=theme.start if theme else None,
        theme_end=theme.end if theme else None,
    )


def _presence(facts: tuple[PresenceFact, ...]) -> list[ClaimPresence]:
    rows = [f for f in facts if fitting(f.who, PRESENCE_WHO)]
    return [
        ClaimPresence(
            position=i,
            who=f.who,
            present=f.present,
            remote=f.remote,
            start=f.span.start if f.span else None,
            end=f.span.end if f.span else None,
            rule=f.rule,
        )
        for i, f in enumerate(rows)
    ]


def _quantities(facts: tuple[QuantityFact, ...]) -> list[ClaimQuantity]:
    out: list[ClaimQuantity] = []
    for fact in facts:
        value = format(fact.value, "f")
        if len(value) > QUANTITY_VALUE:
            continue  # a "number" wider than any amount is not one
        owner = fitting(fact.owner, QUANTITY_OWNER)
        owned = fact.owner_span if owner else None
        out.append(
            ClaimQuantity(
                position=len(out),
                value=value,
                kind=fact.kind,
                noun=fitting(fact.noun, QUANTITY_NOUN),
                noun_class=fact.noun_class,
                modifier=fact.modifier,
                cumulative=fact.cumulative,
                partial=fact.partial,
                currency=fact.currency,
                unit=fitting(fact.unit, QUANTITY_UNIT),
                start=fact.span.start if fact.span else None,
                end=fact.span.end if fact.span else None,
                trend=fact.trend,
                trend_words=fitting(fact.trend_words, FRAME_WORDS),
                owner=owner,
                owner_start=owned.start if owned else None,
                owner_end=owned.end if owned else None,
                earlier=format(fact.earlier, "f") if fact.earlier is not None else None,
                definite=fact.definite,
                by=fact.by,
            )
        )
    return out


def _add_entities(session: Session, source: Source, found: ArticleEntities) -> None:
    """The article's entities with their mentions and claim links; with their profiles (forms, titles, keys)
    given, each with its kind, so that resolution finds them keyed."""
    kept = [i for i, local in enumerate(found.entities) if fitting(local.name, SOURCE_ENTITY_NAME)]
    # A "name" longer than any column holds is not a name: dropped with its mentions and links.
    keyed = {}
    if found.profiles:
        described = [
            entity_repo.Keyed(0, found.entities[i].name, found.entities[i].type, found.entities[i].strong,
                              *found.profiles[i])
            for i in kept
        ]  # fmt: skip
        keyed = {
            i: (k, kind) for i, k, kind in zip(kept, described, entity_repo.kinds_of(session, described), strict=True)
        }
    rows: dict[int, SourceEntity] = {}
    for index in kept:
        local = found.entities[index]
        profile, kind = keyed.get(index, (None, None))
        row = SourceEntity(
            source_id=source.id,
            position=len(rows),
            name=local.name,
            type=local.type,
            strong=local.strong,
            forms=profile.forms if profile else None,
            titles=profile.titles if profile else None,
            kind_id=kind,
            mentions=[
                Mention(
                    start=found.mentions[m].start,
                    end=found.mentions[m].end,
                    title_start=found.mentions[m].title_start,
                    title_end=found.mentions[m].title_end,
                    rule=found.mentions[m].rule,
                )
                for m in local.mentions
            ],
        )
        rows[index] = row
    session.add_all(rows.values())
    session.flush()
    session.add_all(
        ClaimEntity(claim_id=source.claims[link.claim].id, source_entity_id=rows[link.entity].id, speaker=link.speaker)
        for link in found.claim_links
        if link.entity in rows
    )


def _outlet(session: Session, name: str) -> Outlet:
    # INSERT ... ON CONFLICT DO NOTHING, then read: two processes adding one new outlet both succeed.
    session.execute(_insert_ignore(session, Outlet).values(name=name))
    outlet = session.scalar(select(Outlet).where(Outlet.name == name))
    assert outlet is not None
    return outlet


def _insert_ignore(session: Session, model: type[Base]) -> Any:
    """An INSERT that does nothing when the row's unique key is already there (SQLite and PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql_insert(model).on_conflict_do_nothing()
    return sqlite_insert(model).on_conflict_do_nothing()


# The pending-work name of the corpus-wide stage: entities resolved across sources, claims matched, flags.
CORPUS_STAGE = "corpus"


def lock_corpus_stage(session: Session) -> None:
    """One corpus-wide stage at a time: PostgreSQL takes a transaction-scoped advisory lock (SQLite's write
    transaction, begun IMMEDIATE, already excludes every other writer)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_CORPUS})


def mark_pending(session: Session, name: str) -> None:
    """Record work as owed, in the caller's transaction (the one that made it owed)."""
    session.execute(_insert_ignore(session, PendingWork).values(name=name))


def clear_pending(session: Session, name: str) -> bool:
    """Take the record of owed work off, in the transaction that does the work; whether it was there."""
    if not is_pending(session, name):
        return False
    session.execute(delete(PendingWork).where(PendingWork.name == name))
    return True


def is_pending(session: Session, name: str) -> bool:
    return session.scalar(select(PendingWork.name).where(PendingWork.name == name)) is not None


def unstaged_sources(session: Session) -> list[int]:
    """Ids of the sources the corpus-wide stage has not taken in yet, oldest first (an indexed read)."""
    return list(session.scalars(select(Source.id).where(Source.staged.is_(False)).order_by(Source.id)))


def mark_staged(session: Session, source_ids: list[int]) -> None:
    """The corpus-wide stage has taken these sources in (in the caller's transaction, the one that did it)."""
    for at in range(0, len(source_ids), 500):
        chunk = source_ids[at : at + 500]
        session.execute(update(Source).where(Source.id.in_(chunk)).values(staged=True))


def mark_all_staged(session: Session) -> None:
    session.execute(update(Source).where(Source.staged.is_(False)).values(staged=True))


def add_fingerprint(session: Session, source_id: int, samples: frozenset[int]) -> None:
    """File an original under its shingle samples (in the caller's transaction, the one storing it)."""
    if samples:
        insert_rows(session, SourceShingle, [{"source_id": source_id, "shingle": h} for h in sorted(samples)])


def copy_candidates(session: Session, samples: frozenset[int], limit: int) -> list[int]:
    """The originals sharing the most of ``samples``, at most ``limit``, by id: an indexed lookup, no scan."""
    if not samples:
        return []
    shared = func.count(SourceShingle.shingle)
    ranked: dict[int, int] = {}
    values = sorted(samples)
    for at in range(0, len(values), 500):  # below every database's limit of bound parameters
        rows = session.execute(
            select(SourceShingle.source_id, shared)
            .where(SourceShingle.shingle.in_(values[at : at + 500]))
            .group_by(SourceShingle.source_id)
        )
        for source_id, n in rows:
            ranked[source_id] = ranked.get(source_id, 0) + n
    return sorted(sorted(ranked, key=lambda i: (-ranked[i], i))[:limit])


def bodies(session: Session, source_ids: list[int]) -> Iterator[tuple[int, str]]:
    """(id, body text) of these sources, by id: each body its passages' text, joined by blank lines."""
    for at in range(0, len(source_ids), 500):
        yield from _joined_bodies(
            session.execute(
                select(Source.id, Source.text, Passage.start, Passage.end)
                .join(Passage, Passage.source_id == Source.id)
                .where(Source.id.in_(source_ids[at : at + 500]))
                .order_by(Source.id, Passage.position)
            )
        )


def _joined_bodies(rows) -> Iterator[tuple[int, str]]:
    parts: list[str] = []
    current_id, text = None, ""
    for source_id, source_text, start, end in rows:
        if source_id != current_id:
            if current_id is not None:
                yield current_id, "\n\n".join(parts)
            current_id, parts, text = source_id, [], source_text
        parts.append(text[start:end])
    if current_id is not None:
        yield current_id, "\n\n".join(parts)


def count_sources(session: Session) -> int:
    return session.scalar(select(func.count(Source.id))) or 0


def list_sources(session: Session, ids: Iterable[int] | None = None) -> list[StoredSource]:
    """Every stored source, or just those of ``ids``."""
    counts = select(Passage.source_id, func.count(Passage.id).label("n")).group_by(Passage.source_id).subquery()
    query = (
        select(Source, Outlet.name, func.coalesce(counts.c.n, 0))
        .outerjoin(Outlet, Source.outlet_id == Outlet.id)
        .outerjoin(counts, counts.c.source_id == Source.id)
        .order_by(Source.id)
    )
    if ids is not None:
        query = query.where(Source.id.in_(list(ids)))
    rows = session.execute(query)
    return [
        StoredSource(
            id=s.id,
            path=s.path,
            outlet=outlet,
            url=s.url,
            title=s.title,
            published=s.published,
            published_origin=s.published_origin,
            content_sha256=s.content_sha256,
            media_type=s.media_type,
            duplicate_of=s.duplicate_of_id,
            passages=n,
            text_chars=len(s.text),
            language=s.language,
            extraction=s.extraction,
        )
        for s, outlet, n in rows
    ]


def source_languages(session: Session, ids: list[int]) -> dict[int, str | None]:
    """The stored language of each of these sources."""
    if not ids:
        return {}
    rows = session.execute(select(Source.id, Source.language).where(Source.id.in_(ids)))
    return {source_id: language for source_id, language in rows}


def outlet_names(session: Session) -> list[str]:
    return list(session.scalars(select(Outlet.name).order_by(Outlet.name)))


def list_claims(
    session: Session,
    source_id: int | None = None,
    kind: str | None = None,
    ids: tuple[int, ...] | None = None,
    outlet: str | None = None,
    entity_id: int | None = None,
    limit: int | None = None,
) -> list[StoredClaim]:
    return list(iter_claims(session, source_id, kind, ids, outlet, entity_id, limit))


def iter_claims(
    session: Session,
    source_id: int | None = None,
    kind: str | None = None,
    ids: tuple[int, ...] | None = None,
    outlet: str | None = None,
    entity_id: int | None = None,
    limit: int | None = None,
    chunk: int = 500,
) -> Iterator[StoredClaim]:
    """Stored claims in source and reading order, streamed in chunks; ``outlet`` matches its name
    case-insensitively, ``entity_id`` keeps the claims about that entity or attributed to it. Quotes are cut
    by the database: no row carries its source's full text."""
    quote = func.substr(Source.text, Claim.start + 1, Claim.end - Claim.start)
    title_quote = func.substr(Source.text, ClaimRole.title_start + 1, ClaimRole.title_end - ClaimRole.title_start)
    query = (
        select(Claim, Source.path, quote, Source.published, Outlet.name, ClaimRole, title_quote)
        .join(Source, Claim.source_id == Source.id)
        .outerjoin(Outlet, Source.outlet_id == Outlet.id)
        .outerjoin(ClaimRole, ClaimRole.claim_id == Claim.id)
        .order_by(Claim.source_id, Claim.position)
    )
    if source_id is not None:
        query = query.where(Claim.source_id == source_id)
    if kind is not None:
        query = query.where(Claim.kind == kind)
    if ids is not None:
        query = query.where(Claim.id.in_(ids))
    if outlet is not None:
        query = query.where(func.lower(Outlet.name) == outlet.lower())
    if entity_id is not None:
        linked = (
            select(ClaimEntity.claim_id)
            .join(SourceEntity, SourceEntity.id == ClaimEntity.source_entity_id)
            .where(SourceEntity.entity_id == entity_id)
        )
        query = query.where(Claim.id.in_(linked))
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query.execution_options(yield_per=chunk))
    for c, path, quoted, published, outlet_name, role, title in rows:
        yield StoredClaim(
            id=c.id,
            source_id=c.source_id,
            source_path=path,
            outlet=outlet_name,
            published=published,
            text=c.text,
            quote=quoted,
            start=c.start,
            end=c.end,
            kind=c.kind,
            attributed_to=c.attributed_to_name,
            time_text=c.time_text,
            time_first=c.time_first,
            time_last=c.time_last,
            cluster_id=c.cluster_id,
            rule=c.rule,
            subject=c.subject,
            role=_stored_role(role, title),
        )


def claim_quantities(session: Session) -> dict[int, list[dict[str, Any]]]:
    """Every claim's stated quantities, in the order the claim states them, as plain data."""
    out: dict[int, list[dict[str, Any]]] = {}
    for q in session.scalars(select(ClaimQuantity).order_by(ClaimQuantity.claim_id, ClaimQuantity.position)):
        out.setdefault(q.claim_id, []).append(
            {
                "value": q.value,
                "kind": q.kind,
                "noun": q.noun,
                "noun_class": q.noun_class,
                "modifier": q.modifier,
                "cumulative": q.cumulative,
                "partial": q.partial,
                "currency": q.currency,
                "unit": q.unit,
                "trend": q.trend,
                "trend_words": q.trend_words,
                "owner": q.owner,
                "earlier": q.earlier,
                "definite": bool(q.definite),
                "by": bool(q.by),
            }
        )
    return out


def claim_times(session: Session) -> dict[int, list[dict[str, Any]]]:
    """Every claim's stated times, in reading order, as plain data."""
    out: dict[int, list[dict[str, Any]]] = {}
    for t in session.scalars(select(ClaimTime).order_by(ClaimTime.claim_id, ClaimTime.position)):
        out.setdefault(t.claim_id, []).append(
            {
                "text": t.text,
                "first": t.first.isoformat() if t.first else None,
                "last": t.last.isoformat() if t.last else None,
                "role": t.role,
            }
        )
    return out


def claim_events(session: Session) -> dict[int, dict[str, Any]]:
    """Every claim's event frame, as plain data."""
    return {
        e.claim_id: {
            "kind": e.kind,
            "words": e.words,
            "start": e.start,
            "end": e.end,
            "place": e.place,
            "ordinal": e.ordinal,
            "negated": e.negated,
            "rule": e.rule,
            "theme": e.theme,
        }
        for e in session.scalars(select(ClaimEvent).order_by(ClaimEvent.claim_id))
    }


def claim_presence(session: Session) -> dict[int, list[dict[str, Any]]]:
    """Every claim's presence frames, in reading order, as plain data."""
    out: dict[int, list[dict[str, Any]]] = {}
    for p in session.scalars(select(ClaimPresence).order_by(ClaimPresence.claim_id, ClaimPresence.position)):
        out.setdefault(p.claim_id, []).append(
            {"who": p.who, "present": p.present, "remote": p.remote, "start": p.start, "end": p.end, "rule": p.rule}
        )
    return out


def _stored_role(role: ClaimRole | None, title_quote: str | None) -> StoredRole | None:
    if role is None:
        return None
    return StoredRole(
        role.holder,
        role.title,
        role.organisation,
        title_quote if role.title_start is not None else None,
        role.rule,
        role.temporary,
        role.change,
        role.change_words,
        role.former,
    )
