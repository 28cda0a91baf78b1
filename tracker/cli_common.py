"""What every command shares: the database context, one-line errors, plain tables."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import click
from sqlalchemy import Engine

from tracker.store import StoreError, database_url, open_store


class Context:
    def __init__(self, db: str | None) -> None:
        self.url = database_url(db)
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            try:
                self._engine = open_store(self.url)
            except StoreError as exc:
                fail(str(exc))
        return self._engine


def fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"tracker: error: {message}", err=True)
    sys.exit(code)


def print_table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
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
