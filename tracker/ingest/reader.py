"""Read a file's bytes safely: regular files only, never more than the size limit.

A FIFO, socket or device (``/dev/zero``) is refused from its ``lstat`` without being opened; the file is then
opened without following a symbolic link and without blocking, and the opened descriptor is checked again,
so nothing swapped in between the check and the open is read. At most limit + 1 bytes are read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from tracker.config import INGEST, IngestSettings
from tracker.errors import TrackerError

LIMIT_SETTING = "IngestSettings.max_file_bytes in tracker/config.py"


class ReadError(TrackerError, ValueError):
    """A file cannot be read; the message is the problem alone (callers prefix the file's name)."""


def read_limited(path: Path, settings: IngestSettings = INGEST) -> bytes:
    """The bytes of the regular file at ``path`` (not followed if it is a symbolic link); ReadError otherwise."""
    limit = settings.max_file_bytes
    try:
        before = os.lstat(path)
    except OSError as exc:
        raise ReadError(_os_problem(exc)) from exc
    if not stat.S_ISREG(before.st_mode):
        raise ReadError(f"not a regular file ({kind_of(before.st_mode)})")
    if before.st_size > limit:
        raise ReadError(_too_large(limit))
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReadError(_os_problem(exc)) from exc
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (before.st_dev, before.st_ino):
            raise ReadError("changed while being read (not the regular file it was a moment before)")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise ReadError(_os_problem(exc)) from exc
    finally:
        os.close(fd)
    if size > limit:
        raise ReadError(_too_large(limit))
    return b"".join(chunks)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISLNK, "a symbolic link"),
    ):
        if test(mode):
            return name
    return "not a file"


def _too_large(limit: int) -> str:
    return f"larger than the limit of {_size(limit)} ({LIMIT_SETTING})"


def _size(n: int) -> str:
    if n >= 1024 * 1024 and n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    return f"{n} bytes"


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "is a symbolic link (not followed)"
    return f"cannot read ({exc.strerror or exc})"
