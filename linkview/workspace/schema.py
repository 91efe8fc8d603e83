"""The workspace schema (SQLAlchemy Core) as of the current schema version.

Times of events and links are INTEGER seconds since 1970-01-01 of the naive time as written in the file
(no time zone is applied): integers bind and compare fastest and make time ranges a plain range scan.
Bookkeeping times (created_at, imported_at, audit) are ISO 8601 UTC text, readable in any SQLite tool.
Empty strings of the import frames are stored as NULL.

Secondary indexes of the two big tables are listed in :data:`BULK_INDEXES` so an import much larger
than the table can drop them and build them again by sorting, inside the same transaction.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = [
    "SCHEMA_VERSION",
    "APPLICATION_ID",
    "APPLICATION_NAME",
    "metadata",
    "meta",
    "cases",
    "sources",
    "entities",
    "variants",
    "sightings",
    "events",
    "event_blocks",
    "links",
    "rejected",
    "hub_marks",
    "charts",
    "audit",
    "BULK_INDEXES",
]

SCHEMA_VERSION = 1
APPLICATION_ID = 0x4C4B5657  # "LKVW" in the SQLite header (PRAGMA application_id)
APPLICATION_NAME = "linkview"

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

cases = Table(
    "cases", metadata,
    Column("id", Integer, primary_key=True),
    Column("number", Text, nullable=False, unique=True),
    Column("title", Text, nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("created_at", Text, nullable=False),
)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("spec", JSON, nullable=False),
    Column("encoding", Text),
    Column("rows_total", Integer, nullable=False),
    Column("rows_imported", Integer, nullable=False),
    Column("rows_rejected", Integer, nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("n_links", Integer, nullable=False),
    Column("imported_by", Text, nullable=False),
    Column("imported_at", Text, nullable=False),
    UniqueConstraint("case_id", "sha256", name="uq_sources_case_sha256"),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("display", Text, nullable=False),
    Column("valid", Boolean, nullable=False, default=True),
    Column("note", Text, nullable=False, default=""),
    UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
)

variants = Table(
    "variants", metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("spelling", Text, nullable=False),
    UniqueConstraint("entity_id", "spelling", name="uq_variants"),
)

sightings = Table(
    "sightings", metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("n_rows", Integer, nullable=False),
    Column("first_row", Integer, nullable=False),
    Column("roles", Text, nullable=False),          # "a,b,dev,imsi" subset
    Column("first_time", Integer),                  # epoch seconds, NULL when no row had a time
    Column("last_time", Integer),
    PrimaryKeyConstraint("entity_id", "source_id", name="pk_sightings"),
    Index("ix_sightings_case", "case_id"),
    sqlite_with_rowid=False,
)

# Entity columns of events and links carry no FOREIGN KEY clause: the importer derives them from the
# entities it has just upserted in the same transaction, and a per-row parent lookup would cost four
# B-tree searches per event. Case and source references are checked.
events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("row", Integer, nullable=False),
    Column("etype", Text, nullable=False),
    Column("time", Integer),
    Column("a_id", Integer),
    Column("b_id", Integer),
    Column("dev_id", Integer),
    Column("imsi_id", Integer),
    Column("target", Text),
    Column("direction", Text),
    Column("duration", Float),
    Column("amount", Float),
    Column("currency", Text),
    Column("asset", Text),
    Column("tx_hash", Text),
    Column("cell", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("note", Text),
    Column("raw", Text),                            # JSON of the source row's cells, when ingest gave it
)

links = Table(
    "links", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("row", Integer, nullable=False),
    Column("n", Integer, nullable=False),
    Column("ltype", Text, nullable=False),
    Column("a_id", Integer, nullable=False),
    Column("b_id", Integer, nullable=False),
    Column("first_time", Integer),
    Column("last_time", Integer),
    Column("raw", Text),
)

# Columnar copy of each source's events (see blocks.py): what ``Workspace.events()`` reads in bulk.
event_blocks = Table(
    "event_blocks", metadata,
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("block", Integer, nullable=False),
    Column("first_id", Integer, nullable=False),      # events.id of the block's first row; ids are consecutive
    Column("n", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    PrimaryKeyConstraint("source_id", "block", name="pk_event_blocks"),
)

rejected = Table(
    "rejected", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("row", Integer, nullable=False),
    Column("column", Text),
    Column("severity", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("raw", Text),
    Index("ix_rejected_source_row", "source_id", "row"),
)

hub_marks = Table(
    "hub_marks", metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("value", Boolean, nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("by", Text, nullable=False),
    Column("at", Text, nullable=False),
)

charts = Table(
    "charts", metadata,
    Column("name", Text, primary_key=True),
    Column("data", JSON, nullable=False),
    Column("saved_at", Text, nullable=False),
)

audit = Table(
    "audit", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("detail", JSON, nullable=False),
)

# Secondary indexes of the big tables, kept few because each costs import time on every million rows.
# The events table has none besides its primary key: the events of one source have consecutive ids (see
# ``event_blocks``), so "the rows of this source" is a rowid range, and "the events naming an entity" are
# found through ``sightings`` (keyed by entity) and the column blocks of just those sources. Links are
# few (deduplicated per pair) and keep ordinary indexes.
BULK_INDEXES: dict[str, list[Index]] = {
    "events": [],
    "links": [
        Index("ix_links_source_row", links.c.source_id, links.c.row),
        Index("ix_links_a", links.c.a_id),
        Index("ix_links_b", links.c.b_id),
    ],
}
