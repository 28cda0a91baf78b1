"""The database schema as typed SQLAlchemy models. Alembic migrations are the only way it is created."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    true,
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
    # The main text's language (ISO 639-1, e.g. "en"); None when it could not be told. Claims are English only.
    language: Mapped[str | None] = mapped_column(String(16))
    # Which reading of the page gave the stored text (clean.html's chain: "main text", "same-kind containers");
    # None for plain text.
    extraction: Mapped[str | None] = mapped_column(String(40))
    # Whether the corpus-wide stage (entities, matching, flags) has taken this source in: the sources it has
    # not are the new ones it works on next.
    staged: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), index=True)

    outlet: Mapped[Outlet | None] = relationship(back_populates="sources")
    passages: Mapped[list[Passage]] = relationship(
        back_populates="source", order_by="Passage.position", cascade="all, delete-orphan"
    )
    duplicate_of: Mapped[Source | None] = relationship(remote_side=[id])
    claims: Mapped[list[Claim]] = relationship(
        back_populates="source", order_by="Claim.position", cascade="all, delete-orphan"
    )


class SourceShingle(Base):
    """The fingerprint index: an original's body filed under each of a sample of its shingles
    (``dedupe.sample``), so that a new body finds the originals it may copy by an indexed lookup."""

    __tablename__ = "source_shingles"

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True)
    shingle: Mapped[int] = mapped_column(BigInteger, primary_key=True, index=True)


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
    # Claims of other sources that state the same fact share it (the id of the cluster's first claim).
    cluster_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # The name of the extraction rule that made it (extract.claims.RULES); null on claims stored before rules had
    # names. The sentence it was read from (``source.text[sentence_start:sentence_end]``) and what it is about.
    rule: Mapped[str | None] = mapped_column(String(40))
    sentence_start: Mapped[int | None] = mapped_column(Integer)
    sentence_end: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str | None] = mapped_column(String(300))

    source: Mapped[Source] = relationship(back_populates="claims")
    role: Mapped[ClaimRole | None] = relationship(back_populates="claim", cascade="all, delete-orphan", uselist=False)
    quantities: Mapped[list[ClaimQuantity]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="ClaimQuantity.position"
    )
    times: Mapped[list[ClaimTime]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="ClaimTime.position"
    )
    event: Mapped[ClaimEvent | None] = relationship(back_populates="claim", cascade="all, delete-orphan", uselist=False)
    presence: Mapped[list[ClaimPresence]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="ClaimPresence.position"
    )


class ClaimEvent(Base):
    """The event a claim reports, kept as data: its class (``kind``), the words that say it
    (``source.text[start:end]``), where it happened, which of a series it is, whether it did not happen, and what
    it was done to (its theme)."""

    __tablename__ = "claim_events"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    words: Mapped[str] = mapped_column(String(300))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    place: Mapped[str | None] = mapped_column(String(300))
    place_start: Mapped[int | None] = mapped_column(Integer)
    place_end: Mapped[int | None] = mapped_column(Integer)
    ordinal: Mapped[int | None] = mapped_column(Integer)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    # The rule that read it (extract.events.EVENT_RULES).
    rule: Mapped[str | None] = mapped_column(String(40))
    # The common noun the event is done to ("the panel appointed on Monday"), source.text[theme_start:theme_end].
    theme: Mapped[str | None] = mapped_column(String(300))
    theme_start: Mapped[int | None] = mapped_column(Integer)
    theme_end: Mapped[int | None] = mapped_column(Integer)

    claim: Mapped[Claim] = relationship(back_populates="event")


class ClaimPresence(Base):
    """Someone a claim says was at its event (``present``) or away from it; ``remote`` when they took part from
    elsewhere. ``who`` is the name as written, ``source.text[start:end]``."""

    __tablename__ = "claim_presence"
    __table_args__ = (UniqueConstraint("claim_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    who: Mapped[str] = mapped_column(String(300))
    present: Mapped[bool] = mapped_column(Boolean)
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    # The rule that read it (extract.events.PRESENCE_RULES).
    rule: Mapped[str | None] = mapped_column(String(40))

    claim: Mapped[Claim] = relationship(back_populates="presence")


class ClaimTime(Base):
    """A time a claim states, kept as data: the words, the range of days they resolve to (None when they cannot
    be resolved), and what they date (``role``: the reported event, the report itself, a noun, or the earlier
    value of a figure, ``extract.when.TIME_ROLES``)."""

    __tablename__ = "claim_times"
    __table_args__ = (UniqueConstraint("claim_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(100))
    first: Mapped[dt.date | None] = mapped_column(Date)
    last: Mapped[dt.date | None] = mapped_column(Date)
    role: Mapped[str] = mapped_column(String(10))

    claim: Mapped[Claim] = relationship(back_populates="times")


class ClaimQuantity(Base):
    """A number a claim states, kept as data: ``value`` exactly as a decimal string; ``kind`` count, money or
    measure; for a count the noun and its class, for money the currency; ``source.text[start:end]`` the words."""

    __tablename__ = "claim_quantities"
    __table_args__ = (UniqueConstraint("claim_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10))
    noun: Mapped[str | None] = mapped_column(String(100))
    noun_class: Mapped[str | None] = mapped_column(String(40))
    modifier: Mapped[str | None] = mapped_column(String(40))
    cumulative: Mapped[bool] = mapped_column(Boolean, default=False)
    partial: Mapped[bool] = mapped_column(Boolean, default=False)
    currency: Mapped[str | None] = mapped_column(String(10))
    unit: Mapped[str | None] = mapped_column(String(40))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    # Which way the claim says the count moved to its value ("rise", "fall"), and the words that say it.
    trend: Mapped[str | None] = mapped_column(String(10))
    trend_words: Mapped[str | None] = mapped_column(String(100))
    # Whose count it is, as written ("Labour" won 58 seats), and where those words are in the source text.
    owner: Mapped[str | None] = mapped_column(String(200))
    owner_start: Mapped[int | None] = mapped_column(Integer)
    owner_end: Mapped[int | None] = mapped_column(Integer)
    # The value a change moved it from, as the claim says it (a decimal string, as ``value``).
    earlier: Mapped[str | None] = mapped_column(String(60))
    # Said of a set already named ("the five companies"), not as its size.
    definite: Mapped[bool | None] = mapped_column(Boolean)
    # The size of a move ("fell 9 percent"), not a level.
    by: Mapped[bool | None] = mapped_column(Boolean)

    claim: Mapped[Claim] = relationship(back_populates="quantities")


class ClaimRole(Base):
    """The fact a role claim states, kept as data: ``holder`` holds the office ``title`` (of ``organisation``).
    The title's and organisation's words are ``source.text[start:end]`` when the sentence has them."""

    __tablename__ = "claim_roles"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    holder: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(300))
    title_start: Mapped[int | None] = mapped_column(Integer)
    title_end: Mapped[int | None] = mapped_column(Integer)
    organisation: Mapped[str | None] = mapped_column(String(300))
    organisation_start: Mapped[int | None] = mapped_column(Integer)
    organisation_end: Mapped[int | None] = mapped_column(Integer)
    # The rule that read the fact (extract.roles.RULES), and whether it is a function for one occasion ("led
    # the delegation") rather than an office held until someone else takes it.
    rule: Mapped[str | None] = mapped_column(String(40))
    temporary: Mapped[bool] = mapped_column(Boolean, default=False)
    # Words of succession said of the post (extract.vocabulary.SUCCESSION): their class, and the words as
    # written on ``source.text[change_start:change_end]``; ``former`` for a post held before and no longer.
    change: Mapped[str | None] = mapped_column(String(20))
    change_words: Mapped[str | None] = mapped_column(String(100))
    change_start: Mapped[int | None] = mapped_column(Integer)
    change_end: Mapped[int | None] = mapped_column(Integer)
    former: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    claim: Mapped[Claim] = relationship(back_populates="role")


class Entity(Base):
    """A person, body or place across all sources. Its aliases are the forms its mentions are written in."""

    __tablename__ = "entities"
    # Ids are what editors type: never hand a deleted entity's id to another (SQLite reuses them otherwise).
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(20), index=True)
    # Set when an editor merged this entity into another; the id keeps answering with where it went. Indexed: the
    # live entities are counted from the index alone, not from every entity's row.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SourceEntity(Base):
    """One entity as one source names it: the unit resolution joins across sources."""

    __tablename__ = "source_entities"
    __table_args__ = (
        UniqueConstraint("source_id", "position"),
        # Resolution counts alike article entities of an entity, or of a kind, from these alone (covering).
        Index("ix_source_entities_entity_cells", "entity_id", "kind_id", "reason", "source_id"),
        Index("ix_source_entities_kind_cells", "kind_id", "entity_id", "reason", "source_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(20))
    # Some mention gave strong evidence of the type (a title, a body's noun, a preposition of place).
    strong: Mapped[bool] = mapped_column(Boolean)
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    # Why resolution put it in its entity, in words.
    reason: Mapped[str | None] = mapped_column(Text)
    # What resolution reads of its mentions, kept so that it never reads them again: the forms written, with
    # how often (a JSON object, in the order first written), and the titles given (a JSON list). NULL: not yet
    # keyed (its kind, ``kind_id``, is set with these).
    forms: Mapped[str | None] = mapped_column(Text)
    titles: Mapped[str | None] = mapped_column(Text)
    # The kind it is (``EntityKind``: its name, type, strength, forms and titles, with their keys), set with them.
    kind_id: Mapped[int | None] = mapped_column(Integer)

    mentions: Mapped[list[Mention]] = relationship(
        back_populates="source_entity", order_by="Mention.start", cascade="all, delete-orphan"
    )


class EntityKind(Base):
    """What alike article entities are, stored once: name, type, strength, forms and titles (as on
    ``SourceEntity``), the entity they are in apart. A well-known name's thousands of article entities are a few
    kinds, so resolution finds a new source's neighbours among kinds by their keys (``KindKey``), and reads the
    article entities only of the kinds it takes."""

    __tablename__ = "entity_kinds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # sha256 of the other columns (``store.entity_repo.kind_digest``): the kind's identity, whatever their length.
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(20))
    strong: Mapped[bool] = mapped_column(Boolean)
    forms: Mapped[str | None] = mapped_column(Text)
    titles: Mapped[str | None] = mapped_column(Text)


class KindKey(Base):
    """A blocking key of a kind of article entity (``entities.resolve.blocking_keys``): a new source's entities
    find the stored ones resolution may join them with by an indexed look-up of their keys."""

    __tablename__ = "kind_keys"

    key: Mapped[str] = mapped_column(String(320), primary_key=True)
    kind_id: Mapped[int] = mapped_column(
        ForeignKey("entity_kinds.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Mention(Base):
    """A name as written: ``source.text[start:end]``; with the title the sentence gives it, if any."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_entity_id: Mapped[int] = mapped_column(ForeignKey("source_entities.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    title_start: Mapped[int | None] = mapped_column(Integer)
    title_end: Mapped[int | None] = mapped_column(Integer)
    # The name of the recognition rule that found it (entities.recognise.RULES); null on older rows.
    rule: Mapped[str | None] = mapped_column(String(40))

    source_entity: Mapped[SourceEntity] = relationship(back_populates="mentions")


