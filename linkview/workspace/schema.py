"""The workspace schema (SQLAlchemy Core) as of the current schema version.

Times of links and sightings are INTEGER seconds since 1970-01-01 of the naive time as written in the file
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
    "event_blocks",
    "source_cells",
    "links",
    "rejected",
    "hub_marks",
    "charts",
    "audit",
    "BULK_INDEXES",
]

SCHEMA_VERSION = 2
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
    # the key itself is the table (WITHOUT ROWID): one B-tree, no separate unique index to maintain;
    # workspaces created before keep their rowid table with the unique index: both answer the same
    PrimaryKeyConstraint("entity_id", "spelling", name="pk_variants"),
    sqlite_with_rowid=False,
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

# Entity columns of links carry no FOREIGN KEY clause: the importer derives them from the entities it
# has just upserted in the same transaction. Case and source references are checked.
# Events have no table of their own (schema 2): they are stored as column blocks per source
# (``event_blocks``, see blocks.py), written in the import's transaction like every other row. Files of
# schema 1 keep their old ``events`` table (it holds the per-event raw JSON those imports kept).
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

# The events of each source as column blocks (see blocks.py): the event store. Event ids are consecutive
# within a source and across blocks: block rows are ids first_id .. first_id + n - 1.
event_blocks = Table(
    "event_blocks", metadata,
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("block", Integer, nullable=False),
    Column("first_id", Integer, nullable=False),      # event id of the block's first row; ids are consecutive
    Column("n", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    PrimaryKeyConstraint("source_id", "block", name="pk_event_blocks"),
)

# The raw text cells of every row of each imported file (imported or rejected), in blocks of file rows
# (see blocks.encode_cells): what ``Workspace.source_row`` shows.
source_cells = Table(
    "source_cells", metadata,
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("block", Integer, nullable=False),
    Column("first_row", Integer, nullable=False),     # smallest and largest file row number in the block
    Column("last_row", Integer, nullable=False),
    Column("n", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    PrimaryKeyConstraint("source_id", "block", name="pk_source_cells"),
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

# Secondary indexes of the big tables, kept few because each costs import time. Events need none: "the
# events naming an entity" are found through ``sightings`` (keyed by entity) and the column blocks of just
# those sources. Links are few (deduplicated per pair) and keep ordinary indexes.
BULK_INDEXES: dict[str, list[Index]] = {
    "links": [
        Index("ix_links_source_row", links.c.source_id, links.c.row),
        Index("ix_links_a", links.c.a_id),
        Index("ix_links_b", links.c.b_id),
    ],
}
