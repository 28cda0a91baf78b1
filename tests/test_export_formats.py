"""ClaimReview JSON-LD and CSV exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from tests.test_cli_flags import ok, write_first

# What schema.org and Google's fact-check rich results require of a ClaimReview.
REQUIRED = {"@context", "@type", "url", "claimReviewed", "author", "reviewRating", "itemReviewed", "datePublished"}


def export_json(invoke, db: str) -> dict:
    return json.loads(ok(invoke(db, "export", "--format", "json", "--output", "-")).stdout)


def test_claimreview_covers_confirmed_verdicts_with_required_fields(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    assert json.loads(ok(invoke(db_url, "export", "--format", "claimreview")).stdout) == []  # nothing reviewed yet
    data = export_json(invoke, db_url)
    conflict = next(f for f in data["flags"] if f["kind"] == "conflict")
    corroboration = next(f for f in data["flags"] if f["kind"] == "corroboration")
    ok(invoke(db_url, "flags", "confirm", conflict["id"], "--by", "Ada Reviewer"))
    ok(invoke(db_url, "flags", "confirm", corroboration["id"], "--by", "Ben"))
    out = tmp_path / "reviews.jsonld"
    ok(invoke(db_url, "export", "--format", "claimreview", "--report-url", "https://fc.example/r", "-o", str(out)))
    reviews = json.loads(out.read_text(encoding="utf-8"))
    reviewed = {r["claimReviewed"]: r for r in reviews}
    texts = {c["id"]: c["text"] for c in data["claims"]}
    assert set(reviewed) == {texts[c] for c in conflict["claim_ids"] + corroboration["claim_ids"]}
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
    for claim_id in conflict["claim_ids"]:
        review = reviewed[texts[claim_id]]
        assert review["reviewRating"]["ratingValue"] == 2 and review["editor"]["name"] == "Ada Reviewer"


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
