"""Bad input through the real CLI: a one-line error naming the file or problem, a non-zero exit, and nothing
already stored is lost. The good files of a mixed batch are stored; the bad ones are listed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.articles import BRIDGE, ORCHARD, RUSSIAN, write_corpus

GOOD_FILES = 4  # write_corpus


@pytest.fixture
def stored(tracker, tmp_path: Path) -> Callable[[], list[str]]:
    """A database that already holds the invented corpus; returns a function listing stored paths."""
    write_corpus(tmp_path / "corpus")
    assert tracker("ingest", str(tmp_path / "corpus")).exit_code == 0

    def paths() -> list[str]:
        result = tracker("export", "--output", "-")
        assert result.exit_code == 0, result.stderr
        return sorted(Path(s["path"]).name for s in json.loads(result.stdout)["sources"])

    assert len(paths()) == GOOD_FILES
    return paths


def error_lines(result: Result) -> list[str]:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines, "no error on stderr"
    assert all(line.startswith("tracker: error: ") for line in lines), lines
    return lines


def one_error(result: Result, *fragments: str) -> str:
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    [line] = error_lines(result)
    for fragment in fragments:
        assert fragment in line, line
    return line


def test_missing_path(tracker, stored, tmp_path: Path) -> None:
    before = stored()
    result = tracker("ingest", str(tmp_path / "no-such-story.txt"))
    one_error(result, "no-such-story.txt", "no such file or directory")
    assert result.exit_code == 2
    assert stored() == before


def test_missing_path_refuses_the_whole_command(tracker, stored, tmp_path: Path) -> None:
    # A path that does not exist is a mistake on the command line: nothing of that command is stored.
    good = tmp_path / "bridge.txt"
    good.write_text(BRIDGE)
    before = stored()
    one_error(tracker("ingest", str(good), str(tmp_path / "typo.txt")), "typo.txt")
    assert stored() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its permissions")
def test_unreadable_file(tracker, stored, tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(BRIDGE)
    locked.chmod(0)
    before = stored()
    result = tracker("ingest", str(locked))
    one_error(result, "locked.txt", "cannot read (Permission denied)")
    assert result.exit_code == 1
    assert stored() == before


def test_directory_named_like_an_article(tracker, stored, tmp_path: Path) -> None:
    (tmp_path / "x.txt").mkdir()
    before = stored()
    result = tracker("ingest", str(tmp_path / "x.txt"))
    one_error(result, "x.txt", "no article files")
    assert stored() == before


def test_dangling_symlink(tracker, stored, tmp_path: Path) -> None:
    link = tmp_path / "moved-away.txt"
    link.symlink_to(tmp_path / "nowhere" / "story.txt")
    before = stored()
    one_error(tracker("ingest", str(link)), "moved-away.txt", "no such file")
    assert stored() == before


def test_binary_file(tracker, stored, tmp_path: Path) -> None:
    image = tmp_path / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    before = stored()
    result = tracker("ingest", str(image))
    one_error(result, "photo.txt", "binary file")
    assert result.exit_code == 1
    assert "1 failed" in result.stdout
    assert stored() == before


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xef\xbb\xbf"], ids=["empty", "blank", "bom-only"])
def test_empty_file(tracker, stored, tmp_path: Path, content: bytes) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    before = stored()
    result = tracker("ingest", str(empty))
    one_error(result, "empty.txt", "empty file")
    assert result.exit_code == 1
    assert stored() == before


def test_file_without_article_text(tracker, stored, tmp_path: Path) -> None:
    menu = tmp_path / "menu.html"
    menu.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    before = stored()
    one_error(tracker("ingest", str(menu)), "menu.html", "no article text found")
    assert stored() == before


def test_unsupported_file_type(tracker, stored, tmp_path: Path) -> None:
    pdf = tmp_path / "story.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    before = stored()
    one_error(tracker("ingest", str(pdf)), "story.pdf", "unsupported file type")
    assert stored() == before


@pytest.mark.parametrize(
    ("manifest", "fragment"),
    [
        ("path,outlet,byline\nbridge.txt,Brindlemoor Weekly,Ilse Weiss\n", "unknown column 'byline'"),
        ("path,outlet\nbridge.txt,Brindlemoor Weekly\nlost.txt,Brindlemoor Weekly\n", "'lost.txt'"),
        ("path,published\nbridge.txt,29/04/2024\n", "is not a date"),
        ("file,outlet\nbridge.txt,Brindlemoor Weekly\n", "no 'path' column"),
        ('path,title\nbridge.txt,"Footbridge, at last",extra\n', "more cells than columns"),
        ("path,url\nbridge.txt,javascript:alert(1)\n", "url 'javascript:alert(1)' is not an absolute http(s) URL"),
    ],
    ids=["unknown-column", "missing-file", "bad-date", "no-path-column", "extra-cells", "javascript-url"],
)
def test_malformed_sources_csv(tracker, stored, tmp_path: Path, manifest: str, fragment: str) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "bridge.txt").write_text(BRIDGE)
    (folder / "sources.csv").write_text(manifest)
    before = stored()
    result = tracker("ingest", str(folder))
    one_error(result, str(folder / "sources.csv"), fragment)
    assert result.exit_code == 2
    assert stored() == before  # the folder is refused whole: no article with wrong metadata


def test_mixed_batch_stores_the_good_and_lists_the_bad(tracker, stored, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "bridge.txt").write_text(BRIDGE)
    (batch / "most-cp1251.md").write_bytes(RUSSIAN.encode("cp1251"))
    (batch / "photo.txt").write_bytes(b"GIF89a\x00\x01\x00\x01" + bytes(range(256)))
    (batch / "empty.txt").write_bytes(b"")
    (batch / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (batch / "menu.htm").write_text("<html><body><nav>Home | World</nav></body></html>")
    (batch / "x.txt").mkdir()  # a folder named like an article is walked, not read
    before = stored()

    result = tracker("ingest", str(batch))
    assert result.exit_code == 1
    assert "sources: 2 stored, 0 unchanged (already stored), 4 failed" in result.stdout
    lines = error_lines(result)
    assert len(lines) == 4
    for name, problem in [
        ("photo.txt", "binary"),
        ("empty.txt", "empty"),
        ("gone.txt", "cannot read"),
        ("menu.htm", "no article text"),
    ]:
        assert any(name in line and problem in line for line in lines), (name, lines)
    assert stored() == sorted([*before, "bridge.txt", "most-cp1251.md"])


def test_mixed_batch_of_named_files(tracker, stored, tmp_path: Path) -> None:
    good = tmp_path / "bridge.txt"
    good.write_text(BRIDGE)
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    before = stored()
    result = tracker("ingest", str(bad), str(good))
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert "empty.txt: empty file" in line
    assert stored() == sorted([*before, "bridge.txt"])


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("garbage", "is not a database URL"),
        ("postgresql+psycopg://127.0.0.1:1/x", "cannot open database"),
        ("mysql://127.0.0.1/x", "driver for mysql is not installed"),
    ],
    ids=["garbage", "unreachable", "no-driver"],
)
def test_bad_database_url(invoke, tracker, stored, tmp_path: Path, url: str, fragment: str) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    before = stored()
    for args in (["ingest", str(story)], ["sources"], ["export", "-o", str(tmp_path / "out.json")]):
        result = invoke(url, *args)
        one_error(result, "--db", fragment)
        assert result.exit_code == 2
    assert not (tmp_path / "out.json").exists()
    assert stored() == before


def test_database_in_a_missing_directory(invoke, stored, tmp_path: Path) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    url = f"sqlite:///{tmp_path / 'no-such-dir' / 't.db'}"
    result = invoke(url, "ingest", str(story))
    one_error(result, "--db", "no-such-dir does not exist")
    assert not (tmp_path / "no-such-dir").exists()


def test_file_that_is_not_a_database(invoke, tmp_path: Path) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE * 20)
    one_error(invoke(f"sqlite:///{story}", "sources"), "--db", "not a database")
    assert story.read_text() == BRIDGE * 20


@pytest.mark.parametrize("published", ["2024-13-01", "29.04.2024", "yesterday"])
def test_add_source_with_a_bad_published_date(tracker, stored, tmp_path: Path, published: str) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    before = stored()
    result = tracker("add-source", str(story), "--outlet", "Brindlemoor Weekly", "--published", published)
    one_error(result, "--published", published, "is not a date")
    assert result.exit_code == 2
    assert stored() == before


def test_add_source_of_a_missing_file(tracker, stored, tmp_path: Path) -> None:
    before = stored()
    one_error(tracker("add-source", str(tmp_path / "lost.txt"), "--outlet", "X"), "lost.txt")
    assert stored() == before


def test_add_source_of_an_empty_file(tracker, stored, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    before = stored()
    result = tracker("add-source", str(empty), "--outlet", "Brindlemoor Weekly")
    one_error(result, "empty.txt", "empty file")
    assert result.exit_code == 1
    assert stored() == before


def test_add_source_of_a_folder(tracker, stored, tmp_path: Path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "bridge.txt").write_text(BRIDGE)
    (folder / "orchard.txt").write_text(ORCHARD)
    before = stored()
    result = tracker("add-source", str(folder), "--outlet", "Brindlemoor Weekly")
    one_error(result, "two")
    assert stored() == before


def test_export_into_a_missing_directory(tracker, stored, tmp_path: Path) -> None:
    target = tmp_path / "no-such-dir" / "out.json"
    one_error(tracker("export", "--output", str(target)), "--output", "does not exist")
    assert not target.parent.exists()


def test_export_onto_a_directory(tracker, stored, tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    result = tracker("export", "--output", str(tmp_path / "reports"))
    one_error(result, "reports")
    assert not (tmp_path / "reports.tmp").exists()


def test_export_to_an_empty_file_name(tracker, stored) -> None:
    one_error(tracker("export", "--output", ""), "--output")


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "story.html"]
)
def test_add_source_with_a_url_that_is_not_http(tracker, stored, tmp_path: Path, url: str) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE)
    before = stored()
    result = tracker("add-source", str(story), "--outlet", "Brindlemoor Weekly", "--url", url)
    one_error(result, "--url", "(give an address starting with http:// or https://)")
    assert result.exit_code == 2
    assert stored() == before


@pytest.mark.parametrize("url", ["javascript:alert(1)", "reports/", "file:///srv/reports/"])
def test_export_claimreview_with_a_report_url_that_is_not_http(tracker, stored, tmp_path: Path, url: str) -> None:
    target = tmp_path / "reviews.jsonld"
    one_error(tracker("export", "--format", "claimreview", "--report-url", url, "-o", str(target)), "--report-url")
    assert not target.exists()


def test_export_claimreview_needs_a_report_url(tracker, stored) -> None:
    one_error(tracker("export", "--format", "claimreview"), "--report-url", "claimreview needs")


def test_export_excel_applies_to_csv_only(tracker, stored) -> None:
    one_error(tracker("export", "--format", "json", "--excel"), "--excel")


def test_export_onto_a_named_pipe(tracker, stored, tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    one_error(tracker("export", "--output", str(fifo)), str(fifo), "is a named pipe, not a regular file")
    assert fifo.is_fifo()  # not opened (that would hang), not replaced


def test_export_onto_a_device(tracker, stored) -> None:
    one_error(tracker("export", "--output", "/dev/null"), "/dev/null", "is a device")


def test_export_through_a_symbolic_link(tracker, stored, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("keep me")
    link = tmp_path / "out.json"
    link.symlink_to(elsewhere)
    one_error(tracker("export", "--output", str(link)), str(link), "is a symbolic link")
    assert elsewhere.read_text() == "keep me" and link.is_symlink()


def test_export_onto_a_dangling_symbolic_link(tracker, stored, tmp_path: Path) -> None:
    link = tmp_path / "out.csv"
    link.symlink_to(tmp_path / "nowhere" / "planted.csv")
    one_error(tracker("export", "--format", "csv", "--output", str(link)), str(link), "is a symbolic link")
    assert not (tmp_path / "nowhere").exists() and not (tmp_path / "out-flags.csv").exists()


def test_export_csv_whose_flags_file_is_a_directory(tracker, stored, tmp_path: Path) -> None:
    (tmp_path / "claims-flags.csv").mkdir()
    one_error(tracker("export", "--format", "csv", "--output", str(tmp_path / "claims.csv")), "is a directory")
    assert not (tmp_path / "claims.csv").exists()


def test_export_leaves_no_temporary_file_and_keeps_the_file_mode(tracker, stored, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    assert tracker("export", "--output", str(target)).exit_code == 0
    assert json.loads(target.read_text())["sources"] and (target.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []


# Root may write anywhere chmod allows, so the read-only folder is one the kernel refuses even to root.
UNWRITABLE = [d for d in ("/proc/1", "/sys") if Path(d).is_dir()]


@pytest.mark.skipif(not UNWRITABLE, reason="no folder here that refuses new files even to root (/proc/1, /sys)")
@pytest.mark.parametrize("folder", UNWRITABLE)
def test_export_into_a_folder_that_refuses_new_files(tracker, stored, folder: str) -> None:
    target = Path(folder) / "tracker-export.json"
    line = one_error(tracker("export", "--output", str(target)), "--output", str(target))
    assert "not writable" in line or "cannot write" in line
    assert not target.exists()
