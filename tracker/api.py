"""The library facade: one object that opens the database and runs every stage, as the CLI and a web app use it.

    from tracker import Tracker
    with Tracker("sqlite:///news.db") as t:
        report = t.ingest(["corpus/"])
        for claim in t.claims(kind="role"):
            ...

The facade owns the transactions and the rules that span stages (after an editor's entity correction, the
claims are matched again in the same transaction). Every failure it reports is a ``TrackerError`` whose text
is one line; the database's and the operating system's errors are turned into one too.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from tracker.config import DEFAULTS, Settings
from tracker.errors import TrackerError
from tracker.reliability import OutletRecord

if TYPE_CHECKING:  # named in annotations; imported where used, so that opening a Tracker stays light
    from tracker.entities.run import EntityDetail, ResolutionReport, StoredEntity
    from tracker.pipeline import IngestReport
    from tracker.report import ReportSummary
    from tracker.store.evidence_repo import Evidence
    from tracker.store.flag_repo import Review, StoredFlag
    from tracker.store.repo import StoredClaim, StoredSource
    from tracker.users import User
    from tracker.verdicts import Verdict, VerdictEvent

P = ParamSpec("P")
T = TypeVar("T")

REVIEW_ACTIONS = ("confirm", "dismiss", "reopen")
EXPORT_FORMATS = ("json", "claimreview", "csv")

log = logging.getLogger("tracker")
_END = object()  # the end of a streamed listing


class DatabaseError(TrackerError):
    """The database refused or failed an operation; the message is its own one-line reason."""


def _one_error(method: Callable[P, T]) -> Callable[P, T]:
    """The database's and the operating system's errors leave the facade as one-line TrackerErrors."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except TrackerError:
            raise
        except SQLAlchemyError as exc:
            from tracker.store.db import db_reason, redact

            url = args[0].url if args and isinstance(args[0], Tracker) else "?"
            raise DatabaseError(f"--db {redact(url)}: {db_reason(exc)}") from exc
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise TrackerError(f"{where}{exc.strerror or exc}") from exc

    return wrapper


@dataclass(frozen=True)
class Status:
    """What the database holds: how many sources, and open or reviewed flags by kind."""

    sources: int
    flags: dict[str, int]


@dataclass(frozen=True)
class FlagDetail:
    flag: StoredFlag
    claims: dict[int, StoredClaim]  # of the claims the flag joins


@dataclass(frozen=True)
class OutletDetail:
    record: OutletRecord
    claims: dict[int, StoredClaim]  # of the claims that drove its score
    conflicted: dict[int, bool]  # claim id -> in a confirmed conflict (else corroborated)


@dataclass(frozen=True)
class ExportResult:
    """What ``export`` wrote: the files (none when the text was returned), the text itself when no target
    was given, and the counts its summary line names."""

    fmt: str
    paths: tuple[Path, ...] = ()
    text: str | None = None
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class AliasExport:
    text: str
    path: Path | None
    aliases: int


