"""Facts kept as data: each claim's rule, sentence and subject, a role claim's holder/title/organisation, each
mention's rule, and which reading of a page gave its text

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs (nullable, no default): no batch copy of the tables is needed.
    op.add_column("claims", sa.Column("rule", sa.String(length=40), nullable=True))
    op.add_column("claims", sa.Column("sentence_start", sa.Integer(), nullable=True))
    op.add_column("claims", sa.Column("sentence_end", sa.Integer(), nullable=True))
    op.add_column("claims", sa.Column("subject", sa.String(length=300), nullable=True))
    op.add_column("mentions", sa.Column("rule", sa.String(length=40), nullable=True))
    op.add_column("sources", sa.Column("extraction", sa.String(length=40), nullable=True))
    op.create_table(
        "claim_roles",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(length=300), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_start", sa.Integer(), nullable=True),
        sa.Column("title_end", sa.Integer(), nullable=True),
        sa.Column("organisation", sa.String(length=300), nullable=True),
        sa.Column("organisation_start", sa.Integer(), nullable=True),
        sa.Column("organisation_end", sa.Integer(), nullable=True),
        sa.Column("rule", sa.String(length=40), nullable=True),
        sa.Column("temporary", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_roles_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_roles")),
    )


def downgrade() -> None:
    op.drop_table("claim_roles")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("extraction")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("rule")
    with op.batch_alter_table("claims") as batch:
        for column in ("subject", "sentence_end", "sentence_start", "rule"):
            batch.drop_column(column)
