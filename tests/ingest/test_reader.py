"""tracker.ingest.reader: regular files only, never past the size limit, never a symbolic link."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from tracker.config import IngestSettings
from tracker.ingest.reader import ReadError, read_limited

SMALL = IngestSettings(max_file_bytes=100)


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_limited(path, SMALL) == b"x" * 100


def test_a_file_one_byte_over_the_limit_is_refused_naming_the_limit_and_setting(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(ReadError, match=r"larger than the limit of 100 bytes \(IngestSettings\.max_file_bytes"):
        read_limited(path, SMALL)


def test_the_default_limit_is_fifty_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as out:
        out.truncate(50 * 1024 * 1024 + 1)  # sparse: no disk used
    with pytest.raises(ReadError, match=r"larger than the limit of 50 MB"):
        read_limited(path)


def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # Opening a FIFO for reading with no writer would block this test forever.
    with pytest.raises(ReadError, match=r"not a regular file \(a FIFO\)"):
        read_limited(fifo)


def test_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"not a regular file \(a character device\)"):
        read_limited(Path("/dev/zero"))


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(ReadError, match=r"not a regular file \(a socket\)"):
            read_limited(path)
    finally:
        server.close()


def test_a_symbolic_link_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("secret")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    with pytest.raises(ReadError, match=r"not a regular file \(a symbolic link\)"):
        read_limited(link)


def test_a_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"cannot read \(No such file or directory\)"):
        read_limited(tmp_path / "gone.txt")
