"""The fate of every claim per outlet, read from clusters and reviewed flags, for the reliability records."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.reliability import ClaimFate
from tracker.store.models import Claim, Flag, FlagClaim, Outlet, Source, Verdict


def claim_fates(session: Session) -> tuple[list[ClaimFate], list[str]]:
    rows = session.execute(
        select(Claim.id, Claim.cluster_id, Claim.time_first, Source.published, Source.path, Outlet.name)
        .join(Source, Source.id == Claim.source_id)
        .outerjoin(Outlet, Outlet.id == Source.outlet_id)
        .where(Source.duplicate_of_id.is_(None))
    ).all()
    outlet_of = {r[0]: r[5] or Path(r[4]).name for r in rows}
    when: dict[int, dt.date | None] = {r[0]: r[2] or r[3] for r in rows}
    flagged: dict[tuple[str, str], set[int]] = defaultdict(set)
    members: dict[int, list[int]] = defaultdict(list)
    for flag_id, kind, status, claim_id in session.execute(
        select(Flag.id, Flag.kind, Flag.status, FlagClaim.claim_id).join(FlagClaim, FlagClaim.flag_id == Flag.id)
    ):
        flagged[(kind, status)].add(claim_id)
        if kind == "temporal_change":
            members[flag_id].append(claim_id)
    superseded = set()
    for ids in members.values():
        dated = {i: day for i in ids if (day := when.get(i)) is not None}
        if len(dated) == len(ids) and len(ids) > 1:
            superseded.add(min(dated, key=dated.__getitem__))
    rating = dict(session.execute(select(Verdict.claim_id, Verdict.rating).where(Verdict.status == "published")).all())
    fates = [
        ClaimFate(
            claim_id=claim_id,
            outlet=outlet_of[claim_id],
            corroborated=cluster is not None and claim_id not in flagged[("corroboration", "dismissed")],
            conflicted=claim_id in flagged[("conflict", "confirmed")],
            disputed=claim_id in flagged[("conflict", "open")],
            superseded=claim_id in superseded,
            rating=rating.get(claim_id),
        )
        for claim_id, cluster, *_rest in rows
    ]
    names = sorted(set(session.scalars(select(Outlet.name))) | set(outlet_of.values()))
    return fates, names
