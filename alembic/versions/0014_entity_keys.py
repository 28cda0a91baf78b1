"""Article entities keep what resolution reads of their mentions (forms, titles) and their blocking keys, indexed

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable columns without a default: plain ADD COLUMN, no batch copy. NULL means "not yet keyed": the next
    # resolution keys those article entities (the keys are the domain's to compute, not a migration's).
    op.add_column("source_entities", sa.Column("forms", sa.Text(), nullable=True))
    op.add_column("source_entities", sa.Column("titles", sa.Text(), nullable=True))
    op.create_table(
        "entity_keys",
        sa.Column("key", sa.String(length=320), nullable=False),
        sa.Column("source_entity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_entity_id"],
            ["source_entities.id"],
            name=op.f("fk_entity_keys_source_entity_id_source_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "source_entity_id", name=op.f("pk_entity_keys")),
    )
    op.create_index(op.f("ix_entity_keys_source_entity_id"), "entity_keys", ["source_entity_id"], unique=False)
    # Sources stored before have no keys yet: the corpus stage takes them in again, as new, and keys them.
    op.execute("UPDATE sources SET staged = false")
    op.execute(
        "INSERT INTO pending_work (name) SELECT 'corpus' WHERE EXISTS (SELECT 1 FROM sources)"
        " AND NOT EXISTS (SELECT 1 FROM pending_work WHERE name = 'corpus')"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_entity_keys_source_entity_id"), table_name="entity_keys")
    op.drop_table("entity_keys")
    with op.batch_alter_table("source_entities") as batch:
        batch.drop_column("titles")
        batch.drop_column("forms")
