"""schema.org ClaimReview JSON-LD, written from editors' published verdicts (``tracker.verdicts``).

Fields follow schema.org and Google's fact-check requirements: claimReviewed, reviewRating (ratingValue,
bestRating, worstRating, alternateName), author, datePublished, url, and itemReviewed as a Claim with its
author, datePublished and appearances. The appearances are the claim's own source and the outlets that state
the same fact: its corroboration cluster, less any claim a conflict or a change over time sets against it and
any that dates it otherwise; ``firstAppearance`` is the earliest of them. Every ``url`` written is an absolute
http(s) address (``tracker.urls``); a source without one is named by its content hash (``urn:sha256:…``).
"""

from __future__ import annotations

from typing import Any

from tracker.urls import check_url, safe_url
from tracker.verdicts import RATINGS

# Each rating's value on schema.org's 1 (worst) to 5 (best) scale.
RATING_VALUES = {"accurate": 5, "outdated": 3, "unproven": 3, "misattributed": 2, "inaccurate": 1}
SET_AGAINST = frozenset({"conflict", "temporal_change"})


def claim_reviews(claims, sources, verdicts, flags, report_url: str, publisher: str) -> list[dict[str, Any]]:
    """One ClaimReview per published verdict (``claims``: StoredClaim; ``sources``: id -> StoredSource;
    ``verdicts``: published StoredVerdicts; ``flags``: the conflicts and changes, StoredFlag).

    ``report_url`` must be an absolute http(s) address (UrlError otherwise).
    """
    report_url = check_url(report_url, "report URL")
    by_id = {c.id: c for c in claims}
    against: dict[int, set[int]] = {}
    for flag in flags:
        if flag.kind in SET_AGAINST and flag.status != "dismissed":
            for a in flag.claim_ids:
                against.setdefault(a, set()).update(b for b in flag.claim_ids if b != a)
    cluster: dict[int, list[int]] = {}
    for c in claims:
        if c.cluster_id is not None:
            cluster.setdefault(c.cluster_id, []).append(c.id)
    base = report_url.rstrip("/") + "/"
    out = []
    for verdict in sorted(verdicts, key=lambda v: v.claim_id):
        claim = by_id.get(verdict.claim_id)
        if claim is None or verdict.rating not in RATING_VALUES:
            continue
        mates = [
            by_id[i]
            for i in cluster.get(claim.cluster_id, []) if claim.cluster_id is not None
            if i != claim.id and i not in against.get(claim.id, set()) and _same_time(by_id[i], claim)
        ]  # fmt: skip
        appearances = sorted(
            (_appearance(sources[c.source_id]) | {"_id": c.id} for c in [claim, *mates]),
            key=lambda a: (a.get("datePublished") or "9999", a["_id"]),
        )
        for a in appearances:
            del a["_id"]
        source = sources[claim.source_id]
        item: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base}claims/{claim.id}.html",
            "claimReviewed": claim.text,
            "author": {"@type": "Organization", "name": publisher},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": RATING_VALUES[verdict.rating],
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": RATINGS[verdict.rating],
            },
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Organization", "name": source.outlet or "unknown outlet"},
                "appearance": appearances,
                "firstAppearance": appearances[0],
            },
        }
        if source.published:
            item["itemReviewed"]["datePublished"] = source.published.isoformat()
        if verdict.decided_at is not None:
            item["datePublished"] = verdict.decided_at.date().isoformat()
        if verdict.note:
            item["reviewBody"] = verdict.note
        if verdict.evidence_url and safe_url(verdict.evidence_url):
            item["citation"] = safe_url(verdict.evidence_url)
        item["editor"] = [
            {"@type": "Person", "name": verdict.proposed_by},
            {"@type": "Person", "name": verdict.decided_by},
        ]
        out.append(item)
    return out


def _same_time(a, b) -> bool:
    """Neither dates the fact, or both date it alike."""
    if a.time_first is None or b.time_first is None:
        return True
    return (a.time_first, a.time_last) == (b.time_first, b.time_last)


def _appearance(s) -> dict[str, Any]:
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": safe_url(s.url) or f"urn:sha256:{s.content_sha256}"}
    if s.title:
        appearance["headline"] = s.title
    if s.published:
        appearance["datePublished"] = s.published.isoformat()
    appearance["author"] = {"@type": "Organization", "name": s.outlet or "unknown outlet"}
    return appearance
