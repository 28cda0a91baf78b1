"""Opening the database: engine settings per backend, and migrations to head on first use."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from tracker.errors import TrackerError

DEFAULT_URL = "sqlite:///tracker.db"
# How long a SQLite connection waits for another process's write lock before giving up (seconds); the
# environment variable TRACKER_BUSY_TIMEOUT overrides it.
BUSY_TIMEOUT_S = 60.0
BUSY_TIMEOUT_ENV = "TRACKER_BUSY_TIMEOUT"
WRITE_OPTION = "tracker_write"
# PostgreSQL advisory lock keys: one migration at a time, one corpus-wide stage at a time.
PG_LOCK_MIGRATE = 7_305_001
PG_LOCK_CORPUS = 7_305_002
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
            if database and parsed.query.get("uri") == "true" and database.startswith("file:"):
                database = database[len("file:") :].split("?", 1)[0]  # a URI filename: file:PATH?mode=ro
            if database and database != ":memory:":
                parent = Path(database).expanduser().resolve().parent
                if not parent.is_dir():
                    raise StoreError(f"--db {url}: directory {parent} does not exist")
            timeout = busy_timeout()
            engine = create_engine(parsed, connect_args={"timeout": timeout})
            event.listen(engine, "connect", lambda dbapi, record: _sqlite_pragmas(dbapi, record, timeout))
            event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except NoSuchModuleError as exc:
        raise StoreError(f"--db {url}: unsupported database ({parsed.drivername})") from exc
    except ImportError as exc:
        # A dialect SQLAlchemy knows whose driver is not installed (mysql://, postgresql+psycopg2://, ...).
        raise StoreError(f"--db {url}: driver for {parsed.drivername} is not installed ({exc.name})") from exc
    return engine


def busy_timeout() -> float:
    value = os.environ.get(BUSY_TIMEOUT_ENV)
    if value is None:
        return BUSY_TIMEOUT_S
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86_400:
        raise StoreError(f"{BUSY_TIMEOUT_ENV}={value!r} is not a number of seconds (0 to 86400)")
    return seconds


def _sqlite_pragmas(dbapi_connection, _record, timeout: float = BUSY_TIMEOUT_S) -> None:
    # pysqlite's own transaction handling begins a transaction only before INSERT/UPDATE/DELETE, so DDL and
    # the reads before a write ran outside any transaction. Switch it off and let _sqlite_begin emit BEGIN
    # for every SQLAlchemy transaction (the SQLAlchemy "pysqlite serializable" recipe): a migration, version
    # row included, is then one transaction, and a killed process leaves the database as it was.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    with contextlib.suppress(sqlite3.OperationalError):  # a read-only database keeps the journal mode it has
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # A writer takes the write lock when it begins (BEGIN IMMEDIATE), so two writers queue on the busy timeout
    # instead of one failing at once when its read snapshot turns out stale; readers begin DEFERRED.
    immediate = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def writer(engine: Engine) -> Engine:
    """The same engine, for a transaction that will write: on SQLite it takes the write lock at BEGIN."""
    return engine.execution_options(**{WRITE_OPTION: True})


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
    """Run migrations up to ``revision`` in one transaction, version row included.

    Two processes opening a new database at once queue: on SQLite the transaction begins IMMEDIATE (the write
    lock), on PostgreSQL it takes an advisory lock; Alembic reads the current revision inside it, so the
    second process finds the work done. On SQLite, foreign keys are switched off for the run (a batch
    migration copies a table, and dropping the old copy would cascade-delete the child rows) and checked
    before the commit: a migration that would break them is rolled back.
    """
    from alembic import command

    sqlite = engine.dialect.name == "sqlite"
    with writer(engine).connect() as connection:
        if sqlite:
            # Outside any transaction: inside one, SQLite ignores this pragma.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                if not sqlite:
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_MIGRATE})
                command.upgrade(alembic_config(connection), revision)
                if sqlite:
                    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise StoreError(f"migration would break foreign keys: {problems[:3]}")
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


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
        raise StoreError(f"--db {redact(resolved)}: cannot open database ({reason})") from exc
    except Exception as exc:
        engine.dispose()
        if isinstance(exc, StoreError):
            raise
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"--db {redact(resolved)}: {reason}") from exc
    return engine


def redact(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


@contextmanager
def session_scope(engine: Engine, write: bool = False) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back on any error.

    ``write=True`` for a transaction that reads in order to write (check-then-insert): on SQLite it holds the
    write lock from its first statement, so no other process can commit in between.
    """
    factory = sessionmaker(writer(engine) if write else engine, expire_on_commit=False)
    with factory() as session, session.begin():
        yield session


def ping(engine: Engine) -> None:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def db_reason(exc: Exception) -> str:
    """The database's own one-line reason for an error, without SQL or parameters."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def insert_rows(session: Session, model: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert plain rows (no ids read back) in the session's transaction, as fast as the database allows.

    PostgreSQL takes them through COPY, one stream however many rows (an executemany is a round of protocol
    messages per row); other databases through Core's executemany. Every row names the same columns; a column
    left out gets its default, as an INSERT would give it (a default computed per row is not COPY's to give:
    such a table takes the executemany)."""
    if not rows:
        return
    table: Table = model.__table__
    named = list(rows[0])
    missing = [c for c in table.columns if c.name not in named and c.default is not None]
    if session.get_bind().dialect.name != "postgresql" or any(not c.default.is_scalar for c in missing):  # type: ignore[union-attr]
        session.execute(insert(table), rows)
        return
    session.flush()  # the ORM's pending rows first: these may refer to them
    filled = {c.name: c.default.arg for c in missing}  # type: ignore[union-attr]
    columns = [*named, *filled]
    statement = f"COPY {_quoted(table.name)} ({', '.join(map(_quoted, columns))}) FROM STDIN"
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([*(row[c] for c in named), *filled.values()])
    finally:
        cursor.close()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
