"""The alias file: a CSV an editor keeps by hand or exports from one database and imports into another.

Columns ``entity,type,alias,relation[,origin]``: ``relation`` is "is" (the alias names the entity) or "is not"
(an editor took it out). ``entity`` is the entity's name as the database shows it; an unknown name creates
the entity, so a newsroom can seed its aliases before ingesting anything.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from tracker.errors import TrackerError
from tracker.kinds import ENTITY_TYPES

COLUMNS = ("entity", "type", "alias", "relation", "origin")
RELATIONS = {"is": True, "is not": False}
MAX_NAME = 300  # the width of entity and alias names in the database
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class AliasFileError(TrackerError, ValueError):
    """The file is not an alias file; the message names the line."""


@dataclass(frozen=True)
class AliasRow:
    entity: str
    type: str | None
    alias: str
    positive: bool


def parse_alias_file(text: str) -> list[AliasRow]:
    """The rows of an alias file, all or none: AliasFileError naming the first bad line."""
    reader = csv.DictReader(io.StringIO(text), strict=True)
    try:
        return _rows(reader)
    except csv.Error as exc:
        raise AliasFileError(f"line {reader.line_num}: not CSV ({exc})") from exc


def _rows(reader: csv.DictReader) -> list[AliasRow]:
    missing = [c for c in ("entity", "alias") if c not in (reader.fieldnames or [])]
    if missing:
        raise AliasFileError(f"line 1: missing column(s) {', '.join(missing)} (expected {','.join(COLUMNS)})")
    rows = []
    for record in reader:
        if None in record or any(v is None for v in record.values()):
            raise AliasFileError(f"line {reader.line_num}: {len(reader.fieldnames or [])} cells expected")
        if any(_CONTROL.search(v) for v in record.values() if isinstance(v, str)):
            raise AliasFileError(f"line {reader.line_num}: a cell holds a control character")
        line = reader.line_num  # the physical line: blank lines are skipped but counted
        entity = (record.get("entity") or "").strip()
        alias = (record.get("alias") or "").strip()
        kind = (record.get("type") or "").strip().lower() or None
        relation = (record.get("relation") or "is").strip().lower()
        if not entity or not alias:
            raise AliasFileError(f"line {line}: entity and alias must both be given")
        if kind is not None and kind not in ENTITY_TYPES:
            raise AliasFileError(f"line {line}: type {kind!r} is not one of {', '.join(ENTITY_TYPES)}")
        if max(len(entity), len(alias)) > MAX_NAME:
            raise AliasFileError(f"line {line}: names are at most {MAX_NAME} characters")
        if relation not in RELATIONS:
            raise AliasFileError(f"line {line}: relation {relation!r} must be 'is' or 'is not'")
        rows.append(AliasRow(entity, kind, alias, RELATIONS[relation]))
    return rows


def write_alias_file(rows: list[tuple[str, str, str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()
