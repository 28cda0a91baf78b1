"""Shared fixtures: the real CLI, real SQLite files, and throw-away PostgreSQL databases.

PostgreSQL tests run when TRACKER_TEST_PG_URL names a server login with CREATE DATABASE rights, e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/test. Each test that needs one gets a database of its own,
created for it and dropped after it, so nothing else on that server is ever touched.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from tracker.cli import cli

PG_ENV = "TRACKER_TEST_PG_URL"
PG_SKIP_REASON = f"{PG_ENV} is not set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the caller's TRACKER_DB or leaves a tracker.db in the working tree."""
    monkeypatch.delenv("TRACKER_DB", raising=False)
    monkeypatch.chdir(tmp_path)


class PgServer:
    """Creates and drops uniquely named databases on the server TRACKER_TEST_PG_URL points at."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin: Engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.created: list[str] = []

    def create_database(self) -> str:
        name = f"tracker_test_{secrets.token_hex(6)}"
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop_database(self, url: str) -> None:
        name = make_url(url).database
        assert name is not None and name.startswith("tracker_test_"), name
        with self.admin.connect() as connection:
            # FORCE: engines the CLI left open in this process must not keep the database alive.
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created.remove(name)

    def close(self) -> None:
        for name in list(self.created):
            self.drop_database(self.url.set(database=name).render_as_string(hide_password=False))
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(PG_SKIP_REASON)
    server = PgServer(url)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """URL of a fresh, empty PostgreSQL database, dropped after the test."""
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 't.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database URL of each backend; the PostgreSQL one only when TRACKER_TEST_PG_URL is set."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 't.db'}"
    if not os.environ.get(PG_ENV):
        pytest.skip(PG_SKIP_REASON)
    return request.getfixturevalue("pg_url")


Invoke = Callable[..., Result]


@pytest.fixture
def invoke() -> Invoke:
    """Run the real CLI in-process: ``invoke(db_url, "ingest", path)``; stdout and stderr kept apart."""

    def run(db: str | None, *args: str) -> Result:
        argv = (["--db", db] if db is not None else []) + [str(a) for a in args]
        return CliRunner().invoke(cli, argv, catch_exceptions=True)

    return run


@pytest.fixture
def tracker(invoke: Invoke, sqlite_url: str) -> Callable[..., Result]:
    """The CLI bound to one SQLite file per test."""
    return lambda *args: invoke(sqlite_url, *args)


_GOLD_REPORT = pytest.StashKey[dict]()


@pytest.fixture
def gold_report(request: pytest.FixtureRequest) -> dict:
    """Counts the dev-corpus tests record, printed at the end of the run."""
    return request.config.stash.setdefault(_GOLD_REPORT, {})


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    report = config.stash.get(_GOLD_REPORT, {})
    if report:
        terminalreporter.write_line("dev corpus: " + "; ".join(f"{name} {count}" for name, count in report.items()))
    if config.get_verbosity() < -1:
        # addopts has -q, so `pytest -q` runs at -qq, where pytest prints no closing counts of its own.
        stats = terminalreporter.stats

        def count(*keys: str) -> int:
            return sum(len(stats.get(key, [])) for key in keys)

        if count("xfailed"):
            terminalreporter.write_line(f"known bugs: {count('xfailed')} xfailed")
        failed = count("failed", "error")
        terminalreporter.write_line(f"tests: {count('passed')} passed, {failed} failed, {count('skipped')} skipped")
