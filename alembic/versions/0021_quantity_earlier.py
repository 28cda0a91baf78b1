"""Quantity frames keep the value a change moved them from ("reduced the sentence from seven years to five")

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (nullable, no default): no batch copy of the table is needed.
    op.add_column("claim_quantities", sa.Column("earlier", sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claim_quantities") as batch:
        batch.drop_column("earlier")
