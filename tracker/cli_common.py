"""What every command shares: the facade, one-line errors, plain tables."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click
from click.exceptions import NoArgsIsHelpError
from sqlalchemy.exc import SQLAlchemyError

from tracker.api import Tracker
from tracker.config import Settings
from tracker.errors import TrackerError
from tracker.files import output_target, write_atomic
from tracker.store import database_url
from tracker.store.db import db_reason, redact
from tracker.store.limits import MAX_INTEGER


def tracker_of(db: str | None, settings_file: str | None) -> Tracker:
    """The facade for the command line: its notices go to stderr, one line each."""
    settings = Settings.from_file(settings_file) if settings_file else None
    return Tracker(db, settings, notify=lambda message: click.echo(f"tracker: {message}", err=True))


def redacted(url: str) -> str:
    """A database URL as it may be shown: without its password."""
    return redact(url)


class TrackerGroup(click.Group):
    """The command group that turns every error a command lets through into one line and exit status 2:
    the tracker's own (TrackerError), the database's, and the operating system's. No traceback."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        standalone_mode: bool = True,
        **kwargs: Any,
    ) -> Any:
        """As click's, but a usage error (unknown option, bad value, missing argument) is one line too."""
        if not standalone_mode:
            return super().main(args, prog_name, standalone_mode=False, **kwargs)
        try:
            result = super().main(args, prog_name, standalone_mode=False, **kwargs)
        except NoArgsIsHelpError as exc:
            exc.show()  # a group called alone shows its help, as click does
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "tracker"
            fail(f"{exc.format_message()} (see '{where} --help')", exc.exit_code)
        except click.ClickException as exc:
            fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            click.echo("tracker: interrupted", err=True)
            sys.exit(130)
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except TrackerError as exc:
            fail(str(exc))
        except SQLAlchemyError as exc:
            url = ctx.obj.url if isinstance(ctx.obj, Tracker) else database_url(None)
            fail(f"--db {redacted(url)}: {db_reason(exc)}")
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"{where}{exc.strerror or exc}")
        except MemoryError:
            fail("out of memory")


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


def fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"tracker: error: {message}", err=True)
    sys.exit(code)


def print_table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def output_file(output: str, allow_stdout: bool = True) -> Path | None:
    """The regular file an --output option names, checked (tracker.files.output_target); None for stdout ("-")."""
    if output == "-" and allow_stdout:
        return None
    return output_target(output, csv=not allow_stdout)


def emit(text: str, target: Path | None, encoding: str = "utf-8") -> None:
    """Print, or write the file whole (tracker.files.write_atomic)."""
    if target is None:
        click.echo(text, nl=False)
        return
    write_atomic(text, target, encoding)


def print_json(rows: Any) -> None:
    """Rows (dataclasses, lists, dicts) as one JSON document on stdout: dates as ISO 8601 text."""
    import dataclasses
    import datetime as dt
    import json

    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        if isinstance(value, dt.date | dt.datetime):
            return value.isoformat()
        return value

    click.echo(json.dumps(plain(rows), ensure_ascii=False, indent=2))
