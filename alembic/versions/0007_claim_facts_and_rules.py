"""Facts kept as data: each claim's rule, sentence and subject, a role claim's holder/title/organisation, each
mention's rule, which reading of a page gave its text, and the quantities and times a claim states

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
    op.create_table(
        "claim_quantities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("noun", sa.String(length=100), nullable=True),
        sa.Column("noun_class", sa.String(length=40), nullable=True),
        sa.Column("modifier", sa.String(length=40), nullable=True),
        sa.Column("cumulative", sa.Boolean(), nullable=False),
        sa.Column("partial", sa.Boolean(), nullable=False),
        sa.Column("currency", sa.String(length=10), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_quantities_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_quantities")),
        sa.UniqueConstraint("claim_id", "position", name=op.f("uq_claim_quantities_claim_id")),
    )
    op.create_index(op.f("ix_claim_quantities_claim_id"), "claim_quantities", ["claim_id"], unique=False)
    op.create_table(
        "claim_times",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=100), nullable=False),
        sa.Column("first", sa.Date(), nullable=True),
        sa.Column("last", sa.Date(), nullable=True),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_times_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_times")),
        sa.UniqueConstraint("claim_id", "position", name=op.f("uq_claim_times_claim_id")),
    )
    op.create_index(op.f("ix_claim_times_claim_id"), "claim_times", ["claim_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_times_claim_id"), table_name="claim_times")
    op.drop_table("claim_times")
    op.drop_index(op.f("ix_claim_quantities_claim_id"), table_name="claim_quantities")
    op.drop_table("claim_quantities")
    op.drop_table("claim_roles")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("extraction")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("rule")
    with op.batch_alter_table("claims") as batch:
        for column in ("subject", "sentence_end", "sentence_start", "rule"):
            batch.drop_column(column)
