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
    keys.update(f"n:{c.noun}" for c in reading.counts)
    keys.update(f"r:{r.person}" for r in reading.roles)
    for role in reading.roles:  # holders of one post meet even when no word of their claims is shared
        keys.update(f"o:{w}" for w in role.office.body)
        keys.update(f"o:{r}" for r in role.office.roles)
    return keys


def candidate_pairs(readings: list, settings: MatchSettings) -> Iterator[tuple[int, int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for reading in readings:
        for key in claim_keys(reading):
            blocks[key].append(reading.claim.id)
    shared: Counter[tuple[int, int]] = Counter()
    by_entity: set[tuple[int, int]] = set()
    for key, ids in blocks.items():
        if len(ids) < 2 or len(ids) > settings.max_block:
            continue
        ids.sort()
        entity_key = key.startswith(("e:", "r:"))
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                shared[(a, b)] += 1
                if entity_key:
                    by_entity.add((a, b))
    for pair, n in shared.items():
        if n >= 3 or (pair in by_entity and n >= 2):
            yield pair
