"""tracker.verdicts through the facade and the CLI: a ruling per claim, proposed by one editor and published
by a second; a conflict settled by ruling on its claims; reliability and ClaimReview written from verdicts.

The invented corpus of tests.test_cli_flags: the Kestrel Ledger says 12 flood shelters, the Harrow Post 18 on
the same day (a conflict), the Brenmoor Courier 30 later (a change).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from tests.test_cli_flags import ok, write_first
from tracker import Tracker
from tracker.errors import TrackerError
from tracker.verdicts import StaleVerdict, VerdictError


@pytest.fixture
def desk(db_url: str, tmp_path: Path):
    with Tracker(db_url) as t:
        t.ingest([write_first(tmp_path / "first")])
        yield t


def conflict_sides(t: Tracker) -> tuple[int, dict[str, int]]:
    """The conflict's id and its claim per outlet."""
    [flag] = [f for f in t.flags(kind="conflict") if f.status == "open"]
    claims = {c.id: c for c in t.claims()}
    return flag.id, {claims[i].outlet: i for i in flag.claim_ids}


def score(t: Tracker, outlet: str) -> float:
    return next(r.reliability for r in t.outlets() if r.name == outlet)


def test_a_ruling_is_published_only_when_a_second_editor_approves(desk: Tracker) -> None:
    flag_id, side = conflict_sides(desk)
    wrong = side["Harrow Post"]
    proposed = desk.propose_verdict(wrong, "inaccurate", "Ada", note="the council's list says 12", flag_id=flag_id)
    assert (proposed.status, proposed.version, proposed.proposed_by) == ("proposed", 1, "Ada")
    with pytest.raises(VerdictError, match="second, different editor"):
        desk.approve_verdict(proposed.id, " ada ")
    with pytest.raises(VerdictError, match="already has a proposed verdict"):
        desk.propose_verdict(wrong, "accurate", "Ben")
    published = desk.approve_verdict(proposed.id, "Ben", expected_version=1)
    assert (published.status, published.decided_by, published.version) == ("published", "Ben", 2)
    trail = desk.verdict_history(proposed.id)
    assert [(s.action, s.by, s.version) for s in trail] == [("propose", "Ada", 1), ("approve", "Ben", 2)]
    # a later ruling, once published, supersedes the first; the first's trail keeps every step
    second = desk.propose_verdict(wrong, "outdated", "Ben")
    desk.approve_verdict(second.id, "Cy")
    assert [v.status for v in desk.verdicts(claim_ids=[wrong])] == ["superseded", "published"]
    assert [s.action for s in desk.verdict_history(proposed.id)] == ["propose", "approve", "superseded"]


def test_refusals_are_one_line_errors(desk: Tracker) -> None:
    _flag, side = conflict_sides(desk)
    claim = side["Kestrel Ledger"]
    for call, words in [
        (lambda: desk.propose_verdict(claim, "dubious", "Ada"), "not a rating"),
        (lambda: desk.propose_verdict(999_999, "accurate", "Ada"), "no claim 999999"),
        (lambda: desk.propose_verdict(claim, "accurate", "  "), "say who rules"),
        (lambda: desk.propose_verdict(claim, "accurate", "Ada", evidence_url="javascript:alert(1)"), "source"),
        (lambda: desk.approve_verdict(424_242, "Ada"), "no verdict 424242"),
    ]:
        with pytest.raises(TrackerError, match=words) as caught:
            call()
        assert "\n" not in str(caught.value)
    v = desk.propose_verdict(claim, "accurate", "Ada")
    with pytest.raises(VerdictError, match="withdraw it instead"):
        desk.reject_verdict(v.id, "Ada")
    with pytest.raises(VerdictError, match="only they can withdraw"):
        desk.withdraw_verdict(v.id, "Ben")
    assert desk.withdraw_verdict(v.id, "Ada").status == "withdrawn"
    with pytest.raises(VerdictError, match="is withdrawn"):
        desk.approve_verdict(v.id, "Ben")
    w = desk.propose_verdict(claim, "accurate", "Ada")
    assert desk.reject_verdict(w.id, "Ben", note="needs a source").status == "rejected"