class Tracker:
    """A tracker database and the settings its stages run with. Opened on first use; close() (or ``with``)
    releases it.

    ``notify`` receives the one-line notices the facade gives without failing (an interrupted run being
    finished); by default they go to the ``tracker`` logger.
    """

    def __init__(
        self, url: str | None = None, settings: Settings | None = None, notify: Callable[[str], None] | None = None
    ) -> None:
        from tracker.store import database_url

        self.url = database_url(url)
        self.settings = settings or DEFAULTS
        self._notify = notify or log.warning
        self._engine: Engine | None = None

    # -- lifetime ------------------------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        """The database, opened and migrated on first use; a run that stopped before its corpus-wide stage
        is finished first."""
        if self._engine is None:
            from tracker.store import open_store

            self._engine = open_store(self.url)
            self._finish_interrupted_work()
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _session(self, write: bool = False) -> Iterator[Session]:
        from tracker.store import session_scope

        with session_scope(self.engine, write=write) as session:
            yield session

    def _finish_interrupted_work(self) -> None:
        from tracker import pipeline
        from tracker.store.db import db_reason

        assert self._engine is not None
        if not pipeline.corpus_stage_pending(self._engine):
            return
        self._notify("an earlier run stopped before resolving entities and matching claims; finishing it")
        try:
            pipeline.finish_corpus_stage(self._engine, self.settings)
        except SQLAlchemyError as exc:
            self._notify(
                f"warning: could not finish it ({db_reason(exc)}); entities and flags may be out of date "
                "until 'tracker entities resolve' runs on a writable database"
            )

    @_one_error
    def revision(self) -> str | None:
        """The database's schema revision (migrated to the newest on opening)."""
        from tracker.store.db import current_and_head

        current, _head = current_and_head(self.engine)
        return current

    # -- ingest ------------------------------------------------------------------------------------------------

    @_one_error
    def ingest(self, paths: Sequence[str | Path], progress: Callable[[int, int], None] | None = None) -> IngestReport:
        """Ingest article files and folders (recursively, reading each folder's sources.csv); returns the
        IngestReport. ``progress(done, total)`` is called after each file."""
        from tracker import pipeline
        from tracker.ingest import discover

        given = [str(p) for p in paths]
        files = discover(given)
        if not files:
            raise TrackerError(f"{', '.join(given)}: no article files (.txt, .md, .html, .htm) found")
        done = 0

        def step(_name: str) -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, len(files))

        # The workers start (and load the parser) while the database is opened and brought up to date.
        with pipeline.Preparation(files, self.settings) as preparation:
            engine = self.engine
            return pipeline.ingest(engine, files, progress=step, settings=self.settings, preparation=preparation)

    @_one_error
    def add_source(
        self,
        file: str | Path,
        outlet: str | None = None,
        url: str | None = None,
        published: dt.date | str | None = None,
        title: str | None = None,
    ) -> IngestReport:
        """Add one article file with its metadata given by hand; returns the IngestReport."""
        from tracker import pipeline
        from tracker.ingest import InputFile, SourceMeta, discover
        from tracker.ingest.manifest import meta_problem
        from tracker.urls import check_url

        date = None
        if isinstance(published, dt.date):
            date = published
        elif published:
            try:
                date = dt.date.fromisoformat(published)
            except ValueError:
                raise TrackerError(f"--published {published!r} is not a date (YYYY-MM-DD)") from None
        if url is not None:
            url = check_url(url, "--url")
        meta = SourceMeta(outlet=outlet, url=url, published=date, title=title)
        problem = meta_problem(meta)
        if problem:
            raise TrackerError(f"--{problem}")
        if Path(file).is_dir():
            raise TrackerError(
                f"{file}: is a folder; add-source takes one article file (use 'tracker ingest' for folders)"
            )
        [found] = discover([str(file)])
        return pipeline.ingest(self.engine, [InputFile(found.path, str(file), meta)], settings=self.settings)

    # -- reading -----------------------------------------------------------------------------------------------

    @_one_error
    def status(self) -> Status:
        from tracker.store import flag_repo, repo

        with self._session() as session:
            return Status(repo.count_sources(session), flag_repo.flag_counts(session))

    @_one_error
    def sources(self) -> list[StoredSource]:
        from tracker.store import repo

        with self._session() as session:
            return repo.list_sources(session)

    @_one_error
    def source_languages(self, ids: Sequence[int]) -> dict[int, str | None]:
        from tracker.store import repo

        with self._session() as session:
            return repo.source_languages(session, list(ids))

    @_one_error
    def claims(
        self,
        outlet: str | None = None,
        kind: str | None = None,
        entity: int | None = None,
        limit: int | None = None,
        source: int | None = None,
    ) -> Iterator[StoredClaim]:
        """The stored claims (``store.repo.StoredClaim``), in source and reading order, filtered by outlet name
        (case-insensitive), kind, entity (about it or attributed to it), source; at most ``limit``."""
        from tracker.store import repo

        if limit is not None and limit < 0:
            raise TrackerError(f"limit {limit}: not a number of claims")
        with self._session() as session:
            if source is not None and not repo.has_source(session, source):
                raise TrackerError(f"--source {source}: no such source (tracker sources lists them)")
            if entity is not None:
                self._live_entity(session, entity)
        return self._streamed(
            lambda session: repo.iter_claims(
                session, source_id=source, kind=kind, outlet=outlet, entity_id=entity, limit=limit
            )
        )

    @_one_error
    def flags(
        self,
        kind: str | None = None,
        status: str | None = None,
        outlet: str | None = None,
        assigned_to: str | None = None,
    ) -> Iterator[StoredFlag]:
        """The flags (``store.flag_repo.StoredFlag``), by id, filtered by kind, review status, outlet and the
        editor they are assigned to."""
        from tracker.store import flag_repo

        return self._streamed(
            lambda session: flag_repo.iter_flags(
                session, kind=kind, status=status, outlet=outlet, assigned_to=assigned_to
            )
        )

    def _streamed(self, rows: Callable[[Session], Iterator[T]]) -> Iterator[T]:
        """Rows read in chunks, in one read transaction held while the caller iterates; the database's errors
        leave as one-line TrackerErrors here too."""
        with self._session() as session:
            chunks = rows(session)
            while (row := self._next(chunks)) is not _END:
                yield row  # type: ignore[misc]

    @_one_error
    def _next(self, chunks: Iterator[T]) -> T | object:
        return next(chunks, _END)

    @_one_error
    def flag(self, flag_id: int) -> FlagDetail:
        """One flag with the claims it joins; TrackerError if there is no such flag."""
        from tracker.store import flag_repo, repo

        with self._session() as session:
            found = flag_repo.list_flags(session, ids=[flag_id])
            if not found:
                raise TrackerError(f"no flag {flag_id}")
            claims = {c.id: c for c in repo.list_claims(session, ids=tuple(found[0].claim_ids))}
        return FlagDetail(found[0], claims)

    @_one_error
    def history(self, flag_id: int) -> list[Review]:
        """The audit trail of one flag (``store.flag_repo.Review``), oldest first."""
        from tracker.store import flag_repo

        with self._session() as session:
            return flag_repo.history(session, flag_id)

    @_one_error
    def entities(self, kind: str | None = None, min_sources: int = 1) -> list[StoredEntity]:
        from tracker.entities import run

        with self._session() as session:
            return [e for e in run.list_entities(session, kind) if e.sources >= min_sources]

    @_one_error
    def article_entity_count(self) -> int:
        """How many article entities (an entity as one source names it) are stored: a count of the whole
        table, asked for when shown, not by every resolution."""
        from tracker.store import entity_repo

        with self._session() as session:
            return entity_repo.count_source_entities(session)

    @_one_error
    def entity(self, entity_id: int) -> EntityDetail:
        """One entity's detail (``entities.run.EntityDetail``); TrackerError if there is none."""
        from tracker.entities import run

        with self._session() as session:
            return run.entity_detail(session, entity_id)

    @_one_error
    def outlets(self) -> list[OutletRecord]:
        with self._session() as session:
            return self._outlet_records(session)

    @_one_error
    def outlet(self, name: str) -> OutletDetail:
        """One outlet's record (name case-insensitive) and the claims that drove its score."""
        from tracker.reliability import records
        from tracker.store import outlet_repo, repo

        with self._session() as session:
            fates, names = outlet_repo.claim_fates(session)
            found = [r for r in records(fates, names, self.settings.reliability) if r.name.lower() == name.lower()]
            if not found:
                raise TrackerError(f"no outlet {name!r} (tracker outlets lists them)")
            record = found[0]
            claims = {c.id: c for c in repo.list_claims(session, ids=record.drivers)}
        conflicted = {f.claim_id: f.conflicted for f in fates if f.claim_id in claims}
        return OutletDetail(record, claims, conflicted)

    def _outlet_records(self, session: Session) -> list[OutletRecord]:
        from tracker.reliability import records
        from tracker.store import outlet_repo

        fates, names = outlet_repo.claim_fates(session)
        return records(fates, names, self.settings.reliability)

    @staticmethod
    def _live_entity(session: Session, entity_id: int) -> None:
        from tracker.store import entity_repo

        entity_repo.live_entity(session, entity_id)

    # -- review ------------------------------------------------------------------------------------------------

    @_one_error
    def review(
        self, flag_id: int, action: str, by: str, note: str | None = None, expected_version: int | None = None
    ) -> Review:
        """Confirm, dismiss or reopen a flag, recorded in its audit trail; with ``expected_version`` only if the
        flag is still at that version (else ``StaleReview``). Returns the review (``store.flag_repo.Review``)."""
        from tracker import verdicts
        from tracker.store import flag_repo

        if action not in REVIEW_ACTIONS:
            raise TrackerError(f"{action!r} is not a review action ({', '.join(REVIEW_ACTIONS)})")
        with self._session(write=True) as session:
            if by and by.strip():
                verdicts.editor(session, by)
            return flag_repo.review(session, flag_id, action, by, note, expected_version)

    @_one_error
    def review_many(self, flag_ids: Sequence[int], action: str, by: str, note: str | None = None) -> list[Review]:
        """The same review of several flags (a bulk dismiss, say), all or none: one refused leaves all as they
        were."""
        from tracker import verdicts
        from tracker.store import flag_repo

        if action not in REVIEW_ACTIONS:
            raise TrackerError(f"{action!r} is not a review action ({', '.join(REVIEW_ACTIONS)})")
        if not flag_ids:
            raise TrackerError("no flag to review")
        with self._session(write=True) as session:
            verdicts.editor(session, by)
            return [flag_repo.review(session, i, action, by, note) for i in dict.fromkeys(flag_ids)]

    @_one_error
    def assign(self, flag_ids: Sequence[int], to: str | None, by: str) -> int:
        """Assign flags to an editor (``to``; None: to nobody). Returns how many."""
        from tracker import verdicts

        with self._session(write=True) as session:
            return verdicts.assign(session, flag_ids, to, by)

    # -- verdicts ----------------------------------------------------------------------------------------------

    @_one_error
    def propose_verdict(
        self,
        claim_id: int,
        rating: str,
        by: str,
        note: str | None = None,
        evidence_url: str | None = None,
        flag_id: int | None = None,
    ) -> Verdict:
        """Propose a ruling on a claim (``verdicts.RATINGS``); it is published when another editor approves."""
        from tracker import verdicts

        with self._session(write=True) as session:
            return verdicts.propose(session, claim_id, rating, by, note, evidence_url, flag_id)

    @_one_error
    def approve_verdict(self, verdict_id: int, by: str, expected_version: int | None = None) -> Verdict:
        """Publish a proposed ruling: ``by`` must be another editor than its proposer. Conflicts it settles are
        resolved in the same transaction."""
        from tracker import verdicts

        with self._session(write=True) as session:
            return verdicts.approve(session, verdict_id, by, expected_version)

    @_one_error
    def reject_verdict(
        self, verdict_id: int, by: str, note: str | None = None, expected_version: int | None = None
    ) -> Verdict:
        from tracker import verdicts

        with self._session(write=True) as session:
            return verdicts.reject(session, verdict_id, by, note, expected_version)

    @_one_error
    def withdraw_verdict(self, verdict_id: int, by: str, expected_version: int | None = None) -> Verdict:
        from tracker import verdicts

        with self._session(write=True) as session:
            return verdicts.withdraw(session, verdict_id, by, expected_version)

    @_one_error
    def verdicts(
        self, claim_ids: Sequence[int] | None = None, status: str | None = None, ids: Sequence[int] | None = None
    ) -> list[Verdict]:
        """Rulings by id, filtered by claim, status (proposed, published, rejected, withdrawn, superseded), id."""
        from tracker.store import verdict_repo

        with self._session() as session:
            return verdict_repo.verdicts(session, claim_ids=claim_ids, status=status, ids=ids)

    @_one_error
    def verdict_history(self, verdict_id: int) -> list[VerdictEvent]:
        """A ruling's trail, oldest first."""
        from tracker.store import verdict_repo

        with self._session() as session:
            if verdict_repo.get(session, verdict_id) is None:
                raise TrackerError(f"no verdict {verdict_id}")
            return verdict_repo.steps(session, verdict_id)

    # -- entity corrections ------------------------------------------------------------------------------------

    def _correct(self, change: Callable[[Session], T], everything: bool = False) -> T:
        """Apply an editor's change and match the claims again, in one transaction: their entities changed, so
        may their links. Only the claims of the entities the change touched (and of sources an interrupted
        ingest left unmatched) are matched again; ``everything`` (a full resolution) matches the whole corpus.
        A refused change raises and leaves everything as it was."""
        from tracker.entities.run import ResolutionReport
        from tracker.match.run import match_claims
        from tracker.store import repo

        with self._session(write=True) as session:
            repo.lock_corpus_stage(session)
            pending = repo.unstaged_sources(session)
            result = change(session)
            parts = result if isinstance(result, tuple) else (result,)
            touched = [r.touched for r in parts if isinstance(r, ResolutionReport)]
            if everything or not touched:
                match_claims(session, self.settings.match)
            else:
                # The correction resolved the sources not yet taken in too (with the corrected neighbourhood).
                match_claims(session, self.settings.match, pending, frozenset().union(*touched))
            # Nothing an interrupted ingest left is owed now.
            repo.clear_pending(session, repo.CORPUS_STAGE)
            if everything:
                repo.mark_all_staged(session)
            else:
                repo.mark_staged(session, pending)
        return result

    @_one_error
    def merge(self, entity_ids: Sequence[int]) -> ResolutionReport:
        """Merge the entities into the first of them: they are one. Returns the ResolutionReport."""
        from tracker.entities import run

        if len(entity_ids) < 2:
            raise TrackerError("merge needs two entities or more: the one to keep, then the ones merged into it")
        keep, *others = entity_ids
        entities = self.settings.entities

        def change(session: Session) -> ResolutionReport:
            for other in others[:-1]:
                run.merge(session, keep, other, entities)
            return run.merge(session, keep, others[-1], entities)

        return self._correct(change)

    @_one_error
    def split(self, entity_id: int, alias: str) -> tuple[int, ResolutionReport]:
        """Take the mentions written ``alias`` out of the entity into one of their own; (new id, report)."""
        from tracker.entities import run

        return self._correct(lambda session: run.split(session, entity_id, alias, self.settings.entities))

    @_one_error
    def alias_add(self, entity_id: int, name: str) -> ResolutionReport:
        """Say that ``name`` is the entity: its mentions, now and later, belong to it. Returns the report."""
        from tracker.entities import run

        return self._correct(lambda session: run.add_alias(session, entity_id, name, self.settings.entities))

    @_one_error
    def alias_import(self, file: str | Path) -> tuple[int, int, ResolutionReport]:
        """Apply an alias file, all rows or none; returns (rows applied, entities created, report)."""
        from tracker.entities import run
        from tracker.entities.aliasfile import AliasFileError, parse_alias_file

        path = Path(file)
        try:
            rows = parse_alias_file(path.read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise TrackerError(f"{file}: cannot read ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise TrackerError(f"{file}: not UTF-8 text") from None
        except AliasFileError as exc:
            raise TrackerError(f"{file}: {exc}") from None
        return self._correct(lambda session: run.import_aliases(session, rows, self.settings.entities))

    @_one_error
    def alias_export(self, target: str | Path | None = None) -> AliasExport:
        """Every entity with every alias as CSV: written to ``target``, or returned as text when it is None."""
        from tracker.entities import run
        from tracker.entities.aliasfile import write_alias_file
        from tracker.files import output_target, write_atomic

        with self._session() as session:
            text = write_alias_file(run.export_aliases(session))
        path = None if target is None else output_target(target)
        if path is not None:
            write_atomic(text, path)
        return AliasExport(text, path, text.count("\n") - 1)

    @_one_error
    def resolve(self) -> ResolutionReport:
        """Resolve all sources' entities and match their claims again (after changing settings); editors'
        corrections are kept. Returns the ResolutionReport."""
        from tracker.entities import run

        return self._correct(lambda session: run.resolve_entities(session, self.settings.entities), everything=True)

    # -- output ------------------------------------------------------------------------------------------------

    @_one_error
    def export(
        self,
        fmt: str,
        target: str | Path | None = None,
        report_url: str | None = None,
        publisher: str = "tracker",
        excel: bool = False,
    ) -> ExportResult:
        """Export everything stored: ``json`` (the export contract), ``claimreview`` (schema.org JSON-LD of
        reviewed claims; needs ``report_url``) or ``csv`` (two files: target and its -flags sibling).

        With no target, the text is returned instead of written (not for csv). Files are written whole or not
        at all.
        """
        from tracker.files import output_target, write_atomic
        from tracker.urls import check_url

        if fmt not in EXPORT_FORMATS:
            raise TrackerError(f"--format {fmt!r}: not an export format ({', '.join(EXPORT_FORMATS)})")
        if report_url is not None:
            report_url = check_url(report_url, "--report-url")
        if excel and fmt != "csv":
            raise TrackerError("--excel: only --format csv writes spreadsheet files")
        if fmt == "claimreview" and report_url is None:
            raise TrackerError("--report-url: claimreview needs the http(s) address the report pages are published at")
        if target is None and fmt == "csv":
            output_target("-", csv=True)  # refused: csv writes two files
        path = None if target is None else output_target(target, csv=fmt == "csv")
        if fmt == "claimreview":
            from tracker.claimreview import claim_reviews

            assert report_url is not None
            from tracker.store import flag_repo, repo, verdict_repo

            with self._session() as session:
                ruled = verdict_repo.verdicts(session, status="published")
                reviews = claim_reviews(
                    repo.list_claims(session),
                    {s.id: s for s in repo.list_sources(session)},
                    ruled,
                    [f for f in flag_repo.iter_flags(session) if f.kind in ("conflict", "temporal_change")],
                    report_url,
                    publisher,
                )
            text = json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
            return self._written(fmt, text, path, {"claim reviews": len(reviews)})
        from tracker.export import build_export

        with self._session() as session:
            data = build_export(session, self._outlet_records(session))
        counts = {"sources": len(data["sources"]), "claims": len(data["claims"]), "flags": len(data["flags"])}
        if fmt == "csv":
            from tracker.export import csv_tables

            claims_csv, flags_csv = csv_tables(data)
            assert path is not None
            flags_path = path.with_name(f"{path.stem}-flags{path.suffix or '.csv'}")
            output_target(flags_path)
            encoding = "utf-8-sig" if excel else "utf-8"
            write_atomic(claims_csv, path, encoding)
            write_atomic(flags_csv, flags_path, encoding)
            return ExportResult(fmt, (path, flags_path), None, counts)
        return self._written(fmt, json.dumps(data, ensure_ascii=False, indent=2) + "\n", path, counts)

    @staticmethod
    def _written(fmt: str, text: str, path: Path | None, counts: dict[str, int]) -> ExportResult:
        from tracker.files import write_atomic

        if path is None:
            return ExportResult(fmt, (), text, counts)
        write_atomic(text, path)
        return ExportResult(fmt, (path,), None, counts)

    @_one_error
    def report(
        self,
        folder: str | Path,
        everything: bool = False,
        report_url: str | None = None,
        publisher: str = "tracker",
    ) -> ReportSummary:
        """Write the HTML provenance reports into ``folder`` (a page per claim, flag and outlet, a paged index,
        a search page): only the pages whose content changed since the last report there, or every page with
        ``everything``; pages of subjects that are gone are removed. Returns the ReportSummary.

        With ``report_url`` (the absolute http(s) address the pages are published at), the page of each claim
        with a published verdict embeds its ClaimReview JSON-LD, as ``export("claimreview")`` writes it."""
        from tracker.entities.run import list_entities
        from tracker.report import Inputs, write_reports
        from tracker.urls import check_url

        if report_url is not None:
            report_url = check_url(report_url, "--report-url")
        output = Path(folder)
        with self._session() as session:
            inputs = Inputs(
                session,
                self._outlet_records(session),
                list_entities(session),
                self.settings.report,
                report_url,
                publisher,
            )
            try:
                return write_reports(inputs, output, everything)
            except (ValueError, OSError) as exc:
                raise TrackerError(f"--output {output}: {exc}") from exc

    # -- users of the desk -------------------------------------------------------------------------------------

    @_one_error
    def add_user(self, name: str, role: str, password: str) -> User:
        """Register a user of the desk (role viewer, editor or admin); the password is kept as an argon2 hash."""
        from tracker import users

        with self._session(write=True) as session:
            return users.add_user(session, name, role, password, self.settings.desk)

    @_one_error
    def users(self) -> list[User]:
        from tracker import users

        with self._session() as session:
            return users.list_users(session)

    @_one_error
    def user(self, name: str) -> User | None:
        """The user of that name, or None."""
        from tracker import users

        with self._session() as session:
            return users.get_user(session, name)

    @_one_error
    def set_role(self, name: str, role: str) -> User:
        from tracker import users

        with self._session(write=True) as session:
            return users.set_role(session, name, role)

    @_one_error
    def set_active(self, name: str, active: bool) -> User:
        """Disable a user (who can no longer sign in or act) or enable them again; the audit trail keeps them."""
        from tracker import users

        with self._session(write=True) as session:
            return users.set_active(session, name, active)

    @_one_error
    def set_password(self, name: str, password: str) -> None:
        from tracker import users

        with self._session(write=True) as session:
            users.set_password(session, name, password, self.settings.desk)

    @_one_error
    def authenticate(self, name: str, password: str) -> User | None:
        """The active user with this name and password, else None (the same for an unknown name)."""
        from tracker import users

        with self._session(write=True) as session:
            return users.authenticate(session, name, password)

    @_one_error
    def can_edit(self, name: str) -> bool:
        """Whether ``name`` may rule, approve, review and assign (anyone while no users are registered)."""
        from tracker import users

        with self._session() as session:
            return users.can_edit(session, name)

    @_one_error
    def secret(self, name: str) -> str:
        """A random secret generated on first use and kept in the database (the desk's session key)."""
        import secrets

        from tracker.store import user_repo

        with self._session(write=True) as session:
            return user_repo.secret(session, name, secrets.token_urlsafe(48))

    @_one_error
    def evidence(self, claim_ids: Sequence[int]) -> dict[int, Evidence]:
        """Each claim's paragraph, with its quote cut out, and where it was published (``store.evidence_repo``)."""
        from tracker.store import evidence_repo

        with self._session() as session:
            return evidence_repo.evidence(session, list(claim_ids))

    @_one_error
    def entity_names(self, entity_ids: Iterable[int]) -> dict[int, str]:
        """The names of these entities (those that exist), read in one query."""
        from tracker.store import entity_repo

        with self._session() as session:
            return {i: name for i, (name, _kind) in entity_repo.entity_names(session, set(entity_ids)).items()}

    @_one_error
    def outlet_names(self) -> list[str]:
        """Every outlet's name, alphabetically (without computing their records, as ``outlets()`` does)."""
        from tracker.store import repo

        with self._session() as session:
            return repo.outlet_names(session)
