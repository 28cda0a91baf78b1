"""Every command and subcommand of the CLI (found by walking the groups) has help text with an example."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from tracker.cli import cli


def walk(command: click.Command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):
            found += walk(command.get_command(context, name), (*path, name))
    return found


COMMANDS = walk(cli)


def test_walk_finds_every_command_including_subgroups() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    # The walk itself must reach nested groups; new commands are picked up without editing this list.
    assert {"", "run", "ingest", "add-source", "sources", "export", "db", "db upgrade"} <= names


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) or "tracker" for p, _ in COMMANDS])
def test_command_has_help_with_an_example(path: tuple[str, ...], command: click.Command) -> None:
    assert (command.help or "").strip(), f"tracker {' '.join(path)} has no help text"
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout, f"tracker {' '.join(path)} --help shows no example"
    assert "Usage:" in result.stdout
