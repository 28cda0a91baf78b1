"""Quantity frames say whether the number is the size of a move ("fell 9 percent"), not a level

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (nullable, no default): no batch copy of the table is needed; NULL reads as a level.
    op.add_column("claim_quantities", sa.Column("by", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claim_quantities") as batch:
        batch.drop_column("by")
