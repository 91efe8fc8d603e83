"""Schema versions and the steps between them.

``meta.schema_version`` is written when a workspace is created. Version 1 is the creation itself
(:func:`initialize`, the tables of ``schema.py``). Each later version appends one :class:`Migration` to
:data:`MIGRATIONS` that turns a file of the version before into this one; ``schema.py`` always describes
the newest version, so a new file is created directly at it. :func:`upgrade` runs inside the caller's
transaction: a failed step leaves the file as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from linkview.errors import SchemaVersionError, WorkspaceError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

__all__ = ["Migration", "MIGRATIONS", "latest_version", "initialize", "read_version", "upgrade"]


@dataclass(frozen=True)
class Migration:
    version: int                          # the version this step produces
    description: str
    apply: Callable[[Connection], None]   # DDL/DML run inside the open transaction


def _create(conn: Connection) -> None:
    from linkview.workspace.schema import metadata

    metadata.create_all(conn)


def _events_in_blocks(conn: Connection) -> None:
    """Schema 2: events live in their column blocks only, and every imported file keeps its raw cells in
    ``source_cells``. The schema-1 ``events`` table is kept as it was: it holds the raw JSON of the rows
    those imports kept, which ``source_row`` still reads; new imports no longer write to it."""
    from linkview.workspace.schema import source_cells

    source_cells.create(conn, checkfirst=True)


MIGRATIONS: list[Migration] = [
    Migration(1, "create the workspace", _create),
    Migration(2, "events in column blocks only; raw cells of every source row", _events_in_blocks),
]


def latest_version() -> int:
    return MIGRATIONS[-1].version


def initialize(conn: Connection, *, created_at: str, user: str) -> None:
    """Create every table of the newest schema in an empty database and stamp its version."""
    from linkview.workspace.schema import APPLICATION_ID, APPLICATION_NAME, meta

    MIGRATIONS[0].apply(conn)  # schema.py is the newest schema: later steps are for older files only
    conn.exec_driver_sql(f"PRAGMA application_id = {int(APPLICATION_ID)}")
    conn.execute(meta.insert(), [
        {"key": "application", "value": APPLICATION_NAME},
        {"key": "schema_version", "value": str(latest_version())},
        {"key": "created_at", "value": created_at},
        {"key": "created_by", "value": user},
    ])


def read_version(conn: Connection, path: str) -> int:
    """The schema version of an open database; WorkspaceError when it is not a LinkView workspace."""
    from linkview.workspace.schema import APPLICATION_NAME

    has_meta = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").first()
    if has_meta is None:
        raise WorkspaceError(f"{path} is an SQLite database but not a LinkView workspace (no meta table)")
    values = dict(conn.exec_driver_sql(
        "SELECT key, value FROM meta WHERE key IN ('application', 'schema_version')").all())
    if values.get("application") != APPLICATION_NAME:
        raise WorkspaceError(f"{path} is an SQLite database but not a LinkView workspace")
    try:
        return int(values["schema_version"])
    except (KeyError, ValueError):
        raise WorkspaceError(f"{path}: the workspace has no valid schema version") from None


def upgrade(conn: Connection, version: int, path: str) -> list[int]:
    """Apply every step after ``version``; returns the versions applied. Refuses newer files."""
    from sqlalchemy import update

    from linkview.workspace.schema import meta

    newest = latest_version()
    if version > newest:
        raise SchemaVersionError(
            f"{path} was written by a newer LinkView (workspace schema {version}; this version reads up "
            f"to {newest}). Update LinkView to open it.")
    if version < 1:
        raise WorkspaceError(f"{path}: invalid workspace schema version {version}")
    applied = []
    for step in MIGRATIONS:
        if step.version > version:
            step.apply(conn)
            applied.append(step.version)
    if applied:
        conn.execute(update(meta).where(meta.c.key == "schema_version").values(value=str(applied[-1])))
    return applied
