"""Read a directory's sources.csv: one row of metadata per article file."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import TrackerError
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


def read_manifest(path: Path) -> dict[Path, SourceMeta]:
    """Map each listed file (resolved) to its metadata; raise ManifestError naming the row and problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read ({exc.strerror})") from exc
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
        file_path = (path.parent / rel).resolve()
        if not file_path.is_file():
            raise ManifestError(f"{path}:{line_no}: names {rel!r}, which does not exist")
        rows[file_path] = SourceMeta(
            outlet=_cell(row, "outlet"),
            url=_parse_url(_cell(row, "url"), path, line_no),
            published=_parse_date(_cell(row, "published"), path, line_no),
            title=_cell(row, "title"),
        )
    return rows


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
