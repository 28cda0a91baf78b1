"""The tracker CLI end to end through click's CliRunner, on real databases (SQLite, and PostgreSQL when set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from tests.articles import BRIDGE, COPY, FERRY_HTML, ORIGINAL, OTHER, UNRELATED, write_corpus
from tracker.store.db import alembic_config


def export(invoke, db: str, tmp_path: Path) -> dict:
    out = tmp_path / "export.json"
    result = invoke(db, "export", "--format", "json", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def by_name(data: dict) -> dict[str, dict]:
    return {Path(s["path"]).name: s for s in data["sources"]}


def test_ingest_folder_stores_files_with_their_metadata(invoke, db_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    result = invoke(db_url, "ingest", str(corpus))
    assert result.exit_code == 0, result.stderr
    assert "sources: 4 stored, 0 unchanged (already stored), 0 failed" in result.stdout
    assert "syndicated copies: 1" in result.stdout
    assert "publication dates found: 3 of 4" in result.stdout
    assert result.stderr == ""

    sources = by_name(export(invoke, db_url, tmp_path))
    assert set(sources) == {ORIGINAL, COPY, OTHER, UNRELATED}
    ferry = sources[ORIGINAL]
    assert ferry["path"] == str(corpus / ORIGINAL)
    assert (ferry["outlet"], ferry["url"], ferry["title"]) == (
        "Velmora Evening Star",
        "https://star.example/ferry",
        "Council backs ferry terminal",
    )
    # sources.csv wins over the dateline in the text (9 March).
    assert (ferry["published"], ferry["published_origin"]) == ("2023-03-08", "metadata")
    assert ferry["duplicate_of"] is None
    orchard = sources[UNRELATED]
    assert (orchard["outlet"], orchard["title"], orchard["published"]) == (
        "Tallowfield Gazette",
        "Record apple harvest expected",
        None,
    )
    # Files without a row get what the text gives: the dateline, and no outlet.
    northbay = sources[OTHER]
    assert (northbay["outlet"], northbay["published"], northbay["published_origin"]) == (None, "2023-03-09", "dateline")
    assert northbay["duplicate_of"] is None
    copy = sources[COPY]
    assert copy["duplicate_of"] == ferry["id"]
    assert copy["published"] == "2023-03-10"


def test_reingesting_identical_content_stores_nothing_new(invoke, db_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    assert invoke(db_url, "ingest", str(corpus)).exit_code == 0
    before = export(invoke, db_url, tmp_path)

    again = invoke(db_url, "ingest", str(corpus))
    assert again.exit_code == 0, again.stderr
    assert "sources: 0 stored, 4 unchanged (already stored), 0 failed" in again.stdout
    assert "database: 4 sources" in again.stdout

    # The same bytes under another name are the same source too.
    renamed = tmp_path / "elsewhere" / "renamed.txt"
    renamed.parent.mkdir()
    renamed.write_bytes((corpus / ORIGINAL).read_bytes())
    result = invoke(db_url, "ingest", str(renamed))
    assert result.exit_code == 0
    assert "0 stored, 1 unchanged" in result.stdout
    assert export(invoke, db_url, tmp_path) == before


def test_copy_ingested_in_a_later_run_points_to_the_original(invoke, db_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    copy = corpus / COPY
    later = tmp_path / "later" / copy.name
    later.parent.mkdir()
    copy.rename(later)
    assert invoke(db_url, "ingest", str(corpus)).exit_code == 0
    result = invoke(db_url, "ingest", str(later))
    assert result.exit_code == 0
    assert "syndicated copies: 1" in result.stdout
    sources = by_name(export(invoke, db_url, tmp_path))
    assert sources[COPY]["duplicate_of"] == sources[ORIGINAL]["id"]


def test_html_page_is_stored_with_its_own_metadata(invoke, db_url: str, tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(FERRY_HTML, encoding="utf-8")
    result = invoke(db_url, "ingest", str(page))
    assert result.exit_code == 0, result.stderr
    [source] = export(invoke, db_url, tmp_path)["sources"]
    assert source["media_type"] == "text/html"
    assert source["outlet"] == "Velmora Evening Star"
    assert source["url"] == "https://star.example/harbour/ferry-terminal"
    assert source["title"] == "Council backs ferry terminal"
    assert (source["published"], source["published_origin"]) == ("2023-03-09", "page markup")


def test_add_source_with_metadata(invoke, db_url: str, tmp_path: Path) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE, encoding="utf-8")
    result = invoke(
        db_url,
        "add-source",
        str(story),
        "--outlet",
        "Brindlemoor Weekly",
        "--url",
        "https://weekly.example/bridge",
        "--published",
        "2024-04-29",
        "--title",
        "Footbridge to open in spring",
    )
    assert result.exit_code == 0, result.stderr
    assert "sources: 1 stored" in result.stdout
    [source] = export(invoke, db_url, tmp_path)["sources"]
    assert source["path"] == str(story)
    assert (source["outlet"], source["url"], source["published"], source["title"]) == (
        "Brindlemoor Weekly",
        "https://weekly.example/bridge",
        "2024-04-29",
        "Footbridge to open in spring",
    )
    assert source["published_origin"] == "metadata"

    listing = invoke(db_url, "sources")
    assert listing.exit_code == 0
    header, row = listing.stdout.strip().splitlines()
    assert header.split() == ["id", "published", "outlet", "lang", "copy", "of", "paras", "path"]
    assert row.split()[:2] == [source["id"], "2024-04-29"]
    assert source["language"] == "en" and " en " in row
    assert "Brindlemoor Weekly" in row and row.endswith(str(story))


def test_sources_lists_copies_and_empty_databases(invoke, db_url: str, tmp_path: Path) -> None:
    empty = invoke(db_url, "sources")
    assert empty.exit_code == 0
    assert empty.stdout.strip() == "no sources yet: tracker ingest PATH"

    write_corpus(tmp_path / "corpus")
    assert invoke(db_url, "ingest", str(tmp_path / "corpus")).exit_code == 0
    lines = invoke(db_url, "sources").stdout.strip().splitlines()
    assert len(lines) == 5
    rows = {line.split()[-1].rsplit("/", 1)[-1]: line for line in lines[1:]}
    ferry_id = rows[ORIGINAL].split()[0]
    assert rows[COPY].split()[:5] == [rows[COPY].split()[0], "2023-03-10", "-", "en", ferry_id]


def test_run_ingests_and_summarises(invoke, db_url: str, tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus")
    result = invoke(db_url, "run", str(tmp_path / "corpus"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "sources: 4 stored, 0 unchanged (already stored), 0 failed"
    assert "database: 4 sources in" in result.stdout


def test_export_to_stdout(invoke, sqlite_url: str, tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus")
    invoke(sqlite_url, "ingest", str(tmp_path / "corpus"))
    result = invoke(sqlite_url, "export", "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["sources"]) == 4


def test_export_reports_what_it_wrote(invoke, sqlite_url: str, tmp_path: Path) -> None:
    out = tmp_path / "tracker.json"
    result = invoke(sqlite_url, "export", "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr.strip() == f"wrote {out}: 0 sources, 0 claims"
    assert json.loads(out.read_text())["sources"] == []
    assert not list(tmp_path.glob("*.tmp"))


def test_db_upgrade_reports_the_head_revision(invoke, db_url: str) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    result = invoke(db_url, "db", "upgrade")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == f"database at revision {head}"
    again = invoke(db_url, "db", "upgrade")
    assert again.stdout == result.stdout


def test_db_option_falls_back_to_tracker_db_env(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DB", f"sqlite:///{tmp_path / 'env.db'}")
    result = invoke(None, "db", "upgrade")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "env.db").is_file()


def test_default_database_is_tracker_db_in_the_working_directory(invoke, tmp_path: Path) -> None:
    result = invoke(None, "sources")  # the autouse fixture made tmp_path the working directory
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "tracker.db").is_file()


def test_version(invoke) -> None:
    from tracker import __version__

    result = invoke(None, "--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"tracker, version {__version__}"


def test_starting_the_cli_loads_no_article_stage() -> None:
    """A command that lists or reviews what is stored starts without the HTML extractor, the parser or the
    claim rules: only ingest loads them (every command would otherwise pay for them at start)."""
    import subprocess
    import sys

    heavy = ["tracker.pipeline", "tracker.extract", "tracker.analyse", "tracker.clean.html", "trafilatura", "spacy"]
    probe = f"import sys, tracker.cli; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
