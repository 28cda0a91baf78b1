"""Pages in other languages and encodings: stored with text, date, title and language, without claims."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from tests.articles import FERRY, FERRY_HTML
from tracker.ingest import InputFile, SourceMeta
from tracker.pipeline import prepare
from tracker.store import open_store, session_scope
from tracker.store.models import Source

GERMAN_HTML = """<!doctype html>
<html lang="de"><head><meta charset="iso-8859-1">
<title>Neue Brücke in Lindenau | Lindenauer Rundschau</title>
<meta property="og:site_name" content="Lindenauer Rundschau">
<meta property="article:published_time" content="2023-05-04T09:00:00+02:00">
</head><body>
<nav><a href="/">Startseite</a> | <a href="/politik">Politik</a> | <a href="/sport">Sport</a></nav>
<article><h1>Neue Brücke in Lindenau</h1>
<p>Der Bürgermeister von Lindenau sagte am Montag, die neue Brücke über den Fluss werde im Frühjahr eröffnet.
Die Stadt habe dafür lange gekämpft.</p>
<p>Die Bauarbeiten hätten länger gedauert als geplant, weil das Hochwasser im Herbst die Baustelle überflutet
habe. Die Kosten seien dennoch im Rahmen geblieben, teilte die Stadtverwaltung am Dienstag mit.</p>
<p>Anwohner begrüßten die Nachricht. Viele von ihnen fahren bisher einen Umweg von zwölf Kilometern, um in die
Innenstadt zu gelangen, und hoffen nun auf kürzere Wege zur Arbeit und zur Schule.</p>
</article></body></html>
"""


def test_a_page_in_another_language_keeps_its_text_date_and_passages(tmp_path: Path) -> None:
    path = tmp_path / "bruecke.html"
    path.write_bytes(GERMAN_HTML.encode("latin-1"))
    new = prepare(InputFile(path, str(path), SourceMeta()))
    assert new.language == "de"
    assert new.encoding == "cp1252"  # what browsers read a page labelled ISO-8859-1 as
    assert (new.claims, new.entities) == ((), None)
    assert new.published is not None and new.published.isoformat() == "2023-05-04"
    assert new.title and "Brücke" in new.title
    assert new.passages and all(p.of(new.text).strip() == p.of(new.text) and p.of(new.text) for p in new.passages)
    assert any("Hochwasser" in p.of(new.text) for p in new.passages)


def test_ingest_summary_and_export_say_which_pages_are_not_english(invoke, db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "bruecke.html").write_bytes(GERMAN_HTML.encode("latin-1"))
    (folder / "ferry.html").write_text(FERRY_HTML, encoding="utf-8")
    result = invoke(db_url, "ingest", folder)
    assert result.exit_code == 0, result.stderr
    assert "sources: 2 stored" in result.stdout
    assert "stored without claims: 1 not English (de 1)" in result.stdout

    out = tmp_path / "e.json"
    assert invoke(db_url, "export", "--format", "json", "--output", out).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    languages = {Path(s["path"]).name: s["language"] for s in data["sources"]}
    assert languages == {"bruecke.html": "de", "ferry.html": "en"}
    german = next(s for s in data["sources"] if s["language"] == "de")
    assert german["published"] == "2023-05-04"
    assert not [c for c in data["claims"] if c["source_id"] == german["id"]]
    assert [c for c in data["claims"] if c["source_id"] != german["id"]]

    listing = invoke(db_url, "sources").stdout
    assert any(" de " in line and "bruecke.html" in line for line in listing.splitlines())


def test_english_run_prints_no_line_about_pages_without_claims(invoke, sqlite_url: str, tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(FERRY_HTML, encoding="utf-8")
    result = invoke(sqlite_url, "ingest", page)
    assert result.exit_code == 0, result.stderr
    assert "stored without claims" not in result.stdout


def test_nul_byte_late_in_a_file_is_stored_alike_on_sqlite_and_postgresql(invoke, db_url: str, tmp_path: Path) -> None:
    padding = "The harbour committee met again on Thursday to hear the ferry operators. " * 130  # past 8 KB
    page = tmp_path / "ferry.txt"
    page.write_bytes((FERRY + "\n" + padding + "\x00\n").encode("utf-8"))
    result = invoke(db_url, "ingest", page)
    assert result.exit_code == 0, result.stderr
    assert "sources: 1 stored" in result.stdout
    with session_scope(open_store(db_url)) as session:
        [text] = session.scalars(select(Source.text)).all()
    assert "\x00" not in text
    assert text.endswith(padding + "\ufffd\n")


# An invented death notice in Hungarian, too short for the page's language to be told: each sentence is still
# set apart as another language's, so the page makes no claim (and so no change over time).
HUNGARIAN_NOTICE = (
    "Gyászhír\n\n"
    "Fájdalommal tudatjuk, hogy Varga Ilona, velmori lakos, életének 84. évében, 2019. március 3-án elhunyt.\n\n"
    "Temetése március 12-én 14 órakor lesz a velmori temetőben.\n"
)


def test_a_short_page_in_another_language_makes_no_claims(tmp_path: Path) -> None:
    path = tmp_path / "gyaszhir.txt"
    path.write_text(HUNGARIAN_NOTICE, encoding="utf-8")
    new = prepare(InputFile(path, str(path), SourceMeta()))
    assert new.claims == ()
    english = tmp_path / "notice.txt"
    english.write_text(HUNGARIAN_NOTICE.replace("Temetése", "The funeral of Ilona Varga will be held in Velmor on "
                       "12 March at 2 pm, her family said. Temetése"), encoding="utf-8")  # fmt: skip
    assert [c.text for c in prepare(InputFile(english, str(english), SourceMeta())).claims]
