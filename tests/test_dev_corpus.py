"""Gold test over the shared dev corpus (../shared/corpus/dev beside the repository).

1. Cleaning keeps every annotated claim and drops every annotated noise string: each file is decoded (HTML
   through the extractor, as ingest stores it), cleaned, and the gold keys are looked for in the clean body
   with the evaluator's normalisation.
2. Publication dates found on their own: the bare files (no sources.csv) go through the real CLI's ingest
   and export, and every date must equal gold "dates_in_text" (None where the text states none).
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from tracker.clean import clean_text
from tracker.clean.html import extract_html
from tracker.ingest import decode_bytes

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev"

pytestmark = pytest.mark.skipif(
    not (DEV / "gold.json").is_file(),
    reason=f"dev corpus not found at {DEV.resolve()} (shared/ is checked out beside the repository)",
)


def norm(text: str | None) -> str:
    """As shared/eval/score.py's norm: NFKC, straight quotes, collapsed white space, lower case."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def has_keys(text: str, keys: list[str]) -> bool:
    """Every key found in ``text``; a key 'a|b' is found when either alternative is."""
    t = norm(text)
    return all(any(norm(alt) in t for alt in key.split("|")) for key in keys)


def test_norm_and_keys_follow_the_evaluator() -> None:
    assert norm("  The  Mayor’s\n“plan”  ") == 'the mayor\'s "plan"'
    assert has_keys("The Velmora council backed the plan.", ["velmora", "backed|approved"])
    assert not has_keys("The Velmora council backed the plan.", ["velmora", "rejected|refused"])


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((DEV / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    """Clean body of every article file, keyed by file name."""
    result = {}
    for path in sorted(DEV.iterdir()):
        if path.suffix not in (".txt", ".html", ".htm", ".md") or path.name == "NOTES.md":
            continue
        text = decode_bytes(path.read_bytes()).text
        if path.suffix in (".html", ".htm"):
            text = extract_html(text).text
        result[path.name] = clean_text(text).body
    return result


def test_every_gold_claim_survives_cleaning(gold: dict, bodies: dict[str, str], gold_report: dict) -> None:
    claims = gold["claims"]
    missing = [f"{c['file']} {c['id']}: {c['keys']}" for c in claims if not has_keys(bodies[c["file"]], c["keys"])]
    gold_report["claims kept after cleaning"] = f"{len(claims) - len(missing)}/{len(claims)}"
    assert len(claims) >= 190
    assert not missing, "gold claims lost in cleaning:\n" + "\n".join(missing)


def test_no_gold_noise_survives_cleaning(gold: dict, bodies: dict[str, str], gold_report: dict) -> None:
    noise = gold["noise"]
    leaked = [f"{n['file']}: {n['text']!r}" for n in noise if norm(n["text"]) in norm(bodies[n["file"]])]
    gold_report["noise strings left in bodies"] = f"{len(leaked)}/{len(noise)}"
    assert len(noise) >= 90
    assert not leaked, "page furniture left in the body:\n" + "\n".join(leaked)


def test_dates_found_in_the_bare_files(tmp_path: Path, invoke, gold: dict, gold_report: dict) -> None:
    bare = tmp_path / "bare"
    bare.mkdir()
    for path in DEV.iterdir():
        if path.is_file() and path.name not in ("sources.csv", "gold.json"):
            shutil.copyfile(path, bare / path.name)
    db = f"sqlite:///{tmp_path / 'bare.db'}"
    result = invoke(db, "ingest", str(bare))
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "bare.json"
    result = invoke(db, "export", "--format", "json", "--output", str(out))
    assert result.exit_code == 0, result.stderr

    got = {Path(s["path"]).name: s["published"] for s in json.loads(out.read_text())["sources"]}
    want = gold["dates_in_text"]
    wrong = {
        name: (got.get(name, "not ingested"), expected)
        for name, expected in want.items()
        if got.get(name, "not ingested") != expected
    }
    gold_report["publication dates from bare files"] = f"{len(want) - len(wrong)}/{len(want)}"
    assert len(want) == 17
    assert not wrong, f"dates wrong (got, want): {wrong}"
