"""`tracker outlets`: each outlet's reliability record, and the claims that drove it."""

from __future__ import annotations

import click

from tracker.api import Tracker
from tracker.cli_common import print_json, print_table


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def outlets(ctx: click.Context, as_json: bool) -> None:
    """Outlets with their reliability: a score and its 90 % interval, from editors' verdicts.

    The score is the mean of a Beta(1 + claims ruled accurate or, unruled, corroborated; 1 + claims ruled
    inaccurate or misattributed) posterior. A conflict alone marks no one down; changes over time are no fault.

    \b
    Example:
      tracker outlets
      tracker outlets show "Daily Planet"
    """
    if ctx.invoked_subcommand is not None:
        return
    obj: Tracker = ctx.obj
    rows = obj.outlets()
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo("no outlets yet: tracker ingest PATH")
        return
    table = [
        (o.name[:40], f"{o.reliability:.2f}", f"{o.low:.2f}-{o.high:.2f}", str(o.claims), str(o.corroborated),
         str(o.conflicted), str(o.disputed), str(o.superseded))
        for o in sorted(rows, key=lambda o: (-o.reliability, o.name))
    ]  # fmt: skip
    print_table(
        ("outlet", "score", "90% interval", "claims", "corroborated", "conflicted", "open conflicts", "superseded"),
        table,
    )


@outlets.command()
@click.argument("name")
@click.pass_obj
def show(obj: Tracker, name: str) -> None:
    """Show one outlet's record and the claims that drove its score.

    \b
    Example:
      tracker outlets show "Daily Planet"
    """
    detail = obj.outlet(name)
    record, claims = detail.record, detail.claims
    click.echo(
        f"{record.name}: score {record.reliability:.2f} (90 % interval {record.low:.2f}-{record.high:.2f}); "
        f"{record.claims} claims, {record.ruled_accurate} ruled accurate, {record.ruled_against} ruled inaccurate "
        f"or misattributed, {record.corroborated} corroborated and not ruled on, {record.conflicted} in confirmed "
        f"conflict, {record.disputed} in open conflict, {record.superseded} superseded by later changes"
    )
    ruled = {v.claim_id: v.rating for v in obj.verdicts(claim_ids=record.drivers, status="published")}
    for claim_id in record.drivers:
        mark = f"ruled {ruled[claim_id]}" if claim_id in ruled else "corroborated"
        click.echo(f"  [{claim_id}] {mark}: {claims[claim_id].text}")
