"""The ingest job: files -> decoded text -> clean body -> dates -> claims, mentions -> copies -> stored sources
-> entities resolved across the corpus -> claims matched and flagged.

Every file is prepared (read, decoded, cleaned, dated) without the database, then stored in a transaction of
its own, so a bad file never leaves anything half-written and never stops the good files of a batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from tracker.analyse import analyse
from tracker.clean import clean_text
from tracker.clean.html import extract_html
from tracker.clean.language import main_language, paragraphs
from tracker.config import DEFAULTS, DedupeSettings, IngestSettings, Settings
from tracker.dates import dateline_date, html_date
from tracker.dedupe import Fingerprint, find_original, sample, shingles
from tracker.entities import article_entities
from tracker.entities.run import ResolutionReport, resolve_entities
from tracker.errors import TrackerError
from tracker.extract import extract_claims
from tracker.ingest import DecodeError, InputFile, decode_bytes
from tracker.ingest.reader import ReadError
from tracker.match.run import MatchReport, match_claims
from tracker.store import repo, session_scope
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


def prepare(file: InputFile, settings: Settings = DEFAULTS) -> NewSource:
    """Read, decode, clean and date one file; FileError if it is not an article we can read."""
    try:
        raw = file.read_bytes(settings.ingest)
    except ReadError as exc:
        raise FileError(str(exc)) from exc
    try:
        decoded = decode_bytes(raw, html=file.is_html, settings=settings.decode)
    except DecodeError as exc:
        raise FileError(f"{file.given}: {exc}") from exc

    meta = file.meta
    text, title, outlet, url = decoded.text, meta.title, meta.outlet, meta.url
    page_date = extraction = None
    media_type = "text/html" if file.is_html else "text/plain"
    if file.is_html:
        page = extract_html(decoded.text, settings.html)
        text, extraction = page.text, page.rule
        title, outlet, url = title or page.title, outlet or page.outlet, url or page.url
        page_date = html_date(decoded.text, settings.dates)
    # The main text's language, before the English line rules would cut a page in another language to nothing:
    # such a page is stored (text, date, its paragraphs) without claims or entities, which are English-only.
    language = main_language(text, settings.language)
    document = clean_text(text, settings.clean)
    passages = paragraphs(text) if language.foreign else document.passages
    if not passages:
        raise FileError(f"{file.given}: no article text found")

    published, origin = meta.published, "metadata" if meta.published else None
    if published is None and page_date is not None:
        published, origin = page_date, "page markup"
    if published is None:
        published = dateline_date(text, list(document.verdicts), settings.dates)
        origin = "dateline" if published else None

    # One parse of the body, read by the claim and entity stages alike; none for a page in another language.
    parsed = None if language.foreign else analyse(text, document.passages, language=settings.language)
    claims = () if parsed is None else tuple(extract_claims(parsed, published))
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
        passages=passages,
        claims=claims,
        entities=None if parsed is None else article_entities(parsed, claims),
        language=language.code,
        extraction=extraction,
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


def ingest(
    engine: Engine,
    files: list[InputFile],
    progress: Callable[[str], None] | None = None,
    settings: Settings | IngestSettings = DEFAULTS,
    preparation: Preparation | None = None,
) -> IngestReport:
    """Store every readable file; identical content already stored is reported as unchanged.

    ``preparation``: the files' ``Preparation``, started by the caller (before opening the database, say);
    made here when None, and closed here either way.

    Files are prepared in worker processes (``prepared``) and stored one by one, in the order given, by this
    process alone. Each stored file records in its own transaction that the corpus-wide stage is owed; the stage
    runs once at the end and clears that record in its own transaction. A process killed in between leaves the
    record, and the next command finishes the stage (``finish_corpus_stage``).
    """
    if isinstance(settings, IngestSettings):
        settings = replace(DEFAULTS, ingest=settings)
    report = IngestReport()
    with preparation or Preparation(files, settings) as preparing:
        for file, new in preparing:
            report.outcomes.append(_ingest_one(engine, file, new, settings.dedupe))
            if progress:
                progress(file.given)
    stage = finish_corpus_stage(engine, settings)
    if stage is not None:
        report.entities, report.matches = stage
    return report


def corpus_stage_pending(engine: Engine) -> bool:
    with session_scope(engine) as session:
        return repo.is_pending(session, repo.CORPUS_STAGE)


def finish_corpus_stage(engine: Engine, settings: Settings = DEFAULTS) -> tuple[ResolutionReport, MatchReport] | None:
    """Resolve entities across the corpus and match claims, if stored sources are waiting for it; None if not.

    Resolution spans the corpus: new names may join, or split, the entities of earlier sources.
    """
    with session_scope(engine, write=True) as session:
        repo.lock_corpus_stage(session)
        if not repo.clear_pending(session, repo.CORPUS_STAGE):
            return None  # another process did it meanwhile, or nothing was stored
        new_sources = repo.unstaged_sources(session)
        # Resolution takes in the new sources' entities; matching their claims and the claims of the entities
        # resolution changed, against the stored ones (stored keys and verdicts).
        resolution = resolve_entities(session, settings.entities, new_sources)
        # Matching reads again the claims of the entities resolution touched (their members, name or type
        # changed), not every entity's stored digest.
        stage = resolution, match_claims(session, settings.match, new_sources, resolution.touched)
        repo.mark_staged(session, new_sources)
        return stage


def prepared(files: list[InputFile], settings: Settings = DEFAULTS) -> Iterator[tuple[InputFile, Prepared]]:
    """Each file with what ``prepare`` made of it (or the FileError that says why not), in the order given
    (``Preparation``, closed when the iteration ends)."""
    with Preparation(files, settings) as preparation:
        yield from preparation


class Preparation:
    """The files being prepared, from the moment it is made: each with what ``prepare`` made of it (or the
    FileError that says why not), in the order given, when iterated. Made before the database is opened, its
    workers load the parser while the database is migrated.

    With several cores and enough files, worker processes prepare up to ``prepared_ahead`` files each ahead of
    the caller. Workers are forked: a spawned worker re-imports the caller's main module, which fails in any
    script without an ``if __name__ == "__main__"`` guard. A fork is only safe from a process with one thread,
    so a threaded caller (a web server) prepares here. Workers never touch the database, and leave through
    ``os._exit``, so an inherited connection is neither used nor closed by them. If the pool breaks (a worker
    killed), the remaining files are prepared here. ``close`` (or leaving the ``with`` block) stops the workers.
    """

    def __init__(self, files: list[InputFile], settings: Settings = DEFAULTS) -> None:
        self.settings = settings
        self.files = files
        self.queue: deque[tuple[InputFile, Future[Prepared] | None]] = deque()
        self.pool: ProcessPoolExecutor | None = None
        self.broken = False
        workers = settings.ingest.workers or os.cpu_count() or 1
        forkable = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
        if workers < 2 or not forkable or len(files) < max(2, settings.ingest.parallel_min_files):
            return
        self.pool = ProcessPoolExecutor(
            min(workers, len(files)),
            mp_context=multiprocessing.get_context("fork"),
            initializer=_leave_with_parent,
            initargs=(os.getpid(),),
        )
        self.upcoming = iter(files)
        for _ in range(workers * max(1, settings.ingest.prepared_ahead)):
            self._submit()

    def _submit(self) -> None:
        file = next(self.upcoming, None)
        if file is None:
            return
        future = None
        if not self.broken and self.pool is not None:
            try:
                future = self.pool.submit(prepare_or_error, file, self.settings)
            except BrokenProcessPool:
                self.broken = True
        self.queue.append((file, future))

    def __iter__(self) -> Iterator[tuple[InputFile, Prepared]]:
        if self.pool is None:
            for file in self.files:
                yield file, prepare_or_error(file, self.settings)
            return
        while self.queue:
            file, future = self.queue.popleft()
            result: Prepared | None = None
            if future is not None:
                try:
                    result = future.result()
                except BrokenProcessPool:
                    self.broken = True
            self._submit()
            yield file, result if result is not None else prepare_or_error(file, self.settings)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def __enter__(self) -> Preparation:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


Prepared = NewSource | FileError


def _leave_with_parent(parent: int) -> None:
    """A worker exits when the process that started it is gone (killed, say): no orphan waits for work forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="tracker-parent-watch").start()


