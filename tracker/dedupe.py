"""Syndicated copies: the same article republished under another header and footer, a few words changed.

Bodies are compared as sets of word shingles: a copy shares most of its shingles with the original even
after a handful of word changes, while another outlet's own article on the same event, written in its own
words, shares almost none.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.config import DEDUPE, DedupeSettings

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fingerprint:
    """What dedupe needs of a stored source: its id and its body's shingles."""

    source_id: int
    shingles: frozenset[int]


@dataclass(frozen=True)
class CopyMatch:
    original_id: int
    containment: float


def shingles(body: str, settings: DedupeSettings = DEDUPE) -> frozenset[int]:
    words = [w.lower() for w in _WORD.findall(body)]
    if len(words) < settings.min_words:
        return frozenset()
    k = settings.shingle_words
    # crc32, not hash(): stable across processes, so fingerprints can be compared between runs.
    return frozenset(zlib.crc32(" ".join(words[i : i + k]).encode()) for i in range(len(words) - k + 1))


def sample(body_shingles: frozenset[int], settings: DedupeSettings = DEDUPE) -> frozenset[int]:
    """The shingles a body is filed under in the database's fingerprint index: every one whose hash is a multiple
    of ``sample_every``, and the ``sample_least`` smallest (so a short body is filed too). The choice depends on
    the hash alone, so a copy, sharing most shingles with its original, shares most of their samples too."""
    every = {h for h in body_shingles if h % settings.sample_every == 0}
    return frozenset(every | set(sorted(body_shingles)[: settings.sample_least]))


def find_original(
    body_shingles: frozenset[int], earlier: Iterable[Fingerprint], settings: DedupeSettings = DEDUPE
) -> CopyMatch | None:
    """The earliest-seen source this body copies, if any (``earlier`` in the order they were stored)."""
    if not body_shingles:
        return None
    for candidate in earlier:
        if not candidate.shingles:
            continue
        shared = len(body_shingles & candidate.shingles)
        containment = shared / min(len(body_shingles), len(candidate.shingles))
        if containment >= settings.min_containment:
            return CopyMatch(candidate.source_id, round(containment, 3))
    return None
