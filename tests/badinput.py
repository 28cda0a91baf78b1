"""Harness of the bad-input suite: the installed ``tracker`` run as a subprocess, and checks that a database
is exactly as it was.

Every command under test runs as its own process (stdin closed, a memory cap, a timeout), so a hang, a crash
or a runaway read fails the test instead of the test run. Snapshots of the database are taken in-process with
the same CLI (``tracker export --format json -o -``) plus every row of every table, which is much faster than
a process per snapshot and sees rows the export does not show (reviews, pending work).
"""

from __future__ import annotations

import json
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from tracker.cli import cli

TRACKER = Path(sys.executable).with_name("tracker")
PREFIX = "tracker: error: "
TIMEOUT = 60  # seconds; a command that takes longer is taken to hang
MEMORY_CAP = 2 << 30  # bytes of address space: a read of an endless file fails fast instead of eating the host


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(
    db: str | None, *args: str | Path, cwd: Path | None = None, timeout: float = TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """Run the real CLI: ``tracker [--db DB] ARGS``; a run that outlives ``timeout`` fails the test."""
    assert TRACKER.is_file(), f"{TRACKER} is not installed (pip install -e . in the venv)"
    argv = [str(TRACKER), *(["--db", db] if db is not None else []), *map(str, args)]
    try:
        return subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            cwd=cwd,
            timeout=timeout,
            preexec_fn=_cap_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"hung: {' '.join(argv[1:])} still running after {timeout} s")


# The per-test folder pytest makes is named after the test (test_symlink_loop0): masked before a fragment is
# looked for, so that a word of the test's own name never passes for a word of the message.
_TEST_DIR = re.compile(r"\S*?/pytest-of-[^/\s]+/pytest-\d+/[^/\s]+")


def masked(line: str) -> str:
    return _TEST_DIR.sub("<tmp>", line)


def has(line: str, fragment: str | re.Pattern[str]) -> bool:
    """``fragment`` is in the line: a path of the test's folder as it is, anything else outside that folder's name."""
    if isinstance(fragment, re.Pattern):
        return fragment.search(masked(line)) is not None
    return fragment in (line if "pytest-of-" in fragment else masked(line))


def error_lines(proc: subprocess.CompletedProcess[str]) -> list[str]:
    """stderr as lines, each a one-line ``tracker: error: ...``; no traceback."""
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    lines = proc.stderr.strip().splitlines()
    assert lines, f"no error on stderr (exit {proc.returncode}; stdout: {proc.stdout[-500:]!r})"
    assert all(line.startswith(PREFIX) for line in lines), lines
    return lines


def one_error(
    proc: subprocess.CompletedProcess[str], *fragments: str | re.Pattern[str], code: int | tuple[int, ...] | None = None
) -> str:
    """The command failed with exactly one error line holding every fragment (a str, or a compiled regex)."""
    assert proc.returncode != 0, f"exit 0; stdout: {proc.stdout[-500:]!r}; stderr: {proc.stderr[-500:]!r}"
    lines = error_lines(proc)
    assert len(lines) == 1, lines
    line = lines[0]
    for fragment in fragments:
        assert has(line, fragment), (fragment, line)
    if code is not None:
        codes = (code,) if isinstance(code, int) else code
        assert proc.returncode in codes, (proc.returncode, line)
    return line


def succeeded(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-1000:])


def export(url: str) -> dict:
    """``tracker export --format json -o -`` of the database, parsed."""
    result = CliRunner().invoke(cli, ["--db", url, "export", "--format", "json", "-o", "-"], catch_exceptions=True)
    assert result.exit_code == 0, (result.output, result.exception)
    return json.loads(result.stdout)


def table_rows(url: str) -> dict[str, list[str]]:
    """Every row of every table, as sorted reprs."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        with sqlite3.connect(f"file:{parsed.database}?mode=ro", uri=True) as connection:
            names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {name: sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{name}"')) for name in names}
    engine = create_engine(parsed)
    try:
        with engine.connect() as connection:
            names = inspect(connection).get_table_names()
            return {
                name: sorted(repr(tuple(row)) for row in connection.execute(text(f'SELECT * FROM "{name}"')))
                for name in names
            }
    finally:
        engine.dispose()


def sqlite_health(path: Path) -> None:
    """PRAGMA integrity_check is ok and foreign_key_check finds nothing (opened read-only)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


@dataclass
class CorpusDb:
    """A database holding the stored corpus; ``before`` is its state when the case started."""

    backend: str
    url: str
    path: Path | None = None  # the SQLite file
    before: dict = field(default_factory=dict)

    def state(self) -> dict:
        return {"export": export(self.url), "rows": table_rows(self.url)}

    def mark(self) -> None:
        """Take the state the case must leave untouched (after any set-up the case does)."""
        self.before = self.state()

    def assert_unchanged(self) -> None:
        after = self.state()
        assert after["export"] == self.before["export"], "the export changed"
        assert after["rows"] == self.before["rows"], "rows in the database changed"
        self.healthy()

    def healthy(self) -> None:
        if self.path is not None:
            sqlite_health(self.path)

    def stored_paths(self) -> list[str]:
        return sorted(Path(s["path"]).name for s in export(self.url)["sources"])

    def stored_text(self, name: str) -> str:
        """The stored text of the source whose file is called ``name``."""
        engine = create_engine(make_url(self.url))
        try:
            with engine.connect() as connection:
                rows = connection.execute(text("SELECT path, text FROM sources")).fetchall()
        finally:
            engine.dispose()
        [found] = [t for p, t in rows if Path(p).name == name]
        return found


def copy_sqlite(template: Path, target: Path) -> None:
    """Copy a closed SQLite database with any WAL beside it."""
    for part in template.parent.glob(template.name + "*"):
        shutil.copyfile(part, target.with_name(target.name + part.name[len(template.name) :]))
