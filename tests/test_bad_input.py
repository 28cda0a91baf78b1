"""Acceptance suite of "no input can hurt a user": hostile or broken input through the installed CLI.

What it guarantees, for every case: the real ``tracker`` process (stdin closed, memory capped, a timeout so a
hang fails) exits non-zero (1 when a batch stored its good files and listed the bad ones, 2 when the command
was refused), never prints a traceback, says what is wrong in ONE line ``tracker: error: ...`` (one line per
bad file of a batch) naming the file, option or value at fault, and leaves the database exactly as it was:
the JSON export and every table row are equal before and after, and on SQLite ``PRAGMA integrity_check`` is
ok and ``PRAGMA foreign_key_check`` empty. Nothing outside the input is read (symbolic links out of a folder,
``..`` and absolute paths in sources.csv), no link a reader may click runs script (``javascript:``,
``data:``), no cell of a CSV export runs as a spreadsheet formula, and no file of the user's is overwritten
or deleted. A few cases are success cases: text that is odd but legitimate (UTF-16, one stray byte, a NUL
after the first 8 KB) is stored, alike on SQLite and PostgreSQL.

Each case starts from a copy of one stored corpus (a SQLite file copied, a PostgreSQL database cloned from a
template), so nothing is ingested twice for set-up. PostgreSQL variants run when TRACKER_TEST_PG_URL is set.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.articles import BRIDGE, ORCHARD, write_corpus
from tests.badinput import CorpusDb, copy_sqlite, error_lines, export, has, one_error, run, succeeded
from tracker.cli import cli

HUGE_ID = "9" * 20
LINK = re.compile(r"link", re.I)  # a symbolic link in a folder is named as one when it is skipped
BACKENDS = ["sqlite", "postgresql"]


# --- the stored corpus, once per backend -----------------------------------------------------------------


def _ingest_corpus(url: str, root: Path) -> None:
    write_corpus(root / "corpus")
    proc = run(url, "ingest", "corpus", cwd=root)  # relative: stored paths are alike in every copy
    succeeded(proc)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus-sqlite")
    path = root / "t.db"
    _ingest_corpus(f"sqlite:///{path}", root)
    import sqlite3

    with sqlite3.connect(path) as connection:  # fold the WAL into the file, so a copy is the whole database
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="session")
def pg_template(pg_server, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = pg_server.create_database()
    _ingest_corpus(url, tmp_path_factory.mktemp("corpus-pg"))
    return url


def _clone_pg(pg_server, template_url: str) -> str:
    from sqlalchemy.engine import make_url

    template = make_url(template_url).database
    name = f"tracker_test_{secrets.token_hex(6)}"
    for attempt in range(50):  # the server may still be closing the template's last session
        try:
            with pg_server.admin.connect() as connection:
                connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            break
        except Exception as exc:  # "being accessed by other users": retried
            if "being accessed" not in str(exc) or attempt == 49:
                raise
            time.sleep(0.1)
    pg_server.created.append(name)
    return pg_server.url.set(database=name).render_as_string(hide_password=False)


def _corpus_db(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CorpusDb]:
    if backend == "sqlite":
        path = tmp_path / "t.db"
        copy_sqlite(request.getfixturevalue("sqlite_template"), path)
        db = CorpusDb("sqlite", f"sqlite:///{path}", path)
        db.mark()
        yield db
        return
    if not os.environ.get("TRACKER_TEST_PG_URL"):
        pytest.skip("TRACKER_TEST_PG_URL is not set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    pg_server = request.getfixturevalue("pg_server")
    url = _clone_pg(pg_server, request.getfixturevalue("pg_template"))
    try:
        db = CorpusDb("postgresql", url)
        db.mark()
        yield db
    finally:
        pg_server.drop_database(url)


@pytest.fixture(params=BACKENDS)
def corpus_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CorpusDb]:
    """The stored corpus on each backend (PostgreSQL only with TRACKER_TEST_PG_URL)."""
    yield from _corpus_db(request.param, request, tmp_path)


@pytest.fixture
def sqlite_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CorpusDb]:
    """The stored corpus in a SQLite file of its own: cases whose outcome cannot depend on the backend."""
    yield from _corpus_db("sqlite", request, tmp_path)


@pytest.fixture
def pg_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CorpusDb]:
    yield from _corpus_db("postgresql", request, tmp_path)


def in_process(db: CorpusDb, *args: str) -> str:
    """Set-up through the same CLI, in-process (fast); the command under test always runs as a process."""
    result = CliRunner().invoke(cli, ["--db", db.url, *args], catch_exceptions=True)
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.stdout


def folder(root: Path, files: dict[str, str | bytes], manifest: str | None = None) -> Path:
    """A folder of articles (text is written as UTF-8), with a sources.csv when given."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (root / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if manifest is not None:
        (root / "sources.csv").write_text(manifest, encoding="utf-8")
    return root


