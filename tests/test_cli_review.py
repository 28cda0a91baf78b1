"""Reviewing flags from the command line: confirm, dismiss, reopen, history, and stale versions."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli_flags import ok, write_first


def first_flag(invoke, db: str, kind: str) -> dict:
    data = json.loads(ok(invoke(db, "export", "--format", "json", "--output", "-")).stdout)
    return next(f for f in data["flags"] if f["kind"] == kind)


def error_line(result) -> str:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tracker: error: "), result.stderr
    return lines[0]


def test_review_cycle_and_history(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    flag = first_flag(invoke, db_url, "conflict")["id"]
    result = ok(invoke(db_url, "flags", "confirm", flag, "--by", "Ada", "--note", "minutes checked"))
    assert result.stdout.strip() == f"flag {flag}: open -> confirmed by Ada (version 2)"
    assert first_flag(invoke, db_url, "conflict")["status"] == "confirmed"
    ok(invoke(db_url, "flags", "reopen", flag, "--by", "Ben"))
    ok(invoke(db_url, "flags", "dismiss", flag, "--by", "Cy", "--version", "3"))
    trail = ok(invoke(db_url, "flags", "history", flag)).stdout.strip().splitlines()
    assert [line.split(" · ")[1:4] for line in trail] == [
        ["Ada", "open -> confirmed", "version 2"],
        ["Ben", "confirmed -> open", "version 3"],
        ["Cy", "open -> dismissed", "version 4"],
    ]
    assert trail[0].endswith("· minutes checked")
    assert "dismissed" in ok(invoke(db_url, "flags", "--status", "dismissed")).stdout


def test_review_errors_are_one_line_and_change_nothing(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    flag = first_flag(invoke, db_url, "conflict")["id"]
    assert "now open at version 1" in error_line(
        invoke(db_url, "flags", "confirm", flag, "--by", "A", "--version", "5")
    )
    assert "cannot reopen" in error_line(invoke(db_url, "flags", "reopen", flag, "--by", "A"))
    assert "say who reviews" in error_line(invoke(db_url, "flags", "confirm", flag, "--by", " "))
    assert "no flag 9999" in error_line(invoke(db_url, "flags", "confirm", "9999", "--by", "A"))
    assert "no flag 9999" in error_line(invoke(db_url, "flags", "history", "9999"))
    assert ok(invoke(db_url, "flags", "history", flag)).stdout.strip() == f"flag {flag} has not been reviewed"
    assert first_flag(invoke, db_url, "conflict")["status"] == "open"


def test_review_survives_a_rerun(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    flag = first_flag(invoke, db_url, "conflict")["id"]
    ok(invoke(db_url, "flags", "confirm", flag, "--by", "Ada"))
    ok(invoke(db_url, "entities", "resolve"))  # re-runs matching
    again = first_flag(invoke, db_url, "conflict")
    assert (again["id"], again["status"]) == (flag, "confirmed")
