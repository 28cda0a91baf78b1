"""The database schema as typed SQLAlchemy models. Alembic migrations are the only way it is created."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints, so that migrations can refer to them on every database (SQLite batch mode needs names).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Outlet(Base):
    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)

    sources: Mapped[list[Source]] = relationship(back_populates="outlet")


class Source(Base):
    """One ingested article: the text as stored is immutable; every offset of later stages points into it."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="RESTRICT"), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    # Where the date came from: "metadata", "page markup", "dateline"; None when unknown.
    published_origin: Mapped[str | None] = mapped_column(String(20))
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    media_type: Mapped[str] = mapped_column(String(40))
    encoding: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"), index=True)
    duplicate_score: Mapped[float | None] = mapped_column(Float)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    outlet: Mapped[Outlet | None] = relationship(back_populates="sources")
    passages: Mapped[list[Passage]] = relationship(
        back_populates="source", order_by="Passage.position", cascade="all, delete-orphan"
    )
    duplicate_of: Mapped[Source | None] = relationship(remote_side=[id])
    claims: Mapped[list[Claim]] = relationship(
        back_populates="source", order_by="Claim.position", cascade="all, delete-orphan"
    )


class Passage(Base):
    """A paragraph or list item of the article body: ``source.text[start:end]``."""

    __tablename__ = "passages"
    __table_args__ = (UniqueConstraint("source_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    source: Mapped[Source] = relationship(back_populates="passages")


class Claim(Base):
    """One atomic claim: ``text`` in plain words, resting on ``source.text[start:end]``."""

    __tablename__ = "claims"
    __table_args__ = (UniqueConstraint("source_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    # Who the article says made the statement, as written there (entities link it in a later stage).
    attributed_to_name: Mapped[str | None] = mapped_column(String(300))
    # The time the claim speaks about: the phrase, and the range of days it resolves to.
    time_text: Mapped[str | None] = mapped_column(String(100))
    time_first: Mapped[dt.date | None] = mapped_column(Date)
    time_last: Mapped[dt.date | None] = mapped_column(Date)

    source: Mapped[Source] = relationship(back_populates="claims")
