"""What every command shares: the database context, one-line errors, plain tables."""

from __future__ import annotations

import sys

import click

from tracker.store import StoreError, database_url, open_store


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


def fail(message: str, code: int = 2) -> None:
    click.echo(f"tracker: error: {message}", err=True)
    sys.exit(code)


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
