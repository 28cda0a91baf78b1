"""HTML reports: every page written, links resolve, quotes highlighted and annotated, article text inert."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.articles import write_folder
from tests.test_cli_flags import ok, write_first

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
        self._data_block = dict(attrs).get("type") == "application/ld+json"

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


def test_report_refuses_a_folder_of_other_files(invoke, db_url: str, tmp_path: Path, reports: Path) -> None:
    (reports / "notes.txt").write_text("mine", encoding="utf-8")
    result = invoke(db_url, "report", "--output", str(reports))
    assert result.exit_code == 2 and "holds files that are not reports (notes.txt)" in result.stderr
    assert (reports / "notes.txt").read_text(encoding="utf-8") == "mine" and (reports / "index.html").is_file()
