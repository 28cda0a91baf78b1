"""Page models for the reports: plain dicts for the templates, built from the store's report data."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from tracker.urls import safe_url

QUOTE_CONTEXT = 32  # characters of prefix and suffix in the Web Annotation's TextQuoteSelector


@dataclass(frozen=True)
class Page:
    path: str  # relative to the report folder
    template: str
    context: dict[str, Any]

    @property
    def root(self) -> str:
        """The relative way back to the report folder: "" for index.html, "../" for pages in folders."""
        return "../" * self.path.count("/")


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "outlet"


def build_pages(data) -> list[Page]:
    outlet_slug = _outlet_slugs([o.name for o in data.outlets] + [s.outlet for s in data.sources.values()])
    flags_of_claim: dict[int, list] = defaultdict(list)
    for flag in data.flags:
        for claim_id in flag.claim_ids:
            flags_of_claim[claim_id].append(flag)
    cluster_members: dict[int, list] = defaultdict(list)
    for claim in data.claims:
        if claim.cluster_id is not None:
            cluster_members[claim.cluster_id].append(claim)
    records = {o.name: o for o in data.outlets}
    claims = [_claim_view(c, data, flags_of_claim, cluster_members, records, outlet_slug) for c in data.claims]
    by_id = {c["id"]: c for c in claims}
    flags = [_flag_view(f, data, by_id) for f in data.flags]
    outlets = [_outlet_view(o, outlet_slug, claims) for o in data.outlets]
    pages = [Page("index.html", "index.html", _index_context(claims, flags, outlets))]
    pages += [Page(f"claims/{c['id']}.html", "claim.html", {"claim": c}) for c in claims]
    pages += [Page(f"flags/{f['id']}.html", "flag.html", {"flag": f}) for f in flags]
    pages += [Page(f"outlets/{o['slug']}.html", "outlet.html", {"outlet": o}) for o in outlets]
    return pages


def _outlet_slugs(names: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(set(names)):
        base = slug(name)
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        out[name] = candidate
    return out


def _claim_view(claim, data, flags_of_claim, cluster_members, records, outlet_slug) -> dict[str, Any]:
    source = data.sources[claim.source_id]
    text = source.text
    para_start, para_end = next(((s, e) for s, e in source.passages if s <= claim.start < e), (claim.start, claim.end))
    para_end = max(para_end, claim.end)
    entity_ids, speaker = data.claim_entities.get(claim.id, ([], None))
    record = records.get(source.outlet)
    return {
        "id": claim.id,
        "text": claim.text,
        "kind": claim.kind,
        "quote": text[claim.start : claim.end],
        "start": claim.start,
        "end": claim.end,
        "before": text[para_start : claim.start],
        "after": text[claim.end : para_end],
        "time": (claim.time_text, claim.time_first, claim.time_last) if claim.time_text else None,
        "attributed_to": data.entities[speaker].name if speaker in data.entities else claim.attributed_to,
        "source": source,
        "link": safe_url(source.url),  # None unless http(s): any other stored address is shown as text only
        "outlet_slug": outlet_slug.get(source.outlet, slug(source.outlet)),
        "entities": [data.entities[e] for e in entity_ids if e in data.entities],
        "matches": [
            {"id": m.id, "text": m.text, "outlet": data.sources[m.source_id].outlet, "published": m.published}
            for m in cluster_members.get(claim.cluster_id, [])
            if m.id != claim.id
        ],
        "flags": [_flag_summary(f, data) for f in flags_of_claim.get(claim.id, [])],
        "record": record,
        "annotation": _annotation(claim, source),
    }


def _annotation(claim, source) -> dict[str, Any]:
    """The quote as a W3C Web Annotation target: exact text with context, and its character positions."""
    text = source.text
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "motivation": "highlighting",
        "body": {"type": "TextualBody", "value": claim.text, "purpose": "describing"},
        "target": {
            "source": safe_url(source.url) or f"urn:sha256:{source.content_sha256}",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": text[claim.start : claim.end],
                    "prefix": text[max(0, claim.start - QUOTE_CONTEXT) : claim.start],
                    "suffix": text[claim.end : claim.end + QUOTE_CONTEXT],
                },
                {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
            ],
        },
    }


def _flag_summary(flag, data) -> dict[str, Any]:
    reviews = data.reviews.get(flag.id, [])
    last = reviews[-1] if reviews else None
    return {
        "id": flag.id,
        "kind": flag.kind,
        "status": flag.status,
        "explanation": flag.explanation,
        "reviewer": last.reviewer if last else None,
        "note": last.note if last else None,
    }


def _flag_view(flag, data, claims_by_id) -> dict[str, Any]:
    return {
        **_flag_summary(flag, data),
        "version": flag.version,
        "claims": [claims_by_id[c] for c in flag.claim_ids if c in claims_by_id],
        "entities": [data.entities[e] for e in flag.entity_ids if e in data.entities],
        "history": data.reviews.get(flag.id, []),
    }


def _outlet_view(record, outlet_slug, claims) -> dict[str, Any]:
    mine = [c for c in claims if c["source"].outlet == record.name]
    drivers = set(record.drivers)
    return {
        "name": record.name,
        "slug": outlet_slug[record.name],
        "record": record,
        "claims": mine,
        "drivers": [c for c in mine if c["id"] in drivers],
    }


def _index_context(claims, flags, outlets) -> dict[str, Any]:
    rows = []
    for c in claims:
        rows.append(
            {
                **c,
                "entity_names": sorted({e.name for e in c["entities"]}),
                "flag_kinds": sorted({f["kind"] for f in c["flags"]}),
                "flag_statuses": sorted({f["status"] for f in c["flags"]}),
            }
        )
    return {
        "claims": rows,
        "flags": flags,
        "outlets": outlets,
        "outlet_names": sorted({c["source"].outlet for c in claims}),
        "entity_names": sorted({n for r in rows for n in r["entity_names"]}),
        "flag_kinds": sorted({f["kind"] for f in flags}),
        "statuses": ["open", "confirmed", "dismissed"],
    }
