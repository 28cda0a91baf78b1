"""The desk in-process: Starlette's TestClient over an app made by tracker.web.create_app on a real database.

The harbour stories of tests/test_cli_flags.py give one conflict (12 or 18 flood shelters on one day, the
Kestrel Ledger against the Harrow Post) and four changes over time. They are ingested once per test session
into a SQLite file that each test copies, so tests stay quick; PostgreSQL tests ingest their own.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.test_cli_flags import write_first
from tracker import Tracker
from tracker.web import DeskConfig, create_app

PASSWORD = "a long enough secret"
# Who signs in, with which role.
PEOPLE = {"Ada Editor": "editor", "Ben Editor": "editor", "Cy Admin": "admin", "Vi Viewer": "viewer"}
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(page: str) -> str:
    found = _CSRF.search(page)
    assert found, "no CSRF field on the page"
    return html.unescape(found.group(1))


def ingest_harbour(url: str, root: Path) -> None:
    with Tracker(url) as t:
        t.ingest([write_first(root)])
        for name, role in PEOPLE.items():
            t.add_user(name, role, PASSWORD)


@pytest.fixture(scope="session")
def harbour_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("harbour")
    path = root / "template.db"
    ingest_harbour(f"sqlite:///{path}", root / "articles")
    return path


@pytest.fixture
def harbour_db(harbour_template: Path, tmp_path: Path) -> str:
    """A fresh SQLite copy of the ingested harbour stories, with the users of PEOPLE."""
    target = tmp_path / "desk.db"
    shutil.copy(harbour_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def harbour_any(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> str:
    """The harbour stories on each backend (db_url: SQLite, and PostgreSQL when TRACKER_TEST_PG_URL is set)."""
    if db_url.startswith("sqlite"):
        return request.getfixturevalue("harbour_db")
    ingest_harbour(db_url, tmp_path / "articles")
    return db_url


class Desk:
    """One browser's view of the desk: its own cookies, signed in as one person."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def get(self, path: str, **kwargs):
        return self.client.get(path, follow_redirects=False, **kwargs)

    def csrf(self, path: str = "/queue") -> str:
        return csrf_of(self.client.get(path).text)

    def post(self, path: str, data: dict | None = None, csrf: str | None = None, page: str = "/queue", **kwargs):
        """POST a form with the session's token (read from ``page``), or the one given ("" for none)."""
        fields = dict(data or {})
        token = self.csrf(page) if csrf is None else csrf
        if token:
            fields["csrf"] = token
        return self.client.post(path, data=fields, follow_redirects=False, **kwargs)

    def login(self, name: str, password: str = PASSWORD):
        token = csrf_of(self.client.get("/login").text)
        return self.client.post(
            "/login", data={"name": name, "password": password, "csrf": token}, follow_redirects=False
        )


MakeDesk = Callable[..., Desk]


@pytest.fixture
def make_desk() -> Iterator[Callable[..., Desk]]:
    """``make_desk(url, as_="Ada Editor", **DeskConfig options)``: a signed-in client (or not, with as_=None).
    Clients made for one URL and configuration share one app, as two browsers share one server."""
    apps: dict[tuple, tuple[Tracker, object]] = {}
    clients: list[TestClient] = []

    def make(url: str, as_: str | None = "Ada Editor", **options) -> Desk:
        key = (url, tuple(sorted(options.items())))
        if key not in apps:
            tracker = Tracker(url)
            apps[key] = (tracker, create_app(tracker, DeskConfig(**options)))
        client = TestClient(apps[key][1])  # type: ignore[arg-type]
        clients.append(client)
        desk = Desk(client)
        if as_ is not None:
            response = desk.login(as_)
            assert response.status_code == 303, response.text
        return desk

    yield make
    for client in clients:
        client.close()
    for tracker, _app in apps.values():
        tracker.close()
