"""Entities: mentions in each article (recognise), who is who inside it (local), across sources (resolve).

``article_entities`` is the per-article, database-free part that runs at ingest; ``resolve`` runs over the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.analyse import Document
from tracker.entities.link import ClaimLink, link_claims
from tracker.entities.local import LocalEntity, group_mentions
from tracker.entities.recognise import MentionDraft, find_mentions, without_counted_nouns
from tracker.entities.resolve import profile
from tracker.extract import ClaimDraft


@dataclass(frozen=True)
class ArticleEntities:
    """An article's mentions, grouped into its local entities, and which claims are about which."""

    mentions: tuple[MentionDraft, ...]
    entities: tuple[LocalEntity, ...]
    claim_links: tuple[ClaimLink, ...]
    # What resolution reads of each local entity (``resolve.profile``: forms with counts, titles, blocking keys),
    # made here with the article so the corpus stage need not read its mentions back; empty: made there.
    profiles: tuple[tuple[str, str, frozenset[str]], ...] = ()


def article_entities(document: Document, claims: tuple[ClaimDraft, ...]) -> ArticleEntities:
    mentions = without_counted_nouns(find_mentions(document), claims)
    entities = group_mentions(mentions)
    text = document.text
    profiles = tuple(
        profile(
            e.name,
            e.type,
            e.strong,
            [
                (text[m.start : m.end], None if m.title_start is None else text[m.title_start : m.title_end])
                for m in (mentions[i] for i in e.mentions)
            ],
        )
        for e in entities
    )
    return ArticleEntities(tuple(mentions), tuple(entities), tuple(link_claims(claims, mentions, entities)), profiles)


__all__ = ["ArticleEntities", "ClaimLink", "LocalEntity", "MentionDraft", "article_entities"]
