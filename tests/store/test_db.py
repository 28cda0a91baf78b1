"""tracker.store.db: opening a database, one-line errors, and migrations to head on first use."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from tracker.store import StoreError, database_url, open_store, session_scope
from tracker.store.db import DEFAULT_URL, current_and_head, make_engine, ping


def test_database_url_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    assert database_url() == DEFAULT_URL == "sqlite:///tracker.db"
    monkeypatch.setenv("TRACKER_DB", "sqlite:///from-env.db")
    assert database_url() == "sqlite:///from-env.db"
    assert database_url("sqlite:///explicit.db") == "sqlite:///explicit.db"


def test_open_store_creates_the_schema_at_head(db_url: str) -> None:
    engine = open_store(db_url)
    try:
        current, head = current_and_head(engine)
        assert current == head is not None
        tables = set(inspect(engine).get_table_names())
        assert {"sources", "outlets", "passages", "alembic_version"} <= tables
        ping(engine)
    finally:
        engine.dispose()


def test_open_store_twice_keeps_the_data(db_url: str) -> None:
    engine = open_store(db_url)
    with session_scope(engine) as session:
        session.execute(text("INSERT INTO outlets (name) VALUES ('Velmora Evening Star')"))
    engine.dispose()
    engine = open_store(db_url)
    with session_scope(engine) as session:
        assert session.execute(text("SELECT name FROM outlets")).scalars().all() == ["Velmora Evening Star"]
    engine.dispose()


def test_sqlite_runs_with_foreign_keys_and_wal(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


def test_session_scope_rolls_back_on_error(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        session.execute(text("INSERT INTO outlets (name) VALUES ('Half-written Gazette')"))
        raise RuntimeError("stage failed")
    with session_scope(engine) as session:
        assert session.execute(text("SELECT count(*) FROM outlets")).scalar() == 0
    engine.dispose()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("garbage", r"--db 'garbage' is not a database URL"),
        ("no such scheme://x", r"is not a database URL"),
        ("foo://host/db", r"unsupported database \(foo\)"),
        ("mysql://host/db", r"driver for mysql is not installed"),
    ],
    ids=["garbage", "spaces", "unknown-dialect", "driver-not-installed"],
)
def test_bad_urls_give_one_line_store_errors(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as error:
        open_store(url)
    assert "\n" not in str(error.value)


def test_sqlite_in_a_missing_directory(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'missing' / 't.db'}"
    with pytest.raises(StoreError, match=r"directory .*missing does not exist"):
        make_engine(url)
    assert not (tmp_path / "missing").exists()


def test_sqlite_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The council of Velmora approved plans for a new ferry terminal.\n" * 50)
    with pytest.raises(StoreError, match="not a database") as error:
        open_store(f"sqlite:///{path}")
    assert "\n" not in str(error.value)


def test_unreachable_postgresql_is_a_one_line_store_error() -> None:
    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1/x: cannot open database") as error:
        open_store("postgresql+psycopg://127.0.0.1:1/x")
    assert "\n" not in str(error.value)


def test_password_is_not_shown_in_errors() -> None:
    with pytest.raises(StoreError) as error:
        open_store("postgresql+psycopg://editor:s3cret-pw@127.0.0.1:1/x")
    assert "s3cret-pw" not in str(error.value)
    assert "editor:***@" in str(error.value)


def test_insert_rows_keeps_every_value_and_gives_left_out_columns_their_defaults(db_url: str) -> None:
    # PostgreSQL takes the rows through COPY: text with COPY's own delimiters and escapes must come back as given,
    # a NULL as None, and a column a row leaves out its default, as an INSERT gives it.
    from tracker.store.db import insert_rows
    from tracker.store.models import Claim, ClaimEvent, EntityKind, KindKey, Source

    odd = ["tab\there", "line\nbreak", "back\\slash \\N", "quote \" and '", "\\.", "Pěškov — Песков", ""]
    engine = open_store(db_url)
    try:
        with session_scope(engine, write=True) as session:
            source = Source(path="a.txt", content_sha256="0" * 64, media_type="text/plain", encoding="utf-8",
                            text="A text.")  # fmt: skip
            source.claims = [Claim(position=0, text="A text.", start=0, end=7, kind="other")]
            session.add(source)  # pending: insert_rows writes the ORM's rows first
            insert_rows(
                session,
                EntityKind,
                [{"digest": f"{i:064d}", "name": s, "type": "person", "strong": i % 2 == 0, "forms": s, "titles": None}
                 for i, s in enumerate(odd)],
            )  # fmt: skip
            kinds = dict(session.execute(select(EntityKind.digest, EntityKind.id)).all())
            insert_rows(session, KindKey, [{"key": "n:" + s, "kind_id": kinds[f"{i:064d}"]} for i, s in enumerate(odd)])
            insert_rows(session, ClaimEvent, [{"claim_id": source.claims[0].id, "kind": "meeting", "words": "met"}])
            insert_rows(session, KindKey, [])
        with session_scope(engine) as session:
            got = session.execute(select(EntityKind.name, EntityKind.strong, EntityKind.forms, EntityKind.titles)
                                  .order_by(EntityKind.digest)).all()  # fmt: skip
            assert got == [(s, i % 2 == 0, s, None) for i, s in enumerate(odd)]
            assert sorted(session.scalars(select(KindKey.key))) == sorted("n:" + s for s in odd)
            assert session.scalars(select(ClaimEvent.negated)).all() == [False]
    finally:
        engine.dispose()