def batch_with_bad(
    db: CorpusDb, batch: Path, bad: list[str], *fragments: re.Pattern[str], good: tuple[str, ...] = ("bridge.txt",)
) -> list[str]:
    """Ingest ``batch``: exit 1, the good files stored, one error line per bad file naming it, nothing else."""
    before = db.stored_paths()
    proc = run(db.url, "ingest", batch)
    assert proc.returncode == 1, (proc.returncode, proc.stdout[-500:], proc.stderr[-1000:])
    lines = error_lines(proc)
    assert len(lines) == len(bad), lines
    for name in bad:
        assert sum(has(line, name) for line in lines) == 1, (name, lines)
    for fragment in fragments:
        assert all(has(line, fragment) for line in lines), (fragment.pattern, lines)
    assert db.stored_paths() == sorted([*before, *good])
    db.healthy()
    return lines


# --- URLs: nothing a reader may click runs script ------------------------------------------------------

BAD_URLS = {
    "javascript": "javascript:alert(1)",
    "data": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "mixed-case-leading-space": " JaVaScRiPt:alert(1)",
    "mixed-case-leading-tab": "\tJaVaScRiPt:alert(document.cookie)",
    "vbscript": "vbscript:msgbox(1)",
}
CSV_URLS = ["data", "mixed-case-leading-space", "vbscript"]  # javascript: has a case on each backend below
OPTION_URLS = ["javascript", "data", "mixed-case-leading-tab"]


@pytest.mark.parametrize("url", [BAD_URLS[k] for k in CSV_URLS], ids=CSV_URLS)
def test_script_url_in_sources_csv(sqlite_db: CorpusDb, tmp_path: Path, url: str) -> None:
    cell = '"' + url.replace('"', '""') + '"'
    batch = folder(
        tmp_path / "batch", {"bridge.txt": BRIDGE}, f"path,outlet,url\nbridge.txt,Brindlemoor Weekly,{cell}\n"
    )
    proc = run(sqlite_db.url, "ingest", batch)
    one_error(proc, str(batch / "sources.csv"), "url", code=2)
    sqlite_db.assert_unchanged()


def test_javascript_url_in_sources_csv_on_each_backend(corpus_db: CorpusDb, tmp_path: Path) -> None:
    batch = folder(
        tmp_path / "batch",
        {"bridge.txt": BRIDGE},
        "path,outlet,url\nbridge.txt,Brindlemoor Weekly,javascript:alert(1)\n",
    )
    one_error(run(corpus_db.url, "ingest", batch), "sources.csv", "javascript:alert(1)", code=2)
    corpus_db.assert_unchanged()


@pytest.mark.parametrize("url", [BAD_URLS[k] for k in OPTION_URLS], ids=OPTION_URLS)
def test_script_url_in_add_source(sqlite_db: CorpusDb, tmp_path: Path, url: str) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    proc = run(sqlite_db.url, "add-source", story, "--outlet", "Brindlemoor Weekly", "--url", url)
    one_error(proc, "--url", code=2)
    sqlite_db.assert_unchanged()


