"""The live entities (merged into none) are counted from an index on entities.merged_into_id alone: every
resolution counts them, and at 100,000 articles reading every entity's row for it read 124 MB from a cold disk
(3 MB from the index).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_entities_merged_into_id", "entities", ["merged_into_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_entities_merged_into_id", table_name="entities")
