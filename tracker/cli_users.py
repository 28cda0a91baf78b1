"""`tracker users ...`: who may sign in to the desk, and with which role."""

from __future__ import annotations

import json
import sys

import click

from tracker.api import Tracker
from tracker.cli_common import OneLineError, print_table
from tracker.users import ROLES


@click.group()
def users() -> None:
    """Users of the web desk (tracker serve): viewers read, editors rule and review, admins too.

    Once one user exists, every ruling, review and assignment (from the desk and from the CLI's --by) must
    name an active editor or admin.

    \b
    Example:
      tracker users add "A. Editor" --role editor      (the password is read from stdin)
      tracker users list --json
    """


def _password(confirm: bool = True) -> str:
    """The password from stdin: asked for without echo at a terminal (twice), else the first line of stdin."""
    if sys.stdin is not None and sys.stdin.isatty():
        return click.prompt("password", hide_input=True, confirmation_prompt=confirm, err=True)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise OneLineError("no password on stdin (type it at the prompt, or pipe it in: one line)")
    return line.rstrip("\r\n")


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="editor", show_default=True, help="What the user may do.")
@click.pass_obj
def add(obj: Tracker, name: str, role: str) -> None:
    """Add user NAME; the password is read from stdin (never an option, never echoed).

    \b
    Example:
      tracker users add "A. Editor" --role editor
      printf '%s\\n' "$PASSWORD" | tracker users add reviewer2 --role viewer
    """
    user = obj.add_user(name, role, _password())
    click.echo(f"user {user.name} added ({user.role})")


@users.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def list_users(obj: Tracker, as_json: bool) -> None:
    """List users with their roles (never their password hashes).

    \b
    Example:
      tracker users list --json
    """
    rows = obj.users()
    if as_json:
        payload = [
            {
                "name": u.name,
                "role": u.role,
                "active": u.active,
                "created_at": u.created_at.isoformat() if u.created_at else None,
            }
            for u in rows
        ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no users yet: tracker users add NAME --role editor")
        return
    print_table(
        ("name", "role", "active", "since"),
        [
            (u.name, u.role, "yes" if u.active else "no", u.created_at.strftime("%Y-%m-%d") if u.created_at else "-")
            for u in rows
        ],
    )


@users.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
@click.pass_obj
def role(obj: Tracker, name: str, role: str) -> None:
    """Give user NAME the role ROLE (viewer, editor, admin).

    \b
    Example:
      tracker users role "A. Editor" admin
    """
    user = obj.set_role(name, role)
    click.echo(f"user {user.name} is now {user.role}")


def _switch(active: bool, summary: str):
    verb = "enable" if active else "disable"

    @users.command(verb, help=f'{summary}\n\n\b\nExample:\n  tracker users {verb} "A. Editor"')
    @click.argument("name")
    @click.pass_obj
    def command(obj: Tracker, name: str) -> None:
        obj.set_active(name, active)
        click.echo(f"user {name} {verb}d")

    return command


disable = _switch(False, "Disable user NAME: no more sign-ins or actions; their past rulings stay in the audit trail.")
enable = _switch(True, "Enable user NAME again.")


@users.command("password")
@click.argument("name")
@click.pass_obj
def password(obj: Tracker, name: str) -> None:
    """Set a new password for user NAME, read from stdin like 'users add'.

    \b
    Example:
      tracker users password "A. Editor"
    """
    obj.set_password(name, _password())
    click.echo(f"password of {name} changed")
