"""Candidate pairs by blocking: claims meet when they share entities, uncommon words or counts, never all pairs.

Each claim is filed under keys; a key shared by more than ``max_block`` claims is too common to mean
anything and is skipped, so the work grows with the sizes of the blocks, not with the square of the corpus.
A pair is proposed when it shares two keys (or an entity and any other key).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from tracker.config import MatchSettings


def claim_keys(reading) -> set[str]:
    keys = {f"e:{e}" for e in reading.claim.entities}
    keys.update(f"w:{s}" for s in reading.stem_set if len(s) > 3)
    keys.update(f"n:{c.noun_class or c.noun}" for c in reading.counts)
    keys.update(f"r:{r.person}" for r in reading.roles)
    for role in reading.roles:  # holders of one post meet even when no word of their claims is shared
        keys.update(f"o:{w}" for w in role.office.body)
        keys.update(f"o:{r}" for r in role.office.roles)
    return keys


def candidate_pairs(readings: list, settings: MatchSettings) -> Iterator[tuple[int, int]]:
    """Pairs (a, b), a < b, that share two keys or an entity and one more; counted claim by claim so that
    memory holds one claim's neighbours at a time, not every pair of the corpus."""
    keys_of = {r.claim.id: claim_keys(r) for r in readings}
    blocks: dict[str, list[int]] = defaultdict(list)
    for claim_id, keys in keys_of.items():
        for key in keys:
            blocks[key].append(claim_id)
    usable = {key: ids for key, ids in blocks.items() if 2 <= len(ids) <= settings.max_block}
    for claim_id in sorted(keys_of):
        shared: Counter[int] = Counter()
        via_entity: set[int] = set()
        for key in keys_of[claim_id]:
            ids = usable.get(key)
            if ids is None:
                continue
            later = [other for other in ids if other > claim_id]
            shared.update(later)
            if key.startswith(("e:", "r:")):
                via_entity.update(later)
        for other, n in shared.items():
            if n >= 3 or (other in via_entity and n >= 2):
                yield claim_id, other
