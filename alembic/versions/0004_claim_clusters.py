"""claims.cluster_id: claims of different sources that state the same fact

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (no batch table copy), so no cascade can touch the claims' child rows on SQLite.
    op.add_column("claims", sa.Column("cluster_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_claims_cluster_id"), "claims", ["cluster_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_claims_cluster_id"), table_name="claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("cluster_id")
