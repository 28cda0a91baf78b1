"""sources.language and pending_work: a page's language, and corpus-wide work owed after a crash

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (nullable, no default): no batch copy of the sources table is needed.
    op.add_column("sources", sa.Column("language", sa.String(length=16), nullable=True))
    op.create_table(
        "pending_work",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_pending_work")),
    )


def downgrade() -> None:
    op.drop_table("pending_work")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("language")
