"""The widths of the length-limited text columns, read from the schema so each number is stated once.

PostgreSQL refuses a value wider than its column; SQLite stores it. Input is checked against these widths
before it is stored, so both databases behave the same: what a person supplied (sources.csv, command-line
options) is refused with a one-line error, what a page itself says is dropped (see ``fitting``).
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import InstrumentedAttribute

from tracker.store.models import (
    Claim,
    ClaimEvent,
    ClaimPresence,
    ClaimQuantity,
    ClaimRole,
    Entity,
    FlagReview,
    Outlet,
    SourceEntity,
)


def width(column: InstrumentedAttribute) -> int:
    """The number of characters a String(n) column holds."""
    kind = column.property.columns[0].type
    assert isinstance(kind, String) and kind.length is not None, column
    return kind.length


OUTLET_NAME = width(Outlet.name)
ENTITY_NAME = width(Entity.name)
SOURCE_ENTITY_NAME = width(SourceEntity.name)
REVIEWER = width(FlagReview.reviewer)
ATTRIBUTED_TO = width(Claim.attributed_to_name)
TIME_TEXT = width(Claim.time_text)
CLAIM_SUBJECT = width(Claim.subject)
ROLE_TEXT = width(ClaimRole.title)
QUANTITY_VALUE = width(ClaimQuantity.value)
QUANTITY_NOUN = width(ClaimQuantity.noun)
QUANTITY_OWNER = width(ClaimQuantity.owner)
QUANTITY_UNIT = width(ClaimQuantity.unit)
FRAME_WORDS = width(ClaimQuantity.trend_words)  # the words of a trend or of a succession
EVENT_TEXT = width(ClaimEvent.words)  # an event's words and its place
PRESENCE_WHO = width(ClaimPresence.who)
# Ids and versions are Integer columns: 32 bits on PostgreSQL (a wider number is "integer out of range" there,
# and past 64 bits SQLite cannot even bind it), so the widest value both databases take is this.
MAX_INTEGER = 2**31 - 1


def too_long(value: str | None, limit: int) -> str | None:
    """The one-line problem when ``value`` does not fit ``limit`` characters, else None."""
    if value is not None and len(value) > limit:
        return f"is {len(value)} characters long; at most {limit} are allowed"
    return None


def fitting(value: str | None, limit: int) -> str | None:
    """A value taken from a page, or None when it is too long to be the thing it claims to be."""
    return None if value is None or len(value) > limit else value
