"""Quantity frames say whether the number refers to a set already named ("the five companies")

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (nullable, no default): no batch copy of the table is needed; NULL reads as not definite.
    op.add_column("claim_quantities", sa.Column("definite", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claim_quantities") as batch:
        batch.drop_column("definite")
