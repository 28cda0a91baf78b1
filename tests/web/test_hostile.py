"""Hostile article text, titles, outlets, URLs (javascript:), user names and notes shown inert on every desk page.

The hostile corpus of tests/report/test_browser.py carries script in every form a page could run it; its stored
source URLs are then set to javascript: and data: addresses (as an old database may hold), a ruling's source
too, and an editor's name and notes are markup. Every page of the desk is read as HTML: no element or attribute
of the corpus survives as markup, every link stays on the desk or goes to http(s), and the payloads are shown as
text.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import update
from starlette.testclient import TestClient

from tests.report.test_browser import BAD_URLS, PAYLOADS, write_hostile
from tests.web.conftest import PASSWORD, Desk
from tracker import Tracker
from tracker.store import open_store, session_scope
from tracker.store.models import Source, Verdict
from tracker.urls import safe_url
from tracker.web import DeskConfig, create_app

HOSTILE_EDITOR = PAYLOADS[1]  # '<img src=x onerror="...">' as a user's name
OUR_TAGS = {
    "html", "head", "meta", "title", "link", "script", "body", "header", "nav", "a", "form", "input", "span",
    "button", "main", "p", "h1", "h2", "small", "label", "select", "option", "table", "thead", "tbody", "tr", "th",
    "td", "fieldset", "legend", "div", "section", "dl", "dt", "dd", "blockquote", "mark", "strong", "textarea",
    "kbd", "ol", "li", "article", "br",
}  # fmt: skip


class Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_inert(page: str, where: str) -> str:
    """The page's text, once its markup is shown to be only the desk's own."""
    parsed = Markup()
    parsed.feed(page)
    for tag, attrs in parsed.tags:
        assert tag in OUR_TAGS, (where, tag, attrs)
        assert not [a for a in attrs if a.startswith("on")], (where, tag, attrs)
        if tag == "script":
            assert attrs == {"src": "/static/desk.js", "defer": None}, (where, attrs)
        for name in ("href", "src", "action"):
            value = attrs.get(name)
            if value is not None:
                assert (value.startswith("/") and not value.startswith("//")) or safe_url(value) == value, (
                    where,
                    value,
                )
    for payload in PAYLOADS:
        if payload.startswith("<") or payload.startswith('"') or payload.startswith("'"):
            assert payload not in page, (where, payload)
    return "".join(parsed.text)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("hostile")
    url = f"sqlite:///{root / 'hostile.db'}"
    with Tracker(url) as t:
        t.ingest([write_hostile(root / "articles")])
        t.add_user("Ada Editor", "editor", PASSWORD)
        t.add_user(HOSTILE_EDITOR, "editor", PASSWORD)
        flags = [f for f in t.flags() if f.kind in ("conflict", "temporal_change")]
        assert flags, "the hostile corpus gives flags to look at"
        first = flags[0]
        t.assign([first.id], HOSTILE_EDITOR, "Ada Editor")
        proposed = t.propose_verdict(
            first.claim_ids[0], "inaccurate", HOSTILE_EDITOR, note=PAYLOADS[2], flag_id=first.id
        )
        if len(first.claim_ids) > 1:
            t.propose_verdict(first.claim_ids[1], "accurate", "Ada Editor", note=PAYLOADS[4], flag_id=first.id)
        t.review([f.id for f in flags][-1], "dismiss", HOSTILE_EDITOR, note=PAYLOADS[0])
    engine = open_store(url)
    with session_scope(engine, write=True) as session:  # addresses an old database may hold
        for i, bad in enumerate(BAD_URLS):
            session.execute(update(Source).where(Source.url == f"https://s{i}.example/a").values(url=bad))
        session.execute(update(Verdict).where(Verdict.id == proposed.id).values(evidence_url=BAD_URLS[0]))
    engine.dispose()
    return url


@pytest.mark.parametrize("who", ["Ada Editor", HOSTILE_EDITOR])
def test_every_desk_page_shows_hostile_text_as_text(hostile_db: str, tmp_path: Path, who: str) -> None:
    with Tracker(hostile_db) as t:
        app = create_app(t, DeskConfig(reports=str(tmp_path / "reports")))
        with TestClient(app) as client:
            desk = Desk(client)
            assert desk.login(who).status_code == 303
            flags = [f.id for f in t.flags()]
            paths = ["/queue", "/queue?mine=1", "/approve", *(f"/flags/{i}" for i in flags)]
            texts = {}
            for path in paths:
                response = desk.get(path)
                assert response.status_code == 200, path
                texts[path] = check_inert(response.text, path)
            everything = "".join(texts.values())
            # Shown, as text: article text, outlets, the editor's name, notes, the javascript: addresses.
            assert "<script>window.__pwned=1;alert(1)</script>" in everything
            assert HOSTILE_EDITOR in everything
            assert "javascript:window.__pwned=1" in everything
            assert PAYLOADS[2] in everything
            # An error page repeats what was sent as text too.
            bad = desk.post(f"/flags/{flags[0]}/rule", {"claim_id": "1", "rating": PAYLOADS[0]}, page="/queue")
            assert bad.status_code == 400
            check_inert(bad.text, "error page")
            bad_url = desk.post(
                f"/flags/{flags[0]}/rule",
                {"claim_id": "1", "rating": "accurate", "evidence_url": f"javascript:{PAYLOADS[0]}"},
                page="/queue",
            )
            assert bad_url.status_code == 400
            check_inert(bad_url.text, "error page")
            login = client.get(f"/login?next={PAYLOADS[3]}")
            check_inert(login.text, "login")
