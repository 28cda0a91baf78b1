"""Verdicts per claim, proposed by one editor and published on a second's approval, with their append-only
trail; flags can be assigned to an editor

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (nullable, no default): no batch copy of the table is needed.
    op.add_column("flags", sa.Column("assigned_to", sa.String(length=200), nullable=True))
    op.create_index(op.f("ix_flags_assigned_to"), "flags", ["assigned_to"])
    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence_url", sa.Text(), nullable=True),
        sa.Column("flag_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("proposed_by", sa.String(length=200), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_verdicts_claim_id_claims"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(["flag_id"], ["flags.id"], name=op.f("fk_verdicts_flag_id_flags"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verdicts")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_verdicts_claim_id"), "verdicts", ["claim_id"])
    op.create_index(op.f("ix_verdicts_flag_id"), "verdicts", ["flag_id"])
    op.create_index(op.f("ix_verdicts_status"), "verdicts", ["status"])
    op.create_table(
        "verdict_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("verdict_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["verdict_id"], ["verdicts.id"], name=op.f("fk_verdict_events_verdict_id_verdicts"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verdict_events")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_verdict_events_verdict_id"), "verdict_events", ["verdict_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_verdict_events_verdict_id"), table_name="verdict_events")
    op.drop_table("verdict_events")
    for column in ("status", "flag_id", "claim_id"):
        op.drop_index(op.f(f"ix_verdicts_{column}"), table_name="verdicts")
    op.drop_table("verdicts")
    op.drop_index(op.f("ix_flags_assigned_to"), table_name="flags")
    with op.batch_alter_table("flags") as batch:
        batch.drop_column("assigned_to")
