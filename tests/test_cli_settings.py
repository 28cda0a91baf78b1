"""`tracker --settings FILE` (env TRACKER_SETTINGS): the stages run with the file's values; a bad file is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli_flags import ok, write_first


def test_the_settings_file_reaches_the_stages(invoke, sqlite_url: str, tmp_path: Path) -> None:
    settings = tmp_path / "tracker.toml"
    settings.write_text("[match]\nmax_block = 1\n")  # no blocking key is rare enough: no claims are paired
    result = ok(invoke(sqlite_url, "--settings", str(settings), "ingest", str(write_first(tmp_path / "first"))))
    assert "flags: 0 corroboration, 0 conflict, 0 temporal_change" in result.stdout
    # Without the file the defaults hold again: matching the same claims finds the conflict.
    assert "no flags match" in ok(invoke(sqlite_url, "flags", "--kind", "conflict")).stdout
    ok(invoke(sqlite_url, "entities", "resolve"))
    assert "conflict" in ok(invoke(sqlite_url, "flags", "--kind", "conflict")).stdout.splitlines()[1]


def test_a_bad_settings_file_is_one_line_and_exit_2(
    invoke, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "tracker.toml"
    settings.write_text("[match]\nmax_blocks = 1\n")
    for result in (
        invoke(sqlite_url, "--settings", str(settings), "sources"),
        (monkeypatch.setenv("TRACKER_SETTINGS", str(settings)), invoke(sqlite_url, "sources"))[1],
    ):
        assert result.exit_code == 2
        assert result.stderr.startswith(f"tracker: error: {settings}: [match] unknown key 'max_blocks' (known: ")
        assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "t.db").exists()  # refused before the database is opened
