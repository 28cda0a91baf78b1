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


def test_0018_gives_each_keyed_article_entity_its_kind_with_the_keys_it_had(
    alembic_runner, alembic_engine: Connection
) -> None:
    """Alike article entities become one kind (its digest as the domain computes it) holding their keys; an
    unkeyed one gets no kind; downgrading gives each article entity its kind's keys again."""
    from sqlalchemy import text

    from tracker.store.entity_repo import kind_digest

    alembic_runner.migrate_up_to("0017")
    alembic_runner.insert_into(
        "sources",
        {"id": 1, "path": "a.txt", "content_sha256": "0" * 64, "media_type": "text/plain", "encoding": "utf-8",
         "text": "A.", "staged": True},
    )  # fmt: skip
    forms, titles = '{"Ivo Marek": 1}', '["minister"]'
    for position, (name, keyed) in enumerate([("Ivo Marek", True), ("Ivo Marek", True), ("Orla Venn", False)]):
        alembic_runner.insert_into(
            "source_entities",
            {"id": position + 1, "source_id": 1, "position": position, "name": name, "type": "PERSON",
             "strong": True, "forms": forms if keyed else None, "titles": titles if keyed else None},
        )  # fmt: skip
    for se_id, key in [(1, "p:marek"), (1, "n:ivo marek"), (2, "p:marek"), (2, "n:ivo marek")]:
        alembic_runner.insert_into("entity_keys", {"key": key, "source_entity_id": se_id})
    alembic_runner.migrate_up_one()
    [(kind_id, digest)] = alembic_engine.execute(text("SELECT id, digest FROM entity_kinds")).all()
    assert digest == kind_digest("Ivo Marek", "PERSON", True, forms, titles)
    kinds = alembic_engine.execute(text("SELECT id, kind_id FROM source_entities ORDER BY id")).all()
    assert [tuple(r) for r in kinds] == [(1, kind_id), (2, kind_id), (3, None)]
    keys = alembic_engine.execute(text("SELECT key FROM kind_keys WHERE kind_id = :k ORDER BY key"), {"k": kind_id})
    assert keys.scalars().all() == ["n:ivo marek", "p:marek"]
    alembic_runner.migrate_down_one()
    back = alembic_engine.execute(text("SELECT source_entity_id, key FROM entity_keys ORDER BY 1, 2")).all()
    assert [tuple(r) for r in back] == [(1, "n:ivo marek"), (1, "p:marek"), (2, "n:ivo marek"), (2, "p:marek")]
