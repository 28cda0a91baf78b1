"""Event frames keep their theme: the common noun the event is done to ("the panel appointed on Monday"), as
written, with its offsets in the source text

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs (nullable, no default): no batch copy of the table is needed.
    op.add_column("claim_events", sa.Column("theme", sa.String(length=300), nullable=True))
    op.add_column("claim_events", sa.Column("theme_start", sa.Integer(), nullable=True))
    op.add_column("claim_events", sa.Column("theme_end", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claim_events") as batch:
        batch.drop_column("theme_end")
        batch.drop_column("theme_start")
        batch.drop_column("theme")
