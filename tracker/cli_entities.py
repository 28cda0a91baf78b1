"""`tracker entities ...`: list, inspect and correct who is who. Editors' corrections win over resolution."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.api import Tracker
from tracker.cli_common import DB_ID, print_json, print_table
from tracker.kinds import ENTITY_TYPES

if TYPE_CHECKING:
    from tracker.entities.run import ResolutionReport


@click.group(invoke_without_command=True)
@click.option("--type", "kind", type=click.Choice(ENTITY_TYPES), help="Only entities of this type.")
@click.option("--min-sources", type=int, default=1, show_default=True, help="Only entities named in this many sources.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def entities(ctx: click.Context, kind: str | None, min_sources: int, as_json: bool) -> None:
    """List entities (people, bodies, places) with their aliases and counts; subcommands correct them.

    \b
    Example:
      tracker entities --type person
      tracker entities show 12
      tracker entities merge 12 40
    """
    if ctx.invoked_subcommand is not None:
        return
    obj: Tracker = ctx.obj
    rows = obj.entities(kind, min_sources)
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo("no entities match")
        return
    table = [
        (str(e.id), e.type, e.name, str(e.sources), str(e.mentions), "; ".join(a for a in e.aliases if a != e.name))
        for e in rows
    ]
    print_table(("id", "type", "name", "sources", "mentions", "also written"), table)


@entities.command()
@click.argument("entity_id", type=DB_ID)
@click.pass_obj
def show(obj: Tracker, entity_id: int) -> None:
    """Show one entity: its aliases, the sources naming it, their titles for it, and why each was joined.

    \b
    Example:
      tracker entities show 12
    """
    detail = obj.entity(entity_id)
    e = detail.entity
    if e.merged_into is not None:
        click.echo(
            f"entity {e.id} ({e.name}) was merged into entity {e.merged_into}: tracker entities show {e.merged_into}"
        )
        return
    click.echo(f"[{e.id}] {e.name} · {e.type} · {e.sources} sources · {e.mentions} mentions · {detail.claims} claims")
    click.echo(f"  aliases: {'; '.join(e.aliases) or '-'}")
    for name, positive, origin in detail.asserted:
        click.echo(f"  editor: {name!r} {'is' if positive else 'is not'} this entity ({origin})")
    for seen in detail.seen_in:
        when = seen.published.isoformat() if seen.published else "undated"
        click.echo(
            f"  source {seen.source_id} · {seen.outlet or Path(seen.path).name} · {when}: {'; '.join(seen.forms)}"
        )
        if seen.titles:
            click.echo(f"    titled: {'; '.join(seen.titles)}")
        if seen.reason:
            click.echo(f"    joined because: {seen.reason}")


@entities.command()
@click.argument("keep_id", type=DB_ID)
@click.argument("other_id", type=DB_ID)
@click.pass_obj
def merge(obj: Tracker, keep_id: int, other_id: int) -> None:
    """Merge entity OTHER_ID into KEEP_ID: they are one. Survives re-ingest and re-runs.

    \b
    Example:
      tracker entities merge 12 40
    """
    report = obj.merge([keep_id, other_id])
    click.echo(f"merged entity {other_id} into {keep_id}")
    _print_resolution(obj, report)


@entities.command()
@click.argument("entity_id", type=DB_ID)
@click.argument("alias")
@click.pass_obj
def split(obj: Tracker, entity_id: int, alias: str) -> None:
    """Take the mentions written ALIAS out of ENTITY_ID into an entity of their own.

    \b
    Example:
      tracker entities split 12 "Ivan Kovalenko"
    """
    new_id, report = obj.split(entity_id, alias)
    click.echo(f"split {alias!r} out of entity {entity_id} into entity {new_id}")
    _print_resolution(obj, report)


@entities.command()
@click.pass_obj
def resolve(obj: Tracker) -> None:
    """Resolve all sources' entities and match their claims again (after changing settings); editors'
    corrections are kept.

    \b
    Example:
      tracker entities resolve
    """
    report = obj.resolve()
    _print_resolution(obj, report)


@entities.group()
def alias() -> None:
    """Add aliases, and export or import the alias file (CSV: entity,type,alias,relation,origin).

    \b
    Example:
      tracker entities alias add 12 "Dmitrij Peskow"
      tracker entities alias export -o aliases.csv
      tracker entities alias import aliases.csv
    """


@alias.command("add")
@click.argument("entity_id", type=DB_ID)
@click.argument("name")
@click.pass_obj
def alias_add(obj: Tracker, entity_id: int, name: str) -> None:
    """Say that NAME is ENTITY_ID: mentions written NAME, now and later, belong to it.

    \b
    Example:
      tracker entities alias add 12 "Dmitrij Peskow"
    """
    report = obj.alias_add(entity_id, name)
    click.echo(f"{name!r} is now an alias of entity {entity_id}")
    _print_resolution(obj, report)


@alias.command("export")
@click.option("--output", "-o", default="-", show_default=True, help="CSV file to write, or - for stdout.")
@click.pass_obj
def alias_export(obj: Tracker, output: str) -> None:
    """Write every entity with every alias (seen or asserted by an editor) as CSV.

    \b
    Example:
      tracker entities alias export -o aliases.csv
    """
    done = obj.alias_export(None if output == "-" else output)
    if done.path is None:
        click.echo(done.text, nl=False)
        return
    click.echo(f"wrote {output}: {done.aliases} aliases", err=True)


@alias.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_obj
def alias_import(obj: Tracker, file: Path) -> None:
    """Apply an alias file: each row says a name is (or is not) an entity. All rows or none are applied.

    \b
    Example:
      tracker entities alias import aliases.csv
    """
    applied, created, report = obj.alias_import(file)
    click.echo(f"imported {applied} aliases from {file} ({created} new entities)")
    _print_resolution(obj, report)


def _print_resolution(obj: Tracker, report: ResolutionReport) -> None:
    click.echo(
        f"entities: {report.entities} from {obj.article_entity_count()} article entities; "
        f"spelling variants flagged: {report.spelling_variants}"
    )
