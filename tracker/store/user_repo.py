"""Users of the desk and the secrets the tracker generated once: rows in, plain dataclasses out.

Persistence only: which roles exist, how passwords are hashed and who may edit are ``tracker.users``'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from tracker.store.models import AppSecret, User
from tracker.store.repo import _insert_ignore


@dataclass(frozen=True)
class StoredUser:
    name: str
    role: str
    active: bool
    created_at: dt.datetime | None
    password_hash: str


def _stored(row: User) -> StoredUser:
    return StoredUser(row.name, row.role, row.active, row.created_at, row.password_hash)


def count_users(session: Session) -> int:
    return session.scalar(select(func.count(User.id))) or 0


def get_user(session: Session, name: str) -> StoredUser | None:
    row = session.scalar(select(User).where(User.name == name))
    return None if row is None else _stored(row)


def list_users(session: Session) -> list[StoredUser]:
    return [_stored(row) for row in session.scalars(select(User).order_by(User.name))]


def add_user(session: Session, name: str, role: str, password_hash: str) -> bool:
    """Insert the user; False (nothing written) when the name is taken, also by a concurrent insert."""
    # RETURNING, not rowcount: psycopg reports -1 rows for an INSERT ... ON CONFLICT DO NOTHING.
    added = session.scalar(
        _insert_ignore(session, User)
        .values(name=name, role=role, password_hash=password_hash, active=True)
        .returning(User.id)
    )
    return added is not None


def update_user(
    session: Session,
    name: str,
    role: str | None = None,
    password_hash: str | None = None,
    active: bool | None = None,
) -> bool:
    """Change what is given; False when there is no such user."""
    values: dict[str, object] = {"updated_at": func.now()}
    if role is not None:
        values["role"] = role
    if password_hash is not None:
        values["password_hash"] = password_hash
    if active is not None:
        values["active"] = active
    result = session.execute(update(User).where(User.name == name).values(**values))
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


def secret(session: Session, name: str, generated: str) -> str:
    """The secret stored under ``name``; the first caller stores ``generated`` (a concurrent one reads it)."""
    session.execute(_insert_ignore(session, AppSecret).values(name=name, value=generated))
    value = session.scalar(select(AppSecret.value).where(AppSecret.name == name))
    assert value is not None
    return value
