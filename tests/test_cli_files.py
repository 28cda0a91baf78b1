"""No file, folder, field or id can hurt a user, through the real CLI on SQLite (and PostgreSQL when set).

Symbolic links never lead ingest out of the folder given; only regular files within the size limit are read;
metadata wider than its column is refused the same on both databases (a page's own is dropped); ids outside
what an Integer column holds are refused. Each case: a non-zero exit, one line per problem on stderr, no
traceback, and nothing already stored changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.articles import BRIDGE, FERRY, FERRY_BODY, ORCHARD
from tests.test_cli_errors import error_lines, one_error
from tracker.store.limits import MAX_INTEGER, OUTLET_NAME

Snapshot = Callable[[], str]


@pytest.fixture
def run(invoke, sqlite_url: str):
    """The CLI on SQLite: for what does not depend on the database (files on disk)."""
    return lambda *args: invoke(sqlite_url, *args)


@pytest.fixture
def run_any(invoke, db_url: str):
    """The CLI on each database: for what reaches the columns (field widths, ids)."""
    return lambda *args: invoke(db_url, *args)


def filled(run, tmp_path: Path) -> Snapshot:
    """Store one article; return a function giving the database's whole export, to compare before and after."""
    (tmp_path / "stored").mkdir()
    (tmp_path / "stored" / "ferry.txt").write_text(FERRY, encoding="utf-8")
    assert run("ingest", str(tmp_path / "stored")).exit_code == 0

    def export() -> str:
        result = run("export", "--output", "-")
        assert result.exit_code == 0, result.stderr
        return result.stdout

    return export


def stored_paths(run) -> list[str]:
    import json

    return sorted(Path(s["path"]).name for s in json.loads(run("export", "-o", "-").stdout)["sources"])


# -- symbolic links ----------------------------------------------------------------------------------------------


def test_a_symlink_out_of_the_folder_is_listed_and_its_target_never_stored(run, tmp_path: Path) -> None:
    snapshot = filled(run, tmp_path)
    private = tmp_path / "private"
    private.mkdir()
    (private / "secret.txt").write_text(ORCHARD.replace("apple", "plum"), encoding="utf-8")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (batch / "passwd.txt").symlink_to(private / "secret.txt")
    (batch / "archive").symlink_to(private)
    before = stored_paths(run)

    result = run("ingest", str(batch))
    assert result.exit_code == 1
    assert "sources: 1 stored, 0 unchanged (already stored), 2 failed" in result.stdout
    lines = error_lines(result)
    assert len(lines) == 2
    assert any("passwd.txt: not read: a symbolic link to a file outside" in line for line in lines), lines
    assert any("archive: not read: a symbolic link to a folder outside" in line for line in lines), lines
    assert stored_paths(run) == sorted([*before, "bridge.txt"])
    assert "plum" not in snapshot()


