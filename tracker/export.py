"""The JSON export every downstream tool reads (shared/eval/export-contract.md).

Fields of the contract are never renamed or removed; stages that do not exist yet give empty lists.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from tracker.entities import run as entity_run
from tracker.reliability import OutletRecord
from tracker.store import entity_repo, flag_repo, repo
from tracker.urls import safe_url

SCHEMA_VERSION = 1


def build_export(session: Session, outlets: list[OutletRecord]) -> dict[str, Any]:
    """The export of everything stored, read in the caller's transaction; ``outlets`` are the reliability
    records (``reliability.records``)."""
    sources = repo.list_sources(session)
    claims = repo.list_claims(session)
    entities = entity_run.list_entities(session)
    about = entity_repo.claim_entities(session)
    quantities = repo.claim_quantities(session)
    times = repo.claim_times(session)
    events = repo.claim_events(session)
    presence = repo.claim_presence(session)
    flags = flag_repo.list_flags(session)
    return {
        "schema_version": SCHEMA_VERSION,
        "sources": [
            {
                "id": str(s.id),
                "path": s.path,
                "outlet": s.outlet,
                "url": safe_url(s.url),  # an address stored before URLs were checked is left out
                "title": s.title,
                "published": s.published.isoformat() if s.published else None,
                "published_origin": s.published_origin,
                "content_sha256": s.content_sha256,
                "duplicate_of": str(s.duplicate_of) if s.duplicate_of is not None else None,
                "media_type": s.media_type,
                "language": s.language,
                "extraction": s.extraction,
            }
            for s in sources
        ],
        "entities": [
            {
                "id": str(e.id),
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "mentions": e.mentions,
                "sources": e.sources,
            }
            for e in entities
        ],
        "claims": [
            {
                "id": str(c.id),
                "source_id": str(c.source_id),
                "text": c.text,
                "quote": c.quote,
                "start": c.start,
                "end": c.end,
                "kind": c.kind,
                "entity_ids": [str(i) for i in about.get(c.id, ([], None))[0]],
                "attributed_to": _str_or_none(about.get(c.id, ([], None))[1]),
                "attributed_to_name": c.attributed_to,
                "time": (
                    {
                        "text": c.time_text,
                        "first": c.time_first.isoformat() if c.time_first else None,
                        "last": c.time_last.isoformat() if c.time_last else None,
                    }
                    if c.time_text
                    else None
                ),
                "cluster_id": _str_or_none(c.cluster_id),
                "rule": c.rule,
                "subject": c.subject,
                "quantities": quantities.get(c.id, []),
                "times": times.get(c.id, []),
                "role": (
                    {
                        "holder": c.role.holder,
                        "title": c.role.title,
                        "organisation": c.role.organisation,
                        "title_quote": c.role.title_quote,
                        "rule": c.role.rule,
                        "temporary": c.role.temporary,
                        "change": c.role.change,
                        "change_words": c.role.change_words,
                        "former": c.role.former,
                    }
                    if c.role
                    else None
                ),
                "event": events.get(c.id),
                "presence": presence.get(c.id, []),
            }
            for c in claims
        ],
        "flags": [
            {
                "id": str(f.id),
                "kind": f.kind,
                "claim_ids": [str(i) for i in f.claim_ids],
                "entity_ids": [str(i) for i in f.entity_ids],
                "status": f.status,
                "explanation": f.explanation,
                "rule": f.rule,
                "frames": json.loads(f.frames) if f.frames else [],
            }
            for f in flags
        ],
        "outlets": [
            {
                "name": o.name,
                "reliability": round(o.reliability, 4),
                "interval_90": [round(o.low, 4), round(o.high, 4)],
                "claims": o.claims,
                "corroborated": o.corroborated,
                "conflicted": o.conflicted,
                "disputed": o.disputed,
                "superseded": o.superseded,
            }
            for o in outlets
        ],
    }


def _str_or_none(value: int | None) -> str | None:
    return None if value is None else str(value)


CLAIM_COLUMNS = (
    "claim_id", "outlet", "published", "source_path", "kind", "text", "quote", "start", "end", "attributed_to",
    "cluster_id", "flags",
)  # fmt: skip
FLAG_COLUMNS = ("flag_id", "kind", "status", "claim_ids", "entity_ids", "explanation")
# A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection"); it gets a leading '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: object) -> str:
    """The cell as text a spreadsheet shows and never evaluates."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_tables(data: dict[str, Any]) -> tuple[str, str]:
    """The export as two spreadsheet tables: claims (one row each, with their flags) and flags."""
    import csv
    import io

    sources = {s["id"]: s for s in data["sources"]}
    names = {e["id"]: e["name"] for e in data["entities"]}
    flags_of: dict[str, list[str]] = {}
    for f in data["flags"]:
        for claim_id in f["claim_ids"]:
            flags_of.setdefault(claim_id, []).append(f"{f['kind']}:{f['status']}#{f['id']}")
    claims, flags = io.StringIO(), io.StringIO()
    writer = csv.writer(claims, lineterminator="\n")
    writer.writerow(CLAIM_COLUMNS)
    for c in data["claims"]:
        s = sources[c["source_id"]]
        _write_row(
            writer,
            [c["id"], s["outlet"] or "", s["published"] or "", s["path"], c["kind"], c["text"], c["quote"], c["start"],
             c["end"], names.get(c["attributed_to"], c.get("attributed_to_name") or ""), c["cluster_id"] or "",
             " ".join(flags_of.get(c["id"], []))],
        )  # fmt: skip
    writer = csv.writer(flags, lineterminator="\n")
    writer.writerow(FLAG_COLUMNS)
    for f in data["flags"]:
        _write_row(
            writer,
            [f["id"], f["kind"], f["status"], " ".join(f["claim_ids"]), " ".join(f["entity_ids"]), f["explanation"]],
        )
    return claims.getvalue(), flags.getvalue()


def _write_row(writer, cells: list[object]) -> None:
    writer.writerow([inert_cell(cell) for cell in cells])
