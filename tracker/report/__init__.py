"""HTML provenance reports: one static page per claim, per flag and per outlet, and an index.

Pages are rendered by jinja2 with autoescaping on, so every piece of article text is inert however it is
written (`<script>`, `onerror=`). They link to each other by relative paths and load nothing from the
network, so a folder of reports opens from disk. Each claim page also carries its quote as a W3C Web
Annotation (TextQuoteSelector with prefix and suffix, TextPositionSelector) in embedded JSON.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

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
    return env


def json_script(value) -> str:
    """JSON safe inside <script>: no "</script>" or "<!--" can close or comment the element."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def write_reports(data, output: Path) -> ReportSummary:
    """Render every page into ``output``; written to a temporary folder first, then swapped in whole."""
    output = output.resolve()
    if output.exists() and not output.is_dir():
        raise ValueError(f"{output} exists and is not a folder")
    output.parent.mkdir(parents=True, exist_ok=True)
    pages = build_pages(data)
    env = environment()
    staging = Path(tempfile.mkdtemp(prefix=".reports-", dir=output.parent))
    try:
        for page in pages:
            target = staging / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            html = env.get_template(page.template).render(**page.context, root=page.root)
            target.write_text(html, encoding="utf-8")
        _swap_in(staging, output)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    counts = {kind: sum(1 for p in pages if p.template == kind) for kind in ("claim.html", "flag.html", "outlet.html")}
    return ReportSummary(output, counts["claim.html"], counts["flag.html"], counts["outlet.html"])


_OURS = ("index.html", "claims", "flags", "outlets")


def _swap_in(staging: Path, output: Path) -> None:
    """Replace the report entries of ``output`` with the new ones; hidden files (.gitkeep) stay.

    A folder holding anything else is refused, so a mistyped --output never deletes someone's files.
    """
    output.mkdir(exist_ok=True)
    strangers = [p.name for p in output.iterdir() if p.name not in _OURS and not p.name.startswith(".")]
    if strangers:
        raise ValueError(
            f"{output} holds files that are not reports ({', '.join(sorted(strangers)[:3])}); choose another"
        )
    for name in _OURS:
        old = output / name
        if old.is_dir():
            shutil.rmtree(old)
        elif old.exists():
            old.unlink()
        if (staging / name).exists():
            (staging / name).rename(old)
