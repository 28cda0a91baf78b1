"""Which entities each claim is about, and who it is attributed to.

A claim is about the entities named inside its passage and kept in its own words, and about the people its
text names after pronouns were resolved ("He said" -> "Oleh Hnatiuk said"); its speaker is the entity its
attribution names.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.entities.local import LocalEntity
from tracker.entities.personal import clean_form
from tracker.entities.recognise import MentionDraft
from tracker.entities.resolve import name_key
from tracker.entities.romanise import spelling_key
from tracker.extract import ClaimDraft


@dataclass(frozen=True)
class ClaimLink:
    claim: int  # index into the article's claims
    entity: int  # index into the article's local entities
    speaker: bool


def link_claims(
    claims: tuple[ClaimDraft, ...] | list[ClaimDraft], mentions: list[MentionDraft], entities: list[LocalEntity]
) -> list[ClaimLink]:
    owner = {m: e for e, entity in enumerate(entities) for m in entity.mentions}
    links: list[ClaimLink] = []
    for c, claim in enumerate(claims):
        about: dict[int, bool] = {}
        words = " ".join(claim.text.split())
        for m, mention in enumerate(mentions):
            # Inside the passage, and kept in the claim's own words: a claim made of one item of a list
            # ("... signed agreements with Dravia") is not about the other items its passage spans.
            inside = mention.start < claim.end and mention.end > claim.start
            if inside and m in owner and " ".join(mention.text.split()) in words:
                about.setdefault(owner[m], False)
        for name in claim.people:
            entity = entity_named(name, entities)
            if entity is not None:
                about.setdefault(entity, False)
        if claim.attributed_to:
            speaker = entity_named(claim.attributed_to, entities)
            if speaker is not None:
                about[speaker] = True
        links.extend(ClaimLink(c, e, speaker) for e, speaker in sorted(about.items()))
    return links


def entity_named(phrase: str, entities: list[LocalEntity]) -> int | None:
    """The local entity a phrase names: a form of it inside the phrase, the longest form first.

    "Energy Ministry spokesman Oleh Hnatiuk" names Hnatiuk (not the ministry): people are preferred, then longer forms.
    """
    text = f" {name_key(clean_form(phrase))} "
    best: tuple[int, int, int] | None = None
    for e, entity in enumerate(entities):
        for form in entity.forms:
            if f" {name_key(form)} " in text:
                rank = (entity.type == "person", len(form))
                if best is None or rank > best[:2]:
                    best = (*rank, e)
    if best is not None:
        return best[2]
    last = spelling_key(phrase.split()[-1]) if phrase.split() else ""
    for e, entity in enumerate(entities):
        if entity.type == "person" and any(spelling_key(f.split()[-1]) == last for f in entity.forms):
            return e
    return None
