"""Fixtures pytest-alembic's tests need: the tracker's Alembic config and a handle on an empty database.

The handle is parametrized: every migration test runs on SQLite and, when TRACKER_TEST_PG_URL is set, on a
fresh PostgreSQL database of its own (see tests/conftest.py).

pytest-alembic puts whatever ``alembic_engine`` gives into ``config.attributes["connection"]``. The tracker's
alembic/env.py runs migrations on that object as a Connection (tracker.store.db.upgrade hands it one), so the
fixture gives a Connection, set up as the tracker's own upgrade sets it up (SQLite foreign keys off while
tables are altered).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection

from tests.conftest import PG_ENV, PG_SKIP_REASON
from tracker.store import db


@pytest.fixture
def alembic_config():
    return db.alembic_config()


@pytest.fixture(params=["sqlite", "postgresql"])
def alembic_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Connection]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'migrations.db'}"
    elif not os.environ.get(PG_ENV):
        pytest.skip(PG_SKIP_REASON)
    else:
        url = request.getfixturevalue("pg_url")
    engine = db.make_engine(url)
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        yield connection
        connection.commit()
    engine.dispose()
