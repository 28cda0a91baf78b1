"""What every command shares: the database context, one-line errors, plain tables."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click
from click.exceptions import NoArgsIsHelpError
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from tracker.errors import TrackerError
from tracker.store import StoreError, database_url, open_store
from tracker.store.db import redact
from tracker.store.limits import MAX_INTEGER


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


def redacted(url: str) -> str:
    """A database URL as it may be shown: without its password."""
    return redact(url)


def db_reason(exc: SQLAlchemyError) -> str:
    """The database's own one-line reason for an error, without SQL or parameters."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


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
            url = ctx.obj.url if isinstance(ctx.obj, Context) else database_url(None)
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
    """The regular file an --output option names, checked; None for stdout ("-").

    Refused in one line: an empty name, a missing or read-only folder, and anything that is not a regular
    file or a new name there (a directory, named pipe, device, socket, or a symbolic link, dangling or not,
    since writing would land wherever it points).
    """
    if output == "-":
        if not allow_stdout:
            fail("--output: csv writes two files; give a file name (e.g. claims.csv)")
        return None
    if not output.strip():
        fail("--output: empty file name (use - for stdout)")
    target = Path(output)
    _check_target(target, output)
    return target


def _check_target(target: Path, given: str) -> None:
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        fail(f"--output {given}: cannot use it ({exc.strerror or exc})")
    if mode is not None and not stat.S_ISREG(mode):
        fail(f"--output {given}: {_not_a_file(mode)}, not a regular file")
    if not target.parent.is_dir():
        fail(f"--output {given}: directory {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK):
        fail(f"--output {given}: directory {target.parent} is not writable")


def _not_a_file(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "is a symbolic link (give the file it points to)"
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "is a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    return "is a special file"


def emit(text: str, target: Path | None, encoding: str = "utf-8") -> None:
    """Write atomically (a reader never sees half a file), or print; an OS failure is one line and exit 2.

    The text goes to a new temporary file in the target's folder (created exclusively, so no planted link is
    followed) that then replaces the target; the target is checked again just before.
    """
    if target is None:
        click.echo(text, nl=False)
        return
    _check_target(target, str(target))
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        fail(f"--output {target}: cannot write ({exc.strerror or exc})")
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _mode_for(target: Path) -> int:
    """The permissions the written file gets: those of the file it replaces, else the usual ones (umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
