"""Matching keeps its work: claims' blocking keys (indexed), the owners their roles were read through, the
verdicts of compared pairs, and a digest and the forms of each entity as matched, so a new source is matched
against stored claims, not the corpus again

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "claim_keys",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_keys_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("claim_id", "key", name=op.f("pk_claim_keys")),
    )
    op.create_index(op.f("ix_claim_keys_key"), "claim_keys", ["key"])
    op.create_table(
        "claim_owners",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("owner_key", sa.String(length=300), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_owners_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_owners")),
    )
    op.create_index(op.f("ix_claim_owners_owner_key"), "claim_owners", ["owner_key"])
    op.create_index(op.f("ix_claim_owners_person_id"), "claim_owners", ["person_id"])
    op.create_table(
        "claim_links",
        sa.Column("a", sa.Integer(), nullable=False),
        sa.Column("b", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("first", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("entities", sa.Text(), nullable=False),
        sa.Column("frames", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["a"], ["claims.id"], name=op.f("fk_claim_links_a_claims"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["b"], ["claims.id"], name=op.f("fk_claim_links_b_claims"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("a", "b", name=op.f("pk_claim_links")),
    )
    op.create_index(op.f("ix_claim_links_b"), "claim_links", ["b"])
    op.create_table(
        "matched_entities",
        sa.Column("entity_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("entity_id", name=op.f("pk_matched_entities")),
    )
    op.create_table(
        "matched_forms",
        sa.Column("entity_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("form", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("entity_id", "form", name=op.f("pk_matched_forms")),
    )
    op.create_index(op.f("ix_matched_forms_form"), "matched_forms", ["form"])
    # Claims stored before have no keys yet: the next matching rebuilds them all (then works incrementally).
    op.execute(
        "INSERT INTO pending_work (name) SELECT 'match_index' WHERE EXISTS (SELECT 1 FROM claims) "
        "AND NOT EXISTS (SELECT 1 FROM pending_work WHERE name = 'match_index')"
    )


def downgrade() -> None:
    op.execute("DELETE FROM pending_work WHERE name = 'match_index'")
    op.drop_index(op.f("ix_matched_forms_form"), table_name="matched_forms")
    op.drop_table("matched_forms")
    op.drop_table("matched_entities")
    op.drop_index(op.f("ix_claim_links_b"), table_name="claim_links")
    op.drop_table("claim_links")
    op.drop_index(op.f("ix_claim_owners_person_id"), table_name="claim_owners")
    op.drop_index(op.f("ix_claim_owners_owner_key"), table_name="claim_owners")
    op.drop_table("claim_owners")
    op.drop_index(op.f("ix_claim_keys_key"), table_name="claim_keys")
    op.drop_table("claim_keys")
