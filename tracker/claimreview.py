"""schema.org ClaimReview JSON-LD for claims an editor has given a verdict (a confirmed flag).

Fields follow schema.org and Google's fact-check requirements: claimReviewed, reviewRating (ratingValue,
bestRating, worstRating, alternateName), author, datePublished, url, and itemReviewed as a Claim with its
author, datePublished and appearances (the claim's own source and the outlets that state the same fact).
Every ``url`` written is an absolute http(s) address (``tracker.urls``); a source without one is named by
its content hash (``urn:sha256:…``).
"""

from __future__ import annotations

from typing import Any

from tracker.urls import check_url, safe_url

# A confirmed flag's verdict on each of its claims: (rating 1-5, words). The worst verdict of a claim wins.
VERDICTS = {
    "conflict": (2, "Disputed: another outlet reports otherwise"),
    "temporal_change": (4, "True at the time; since changed"),
    "corroboration": (5, "Corroborated by other outlets"),
}


def claim_reviews(data, report_url: str, publisher: str) -> list[dict[str, Any]]:
    """One ClaimReview per claim with a confirmed flag, rated by its worst confirmed verdict.

    ``report_url`` must be an absolute http(s) address (UrlError otherwise).
    """
    report_url = check_url(report_url, "report URL")
    claims = {c.id: c for c in data.claims}
    verdict: dict[int, tuple[int, str, Any]] = {}
    for flag in data.flags:
        if flag.status != "confirmed" or flag.kind not in VERDICTS:
            continue
        rating, words = VERDICTS[flag.kind]
        review = data.reviews.get(flag.id, [])[-1:] or [None]
        for claim_id in flag.claim_ids:
            if claim_id not in verdict or rating < verdict[claim_id][0]:
                verdict[claim_id] = (rating, words, review[0])
    base = report_url.rstrip("/") + "/"
    out = []
    for claim_id, (rating, words, review) in sorted(verdict.items()):
        claim = claims.get(claim_id)
        if claim is None:
            continue
        source = data.sources[claim.source_id]
        mates = [c for c in data.claims if c.cluster_id is not None and c.cluster_id == claim.cluster_id]
        appearances = []
        for c in [claim] + [m for m in mates if m.id != claim.id]:
            s = data.sources[c.source_id]
            appearance: dict[str, Any] = {
                "@type": "CreativeWork",
                "url": safe_url(s.url) or f"urn:sha256:{s.content_sha256}",
            }
            if s.title:
                appearance["headline"] = s.title
            if s.published:
                appearance["datePublished"] = s.published.isoformat()
            appearance["author"] = {"@type": "Organization", "name": s.outlet}
            appearances.append(appearance)
        reviewed_on = review.reviewed_at.date().isoformat() if review is not None and review.reviewed_at else None
        item: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base}claims/{claim.id}.html",
            "claimReviewed": claim.text,
            "author": {"@type": "Organization", "name": publisher},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": rating,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": words,
            },
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Organization", "name": source.outlet},
                "appearance": appearances,
                "firstAppearance": appearances[0],
            },
        }
        if source.published:
            item["itemReviewed"]["datePublished"] = source.published.isoformat()
        if reviewed_on:
            item["datePublished"] = reviewed_on
        if review is not None:
            item["editor"] = {"@type": "Person", "name": review.reviewer}
        out.append(item)
    return out