def test_a_symlink_inside_the_folder_is_read(run, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    (batch / "sub").mkdir(parents=True)
    (batch / "sub" / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (batch / "same.txt").symlink_to(Path("sub") / "bridge.txt")
    result = run("ingest", str(batch))
    assert result.exit_code == 0, result.stderr
    assert "sources: 1 stored" in result.stdout


def test_symlink_loops_and_dangling_links_are_listed_not_a_traceback(run, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (batch / "loop1.txt").symlink_to(batch / "loop2.txt")
    (batch / "loop2.txt").symlink_to(batch / "loop1.txt")
    (batch / "self.md").symlink_to(batch / "self.md")
    (batch / "gone.htm").symlink_to(batch / "nowhere.htm")
    (batch / "up").symlink_to(batch)
    result = run("ingest", str(batch))
    assert result.exit_code == 1
    lines = error_lines(result)
    assert [line.split(": ", 3)[2] for line in lines] == [
        str(batch / n) for n in ("gone.htm", "loop1.txt", "loop2.txt", "self.md")
    ]
    assert all("a symbolic link to nothing (dangling, or a loop)" in line for line in lines), lines
    assert "sources: 1 stored, 0 unchanged (already stored), 4 failed" in result.stdout


# -- FIFOs, devices, size ----------------------------------------------------------------------------------------


def test_a_fifo_named_or_in_a_folder_is_refused_without_hanging(run, tmp_path: Path) -> None:
    snapshot = filled(run, tmp_path)
    before = snapshot()
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    one_error(run("ingest", str(fifo)), "pipe.txt: not a regular file (a FIFO)")
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "pipe.html")
    result = run("ingest", str(folder))
    assert result.exit_code != 0
    one_error(result, "pipe.html: not a regular file (a FIFO)")
    assert snapshot() == before


def test_a_link_to_a_device_named_on_the_command_line_is_refused_unread(run, tmp_path: Path) -> None:
    snapshot = filled(run, tmp_path)
    before = snapshot()
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    one_error(run("ingest", str(link)), "zero.txt: not a regular file (a character device)")
    one_error(run("add-source", str(link), "--outlet", "Velmora Evening Star"), "zero.txt: not a regular file")
    assert snapshot() == before


def test_a_file_over_the_size_limit_is_refused_naming_the_limit_and_the_setting(run, tmp_path: Path) -> None:
    snapshot = filled(run, tmp_path)
    before = snapshot()
    big = tmp_path / "huge.txt"
    with big.open("wb") as out:
        out.write(BRIDGE.encode())
        out.truncate(50 * 1024 * 1024 + 1)  # sparse: one byte over 50 MB, no disk used
    one_error(run("ingest", str(big)), "huge.txt: larger than the limit of 50 MB", "IngestSettings.max_file_bytes")
    assert snapshot() == before


# -- sources.csv paths and field widths --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("../private.txt", "outside the folder (give a path relative to it, without '..')"),
        ("/etc/passwd", "outside the folder"),
        ("link.txt", "a symbolic link to nothing or to a file outside the folder"),
    ],
    ids=["dotdot", "absolute", "link-out"],
)
def test_sources_csv_paths_must_stay_inside_the_folder(run, tmp_path: Path, cell: str, problem: str) -> None:
    snapshot = filled(run, tmp_path)
    before = snapshot()
    (tmp_path / "private.txt").write_text(BRIDGE, encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text(BRIDGE, encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "private.txt")
    (folder / "sources.csv").write_text(f"path,outlet\n{cell},Northbay Courier\n", encoding="utf-8")
    result = run("ingest", str(folder))
    assert result.exit_code == 2
    one_error(result, f"sources.csv:2: names {cell!r}", problem)
    assert snapshot() == before


BAD_OPTIONS = [
    ("--outlet", "x" * (OUTLET_NAME + 1), f"--outlet is {OUTLET_NAME + 1} characters long; at most {OUTLET_NAME}"),
    ("--outlet", "Velmora\tStar", "--outlet contains a control character (U+0009)"),
    ("--title", "Ferry\x00terminal", "--title contains a control character (U+0000)"),
]


def test_metadata_wider_than_its_column_is_refused_and_as_wide_is_stored(run_any, tmp_path: Path) -> None:
    """The same on SQLite (which would store anything) and PostgreSQL (which refuses what is too wide)."""
    snapshot = filled(run_any, tmp_path)
    before = snapshot()
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text(BRIDGE, encoding="utf-8")
    manifest = folder / "sources.csv"
    manifest.write_text(f"path,outlet\na.txt,{'x' * (OUTLET_NAME + 1)}\n", encoding="utf-8")
    result = run_any("ingest", str(folder))
    assert result.exit_code == 2
    one_error(result, "sources.csv:2: outlet is", f"at most {OUTLET_NAME} are allowed")
    for option, value, problem in BAD_OPTIONS:
        result = run_any("add-source", str(folder / "a.txt"), option, value)
        assert result.exit_code == 2, option
        one_error(result, problem)
    assert snapshot() == before

    manifest.write_text(f"path,outlet\na.txt,{'x' * OUTLET_NAME}\n", encoding="utf-8")
    result = run_any("ingest", str(folder))
    assert result.exit_code == 0, result.stderr
    assert f'"outlet": "{"x" * OUTLET_NAME}"' in snapshot()


def test_page_values_too_wide_for_their_columns_are_dropped_not_fatal(run_any, tmp_path: Path) -> None:
    """A page's own site name, or a "name" in its text, wider than any column: stored without it, on both."""
    snapshot = filled(run_any, tmp_path)
    huge_name = "Brenner" + "a" * 320
    site = " ".join(["Velmora"] * 60)
    paragraphs = [*FERRY_BODY, f'"The pier is safe again," said Aldo {huge_name}, the port director, on Monday.']
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        f'<html><head><title>Ferry terminal</title><meta property="og:site_name" content="{site}"></head>'
        f"<body><article><h1>Harbour council approves new ferry terminal</h1>{body}</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    result = run_any("ingest", str(tmp_path / "page.html"))
    assert result.exit_code == 0, result.stderr
    assert "sources: 1 stored" in result.stdout
    exported = snapshot()
    assert site not in exported
    assert f'"Aldo {huge_name}"' not in exported


# -- ids -----------------------------------------------------------------------------------------------------------

COMMANDS = [
    ("flags", "show", "{}"),
    ("flags", "history", "{}"),
    ("flags", "confirm", "{}", "--by", "A. Editor"),
    ("flags", "dismiss", "1", "--by", "A. Editor", "--version", "{}"),
    ("entities", "show", "{}"),
    ("entities", "merge", "1", "{}"),
    ("entities", "merge", "{}", "1"),
    ("entities", "split", "{}", "Ilse Drummond"),
    ("entities", "alias", "add", "{}", "Ilse Drummond"),
    ("claims", "--source", "{}"),
]


BAD_IDS = ["99999999999999999999", str(MAX_INTEGER + 1), "0", "abc", "1.5", "٣"]


def test_an_id_outside_what_the_database_holds_is_one_line_and_changes_nothing(run_any, tmp_path: Path) -> None:
    snapshot = filled(run_any, tmp_path)
    before = snapshot()
    for command in COMMANDS:
        for value in BAD_IDS:
            result = run_any(*(part.format(value) for part in command))
            assert result.exit_code == 2, (command, value)
            one_error(result, f"{value!r} is not a valid", f"(a whole number from 1 to {MAX_INTEGER})")
    assert snapshot() == before


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (("flags", "show", "{}"), "no flag {}"),
        (("entities", "show", "{}"), "no entity {}"),
    ],
)
def test_the_widest_id_is_looked_up_on_every_database(run_any, tmp_path: Path, command, message: str) -> None:
    snapshot = filled(run_any, tmp_path)
    before = snapshot()
    one_error(run_any(*(part.format(MAX_INTEGER) for part in command)), message.format(MAX_INTEGER))
    one_error(run_any("claims", "--source", str(MAX_INTEGER)), f"--source {MAX_INTEGER}: no such source")
    assert snapshot() == before
