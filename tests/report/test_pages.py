"""Pages worth publishing (issue 15), read as HTML: the verdict box and the ClaimReview JSON-LD of a claim page,
both sides of a flag side by side, the timeline of a fact across outlets and dates, and the outlet's
reliability dot, both drawn as inline SVG; hostile text stays inert in all of them.

The invented corpus of tests.test_cli_flags: the Kestrel Ledger says 12 flood shelters, the Harrow Post 18 on
the same day (a conflict), the Brenmoor Courier 30 later (a change over time).
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.articles import write_folder
from tests.report.test_incremental import rewritten, snapshot
from tests.test_cli_flags import COURIER, LEDGER, POST, ok, write_first
from tests.test_verdicts import conflict_sides, desk  # noqa: F401  (desk: a fixture, the first corpus ingested)
from tracker import Tracker

REPORT_URL = "https://factcheck.example/reports/"
NOTE = '</script><script>alert(1)</script> the council\'s list says 12 <img src=x onerror="alert(2)">'


class Page(HTMLParser):
    """The elements of a page, with the text inside each element of interest (by id, and all SVG text)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: dict[str, str] = {}  # data block id -> its text
        self.svg_text: list[str] = []
        self.ids: set[str] = set()
        self._stack: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag not in {"meta", "br", "hr", "input", "link"}:  # HTML's void elements have no end tag
            self._stack.append((tag, attributes))

    def handle_endtag(self, tag):
        while any(t == tag for t, _ in self._stack):
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._stack:
            return
        tag, attrs = self._stack[-1]
        if tag == "script":
            self.scripts[str(attrs.get("id"))] = self.scripts.get(str(attrs.get("id")), "") + data
        if any(t == "svg" for t, _ in self._stack):
            self.svg_text.append(data)


def read(path: Path) -> tuple[Page, str]:
    html = path.read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    return page, html


def inert(page: Page, code: bool = False) -> None:
    """Nothing on the page could run: no element but our own, no event handler, no script but data blocks."""
    for tag, attrs in page.tags:
        assert tag not in {"img", "iframe", "object", "embed"}, tag
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        if tag == "script":  # data blocks, and the search page's own script (allowed by its hash)
            assert attrs.get("type") in {"application/ld+json", "application/json"} or code, attrs
    for name, text in page.scripts.items():
        if name != "None":  # the data blocks, each with its id
            assert "</" not in text and "<script" not in text and "<!--" not in text


def test_the_verdict_box_and_claimreview_appear_once_the_verdict_is_published(desk: Tracker, tmp_path: Path) -> None:  # noqa: F811
    flag_id, side = conflict_sides(desk)
    wrong, right = side["Harrow Post"], side["Kestrel Ledger"]
    out = tmp_path / "reports"
    proposed = desk.propose_verdict(wrong, "inaccurate", "Ada", note=NOTE, evidence_url="https://council.example/list",
                                    flag_id=flag_id)  # fmt: skip
    desk.report(out, report_url=REPORT_URL)
    page, _html = read(out / "claims" / f"{wrong}.html")
    assert "verdict" not in page.ids and "claimreview" not in page.scripts  # only proposed: nothing published
    before = snapshot(out)

    desk.approve_verdict(proposed.id, "Ben")
    desk.report(out, report_url=REPORT_URL)
    after = snapshot(out)
    # a new verdict renders its claim page again (and its side's, whose conflict it resolved), no other claim's
    assert {p for p in rewritten(before, after) if p.startswith("claims/")} == {f"claims/{wrong}.html",
                                                                                 f"claims/{right}.html"}  # fmt: skip
    page, html = read(out / "claims" / f"{wrong}.html")
    inert(page)
    assert "verdict" in page.ids
    box = html[html.index('id="verdict"') : html.index("</section>", html.index('id="verdict"'))]
    for shown in ("Inaccurate", "Proposed by", "Ada", "Approved by", "Ben", "UTC"):
        assert shown in box, shown
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in box
    assert '<a href="https://council.example/list"' in box

    embedded = json.loads(page.scripts["claimreview"])
    exported = json.loads(desk.export("claimreview", report_url=REPORT_URL).text or "")
    [expected] = [r for r in exported if r["url"] == f"{REPORT_URL}claims/{wrong}.html"]
    assert embedded == expected
    assert embedded["reviewBody"] == NOTE  # hostile text survives as data, inert in the page
    assert embedded["reviewRating"]["alternateName"] == "Inaccurate"

    # the flag page: both sides, each quote in its paragraph, with outlet, date, address and verdict
    flag_page, flag_html = read(out / "flags" / f"{flag_id}.html")
    inert(flag_page)
    assert {f"side-{wrong}", f"side-{right}"} <= flag_page.ids
    assert flag_html.count('<mark class="quote">') == 2
    wrong_side = flag_html[flag_html.index(f'id="side-{wrong}"') :].split("</section>")[0]
    right_side = flag_html[flag_html.index(f'id="side-{right}"') :].split("</section>")[0]
    assert "Harrow Post" in wrong_side and "2024-01-15" in wrong_side and "https://post.example/dispute" in wrong_side
    assert "Inaccurate" in wrong_side and "none published" in right_side
    assert str(tmp_path) not in html + flag_html