def test_a_stale_version_names_who_got_there_first(desk: Tracker) -> None:
    _flag, side = conflict_sides(desk)
    v = desk.propose_verdict(side["Harrow Post"], "inaccurate", "Ada")
    desk.approve_verdict(v.id, "Ben", expected_version=1)
    with pytest.raises(StaleVerdict, match=r"another editor got there first.*published at version 2 by Ben"):
        desk.reject_verdict(v.id, "Cy", expected_version=1)


def test_two_editors_approving_at_once_one_wins(db_url: str, tmp_path: Path) -> None:
    with Tracker(db_url) as t:
        t.ingest([write_first(tmp_path / "first")])
        _flag, side = conflict_sides(t)
        v = t.propose_verdict(side["Harrow Post"], "inaccurate", "Ada")
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def approve(name: str) -> None:
        with Tracker(db_url) as mine:
            barrier.wait()
            try:
                mine.approve_verdict(v.id, name, expected_version=1)
                outcomes.append("approved")
            except StaleVerdict:
                outcomes.append("stale")
            except TrackerError as exc:  # SQLite: the other's write transaction held the database
                outcomes.append("busy" if "locked" in str(exc) else str(exc))

    threads = [threading.Thread(target=approve, args=(n,)) for n in ("Ben", "Cy")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes)[0] == "approved" and outcomes.count("approved") == 1, outcomes
    with Tracker(db_url) as t:
        [published] = t.verdicts(status="published")
        assert [s.action for s in t.verdict_history(published.id)] == ["propose", "approve"]


def test_a_conflict_is_resolved_by_ruling_and_the_right_outlet_is_not_marked_down(desk: Tracker) -> None:
    flag_id, side = conflict_sides(desk)
    right, wrong = score(desk, "Kestrel Ledger"), score(desk, "Harrow Post")
    desk.review(flag_id, "confirm", "Ada")  # confirming a conflict alone marks no one down
    assert (score(desk, "Kestrel Ledger"), score(desk, "Harrow Post")) == (right, wrong)
    v = desk.propose_verdict(side["Harrow Post"], "inaccurate", "Ada", flag_id=flag_id)
    assert desk.flag(flag_id).flag.status == "confirmed"  # a proposal settles nothing
    desk.approve_verdict(v.id, "Ben")
    detail = desk.flag(flag_id).flag
    assert detail.status == "resolved"
    last = desk.history(flag_id)[-1]
    assert (last.reviewer, last.to_status) == ("Ben", "resolved") and "inaccurate" in (last.note or "")
    assert score(desk, "Harrow Post") < wrong
    assert score(desk, "Kestrel Ledger") >= right
    assert [f.id for f in desk.flags(kind="conflict", status="open")] == []


def test_claimreview_is_written_from_published_verdicts(desk: Tracker, tmp_path: Path) -> None:
    _flag, side = conflict_sides(desk)
    text = desk.export("claimreview", report_url="https://fc.example/r").text
    assert text is not None and json.loads(text) == []
    v = desk.propose_verdict(side["Harrow Post"], "inaccurate", "Ada", note="12 per the council")
    assert json.loads(desk.export("claimreview", report_url="https://fc.example/r").text or "") == []
    desk.approve_verdict(v.id, "Ben")
    [review] = json.loads(desk.export("claimreview", report_url="https://fc.example/r").text or "")
    assert review["url"] == f"https://fc.example/r/claims/{side['Harrow Post']}.html"
    assert review["reviewRating"]["ratingValue"] == 1 and review["reviewRating"]["alternateName"] == "Inaccurate"
    assert review["reviewBody"] == "12 per the council"
    assert [e["name"] for e in review["editor"]] == ["Ada", "Ben"]
    outlets = [a["author"]["name"] for a in review["itemReviewed"]["appearance"]]
    assert outlets[0] == "Harrow Post" and "Kestrel Ledger" not in outlets  # the other side is no appearance
    assert review["itemReviewed"]["firstAppearance"] == review["itemReviewed"]["appearance"][0]


