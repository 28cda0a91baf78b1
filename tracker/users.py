"""Users of the desk: who may read (viewer), rule and review (editor), and manage users too (admin).

Passwords are kept only as argon2id hashes (argon2-cffi's defaults, RFC 9106's recommended profile). The names
are the names the audit trails record, so a user's name is what ``--by`` would have been.

``can_edit(session, name)`` is the permission rule the facade applies to everyone who proposes, approves,
reviews or assigns: with no users registered (a team that only uses the command line) any name may act; once
one user exists, only an active editor or admin may.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.orm import Session

from tracker.config import DESK, DeskSettings
from tracker.errors import TrackerError
from tracker.store import user_repo
from tracker.store.limits import REVIEWER

VIEWER, EDITOR, ADMIN = "viewer", "editor", "admin"
ROLES = (VIEWER, EDITOR, ADMIN)
EDITING_ROLES = frozenset({EDITOR, ADMIN})


class UserError(TrackerError, ValueError):
    """A user that cannot be added or changed; the message says why in one line."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    active: bool = True
    created_at: dt.datetime | None = None

    @property
    def can_edit(self) -> bool:
        """May rule, approve, review and assign."""
        return self.active and self.role in EDITING_ROLES

    @property
    def is_admin(self) -> bool:
        return self.active and self.role == ADMIN


@lru_cache(maxsize=1)
def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    """A hash checked when the name is unknown, so a wrong name takes as long as a wrong password."""
    return _hasher().hash("not a password of anyone's")


def check_name(name: str) -> str:
    cleaned = (name or "").strip()
    if not cleaned:
        raise UserError("a user needs a name (a name or initials)")
    if len(cleaned) > REVIEWER:
        raise UserError(f"user name: at most {REVIEWER} characters")
    if any(not ch.isprintable() for ch in cleaned):
        raise UserError("user name: no control characters")
    return cleaned


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(f"role {role!r}: not a role ({', '.join(ROLES)})")
    return role


def hash_password(password: str, settings: DeskSettings = DESK) -> str:
    if len(password) < settings.min_password_chars:
        raise UserError(f"password: at least {settings.min_password_chars} characters")
    if password != password.strip() or "\n" in password or "\r" in password:
        raise UserError("password: no spaces at either end and no line breaks")
    return _hasher().hash(password)


def _user(row: user_repo.StoredUser) -> User:
    return User(row.name, row.role, row.active, row.created_at)


def add_user(session: Session, name: str, role: str, password: str, settings: DeskSettings = DESK) -> User:
    name, role = check_name(name), check_role(role)
    if not user_repo.add_user(session, name, role, hash_password(password, settings)):
        raise UserError(f"user {name!r} exists already (tracker users role NAME ROLE changes the role)")
    return User(name, role)


def list_users(session: Session) -> list[User]:
    return [_user(row) for row in user_repo.list_users(session)]


def get_user(session: Session, name: str) -> User | None:
    row = user_repo.get_user(session, name)
    return None if row is None else _user(row)


def set_role(session: Session, name: str, role: str) -> User:
    check_role(role)
    if not user_repo.update_user(session, name, role=role):
        raise UserError(f"no user {name!r} (tracker users list shows them)")
    found = get_user(session, name)
    assert found is not None
    return found


def set_active(session: Session, name: str, active: bool) -> User:
    if not user_repo.update_user(session, name, active=active):
        raise UserError(f"no user {name!r} (tracker users list shows them)")
    found = get_user(session, name)
    assert found is not None
    return found


def set_password(session: Session, name: str, password: str, settings: DeskSettings = DESK) -> None:
    if not user_repo.update_user(session, name, password_hash=hash_password(password, settings)):
        raise UserError(f"no user {name!r} (tracker users list shows them)")


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The active user with this name and password, else None. A hash made with older parameters is redone
    (the caller's transaction must be a write one for that to be kept)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    row = user_repo.get_user(session, (name or "").strip())
    hasher = _hasher()
    try:
        hasher.verify(row.password_hash if row is not None else _decoy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or not row.active:
        return None
    if hasher.check_needs_rehash(row.password_hash):
        user_repo.update_user(session, row.name, password_hash=hasher.hash(password))
    return _user(row)


def can_edit(session: Session, name: str) -> bool:
    """True when no users are registered (any name may act), or ``name`` is an active editor or admin."""
    if user_repo.count_users(session) == 0:
        return True
    found = get_user(session, (name or "").strip())
    return found is not None and found.can_edit
