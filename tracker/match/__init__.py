"""Cross-outlet matching: which claims state the same fact, which contradict each other, which show a change.

Pure: claims (with their entities, dates and outlets) in, clusters and links out. Candidate pairs come from
blocking (``match.pairs``); each pair is read through slots (``match.read``: roles, counts, event dates) and
compared (``match.compare``). Tunable numbers live in ``config.MatchSettings``.
"""

from __future__ import annotations

from tracker.match.compare import ClaimFacts, EntityInfo, Link, MatchResult, match

__all__ = ["ClaimFacts", "EntityInfo", "Link", "MatchResult", "match"]
