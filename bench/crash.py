"""Kill -9 at random points of an ingest and of a migration; count damaged databases and re-runs that differ.

Usage: python bench/crash.py [CORPUS_DIR] [--kills N] [--seed S] [--pg ADMIN_URL]

For each of three stages it runs the real CLI and has the process SIGKILL itself just before a random one
of the SQL statements of that stage reaches the database (a probe run counts them), N times:

- per-file: ``tracker ingest CORPUS`` killed while sources are being stored, each in its own transaction;
- corpus:   killed inside the corpus-wide stage (entities, matching, flags), after every source is stored;
- migration: ``tracker db upgrade`` on a new SQLite file, killed (SIGKILL from inside, just before a random
            one of its DDL or version-row statements reaches the database) while its transaction is open.

After each kill the database must be usable: it opens, ``PRAGMA integrity_check`` is ok and
``foreign_key_check`` is empty (SQLite), the schema revision is either none or the newest, and an
export succeeds. Then ``tracker ingest CORPUS`` runs again and its export, with database ids replaced by
what they stand for, must equal the export of one clean run. It prints the counts of unusable databases
and of differing re-runs per stage (both must be 0). ``--pg`` runs the ingest stages on PostgreSQL too
(databases are created and dropped on that server).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import signal
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "seeds"
TRACKER = str(Path(sys.executable).with_name("tracker"))
sys.path.insert(0, str(ROOT))

from tests.test_crash_safety import normalised  # noqa: E402  (one definition of "equal modulo ids")


def run(url: str, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [TRACKER, "--db", url, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=timeout
    )


def export(url: str) -> dict:
    done = run(url, "export", "-o", "-")
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip())
    return normalised(json.loads(done.stdout))


@dataclass
class Stage:
    name: str
    kills: int = 0
    attempts: int = 0
    unusable: int = 0
    differing: int = 0
    mid_transaction: int = 0
    problems: list[str] = field(default_factory=list)


class Backend:
    """Fresh databases of one kind: SQLite files in a folder, or databases on a PostgreSQL server."""

    def __init__(self, folder: Path, pg_admin: str | None = None) -> None:
        self.folder, self.pg_admin = folder, pg_admin
        self.admin = create_engine(pg_admin, isolation_level="AUTOCOMMIT") if pg_admin else None

    @property
    def name(self) -> str:
        return "postgresql" if self.admin else "sqlite"

    def fresh(self) -> str:
        if self.admin is None:
            return f"sqlite:///{self.folder / f'crash-{secrets.token_hex(4)}.db'}"
        name = f"tracker_crash_{secrets.token_hex(5)}"
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        assert self.pg_admin is not None
        return make_url(self.pg_admin).set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        if self.admin is None:
            for suffix in ("", "-wal", "-shm"):
                Path(make_url(url).database + suffix).unlink(missing_ok=True)  # type: ignore[operator]
            return
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


def state(url: str) -> tuple[int, bool]:
    """(sources stored, corpus stage pending) read without the tracker, so that nothing is repaired yet."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            try:
                stored = connection.execute(text("SELECT count(*) FROM sources")).scalar_one()
                pending = connection.execute(text("SELECT count(*) FROM pending_work")).scalar_one() > 0
            except Exception:
                return 0, False  # no schema yet
        return stored, pending
    finally:
        engine.dispose()


def usable(url: str) -> str | None:
    """None if the database is sound; else what is wrong."""
    if url.startswith("sqlite"):
        path = make_url(url).database
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return "integrity_check failed"
            if connection.execute("PRAGMA foreign_key_check").fetchall():
                return "foreign_key_check found broken references"
        finally:
            connection.close()
    done = run(url, "db", "upgrade")
    if done.returncode != 0:
        return f"db upgrade failed: {done.stderr.strip()}"
    done = run(url, "export", "-o", "-")
    if done.returncode != 0:
        return f"export failed: {done.stderr.strip()}"
    return None