def test_assignment_and_a_bulk_review(desk: Tracker) -> None:
    ids = [f.id for f in desk.flags(status="open")][:3]
    assert desk.assign(ids, "Ada", by="Ben") == len(ids)
    assert [f.id for f in desk.flags(assigned_to="ADA")] == ids
    desk.assign(ids[:1], None, by="Ben")
    assert [f.id for f in desk.flags(assigned_to="Ada")] == ids[1:]
    with pytest.raises(TrackerError, match="no flag 777777"):
        desk.review_many([ids[1], 777_777], "dismiss", "Ada")
    assert {f.status for f in desk.flags() if f.id in ids} == {"open"}  # all or none
    done = desk.review_many(ids[1:], "dismiss", "Ada", note="not the same fact")
    assert [(d.flag_id, d.to_status) for d in done] == [(i, "dismissed") for i in ids[1:]]


def test_cli_parity(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    flags = json.loads(ok(invoke(db_url, "flags", "--kind", "conflict", "--json")).stdout)
    [conflict] = flags
    claim = conflict["claim_ids"][1]
    said = ok(invoke(db_url, "verdicts", "propose", claim, "inaccurate", "--by", "Ada", "--note", "see list"))
    verdict_id = int(said.stdout.split()[1])
    refused = invoke(db_url, "verdicts", "approve", verdict_id, "--by", "Ada")
    assert refused.exit_code == 2 and "second, different editor" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    ok(invoke(db_url, "verdicts", "approve", verdict_id, "--by", "Ben", "--version", "1"))
    listed = json.loads(ok(invoke(db_url, "verdicts", "--status", "published", "--json")).stdout)
    assert [(v["id"], v["claim_id"], v["rating"], v["decided_by"]) for v in listed] == [
        (verdict_id, claim, "inaccurate", "Ben")
    ]
    shown = json.loads(ok(invoke(db_url, "verdicts", "show", verdict_id, "--json")).stdout)
    assert [s["action"] for s in shown["trail"]] == ["propose", "approve"]
    assert "resolved" in ok(invoke(db_url, "flags", "show", conflict["id"])).stdout
    others = [str(f["id"]) for f in json.loads(ok(invoke(db_url, "flags", "--status", "open", "--json")).stdout)]
    ok(invoke(db_url, "flags", "assign", *others[:2], "--to", "Cy", "--by", "Ben"))
    mine = json.loads(ok(invoke(db_url, "flags", "--assigned-to", "cy", "--json")).stdout)
    assert [str(f["id"]) for f in mine] == others[:2]
    out = ok(invoke(db_url, "flags", "dismiss", *others[:2], "--by", "Cy")).stdout
    assert out.count("-> dismissed") == 2


def test_every_listing_takes_json(invoke, db_url: str, tmp_path: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    sources = json.loads(ok(invoke(db_url, "sources", "--json")).stdout)
    claims = json.loads(ok(invoke(db_url, "claims", "--json")).stdout)
    entities = json.loads(ok(invoke(db_url, "entities", "--json")).stdout)
    outlets = json.loads(ok(invoke(db_url, "outlets", "--json")).stdout)
    assert (
        {s["outlet"] for s in sources}
        == {o["name"] for o in outlets}
        == {
            "Kestrel Ledger",
            "Harrow Post",
            "Brenmoor Courier",
        }
    )
    assert claims and all(c["quote"] and c["source_id"] in {s["id"] for s in sources} for c in claims)
    assert any(e["name"] == "Ilse Drummond" for e in entities)
    assert all(0 < o["reliability"] < 1 and o["low"] <= o["reliability"] <= o["high"] for o in outlets)
    assert all(s["published"] is None or len(s["published"]) == 10 for s in sources)  # ISO dates
