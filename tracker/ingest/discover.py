"""Find the article files named on the command line, with the metadata their sources.csv gives."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from tracker.config import INGEST, IngestSettings
from tracker.errors import TrackerError
from tracker.ingest.manifest import MANIFEST_NAME, SourceMeta, read_manifest
from tracker.ingest.reader import ReadError, read_limited

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
# Conventional documentation files that sit beside articles in a folder; never articles themselves.
DOC_STEMS = ("readme", "notes", "license", "licence", "changelog", "contributing")


class IngestError(TrackerError, ValueError):
    """A path given on the command line cannot be ingested at all."""


@dataclass(frozen=True)
class InputFile:
    """One article file to ingest; ``given`` is the path as the user named it (kept for export).

    ``problem`` is set when discovery already knows the file must not be read (a symbolic link leading out of
    the folder given, say): reading it fails with that message.
    """

    path: Path
    given: str
    meta: SourceMeta = field(default_factory=SourceMeta)
    problem: str | None = None

    @property
    def is_html(self) -> bool:
        return self.path.suffix.lower() in {".html", ".htm"}

    def read_bytes(self, settings: IngestSettings = INGEST) -> bytes:
        """The file's bytes: a regular file only, within the size limit; ReadError naming the file otherwise."""
        if self.problem is not None:
            raise ReadError(f"{self.given}: {self.problem}")
        try:
            return read_limited(self.path, settings)
        except ReadError as exc:
            raise ReadError(f"{self.given}: {exc}") from exc


def discover(paths: list[str]) -> list[InputFile]:
    """Expand files and directories (recursively) into article files, in a stable order.

    Raises IngestError for a missing path or an explicitly named file of an unsupported type, and
    ManifestError for a malformed sources.csv, before anything is read or stored.

    A file named on the command line may be a symbolic link: it is read if it leads to a regular file. Inside a
    folder, a symbolic link is followed only when it leads to a file inside that folder; a link leading out,
    to nothing or round in a loop is kept as a file that fails with that message, so it is listed among the
    failures (never read). Links to folders are not walked (a folder inside is walked anyway).
    """
    found: dict[Path, InputFile] = {}
    for given in paths:
        path = Path(given)
        if not path.exists():
            if os.path.lexists(path):
                raise IngestError(f"{given}: no such file or directory (a symbolic link to nothing, or a loop)")
            raise IngestError(f"{given}: no such file or directory")
        if path.is_dir():
            for item in _walk_directory(path):
                found.setdefault(item.path, item)
        else:
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                raise IngestError(f"{given}: unsupported file type (use .txt, .md, .html or .htm)")
            resolved = path.resolve()
            found.setdefault(resolved, InputFile(resolved, given))
    return list(found.values())


def _walk_directory(root: Path) -> list[InputFile]:
    items: list[InputFile] = []
    inside = root.resolve()
    # Rows of every sources.csv read so far: a folder's sources.csv may name files in its subfolders
    # ("sub/a.txt"), and a folder is always walked before its subfolders. The nearest sources.csv wins.
    listed: dict[Path, SourceMeta] = {}
    directories, unreadable = _directories(root)
    items.extend(InputFile(d, str(d), problem=problem) for d, problem in unreadable)
    for directory in directories:
        manifest_path = directory / MANIFEST_NAME
        if os.path.lexists(manifest_path):
            listed.update(read_manifest(manifest_path, within=root))
        for file in _entries(directory):
            if file.name.startswith("."):
                continue
            if not file.is_symlink():
                # Folders are walked on their own; a FIFO, socket or device is kept so that it is refused unread.
                if not file.is_dir() and _is_article(file):
                    resolved = file.resolve()
                    items.append(InputFile(resolved, str(file), listed.get(resolved, SourceMeta())))
                continue
            target = _resolved(file)
            if target is not None and target.is_dir():
                if not target.is_relative_to(inside):
                    items.append(
                        InputFile(file, str(file), problem=f"not read: a symbolic link to a folder outside {root}")
                    )
            elif _is_article(file):
                if target is None:
                    items.append(
                        InputFile(
                            file, str(file), problem="cannot read: a symbolic link to nothing (dangling, or a loop)"
                        )
                    )
                elif not target.is_relative_to(inside):
                    items.append(
                        InputFile(file, str(file), problem=f"not read: a symbolic link to a file outside {root}")
                    )
                else:
                    items.append(InputFile(target, str(file), listed.get(target, SourceMeta())))
    return items


def _directories(root: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The folder and its subfolders (not hidden ones, never through a symbolic link), sorted, and the ones that
    cannot be listed with why."""
    found = [root]
    unreadable: list[tuple[Path, str]] = []
    pending = [root]
    while pending:
        directory = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            unreadable.append((directory, f"cannot read folder ({exc.strerror or exc})"))
            continue
        for entry in entries:
            if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False):
                found.append(directory / entry.name)
                pending.append(directory / entry.name)
    unlisted = {d for d, _ in unreadable}
    return sorted(d for d in found if d not in unlisted), unreadable


def _entries(directory: Path) -> list[Path]:
    return sorted(directory / entry.name for entry in os.scandir(directory))


def _resolved(link: Path) -> Path | None:
    try:
        return link.resolve(strict=True)
    except (OSError, RuntimeError):
        return None


def _is_article(file: Path) -> bool:
    if file.name.startswith(".") or file.suffix.lower() not in ARTICLE_SUFFIXES:
        return False
    return not file.stem.lower().startswith(DOC_STEMS)
