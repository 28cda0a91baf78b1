"""Verdicts per claim, under a four-eyes rule: what an editor rules on a claim, and how a ruling is published.

An editor rules on one claim: accurate, inaccurate, outdated, misattributed or unproven, with a note and the
source the ruling rests on. A ruling is *proposed* by one editor and *published* only when a second, different
editor approves it; either may be refused (rejected by another editor, withdrawn by its proposer). Every step is
an append-only row of the verdict's trail. A claim has at most one open proposal at a time; a published verdict
gives way ("superseded") to a later one published on the same claim.

A conflict is resolved by ruling on its claims: once a published verdict says one side is wrong (inaccurate,
misattributed, outdated), or every claim it joins has a published verdict, the conflict flag is "resolved",
in its own review trail, by the approving editor. Reliability counts verdicts (``FOR_OUTLET``,
``AGAINST_OUTLET``), so the outlet that was right is never marked down.

Who may act: ``users.can_edit`` (every name, while no user is registered).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy.orm import Session

from tracker.errors import TrackerError
from tracker.store import flag_repo
from tracker.store import verdict_repo as rows
from tracker.store.limits import REVIEWER
from tracker.store.verdict_repo import StaleRow, StoredStep, StoredVerdict
from tracker.urls import UrlError, check_url

Verdict = StoredVerdict
VerdictEvent = StoredStep

# What an editor can rule a claim, with the words a page shows for it.
RATINGS = {
    "accurate": "Accurate",
    "inaccurate": "Inaccurate",
    "outdated": "Outdated: true when reported, since changed",
    "misattributed": "Misattributed: not said by whom the claim names",
    "unproven": "Unproven: no evidence either way",
}
FOR_OUTLET = frozenset({"accurate"})
AGAINST_OUTLET = frozenset({"inaccurate", "misattributed"})
# A published verdict of these on one side settles a conflict: that side is the wrong (or stale) one.
SETTLES_CONFLICT = frozenset({"inaccurate", "misattributed", "outdated"})

PROPOSED, PUBLISHED, REJECTED, WITHDRAWN, SUPERSEDED = "proposed", "published", "rejected", "withdrawn", "superseded"
MAX_NOTE = 4000


class VerdictError(TrackerError, ValueError):
    """A ruling that cannot be recorded; the message says why in one line."""


class StaleVerdict(VerdictError):
    """Someone acted on the verdict since this editor read it."""


def propose(
    session: Session,
    claim_id: int,
    rating: str,
    by: str,
    note: str | None = None,
    evidence_url: str | None = None,
    flag_id: int | None = None,
) -> Verdict:
    by = editor(session, by)
    if rating not in RATINGS:
        raise VerdictError(f"rating {rating!r}: not a rating ({', '.join(RATINGS)})")
    if not rows.claim_exists(session, claim_id):
        raise VerdictError(f"no claim {claim_id}")
    if flag_id is not None and not rows.flag_exists(session, flag_id):
        raise VerdictError(f"no flag {flag_id}")
    note = _note(note)
    if evidence_url:
        try:
            evidence_url = check_url(evidence_url.strip(), "source of the ruling")
        except UrlError as exc:
            raise VerdictError(str(exc)) from exc
    rows.lock_claim(session, claim_id)
    open_ = rows.verdicts(session, claim_ids=[claim_id], status=PROPOSED)
    if open_:
        raise VerdictError(
            f"claim {claim_id} already has a proposed verdict ({open_[0].id}, {open_[0].rating}, by "
            f"{open_[0].proposed_by}): approve, reject or withdraw it first"
        )
    return rows.add(session, claim_id, rating, PROPOSED, by, note, evidence_url or None, flag_id)


def approve(session: Session, verdict_id: int, by: str, expected_version: int | None = None) -> Verdict:
    """Publish a proposed verdict: only an editor other than its proposer may (the four-eyes rule)."""
    by = editor(session, by)
    verdict = _current(session, verdict_id, expected_version)
    if verdict.status != PROPOSED:
        raise VerdictError(f"verdict {verdict_id} is {verdict.status}; only a proposed verdict can be approved")
    if _same_person(by, verdict.proposed_by):
        raise VerdictError(
            f"verdict {verdict_id} was proposed by {verdict.proposed_by}: a second, different editor must approve it"
        )
    for earlier in rows.verdicts(session, claim_ids=[verdict.claim_id], status=PUBLISHED):
        rows.step(session, earlier.id, earlier.version, {PUBLISHED}, SUPERSEDED, SUPERSEDED, by, f"by {verdict_id}")
    published = _step(session, verdict, {PROPOSED}, PUBLISHED, "approve", by)
    _settle_conflicts(session, published, by)
    return published


def reject(
    session: Session, verdict_id: int, by: str, note: str | None = None, expected_version: int | None = None
) -> Verdict:
    """Refuse a proposed verdict: another editor's word against it (its proposer withdraws instead)."""
    by = editor(session, by)
    verdict = _current(session, verdict_id, expected_version)
    if verdict.status != PROPOSED:
        raise VerdictError(f"verdict {verdict_id} is {verdict.status}; only a proposed verdict can be rejected")
    if _same_person(by, verdict.proposed_by):
        raise VerdictError(f"verdict {verdict_id} is your own proposal: withdraw it instead")
    return _step(session, verdict, {PROPOSED}, REJECTED, "reject", by, _note(note))