class ClaimEntity(Base):
    """A claim is about an entity (or, with ``speaker``, attributed to it)."""

    __tablename__ = "claim_entities"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    source_entity_id: Mapped[int] = mapped_column(
        ForeignKey("source_entities.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    speaker: Mapped[bool] = mapped_column(Boolean)


class EntityAlias(Base):
    """An editor's word on a name: it is this entity (``positive``) or it is not. Wins over resolution."""

    __tablename__ = "entity_aliases"
    __table_args__ = (UniqueConstraint("entity_id", "name_key", "positive"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    positive: Mapped[bool] = mapped_column(Boolean)
    origin: Mapped[str] = mapped_column(String(20))  # "alias", "merge", "split", "import"
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Flag(Base):
    """Something an editor should look at: a spelling variant, a corroboration, a conflict, a change over time.

    ``key`` names what the flag is about, so that a re-run updates the same flag and keeps its review status.
    """

    __tablename__ = "flags"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    explanation: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    version: Mapped[int] = mapped_column(Integer)
    # The comparison rule that made it (tracker.match.compare.RULES) and the frames it compared, as JSON with
    # their words as written; None for flags of stages that compare no frames.
    rule: Mapped[str | None] = mapped_column(String(40))
    frames: Mapped[str | None] = mapped_column(Text)
    # The editor the flag is assigned to (their name); None when nobody is.
    assigned_to: Mapped[str | None] = mapped_column(String(200), index=True)


class FlagClaim(Base):
    __tablename__ = "flag_claims"

    flag_id: Mapped[int] = mapped_column(ForeignKey("flags.id", ondelete="CASCADE"), primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True)


class FlagEntity(Base):
    __tablename__ = "flag_entities"

    flag_id: Mapped[int] = mapped_column(ForeignKey("flags.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True, index=True)


class FlagReview(Base):
    """One editor's review of a flag: an audit row, written once and never changed or deleted."""

    __tablename__ = "flag_reviews"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # RESTRICT: a reviewed flag cannot be deleted, so its trail is never lost.
    flag_id: Mapped[int] = mapped_column(ForeignKey("flags.id", ondelete="RESTRICT"), index=True)
    reviewer: Mapped[str] = mapped_column(String(200))
    reviewed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    # The flag's version this review produced.
    version: Mapped[int] = mapped_column(Integer)


class Verdict(Base):
    """An editor's ruling on one claim (accurate, inaccurate, outdated, misattributed, unproven), with a note and
    the source it rests on. Proposed by one editor, published only when a second, different editor approves.
    Its decision columns are written once; every step is also a ``VerdictEvent`` row."""

    __tablename__ = "verdicts"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # RESTRICT: a claim with a ruling cannot be deleted, so the ruling is never lost.
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="RESTRICT"), index=True)
    rating: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    evidence_url: Mapped[str | None] = mapped_column(Text)
    # The flag the ruling was made from, if any (SET NULL: a flag a re-run drops leaves the ruling standing).
    flag_id: Mapped[int | None] = mapped_column(ForeignKey("flags.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    proposed_by: Mapped[str] = mapped_column(String(200))
    proposed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer)


class VerdictEvent(Base):
    """One step of a verdict's life (proposed, approved, rejected, withdrawn, superseded): an audit row,
    written once and never changed or deleted."""

    __tablename__ = "verdict_events"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    verdict_id: Mapped[int] = mapped_column(ForeignKey("verdicts.id", ondelete="RESTRICT"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    by: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    note: Mapped[str | None] = mapped_column(Text)
    # The verdict's version this step produced.
    version: Mapped[int] = mapped_column(Integer)


class PendingWork(Base):
    """Work recorded as owed in the same transaction that made it owed, and cleared in the one that does it.

    A process killed between storing a source and finishing the corpus-wide stage (entities, matching,
    flags) leaves the row behind, so the next command that opens the database knows to finish it.
    """

    __tablename__ = "pending_work"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    since: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class User(Base):
    """A person who signs in to the desk: a role (viewer, editor, admin) and an argon2 hash of the password.

    The name is what the audit trail records as who reviewed or ruled, so it is as wide as a reviewer's name.
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class AppSecret(Base):
    """A secret the tracker generated once and keeps (the desk's session-signing key)."""

    __tablename__ = "app_secrets"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ClaimKey(Base):
    """A blocking key of a claim (an entity, an uncommon word, a counted class, a post): claims meet for
    comparison through the keys they share, found through the index on ``key``, never all against all."""

    __tablename__ = "claim_keys"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)


class ClaimOwner(Base):
    """A claim whose post's owner names someone ("President X's chief of staff"): the name's key, and the
    person it was read as (None: no one). When that person's posts change, or an entity comes to be written
    so, the claim is read and matched again."""

    __tablename__ = "claim_owners"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    owner_key: Mapped[str] = mapped_column(String(300), index=True)
    person_id: Mapped[int | None] = mapped_column(Integer, index=True)


class ClaimLink(Base):
    """What comparing two claims gave (``a`` < ``b``): the verdict's kind, rule, words, entities and frames
    (JSON), the wording similarity, and the claim the earlier fact is of. Clusters and flags are made from
    these rows, so a new claim changes only the components it joins."""

    __tablename__ = "claim_links"

    a: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    b: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True)
    kind: Mapped[str] = mapped_column(String(30))
    rule: Mapped[str] = mapped_column(String(40))
    first: Mapped[int] = mapped_column(Integer)
    similarity: Mapped[float] = mapped_column(Float)
    explanation: Mapped[str] = mapped_column(Text)
    entities: Mapped[str] = mapped_column(Text)
    frames: Mapped[str] = mapped_column(Text)


class MatchedEntity(Base):
    """What matching last read of an entity (a digest of its name, type and forms): an entity whose digest
    changed (renamed, written in a new form, merged, split) has its claims matched again."""

    __tablename__ = "matched_entities"

    entity_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    digest: Mapped[str] = mapped_column(String(64))


class MatchedForm(Base):
    """The name keys an entity was written in when last matched, indexed: the one person written exactly so is
    found without reading every entity."""

    __tablename__ = "matched_forms"

    entity_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    form: Mapped[str] = mapped_column(String(300), primary_key=True, index=True)
