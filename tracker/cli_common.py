"""What every command shares: the database context, one-line errors, plain tables."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import click
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from tracker.errors import TrackerError
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
            assert self._engine is not None
            _finish_interrupted_work(self._engine)
        return self._engine


def _finish_interrupted_work(engine: Engine) -> None:
    """A run killed after storing sources but before the corpus-wide stage left that stage owed: do it now,
    before the command reads anything, or say what will do it if this database cannot be written."""
    from tracker.pipeline import corpus_stage_pending, finish_corpus_stage

    if not corpus_stage_pending(engine):
        return
    click.echo("tracker: an earlier run stopped before resolving entities and matching claims; finishing it", err=True)
    try:
        finish_corpus_stage(engine)
    except SQLAlchemyError as exc:
        click.echo(
            f"tracker: warning: could not finish it ({db_reason(exc)}); entities and flags may be out of date "
            "until 'tracker entities resolve' runs on a writable database",
            err=True,
        )


def db_reason(exc: SQLAlchemyError) -> str:
    """The database's own one-line reason for an error, without SQL or parameters."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class TrackerGroup(click.Group):
    """The command group that turns every error a command lets through into one line and exit status 2:
    the tracker's own (TrackerError), the database's, and the operating system's. No traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except TrackerError as exc:
            fail(str(exc))
        except SQLAlchemyError as exc:
            fail(f"database error: {db_reason(exc)}")
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"{where}{exc.strerror or exc}")
        except MemoryError:
            fail("out of memory")


def fail(message: str, code: int = 2) -> NoReturn:
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
