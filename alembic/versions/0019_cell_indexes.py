"""Article entities are counted by entity and by kind from an index alone: the indexes on entity_id and on
kind_id become covering ones, (entity_id, kind_id, reason, source_id) and (kind_id, entity_id, reason,
source_id), so resolution's cells (alike article entities counted together) never read the table's rows

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COVERING = {
    "ix_source_entities_entity_cells": ["entity_id", "kind_id", "reason", "source_id"],
    "ix_source_entities_kind_cells": ["kind_id", "entity_id", "reason", "source_id"],
}
PLAIN = {"ix_source_entities_entity_id": ["entity_id"], "ix_source_entities_kind_id": ["kind_id"]}


def upgrade() -> None:
    # Each covering index leads with the column of the plain one it replaces, so it serves that one's look-ups.
    for name, columns in COVERING.items():
        op.create_index(name, "source_entities", columns, unique=False)
    for name in PLAIN:
        op.drop_index(name, table_name="source_entities")


def downgrade() -> None:
    for name, columns in PLAIN.items():
        op.create_index(name, "source_entities", columns, unique=False)
    for name in COVERING:
        op.drop_index(name, table_name="source_entities")
