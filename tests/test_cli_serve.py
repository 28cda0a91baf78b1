"""`tracker serve`: its options checked in one line before anything is served; the app it hands to uvicorn."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli


def serve(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, "serve", *args], catch_exceptions=True)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict:
    """uvicorn.run replaced: what it would have served, and how."""
    import uvicorn

    seen: dict = {}

    def run(app, **options) -> None:
        seen["app"], seen["options"] = app, options

    monkeypatch.setattr(uvicorn, "run", run)
    return seen


def test_serve_hands_the_desk_to_uvicorn(sqlite_url: str, served: dict, tmp_path: Path) -> None:
    result = serve(sqlite_url, "--port", "8123", "--reports", str(tmp_path / "reports"))
    assert result.exit_code == 0, result.stderr
    assert "tracker desk on http://127.0.0.1:8123/" in result.stderr
    assert served["options"]["host"] == "127.0.0.1" and served["options"]["port"] == 8123
    desk = served["app"].state.desk
    assert desk.config.reports == str(tmp_path / "reports") and not desk.config.https_only
    assert any(r.path == "/published" for r in served["app"].routes)


def test_https_makes_cookies_secure(sqlite_url: str, served: dict, tmp_path: Path) -> None:
    result = serve(sqlite_url, "--ssl-certfile", "c.pem", "--ssl-keyfile", "k.pem")
    assert result.exit_code == 0, result.stderr
    assert served["app"].state.desk.config.https_only
    assert served["options"]["ssl_certfile"] == "c.pem"
    assert serve(sqlite_url, "--no-secure-cookies", "--ssl-certfile", "c.pem", "--ssl-keyfile", "k.pem").exit_code == 0
    assert not served["app"].state.desk.config.https_only


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--ssl-certfile", "c.pem"), "go together"),
        (("--report-url", "javascript:alert(1)"), "--report-url"),
        (("--port", "0"), "--port"),
    ],
)
def test_bad_options_are_one_line(sqlite_url: str, served: dict, args: tuple[str, ...], message: str) -> None:
    result = serve(sqlite_url, *args)
    assert result.exit_code == 2 and message in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert "app" not in served


def test_a_file_where_the_report_folder_goes_is_refused(sqlite_url: str, served: dict, tmp_path: Path) -> None:
    (tmp_path / "reports").write_text("mine", encoding="utf-8")
    result = serve(sqlite_url, "--reports", str(tmp_path / "reports"))
    assert result.exit_code == 2 and "not a folder" in result.stderr
