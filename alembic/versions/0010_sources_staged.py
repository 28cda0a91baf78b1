"""Sources record whether the corpus-wide stage (entities, matching, flags) has taken them in

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN with a constant default: no batch copy of the table is needed.
    op.add_column("sources", sa.Column("staged", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index("ix_sources_staged", "sources", ["staged"])
    # Sources stored before: taken in already, unless the corpus stage is still owed (then all are new to it).
    op.execute("UPDATE sources SET staged = true WHERE NOT EXISTS (SELECT 1 FROM pending_work WHERE name = 'corpus')")


def downgrade() -> None:
    op.drop_index("ix_sources_staged", table_name="sources")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("staged")
