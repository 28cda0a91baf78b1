"""Reviews of flags: status changes, the audit trail, and optimistic versioning with two connections."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError

from tracker.store import open_store, session_scope
from tracker.store.flag_repo import FlagDraft, ReviewError, StaleReview, history, review, sync_flags
from tracker.store.models import Flag, FlagReview


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def make_flag(engine: Engine, key: str = "conflict:1:2") -> int:
    with session_scope(engine) as session:
        sync_flags(session, {"conflict"}, {key: FlagDraft("conflict", key, "two dates for one vote", (), ())})
        return session.scalar(select(Flag.id).where(Flag.key == key))


def status(engine: Engine, flag_id: int) -> tuple[str, int]:
    with session_scope(engine) as session:
        flag = session.get(Flag, flag_id)
        return flag.status, flag.version


def test_confirm_dismiss_reopen_are_recorded_in_order(engine: Engine) -> None:
    flag = make_flag(engine)
    with session_scope(engine) as session:
        review(session, flag, "confirm", "Ada", "checked the minutes")
    with session_scope(engine) as session:
        review(session, flag, "reopen", "Ben")
    with session_scope(engine) as session:
        review(session, flag, "dismiss", "Cy", "the second date is the adjourned session")
    assert status(engine, flag) == ("dismissed", 4)
    with session_scope(engine) as session:
        trail = history(session, flag)
    assert [(r.reviewer, r.from_status, r.to_status, r.version, r.note) for r in trail] == [
        ("Ada", "open", "confirmed", 2, "checked the minutes"),
        ("Ben", "confirmed", "open", 3, None),
        ("Cy", "open", "dismissed", 4, "the second date is the adjourned session"),
    ]
    assert all(r.reviewed_at is not None for r in trail)


def test_a_review_from_the_wrong_status_changes_nothing(engine: Engine) -> None:
    flag = make_flag(engine)
    with pytest.raises(ReviewError, match="is open; cannot reopen"), session_scope(engine) as session:
        review(session, flag, "reopen", "Ada")
    with pytest.raises(ReviewError, match="say who reviews"), session_scope(engine) as session:
        review(session, flag, "confirm", "  ")
    with pytest.raises(ReviewError, match="no flag 999"), session_scope(engine) as session:
        review(session, 999, "confirm", "Ada")
    assert status(engine, flag) == ("open", 1)
    with session_scope(engine) as session:
        assert session.scalar(select(func.count(FlagReview.id))) == 0


def test_two_editors_at_once_one_wins_the_other_is_told_the_newer_state(engine: Engine, db_url: str) -> None:
    """Two connections read version 1; the first review commits; the second matches no row and says why."""
    flag = make_flag(engine)
    other = open_store(db_url)
    try:
        seen_by_first = status(engine, flag)[1]
        seen_by_second = status(other, flag)[1]
        with session_scope(engine) as session:
            review(session, flag, "confirm", "Ada", expected_version=seen_by_first)
        with pytest.raises(StaleReview) as lost, session_scope(other) as session:
            review(session, flag, "dismiss", "Ben", expected_version=seen_by_second)
    finally:
        other.dispose()
    message = str(lost.value)
    assert "now confirmed at version 2" in message and "by Ada" in message
    assert status(engine, flag) == ("confirmed", 2)
    with session_scope(engine) as session:
        assert [r.reviewer for r in history(session, flag)] == ["Ada"]


def test_concurrent_transactions_on_one_flag_never_lose_an_update(engine: Engine, db_url: str) -> None:
    """Both transactions open and read before either writes (PostgreSQL: truly interleaved)."""
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite serialises writers with a file lock; the interleaving needs a server")
    flag = make_flag(engine)
    other = open_store(db_url)
    try:
        with session_scope(engine) as first, session_scope(other) as second:
            v1 = first.get(Flag, flag).version
            v2 = second.get(Flag, flag).version
            review(first, flag, "confirm", "Ada", expected_version=v1)
            first.commit()
            with pytest.raises(StaleReview, match="now confirmed at version 2"):
                review(second, flag, "dismiss", "Ben", expected_version=v2)
            second.rollback()
    finally:
        other.dispose()
    assert status(engine, flag) == ("confirmed", 2)


def test_a_reviewed_flag_outlives_a_rerun_that_no_longer_finds_it(engine: Engine) -> None:
    flag = make_flag(engine)
    with session_scope(engine) as session:
        review(session, flag, "confirm", "Ada")
    with session_scope(engine) as session:
        review(session, flag, "reopen", "Ada")  # open again, but reviewed: its trail must stay
    with session_scope(engine) as session:
        sync_flags(session, {"conflict"}, {})
    assert status(engine, flag) == ("open", 3)
    with session_scope(engine) as session:
        assert len(history(session, flag)) == 2


def test_a_review_of_a_flag_a_rerun_removed_meanwhile_says_it_is_gone(engine: Engine, db_url: str) -> None:
    """The reviewer read the flag; a re-run that no longer finds it (open, never reviewed) removes it first."""
    flag = make_flag(engine)
    other = open_store(db_url)
    try:
        with session_scope(engine) as first:
            read = first.get(Flag, flag)  # held: the reviewer's copy stays in the session
            assert read is not None
            with session_scope(other) as rerun:
                sync_flags(rerun, {"conflict"}, {})
            if engine.dialect.name == "sqlite":
                # SQLite's snapshot: a reader whose data another writer changed meanwhile may not write at all
                # (the CLI's reviews begin IMMEDIATE, holding the write lock, so they never get here).
                with pytest.raises(OperationalError, match="locked"):
                    review(first, flag, "confirm", "Ada", expected_version=read.version)
            else:
                with pytest.raises(StaleReview, match=f"flag {flag} is gone since you read it"):
                    review(first, flag, "confirm", "Ada", expected_version=read.version)
            first.rollback()
    finally:
        other.dispose()
    with session_scope(engine) as session:
        assert session.get(Flag, flag) is None
