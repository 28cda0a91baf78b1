"""Signing in and the doors of every route: redirects when signed out, CSRF tokens, roles, the rate limit."""

from __future__ import annotations

import re

import pytest
from starlette.routing import Mount, Route

from tests.web.conftest import PASSWORD, MakeDesk

# Every route of the desk: (method, path with sample ids). test_every_route_is_listed keeps this complete.
GETS = ["/", "/queue", "/queue?mine=1", "/flags/1", "/approve", "/published/index.html"]
POSTS = [
    "/logout",
    "/queue/bulk",
    "/flags/1/rule",
    "/flags/1/review",
    "/flags/1/assign",
    "/verdicts/1/approve",
    "/verdicts/1/reject",
    "/verdicts/1/withdraw",
]
ACTIONS = [p for p in POSTS if p != "/logout"]  # what only editors may do
OPEN = {("GET", "/login"), ("POST", "/login"), ("GET", "/static")}  # reachable signed out


def test_every_route_is_listed(make_desk: MakeDesk, harbour_db: str, tmp_path) -> None:
    desk = make_desk(harbour_db, as_=None, reports=str(tmp_path / "reports"))
    app = desk.client.app
    found = set()
    for route in app.routes:  # type: ignore[attr-defined]
        if isinstance(route, Mount):
            found.add(("GET", route.path))
        elif isinstance(route, Route):
            for method in route.methods or ():
                if method != "HEAD":
                    found.add((method, route.path))
    listed = {("GET", re.sub(r"/1\b", "/{flag_id}", p.split("?")[0])) for p in GETS} | {
        ("POST", re.sub(r"/1/", "/{verdict_id}/" if p.startswith("/verdicts") else "/{flag_id}/", p)) for p in POSTS
    }
    listed = {(m, "/published" if p.startswith("/published") else p) for m, p in listed}
    assert found == listed | OPEN


@pytest.mark.parametrize("path", GETS)
def test_signed_out_pages_redirect_to_sign_in(make_desk: MakeDesk, harbour_db: str, tmp_path, path: str) -> None:
    desk = make_desk(harbour_db, as_=None, reports=str(tmp_path / "reports"))
    response = desk.get(path)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")
    assert "Ada" not in response.text


@pytest.mark.parametrize("path", POSTS)
def test_signed_out_actions_redirect_and_change_nothing(make_desk: MakeDesk, harbour_db: str, path: str) -> None:
    desk = make_desk(harbour_db, as_=None)
    token = desk.csrf("/login")  # even with a valid token of the signed-out session
    response = desk.post(path, {"claim_id": "1", "rating": "inaccurate", "action": "dismiss", "flag": "1"}, csrf=token)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


@pytest.mark.parametrize("path", POSTS)
@pytest.mark.parametrize("token", ["", "forged-token"])
def test_a_missing_or_wrong_csrf_token_is_refused(make_desk: MakeDesk, harbour_db: str, path: str, token: str) -> None:
    desk = make_desk(harbour_db)
    response = desk.post(path, {"claim_id": "1", "rating": "inaccurate", "action": "dismiss", "flag": "1"}, csrf=token)
    assert response.status_code == 403
    assert "security token" in response.text
    assert desk.get("/queue").status_code == 200  # still signed in: a refused logout did not sign out


@pytest.mark.parametrize("path", ACTIONS)
def test_a_viewer_reads_but_cannot_act(make_desk: MakeDesk, harbour_db: str, path: str) -> None:
    viewer = make_desk(harbour_db, as_="Vi Viewer")
    assert viewer.get("/queue").status_code == 200
    response = viewer.post(path, {"claim_id": "1", "rating": "inaccurate", "action": "dismiss", "flag": "1"})
    assert response.status_code == 403
    assert "viewer" in response.text and "may read" in response.text


def test_sign_in_and_out(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db, as_=None)
    response = desk.login("Ada Editor")
    assert response.status_code == 303 and response.headers["location"] == "/queue"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    page = desk.get("/queue")
    assert page.status_code == 200 and "Ada Editor" in page.text
    assert desk.post("/logout").status_code == 303
    assert desk.get("/queue").status_code == 303
    assert desk.client.get("/logout", follow_redirects=False).status_code == 405  # signing out is a POST