def test_without_a_report_url_no_claimreview_is_embedded(desk: Tracker, tmp_path: Path) -> None:  # noqa: F811
    _flag, side = conflict_sides(desk)
    verdict = desk.propose_verdict(side["Kestrel Ledger"], "accurate", "Ada")
    desk.approve_verdict(verdict.id, "Ben")
    out = tmp_path / "reports"
    desk.report(out)
    page, _html = read(out / "claims" / f"{side['Kestrel Ledger']}.html")
    assert "verdict" in page.ids and "claimreview" not in page.scripts
    desk.report(out, report_url=REPORT_URL)  # given later, the pages that embed it are rendered again
    page, _html = read(out / "claims" / f"{side['Kestrel Ledger']}.html")
    assert json.loads(page.scripts["claimreview"])["url"] == f"{REPORT_URL}claims/{side['Kestrel Ledger']}.html"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "reports/", "//factcheck.example/r/", "ftp://x.example/"])
def test_the_report_url_must_be_absolute_http(invoke, db_url: str, tmp_path: Path, url: str) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    result = invoke(db_url, "report", "--output", str(tmp_path / "reports"), "--report-url", url)
    assert result.exit_code != 0
    assert "--report-url" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "reports").exists()


HOSTILE_OUTLETS = {
    "Kestrel Ledger": "Kestrel <script>alert(1)</script> Ledger",
    "Harrow Post": "Harrow <img src=x onerror=alert(2)> Post",
    "Brenmoor Courier": "Brenmoor </svg><b>Courier</b>",
}


def test_the_timeline_and_the_reliability_dot_render_and_stay_inert(invoke, db_url: str, tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "hostile",
        [
            ("1-ledger.txt", LEDGER, HOSTILE_OUTLETS["Kestrel Ledger"], "https://ledger.example/talks", "2024-01-15",
             "Harbour <script>x()</script>"),
            ("2-post.txt", POST, HOSTILE_OUTLETS["Harrow Post"], "https://post.example/dispute", "2024-01-15",
             "Fishing dispute"),
            ("3-courier.txt", COURIER, HOSTILE_OUTLETS["Brenmoor Courier"], "https://courier.example/chief",
             "2024-06-20", "New harbour chief"),
        ],
    )  # fmt: skip
    ok(invoke(db_url, "ingest", str(folder)))
    out = tmp_path / "reports"
    ok(invoke(db_url, "report", "--output", str(out), "--report-url", REPORT_URL))
    pages = sorted(out.rglob("*.html"))
    timelines = 0
    for path in pages:
        page, html = read(path)
        inert(page, code=path.name == "search.html")
        assert str(tmp_path) not in html, path  # no local paths on any page
        svg = [attrs for tag, attrs in page.tags if tag == "svg"]
        assert all(attrs.get("xmlns") == "http://www.w3.org/2000/svg" for attrs in svg)
        assert not any(tag in {"image", "use", "foreignobject"} for tag, _ in page.tags)  # nothing from outside
        if "timeline" in page.ids:
            timelines += 1
            points = [a for t, a in page.tags if t == "circle"]
            assert len(points) >= 2 and sum(a.get("class") == "point-this" for a in points) == 1
            assert [a for t, a in page.tags if t == "svg"] and "</svg><b>" not in html
            text = "".join(page.svg_text)
            assert any(name in text for name in HOSTILE_OUTLETS.values()), path  # shown as text, escaped
            assert "2024-01-15" in text and "2024-06-20" in text
    assert timelines >= 2  # the conflict's sides each meet the later change

    for name in HOSTILE_OUTLETS.values():
        [outlet_page] = [p for p in (out / "outlets").glob("*.html") if name in "".join(read(p)[0].svg_text)]
        page, html = read(outlet_page)
        [dot] = [a for t, a in page.tags if t == "circle" and a.get("class") == "dot"]
        [bar] = [a for t, a in page.tags if t == "line" and a.get("class") == "interval"]
        assert float(bar["x1"] or 0) <= float(dot["cx"] or 0) <= float(bar["x2"] or 0)
        assert any(t.startswith("n = ") for t in page.svg_text)
