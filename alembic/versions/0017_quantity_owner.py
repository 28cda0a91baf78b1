"""Quantity frames keep whose count they are: the owner as written ("Labour" won 58 seats), with its offsets in
the source text

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs (nullable, no default): no batch copy of the table is needed.
    op.add_column("claim_quantities", sa.Column("owner", sa.String(length=200), nullable=True))
    op.add_column("claim_quantities", sa.Column("owner_start", sa.Integer(), nullable=True))
    op.add_column("claim_quantities", sa.Column("owner_end", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claim_quantities") as batch:
        batch.drop_column("owner_end")
        batch.drop_column("owner_start")
        batch.drop_column("owner")
