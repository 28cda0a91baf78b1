"""`tracker users ...` through the real CLI: the password comes from stdin, never an option, never echoed."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tracker.cli import cli

PASSWORD = "a long enough secret"


def run(db: str, *args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, ["--db", db, *args], input=stdin, catch_exceptions=True)


def test_add_list_and_role(sqlite_url: str) -> None:
    added = run(sqlite_url, "users", "add", "A. Editor", "--role", "editor", stdin=PASSWORD + "\n")
    assert added.exit_code == 0, added.stderr
    assert PASSWORD not in added.stdout + added.stderr
    assert run(sqlite_url, "users", "add", "Vi", "--role", "viewer", stdin=PASSWORD + "\n").exit_code == 0
    listed = json.loads(run(sqlite_url, "users", "list", "--json").stdout)
    assert [(u["name"], u["role"], u["active"]) for u in listed] == [
        ("A. Editor", "editor", True),
        ("Vi", "viewer", True),
    ]
    assert all("hash" not in key for u in listed for key in u)
    table = run(sqlite_url, "users", "list").stdout
    assert "A. Editor" in table and "argon2" not in table
    assert run(sqlite_url, "users", "role", "Vi", "admin").stdout.strip() == "user Vi is now admin"
    assert run(sqlite_url, "users", "disable", "Vi").exit_code == 0
    assert json.loads(run(sqlite_url, "users", "list", "--json").stdout)[1]["active"] is False


def test_there_is_no_password_option(sqlite_url: str) -> None:
    result = run(sqlite_url, "users", "add", "A", "--password", PASSWORD)
    assert result.exit_code == 2 and "No such option" in result.stderr


def test_errors_are_one_line(sqlite_url: str) -> None:
    for args, stdin, message in [
        (("users", "add", "A"), "", "no password on stdin"),
        (("users", "add", "A"), "short\n", "at least 10 characters"),
        (("users", "role", "Nobody", "editor"), None, "no user 'Nobody'"),
        (("users", "role", "A", "boss"), None, "'boss' is not one of"),
    ]:
        result = run(sqlite_url, *args, stdin=stdin)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_once_users_exist_only_editors_act_from_the_cli_too(tmp_path, sqlite_url: str) -> None:
    from tests.test_cli_flags import write_first

    assert run(sqlite_url, "ingest", str(write_first(tmp_path / "first"))).exit_code == 0
    flag = json.loads(run(sqlite_url, "export", "--format", "json", "--output", "-").stdout)["flags"][0]["id"]
    assert run(sqlite_url, "flags", "dismiss", str(flag), "--by", "Anyone").exit_code == 0  # no users yet
    assert run(sqlite_url, "flags", "reopen", str(flag), "--by", "Anyone").exit_code == 0
    run(sqlite_url, "users", "add", "Ed", "--role", "editor", stdin=PASSWORD + "\n")
    run(sqlite_url, "users", "add", "Vi", "--role", "viewer", stdin=PASSWORD + "\n")
    for who in ("Vi", "Anyone"):
        refused = run(sqlite_url, "flags", "dismiss", str(flag), "--by", who)
        assert refused.exit_code == 2 and "only editors and admins" in refused.stderr
    assert run(sqlite_url, "flags", "dismiss", str(flag), "--by", "Ed").exit_code == 0