def prepare_or_error(file: InputFile, settings: Settings = DEFAULTS) -> Prepared:
    try:
        return prepare(file, settings)
    except FileError as exc:
        return exc


def _ingest_one(engine: Engine, file: InputFile, new: Prepared, dedupe: DedupeSettings) -> Outcome:
    if isinstance(new, FileError):
        return Outcome(file.given, "failed", message=str(new))
    for attempt in range(1, STORE_ATTEMPTS + 1):
        try:
            return _store(engine, file, new, dedupe)
        except (IntegrityError, OperationalError) as exc:
            # Another process stored the same content, or held the database past the busy timeout: the
            # transaction rolled back whole, so trying again is safe, and finds the other's row.
            if attempt == STORE_ATTEMPTS or not _retryable(exc):
                raise
    raise AssertionError("unreachable")


STORE_ATTEMPTS = 3


def _earlier(session, samples: frozenset[int], dedupe: DedupeSettings) -> list[Fingerprint]:
    """The stored originals this body may copy, oldest first: those the fingerprint index files under the most
    of its samples, read in the write transaction (so a copy another process stored meanwhile is seen)."""
    candidates = repo.copy_candidates(session, samples, dedupe.max_candidates)
    return [Fingerprint(source_id, shingles(body, dedupe)) for source_id, body in repo.bodies(session, candidates)]


def _retryable(exc: IntegrityError | OperationalError) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    reason = str(exc.orig).lower()
    return any(word in reason for word in ("locked", "busy", "deadlock", "could not serialize"))


def _store(engine: Engine, file: InputFile, new: NewSource, dedupe: DedupeSettings) -> Outcome:
    with session_scope(engine, write=True) as session:
        existing = repo.source_with_hash(session, new.content_sha256)
        if existing is not None:
            return Outcome(file.given, "unchanged", source_id=existing, message=f"already stored as source {existing}")
        body_shingles = shingles("\n\n".join(p.of(new.text) for p in new.passages), dedupe)
        samples = sample(body_shingles, dedupe)
        copy = find_original(body_shingles, _earlier(session, samples, dedupe), dedupe)
        if copy is not None:
            # A syndicated copy adds no claims of its own: its original's stand for it.
            new = replace(
                new, duplicate_of=copy.original_id, duplicate_score=copy.containment, claims=(), entities=None
            )
        source_id = repo.add_source(session, new)
        if copy is None:
            repo.add_fingerprint(session, source_id, samples)
        repo.mark_pending(session, repo.CORPUS_STAGE)
    return Outcome(
        file.given,
        "stored",
        source_id=source_id,
        duplicate_of=new.duplicate_of,
        published=new.published,
        claims=len(new.claims),
    )
