"""HTML provenance reports: one static page per claim, per flag and per outlet, a paged index and a search page.

Pages are rendered by jinja2 with autoescaping on, so every piece of article text is inert however it is
written (`<script>`, `onerror=`). They link to each other by relative paths and load nothing from the
network, so a folder of reports opens from disk. Each claim page also carries its quote as a W3C Web
Annotation (TextQuoteSelector with prefix and suffix, TextPositionSelector) in embedded JSON.

Each page also states a Content-Security-Policy: the only script that may run is the search page's own script
(allowed by its hash), so even markup that slipped past escaping could run nothing, and a ``javascript:`` link
could not run either; links to sources are written only for http(s) addresses (``tracker.urls``). Every page
but the search page works with scripts off.

A report is incremental: the folder's manifest (a small SQLite file) keeps, for every page it wrote, a digest
of what the page shows. A page whose digest is unchanged is not rendered again; a page whose subject is gone
is removed. A change of the templates (or of tracker's version) renders everything, as ``everything=True``
(``tracker report --all``) does.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from tracker import __version__
from tracker.errors import TrackerError
from tracker.files import OutputError, write_chunks_atomic
from tracker.report.pages import Inputs, Page, produce

__all__ = ["Inputs", "ReportError", "ReportSummary", "write_reports"]

TEMPLATES = Path(__file__).with_name("templates")
MODEL = 2  # raise when what a page shows changes in a way its digest does not see
BATCH = 200  # pages rendered between two writes of the manifest


@dataclass(frozen=True)
class ReportSummary:
    output: Path
    claims: int  # pages of each kind in the report
    flags: int
    outlets: int
    written: int  # pages rendered and written by this run
    unchanged: int  # pages left as they were
    removed: int  # pages of subjects that are gone

    @property
    def index(self) -> Path:
        return self.output / "index.html"


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["json_script"] = json_script
    env.filters["json_line"] = json_line
    search_js = (TEMPLATES / "search.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(search_js.encode("utf-8")).digest()).decode("ascii")
    env.globals["search_js"] = Markup(search_js)  # our own script, written between <script> tags as it is
    env.globals["csp"] = (
        f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    return env


def _inert(text: str) -> Markup:
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def json_script(value) -> str:
    """JSON safe inside <script>: no "</script>" or "<!--" can close or comment the element."""
    return _inert(json.dumps(value, ensure_ascii=False, indent=1))


def json_line(value) -> str:
    """``json_script`` on one line, for the rows of a data block."""
    return _inert(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def template_digest() -> str:
    """What every page's look depends on besides its data: the templates, the page model and tracker's version."""
    sha = hashlib.sha256(f"{__version__} {MODEL}".encode())
    for path in sorted(TEMPLATES.iterdir()):
        sha.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return sha.hexdigest()


class ReportError(TrackerError, ValueError):
    """The report folder cannot be written without touching files the tracker did not write."""


MANIFEST = ".tracker-report-manifest.sqlite"
OLD_MANIFEST = ".tracker-report-manifest.json"  # an earlier tracker's list of the pages it wrote
# The only paths a report writes, so a manifest edited by hand can never name anything else to delete.
_PAGE_PATH = re.compile(
    r"(?:(?:index|flag-list)(?:-[1-9][0-9]*)?|search|(?:claims|flags|outlets)/[A-Za-z0-9][A-Za-z0-9_-]*)\.html"
)
_FOLDERS = ("claims", "flags", "outlets")


def write_reports(inputs: Inputs, output: Path, everything: bool = False) -> ReportSummary:
    """Render into ``output`` the pages whose content changed since the last report there (every page with
    ``everything``), remove the pages of subjects that are gone, and keep the manifest; nothing else in the
    folder is touched.

    Each page replaces its old version in one rename, so a reader never sees half a page; the manifest lists a
    page before it is written, so an interrupted run still knows every page that may be there (and the next
    run renders those again). A folder that holds files but no manifest is refused (it is not a report
    folder), and so is a file of the user's where a new page would go.
    """
    output = output.resolve()
    if output.exists() and not output.is_dir():
        raise ReportError(f"{output} exists and is not a folder")
    _check_folders(output)
    output.mkdir(parents=True, exist_ok=True)
    env = environment()
    version = template_digest()
    with _Manifest.open(output) as manifest:
        full = everything or manifest.version != version
        kinds: Counter[str] = Counter()

        def wanted(path: str, digest: str) -> bool:
            kinds[path.split("/")[0] if "/" in path else "lists"] += 1
            manifest.see(path)
            return full or manifest.digest(path) != digest or not os.path.isfile(f"{output}/{path}")

        written = 0
        batch: list[Page] = []
        for page in produce(inputs, wanted):
            batch.append(page)
            if len(batch) >= BATCH:
                written += _write(env, output, manifest, batch)
                batch = []
        written += _write(env, output, manifest, batch)
        removed = manifest.remove_unseen(output)
        manifest.set_version(version)
    total = sum(kinds.values())
    return ReportSummary(output, kinds["claims"], kinds["flags"], kinds["outlets"], written, total - written, removed)


def _write(env: Environment, output: Path, manifest: _Manifest, pages: list[Page]) -> int:
    for page in pages:
        _check_target(output, page.path, manifest)
    manifest.pending([p.path for p in pages])  # listed (digest unknown) before any file moves in
    for page in pages:
        target = output / page.path
        target.parent.mkdir(exist_ok=True)
        chunks = env.get_template(page.template).generate(**page.context(), root=page.root)
        try:
            write_chunks_atomic(chunks, target)
        except OutputError as exc:
            raise ReportError(f"{target}: cannot be written ({exc})") from None
    manifest.written([(p.path, p.digest) for p in pages])
    return len(pages)


def _check_folders(output: Path) -> None:
    for folder in _FOLDERS:
        where = output / folder
        if where.is_symlink() or (where.exists() and not where.is_dir()):
            raise ReportError(f"{where} is not a plain folder; move it away or choose another folder")


def _check_target(output: Path, path: str, manifest: _Manifest) -> None:
    """Refuse before writing when a page would land on, or through, something not ours."""
    target = output / path
    if not manifest.lists(path) and (target.exists() or target.is_symlink()):
        raise ReportError(f"{target} was not written by tracker report; move it away or choose another folder")
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise ReportError(f"{target} is not a regular file; move it away or choose another folder")


class _Manifest:
    """The pages a report folder holds and the digest of each; a SQLite file, read a page at a time."""

    def __init__(self, output: Path, db: sqlite3.Connection) -> None:
        self.output = output
        self.db = db

    @classmethod
    @contextlib.contextmanager
    def open(cls, output: Path) -> Iterator[_Manifest]:
        path = output / MANIFEST
        ours = path.is_file() and not path.is_symlink()
        listed = None if ours else _old_manifest(output)
        db = None
        if ours:
            try:
                db = sqlite3.connect(path)
                db.execute("SELECT path, digest FROM pages LIMIT 1").fetchall()
                db.execute("SELECT value FROM meta WHERE name = 'version'").fetchall()
            except sqlite3.Error as exc:
                if db is not None:
                    db.close()
                raise ReportError(
                    f"{path} cannot be read ({exc.__class__.__name__}); remove it or choose another folder"
                ) from None
        elif listed is None:
            _refuse_strangers(output)
        if db is None:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()  # a symbolic link in its place is replaced, never followed
            db = sqlite3.connect(path)
            db.executescript(
                "CREATE TABLE pages (path TEXT PRIMARY KEY, digest TEXT NOT NULL);"
                "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
            )
            db.executemany("INSERT OR IGNORE INTO pages VALUES (?, '')", [(p,) for p in sorted(listed or ())])
            db.commit()
        db.execute("CREATE TEMP TABLE seen (path TEXT PRIMARY KEY)")
        manifest = cls(output, db)
        try:
            yield manifest
            db.commit()
            with contextlib.suppress(OSError):
                (output / OLD_MANIFEST).unlink()
        finally:
            db.close()

    @property
    def version(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
        return row[0] if row else None

    def set_version(self, version: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
        self.db.commit()

    def see(self, path: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (path,))

    def digest(self, path: str) -> str | None:
        row = self.db.execute("SELECT digest FROM pages WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def lists(self, path: str) -> bool:
        return self.digest(path) is not None

    def pending(self, paths: list[str]) -> None:
        self.db.executemany("INSERT INTO pages VALUES (?, '') ON CONFLICT (path) DO UPDATE SET digest = ''",
                            [(p,) for p in paths])  # fmt: skip
        self.db.commit()

    def written(self, pages: list[tuple[str, str]]) -> None:
        self.db.executemany("UPDATE pages SET digest = ? WHERE path = ?", [(d, p) for p, d in pages])
        self.db.commit()

    def remove_unseen(self, output: Path) -> int:
        """Remove the pages the manifest lists that this run did not produce; how many there were."""
        gone = [p for (p,) in self.db.execute("SELECT path FROM pages WHERE path NOT IN (SELECT path FROM seen)")]
        for path in gone:
            if _PAGE_PATH.fullmatch(path):  # a hand-edited row never names anything else
                with contextlib.suppress(OSError):
                    target = output / path
                    if target.is_file() and not target.is_symlink():
                        target.unlink()
        self.db.execute("DELETE FROM pages WHERE path NOT IN (SELECT path FROM seen)")
        self.db.commit()
        for folder in _FOLDERS:
            with contextlib.suppress(OSError):
                (output / folder).rmdir()  # only when empty: a folder holding a file of the user's stays
        return sum(1 for p in gone if _PAGE_PATH.fullmatch(p))


def _old_manifest(output: Path) -> set[str] | None:
    """The pages an earlier tracker listed in its JSON manifest (rendered again), or None without one."""
    old = output / OLD_MANIFEST
    if not old.is_file() or old.is_symlink():
        return None
    try:
        listed = json.loads(old.read_text(encoding="utf-8"))["files"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ReportError(
            f"{old} cannot be read ({exc.__class__.__name__}); remove it or choose another folder"
        ) from exc
    if not isinstance(listed, list):
        raise ReportError(f"{old} has no list of files; remove it or choose another folder")
    return {p for p in listed if isinstance(p, str) and _PAGE_PATH.fullmatch(p)}


def _refuse_strangers(output: Path) -> None:
    strangers = sorted(p.name for p in output.iterdir() if not p.name.startswith("."))
    if strangers:
        raise ReportError(
            f"{output} holds files that are not reports ({', '.join(strangers[:3])}) and no {MANIFEST}; "
            "choose a new or empty folder"
        )
