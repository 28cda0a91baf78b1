"""What every command shares: the database context, one-line errors, plain tables."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tracker.store import StoreError, database_url, open_store
from tracker.store.limits import MAX_INTEGER


class Context:
    def __init__(self, db: str | None) -> None:
        self.url = database_url(db)
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            try:
                self._engine = open_store(self.url)
            except StoreError as exc:
                fail(str(exc))
        return self._engine


class OneLineError(click.ClickException):
    """A refusal raised while click parses the command line, printed like every other error: one line."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"tracker: error: {self.format_message()}", err=True)


class DatabaseId(click.ParamType):
    """A stored row's id (or version) typed by a person: a whole number from 1 to the widest Integer column value
    (2**31 - 1: 32 bits on PostgreSQL; SQLite would take 64, and fails with a traceback past them)."""

    name = "id"

    def __init__(self, noun: str = "id") -> None:
        self.noun = noun

    def convert(self, value, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = str(value).strip()
            number = int(text) if text.isascii() and text.isdigit() else 0
        if not 1 <= number <= MAX_INTEGER:
            shown = str(value) if len(str(value)) <= 40 else str(value)[:39] + "…"
            raise OneLineError(
                f"{_param_label(param)}: {shown!r} is not a valid {self.noun} (a whole number from 1 to {MAX_INTEGER})"
            )
        return number


DB_ID = DatabaseId()


def _param_label(param: click.Parameter | None) -> str:
    if param is None:
        return "value"
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    return (param.name or "value").upper()


def fail(message: str, code: int = 2) -> None:
    click.echo(f"tracker: error: {message}", err=True)
    sys.exit(code)


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def output_file(output: str, allow_stdout: bool = True) -> Path | None:
    """The file an --output option names, checked; None for stdout ("-")."""
    if output == "-":
        if not allow_stdout:
            fail("--output: csv writes two files; give a file name (e.g. claims.csv)")
        return None
    if not output.strip():
        fail("--output: empty file name (use - for stdout)")
    target = Path(output)
    if target.is_dir():
        fail(f"--output {output}: is a directory, not a file")
    if not target.parent.is_dir():
        fail(f"--output {output}: directory {target.parent} does not exist")
    return target


def emit(text: str, target: Path | None) -> None:
    """Write atomically (a reader never sees half a file), or print."""
    if target is None:
        click.echo(text, nl=False)
        return
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
