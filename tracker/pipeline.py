"""The ingest job: files -> decoded text -> clean body -> dates -> claims, mentions -> copies -> stored sources
-> entities resolved across the corpus -> claims matched and flagged.

Every file is prepared (read, decoded, cleaned, dated) without the database, then stored in a transaction of
its own, so a bad file never leaves anything half-written and never stops the good files of a batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sqlalchemy import Engine

from tracker.clean import clean_text
from tracker.clean.html import extract_html
from tracker.dates import dateline_date, html_date
from tracker.dedupe import Fingerprint, find_original, shingles
from tracker.entities import analyse
from tracker.errors import TrackerError
from tracker.extract import extract_claims
from tracker.ingest import DecodeError, InputFile, decode_bytes
from tracker.ingest.reader import ReadError
from tracker.store import repo, session_scope
from tracker.store.entity_repo import ResolutionReport, resolve_entities
from tracker.store.match_repo import MatchReport, match_claims
from tracker.store.repo import NewSource


class FileError(TrackerError, ValueError):
    """One file cannot be ingested; the message names the file and the problem."""


@dataclass(frozen=True)
class Outcome:
    path: str
    status: str  # "stored", "unchanged" or "failed"
    source_id: int | None = None
    duplicate_of: int | None = None
    published: dt.date | None = None
    claims: int = 0
    message: str = ""


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)
    entities: ResolutionReport | None = None
    matches: MatchReport | None = None

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def duplicates(self) -> int:
        return sum(1 for o in self.outcomes if o.duplicate_of is not None)

    @property
    def dated(self) -> int:
        return sum(1 for o in self.outcomes if o.status == "stored" and o.published is not None)

    @property
    def claims(self) -> int:
        return sum(o.claims for o in self.outcomes)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def prepare(file: InputFile) -> NewSource:
    """Read, decode, clean and date one file; FileError if it is not an article we can read."""
    try:
        raw = file.read_bytes()
    except ReadError as exc:
        raise FileError(str(exc)) from exc
    try:
        decoded = decode_bytes(raw)
    except DecodeError as exc:
        raise FileError(f"{file.given}: {exc}") from exc

    meta = file.meta
    text, title, outlet, url = decoded.text, meta.title, meta.outlet, meta.url
    page_date = None
    media_type = "text/html" if file.is_html else "text/plain"
    if file.is_html:
        page = extract_html(decoded.text)
        text = page.text
        title, outlet, url = title or page.title, outlet or page.outlet, url or page.url
        page_date = html_date(decoded.text)
    document = clean_text(text)
    if not document.passages:
        raise FileError(f"{file.given}: no article text found")

    published, origin = meta.published, "metadata" if meta.published else None
    if published is None and page_date is not None:
        published, origin = page_date, "page markup"
    if published is None:
        published = dateline_date(text, list(document.verdicts))
        origin = "dateline" if published else None

    claims = tuple(extract_claims(text, document.passages, published))
    return NewSource(
        path=file.given,
        outlet=outlet,
        url=url,
        title=title or _guess_title(document),
        published=published,
        published_origin=origin,
        content_sha256=hashlib.sha256(raw).hexdigest(),
        media_type=media_type,
        encoding=decoded.encoding,
        text=text,
        passages=document.passages,
        claims=claims,
        entities=analyse(text, document.passages, claims),
    )


def _guess_title(document) -> str | None:
    """The longest plain heading above the body: no separators, labels or dates, not all capitals."""
    best = None
    for verdict in document.verdicts:
        if verdict.body:
            break
        if verdict.reason != "before body":
            continue  # dropped for a reason of its own: furniture, a menu, another language
        line = verdict.span.of(document.text)
        if any(mark in line for mark in "|:·") or line.isupper() or any(ch.isdigit() for ch in line):
            continue
        if len(line.split()) >= 3 and (best is None or len(line) > len(best)):
            best = line
    return best


def ingest(engine: Engine, files: list[InputFile], progress: Callable[[str], None] | None = None) -> IngestReport:
    """Store every readable file; identical content already stored is reported as unchanged."""
    report = IngestReport()
    with session_scope(engine) as session:
        fingerprints = [Fingerprint(i, shingles(body)) for i, body in repo.original_bodies(session)]
    for file in files:
        report.outcomes.append(_ingest_one(engine, file, fingerprints))
        if progress:
            progress(file.given)
    if report.count("stored"):
        # Resolution spans the corpus: new names may join, or split, the entities of earlier sources.
        with session_scope(engine) as session:
            report.entities = resolve_entities(session)
            report.matches = match_claims(session)
    return report


def _ingest_one(engine: Engine, file: InputFile, fingerprints: list[Fingerprint]) -> Outcome:
    try:
        new = prepare(file)
    except FileError as exc:
        return Outcome(file.given, "failed", message=str(exc))
    with session_scope(engine) as session:
        existing = repo.source_with_hash(session, new.content_sha256)
        if existing is not None:
            return Outcome(file.given, "unchanged", source_id=existing, message=f"already stored as source {existing}")
        body_shingles = shingles("\n\n".join(p.of(new.text) for p in new.passages))
        copy = find_original(body_shingles, fingerprints)
        if copy is not None:
            # A syndicated copy adds no claims of its own: its original's stand for it.
            new = replace(
                new, duplicate_of=copy.original_id, duplicate_score=copy.containment, claims=(), entities=None
            )
        source_id = repo.add_source(session, new)
    if copy is None:
        fingerprints.append(Fingerprint(source_id, body_shingles))
    return Outcome(
        file.given,
        "stored",
        source_id=source_id,
        duplicate_of=new.duplicate_of,
        published=new.published,
        claims=len(new.claims),
    )
