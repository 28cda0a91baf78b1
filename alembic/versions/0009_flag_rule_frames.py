"""Flags record the comparison rule that made them and the frames it compared (JSON, words as written)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs (nullable, no default): no batch copy of the table is needed.
    op.add_column("flags", sa.Column("rule", sa.String(length=40), nullable=True))
    op.add_column("flags", sa.Column("frames", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("flags") as batch:
        batch.drop_column("frames")
        batch.drop_column("rule")
