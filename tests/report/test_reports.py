"""HTML reports: every page written, links resolve, quotes highlighted and annotated, article text inert."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import update

from tests.articles import write_folder
from tests.test_cli_flags import ok, write_first
from tracker.store import open_store, session_scope
from tracker.store.models import Source

HOSTILE = "\n\n".join(
    [
        "Kestrel Town Council published the harbour report on Monday after weeks of delay and argument.",
        'Clerk Mara Vell said the leaked note read "<script>alert(1)</script>" and nothing else at all.',
        'Councillor Ivo Brandt said the image tag <img src=x onerror="alert(2)"> had been posted by a prankster.',
        "The council said repairs to the eastern pier would cost 40,000 pounds and take three months.",
    ]
)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.code: list[str] = []  # scripts the browser runs (not JSON data blocks)
        self._in_script = False
        self._data_block = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        self._data_block = dict(attrs).get("type") in ("application/ld+json", "application/json")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
            if not self._data_block:
                self.code.append(data)


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture
def reports(invoke, db_url: str, tmp_path: Path) -> Path:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    out = tmp_path / "reports"
    result = ok(invoke(db_url, "report", "--output", str(out)))
    assert result.stdout.splitlines()[-1] == f"open {out / 'index.html'}"
    return out


def test_a_page_per_claim_flag_and_outlet_and_every_link_resolves(invoke, db_url: str, reports: Path) -> None:
    data = json.loads(ok(invoke(db_url, "export", "--format", "json", "--output", "-")).stdout)
    assert {p.stem for p in (reports / "claims").glob("*.html")} == {c["id"] for c in data["claims"]}
    assert {p.stem for p in (reports / "flags").glob("*.html")} == {f["id"] for f in data["flags"]}
    assert len(list((reports / "outlets").glob("*.html"))) == len(data["outlets"])
    for page in reports.rglob("*.html"):
        for tag, attrs in parse(page).tags:
            href = attrs.get("href") if tag == "a" else None
            if href and not href.startswith(("http://", "https://")):
                assert (page.parent / href).resolve().is_file(), (page, href)
            assert not (tag in {"script", "link", "img"} and (attrs.get("src") or attrs.get("href"))), (page, tag)


def test_claim_page_highlights_the_quote_and_annotates_it(invoke, db_url: str, reports: Path) -> None:
    data = json.loads(ok(invoke(db_url, "export", "--format", "json", "--output", "-")).stdout)
    claim = next(c for c in data["claims"] if c["entity_ids"])
    page = reports / "claims" / f"{claim['id']}.html"
    html = page.read_text(encoding="utf-8")
    assert re.search(r'<mark class="quote" id="quote">', html)
    [annotation] = [json.loads(s) for s in parse(page).scripts if '"TextQuoteSelector"' in s]
    quote, position = annotation["target"]["selector"]
    assert quote["exact"] == claim["quote"]
    assert (position["start"], position["end"]) == (claim["start"], claim["end"])
    source = next(s for s in data["sources"] if s["id"] == claim["source_id"])
    text = Path(source["path"]).read_text(encoding="utf-8")
    assert text[claim["start"] - len(quote["prefix"]) : claim["start"]] == quote["prefix"]
    assert text[claim["end"] : claim["end"] + len(quote["suffix"])] == quote["suffix"]
    entity = next(e for e in data["entities"] if e["id"] in claim["entity_ids"])
    assert entity["name"] in html.replace("&#39;", "'")


def test_article_text_renders_inert(invoke, db_url: str, tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "hostile",
        [("note.txt", HOSTILE, "Harbour Bulletin", "https://bulletin.example/note", "2024-03-04", "Leaked note")],
    )
    ok(invoke(db_url, "ingest", str(folder)))
    out = tmp_path / "reports"
    ok(invoke(db_url, "report", "--output", str(out)))
    pages = list(out.rglob("*.html"))
    texts = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in texts
    for page in pages:
        parsed = parse(page)
        assert not any(tag == "img" for tag, _ in parsed.tags), page
        assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs), page
        assert not any("alert(" in s for s in parsed.code), page
        assert not any("</" in s or "<script" in s for s in parsed.scripts), page  # data blocks escape "<"
    annotated = [json.loads(s) for p in pages for s in parse(p).scripts if "TextQuoteSelector" in s]
    assert any("<script>alert(1)</script>" in a["target"]["selector"][0]["exact"] for a in annotated)


MANIFEST = ".tracker-report-manifest.sqlite"


def listed(reports: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(reports / MANIFEST)) as db:
        return {path for (path,) in db.execute("SELECT path FROM pages")}


def unlist(reports: Path, *paths: str) -> None:
    with contextlib.closing(sqlite3.connect(reports / MANIFEST)) as db, db:
        db.executemany("DELETE FROM pages WHERE path = ?", [(p,) for p in paths])


def add_listed(reports: Path, *paths: str) -> None:
    with contextlib.closing(sqlite3.connect(reports / MANIFEST)) as db, db:
        db.executemany("INSERT INTO pages VALUES (?, 'x')", [(p,) for p in paths])


def test_the_manifest_lists_every_page_written(reports: Path) -> None:
    pages = {p.relative_to(reports).as_posix() for p in reports.rglob("*.html")}
    assert listed(reports) == pages and "index.html" in pages
    assert [p.name for p in reports.iterdir() if p.name.startswith(".tracker-staging-")] == []  # no staging left


def test_a_rerun_keeps_the_users_own_files(invoke, db_url: str, reports: Path) -> None:
    mine = {"notes.txt": "mine", "claims/notes.md": "my claim notes", "flags/keep.html": "<p>my page</p>"}
    for name, text in mine.items():
        (reports / name).write_text(text, encoding="utf-8")
    before = listed(reports)
    ok(invoke(db_url, "report", "--output", str(reports)))
    for name, text in mine.items():
        assert (reports / name).read_text(encoding="utf-8") == text, name
    assert listed(reports) == before and all((reports / p).is_file() for p in before)


def test_a_rerun_removes_only_pages_its_manifest_lists(invoke, db_url: str, tmp_path: Path, reports: Path) -> None:
    (reports / "claims" / "999999.html").write_text("an old report's page", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("not a page", encoding="utf-8")
    (reports / "notes.txt").write_text("mine", encoding="utf-8")
    hostile = ["../outside.txt", str(tmp_path / "outside.txt"), "claims/../../outside.txt", "notes.txt", "claims"]
    add_listed(reports, "claims/999999.html", *hostile)
    ok(invoke(db_url, "report", "--output", str(reports)))
    assert not (reports / "claims" / "999999.html").exists()
    assert (tmp_path / "outside.txt").is_file() and (reports / "notes.txt").is_file() and (reports / "claims").is_dir()
    assert "claims/999999.html" not in listed(reports) and not set(hostile) & listed(reports)


def test_a_folder_of_other_files_is_refused_untouched(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    folder = tmp_path / "documents"
    (folder / "claims").mkdir(parents=True)
    (folder / "claims" / "1.html").write_text("my own page", encoding="utf-8")
    (folder / "index.html").write_text("my own index", encoding="utf-8")
    result = invoke(db_url, "report", "--output", str(folder))
    assert result.exit_code == 2 and "holds files that are not reports (claims, index.html)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        "claims",
        "claims/1.html",
        "index.html",
    ]
    assert (folder / "index.html").read_text(encoding="utf-8") == "my own index"


def test_a_users_file_where_a_page_would_go_is_refused_untouched(invoke, db_url: str, reports: Path) -> None:
    page = sorted(listed(reports) - {"index.html"})[0]
    unlist(reports, page)  # as if the user had put that file there
    (reports / page).write_text("mine", encoding="utf-8")
    result = invoke(db_url, "report", "--output", str(reports))
    assert result.exit_code == 2 and "was not written by tracker report" in result.stderr
    assert (reports / page).read_text(encoding="utf-8") == "mine"


def test_a_page_folder_that_is_a_link_elsewhere_is_refused(invoke, db_url: str, tmp_path: Path, reports: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(reports / "flags")
    (reports / "flags").symlink_to(elsewhere)
    result = invoke(db_url, "report", "--output", str(reports))
    assert result.exit_code == 2 and "is not a plain folder" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_a_report_folder_that_is_a_file_is_refused(invoke, db_url: str, tmp_path: Path) -> None:
    (tmp_path / "reports").write_text("mine", encoding="utf-8")
    result = invoke(db_url, "report", "--output", str(tmp_path / "reports"))
    assert result.exit_code == 2 and "is not a folder" in result.stderr
    assert (tmp_path / "reports").read_text(encoding="utf-8") == "mine"


def test_a_stored_url_that_is_not_http_is_shown_as_text_never_linked(invoke, db_url: str, tmp_path: Path) -> None:
    """An address stored before URLs were checked (an old database) never becomes a link."""
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    engine = open_store(db_url)
    with session_scope(engine) as session:
        session.execute(
            update(Source).where(Source.url == "https://post.example/dispute").values(url="javascript:alert(1)")
        )
    engine.dispose()
    out = tmp_path / "reports"
    ok(invoke(db_url, "report", "--output", str(out)))
    hrefs = [a.get("href") or "" for p in out.rglob("*.html") for tag, a in parse(p).tags if tag == "a"]
    assert "https://ledger.example/talks" in hrefs
    assert not any(h.strip().lower().startswith("javascript") for h in hrefs)
    shown = [p for p in (out / "claims").glob("*.html") if "javascript:alert(1)" in p.read_text(encoding="utf-8")]
    assert shown and all('id="bad-url"' in p.read_text(encoding="utf-8") for p in shown)
    for page in shown:
        [annotation] = [json.loads(s) for s in parse(page).scripts if "TextQuoteSelector" in s]
        assert annotation["target"]["source"].startswith("urn:sha256:")


def test_every_page_allows_only_its_own_script(reports: Path) -> None:
    for page in reports.rglob("*.html"):
        [policy] = [a["content"] for tag, a in parse(page).tags if tag == "meta" and a.get("http-equiv")]
        assert (
            "default-src 'none'" in policy
            and "script-src 'sha256-" in policy
            and "unsafe-inline" not in (policy.split("script-src")[1].split(";")[0])
        ), page