def _has_schema(url: str) -> bool:
    if url.startswith("sqlite") and not Path(make_url(url).database or "").exists():
        return False
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() > 0
    except Exception:
        return False
    finally:
        engine.dispose()


# Runs the real CLI's ingest with every SQL statement counted: the process SIGKILLs itself just before its Nth
# statement reaches the database. With N = 0 it prints the count at which the corpus-wide stage starts and the
# total, so that a kill can be aimed at the per-file stage or at the corpus stage.
KILL_AT_SQL = """
import os, signal, sys
from sqlalchemy import Engine, event
import tracker.pipeline as pipeline
target, seen = int(sys.argv[1]), [0, 0]
@event.listens_for(Engine, "before_cursor_execute")
def counted(*_args):
    seen[0] += 1
    if seen[0] == target:
        os.kill(os.getpid(), signal.SIGKILL)
real = pipeline.finish_corpus_stage
def marked(*args):
    seen[1] = seen[0]
    return real(*args)
pipeline.finish_corpus_stage = marked
if target == 0:
    import atexit
    atexit.register(lambda: print(seen[1], seen[0]))
from tracker.cli import main
sys.argv = ["tracker", "--db", sys.argv[2], "ingest", sys.argv[3]]
main()
"""


def kill_ingest_at_statements(backend: Backend, corpus: Path, reference: dict, stages: dict[str, Stage],
                              rng: random.Random, kills: int) -> None:  # fmt: skip
    """Kill ``tracker ingest`` before a random SQL statement of the per-file stage, then of the corpus stage."""
    url = backend.fresh()
    try:
        probe = subprocess.run([sys.executable, "-c", KILL_AT_SQL, "0", url, str(corpus)], capture_output=True,
                               text=True, check=False, stdin=subprocess.DEVNULL)  # fmt: skip
        corpus_start, total = map(int, probe.stdout.strip().splitlines()[-1].split())
    finally:
        backend.drop(url)
    print(f"{backend.name}: {total} statements, the corpus-wide stage from statement {corpus_start}", flush=True)
    windows = {"per-file": (1, corpus_start), "corpus": (corpus_start + 1, total)}
    for name, stage in stages.items():
        low, high = windows[name]
        while stage.kills < kills and stage.attempts < kills * 2:
            stage.attempts += 1
            url = backend.fresh()
            try:
                at = rng.randint(low, high)
                done = subprocess.run([sys.executable, "-c", KILL_AT_SQL, str(at), url, str(corpus)],
                                      capture_output=True, check=False, stdin=subprocess.DEVNULL)  # fmt: skip
                if done.returncode != -signal.SIGKILL:
                    continue
                after_kill(url, corpus, reference, stage, at)
            finally:
                backend.drop(url)


# Runs the real CLI with Alembic's statement executor wrapped: the process SIGKILLs itself just before its Nth
# statement (DDL or the version row) reaches the database, inside the migration's open transaction.
KILL_AT_STATEMENT = """
import os, signal, sys
from alembic.ddl.impl import DefaultImpl
target, seen, real = int(sys.argv[1]), [0], DefaultImpl._exec
def counted(self, *args, **kwargs):
    seen[0] += 1
    if seen[0] == target:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(self, *args, **kwargs)
DefaultImpl._exec = counted
if target == 0:
    import atexit
    atexit.register(lambda: print(seen[0]))
from tracker.cli import main
sys.argv = ["tracker", "--db", sys.argv[2], "db", "upgrade"]
main()
"""


