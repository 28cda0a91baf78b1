"""`tracker flags ...`: what matching and resolution found for editors to look at."""

from __future__ import annotations

import click

from tracker.api import Tracker
from tracker.cli_common import DB_ID, DatabaseId, print_json, print_table

FLAG_KINDS = ("corroboration", "conflict", "temporal_change", "spelling_variant")
STATUSES = ("open", "confirmed", "dismissed", "resolved")


@click.group(invoke_without_command=True)
@click.option("--kind", type=click.Choice(FLAG_KINDS), help="Only flags of this kind.")
@click.option("--status", type=click.Choice(STATUSES), help="Only flags with this review status.")
@click.option("--outlet", help="Only flags involving a claim of this outlet (case-insensitive name).")
@click.option("--assigned-to", help="Only flags assigned to this editor.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def flags(
    ctx: click.Context, kind: str | None, status: str | None, outlet: str | None, assigned_to: str | None, as_json: bool
) -> None:
    """List flags: corroborations, conflicts, changes over time and spelling variants, with explanations.

    \b
    Example:
      tracker flags --kind conflict --status open
      tracker flags show 7
    """
    if ctx.invoked_subcommand is not None:
        return
    obj: Tracker = ctx.obj
    rows = list(obj.flags(kind=kind, status=status, outlet=outlet, assigned_to=assigned_to))
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo("no flags match")
        return
    table = [
        (str(f.id), f.kind, f.status, ",".join(map(str, f.claim_ids[:6])) + ("…" if len(f.claim_ids) > 6 else ""),
         _short(f.explanation))
        for f in rows
    ]  # fmt: skip
    print_table(("id", "kind", "status", "claims", "explanation"), table)


@flags.command()
@click.argument("flag_id", type=DB_ID)
@click.pass_obj
def show(obj: Tracker, flag_id: int) -> None:
    """Show one flag: its explanation and every claim it joins, with outlet, date and exact quote.

    \b
    Example:
      tracker flags show 7
    """
    detail = obj.flag(flag_id)
    flag, claims = detail.flag, detail.claims
    click.echo(f"[{flag.id}] {flag.kind} · {flag.status} · version {flag.version}")
    click.echo(f"  {flag.explanation}")
    if flag.entity_ids:
        click.echo(f"  entities: {', '.join(map(str, flag.entity_ids))} (tracker entities show ID)")
    for claim_id in flag.claim_ids:
        c = claims.get(claim_id)
        if c is None:
            continue
        when = c.published.isoformat() if c.published else "undated"
        click.echo(f"  claim {c.id} · {c.outlet or c.source_path} · {when} · cluster {c.cluster_id or '-'}")
        click.echo(f"    {c.text}")
        click.echo(f"    quote [{c.start}:{c.end}]: {' '.join(c.quote.split())[:300]}")


def _short(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _review_command(action: str, summary: str):
    @flags.command(
        action,
        help=summary
        + """

    Each review is recorded in the flag's audit trail (tracker flags history ID). With --version, the review
    only goes through if the flag is still at that version (what you saw in 'tracker flags show'). Several
    IDs are reviewed together, all or none.

    \b
    Example:
      tracker flags """
        + action
        + """ 7 --by "A. Editor" --note "checked against the original"
    """,
    )
    @click.argument("flag_ids", type=DB_ID, nargs=-1, required=True)
    @click.option("--by", "reviewer", required=True, help="Who reviews: a name or initials.")
    @click.option("--note", help="Why: kept in the audit trail.")
    @click.option(
        "--version", "expected", type=DatabaseId("version"), help="The flag version you reviewed (from 'flags show')."
    )
    @click.pass_obj
    def command(obj: Tracker, flag_ids: tuple[int, ...], reviewer: str, note: str | None, expected: int | None) -> None:
        if len(flag_ids) == 1:
            done = [obj.review(flag_ids[0], action, reviewer, note, expected)]
        elif expected is not None:
            raise click.UsageError("--version names one flag's version: review one flag with it")
        else:
            done = obj.review_many(flag_ids, action, reviewer, note)
        for d in done:
            click.echo(f"flag {d.flag_id}: {d.from_status} -> {d.to_status} by {d.reviewer} (version {d.version})")

    return command


confirm = _review_command("confirm", "Confirm flag ID: the corroboration, conflict or change holds.")
dismiss = _review_command("dismiss", "Dismiss flag ID: it does not hold.")
reopen = _review_command("reopen", "Reopen a confirmed or dismissed flag ID for review.")


@flags.command()
@click.argument("flag_id", type=DB_ID)
@click.pass_obj
def history(obj: Tracker, flag_id: int) -> None:
    """Show the audit trail of flag ID: every review, who, when, from and to which status, and the note.

    \b
    Example:
      tracker flags history 7
    """
    rows = obj.history(flag_id)
    if not rows:
        click.echo(f"flag {flag_id} has not been reviewed")
        return
    for r in rows:
        when = r.reviewed_at.strftime("%Y-%m-%d %H:%M:%S") if r.reviewed_at else "?"
        note = f" · {r.note}" if r.note else ""
        click.echo(f"{when} · {r.reviewer} · {r.from_status} -> {r.to_status} · version {r.version}{note}")


@flags.command()
@click.argument("flag_ids", type=DB_ID, nargs=-1, required=True)
@click.option("--to", "to", help="The editor to assign them to.")
@click.option("--nobody", is_flag=True, help="Take the assignment off.")
@click.option("--by", required=True, help="Who assigns: your name or initials (an editor).")
@click.pass_obj
def assign(obj: Tracker, flag_ids: tuple[int, ...], to: str | None, nobody: bool, by: str) -> None:
    """Assign flags to an editor (--to NAME), or to nobody (--nobody).

    \b
    Example:
      tracker flags assign 7 9 --to Ada --by Ben
      tracker flags --assigned-to Ada --status open
    """
    if nobody == (to is not None):
        raise click.UsageError("say --to NAME or --nobody")
    n = obj.assign(flag_ids, None if nobody else to, by)
    click.echo(f"{n} flag(s) assigned to {to}" if to else f"{n} flag(s) assigned to nobody")
