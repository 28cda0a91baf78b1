"""`tracker entities ...`: list, inspect and correct who is who. Editors' corrections win over resolution."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
from sqlalchemy.orm import Session

from tracker.cli_common import DB_ID, Context, emit, fail, output_file, print_table
from tracker.entities.aliasfile import AliasFileError, parse_alias_file, write_alias_file
from tracker.entities.recognise import TYPES
from tracker.store import entity_repo, match_repo, repo, session_scope
from tracker.store.entity_repo import EntityError, ResolutionReport

T = TypeVar("T")


@click.group(invoke_without_command=True)
@click.option("--type", "kind", type=click.Choice(TYPES), help="Only entities of this type.")
@click.option("--min-sources", type=int, default=1, show_default=True, help="Only entities named in this many sources.")
@click.pass_context
def entities(ctx: click.Context, kind: str | None, min_sources: int) -> None:
    """List entities (people, bodies, places) with their aliases and counts; subcommands correct them.

    \b
    Example:
      tracker entities --type person
      tracker entities show 12
      tracker entities merge 12 40
    """
    if ctx.invoked_subcommand is not None:
        return
    obj: Context = ctx.obj
    with session_scope(obj.engine) as session:
        rows = [e for e in entity_repo.list_entities(session, kind) if e.sources >= min_sources]
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
def show(obj: Context, entity_id: int) -> None:
    """Show one entity: its aliases, the sources naming it, their titles for it, and why each was joined.

    \b
    Example:
      tracker entities show 12
    """
    with session_scope(obj.engine) as session:
        try:
            detail = entity_repo.entity_detail(session, entity_id)
        except EntityError as exc:
            fail(str(exc))
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
def merge(obj: Context, keep_id: int, other_id: int) -> None:
    """Merge entity OTHER_ID into KEEP_ID: they are one. Survives re-ingest and re-runs.

    \b
    Example:
      tracker entities merge 12 40
    """
    report = _correct(obj, lambda session: entity_repo.merge(session, keep_id, other_id))
    click.echo(f"merged entity {other_id} into {keep_id}")
    _print_resolution(report)


@entities.command()
@click.argument("entity_id", type=DB_ID)
@click.argument("alias")
@click.pass_obj
def split(obj: Context, entity_id: int, alias: str) -> None:
    """Take the mentions written ALIAS out of ENTITY_ID into an entity of their own.

    \b
    Example:
      tracker entities split 12 "Ivan Kovalenko"
    """
    new_id, report = _correct(obj, lambda session: entity_repo.split(session, entity_id, alias))
    click.echo(f"split {alias!r} out of entity {entity_id} into entity {new_id}")
    _print_resolution(report)


@entities.command()
@click.pass_obj
def resolve(obj: Context) -> None:
    """Resolve all sources' entities and match their claims again (after changing settings); editors'
    corrections are kept.

    \b
    Example:
      tracker entities resolve
    """
    report = _correct(obj, entity_repo.resolve_entities)
    _print_resolution(report)


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
def alias_add(obj: Context, entity_id: int, name: str) -> None:
    """Say that NAME is ENTITY_ID: mentions written NAME, now and later, belong to it.

    \b
    Example:
      tracker entities alias add 12 "Dmitrij Peskow"
    """
    report = _correct(obj, lambda session: entity_repo.add_alias(session, entity_id, name))
    click.echo(f"{name!r} is now an alias of entity {entity_id}")
    _print_resolution(report)


@alias.command("export")
@click.option("--output", "-o", default="-", show_default=True, help="CSV file to write, or - for stdout.")
@click.pass_obj
def alias_export(obj: Context, output: str) -> None:
    """Write every entity with every alias (seen or asserted by an editor) as CSV.

    \b
    Example:
      tracker entities alias export -o aliases.csv
    """
    with session_scope(obj.engine) as session:
        text = write_alias_file(entity_repo.export_aliases(session))
    target = output_file(output)
    emit(text, target)
    if target is None:
        return
    click.echo(f"wrote {output}: {text.count(chr(10)) - 1} aliases", err=True)


@alias.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_obj
def alias_import(obj: Context, file: Path) -> None:
    """Apply an alias file: each row says a name is (or is not) an entity. All rows or none are applied.

    \b
    Example:
      tracker entities alias import aliases.csv
    """
    try:
        rows = parse_alias_file(file.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        fail(f"{file}: cannot read ({exc.strerror or exc})")
    except UnicodeDecodeError:
        fail(f"{file}: not UTF-8 text")
    except AliasFileError as exc:
        fail(f"{file}: {exc}")
    applied, created, report = _correct(obj, lambda session: entity_repo.import_aliases(session, rows))
    click.echo(f"imported {applied} aliases from {file} ({created} new entities)")
    _print_resolution(report)


def _correct(obj: Context, change: Callable[[Session], T]) -> T:
    """Apply an editor's change and match the claims again, in one transaction: their entities changed, so
    may their links. A refused change is one line and leaves everything as it was."""
    with session_scope(obj.engine, write=True) as session:
        repo.lock_corpus_stage(session)
        try:
            result = change(session)
        except EntityError as exc:
            fail(str(exc))
        match_repo.match_claims(session)
        # Resolution and matching ran over the whole corpus: nothing an interrupted ingest left is owed now.
        repo.clear_pending(session, repo.CORPUS_STAGE)
    return result


def _print_resolution(report: ResolutionReport) -> None:
    click.echo(
        f"entities: {report.entities} from {report.source_entities} article entities; "
        f"spelling variants flagged: {report.spelling_variants}"
    )