def test_claimreview_report_url_javascript(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    out = tmp_path / "reviews.jsonld"
    proc = run(sqlite_db.url, "export", "--format", "claimreview", "--report-url", "javascript:x", "-o", out)
    one_error(proc, "--report-url", code=2)
    assert not out.exists()
    sqlite_db.assert_unchanged()


# --- files: nothing outside the input is read, nothing hangs --------------------------------------------


def test_symlink_to_etc_passwd_in_folder(corpus_db: CorpusDb, tmp_path: Path) -> None:
    batch = folder(tmp_path / "batch", {"bridge.txt": BRIDGE})
    (batch / "passwd.txt").symlink_to("/etc/passwd")
    batch_with_bad(corpus_db, batch, ["passwd.txt"], LINK)
    exported = json.dumps(export(corpus_db.url))
    for line in Path("/etc/passwd").read_text().splitlines()[:3]:
        assert line not in exported


def test_symlink_to_an_article_outside_the_folder(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    # Prose the tracker would happily store: only the link itself can keep it out.
    secret = tmp_path / "private" / "draft.txt"
    folder(secret.parent, {"draft.txt": ORCHARD.replace("Tallowfield", "Quillhaven")})
    batch = folder(tmp_path / "batch", {"bridge.txt": BRIDGE})
    (batch / "leak.txt").symlink_to(secret)
    batch_with_bad(sqlite_db, batch, ["leak.txt"], LINK)
    assert "Quillhaven" not in json.dumps(export(sqlite_db.url))


def test_symlink_loop_of_files(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    batch = folder(tmp_path / "batch", {"bridge.txt": BRIDGE})
    (batch / "ping.txt").symlink_to(batch / "pong.txt")
    (batch / "pong.txt").symlink_to(batch / "ping.txt")
    batch_with_bad(sqlite_db, batch, ["ping.txt", "pong.txt"])


def test_symlink_loop_of_folders(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    """Links to folders are never walked: one pointing back inside the folder (a loop) adds nothing, since that
    folder is walked anyway, so the batch stores its one article once and succeeds."""
    batch = folder(tmp_path / "batch", {"bridge.txt": BRIDGE})
    (batch / "loop-a").symlink_to(batch, target_is_directory=True)
    folder(batch / "sub", {})
    (batch / "sub" / "loop-b").symlink_to(batch, target_is_directory=True)
    before = sqlite_db.stored_paths()
    proc = run(sqlite_db.url, "ingest", batch)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert sqlite_db.stored_paths() == sorted([*before, "bridge.txt"])
    sqlite_db.healthy()


def test_dangling_symlink_in_folder(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    batch = folder(tmp_path / "batch", {"bridge.txt": BRIDGE})
    (batch / "moved.txt").symlink_to(tmp_path / "nowhere" / "moved.txt")
    batch_with_bad(sqlite_db, batch, ["moved.txt"])


@pytest.mark.parametrize("row", ["../outside.txt", "ABSOLUTE"], ids=["dot-dot", "absolute"])
def test_sources_csv_row_outside_the_folder(sqlite_db: CorpusDb, tmp_path: Path, row: str) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(ORCHARD.replace("Tallowfield", "Quillhaven"))
    if row == "ABSOLUTE":
        row = str(outside)
    batch = folder(tmp_path / "batch", {"bridge.txt": BRIDGE}, f"path,outlet\nbridge.txt,Brindlemoor Weekly\n{row},X\n")
    one_error(run(sqlite_db.url, "ingest", batch), str(batch / "sources.csv"), row, code=2)
    sqlite_db.assert_unchanged()


def test_fifo_named_as_input(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    one_error(run(sqlite_db.url, "ingest", fifo, timeout=20), "story.txt", code=(1, 2))
    sqlite_db.assert_unchanged()


def test_fifo_in_folder(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    batch = folder(tmp_path / "batch", {"bridge.txt": BRIDGE})
    os.mkfifo(batch / "pipe.txt")
    batch_with_bad(sqlite_db, batch, ["pipe.txt"])


@pytest.mark.parametrize("how", ["as-is", "link-named-txt"])
def test_dev_zero_as_input(sqlite_db: CorpusDb, tmp_path: Path, how: str) -> None:
    target = Path("/dev/zero")
    if how == "link-named-txt":
        target = tmp_path / "zero.txt"
        target.symlink_to("/dev/zero")
    one_error(run(sqlite_db.url, "ingest", target, timeout=20), target.name, code=(1, 2))
    sqlite_db.assert_unchanged()


def test_file_over_the_size_limit(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # sparse: 60 MB long, no disk used
        handle.truncate(60 * 1024 * 1024)
    proc = run(sqlite_db.url, "ingest", big)
    one_error(proc, "huge.txt", re.compile(r"too (large|big)|larger than|size|limit", re.I), code=1)
    sqlite_db.assert_unchanged()


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary")],
    ids=["empty", "binary"],
)
def test_empty_or_binary_file(sqlite_db: CorpusDb, tmp_path: Path, content: bytes, fragment: str) -> None:
    bad = tmp_path / "story.txt"
    bad.write_bytes(content)
    one_error(run(sqlite_db.url, "ingest", bad), "story.txt", fragment, code=1)
    sqlite_db.assert_unchanged()


def test_directory_with_no_articles(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    empty = folder(tmp_path / "nothing-here", {"notes.pdf": b"%PDF-1.4", "photo.jpg": b"\xff\xd8\xff"})
    one_error(run(sqlite_db.url, "ingest", empty), "nothing-here", "no article files", code=2)
    sqlite_db.assert_unchanged()


# --- the database itself ----------------------------------------------------------------------------------


def test_db_is_not_a_database(tmp_path: Path) -> None:
    noise = tmp_path / "noise.db"
    content = secrets.token_bytes(64 * 1024)
    noise.write_bytes(content)
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    one_error(run(f"sqlite:///{noise}", "ingest", story), "--db", "not a database", code=2)
    assert noise.read_bytes() == content


def test_locked_database(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    """Another process holds a write lock: the ingest waits and succeeds, or says 'locked' in one line."""
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"c = sqlite3.connect({str(sqlite_db.path)!r}, isolation_level=None)\n"
            "c.execute('BEGIN EXCLUSIVE')\n"
            "print('locked', flush=True)\n"
            "time.sleep(5)\n"
            "c.execute('COMMIT')\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        proc = run(sqlite_db.url, "ingest", story)
    finally:
        holder.wait(timeout=60)
    if proc.returncode == 0:
        succeeded(proc)
        assert "bridge.txt" in sqlite_db.stored_paths()
        sqlite_db.healthy()
    else:
        one_error(proc, "--db", "locked")
        sqlite_db.assert_unchanged()


def test_read_only_database(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    url = f"sqlite:///file:{sqlite_db.path}?mode=ro&uri=true"
    one_error(run(url, "ingest", story), "--db", re.compile(r"read-?only", re.I))
    sqlite_db.assert_unchanged()


def test_db_in_a_missing_directory(tmp_path: Path) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    one_error(run(f"sqlite:///{tmp_path / 'no-such-dir' / 't.db'}", "ingest", story), "--db", "no-such-dir", code=2)
    assert not (tmp_path / "no-such-dir").exists()


@pytest.mark.parametrize(
    ("url", "fragment", "command"),
    [
        ("mysql://user@127.0.0.1/tracker", "mysql", "ingest"),
        ("oracle+nosuchdriver://x/y", "oracle", "sources"),
        ("not a url at all", "not a database URL", "export"),
        ("postgresql+psycopg://postgres@127.0.0.1:1/test", "cannot open database", "ingest"),
    ],
    ids=["mysql", "unknown-driver", "garbage", "pg-closed-port"],
)
def test_unusable_database_url(tmp_path: Path, url: str, fragment: str, command: str) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    args = {"ingest": ["ingest", story], "sources": ["sources"], "export": ["export", "-o", tmp_path / "out.json"]}
    one_error(run(url, *args[command]), "--db", fragment, code=2)
    assert not (tmp_path / "out.json").exists()


# --- ids ------------------------------------------------------------------------------------------------------

ID_COMMANDS = {
    "flags-show": ["flags", "show", "{id}"],
    "entities-show": ["entities", "show", "{id}"],
    "flags-confirm": ["flags", "confirm", "{id}", "--by", "x"],
    "claims-source": ["claims", "--source", "{id}"],
    "entities-merge": ["entities", "merge", "1", "{id}"],
}


MISSING_IDS = ["flags-show", "entities-show", "claims-source", "entities-merge"]


def _with_id(args: list[str], value: str) -> list[str]:
    return [a.replace("{id}", value) for a in args]


@pytest.mark.parametrize("command", list(ID_COMMANDS.values()), ids=list(ID_COMMANDS))
def test_twenty_digit_id(corpus_db: CorpusDb, command: list[str]) -> None:
    one_error(run(corpus_db.url, *_with_id(command, HUGE_ID)), HUGE_ID, code=2)
    corpus_db.assert_unchanged()


@pytest.mark.parametrize("command", [ID_COMMANDS[k] for k in MISSING_IDS], ids=MISSING_IDS)
def test_id_that_does_not_exist(sqlite_db: CorpusDb, command: list[str]) -> None:
    one_error(run(sqlite_db.url, *_with_id(command, "999")), "999", code=2)
    sqlite_db.assert_unchanged()


@pytest.mark.parametrize(
    ("command", "value"),
    [("flags-show", "-1"), ("claims-source", "-1"), ("entities-merge", "abc"), ("entities-show", "1.5")],
    ids=["negative", "negative-option", "word", "decimal"],
)
def test_id_that_is_not_an_id(sqlite_db: CorpusDb, command: str, value: str) -> None:
    proc = run(sqlite_db.url, *_with_id(ID_COMMANDS[command], value))
    one_error(proc, value, code=2)
    sqlite_db.assert_unchanged()


# --- fields ---------------------------------------------------------------------------------------------------

LONG_OUTLET = "Brindlemoor " + "W" * 300  # 312 characters; the column holds 300


def test_long_outlet_in_sources_csv(corpus_db: CorpusDb, tmp_path: Path) -> None:
    batch = folder(tmp_path / "batch", {"bridge.txt": BRIDGE}, f"path,outlet\nbridge.txt,{LONG_OUTLET}\n")
    one_error(run(corpus_db.url, "ingest", batch), "sources.csv", "outlet", code=2)
    corpus_db.assert_unchanged()


def test_long_outlet_in_add_source(corpus_db: CorpusDb, tmp_path: Path) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    one_error(run(corpus_db.url, "add-source", story, "--outlet", LONG_OUTLET), "--outlet", code=2)
    corpus_db.assert_unchanged()


def _article_with_late_nul() -> tuple[bytes, str]:
    """A plain-text article whose first NUL byte stands after the first 8 KB; and the text past it."""
    filler = "".join(
        f"The committee of Brindlemoor met for session {n} of the spring and approved the minutes without a vote.\n\n"
        for n in range(1, 90)
    )
    tail = "The last paragraph, after the stray byte, says the river path reopens at the start of June."
    raw = ("Brindlemoor Weekly\n\n" + filler).encode("utf-8")
    assert len(raw) > 8192
    return raw + b"\x00" + ("\n\n" + tail + "\n").encode("utf-8"), tail


def test_nul_byte_after_8k_is_stored_without_it(corpus_db: CorpusDb, tmp_path: Path) -> None:
    db = corpus_db
    raw, tail = _article_with_late_nul()
    folder(tmp_path / "extra", {"late-nul.txt": raw})
    succeeded(run(db.url, "ingest", "extra/late-nul.txt", cwd=tmp_path))
    stored = db.stored_text("late-nul.txt")
    assert "\x00" not in stored
    assert tail in stored
    db.healthy()


def _without_ids(value):
    if isinstance(value, dict):
        return {
            k: _without_ids(v)
            for k, v in value.items()
            if k not in {"id", "duplicate_of", "attributed_to"} and not k.endswith(("_id", "_ids"))
        }
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def test_nul_byte_after_8k_alike_on_both_backends(sqlite_db: CorpusDb, pg_db: CorpusDb, tmp_path: Path) -> None:
    raw, _ = _article_with_late_nul()
    folder(tmp_path / "extra", {"late-nul.txt": raw})
    for db in (sqlite_db, pg_db):
        succeeded(run(db.url, "ingest", "extra/late-nul.txt", cwd=tmp_path))
    assert sqlite_db.stored_text("late-nul.txt") == pg_db.stored_text("late-nul.txt")
    assert _without_ids(export(sqlite_db.url)) == _without_ids(export(pg_db.url))


@pytest.mark.parametrize(
    ("manifest", "fragment"),
    [
        ("path,outlet,published\nbridge.txt,Brindlemoor Weekly,2024-02-30\n", "2024-02-30"),
        ("path,outlet,byline\nbridge.txt,Brindlemoor Weekly,Ilse Weiss\n", "byline"),
        ("path,outlet\nbridge.txt,Brindlemoor Weekly\nlost.txt,Brindlemoor Weekly\n", "lost.txt"),
    ],
    ids=["bad-date", "unknown-column", "missing-file"],
)
def test_malformed_sources_csv(sqlite_db: CorpusDb, tmp_path: Path, manifest: str, fragment: str) -> None:
    batch = folder(tmp_path / "batch", {"bridge.txt": BRIDGE}, manifest)
    one_error(run(sqlite_db.url, "ingest", batch), str(batch / "sources.csv"), fragment, code=2)
    sqlite_db.assert_unchanged()


def test_bad_date_in_add_source(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    one_error(run(sqlite_db.url, "add-source", story, "--published", "2024-02-30"), "--published", code=2)
    sqlite_db.assert_unchanged()


# --- exports: the user's files are never overwritten or deleted ---------------------------------------------


def test_export_into_a_missing_directory(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    target = tmp_path / "no-such-dir" / "out.json"
    one_error(run(sqlite_db.url, "export", "-o", target), "--output", "no-such-dir", code=2)
    assert not target.parent.exists()


def test_export_onto_an_existing_directory(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    target = folder(tmp_path / "mine", {"keep.txt": "mine"})
    one_error(run(sqlite_db.url, "export", "-o", target), "--output", "mine", code=2)
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]
    assert (target / "keep.txt").read_text() == "mine"


def test_export_onto_a_fifo(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    one_error(run(sqlite_db.url, "export", "-o", fifo, timeout=20), "--output", "out.json", code=2)
    assert fifo.is_fifo()


EVIL_CELLS = ['=HYPERLINK("http://evil.example","x")', "+SUM(A1:A9)", "-1+1", "@cmd"]


def test_csv_export_defuses_formulas(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    articles = {
        "a.txt": "Ashcombe Herald\n\nOfficials in the town of Ashcombe said on Tuesday that the new library would "
        "open next spring after years of delay.\n",
        "b.txt": "Kestrel Bay News\n\nThe harbour master of Kestrel Bay said on Friday that the breakwater would be "
        "repaired before the winter storms arrive.\n",
        "c.txt": "Millbrook Post\n\nTeachers in Millbrook voted on Thursday to accept a new contract after two "
        "months of talks with the school board.\n",
        "d.txt": "Fernhill Courier\n\nThe mayor of Fernhill, Oskar Lindqvist, said on Monday that the old tram line "
        'would reopen in the summer.\n\n=HYPERLINK("http://evil.example","click") is what the city treasurer '
        "typed into the shared budget sheet on Monday.\n\n+SUM(A1:A9) was the total the treasurer gave to the "
        "council of Fernhill on Monday afternoon.\n",
    }
    rows = "".join(
        f'{name},"{cell.replace(chr(34), chr(34) * 2)}"\n' for name, cell in zip(articles, EVIL_CELLS, strict=True)
    )
    batch = folder(tmp_path / "batch", articles, "path,outlet\n" + rows)
    in_process(sqlite_db, "ingest", str(batch))
    out = tmp_path / "claims.csv"
    succeeded(run(sqlite_db.url, "export", "--format", "csv", "-o", out))
    cells = []
    for table in (out, tmp_path / "claims-flags.csv"):
        with table.open(newline="", encoding="utf-8") as handle:
            cells += [cell for row in csv.reader(handle) for cell in row]
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert not dangerous, dangerous[:5]
    for evil in EVIL_CELLS:  # each outlet is in the table, defused
        assert "'" + evil in cells, evil
    assert any(c.startswith('\'=HYPERLINK("http://evil.example","click")') for c in cells)  # claim text


def _user_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "layout",
    [
        {"notes.txt": b"my notes", "claims/mine.txt": b"draft", "flags/keep.html": b"<p>mine</p>"},
        {"claims/mine.txt": b"draft \x00 bytes", "flags/keep.html": b"<p>mine</p>", "outlets/list.csv": b"a,b\n"},
    ],
    ids=["top-level-and-inside", "only-inside-report-folders"],
)
def test_report_keeps_the_users_files(sqlite_db: CorpusDb, tmp_path: Path, layout: dict[str, bytes]) -> None:
    out = tmp_path / "mine"
    for name, content in layout.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(content)
    proc = run(sqlite_db.url, "report", "--output", out)
    if proc.returncode != 0:
        one_error(proc, "mine")
    else:
        succeeded(proc)
    files = _user_files(out)
    for name, content in layout.items():
        assert files.get(name) == content, name
    sqlite_db.assert_unchanged()


def test_report_again_keeps_a_file_the_user_added(sqlite_db: CorpusDb, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    in_process(sqlite_db, "report", "--output", str(out))
    (out / "claims" / "my-notes.txt").write_bytes(b"checked claims 1-3 by phone")
    (out / "flags" / "todo.md").write_bytes(b"# call the mayor's office\n")
    proc = run(sqlite_db.url, "report", "--output", out)
    if proc.returncode != 0:
        one_error(proc, "reports")
    else:
        succeeded(proc)
    assert (out / "claims" / "my-notes.txt").read_bytes() == b"checked claims 1-3 by phone"
    assert (out / "flags" / "todo.md").read_bytes() == b"# call the mayor's office\n"


# --- encodings: odd but legitimate text is stored (success cases) -------------------------------------------

ACCENTED = (
    "Brindlemoor Weekly\n\n"
    "The café on the old market square in Brindlemoor reopened on Tuesday after the flood damage was repaired.\n\n"
    "Its owner, who trained as a baker in Zürich, said that the town council paid for half of the new kitchen.\n"
)


def test_utf16_le_with_bom_is_stored(corpus_db: CorpusDb, tmp_path: Path) -> None:
    folder(tmp_path / "extra", {"wide.txt": codecs.BOM_UTF16_LE + ACCENTED.encode("utf-16-le")})
    succeeded(run(corpus_db.url, "ingest", tmp_path / "extra" / "wide.txt"))
    assert corpus_db.stored_text("wide.txt") == ACCENTED
    corpus_db.healthy()


def test_one_stray_byte_keeps_the_other_accents(corpus_db: CorpusDb, tmp_path: Path) -> None:
    raw = ACCENTED.encode("utf-8").replace(b"flood damage", b"flood \xff damage")
    folder(tmp_path / "extra", {"stray.txt": raw})
    succeeded(run(corpus_db.url, "ingest", tmp_path / "extra" / "stray.txt"))
    stored = corpus_db.stored_text("stray.txt")
    assert "café" in stored and "Zürich" in stored, stored[:300]
    assert "Ã" not in stored  # no UTF-8 read as Latin-1
    corpus_db.healthy()


# --- others ---------------------------------------------------------------------------------------------------


def test_flags_confirm_without_a_reviewer(sqlite_db: CorpusDb) -> None:
    one_error(run(sqlite_db.url, "flags", "confirm", "1", "--by", ""), "--by", code=2)
    sqlite_db.assert_unchanged()


def test_flags_confirm_on_a_stale_version(corpus_db: CorpusDb) -> None:
    seen = re.search(r"version (\d+)", in_process(corpus_db, "flags", "show", "1"))
    assert seen, "flags show prints the version"
    in_process(corpus_db, "flags", "confirm", "1", "--by", "A. Editor")
    in_process(corpus_db, "flags", "reopen", "1", "--by", "A. Editor")
    corpus_db.mark()
    proc = run(corpus_db.url, "flags", "confirm", "1", "--by", "B. Editor", "--version", seen.group(1))
    one_error(proc, "version", code=2)
    corpus_db.assert_unchanged()


@pytest.mark.parametrize(
    "content",
    [
        b"entity,alias\nIlse Drummond,I. Drummond\x00\n",
        b"\xff\xfe\x00\x01garbage",
        b'entity,type,alias,relation\nIlse Drummond,person,"I. Drummond,maybe\n',
    ],
    ids=["nul", "binary", "unterminated-quote"],
)
def test_alias_import_of_a_malformed_file(sqlite_db: CorpusDb, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "aliases.csv"
    bad.write_bytes(content)
    one_error(run(sqlite_db.url, "entities", "alias", "import", bad), "aliases.csv", code=2)
    sqlite_db.assert_unchanged()


@pytest.mark.parametrize(
    "args",
    [["export", "--format", "xml"], ["ingest", "--recursive", "x"]],
    ids=["export-format", "unknown-option"],
)
def test_unknown_choice_or_option(sqlite_db: CorpusDb, args: list[str]) -> None:
    one_error(run(sqlite_db.url, *args), args[1], code=2)
    sqlite_db.assert_unchanged()
