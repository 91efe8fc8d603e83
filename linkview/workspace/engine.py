"""The SQLite connection policy of a workspace: engine, pragmas and explicit transactions.

Journal: WAL. The window reads (charts, inspector) while an import runs on a worker thread; in WAL mode
readers keep their snapshot and are never blocked by the writer, whereas a rollback journal would lock
every reader out as soon as a large import spills its cache. ``synchronous=NORMAL`` in WAL mode never
corrupts the file: a crash or power cut can at worst lose the last committed transactions, never half of
one, so "every import is one transaction: all of a file or nothing" holds. ``journal_size_limit`` trims
the WAL after an import, and the last connection to close folds it back into the single ``.linkview``
file. (WAL needs a local disk: a unit sharing one workspace uses the PostgreSQL back end instead.)

pysqlite's own implicit transactions are switched off; every transaction starts with an explicit
``BEGIN`` (``BEGIN IMMEDIATE`` for writes, so a second writer waits at the start, not at commit).
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy.engine import Connection, Engine

__all__ = ["SQLITE_HEADER", "PRAGMAS", "make_engine", "write", "read", "driver"]

SQLITE_HEADER = b"SQLite format 3\x00"

PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -131072",          # 128 MiB page cache per connection
    "PRAGMA journal_size_limit = 67108864",  # keep at most 64 MiB of WAL on disk after a checkpoint
)

_BEGIN = {"deferred": "BEGIN", "immediate": "BEGIN IMMEDIATE"}


def make_engine(path: Path) -> Engine:
    """An engine on the SQLite file at ``path`` with LinkView's pragmas and explicit transactions."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import URL

    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        connect_args={"check_same_thread": False, "timeout": 30.0},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # no implicit BEGIN from the driver
        cur = dbapi_connection.cursor()
        try:
            for pragma in PRAGMAS:
                cur.execute(pragma)
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("linkview_begin", "deferred")
        conn.exec_driver_sql(_BEGIN[mode])

    return engine


@contextmanager
def _database_errors(engine: Engine) -> Iterator[None]:
    """SQLite failures (locked, disk full, damaged file) as a WorkspaceError naming the file."""
    from sqlalchemy.exc import SQLAlchemyError

    from linkview.errors import WorkspaceError

    try:
        yield
    except (SQLAlchemyError, sqlite3.Error) as exc:
        reason = getattr(exc, "orig", None) or exc
        raise WorkspaceError(f"workspace {engine.url.database}: {reason}") from exc


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One write transaction (``BEGIN IMMEDIATE``): committed on success, rolled back on any error."""
    with _database_errors(engine), engine.connect().execution_options(linkview_begin="immediate") as conn, \
            conn.begin():
        yield conn


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """One read transaction: a consistent snapshot for several queries."""
    with _database_errors(engine), engine.connect() as conn, conn.begin():
        yield conn


def driver(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under ``conn`` (same transaction) for bulk ``executemany`` and fast fetches."""
    return conn.connection.driver_connection  # type: ignore[return-value]
