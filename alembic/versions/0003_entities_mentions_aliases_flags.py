"""entities, mentions, editors' aliases, flags

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["entities.id"], name=op.f("fk_entities_merged_into_id_entities"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_entities_type"), "entities", ["type"], unique=False)
    op.create_table(
        "flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flags")),
        sa.UniqueConstraint("key", name=op.f("uq_flags_key")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_flags_kind"), "flags", ["kind"], unique=False)
    op.create_index(op.f("ix_flags_status"), "flags", ["status"], unique=False)
    op.create_table(
        "entity_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("positive", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_entity_aliases_entity_id_entities"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_aliases")),
        sa.UniqueConstraint("entity_id", "name_key", "positive", name=op.f("uq_entity_aliases_entity_id")),
    )
    op.create_index(op.f("ix_entity_aliases_entity_id"), "entity_aliases", ["entity_id"], unique=False)
    op.create_index(op.f("ix_entity_aliases_name_key"), "entity_aliases", ["name_key"], unique=False)
    op.create_table(
        "flag_entities",
        sa.Column("flag_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_flag_entities_entity_id_entities"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["flag_id"], ["flags.id"], name=op.f("fk_flag_entities_flag_id_flags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("flag_id", "entity_id", name=op.f("pk_flag_entities")),
    )
    op.create_index(op.f("ix_flag_entities_entity_id"), "flag_entities", ["entity_id"], unique=False)
    op.create_table(
        "source_entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("strong", sa.Boolean(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_source_entities_entity_id_entities"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_source_entities_source_id_sources"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_entities")),
        sa.UniqueConstraint("source_id", "position", name=op.f("uq_source_entities_source_id")),
    )
    op.create_index(op.f("ix_source_entities_entity_id"), "source_entities", ["entity_id"], unique=False)
    op.create_index(op.f("ix_source_entities_source_id"), "source_entities", ["source_id"], unique=False)
    op.create_table(
        "claim_entities",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("source_entity_id", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_entities_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["source_entity_id"],
            ["source_entities.id"],
            name=op.f("fk_claim_entities_source_entity_id_source_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", "source_entity_id", name=op.f("pk_claim_entities")),
    )
    op.create_index(op.f("ix_claim_entities_source_entity_id"), "claim_entities", ["source_entity_id"], unique=False)
    op.create_table(
        "flag_claims",
        sa.Column("flag_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_flag_claims_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["flag_id"], ["flags.id"], name=op.f("fk_flag_claims_flag_id_flags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("flag_id", "claim_id", name=op.f("pk_flag_claims")),
    )
    op.create_index(op.f("ix_flag_claims_claim_id"), "flag_claims", ["claim_id"], unique=False)
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_entity_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("title_start", sa.Integer(), nullable=True),
        sa.Column("title_end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_entity_id"],
            ["source_entities.id"],
            name=op.f("fk_mentions_source_entity_id_source_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    op.create_index(op.f("ix_mentions_source_entity_id"), "mentions", ["source_entity_id"], unique=False)


def downgrade() -> None:
    op.drop_table("flag_entities")
    op.drop_table("flag_claims")
    op.drop_table("claim_entities")
    op.drop_table("mentions")
    op.drop_table("entity_aliases")
    op.drop_table("source_entities")
    op.drop_table("flags")
    op.drop_table("entities")
