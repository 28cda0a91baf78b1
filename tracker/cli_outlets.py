"""`tracker outlets`: each outlet's reliability record, and the claims that drove it."""

from __future__ import annotations

import click

from tracker.cli_common import Context, fail, print_table
from tracker.reliability import records
from tracker.store import outlet_repo, repo, session_scope


@click.group(invoke_without_command=True)
@click.pass_context
def outlets(ctx: click.Context) -> None:
    """Outlets with their reliability: corroborated and conflicted claims, a score and its 90 % interval.

    The score is the mean of a Beta(1 + corroborated, 1 + confirmed conflicts) posterior; changes over time
    are no fault, open conflicts wait for review.

    \b
    Example:
      tracker outlets
      tracker outlets show "Daily Planet"
    """
    if ctx.invoked_subcommand is not None:
        return
    obj: Context = ctx.obj
    with session_scope(obj.engine) as session:
        rows = outlet_repo.outlet_records(session)
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
def show(obj: Context, name: str) -> None:
    """Show one outlet's record and the claims that drove its score.

    \b
    Example:
      tracker outlets show "Daily Planet"
    """
    with session_scope(obj.engine) as session:
        fates, names = outlet_repo.claim_fates(session)
        found = [r for r in records(fates, names) if r.name.lower() == name.lower()]
        if not found:
            fail(f"no outlet {name!r} (tracker outlets lists them)")
        record = found[0]
        claims = {c.id: c for c in repo.list_claims(session, ids=record.drivers)}
        fate_of = {f.claim_id: f for f in fates if f.claim_id in claims}
    click.echo(
        f"{record.name}: score {record.reliability:.2f} (90 % interval {record.low:.2f}-{record.high:.2f}); "
        f"{record.claims} claims, {record.corroborated} corroborated, {record.conflicted} in confirmed conflict, "
        f"{record.disputed} in open conflict, {record.superseded} superseded by later changes"
    )
    for claim_id in record.drivers:
        fate = fate_of[claim_id]
        mark = "conflict (confirmed)" if fate.conflicted else "corroborated"
        click.echo(f"  [{claim_id}] {mark}: {claims[claim_id].text}")
