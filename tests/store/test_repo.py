"""tracker.store.repo and the schema's rules, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from tracker.clean.spans import Span
from tracker.store import open_store, repo, session_scope
from tracker.store.repo import NewSource

TEXT = "Velmora Evening Star\n\nFirst paragraph of the story.\n\nSecond paragraph of the story.\n"
P1 = Span(TEXT.index("First"), TEXT.index("story.") + len("story."))
P2 = Span(TEXT.index("Second"), len(TEXT) - 1)


def new_source(sha: str, **changes) -> NewSource:
    values = dict(
        path=f"in/{sha}.txt",
        outlet="Velmora Evening Star",
        url="https://star.example/ferry",
        title="Council backs ferry terminal",
        published=dt.date(2023, 3, 9),
        published_origin="metadata",
        content_sha256=sha * 64 if len(sha) == 1 else sha,
        media_type="text/plain",
        encoding="utf-8",
        text=TEXT,
        passages=(P1, P2),
    )
    values.update(changes)
    return NewSource(**values)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def test_add_and_list_sources(engine: Engine) -> None:
    with session_scope(engine) as session:
        first = repo.add_source(session, new_source("a"))
        second = repo.add_source(
            session,
            new_source(
                "b", outlet=None, published=None, published_origin=None, duplicate_of=first, duplicate_score=0.9
            ),
        )
    with session_scope(engine) as session:
        rows = repo.list_sources(session)
        assert repo.source_with_hash(session, "a" * 64) == first
        assert repo.source_with_hash(session, "c" * 64) is None
        assert repo.outlet_names(session) == ["Velmora Evening Star"]
    assert [(r.id, r.outlet, r.published, r.duplicate_of, r.passages, r.text_chars) for r in rows] == [
        (first, "Velmora Evening Star", dt.date(2023, 3, 9), None, 2, len(TEXT)),
        (second, None, None, first, 2, len(TEXT)),
    ]


def test_one_outlet_row_per_name(engine: Engine) -> None:
    with session_scope(engine) as session:
        repo.add_source(session, new_source("a"))
        repo.add_source(session, new_source("b"))
    with session_scope(engine) as session:
        assert session.execute(text("SELECT count(*) FROM outlets")).scalar() == 1


def test_bodies_are_the_passages_joined_by_id(engine: Engine) -> None:
    with session_scope(engine) as session:
        first = repo.add_source(session, new_source("a"))
        third = repo.add_source(session, new_source("c", passages=(P2,)))
    with session_scope(engine) as session:
        bodies = list(repo.bodies(session, [third, first]))
    assert bodies == [
        (first, "First paragraph of the story.\n\nSecond paragraph of the story."),
        (third, "Second paragraph of the story."),
    ]


def test_copy_candidates_are_the_originals_sharing_most_samples(engine: Engine) -> None:
    with session_scope(engine) as session:
        a = repo.add_source(session, new_source("a"))
        b = repo.add_source(session, new_source("b"))
        c = repo.add_source(session, new_source("c"))
        repo.add_fingerprint(session, a, frozenset({1, 2, 3}))
        repo.add_fingerprint(session, b, frozenset({3, 4}))
        repo.add_fingerprint(session, c, frozenset({9}))
    with session_scope(engine) as session:
        assert repo.copy_candidates(session, frozenset({2, 3, 4, 5}), limit=5) == [a, b]
        assert repo.copy_candidates(session, frozenset({1, 2, 4}), limit=1) == [a]
        assert repo.copy_candidates(session, frozenset({7}), limit=5) == []
        assert repo.copy_candidates(session, frozenset(), limit=5) == []


def test_passages_are_exact_slices_after_a_round_trip(engine: Engine) -> None:
    with session_scope(engine) as session:
        source_id = repo.add_source(session, new_source("a"))
    with session_scope(engine) as session:
        stored = session.execute(text("SELECT text FROM sources WHERE id = :id"), {"id": source_id}).scalar()
        spans = session.execute(
            text('SELECT start, "end" FROM passages WHERE source_id = :id ORDER BY position'), {"id": source_id}
        ).all()
    assert stored == TEXT
    assert [stored[s:e] for s, e in spans] == ["First paragraph of the story.", "Second paragraph of the story."]


def test_content_hash_is_unique(engine: Engine) -> None:
    with session_scope(engine) as session:
        repo.add_source(session, new_source("a"))
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        repo.add_source(session, new_source("a", path="elsewhere.txt"))


def test_deleting_a_source_removes_its_passages_and_unlinks_its_copies(engine: Engine) -> None:
    with session_scope(engine) as session:
        first = repo.add_source(session, new_source("a"))
        copy = repo.add_source(session, new_source("b", duplicate_of=first))
    with session_scope(engine) as session:
        session.execute(text("DELETE FROM sources WHERE id = :id"), {"id": first})
    with session_scope(engine) as session:
        passages = session.execute(text("SELECT count(*) FROM passages WHERE source_id = :id"), {"id": first})
        assert passages.scalar() == 0
        assert (
            session.execute(text("SELECT duplicate_of_id FROM sources WHERE id = :id"), {"id": copy}).scalar() is None
        )


def test_an_outlet_with_sources_cannot_be_deleted(engine: Engine) -> None:
    with session_scope(engine) as session:
        repo.add_source(session, new_source("a"))
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.execute(text("DELETE FROM outlets"))


def test_claims_stream_in_chunks_with_quotes_cut_by_the_database(engine: Engine) -> None:
    from tracker.extract.claims import ClaimDraft
    from tracker.extract.facts import RoleFact

    body = "Ὀδυσσεύς 🛳 Ферри. Ivo Marek, harbour master, said the ferry sails. The pier 🛳 opens in May."
    spans = [(body.index("Ivo"), body.index("sails.") + 6), (body.index("The pier"), len(body))]
    title = Span(body.index("harbour"), body.index("master") + 6)
    drafts = [
        ClaimDraft(body[s:e], s, e, "event", role=RoleFact("Ivo Marek", "harbour master", title) if i == 0 else None)
        for i, (s, e) in enumerate(spans)
    ]
    with session_scope(engine) as session:
        repo.add_source(session, new_source("a", text=body, passages=(Span(0, len(body)),), claims=tuple(drafts)))
    with session_scope(engine) as session:
        streamed = list(repo.iter_claims(session, chunk=1))
        assert streamed == repo.list_claims(session)
    assert [c.quote for c in streamed] == [body[s:e] for s, e in spans]  # code points, astral ones included
    assert streamed[0].role is not None and streamed[0].role.title_quote == "harbour master"
    assert streamed[1].role is None
