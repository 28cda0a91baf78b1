"""Crash safety through the real CLI and store: nothing a killed or concurrent process does leaves a database
that differs from one clean run.

- A run stopped after storing sources but before the corpus-wide stage (entities, matching, flags) leaves
  that stage recorded as pending; the next command that opens the database finishes it.
- A migration is one transaction, version row included: a failure half-way leaves the previous revision.
- Two processes opening a new database, or ingesting the same files, at once both succeed, and the result
  equals one ingest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from tests.articles import write_corpus
from tracker import pipeline
from tracker.store import db, open_store, session_scope
from tracker.store.models import Entity, Flag, PendingWork, Source

TRACKER = str(Path(sys.executable).with_name("tracker"))


def normalised(export: dict) -> dict:
    """The export with database ids replaced by what they stand for, so two databases can be compared."""
    sources = {s["id"]: s["content_sha256"] for s in export["sources"]}
    claims = {c["id"]: (sources[c["source_id"]], c["start"], c["end"], c["text"]) for c in export["claims"]}
    entities = {e["id"]: (e["type"], tuple(sorted(e["aliases"]))) for e in export["entities"]}
    return {
        "sources": sorted(
            (s["content_sha256"], s["path"], s["outlet"], s["published"], sources.get(s["duplicate_of"]))
            for s in export["sources"]
        ),
        "claims": sorted(
            (*claims[c["id"]], c["kind"], tuple(sorted(entities[e] for e in c["entity_ids"]))) for c in export["claims"]
        ),
        "entities": sorted(entities.values()),
        "flags": sorted(
            (f["kind"], f["status"], tuple(sorted(claims[c] for c in f["claim_ids"]))) for f in export["flags"]
        ),
    }


def exported(invoke, url: str) -> dict:
    result = invoke(url, "export", "-o", "-")
    assert result.exit_code == 0, result.stderr
    return normalised(json.loads(result.stdout))


def test_a_run_stopped_before_the_corpus_stage_is_finished_by_the_next_command(
    invoke, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path / "corpus")
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    assert invoke(clean_url, "ingest", tmp_path / "corpus").exit_code == 0
    clean = exported(invoke, clean_url)

    def killed(*_args):
        raise KeyboardInterrupt  # stands for the process dying here: nothing after this runs

    monkeypatch.setattr(pipeline, "finish_corpus_stage", killed)
    result = invoke(db_url, "ingest", tmp_path / "corpus")
    assert result.exit_code != 0  # click reports the interrupt as "Aborted!"
    monkeypatch.undo()

    engine = open_store(db_url)
    with session_scope(engine) as session:
        assert session.scalar(select(PendingWork.name)) == "corpus"
        assert session.scalars(select(Entity)).first() is None
        assert set(session.scalars(select(Source.staged))) == {False}  # all new to the corpus stage
    engine.dispose()

    result = invoke(db_url, "sources")
    assert result.exit_code == 0, result.stderr
    assert "finishing it" in result.stderr
    engine = open_store(db_url)
    with session_scope(engine) as session:
        assert session.scalar(select(PendingWork.name)) is None
        assert session.scalars(select(Entity)).first() is not None
        assert session.scalars(select(Flag)).first() is not None
        assert set(session.scalars(select(Source.staged))) == {True}  # each taken in once
    engine.dispose()
    assert exported(invoke, db_url) == clean


def test_nothing_pending_after_a_complete_run_or_an_unchanged_rerun(invoke, sqlite_url: str, tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus")
    assert invoke(sqlite_url, "ingest", tmp_path / "corpus").exit_code == 0
    again = invoke(sqlite_url, "ingest", tmp_path / "corpus")
    assert again.exit_code == 0
    assert "finishing it" not in again.stderr
    engine = open_store(sqlite_url)
    assert not pipeline.corpus_stage_pending(engine)
    engine.dispose()


def test_a_pending_stage_on_a_read_only_database_is_named_not_a_traceback(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path / "corpus")
    path = tmp_path / "t.db"
    monkeypatch.setattr(pipeline, "finish_corpus_stage", lambda *_args: (_ for _ in ()).throw(KeyboardInterrupt))
    invoke(f"sqlite:///{path}", "ingest", tmp_path / "corpus")
    monkeypatch.undo()
    result = invoke(f"sqlite:///file:{path}?mode=ro&uri=true", "sources")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "tracker entities resolve" in result.stderr


def test_a_migration_that_fails_half_way_leaves_the_previous_revision(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic.operations import Operations

    engine = db.make_engine(db_url)
    db.upgrade(engine, "0004")

    def boom(*_args, **_kwargs):
        raise RuntimeError("killed half-way through 0005")

    monkeypatch.setattr(Operations, "create_index", boom)  # 0005 creates its table, then an index
    with pytest.raises(RuntimeError):
        db.upgrade(engine)
    monkeypatch.undo()
    assert db.current_and_head(engine)[0] == "0004"
    assert "flag_reviews" not in inspect(engine).get_table_names()
    db.upgrade(engine)
    current, head = db.current_and_head(engine)
    assert current == head
    engine.dispose()


def _cli(url: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [TRACKER, "--db", url, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "TRACKER_DB"},
    )


def test_two_processes_opening_a_new_database_both_succeed(db_url: str) -> None:
    first, second = _cli(db_url, "db", "upgrade"), _cli(db_url, "db", "upgrade")
    for process in (first, second):
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert "Traceback" not in err
    engine = db.make_engine(db_url)
    current, head = db.current_and_head(engine)
    engine.dispose()
    assert current == head


def test_two_ingests_of_the_same_files_at_once_equal_one_ingest(invoke, db_url: str, tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus")
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    assert invoke(clean_url, "ingest", tmp_path / "corpus").exit_code == 0
    assert invoke(db_url, "db", "upgrade").exit_code == 0  # both processes find the schema: the race is ingest's
    first, second = _cli(db_url, "ingest", str(tmp_path / "corpus")), _cli(db_url, "ingest", str(tmp_path / "corpus"))
    for process in (first, second):
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert "Traceback" not in err
    assert exported(invoke, db_url) == exported(invoke, clean_url)


def test_a_database_locked_past_the_busy_timeout_is_one_line(
    invoke, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    write_corpus(tmp_path / "corpus")
    assert invoke(sqlite_url, "db", "upgrade").exit_code == 0
    holder = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        monkeypatch.setenv(db.BUSY_TIMEOUT_ENV, "0.2")
        result = invoke(sqlite_url, "ingest", tmp_path / "corpus")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("tracker: error: ") and "locked" in line
    monkeypatch.delenv(db.BUSY_TIMEOUT_ENV)
    assert invoke(sqlite_url, "ingest", tmp_path / "corpus").exit_code == 0


def test_a_bad_busy_timeout_is_one_line(invoke, sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(db.BUSY_TIMEOUT_ENV, "soon")
    result = invoke(sqlite_url, "sources")
    assert result.exit_code == 2
    message = "tracker: error: TRACKER_BUSY_TIMEOUT='soon' is not a number of seconds (0 to 86400)"
    assert result.stderr.strip() == message
