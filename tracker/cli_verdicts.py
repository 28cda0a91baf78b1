"""`tracker verdicts ...`: editors' rulings on claims, proposed by one editor and published by a second."""

from __future__ import annotations

import click

from tracker.api import Tracker
from tracker.cli_common import DB_ID, DatabaseId, print_json, print_table
from tracker.verdicts import RATINGS, Verdict

STATUSES = ("proposed", "published", "rejected", "withdrawn", "superseded")
_VERSION = click.option(
    "--version", "expected", type=DatabaseId("version"), help="The verdict version you saw (from 'verdicts show')."
)
_BY = click.option("--by", required=True, help="Who acts: your name or initials (an editor).")


@click.group(invoke_without_command=True)
@click.option("--claim", "claim_id", type=DB_ID, help="Only rulings on this claim.")
@click.option("--status", type=click.Choice(STATUSES), help="Only rulings in this state.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def verdicts(ctx: click.Context, claim_id: int | None, status: str | None, as_json: bool) -> None:
    """List rulings on claims: rating, state, who proposed and who decided.

    A ruling is proposed by one editor and published only when a second, different editor approves it.

    \b
    Example:
      tracker verdicts --status proposed
      tracker verdicts propose 12 inaccurate --by Ada --note "the decree is dated 16 May" --source https://...
      tracker verdicts approve 3 --by Ben
    """
    if ctx.invoked_subcommand is not None:
        return
    obj: Tracker = ctx.obj
    rows = obj.verdicts(claim_ids=[claim_id] if claim_id is not None else None, status=status)
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo("no verdicts match")
        return
    print_table(
        ("id", "claim", "rating", "status", "proposed by", "decided by"),
        [(str(v.id), str(v.claim_id), v.rating, v.status, v.proposed_by, v.decided_by or "-") for v in rows],
    )


def _said(v: Verdict) -> str:
    return f"verdict {v.id} on claim {v.claim_id}: {v.rating}, {v.status} (version {v.version})"


@verdicts.command()
@click.argument("claim_id", type=DB_ID)
@click.argument("rating", type=click.Choice(tuple(RATINGS)))
@_BY
@click.option("--note", help="Why: shown with the ruling.")
@click.option("--source", "evidence_url", help="The http(s) address of the evidence the ruling rests on.")
@click.option("--flag", "flag_id", type=DB_ID, help="The flag the ruling answers.")
@click.pass_obj
def propose(
    obj: Tracker, claim_id: int, rating: str, by: str, note: str | None, evidence_url: str | None, flag_id: int | None
) -> None:
    """Propose a ruling on claim CLAIM_ID; another editor publishes it with 'verdicts approve'.

    \b
    Example:
      tracker verdicts propose 12 inaccurate --by Ada --note "the decree is dated 16 May"
    """
    click.echo(_said(obj.propose_verdict(claim_id, rating, by, note, evidence_url, flag_id)))


@verdicts.command()
@click.argument("verdict_id", type=DB_ID)
@_BY
@_VERSION
@click.pass_obj
def approve(obj: Tracker, verdict_id: int, by: str, expected: int | None) -> None:
    """Publish verdict VERDICT_ID: only an editor other than its proposer may.

    \b
    Example:
      tracker verdicts approve 3 --by Ben --version 1
    """
    click.echo(_said(obj.approve_verdict(verdict_id, by, expected)))


@verdicts.command()
@click.argument("verdict_id", type=DB_ID)
@_BY
@click.option("--note", help="Why not: kept in the trail.")
@_VERSION
@click.pass_obj
def reject(obj: Tracker, verdict_id: int, by: str, note: str | None, expected: int | None) -> None:
    """Refuse another editor's proposed verdict VERDICT_ID.

    \b
    Example:
      tracker verdicts reject 3 --by Ben --note "needs a source"
    """
    click.echo(_said(obj.reject_verdict(verdict_id, by, note, expected)))


@verdicts.command()
@click.argument("verdict_id", type=DB_ID)
@_BY
@_VERSION
@click.pass_obj
def withdraw(obj: Tracker, verdict_id: int, by: str, expected: int | None) -> None:
    """Withdraw your own proposed verdict VERDICT_ID.

    \b
    Example:
      tracker verdicts withdraw 3 --by Ada
    """
    click.echo(_said(obj.withdraw_verdict(verdict_id, by, expected)))


@verdicts.command()
@click.argument("verdict_id", type=DB_ID)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def show(obj: Tracker, verdict_id: int, as_json: bool) -> None:
    """Show verdict VERDICT_ID and its whole trail.

    \b
    Example:
      tracker verdicts show 3
    """
    trail = obj.verdict_history(verdict_id)
    [verdict] = obj.verdicts(ids=[verdict_id])
    if as_json:
        print_json({"verdict": verdict, "trail": trail})
        return
    click.echo(_said(verdict))
    if verdict.note:
        click.echo(f"  note: {verdict.note}")
    if verdict.evidence_url:
        click.echo(f"  source: {verdict.evidence_url}")
    for step in trail:
        when = step.at.strftime("%Y-%m-%d %H:%M:%S") if step.at else "?"
        note = f" · {step.note}" if step.note else ""
        click.echo(f"  {when} · {step.by} · {step.action} · version {step.version}{note}")
