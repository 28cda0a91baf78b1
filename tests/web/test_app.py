"""The desk's routes in-process: the queue, a flag's evidence, rulings under the four-eyes rule, approvals,
reviews, assignment, bulk dismiss, and the published pages rewritten after a ruling."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_cli_flags import SHELTERS_LEDGER, SHELTERS_POST
from tests.web.conftest import Desk, MakeDesk
from tracker import Tracker


def facade(desk: Desk) -> Tracker:
    return desk.client.app.state.desk.t  # type: ignore[attr-defined]


def conflict_of(t: Tracker):
    [flag] = list(t.flags(kind="conflict"))
    claims = t.flag(flag.id).claims
    by_text = {c.text: c.id for c in claims.values()}
    return flag, by_text[SHELTERS_LEDGER], by_text[SHELTERS_POST]


def queue_ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<a href="/flags/(\d+)">#', page)]


def test_the_queue_lists_open_conflicts_and_changes_newest_first(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db)
    t = facade(desk)
    page = desk.get("/queue")
    assert page.status_code == 200
    expected = sorted((f.id for f in t.flags(status="open") if f.kind in ("conflict", "temporal_change")), reverse=True)
    assert queue_ids(page.text) == expected and len(expected) == 5  # 1 conflict and 4 changes; no corroboration
    assert "(5)" in page.text
    [conflict] = [f.id for f in t.flags(kind="conflict")]
    assert queue_ids(desk.get("/queue?kind=conflict").text) == [conflict]
    assert len(queue_ids(desk.get("/queue?kind=temporal_change").text)) == 4


def test_the_queue_filters_by_outlet_and_entity(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db)
    t = facade(desk)
    of_post = {f.id for f in t.flags(status="open", outlet="Harrow Post") if f.kind != "corroboration"}
    assert set(queue_ids(desk.get("/queue?outlet=Harrow+Post").text)) == of_post and 0 < len(of_post) < 5
    flags = [f for f in t.flags(status="open") if f.kind != "corroboration"]
    entity = next(e for f in flags for e in f.entity_ids)
    with_entity = {f.id for f in flags if entity in f.entity_ids}
    page = desk.get(f"/queue?entity={entity}").text
    assert set(queue_ids(page)) == with_entity
    assert f'<option value="{entity}" selected>' in page


def test_assign_to_me_and_the_assigned_to_me_list(make_desk: MakeDesk, harbour_db: str) -> None:
    ada, ben = make_desk(harbour_db), make_desk(harbour_db, as_="Ben Editor")
    ids = queue_ids(ada.get("/queue").text)
    assert ada.get("/queue?mine=1").text.count('href="/flags/') == 0
    response = ada.post("/queue/bulk", {"flag": [str(ids[0]), str(ids[1])], "action": "assign", "to": "Ada Editor"})
    assert response.status_code == 303
    mine = ada.get("/queue?mine=1").text
    assert sorted(queue_ids(mine)) == sorted(ids[:2])
    assert "2 flags assigned to Ada Editor" in mine
    # One flag handed to Ben from its page; Ada's list keeps the other.
    assert ada.post(f"/flags/{ids[0]}/assign", {"to": "Ben Editor"}, page=f"/flags/{ids[0]}").status_code == 303
    assert queue_ids(ben.get("/queue?mine=1").text) == [ids[0]]
    assert queue_ids(ada.get("/queue?mine=1").text) == [ids[1]]
    assert "assigned to Ben Editor" in ada.get(f"/flags/{ids[0]}").text
    ada.post(f"/flags/{ids[0]}/assign", {"to": ""}, page=f"/flags/{ids[0]}")
    assert queue_ids(ben.get("/queue?mine=1").text) == []


def test_bulk_dismiss(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db)
    t = facade(desk)
    ids = queue_ids(desk.get("/queue?kind=temporal_change").text)[:3]
    response = desk.post("/queue/bulk", {"flag": [str(i) for i in ids], "action": "dismiss", "note": "same story"})
    assert response.status_code == 303
    page = desk.get("/queue").text
    assert "dismissed 3 flags" in page
    assert not set(ids) & set(queue_ids(page))
    for i in ids:
        [review] = t.history(i)
        assert (review.reviewer, review.to_status, review.note) == ("Ada Editor", "dismissed", "same story")
    nothing = desk.post("/queue/bulk", {"action": "dismiss"})
    assert nothing.status_code == 400 and "no flags chosen" in nothing.text
    again = desk.post("/queue/bulk", {"flag": str(ids[0]), "action": "dismiss"})  # dismissed already
    assert again.status_code == 400 and "dismissed" in again.text


def test_the_flag_page_shows_both_sides(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db)
    flag, ledger, post = conflict_of(facade(desk))
    page = desk.get(f"/flags/{flag.id}").text
    assert page.count("<mark>") == 2
    assert f"<mark>{SHELTERS_LEDGER}</mark>" in page and f"<mark>{SHELTERS_POST}</mark>" in page
    assert "<h2>Kestrel Ledger</h2>" in page and "<h2>Harrow Post</h2>" in page
    assert '<a href="https://ledger.example/talks"' in page and '<a href="https://post.example/dispute"' in page
    assert page.count("<dd>2024-01-15</dd>") == 2
    assert flag.explanation.replace("“", "&#8220;") in page or flag.explanation in page
    assert page.index(f'id="claim-{ledger}"') < page.index(f'id="claim-{post}"')  # side by side, in claim order
    assert page.count(f'action="/flags/{flag.id}/rule"') == 2  # a ruling form per claim
    for key in "aioum":
        assert f'data-key="{key}"' in page  # keyboard shortcuts for the ratings
    assert "/tmp" not in page and "1-ledger.txt" not in page  # no local paths


def test_a_ruling_needs_a_second_editor(make_desk: MakeDesk, harbour_db: str, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    ada = make_desk(harbour_db, reports=str(reports))
    ben = make_desk(harbour_db, as_="Ben Editor", reports=str(reports))
    t = facade(ada)
    flag, _ledger, post = conflict_of(t)
    before = {o.name: o.reliability for o in t.outlets()}
    ruled = ada.post(
        f"/flags/{flag.id}/rule",
        {"claim_id": str(post), "rating": "inaccurate", "note": "council minutes say 12", "version": str(flag.version),
         "evidence_url": "https://council.example/minutes"},
        page=f"/flags/{flag.id}",
    )  # fmt: skip
    assert ruled.status_code == 303 and ruled.headers["location"] == f"/flags/{flag.id}"
    [proposed] = t.verdicts(status="proposed")
    assert (proposed.claim_id, proposed.rating, proposed.proposed_by) == (post, "inaccurate", "Ada Editor")
    assert proposed.evidence_url == "https://council.example/minutes"

    mine = ada.get("/approve").text
    assert "Nothing waits for your approval" in mine and f'action="/verdicts/{proposed.id}/withdraw"' in mine
    own = ada.post(f"/verdicts/{proposed.id}/approve", {"version": str(proposed.version)}, page="/approve")
    assert own.status_code == 400 and "second, different editor" in own.text

    listed = ben.get("/approve").text
    assert f'action="/verdicts/{proposed.id}/approve"' in listed and "council minutes say 12" in listed
    assert f"<mark>{SHELTERS_POST}</mark>" in listed
    approved = ben.post(f"/verdicts/{proposed.id}/approve", {"version": str(proposed.version)}, page="/approve")
    assert approved.status_code == 303
    assert "published" in ben.get("/approve").text  # the flash says so
    [published] = t.verdicts(status="published")
    assert (published.id, published.decided_by) == (proposed.id, "Ben Editor")
    assert t.flag(flag.id).flag.status == "resolved"
    assert flag.id not in queue_ids(ada.get("/queue").text)

    # The published pages were rewritten after the response: the claim page shows the verdict.
    claim_page = (reports / "claims" / f"{post}.html").read_text(encoding="utf-8")
    assert "inaccurate" in claim_page.lower()
    served = ben.get(f"/published/claims/{post}.html")
    assert served.status_code == 200 and served.text == claim_page
    after = {o.name: o.reliability for o in t.outlets()}
    assert after["Kestrel Ledger"] >= before["Kestrel Ledger"]  # the outlet that was right did not fall
    assert after["Harrow Post"] < before["Harrow Post"]


def test_with_a_report_url_the_claimreview_is_published_too(make_desk: MakeDesk, harbour_db: str, tmp_path) -> None:
    import json

    reports = tmp_path / "reports"
    options = {"reports": str(reports), "report_url": "https://news.example/reports/"}
    ada, ben = make_desk(harbour_db, **options), make_desk(harbour_db, as_="Ben Editor", **options)
    flag, _ledger, post = conflict_of(facade(ada))
    ada.post(f"/flags/{flag.id}/rule", {"claim_id": str(post), "rating": "inaccurate"}, page=f"/flags/{flag.id}")
    [v] = facade(ada).verdicts(status="proposed")
    ben.post(f"/verdicts/{v.id}/approve", {"version": str(v.version)}, page="/approve")
    reviews = json.loads((reports / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert len(reviews) == 1 and json.dumps(reviews).count("https://news.example/reports/") >= 1
    assert ben.get("/published/claimreview.jsonld").status_code == 200
    page = (reports / "claims" / f"{post}.html").read_text(encoding="utf-8")  # the desk passed its report URL on
    [embedded] = re.findall(r'<script type="application/ld\+json" id="claimreview">(.*?)</script>', page, re.S)
    assert json.loads(embedded) == reviews[0]


def test_reject_and_withdraw(make_desk: MakeDesk, harbour_db: str) -> None:
    ada, ben = make_desk(harbour_db), make_desk(harbour_db, as_="Ben Editor")
    t = facade(ada)
    flag, ledger, _post = conflict_of(t)
    ada.post(f"/flags/{flag.id}/rule", {"claim_id": str(ledger), "rating": "accurate"}, page=f"/flags/{flag.id}")
    [v] = t.verdicts(status="proposed")
    refused = ben.post(f"/verdicts/{v.id}/withdraw", {"version": str(v.version)}, page="/approve")
    assert refused.status_code == 400 and "only they can withdraw" in refused.text
    rejected = ben.post(f"/verdicts/{v.id}/reject", {"version": str(v.version), "note": "no source"}, page="/approve")
    assert rejected.status_code == 303
    assert t.verdicts(ids=[v.id])[0].status == "rejected"
    ada.post(f"/flags/{flag.id}/rule", {"claim_id": str(ledger), "rating": "unproven"}, page=f"/flags/{flag.id}")
    [w] = t.verdicts(status="proposed")
    assert ada.post(f"/verdicts/{w.id}/withdraw", {"version": str(w.version)}, page="/approve").status_code == 303
    assert t.verdicts(ids=[w.id])[0].status == "withdrawn"
    assert [e.action for e in t.verdict_history(v.id)] == ["propose", "reject"]


def test_bad_rulings_are_refused_with_the_reason(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db)
    flag, ledger, _post = conflict_of(facade(desk))
    page = f"/flags/{flag.id}"
    for data, message in [
        ({"claim_id": str(ledger), "rating": "wrongish"}, "not a rating"),
        ({"claim_id": str(ledger)}, "choose a rating"),
        ({"rating": "accurate"}, "which claim"),
        ({"claim_id": "999999", "rating": "accurate"}, "no claim 999999"),
        ({"claim_id": str(ledger), "rating": "accurate", "evidence_url": "javascript:alert(1)"}, "http(s)"),
    ]:
        response = desk.post(f"/flags/{flag.id}/rule", data, page=page)
        assert response.status_code == 400, data
        assert message in response.text, (message, response.text)
    assert facade(desk).verdicts() == []
    assert desk.post(f"/flags/{flag.id}/review", {"action": "explode"}, page=page).status_code == 400


def test_confirming_the_order_of_a_change(make_desk: MakeDesk, harbour_db: str, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    desk = make_desk(harbour_db, reports=str(reports))
    t = facade(desk)
    change = next(f for f in t.flags(kind="temporal_change"))
    page = desk.get(f"/flags/{change.id}").text
    assert "Confirm the order" in page
    done = desk.post(
        f"/flags/{change.id}/review", {"action": "confirm", "version": str(change.version)}, page=f"/flags/{change.id}"
    )
    assert done.status_code == 303
    assert t.flag(change.id).flag.status == "confirmed"
    assert (reports / "flags" / f"{change.id}.html").is_file()  # republished after the review
    reopened = desk.post(
        f"/flags/{change.id}/review",
        {"action": "reopen", "version": str(change.version + 1)},
        page=f"/flags/{change.id}",
    )
    assert reopened.status_code == 303 and t.flag(change.id).flag.status == "open"


def test_a_stale_version_says_who_got_there_first(make_desk: MakeDesk, harbour_db: str) -> None:
    ada, ben = make_desk(harbour_db), make_desk(harbour_db, as_="Ben Editor")
    t = facade(ada)
    change = next(f for f in t.flags(kind="temporal_change"))
    seen = str(change.version)  # both read the flag at this version
    assert (
        ben.post(f"/flags/{change.id}/review", {"action": "dismiss", "version": seen}, page="/queue").status_code == 303
    )
    late = ada.post(f"/flags/{change.id}/review", {"action": "confirm", "version": seen}, page="/queue")
    assert late.status_code == 409
    assert "another editor got there first" in late.text and "Ben Editor" in late.text
    assert "Traceback" not in late.text


def test_a_viewer_sees_the_evidence_but_no_forms(make_desk: MakeDesk, harbour_db: str) -> None:
    viewer = make_desk(harbour_db, as_="Vi Viewer")
    flag, _ledger, _post = conflict_of(facade(viewer))
    page = viewer.get(f"/flags/{flag.id}").text
    assert page.count("<mark>") == 2
    assert "/rule" not in page and "/review" not in page and "/assign" not in page
    assert 'action="/queue/bulk"' in viewer.get("/queue").text  # the list, with no actions under it
    assert 'value="dismiss"' not in viewer.get("/queue").text
    assert viewer.get("/approve").status_code == 200


def test_the_queue_pages(make_desk: MakeDesk, harbour_db: str) -> None:
    from tracker.config import DeskSettings, Settings
    from tracker.web import create_app

    tracker = Tracker(harbour_db, settings=Settings(desk=DeskSettings(queue_page_size=2)))
    from starlette.testclient import TestClient

    desk = Desk(TestClient(create_app(tracker)))
    desk.login("Ada Editor")
    first = desk.get("/queue").text
    assert len(queue_ids(first)) == 2 and "page 1 of 3" in first and 'rel="next"' in first
    last = desk.get("/queue?page=3").text
    assert len(queue_ids(last)) == 1 and 'rel="prev"' in last
    assert queue_ids(desk.get("/queue?page=99").text) == queue_ids(last)
    seen = queue_ids(first) + queue_ids(desk.get("/queue?page=2").text) + queue_ids(last)
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == 5
    desk.client.close()
    tracker.close()


def test_home_goes_to_the_queue(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db)
    assert desk.get("/").headers["location"] == "/queue"
    assert desk.get("/static/desk.js").status_code == 200


def test_published_pages_need_a_report_folder_and_a_sign_in(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db)
    assert desk.get("/published/index.html").status_code == 404  # no --reports given
    assert "Published pages" not in desk.get("/queue").text
