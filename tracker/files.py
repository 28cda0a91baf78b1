"""Files tracker writes: the target checked before anything is written, then written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tracker.errors import TrackerError


class OutputError(TrackerError, ValueError):
    """A file to write that is refused or cannot be written; the message names it and says why."""


def output_target(output: str | Path, csv: bool = False) -> Path:
    """The regular file to write, checked (``csv``: the message says it writes two files).

    Refused in one line: an empty name, a missing or read-only folder, and anything that is not a regular
    file or a new name there (a directory, named pipe, device, socket, or a symbolic link, dangling or not,
    since writing would land wherever it points).
    """
    given = str(output)
    if given == "-" and csv:
        raise OutputError("--output: csv writes two files; give a file name (e.g. claims.csv)")
    if not given.strip():
        raise OutputError("--output: empty file name (use - for stdout)")
    target = Path(output)
    check_target(target, given)
    return target


def check_target(target: Path, given: str) -> None:
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputError(f"--output {given}: cannot use it ({exc.strerror or exc})") from None
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(f"--output {given}: {_not_a_file(mode)}, not a regular file")
    if not target.parent.is_dir():
        raise OutputError(f"--output {given}: directory {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK):
        raise OutputError(f"--output {given}: directory {target.parent} is not writable")


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


def write_atomic(text: str, target: Path, encoding: str = "utf-8") -> None:
    """Write atomically (a reader never sees half a file); OutputError (one line) if it cannot be.

    The text goes to a new temporary file in the target's folder (created exclusively, so no planted link is
    followed) that then replaces the target; the target is checked again just before.
    """
    write_chunks_atomic((text,), target, encoding)


def write_chunks_atomic(chunks: Iterable[str], target: Path, encoding: str = "utf-8") -> None:
    """``write_atomic`` for text that comes in pieces (a streamed rendering), never held whole."""
    check_target(target, str(target))
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.writelines(chunks)
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(f"--output {target}: cannot write ({exc.strerror or exc})") from None
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
