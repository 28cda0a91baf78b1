"""What tracker sorts things into, defined once: the kinds of claims and the types of entities. The stages
that make them and the CLI's choices read them here, so that listing claims or entities loads no stage."""

from __future__ import annotations

# A claim's kind, from what it states.
CLAIM_KINDS = ("event", "quantity", "role", "quote", "schedule", "membership", "other")

# An entity's type.
PERSON, ORGANIZATION, PLACE, OTHER = "person", "organization", "place", "other"
ENTITY_TYPES = (PERSON, ORGANIZATION, PLACE, OTHER)