def kill_migration(folder: Path, corpus: Path, reference: dict, stage: Stage, rng: random.Random, kills: int) -> None:
    """Kill ``tracker db upgrade`` on a new SQLite file before a random one of its migration statements."""
    probe = subprocess.run([sys.executable, "-c", KILL_AT_STATEMENT, "0", f"sqlite:///{folder / 'probe.db'}"],
                           capture_output=True, text=True, check=False)  # fmt: skip
    statements = int(probe.stdout.strip().splitlines()[-1])
    print(f"migration: {statements} statements from an empty file to the newest revision", flush=True)
    while stage.kills < kills and stage.attempts < kills * 3:
        stage.attempts += 1
        path = folder / f"migrate-{secrets.token_hex(4)}.db"
        url = f"sqlite:///{path}"
        at = rng.randint(1, statements)
        done = subprocess.run([sys.executable, "-c", KILL_AT_STATEMENT, str(at), url], capture_output=True,
                              stdin=subprocess.DEVNULL, check=False)  # fmt: skip
        if done.returncode != -signal.SIGKILL:
            continue
        stage.mid_transaction += 1
        after_kill(url, corpus, reference, stage, at)


def after_kill(url: str, corpus: Path, reference: dict, stage: Stage, at: int) -> None:
    """Count one kill: is the database usable, and does a re-run of the ingest equal one clean run?"""
    stage.kills += 1
    problem = usable(url)
    if problem is None and url.startswith("sqlite"):
        path = make_url(url).database or ""
        revision = sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchall()
        if len(revision) != 1:
            problem = f"alembic_version holds {revision}"
    if problem:
        stage.unusable += 1
        stage.problems.append(f"killed at statement {at}: {problem}")
        return
    done = run(url, "ingest", str(corpus))
    if done.returncode not in (0, 1) or export(url) != reference:
        stage.differing += 1
        stage.problems.append(f"killed at statement {at}: re-run differs (exit {done.returncode})")
    report(stage)


def report(stage: Stage) -> None:
    print(f"  {stage.name}: {stage.kills} kills of {stage.attempts} tries, {stage.unusable} unusable, "
          f"{stage.differing} differing", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", metavar="ADMIN_URL", help="also run the ingest stages on this PostgreSQL server")
    parser.add_argument("--stages", default="per-file,corpus,migration", help="which stages (comma-separated)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = Path(args.corpus)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = len([p for p in corpus.rglob("*") if p.suffix in {".txt", ".md", ".html", ".htm"}])
        clean = f"sqlite:///{folder / 'clean.db'}"
        done = run(clean, "ingest", str(corpus))  # exit 1: some files of the corpus are refused, as in every run
        if done.returncode not in (0, 1):
            sys.exit(f"clean run failed: {done.stderr}")
        files = state(clean)[0]
        reference = export(clean)
        print(f"corpus {corpus}: {files} sources stored, {len(reference['claims'])} claims, "
              f"{len(reference['flags'])} flags in one clean run")  # fmt: skip

        wanted = set(args.stages.split(","))
        stages: list[tuple[str, Stage]] = []
        backends = [Backend(folder)] + ([Backend(folder, args.pg)] if args.pg else [])
        for backend in backends:
            chosen = {name: Stage(name) for name in ("per-file", "corpus") if name in wanted}
            if chosen:
                kill_ingest_at_statements(backend, corpus, reference, chosen, rng, args.kills)
                stages += [(backend.name, stage) for stage in chosen.values()]
        if "migration" in wanted:
            migration = Stage("migration")
            kill_migration(folder, corpus, reference, migration, rng, args.kills)
            stages.append(("sqlite", migration))

    print(f"{'backend':<11} {'stage':<10} {'kills':>5} {'tries':>5} {'unusable':>8} {'differing':>9}")
    for backend_name, stage in stages:
        print(f"{backend_name:<11} {stage.name:<10} {stage.kills:>5} {stage.attempts:>5} {stage.unusable:>8} "
              f"{stage.differing:>9}")  # fmt: skip
        if stage.name == "migration":
            print(f"    {stage.mid_transaction} of the kills landed inside the migration's transaction")
        for problem in stage.problems[:5]:
            print(f"    {problem}")
    if any(s.unusable or s.differing for _, s in stages):
        sys.exit(1)


if __name__ == "__main__":
    os.environ.pop("TRACKER_DB", None)
    main()