def withdraw(session: Session, verdict_id: int, by: str, expected_version: int | None = None) -> Verdict:
    by = editor(session, by)
    verdict = _current(session, verdict_id, expected_version)
    if verdict.status != PROPOSED:
        raise VerdictError(f"verdict {verdict_id} is {verdict.status}; only a proposed verdict can be withdrawn")
    if not _same_person(by, verdict.proposed_by):
        raise VerdictError(f"verdict {verdict_id} was proposed by {verdict.proposed_by}: only they can withdraw it")
    return _step(session, verdict, {PROPOSED}, WITHDRAWN, "withdraw", by)


def published(session: Session, claim_ids: Iterable[int] | None = None) -> dict[int, Verdict]:
    """Each claim's published verdict (at most one per claim)."""
    return {v.claim_id: v for v in rows.verdicts(session, claim_ids=claim_ids, status=PUBLISHED)}


def assign(session: Session, flag_ids: Sequence[int], to: str | None, by: str) -> int:
    editor(session, by)
    if to is not None:
        to = to.strip()
        if not to:
            to = None
        elif len(to) > REVIEWER:
            raise VerdictError(f"an editor's name is at most {REVIEWER} characters")
    ids = sorted(set(flag_ids))
    if not ids:
        raise VerdictError("no flag to assign")
    missing = [i for i in ids if not rows.flag_exists(session, i)]
    if missing:
        raise VerdictError(f"no flag {missing[0]}")
    return rows.assign(session, ids, to)


# -- the rules -------------------------------------------------------------------------------------------------


def _settle_conflicts(session: Session, verdict: Verdict, by: str) -> None:
    """Resolve each open or confirmed conflict this verdict settles, in the flag's own trail."""
    for flag_id, status, members in rows.flags_of_claim(session, verdict.claim_id, {"conflict"}):
        if status not in (flag_repo.OPEN, flag_repo.CONFIRMED):
            continue
        ruled = published(session, members)
        settled = any(v.rating in SETTLES_CONFLICT for v in ruled.values()) or set(ruled) >= set(members)
        if settled:
            words = "; ".join(f"claim {c} {ruled[c].rating} (verdict {ruled[c].id})" for c in sorted(ruled))
            flag_repo.review(session, flag_id, "resolve", by, f"resolved by rulings: {words}")


def editor(session: Session, by: str) -> str:
    """The name, trimmed, of one who may rule (``users.can_edit``); VerdictError otherwise."""
    from tracker.users import can_edit

    name = (by or "").strip()
    if not name:
        raise VerdictError("say who rules (a name or initials)")
    if len(name) > REVIEWER:
        raise VerdictError(f"an editor's name is at most {REVIEWER} characters")
    if not can_edit(session, name):
        raise VerdictError(f"{name} may not rule: only editors and admins may")
    return name


def _note(note: str | None) -> str | None:
    note = (note or "").strip() or None
    if note is not None and len(note) > MAX_NOTE:
        raise VerdictError(f"a note is at most {MAX_NOTE} characters")
    return note


def _same_person(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _current(session: Session, verdict_id: int, expected_version: int | None) -> Verdict:
    verdict = rows.get(session, verdict_id)
    if verdict is None:
        raise VerdictError(f"no verdict {verdict_id}")
    if expected_version is not None and expected_version != verdict.version:
        raise StaleVerdict(_newer_state(session, verdict, expected_version))
    return verdict


def _step(
    session: Session, verdict: Verdict, from_: set[str], to: str, action: str, by: str, note: str | None = None
) -> Verdict:
    try:
        return rows.step(session, verdict.id, verdict.version, from_, to, action, by, note)
    except StaleRow:
        fresh = rows.get(session, verdict.id)
        assert fresh is not None
        raise StaleVerdict(_newer_state(session, fresh, verdict.version)) from None


def _newer_state(session: Session, verdict: Verdict, seen: int) -> str:
    last = rows.last_step(session, verdict.id)
    by = f" by {last.by} at {last.at:%Y-%m-%d %H:%M}" if last is not None and last.at is not None else ""
    return (
        f"another editor got there first: verdict {verdict.id} changed since you read it (version {seen}); it is "
        f"now {verdict.status} at version {verdict.version}{by}"
    )
