"""Per-article density of a tracker database: what a real ingest stores per article, and how entities are shared.

Counted over the English originals (not syndicated copies, not pages in another language), so that a synthetic
database and a real ingest compare on the articles that carry claims.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select

from tracker.store.models import (
    Base,
    Claim,
    ClaimEntity,
    ClaimQuantity,
    ClaimRole,
    ClaimTime,
    Flag,
    Mention,
    Passage,
    Source,
    SourceEntity,
)

# The figures compared, in the order printed: (key, label).
FIELDS = (
    ("text_chars", "body text characters"),
    ("passages", "passages"),
    ("claims", "claims"),
    ("source_entities", "entities named (source entities)"),
    ("mentions", "mentions"),
    ("claim_entities", "claim-entity links"),
    ("roles", "claim_roles"),
    ("quantities", "claim_quantities"),
    ("times", "claim_times"),
    ("claims_timed", "claims with a time"),
    ("claims_attributed", "claims attributed"),
    ("clustered_claims", "claims in a cluster (after matching)"),
    ("corroborations_per_100", "corroboration flags per 100"),
    ("alarms_per_100", "conflict+change flags per 100"),
)


def density(engine: Engine) -> dict[str, Any]:
    """Per-article means over the English originals, the claim kinds' shares, and the sharing of entities."""
    originals = select(Source.id).where(Source.duplicate_of_id.is_(None), Source.language == "en").subquery()
    ids = originals.c.id
    with engine.connect() as c:
        n = c.scalar(select(func.count()).select_from(originals)) or 0
        total_sources = c.scalar(select(func.count(Source.id))) or 0

        def count(query) -> float:
            return round((c.scalar(query) or 0) / max(1, n), 2)

        ids_q = select(ids)
        of_ids = select(Claim.id).where(Claim.source_id.in_(select(ids)))
        se_of = select(SourceEntity.id).where(SourceEntity.source_id.in_(select(ids)))
        out: dict[str, Any] = {
            "articles": n,
            "sources": total_sources,
            "text_chars": count(select(func.sum(func.length(Source.text))).where(Source.id.in_(select(ids)))),
            "passages": count(select(func.count(Passage.id)).where(Passage.source_id.in_(select(ids)))),
            "claims": count(select(func.count(Claim.id)).where(Claim.source_id.in_(select(ids)))),
            "source_entities": count(select(func.count(SourceEntity.id)).where(SourceEntity.source_id.in_(ids_q))),
            "mentions": count(select(func.count(Mention.id)).where(Mention.source_entity_id.in_(se_of))),
            "claim_entities": count(select(func.count(ClaimEntity.claim_id)).where(ClaimEntity.claim_id.in_(of_ids))),
            "roles": count(select(func.count()).select_from(ClaimRole).where(ClaimRole.claim_id.in_(of_ids))),
            "quantities": count(select(func.count(ClaimQuantity.id)).where(ClaimQuantity.claim_id.in_(of_ids))),
            "times": count(select(func.count(ClaimTime.id)).where(ClaimTime.claim_id.in_(of_ids))),
            "claims_timed": count(
                select(func.count(Claim.id)).where(Claim.source_id.in_(select(ids)), Claim.time_text.is_not(None))
            ),
            "claims_attributed": count(
                select(func.count(Claim.id)).where(
                    Claim.source_id.in_(select(ids)), Claim.attributed_to_name.is_not(None)
                )
            ),
        }  # fmt: skip
        kinds = dict(
            c.execute(
                select(Claim.kind, func.count(Claim.id)).where(Claim.source_id.in_(select(ids))).group_by(Claim.kind)
            ).all()
        )
        all_claims = sum(kinds.values()) or 1
        out["kinds"] = {k: round(v / all_claims, 3) for k, v in sorted(kinds.items())}
        # Sharing: in how many articles each entity (as the stored resolution has it) is named.
        per_entity = [
            row[0]
            for row in c.execute(
                select(func.count(func.distinct(SourceEntity.source_id)))
                .where(SourceEntity.entity_id.is_not(None), SourceEntity.source_id.in_(select(ids)))
                .group_by(SourceEntity.entity_id)
            )
        ]
        per_entity.sort(reverse=True)
        out["entities"] = len(per_entity)
        out["entities_in_one_article"] = round(sum(1 for k in per_entity if k == 1) / max(1, len(per_entity)), 3)
        out["top_entity_articles"] = per_entity[:5]
        out["top_entity_share"] = round(per_entity[0] / max(1, n), 3) if per_entity else 0.0
        flags = dict(c.execute(select(Flag.kind, func.count(Flag.id)).group_by(Flag.kind)).all())
        alarms = flags.get("conflict", 0) + flags.get("temporal_change", 0)
        out["corroborations_per_100"] = round(100 * flags.get("corroboration", 0) / max(1, n), 1)
        out["alarms_per_100"] = round(100 * alarms / max(1, n), 1)
        out["clustered_claims"] = round(
            (c.scalar(select(func.count(Claim.id)).where(Claim.cluster_id.is_not(None))) or 0) / max(1, n), 2
        )
        out["tables_empty"] = sorted(
            t for t in Base.metadata.tables if not c.scalar(select(func.count()).select_from(Base.metadata.tables[t]))
        )
    return out


def comparison(synthetic: dict[str, Any], real: dict[str, dict[str, Any]]) -> str:
    """A plain table: per-article figures of the synthetic database beside each real ingest."""
    names = list(real)
    header = f"{'per English article':<34}{'synthetic':>10}" + "".join(f"{n:>12}" for n in names)
    lines = [header, "-" * len(header)]
    for key, label in FIELDS:
        cells = "".join(f"{real[n].get(key, float('nan')):>12.1f}" for n in names)
        lines.append(f"{label:<34}{synthetic.get(key, float('nan')):>10.1f}{cells}")
    kinds = sorted(set(synthetic.get("kinds", {})) | {k for r in real.values() for k in r.get("kinds", {})})
    for kind in kinds:
        cells = "".join(f"{real[n].get('kinds', {}).get(kind, 0.0):>12.1%}" for n in names)
        lines.append(f"{'  share of claims: ' + kind:<34}{synthetic.get('kinds', {}).get(kind, 0.0):>10.1%}{cells}")
    for key, label in (
        ("articles", "articles counted"),
        ("entities", "entities (resolved)"),
        ("entities_in_one_article", "share of entities in 1 article"),
        ("top_entity_share", "top entity: share of articles"),
    ):
        fmt = ">10.1%" if "share" in key else ">10,"
        cfmt = ">12.1%" if "share" in key else ">12,"
        cells = "".join(format(real[n].get(key, 0), cfmt) for n in names)
        lines.append(f"{label:<34}{format(synthetic.get(key, 0), fmt)}{cells}")
    lines.append(
        f"{'top entities: articles':<34}{synthetic.get('top_entity_articles', [])!s}  "
        + "  ".join(f"{n}: {real[n].get('top_entity_articles', [])}" for n in names)
    )
    return "\n".join(lines)
