"""Models and migrations never drift: pytest-alembic's built-in tests, plus the tracker's own upgrade path.

pytest-alembic only inserts its tests by itself under ``pytest --test-alembic``; they are called here
explicitly so that a plain ``pytest`` runs them, on each backend the ``alembic_engine`` fixture gives.
"""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from pytest_alembic import tests as builtin
from sqlalchemy import Connection, inspect

from tracker.store import db
from tracker.store.models import Base


def test_single_head_revision(alembic_runner) -> None:
    builtin.test_single_head_revision(alembic_runner)


def test_upgrade(alembic_runner) -> None:
    builtin.test_upgrade(alembic_runner)


def test_model_definitions_match_ddl(alembic_runner) -> None:
    builtin.test_model_definitions_match_ddl(alembic_runner)


def test_up_down_consistency(alembic_runner) -> None:
    builtin.test_up_down_consistency(alembic_runner)


def test_downgrade_to_base_leaves_no_tables(alembic_runner, alembic_engine: Connection) -> None:
    alembic_runner.migrate_up_to("heads")
    alembic_runner.migrate_down_to("base")
    assert set(inspect(alembic_engine).get_table_names()) <= {"alembic_version"}


def test_tracker_upgrade_matches_the_models(alembic_engine: Connection) -> None:
    """The path the CLI takes (open_store -> upgrade on a handed-over connection) ends where the models are."""
    alembic_engine.commit()  # nothing to keep: let the tracker's own engine open the same empty database
    engine = db.open_store(alembic_engine.engine.url.render_as_string(hide_password=False))
    try:
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert diff == []
        current, head = db.current_and_head(engine)
        assert current == head
    finally:
        engine.dispose()


def test_every_migration_file_is_in_the_history() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db.alembic_config())
    files = {p.stem.split("_", 1)[0] for p in (db.ALEMBIC_DIR / "versions").glob("*.py")}
    revisions = {r.revision for r in script.walk_revisions()}
    assert files == revisions
    assert Path(script.dir) == db.ALEMBIC_DIR


def test_upgrade_twice_is_harmless(alembic_engine: Connection) -> None:
    alembic_engine.commit()
    engine = db.make_engine(alembic_engine.engine.url.render_as_string(hide_password=False))
    try:
        db.upgrade(engine)
        db.upgrade(engine)
        current, head = db.current_and_head(engine)
        assert current == head is not None
    finally:
        engine.dispose()


def test_0014_hands_stored_sources_to_the_corpus_stage_again(alembic_runner, alembic_engine: Connection) -> None:
    """Sources stored before 0014 have no blocking keys: the next corpus stage takes them in again, and keys them."""
    from sqlalchemy import text

    alembic_runner.migrate_up_to("0013")
    alembic_runner.insert_into(
        "sources",
        {"path": "a.txt", "content_sha256": "0" * 64, "media_type": "text/plain", "encoding": "utf-8",
         "text": "A.", "staged": True},
    )  # fmt: skip
    alembic_runner.migrate_up_one()
    assert alembic_engine.execute(text("SELECT staged FROM sources")).scalar() in (False, 0)
    assert alembic_engine.execute(text("SELECT name FROM pending_work")).scalars().all() == ["corpus"]
