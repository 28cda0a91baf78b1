"""bench/desk_rulings.py on the harbour stories: the desk's pages and forms clear the one conflict with one
ruling, and its four changes over time with one bulk confirmation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.bench.conftest import BENCH  # noqa: F401  (puts bench/ on the path)
from tests.web.conftest import harbour_template  # noqa: F401  (the ingested harbour stories, as a fixture)
from tracker import Tracker

desk_rulings = pytest.importorskip("desk_rulings")


def test_one_ruling_clears_the_conflict(harbour_template: Path, tmp_path: Path) -> None:  # noqa: F811
    shutil.copy(harbour_template, tmp_path / "d.db")
    db = f"sqlite:///{tmp_path / 'd.db'}"
    figures = desk_rulings.count(db)
    assert (figures["open_conflicts"], figures["rulings"], figures["conflicts_per_ruling"]) == (1, 1, [1])
    assert (figures["open_changes"], figures["changes_left_after_one_bulk_confirm"]) == (4, 0)
    with Tracker(db) as t:
        assert [f.status for f in t.flags(kind="conflict")] == ["resolved"]
        [published] = t.verdicts(status="published")
        assert (published.proposed_by, published.decided_by) == ("Bench Editor A", "Bench Editor B")
