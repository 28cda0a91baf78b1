"""Entities: mentions in each article (recognise), who is who inside it (local), across sources (resolve).

``article_entities`` is the per-article, database-free part that runs at ingest; ``resolve`` runs over the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.analyse import Document
from tracker.entities.link import ClaimLink, link_claims
from tracker.entities.local import LocalEntity, group_mentions
from tracker.entities.recognise import MentionDraft, find_mentions
from tracker.extract import ClaimDraft


@dataclass(frozen=True)
class ArticleEntities:
    """An article's mentions, grouped into its local entities, and which claims are about which."""

    mentions: tuple[MentionDraft, ...]
    entities: tuple[LocalEntity, ...]
    claim_links: tuple[ClaimLink, ...]


def article_entities(document: Document, claims: tuple[ClaimDraft, ...]) -> ArticleEntities:
    mentions = find_mentions(document)
    entities = group_mentions(mentions)
    return ArticleEntities(tuple(mentions), tuple(entities), tuple(link_claims(claims, mentions, entities)))


__all__ = ["ArticleEntities", "ClaimLink", "LocalEntity", "MentionDraft", "article_entities"]
