"""Frames kept as data: the event a claim reports (class, words, place, ordinal, negation), who was there or
away, the succession words said of a role's post, and which way a count moved

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs (nullable, or with a server default for the flag): no batch copy of the tables is needed.
    op.add_column("claim_roles", sa.Column("change", sa.String(length=20), nullable=True))
    op.add_column("claim_roles", sa.Column("change_words", sa.String(length=100), nullable=True))
    op.add_column("claim_roles", sa.Column("change_start", sa.Integer(), nullable=True))
    op.add_column("claim_roles", sa.Column("change_end", sa.Integer(), nullable=True))
    op.add_column("claim_roles", sa.Column("former", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("claim_quantities", sa.Column("trend", sa.String(length=10), nullable=True))
    op.add_column("claim_quantities", sa.Column("trend_words", sa.String(length=100), nullable=True))
    op.create_table(
        "claim_events",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("words", sa.String(length=300), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("place_start", sa.Integer(), nullable=True),
        sa.Column("place_end", sa.Integer(), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_events_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_events")),
    )
    op.create_table(
        "claim_presence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("who", sa.String(length=300), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("remote", sa.Boolean(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("rule", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_presence_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_presence")),
        sa.UniqueConstraint("claim_id", "position", name=op.f("uq_claim_presence_claim_id")),
    )
    op.create_index(op.f("ix_claim_presence_claim_id"), "claim_presence", ["claim_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_presence_claim_id"), table_name="claim_presence")
    op.drop_table("claim_presence")
    op.drop_table("claim_events")
    with op.batch_alter_table("claim_quantities") as batch:
        for column in ("trend_words", "trend"):
            batch.drop_column(column)
    with op.batch_alter_table("claim_roles") as batch:
        for column in ("former", "change_end", "change_start", "change_words", "change"):
            batch.drop_column(column)
