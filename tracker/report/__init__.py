"""HTML provenance reports: one static page per claim, per flag and per outlet, and an index.

Pages are rendered by jinja2 with autoescaping on, so every piece of article text is inert however it is
written (`<script>`, `onerror=`). They link to each other by relative paths and load nothing from the
network, so a folder of reports opens from disk. Each claim page also carries its quote as a W3C Web
Annotation (TextQuoteSelector with prefix and suffix, TextPositionSelector) in embedded JSON.

Each page also states a Content-Security-Policy: the only script that may run is the index's own filter
script (allowed by its hash), so even markup that slipped past escaping could run nothing, and a
``javascript:`` link could not run either; links to sources are written only for http(s) addresses
(``tracker.urls``).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from tracker.errors import TrackerError
from tracker.report.pages import build_pages

TEMPLATES = Path(__file__).with_name("templates")


@dataclass(frozen=True)
class ReportSummary:
    output: Path
    claims: int
    flags: int
    outlets: int

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
    filters_js = (TEMPLATES / "filters.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(filters_js.encode("utf-8")).digest()).decode("ascii")
    env.globals["filters_js"] = Markup(filters_js)  # our own script, written between <script> tags as it is
    env.globals["csp"] = (
        f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    return env


def json_script(value) -> str:
    """JSON safe inside <script>: no "</script>" or "<!--" can close or comment the element."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


class ReportError(TrackerError, ValueError):
    """The report folder cannot be written without touching files the tracker did not write."""


MANIFEST = ".tracker-report-manifest.json"
# The only paths a report writes, so a manifest edited by hand can never name anything else to delete.
_PAGE_PATH = re.compile(r"(?:index|(?:claims|flags|outlets)/[A-Za-z0-9][A-Za-z0-9_-]*)\.html")
_FOLDERS = ("claims", "flags", "outlets")


def write_reports(data, output: Path) -> ReportSummary:
    """Render every page into ``output`` and list them in its manifest; nothing else in it is touched.

    Pages are rendered into a hidden staging folder inside ``output`` first, so a failure leaves the last
    report as it was; each page then replaces its old version in one rename. Pages of the previous report
    (named in its manifest) that the new one lacks are removed. A folder that holds files but no manifest is
    refused (it is not a report folder), and so is a file of the user's where a new page would go.
    """
    output = output.resolve()
    if output.exists() and not output.is_dir():
        raise ReportError(f"{output} exists and is not a folder")
    pages = build_pages(data)
    previous = _previous_pages(output)
    paths = [page.path for page in pages]
    _check_targets(output, paths, previous)
    env = environment()
    output.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tracker-staging-", dir=output))
    try:
        for page in pages:
            target = staging / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            html = env.get_template(page.template).render(**page.context, root=page.root)
            target.write_text(html, encoding="utf-8")
        # Listed before anything moves in: an interrupted run still knows every page that may be there.
        _write_manifest(output, sorted(previous | set(paths)))
        for path in paths:
            (output / path).parent.mkdir(exist_ok=True)
            os.replace(staging / path, output / path)
        for stale in sorted(previous - set(paths)):
            with contextlib.suppress(OSError):
                (output / stale).unlink()
        for folder in _FOLDERS:
            with contextlib.suppress(OSError):
                (output / folder).rmdir()  # only when empty: a folder holding a file of the user's stays
        _write_manifest(output, sorted(paths))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    counts = {kind: sum(1 for p in pages if p.template == kind) for kind in ("claim.html", "flag.html", "outlet.html")}
    return ReportSummary(output, counts["claim.html"], counts["flag.html"], counts["outlet.html"])


def _previous_pages(output: Path) -> set[str]:
    """The pages the last report wrote into ``output``; ReportError for a folder with files but no manifest."""
    if not output.is_dir():
        return set()
    manifest = output / MANIFEST
    if not manifest.is_file() or manifest.is_symlink():
        strangers = sorted(p.name for p in output.iterdir() if not p.name.startswith("."))
        if strangers:
            raise ReportError(
                f"{output} holds files that are not reports ({', '.join(strangers[:3])}) and no {MANIFEST}; "
                "choose a new or empty folder"
            )
        return set()
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ReportError(
            f"{manifest} cannot be read ({exc.__class__.__name__}); remove it or choose another folder"
        ) from exc
    if not isinstance(listed, list):
        raise ReportError(f"{manifest} has no list of files; remove it or choose another folder")
    return {p for p in listed if isinstance(p, str) and _PAGE_PATH.fullmatch(p)}


def _check_targets(output: Path, paths: list[str], previous: set[str]) -> None:
    """Refuse before writing anything when a page would land on, or through, something not ours."""
    for folder in _FOLDERS:
        where = output / folder
        if where.is_symlink() or (where.exists() and not where.is_dir()):
            raise ReportError(f"{where} is not a plain folder; move it away or choose another folder")
    for path in paths:
        target = output / path
        if path not in previous and (target.exists() or target.is_symlink()):
            raise ReportError(f"{target} was not written by tracker report; move it away or choose another folder")
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise ReportError(f"{target} is not a regular file; move it away or choose another folder")


def _write_manifest(output: Path, files: list[str]) -> None:
    text = json.dumps({"written_by": "tracker report", "version": 1, "files": files}, indent=1) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".tracker-manifest-", suffix=".tmp", dir=output)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, output / MANIFEST)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
