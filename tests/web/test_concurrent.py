"""Two editors ruling at once, through the desk, on SQLite and PostgreSQL: one wins, the other is told who did.

Each pair first reads the same page (the same versions), then both submit. Once one after the other (the late
one's version is stale), and once truly at the same moment from two threads; either way exactly one ruling is
recorded and the other editor gets a page that says another editor got there first, never a traceback.
"""

from __future__ import annotations

import threading

from tests.web.conftest import Desk, MakeDesk
from tracker import Tracker


def facade(desk: Desk) -> Tracker:
    return desk.client.app.state.desk.t  # type: ignore[attr-defined]


def at_once(*calls):
    """Run the calls in threads released together; their results in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        results[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def propose_as_cy(cy: Desk) -> tuple[int, int]:
    t = facade(cy)
    [flag] = list(t.flags(kind="conflict"))
    claim = flag.claim_ids[-1]
    assert cy.post(f"/flags/{flag.id}/rule", {"claim_id": str(claim), "rating": "inaccurate"}).status_code == 303
    [verdict] = t.verdicts(status="proposed")
    return verdict.id, verdict.version


def test_two_editors_approve_one_ruling_one_after_the_other(make_desk: MakeDesk, harbour_any: str) -> None:
    cy, ada, ben = (make_desk(harbour_any, as_=n) for n in ("Cy Admin", "Ada Editor", "Ben Editor"))
    verdict_id, version = propose_as_cy(cy)
    assert f"/verdicts/{verdict_id}/approve" in ada.get("/approve").text
    assert f"/verdicts/{verdict_id}/approve" in ben.get("/approve").text
    first = ada.post(f"/verdicts/{verdict_id}/approve", {"version": str(version)}, page="/approve")
    late = ben.post(f"/verdicts/{verdict_id}/reject", {"version": str(version), "note": "no"}, page="/approve")
    assert first.status_code == 303
    assert late.status_code == 409
    assert "another editor got there first" in late.text and "Ada Editor" in late.text and "published" in late.text
    [published] = facade(ada).verdicts(status="published")
    assert published.decided_by == "Ada Editor"
    assert [e.action for e in facade(ada).verdict_history(verdict_id)] == ["propose", "approve"]


def test_two_editors_approve_one_ruling_at_the_same_moment(make_desk: MakeDesk, harbour_any: str) -> None:
    cy, ada, ben = (make_desk(harbour_any, as_=n) for n in ("Cy Admin", "Ada Editor", "Ben Editor"))
    verdict_id, version = propose_as_cy(cy)
    tokens = {d: d.csrf("/approve") for d in (ada, ben)}

    def approve(desk: Desk):
        return desk.post(f"/verdicts/{verdict_id}/approve", {"version": str(version)}, csrf=tokens[desk])

    results = at_once(lambda: approve(ada), lambda: approve(ben))
    assert sorted(r.status_code for r in results) == [303, 409]
    loser = next(r for r in results if r.status_code == 409)
    assert "another editor got there first" in loser.text and "Traceback" not in loser.text
    events = facade(ada).verdict_history(verdict_id)
    assert [e.action for e in events] == ["propose", "approve"]  # one approval recorded, not two


def test_two_editors_propose_on_one_claim_at_the_same_moment(make_desk: MakeDesk, harbour_any: str) -> None:
    ada, ben = make_desk(harbour_any), make_desk(harbour_any, as_="Ben Editor")
    t = facade(ada)
    [flag] = list(t.flags(kind="conflict"))
    claim = flag.claim_ids[0]
    page = f"/flags/{flag.id}"
    tokens = {d: d.csrf(page) for d in (ada, ben)}

    def rule(desk: Desk, rating: str):
        data = {"claim_id": str(claim), "rating": rating, "version": str(flag.version)}
        return desk.post(f"/flags/{flag.id}/rule", data, csrf=tokens[desk])

    results = at_once(lambda: rule(ada, "accurate"), lambda: rule(ben, "inaccurate"))
    assert sorted(r.status_code for r in results) == [303, 400]
    loser = next(r for r in results if r.status_code == 400)
    assert "already has a proposed verdict" in loser.text
    assert len(t.verdicts(claim_ids=[claim])) == 1


def test_two_editors_review_one_flag_at_the_same_moment(make_desk: MakeDesk, harbour_any: str) -> None:
    ada, ben = make_desk(harbour_any), make_desk(harbour_any, as_="Ben Editor")
    t = facade(ada)
    change = next(iter(t.flags(kind="temporal_change")))
    page = f"/flags/{change.id}"
    tokens = {d: d.csrf(page) for d in (ada, ben)}

    def review(desk: Desk, action: str):
        data = {"action": action, "version": str(change.version)}
        return desk.post(f"/flags/{change.id}/review", data, csrf=tokens[desk])

    results = at_once(lambda: review(ada, "confirm"), lambda: review(ben, "dismiss"))
    assert sorted(r.status_code for r in results) == [303, 409]
    loser = next(r for r in results if r.status_code == 409)
    assert "another editor got there first" in loser.text
    [review_row] = t.history(change.id)
    winner = "Ada Editor" if results[0].status_code == 303 else "Ben Editor"
    assert review_row.reviewer == winner and winner in loser.text
