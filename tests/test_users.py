"""Users of the desk (tracker/users.py) through the facade: roles, argon2 hashes, sign-in, the permission rule."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tracker import Tracker, TrackerError
from tracker.store import open_store, session_scope
from tracker.store.models import User as UserRow
from tracker.users import can_edit

PASSWORD = "a long enough secret"


def test_add_list_role_and_authenticate(db_url: str) -> None:
    with Tracker(db_url) as t:
        assert t.users() == []
        t.add_user("A. Editor", "editor", PASSWORD)
        t.add_user("Viewer V", "viewer", PASSWORD + "!")
        assert [(u.name, u.role, u.active) for u in t.users()] == [
            ("A. Editor", "editor", True),
            ("Viewer V", "viewer", True),
        ]
        assert t.authenticate("A. Editor", PASSWORD).name == "A. Editor"
        assert t.authenticate("A. Editor", PASSWORD + "x") is None
        assert t.authenticate("Nobody", PASSWORD) is None
        assert t.set_role("Viewer V", "admin").role == "admin"
        assert t.user("Viewer V").is_admin


def test_only_the_argon2_hash_is_stored(sqlite_url: str) -> None:
    with Tracker(sqlite_url) as t:
        t.add_user("A. Editor", "editor", PASSWORD)
    engine = open_store(sqlite_url)
    with session_scope(engine) as session:
        stored = session.scalar(select(UserRow.password_hash))
    engine.dispose()
    assert stored is not None and stored.startswith("$argon2id$") and PASSWORD not in stored


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("", "editor", PASSWORD, "needs a name"),
        ("x" * 201, "editor", PASSWORD, "at most 200"),
        ("A\x00B", "editor", PASSWORD, "control"),
        ("A", "boss", PASSWORD, "not a role"),
        ("A", "editor", "short", "at least 10"),
        ("A", "editor", " " + PASSWORD, "no spaces"),
    ],
)
def test_bad_users_are_refused_in_one_line(sqlite_url: str, name: str, role: str, password: str, message: str) -> None:
    with Tracker(sqlite_url) as t, pytest.raises(TrackerError, match=message) as caught:
        t.add_user(name, role, password)
    assert "\n" not in str(caught.value)


def test_a_name_is_taken_once(sqlite_url: str) -> None:
    with Tracker(sqlite_url) as t:
        t.add_user("A. Editor", "editor", PASSWORD)
        with pytest.raises(TrackerError, match="exists already"):
            t.add_user("A. Editor", "viewer", PASSWORD)
        with pytest.raises(TrackerError, match="no user"):
            t.set_role("Nobody", "editor")


def test_can_edit_anyone_until_users_exist_then_active_editors_only(sqlite_url: str) -> None:
    with Tracker(sqlite_url) as t:
        assert t.can_edit("anyone at all")
        t.add_user("Ed", "editor", PASSWORD)
        t.add_user("Ad", "admin", PASSWORD)
        t.add_user("Vi", "viewer", PASSWORD)
        assert (t.can_edit("Ed"), t.can_edit("Ad"), t.can_edit("Vi"), t.can_edit("anyone at all")) == (
            True, True, False, False,
        )  # fmt: skip
        t.set_active("Ed", False)
        assert not t.can_edit("Ed")
        assert t.authenticate("Ed", PASSWORD) is None  # a disabled user cannot sign in either
        engine = t.engine
        with session_scope(engine) as session:
            assert can_edit(session, "Ad") and not can_edit(session, "Ed")


def test_the_session_secret_is_made_once(sqlite_url: str) -> None:
    with Tracker(sqlite_url) as t:
        first = t.secret("desk-session")
    with Tracker(sqlite_url) as t:
        assert t.secret("desk-session") == first and len(first) >= 48
