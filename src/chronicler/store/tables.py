"""The database schema, as SQLAlchemy Core tables.

This module is the one description of the schema; ``migrations/versions`` must build exactly
this (``tests/store/test_tables.py`` checks it with alembic's ``compare_metadata``). Change it
only together with a new migration.

Columns beside ``event_mentions.record`` are copies of fields of the event JSON, kept only so
that queries can filter and index; ``record`` is the stored truth, read back into the record that
was stored.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Named constraints, so that migrations can refer to them on every backend and so that
# autogenerate compares like with like.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _document_columns() -> list[Column[Any]]:
    """What a stored document holds, latest or superseded (fresh objects: a column has one table)."""
    return [
        Column("content_hash", String, nullable=False),
        Column("source", String, nullable=False),
        Column("url", String),
        Column("title", String),
        Column("published", String),  # ISO 8601 reduced to what is known, as in the record
        Column("published_inferred", Boolean, nullable=False),
        Column("outlet", String),
        Column("language", String),
        Column("text", Text, nullable=False),
        Column("ingested_at", DateTime(timezone=True), nullable=False),
        # Migration 0012: the collection it belongs to; None is the shared one, which everyone sees.
        Column("collection", String),
    ]


documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    *_document_columns(),
    Index("ix_documents_content_hash", "content_hash", unique=True),
    Index("ix_documents_collection", "collection"),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String, nullable=False),
    Column("reason", Text, nullable=False),
    Column("code", String, nullable=False, server_default="unreadable"),  # records.FAILURE_CODES
    Column("content_hash", String),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("collection", String),  # of the ingest that met it (migration 0012)
    # A re-run that meets the same bad input again must not add a second row.
    UniqueConstraint("source", "reason"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", String, primary_key=True),
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("event", String, nullable=False),
    Column("mode", String),
    Column("date", String),
    Column("enddate", String),
    Column("country_code", String),
    Column("place", String),  # event_loc.resolved_place
    Column("extracted_place", String),  # event_loc.extracted_place, as written
    Column("admin1", String),
    Column("historical", Boolean, nullable=False),
    Column("modality", String, nullable=False),
    Column("extractor", String, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("record", Text, nullable=False),  # the event JSON of SCHEMA.md, as to_json() gave it
    # Review (migration 0007): a reviewed mention's record and columns hold the reviewed values,
    # so every view, filter, export and consolidation reads them; the extracted record is kept
    # here, and ``review`` says confirmed, corrected or rejected (rejected ones are left out).
    Column("machine_record", Text),
    Column("review", String),
    Index("ix_event_mentions_event", "event"),
    Index("ix_event_mentions_date", "date"),
    Index("ix_event_mentions_country_code", "country_code"),
    Index("ix_event_mentions_doc_id", "doc_id"),
    # Pages of one type or country in page order (migration 0006), with the review status so that
    # leaving rejected mentions out reads no row (migration 0007); the same for every page and for
    # the timeline's counts by day and type.
    Index("ix_event_mentions_event_date_id", "event", "date", "id", "review"),
    Index("ix_event_mentions_country_code_date_id", "country_code", "date", "id", "review"),
    Index("ix_event_mentions_date_id_review", "date", "id", "review"),
    Index("ix_event_mentions_date_event_review", "date", "event", "review"),
)

# Document revisions (issue 16). ``documents`` and ``event_mentions`` hold the latest revision of
# each document, which every view, export and consolidation reads; when a document comes again
# under its id with other text, its row and its mentions move here, so no figure is ever lost.
# A document's revision number is 1 + how many of its revisions are superseded.

superseded_documents = Table(
    "superseded_documents",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("revision", Integer, primary_key=True),  # 1 for the first ingested, then 2, ...
    *_document_columns(),
    Index("ix_superseded_documents_content_hash", "content_hash", unique=True),
)

superseded_mentions = Table(
    "superseded_mentions",
    metadata,
    Column("doc_id", String, primary_key=True),
    Column("revision", Integer, primary_key=True),
    # Not unique across revisions: an unchanged sentence keeps its mention id in the next one.
    Column("id", String, primary_key=True),
    Column("record", Text, nullable=False),  # the event JSON, as in event_mentions.record
    ForeignKeyConstraint(
        ["doc_id", "revision"],
        ["superseded_documents.doc_id", "superseded_documents.revision"],
        ondelete="CASCADE",
    ),
    Index("ix_superseded_mentions_id", "id"),
)

# Consolidation (issue 4). Rebuilt by ``chronicler consolidate``; the rows of one run replace
# those of the last in one transaction.

document_keys = Table(
    "document_keys",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),  # near_duplicates.signature of the text
    Column("representative", String),  # doc id of its near-duplicate group's representative
)

consolidated_events = Table(
    "consolidated_events",
    metadata,
    Column("id", String, primary_key=True),
    # The order consolidate() gave; handed back to it as `previous` in the same order.
    Column("position", Integer, nullable=False),
    Column("event", String, nullable=False),
    Column("date", String),
    Column("country_code", String),
    Column("historical", Boolean, nullable=False),
    Column("record", Text, nullable=False),  # ConsolidatedEvent.to_json(), the stored truth
    # The map's columns (migration 0008), copies of the record's: the workspace's map reads these
    # rather than every record. A point only for a town (export.columns.point).
    Column("mode", String),
    Column("enddate", String),
    Column("place", String),
    Column("admin1", String),
    Column("geo_precision", String),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("mentions", Integer),
    Column("documents", Integer),
    Column("disagreement", Boolean),
    Index("ix_consolidated_events_event", "event"),
    Index("ix_consolidated_events_date", "date"),
)

consolidated_members = Table(
    "consolidated_members",
    metadata,
    # A mention deleted with its updated document leaves its event; the next run rebuilds it.
    Column("mention_id", String, ForeignKey("event_mentions.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String, ForeignKey("consolidated_events.id", ondelete="CASCADE"), nullable=False),
    Index("ix_consolidated_members_event_id", "event_id"),
)

# Review (issue 13): what reviewers said of stored mentions, one row a judgement, never deleted;
# an undone judgement keeps its row with who undid it and when. Keyed by mention id, not by a
# foreign key: a mention dropped with a superseded revision comes back under the same id when its
# sentence does, and its judgements apply again.
judgements = Table(
    "judgements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mention_id", String, nullable=False),
    Column("action", String, nullable=False),  # confirm | correct | reject
    Column("field", String),  # for correct: which field of the event JSON
    Column("old_value", Text),  # JSON of the field before (the value the reviewer saw)
    Column("new_value", Text),  # JSON of the field after
    Column("note", Text),
    Column("reviewer", String, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone_at", DateTime(timezone=True)),
    Column("undone_by", String),
    Index("ix_judgements_mention_id", "mention_id"),
)

# Accounts (issue 14): who may read, review and manage a served database. The token is shown once
# when made; only its SHA-256 is kept (tokens are 256 random bits: a slow hash buys nothing).
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String, nullable=False, unique=True),
    Column("role", String, nullable=False),  # viewer | editor | admin
    Column("token_hash", String, nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Collections (issue 14): documents an ingest put in a named collection; a private one, and all
# that is read from its documents, is seen only by its members. Documents in no collection are
# the shared one.
collections = Table(
    "collections",
    metadata,
    Column("name", String, primary_key=True),
    Column("private", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

collection_members = Table(
    "collection_members",
    metadata,
    Column("collection", String, ForeignKey("collections.name", ondelete="CASCADE"), primary_key=True),
    Column("user_name", String, ForeignKey("users.name", ondelete="CASCADE"), primary_key=True),
)
