"""Alike article entities are stored once, as a kind with its blocking keys: the keys move from each article
entity (entity_keys) to its kind (kind_keys)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02
"""

import hashlib
import json
from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 20_000


def _digest(name: str, kind: str, strong: bool, forms: str | None, titles: str | None) -> str:
    # As tracker.store.entity_repo.kind_digest computes it (a test holds the two equal).
    said = json.dumps([name, kind, bool(strong), forms, titles], ensure_ascii=False)
    return hashlib.sha256(said.encode("utf-8")).hexdigest()


def upgrade() -> None:
    op.create_table(
        "entity_kinds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("strong", sa.Boolean(), nullable=False),
        sa.Column("forms", sa.Text(), nullable=True),
        sa.Column("titles", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_kinds")),
        sa.UniqueConstraint("digest", name=op.f("uq_entity_kinds_digest")),
    )
    op.create_table(
        "kind_keys",
        sa.Column("key", sa.String(length=320), nullable=False),
        sa.Column("kind_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kind_id"], ["entity_kinds.id"], name=op.f("fk_kind_keys_kind_id_entity_kinds"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("key", "kind_id", name=op.f("pk_kind_keys")),
    )
    op.create_index(op.f("ix_kind_keys_kind_id"), "kind_keys", ["kind_id"], unique=False)
    # A nullable column without a default: plain ADD COLUMN, no batch copy of the table.
    op.add_column("source_entities", sa.Column("kind_id", sa.Integer(), nullable=True))

    # Every keyed article entity gets its kind; each kind the keys its article entities had (alike ones had alike
    # keys). Read in chunks: a large corpus holds millions of article entities.
    bind = op.get_bind()
    kinds: dict[str, int] = {}
    last = 0
    while True:
        rows = bind.execute(
            sa.text(
                "SELECT id, name, type, strong, forms, titles FROM source_entities"
                " WHERE forms IS NOT NULL AND id > :last ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": CHUNK},
        ).all()
        if not rows:
            break
        new, links = [], []
        for se_id, name, kind, strong, forms, titles in rows:
            digest = _digest(name, kind, strong, forms, titles)
            if digest not in kinds:
                kinds[digest] = len(kinds) + 1
                new.append(
                    {"id": kinds[digest], "digest": digest, "name": name, "type": kind, "strong": bool(strong),
                     "forms": forms, "titles": titles}
                )  # fmt: skip
            links.append({"k": kinds[digest], "i": se_id})
        if new:
            bind.execute(
                sa.text(
                    "INSERT INTO entity_kinds (id, digest, name, type, strong, forms, titles)"
                    " VALUES (:id, :digest, :name, :type, :strong, :forms, :titles)"
                ),
                new,
            )
        bind.execute(sa.text("UPDATE source_entities SET kind_id = :k WHERE id = :i"), links)
        last = rows[-1][0]
    op.execute(
        "INSERT INTO kind_keys (key, kind_id) SELECT DISTINCT k.key, se.kind_id FROM entity_keys k"
        " JOIN source_entities se ON se.id = k.source_entity_id WHERE se.kind_id IS NOT NULL"
    )
    op.create_index(op.f("ix_source_entities_kind_id"), "source_entities", ["kind_id"], unique=False)
    op.drop_index(op.f("ix_entity_keys_source_entity_id"), table_name="entity_keys")
    op.drop_table("entity_keys")


def downgrade() -> None:
    # Each article entity's keys are kept aside first: dropping kind_id copies source_entities on SQLite, and
    # dropping the old copy would cascade to an entity_keys table made before it.
    op.create_table(
        "entity_keys_back",
        sa.Column("key", sa.String(length=320), nullable=False),
        sa.Column("source_entity_id", sa.Integer(), nullable=False),
    )
    op.execute(
        "INSERT INTO entity_keys_back (key, source_entity_id) SELECT k.key, se.id FROM kind_keys k"
        " JOIN source_entities se ON se.kind_id = k.kind_id"
    )
    op.drop_index(op.f("ix_source_entities_kind_id"), table_name="source_entities")
    with op.batch_alter_table("source_entities") as batch:
        batch.drop_column("kind_id")
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
    op.execute("INSERT INTO entity_keys (key, source_entity_id) SELECT key, source_entity_id FROM entity_keys_back")
    op.drop_table("entity_keys_back")
    op.drop_index(op.f("ix_kind_keys_kind_id"), table_name="kind_keys")
    op.drop_table("kind_keys")
    op.drop_table("entity_kinds")
