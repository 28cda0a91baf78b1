"""claims

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("attributed_to_name", sa.String(length=300), nullable=True),
        sa.Column("time_text", sa.String(length=100), nullable=True),
        sa.Column("time_first", sa.Date(), nullable=True),
        sa.Column("time_last", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_claims_source_id_sources"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("source_id", "position", name=op.f("uq_claims_source_id")),
    )
    op.create_index(op.f("ix_claims_source_id"), "claims", ["source_id"])
    op.create_index(op.f("ix_claims_kind"), "claims", ["kind"])


def downgrade() -> None:
    op.drop_index(op.f("ix_claims_kind"), table_name="claims")
    op.drop_index(op.f("ix_claims_source_id"), table_name="claims")
    op.drop_table("claims")
