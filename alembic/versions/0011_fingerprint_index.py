"""The fingerprint index: each original's body filed under a sample of its shingles, so that a new body finds
the originals it may copy by an indexed lookup, not by reading every body

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source_shingles",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("shingle", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_source_shingles_source_id_sources"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("source_id", "shingle", name=op.f("pk_source_shingles")),
    )
    op.create_index(op.f("ix_source_shingles_shingle"), "source_shingles", ["shingle"])
    _file_stored_originals()


def _file_stored_originals() -> None:
    """File every original stored before, as ingest files a new one (tracker.dedupe, default settings)."""
    from tracker.dedupe import sample, shingles

    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            'SELECT s.id, s.text, p.start, p."end" FROM sources s JOIN passages p ON p.source_id = s.id '
            "WHERE s.duplicate_of_id IS NULL ORDER BY s.id, p.position"
        )
    )
    table = sa.table("source_shingles", sa.column("source_id"), sa.column("shingle"))

    def file(source_id: int, parts: list[str]) -> None:
        samples = sample(shingles("\n\n".join(parts)))
        if samples:
            bind.execute(table.insert(), [{"source_id": source_id, "shingle": h} for h in sorted(samples)])

    current, parts = None, []
    for source_id, text, start, end in rows.fetchall():
        if source_id != current:
            if current is not None:
                file(current, parts)
            current, parts = source_id, []
        parts.append(text[start:end])
    if current is not None:
        file(current, parts)


def downgrade() -> None:
    op.drop_index(op.f("ix_source_shingles_shingle"), table_name="source_shingles")
    op.drop_table("source_shingles")
