"""Outlet reliability: Beta-binomial scores with intervals, and what counts for and against an outlet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli_flags import ok, write_first
from tracker.reliability import ClaimFate, beta_interval, beta_quantile, records


def test_beta_quantiles_match_closed_forms() -> None:
    assert beta_interval(1, 1, 0.9) == pytest.approx((0.05, 0.95), abs=1e-9)
    assert beta_quantile(0.05, 11, 1) == pytest.approx(0.05 ** (1 / 11), abs=1e-9)  # Beta(a, 1): p^(1/a)
    assert beta_quantile(0.95, 1, 4) == pytest.approx(1 - 0.05 ** (1 / 4), abs=1e-9)  # Beta(1, b)
    assert beta_quantile(0.5, 3, 3) == pytest.approx(0.5, abs=1e-9)


def test_scores_count_verdicts_and_corroboration_never_a_conflict_alone() -> None:
    fates = [ClaimFate(i, "Steady Post", corroborated=True) for i in range(8)]
    fates += [ClaimFate(100, "Shaky Wire", conflicted=True), ClaimFate(101, "Shaky Wire", corroborated=True)]
    fates += [ClaimFate(102, "Shaky Wire", conflicted=True, rating="inaccurate")]
    fates += [ClaimFate(103, "Shaky Wire", corroborated=True, rating="misattributed")]
    fates += [ClaimFate(200, "Slow Gazette", superseded=True), ClaimFate(201, "Slow Gazette", disputed=True)]
    fates += [ClaimFate(202, "Slow Gazette", rating="outdated"), ClaimFate(203, "Slow Gazette", rating="unproven")]
    fates += [ClaimFate(300, "Right Times", conflicted=True, rating="accurate")]
    by = {r.name: r for r in records(fates, ["Quiet Times"])}
    steady, shaky, slow, quiet = by["Steady Post"], by["Shaky Wire"], by["Slow Gazette"], by["Quiet Times"]
    assert steady.reliability == pytest.approx(9 / 10)
    # 101 corroborated counts for; 102 and 103 ruled against; 100, a conflict alone, counts neither way
    assert shaky.reliability == pytest.approx(2 / 5)
    assert (shaky.ruled_against, shaky.conflicted, shaky.corroborated) == (2, 2, 1)
    assert (slow.reliability, slow.superseded, slow.disputed) == (0.5, 1, 1)  # no fault, nothing ruled against
    assert by["Right Times"].reliability == pytest.approx(2 / 3)  # the side ruled right gains
    assert (quiet.claims, quiet.reliability) == (0, 0.5)
    assert steady.low > shaky.low and steady.high - steady.low < quiet.high - quiet.low
    assert shaky.drivers == (101, 102, 103)


def test_outlets_table_export_and_reviews_update_the_record(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    data = json.loads(ok(invoke(db_url, "export", "--format", "json", "--output", "-")).stdout)
    outlets = {o["name"]: o for o in data["outlets"]}
    assert set(outlets) == {s["outlet"] for s in data["sources"]}
    for record in outlets.values():
        assert {"name", "reliability", "claims", "corroborated", "conflicted"} <= set(record)
        assert record["interval_90"][0] <= record["reliability"] <= record["interval_90"][1]
    conflict = next(f for f in data["flags"] if f["kind"] == "conflict")
    source_of = {c["id"]: c["source_id"] for c in data["claims"]}
    outlet_of = {s["id"]: s["outlet"] for s in data["sources"]}
    sides = {outlet_of[source_of[c]] for c in conflict["claim_ids"]}
    before = {name: outlets[name]["conflicted"] for name in sides}
    ok(invoke(db_url, "flags", "confirm", conflict["id"], "--by", "Ada"))
    after = json.loads(ok(invoke(db_url, "export", "--format", "json", "--output", "-")).stdout)["outlets"]
    for record in after:
        if record["name"] in sides:  # shown as confirmed, but a conflict alone marks no one down
            assert record["conflicted"] == before[record["name"]] + 1
            assert record["reliability"] == outlets[record["name"]]["reliability"]
    wrong_claim = conflict["claim_ids"][0]
    wrong = outlet_of[source_of[wrong_claim]]
    said = ok(invoke(db_url, "verdicts", "propose", wrong_claim, "inaccurate", "--by", "Ada")).stdout
    ok(invoke(db_url, "verdicts", "approve", said.split()[1], "--by", "Ben"))
    ruled = json.loads(ok(invoke(db_url, "export", "--format", "json", "--output", "-")).stdout)["outlets"]
    for record in ruled:
        if record["name"] in sides:
            was = outlets[record["name"]]["reliability"]
            assert record["reliability"] < was if record["name"] == wrong else record["reliability"] >= was
    shown_wrong = ok(invoke(db_url, "outlets", "show", wrong)).stdout
    assert "1 ruled inaccurate or misattributed" in shown_wrong and f"[{wrong_claim}] ruled inaccurate" in shown_wrong
    table = ok(invoke(db_url, "outlets")).stdout
    assert table.splitlines()[0].split()[:3] == ["outlet", "score", "90%"]
    name = sorted(sides)[0]
    shown = ok(invoke(db_url, "outlets", "show", name.upper())).stdout
    assert shown.startswith(f"{name}: score")
    missing = invoke(db_url, "outlets", "show", "Nowhere Herald")
    assert missing.exit_code == 2 and "no outlet 'Nowhere Herald'" in missing.stderr
