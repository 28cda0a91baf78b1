"""The tracker command line: thin wrappers that parse options, call a stage, and print its result."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker import __version__
from tracker.api import Tracker
from tracker.cli_common import DB_ID, TrackerGroup, print_json, print_table, redacted, tracker_of
from tracker.kinds import CLAIM_KINDS

if TYPE_CHECKING:
    from tracker.pipeline import IngestReport


@click.group(cls=TrackerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    metavar="URL",
    envvar="TRACKER_DB",
    help="Database URL (env TRACKER_DB; default sqlite:///tracker.db in the working directory).",
)
@click.option(
    "--settings",
    "settings_file",
    metavar="FILE",
    envvar="TRACKER_SETTINGS",
    help="TOML file of settings, one section per group ([match], [entities], ...; env TRACKER_SETTINGS).",
)
@click.version_option(__version__, prog_name="tracker")
@click.pass_context
def cli(ctx: click.Context, db: str | None, settings_file: str | None) -> None:
    """Track claims across news outlets: ingest articles, find what they assert, and export it.

    \b
    Example:
      tracker run seeds/
      tracker --db postgresql+psycopg://localhost/test sources
    """
    ctx.obj = tracker_of(db, settings_file)


@cli.command()
@click.argument("path", type=click.Path(path_type=str))
@click.option("--output", "-o", default="reports", show_default=True, help="Folder for the HTML reports.")
@click.pass_obj
def run(obj: Tracker, path: str, output: str) -> None:
    """Ingest PATH (a folder or file) through every stage, print a summary, and write the HTML reports.

    \b
    Example:
      tracker run seeds/
    """
    report = _ingest(obj, [path])
    _print_summary(obj, report)
    written = obj.report(Path(output))
    click.echo(f"reports: {_report_line(written)}")
    click.echo(f"open {written.index}")
    if report.failures:
        sys.exit(1)


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.pass_obj
def ingest_command(obj: Tracker, paths: tuple[str, ...]) -> None:
    """Ingest article files and folders (recursively), reading each folder's sources.csv.

    Files: .txt, .md, .html, .htm. Identical content already stored is left as it is. Bad files are
    listed and skipped; the good ones are stored. Exit status 1 when any file failed. Only regular files
    within the size limit (50 MB by default) are read; in a folder, a symbolic link is followed only to a
    file inside that folder.

    \b
    Example:
      tracker ingest corpus/ extra/article.html
    """
    report = _ingest(obj, list(paths))
    _print_summary(obj, report)
    if report.failures:
        sys.exit(1)


@cli.command("add-source")
@click.argument("file", type=click.Path(path_type=str))
@click.option("--outlet", help="Outlet that published the article.")
@click.option("--url", help="Where the article was published.")
@click.option("--published", help="Publication date, YYYY-MM-DD.")
@click.option("--title", help="Headline.")
@click.pass_obj
def add_source(
    obj: Tracker, file: str, outlet: str | None, url: str | None, published: str | None, title: str | None
) -> None:
    """Add one article FILE with its metadata given by hand.

    \b
    Example:
      tracker add-source story.txt --outlet "Daily Planet" --published 2024-04-29 \\
          --url https://example.org/story --title "Talks resume"
    """
    report = obj.add_source(file, outlet=outlet, url=url, published=published, title=title)
    _print_summary(obj, report)
    if report.failures:
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def sources(obj: Tracker, as_json: bool) -> None:
    """List stored sources as a table.

    \b
    Example:
      tracker sources
      tracker sources --json
    """
    rows = obj.sources()
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo("no sources yet: tracker ingest PATH")
        return
    header = ("id", "published", "outlet", "lang", "copy of", "paras", "path")
    table = [
        (
            str(s.id),
            s.published.isoformat() if s.published else "-",
            (s.outlet or "-")[:28],
            s.language or "-",
            str(s.duplicate_of) if s.duplicate_of else "",
            str(s.passages),
            s.path,
        )
        for s in rows
    ]
    print_table(header, table)


@cli.command()
@click.option("--source", "source_id", type=DB_ID, help="Only the claims of this source id.")
@click.option("--kind", type=click.Choice(CLAIM_KINDS), help="Only claims of this kind.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_obj
def claims(obj: Tracker, source_id: int | None, kind: str | None, as_json: bool) -> None:
    """List extracted claims with the exact quote each rests on.

    \b
    Example:
      tracker claims --source 3 --kind role
      tracker claims --json
    """
    rows = list(obj.claims(source=source_id, kind=kind))
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo("no claims match")
        return
    for c in rows:
        extra = []
        if c.attributed_to:
            extra.append(f"by {c.attributed_to}")
        if c.time_text:
            when = c.time_first.isoformat() if c.time_first else "?"
            if c.time_last and c.time_last != c.time_first:
                when += f"..{c.time_last.isoformat()}"
            extra.append(f"time: {c.time_text} = {when}")
        click.echo(f"[{c.id}] source {c.source_id} · {c.kind}" + (f" · {' · '.join(extra)}" if extra else ""))
        click.echo(f"  {c.text}")
        click.echo(f"  quote [{c.start}:{c.end}]: {_one_line(c.quote)}")


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["json", "claimreview", "csv"]), default="json", show_default=True,
    help="json: the export contract; claimreview: schema.org ClaimReview JSON-LD of reviewed claims; "
    "csv: claims and flags tables.",
)  # fmt: skip
@click.option("--output", "-o", default="-", show_default=True, help="File to write, or - for stdout.")
@click.option(
    "--report-url", metavar="URL", help="claimreview (required): the http(s) address the report pages are published at."
)
@click.option("--publisher", default="tracker", show_default=True, help="claimreview: the reviewing organisation.")
@click.option("--excel", is_flag=True, help="csv: write UTF-8 with a byte-order mark, as Excel expects.")
@click.pass_obj
def export(obj: Tracker, fmt: str, output: str, report_url: str | None, publisher: str, excel: bool) -> None:
    """Export everything stored: JSON (the export contract), ClaimReview JSON-LD, or CSV for spreadsheets.

    CSV writes two files: OUTPUT (claims, with their flags) and OUTPUT's name with -flags (flags). A cell
    that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a
    leading ' so it shows as text. OUTPUT is a regular file, written whole or not at all.

    \b
    Example:
      tracker export --format json --output tracker.json
      tracker export --format claimreview --report-url https://factcheck.example/reports/ -o reviews.jsonld
      tracker export --format csv --excel --output claims.csv
    """
    done = obj.export(fmt, None if output == "-" else output, report_url, publisher, excel)
    if done.text is not None:
        click.echo(done.text, nl=False)
    elif fmt == "csv":
        claims_file, flags_file = done.paths
        click.echo(
            f"wrote {claims_file} ({done.counts['claims']} claims) and {flags_file} ({done.counts['flags']} flags)",
            err=True,
        )
    elif fmt == "claimreview":
        click.echo(f"wrote {output}: {done.counts['claim reviews']} claim reviews", err=True)
    else:
        click.echo(f"wrote {output}: {done.counts['sources']} sources, {done.counts['claims']} claims", err=True)


@cli.command()
@click.option("--output", "-o", default="reports", show_default=True, help="Folder to write the pages into.")
@click.option("--all", "everything", is_flag=True, help="Render every page, changed or not.")
@click.option(
    "--report-url",
    metavar="URL",
    help="The http(s) address the pages are published at; claim pages with a published verdict then embed "
    "their ClaimReview JSON-LD.",
)
@click.option("--publisher", default="tracker", show_default=True, help="The reviewing organisation in ClaimReview.")
@click.pass_obj
def report(obj: Tracker, output: str, everything: bool, report_url: str | None, publisher: str) -> None:
    """Write the HTML provenance reports: one page per claim, flag and outlet, a paged index and a search page.

    The pages are static and open from disk with no network. A report into a folder that holds an earlier one
    renders only the pages whose content changed and removes those of claims, flags or outlets that are gone.

    \b
    Example:
      tracker report --output reports/
      tracker report --output reports/ --all
      tracker report --output reports/ --report-url https://factcheck.example/reports/
    """
    written = obj.report(Path(output), everything, report_url, publisher)
    click.echo(_report_line(written))
    click.echo(f"open {written.index}")


def _report_line(written) -> str:
    return (
        f"wrote {written.written} pages, {written.unchanged} unchanged, {written.removed} removed "
        f"({written.claims} claim pages, {written.flags} flag pages, {written.outlets} outlet pages)"
    )


@cli.group()
def db() -> None:
    """Database maintenance.

    \b
    Example:
      tracker db upgrade
    """


@db.command("upgrade")
@click.pass_obj
def db_upgrade(obj: Tracker) -> None:
    """Bring the database schema up to the newest migration (also done on first use).

    \b
    Example:
      tracker --db sqlite:///newsroom.db db upgrade
    """
    click.echo(f"database at revision {obj.revision()}")


def _ingest(obj: Tracker, paths: list[str]) -> IngestReport:
    if not sys.stderr.isatty():
        return obj.ingest(paths)
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label="ingesting", file=sys.stderr)
            bar.__enter__()
        bar.update(1)

    try:
        return obj.ingest(paths, progress=progress)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def _print_summary(obj: Tracker, report: IngestReport) -> None:
    for failure in report.failures:
        click.echo(f"tracker: error: {failure.message}", err=True)
    stored = report.count("stored")
    click.echo(
        f"sources: {stored} stored, {report.count('unchanged')} unchanged (already stored), "
        f"{len(report.failures)} failed"
    )
    click.echo(f"syndicated copies: {report.duplicates}")
    click.echo(f"publication dates found: {report.dated} of {stored}")
    click.echo(f"claims extracted: {report.claims}")
    without = _without_claims(obj, report)
    if without:
        click.echo(f"stored without claims: {without}")
    if report.entities is not None:
        click.echo(
            f"entities: {report.entities.entities} (spelling variants flagged: {report.entities.spelling_variants})"
        )
    status = obj.status()
    kinds = ("corroboration", "conflict", "temporal_change", "spelling_variant")
    click.echo("flags: " + ", ".join(f"{status.flags.get(k, 0)} {k}" for k in kinds))
    click.echo(f"database: {status.sources} sources in {redacted(obj.url)}")


def _without_claims(obj: Tracker, report: IngestReport) -> str:
    """Why sources of this run were stored without claims, e.g. "3 not English (de 2, hu 1)"; "" if none were."""
    stored = [o for o in report.outcomes if o.status == "stored" and o.source_id is not None and not o.claims]
    if not stored:
        return ""
    languages = obj.source_languages([o.source_id for o in stored if o.source_id is not None])
    foreign: Counter[str] = Counter()
    copies = none_found = 0
    for outcome in stored:
        language = languages.get(outcome.source_id or 0)
        if language not in (None, "en"):
            foreign[str(language)] += 1
        elif outcome.duplicate_of is not None:
            copies += 1
        else:
            none_found += 1
    parts = []
    if foreign:
        by_language = ", ".join(f"{code} {n}" for code, n in sorted(foreign.items(), key=lambda kv: (-kv[1], kv[0])))
        parts.append(f"{sum(foreign.values())} not English ({by_language})")
    if copies:
        parts.append(f"{copies} syndicated {'copy' if copies == 1 else 'copies'}")
    if none_found:
        parts.append(f"{none_found} with no claim found")
    return ", ".join(parts)


from tracker.cli_entities import entities  # noqa: E402  (the groups register themselves on cli)
from tracker.cli_flags import flags  # noqa: E402
from tracker.cli_outlets import outlets  # noqa: E402
from tracker.cli_serve import serve  # noqa: E402
from tracker.cli_users import users  # noqa: E402
from tracker.cli_verdicts import verdicts  # noqa: E402

cli.add_command(entities)
cli.add_command(flags)
cli.add_command(outlets)
cli.add_command(serve)
cli.add_command(users)
cli.add_command(verdicts)


def main() -> None:
    cli(prog_name="tracker")


if __name__ == "__main__":
    main()
