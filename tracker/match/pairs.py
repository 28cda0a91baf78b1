"""Candidate pairs by blocking: claims meet when they share entities, uncommon words or counts, never all pairs.

Each claim is filed under keys; a key shared by more than ``max_block`` claims is too common to mean
anything and is skipped, so the work grows with the sizes of the blocks, not with the square of the corpus.
A pair is proposed when it shares two keys (or an entity and any other key).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from tracker.config import MatchSettings
from tracker.extract.events import reported
from tracker.match.read import THEMED_CLASSES, stem

KEY_WIDTH = 200  # claim_keys.key: a longer "word" is no word, and files under no key


def claim_keys(reading) -> set[str]:
    keys = {f"e:{e}" for e in reading.claim.entities}
    keys.update(f"w:{s}" for s in reading.stem_set if len(s) > 3)
    keys.update(f"n:{c.noun_class or c.noun}" for c in reading.counts)
    keys.update(f"r:{r.person}" for r in reading.roles)
    event = reading.claim.event
    if event is not None and event.theme and event.kind in THEMED_CLASSES and reading.claim.day is not None:
        # one event done to one thing on one day
        keys.add(f"t:{event.kind}:{stem(event.theme)}:{reading.claim.day.isoformat()}")
    keys.update(f"p:{w}" for w in reading.where)  # where a count or an event is
    happened = reported(event)
    if happened is not None and not happened.negated and reading.claim.day is not None:
        # one kind of event on one day: with an entity in common, two reports of it meet in other words
        keys.add(f"v:{happened.kind}:{reading.claim.day.isoformat()}")
    for role in reading.roles:  # holders of one post meet even when no word of their claims is shared
        keys.update(f"o:{w}" for w in role.office.body)
        keys.update(f"o:{r}" for r in role.office.roles)
    return {k for k in keys if len(k) <= KEY_WIDTH}


# Keys that name one thing (an entity, where a count or an event is, or an event frame's theme on one day):
# sharing one and any other key proposes a pair.
ENTITY_KEYS = ("e:", "r:", "t:", "p:")


def usable(block_size: int, settings: MatchSettings) -> bool:
    """A key proposes pairs while it is shared, and not by so many claims that it means nothing."""
    return 2 <= block_size <= settings.max_block


def proposed(shared: int, via_entity: bool) -> bool:
    """Two claims are compared when they share three usable keys, or two of which one names an entity."""
    return shared >= 3 or (via_entity and shared >= 2)


def candidate_pairs(readings: list, settings: MatchSettings) -> Iterator[tuple[int, int]]:
    return pairs_of_keys({r.claim.id: claim_keys(r) for r in readings}, settings)


def pairs_of_keys(keys_of: dict[int, set[str]], settings: MatchSettings) -> Iterator[tuple[int, int]]:
    """Pairs (a, b), a < b, that share two keys or an entity and one more; counted claim by claim so that
    memory holds one claim's neighbours at a time, not every pair of the corpus."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for claim_id, keys in keys_of.items():
        for key in keys:
            blocks[key].append(claim_id)
    kept = {key: ids for key, ids in blocks.items() if usable(len(ids), settings)}
    for claim_id in sorted(keys_of):
        shared: Counter[int] = Counter()
        via_entity: set[int] = set()
        for key in keys_of[claim_id]:
            ids = kept.get(key)
            if ids is None:
                continue
            later = [other for other in ids if other > claim_id]
            shared.update(later)
            if key.startswith(ENTITY_KEYS):
                via_entity.update(later)
        for other, n in shared.items():
            if proposed(n, other in via_entity):
                yield claim_id, other
