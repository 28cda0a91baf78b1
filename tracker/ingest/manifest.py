"""Read a directory's sources.csv: one row of metadata per article file."""

from __future__ import annotations

import csv
import datetime as dt
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import TrackerError
from tracker.ingest.reader import ReadError, kind_of, read_limited
from tracker.store.limits import OUTLET_NAME, too_long
from tracker.urls import UrlError, check_url

MANIFEST_NAME = "sources.csv"
COLUMNS = ("path", "outlet", "url", "published", "title")


class ManifestError(TrackerError, ValueError):
    """sources.csv cannot be trusted: the whole directory is refused so no article gets wrong metadata."""


@dataclass(frozen=True)
class SourceMeta:
    """Metadata a person supplied for one article; None where unknown."""

    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None


def read_manifest(path: Path, within: Path | None = None) -> dict[Path, SourceMeta]:
    """Map each listed file (resolved) to its metadata; raise ManifestError naming the row and problem.

    Every row must name a regular file inside the sources.csv's folder. sources.csv itself may be a symbolic
    link only to a file inside ``within`` (default: its own folder).
    """
    folder = path.parent.resolve()
    target = _inside(path, (within or path.parent).resolve())
    if target is None:
        raise ManifestError(f"{path}: a symbolic link to nothing or to a file outside {within or path.parent}")
    try:
        raw = read_limited(target)
    except ReadError as exc:
        raise ManifestError(f"{path}: {exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{path}: not UTF-8 text") from exc
    reader = csv.DictReader(text.splitlines())
    header = reader.fieldnames or []
    if "path" not in header:
        raise ManifestError(f"{path}: no 'path' column (columns are {', '.join(COLUMNS)})")
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise ManifestError(f"{path}: unknown column {unknown[0]!r} (columns are {', '.join(COLUMNS)})")
    rows: dict[Path, SourceMeta] = {}
    for line_no, row in enumerate(reader, start=2):
        if None in row:
            raise ManifestError(f"{path}:{line_no}: more cells than columns")
        rel = (row.get("path") or "").strip()
        if not rel:
            raise ManifestError(f"{path}:{line_no}: empty path")
        if os.path.isabs(rel) or ".." in Path(rel).parts:
            raise ManifestError(
                f"{path}:{line_no}: names {rel!r}, outside the folder (give a path relative to it, without '..')"
            )
        if not os.path.lexists(path.parent / rel):
            raise ManifestError(f"{path}:{line_no}: names {rel!r}, which does not exist")
        file_path = _inside(path.parent / rel, folder)
        if file_path is None:
            raise ManifestError(
                f"{path}:{line_no}: names {rel!r}, a symbolic link to nothing or to a file outside the folder"
            )
        mode = file_path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise ManifestError(f"{path}:{line_no}: names {rel!r}, which is not a regular file ({kind_of(mode)})")
        meta = SourceMeta(
            outlet=_cell(row, "outlet"),
            url=_parse_url(_cell(row, "url"), path, line_no),
            published=_parse_date(_cell(row, "published"), path, line_no),
            title=_cell(row, "title"),
        )
        problem = meta_problem(meta)
        if problem:
            raise ManifestError(f"{path}:{line_no}: {problem}")
        rows[file_path] = meta
    return rows


def meta_problem(meta: SourceMeta) -> str | None:
    """Why metadata a person supplied cannot be stored as given ("outlet is ... long"), or None.

    The same on every database: a value wider than its column, or with a control character (PostgreSQL
    refuses NUL), is refused here rather than stored on one database and refused by another.
    """
    for name, value, limit in (("outlet", meta.outlet, OUTLET_NAME), ("title", meta.title, None)):
        if value is None:
            continue
        control = next((ch for ch in value if ord(ch) < 32 or ord(ch) == 127), None)
        if control is not None:
            return f"{name} contains a control character (U+{ord(control):04X})"
        if limit is not None and (problem := too_long(value, limit)):
            return f"{name} {problem}"
    return None


def _inside(path: Path, folder: Path) -> Path | None:
    """``path`` resolved, if it exists and resolves to somewhere inside ``folder``; None otherwise (a dangling
    link, a symbolic link loop, or a link leading out)."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return resolved if resolved.is_relative_to(folder) else None


def _cell(row: dict[str, str | None], name: str) -> str | None:
    value = (row.get(name) or "").strip()
    return value or None


def _parse_url(value: str | None, path: Path, line_no: int) -> str | None:
    if value is None:
        return None
    try:
        return check_url(value)
    except UrlError as exc:
        raise ManifestError(f"{path}:{line_no}: {exc}") from exc


def _parse_date(value: str | None, path: Path, line_no: int) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise ManifestError(f"{path}:{line_no}: published {value!r} is not a date (YYYY-MM-DD)") from exc
