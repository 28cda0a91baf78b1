"""Opening the database: engine settings per backend, and migrations to head on first use."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from tracker.errors import TrackerError

DEFAULT_URL = "sqlite:///tracker.db"
ALEMBIC_DIR = Path(__file__).resolve().parents[2] / "alembic"


class StoreError(TrackerError, RuntimeError):
    """The database cannot be opened or brought up to date."""


def database_url(explicit: str | None = None) -> str:
    return explicit or os.environ.get("TRACKER_DB") or DEFAULT_URL


def make_engine(url: str) -> Engine:
    """An engine for ``url``: SQLite with foreign keys on and WAL; PostgreSQL as it comes."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"--db {url!r} is not a database URL (e.g. sqlite:///tracker.db)") from exc
    try:
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database
            if database and database != ":memory:":
                parent = Path(database).expanduser().resolve().parent
                if not parent.is_dir():
                    raise StoreError(f"--db {url}: directory {parent} does not exist")
            engine = create_engine(parsed, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except NoSuchModuleError as exc:
        raise StoreError(f"--db {url}: unsupported database ({parsed.drivername})") from exc
    except ImportError as exc:
        # A dialect SQLAlchemy knows whose driver is not installed (mysql://, postgresql+psycopg2://, ...).
        raise StoreError(f"--db {url}: driver for {parsed.drivername} is not installed ({exc.name})") from exc
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config(str(ALEMBIC_DIR.parent / "alembic.ini"))
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_and_head(engine: Engine) -> tuple[str | None, str | None]:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current, head


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run migrations up to ``revision``.

    On SQLite, foreign keys are switched off for the run: a batch migration copies a table, and with
    foreign keys on, dropping the old copy would cascade-delete the child rows. They are checked after.
    """
    from alembic import command

    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        command.upgrade(alembic_config(connection), revision)
        connection.commit()
        if sqlite:
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            if problems:
                raise StoreError(f"migration left broken foreign keys: {problems[:3]}")


def open_store(url: str | None = None) -> Engine:
    """Engine for the tracker database, migrated to head; StoreError with a one-line reason otherwise."""
    resolved = database_url(url)
    engine = make_engine(resolved)
    try:
        current, head = current_and_head(engine)
        if current != head:
            upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc).splitlines()[0]
        raise StoreError(f"--db {_redact(resolved)}: cannot open database ({reason})") from exc
    except Exception as exc:
        engine.dispose()
        if isinstance(exc, StoreError):
            raise
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"--db {_redact(resolved)}: {reason}") from exc
    return engine


def _redact(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back on any error."""
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory() as session, session.begin():
        yield session


def ping(engine: Engine) -> None:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
