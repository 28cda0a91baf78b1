"""The quality gate (as trafilatura's eval_gate): the dev corpus scored by the shared evaluator, end to end through
the real CLI, must not fall below the figures pinned here. Raise a floor when the figures improve; lowering one is
a decision to record in the commit that does it.

The scorer is ../shared/eval/score.py, loaded as it is (standard library only), so the gate measures what
``python ../shared/eval/evaluate.py ../shared/corpus/dev`` prints, with one addition: flags that gold.json does not
judge are judged by us, as an editor would, in tests/data/dev_judgments.json, and the gate scores with both. Every
flag is then judged; a new flag nobody has judged fails the gate until someone does.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DEV = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"
OUR_JUDGMENTS = Path(__file__).resolve().parent / "data" / "dev_judgments.json"

pytestmark = pytest.mark.skipif(
    not (DEV / "gold.json").is_file() or not SCORER.is_file(),
    reason=f"dev corpus or scorer not found under {SHARED.resolve()} (shared/ is checked out beside the repository)",
)

# The floors: the figures at the last change that moved them (claims at most; everything else at least).
MIN_RECALL = 0.95
MAX_CLAIMS = 333  # the budget is 1.6 x gold = 313; not met yet, see the README's Measuring section
MIN_ALARMS_RIGHT, MAX_ALARMS_WRONG = 27, 0  # 32 before one count stopped being flagged once per list member
MIN_CORROBORATIONS_RIGHT, MAX_CORROBORATIONS_WRONG = 25, 0
MIN_LINKS_FOUND = 27


def _scorer():
    spec = importlib.util.spec_from_file_location("tracker_shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _export(invoke, db: str, corpus: Path, out: Path) -> dict:
    result = invoke(db, "ingest", str(corpus))
    assert result.exit_code == 0, result.stderr
    result = invoke(db, "export", "--format", "json", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def _fraction(value: str) -> tuple[int, int]:
    right, total = value.split("/")
    return int(right), int(total)


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from click.testing import CliRunner

    from tracker.cli import cli

    def invoke(db: str, *args: str):  # the conftest's ``invoke``, for a fixture shared by the module
        return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=True)

    work = tmp_path_factory.mktemp("gate")
    full = _export(invoke, f"sqlite:///{work / 'full.db'}", DEV.resolve(), work / "full.json")
    bare = work / "bare"
    bare.mkdir()
    for path in DEV.resolve().iterdir():
        if path.is_file() and path.name not in ("sources.csv", "gold.json"):
            shutil.copy(path, bare)
    dates = _export(invoke, f"sqlite:///{work / 'bare.db'}", bare, work / "bare.json")
    return _scorer().score(str(_judged_corpus(work / "judged")), full, dates)


def _judged_corpus(folder: Path) -> Path:
    """The dev corpus with gold.json's judged flags extended by ours (the files linked, not copied)."""
    folder.mkdir()
    for path in DEV.resolve().iterdir():
        if path.is_file() and path.name != "gold.json":
            (folder / path.name).symlink_to(path)
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    ours = json.loads(OUR_JUDGMENTS.read_text(encoding="utf-8"))["judged_flags"]
    gold["judged_flags"] = gold.get("judged_flags", []) + ours
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_claims_are_found_exactly_and_without_noise(figures: dict) -> None:
    assert figures["claim_recall"] >= MIN_RECALL, figures["claims_missed"]
    assert figures["claims_emitted"] <= MAX_CLAIMS
    exact, checked = _fraction(figures["span_exact"])
    assert exact == checked > 0
    assert figures["noise_leaks"] == 0, figures["noise_leak_examples"]
    assert figures["duplicate_claims"] == 0


def test_entities_join_every_spelling_and_keep_people_apart(figures: dict) -> None:
    for key in ("same_entity", "distinct_entity", "duplicate_sources"):
        right, total = _fraction(figures[key])
        assert right == total > 0, (key, figures[key])


def test_flags_an_editor_would_keep(figures: dict) -> None:
    right, total = _fraction(figures["alarm_precision"])
    assert right >= MIN_ALARMS_RIGHT and total - right <= MAX_ALARMS_WRONG, figures["alarm_precision"]
    assert figures["alarms_unjudged"] == 0, figures["unjudged_flags"]
    assert figures["corroborations_unjudged"] == 0, figures["unjudged_flags"]
    right, total = _fraction(figures["corroboration_precision"])
    assert right >= MIN_CORROBORATIONS_RIGHT and total - right <= MAX_CORROBORATIONS_WRONG
    assert _fraction(figures["links_found"])[0] >= MIN_LINKS_FOUND
    kept, total = _fraction(figures["links_kept_apart"])
    assert kept == total


def test_dates_are_found_in_the_bare_files(figures: dict) -> None:
    right, total = _fraction(figures["dates"])
    assert right == total > 0, figures["dates_wrong"]
