"""The claim span invariants over the shared dev corpus (../shared/corpus/dev beside the repository).

Each file is prepared exactly as ingest prepares it (tracker.pipeline.prepare), and for every claim:
the quote ``text[start:end]`` is non-empty and trimmed, and lies inside one body passage or runs from a
lead-in ending with ":" to one of the list items under it; no claim text repeats within a file; and in the
plain-text files no quote overlaps a gold "noise" string.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tracker.analyse.sentences import BULLET
from tracker.ingest import InputFile
from tracker.ingest.discover import ARTICLE_SUFFIXES
from tracker.kinds import CLAIM_KINDS
from tracker.pipeline import prepare
from tracker.store.repo import NewSource


def _repo_root() -> Path:
    for parent in Path(__file__).resolve().parents:
        if (parent / "pyproject.toml").is_file() and (parent / "tracker").is_dir():
            return parent
    raise RuntimeError("repository root not found above " + __file__)


DEV = _repo_root().parent / "shared" / "corpus" / "dev"
FILES = sorted(p for p in DEV.glob("*") if p.suffix.lower() in ARTICLE_SUFFIXES) if DEV.is_dir() else []

pytestmark = pytest.mark.skipif(
    not FILES or not (DEV / "gold.json").is_file(),
    reason=f"dev corpus not found at {DEV} (shared/ is checked out beside the repository)",
)


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((DEV / "gold.json").read_text(encoding="utf-8"))


_PREPARED: dict[Path, NewSource] = {}


def prepared(path: Path) -> NewSource:
    if path not in _PREPARED:
        _PREPARED[path] = prepare(InputFile(path, str(path)))
    return _PREPARED[path]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def noise_occurrences(text: str, noise: str) -> list[tuple[int, int]]:
    """Every place the noise string stands in the stored text, white space taken loosely."""
    pattern = r"\s+".join(re.escape(word) for word in noise.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def placement(source: NewSource, start: int, end: int) -> str | None:
    """'passage' if inside one body passage, 'list' if from a lead-in to one of its items, else None."""
    passages = source.passages
    for passage in passages:
        if passage.start <= start and end <= passage.end:
            return "passage"
    first = next((i for i, p in enumerate(passages) if p.start <= start < p.end), None)
    last = next((i for i, p in enumerate(passages) if p.start < end <= p.end), None)
    if first is None or last is None or last <= first:
        return None
    if not passages[first].of(source.text).rstrip().endswith(":"):
        return None
    if all(BULLET.match(p.of(source.text)) for p in passages[first + 1 : last + 1]):
        return "list"
    return None


def ids(path: Path) -> str:
    return path.name


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_claim_quotes_are_exact_slices_of_the_body(path: Path) -> None:
    source = prepared(path)
    text, passages = source.text, source.passages
    assert passages and source.claims, f"{path.name}: no body or no claims"
    for claim in source.claims:
        cited = text[claim.start : claim.end]
        assert cited, claim
        assert cited == cited.strip(), (path.name, cited)
        assert passages[0].start <= claim.start and claim.end <= passages[-1].end, (path.name, claim)
        assert placement(source, claim.start, claim.end) is not None, (path.name, cited)
        assert claim.kind in CLAIM_KINDS, claim
        assert claim.text.strip(), claim
        assert (claim.time_first is None) == (claim.time_last is None), claim
        if claim.time_first is not None:
            assert claim.time_first <= claim.time_last, claim


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_claim_texts_are_unique_within_a_file(path: Path) -> None:
    seen: dict[str, str] = {}
    for claim in prepared(path).claims:
        key = norm(claim.text)
        assert key not in seen, f"{path.name}: {claim.text!r} repeats"
        seen[key] = claim.text


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix.lower() == ".txt"], ids=ids)
def test_no_claim_quotes_gold_noise(path: Path, gold: dict) -> None:
    source = prepared(path)
    for item in gold["noise"]:
        if item["file"] != path.name:
            continue
        for a, b in noise_occurrences(source.text, item["text"]):
            for claim in source.claims:
                assert not (claim.start < b and a < claim.end), (
                    f"{path.name}: claim {claim.text!r} quotes noise {item['text']!r}"
                )


def test_noise_check_is_not_vacuous(gold: dict) -> None:
    """The noise strings of the plain-text files are really found in their stored text."""
    found = 0
    for item in gold["noise"]:
        path = DEV / item["file"]
        if path.suffix.lower() == ".txt" and path in FILES:
            found += bool(noise_occurrences(prepared(path).text, item["text"]))
    assert found > 0


def test_list_lead_in_claims_are_recognised() -> None:
    """At least one file cites a lead-in with its items, so the 'list' branch above is exercised."""
    kinds = {placement(prepared(path), claim.start, claim.end) for path in FILES for claim in prepared(path).claims}
    assert "list" in kinds