def test_https_only_cookies(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db, as_=None, https_only=True)
    desk.client.base_url = "https://testserver"  # type: ignore[assignment]
    response = desk.login("Ada Editor")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("__Host-tracker=") and "secure" in cookie.lower()


def test_the_session_is_renewed_on_sign_in(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db, as_=None)
    before = desk.csrf("/login")
    desk.login("Ada Editor")
    assert desk.csrf() != before  # the token of the signed-out session is no token of the signed-in one


def test_next_goes_only_to_a_page_of_the_desk(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db, as_=None)
    assert desk.get("/flags/1").headers["location"] == "/login?next=%2Fflags%2F1"
    for target, expected in [
        ("/approve", "/approve"),
        ("//evil.example/", "/queue"),
        ("https://evil.example", "/queue"),
    ]:
        token = desk.csrf("/login")
        response = desk.client.post(
            "/login",
            data={"name": "Ada Editor", "password": PASSWORD, "csrf": token, "next": target},
            follow_redirects=False,
        )
        assert response.headers["location"] == expected
        desk.post("/logout")


def test_a_wrong_password_and_an_unknown_name_look_the_same(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db, as_=None)
    wrong = desk.login("Ada Editor", PASSWORD + "x")
    unknown = desk.login("Nobody Atall", PASSWORD)
    assert wrong.status_code == unknown.status_code == 401
    assert "wrong name or password" in wrong.text and "wrong name or password" in unknown.text
    assert desk.get("/queue").status_code == 303


def test_a_missing_csrf_token_on_sign_in_is_refused(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db, as_=None)
    desk.client.get("/login")
    response = desk.client.post("/login", data={"name": "Ada Editor", "password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 403


def test_the_rate_limit_per_name(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db, as_=None)
    for _ in range(5):
        assert desk.login("Ada Editor", "not the password").status_code == 401
    blocked = desk.login("Ada Editor")  # even the right password, once the name is locked
    assert blocked.status_code == 429
    assert "too many failed sign-ins" in blocked.text and "try again in 15 minutes" in blocked.text
    assert desk.get("/queue").status_code == 303


def test_the_rate_limit_per_address(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db, as_=None)
    for i in range(5):  # five names guessed from one address
        assert desk.login(f"guess {i}", "not the password").status_code == 401
    assert desk.login("Ben Editor").status_code == 429


def test_a_success_clears_the_names_failures(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db, as_=None)
    for _ in range(3):
        desk.login("Ada Editor", "not the password")
    assert desk.login("Ada Editor").status_code == 303
    desk.post("/logout")
    desk.login("Ada Editor", "not the password")
    assert desk.login("Ada Editor").status_code == 303  # the name's count began again
    desk.post("/logout")
    desk.login("Ada Editor", "not the password")  # the address's fifth failure: a success cleared none of them
    assert desk.login("Ben Editor").status_code == 429


def test_a_disabled_user_is_signed_out_at_the_next_request(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db)
    assert desk.get("/queue").status_code == 200
    app = desk.client.app
    app.state.desk.t.set_active("Ada Editor", False)  # type: ignore[attr-defined]
    assert desk.get("/queue").status_code == 303


def test_a_forged_cookie_is_no_session(make_desk: MakeDesk, harbour_db: str) -> None:
    import base64
    import json

    desk = make_desk(harbour_db, as_=None)
    forged = base64.b64encode(json.dumps({"user": "Ada Editor"}).encode()).decode() + ".forged.sig"
    desk.client.cookies.set("tracker_session", forged)
    assert desk.get("/queue").status_code == 303


def test_security_headers(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db)
    headers = desk.get("/queue").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-store"


def test_unknown_pages_and_bad_ids_are_plain_pages(make_desk: MakeDesk, harbour_db: str) -> None:
    desk = make_desk(harbour_db)
    for path, status in [("/nowhere", 404), ("/flags/abc", 404), ("/flags/99999999999", 404), ("/flags/999", 400)]:
        response = desk.get(path)
        assert response.status_code == status, path
        assert "Traceback" not in response.text and "<h1>" in response.text
