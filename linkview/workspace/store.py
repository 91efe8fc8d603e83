"""The :class:`Workspace`: one ``.linkview`` SQLite file, opened, migrated and used through methods.

Everything a user can do to a workspace, from the CLI or the window, goes through these methods. Reads
return pandas frames or plain records; writes are single transactions and leave an audit entry.
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linkview.errors import CaseNotFound, WorkspaceError
from linkview.workspace.models import CaseInfo, SourceInfo

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import pandas as pd
    from sqlalchemy.engine import Engine

    from linkview.workspace.batch import ImportBatch, ImportResult

__all__ = ["Workspace", "current_user"]


def current_user() -> str:
    """The operating-system user name, as recorded in the audit log."""
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError, ImportError):
        return "unknown"


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="seconds")


def _use_wal(engine: Engine) -> str:
    """Switch the file to WAL (persistent; must run outside a transaction); the journal mode in use.

    Where WAL is unavailable (some network file systems) SQLite keeps its rollback journal: imports are
    still all-or-nothing, only readers wait while an import commits.
    """
    raw = engine.raw_connection()
    try:
        return str(raw.driver_connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
    finally:
        raw.close()


def _check_sqlite_file(path: Path) -> None:
    from linkview.workspace.engine import SQLITE_HEADER

    if not path.exists():
        raise WorkspaceError(f"no workspace at {path}")
    if not path.is_file():
        raise WorkspaceError(f"{path} is not a file")
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if head != SQLITE_HEADER:
        raise WorkspaceError(f"{path} is not a LinkView workspace (not an SQLite database)")


class Workspace:
    """A LinkView workspace file. Use :meth:`create` or :meth:`open`; close it (or use ``with``)."""

    def __init__(self, path: Path, engine: Engine, *, user: str | None = None):
        self._path = path
        self._engine: Engine | None = engine
        self.user = user or current_user()

    # ---- opening and closing -------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, *, user: str | None = None) -> Workspace:
        """Create a new, empty workspace at ``path`` (refuses to overwrite an existing file)."""
        from linkview.workspace import migrations
        from linkview.workspace.engine import make_engine, write

        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise WorkspaceError(f"{path} already exists; open it instead of creating it")
        if not path.parent.is_dir():
            raise WorkspaceError(f"cannot create {path}: folder {path.parent} does not exist")
        engine = make_engine(path)
        ws = cls(path, engine, user=user)
        try:
            _use_wal(engine)
            with write(engine) as conn:
                migrations.initialize(conn, created_at=_now(), user=ws.user)
                ws._audit(conn, "create", {"path": str(path), "schema_version": migrations.latest_version()})
        except Exception as exc:
            engine.dispose()
            if isinstance(exc, WorkspaceError):
                raise
            from sqlalchemy.exc import SQLAlchemyError

            if isinstance(exc, SQLAlchemyError):
                raise WorkspaceError(f"cannot create workspace {path}: {exc.orig or exc}") from exc
            raise
        return ws

    @classmethod
    def open(cls, path: str | Path, *, user: str | None = None) -> Workspace:
        """Open an existing workspace, migrating an older schema (SchemaVersionError when newer)."""
        from sqlalchemy.exc import SQLAlchemyError

        from linkview.workspace import migrations
        from linkview.workspace.engine import make_engine, read, write

        path = Path(path)
        _check_sqlite_file(path)
        engine = make_engine(path)
        ws = cls(path, engine, user=user)
        try:
            with read(engine) as conn:
                migrations.read_version(conn, str(path))  # not a workspace: leave the file untouched
            _use_wal(engine)
            with write(engine) as conn:
                version = migrations.read_version(conn, str(path))
                applied = migrations.upgrade(conn, version, str(path))
                if applied:
                    ws._audit(conn, "migrate", {"from": version, "to": applied[-1]})
        except WorkspaceError:
            engine.dispose()
            raise
        except SQLAlchemyError as exc:
            engine.dispose()
            raise WorkspaceError(f"cannot open workspace {path}: {getattr(exc, 'orig', None) or exc}") from exc
        return ws

    def close(self) -> None:
        """Close every connection; the WAL is folded back into the one ``.linkview`` file."""
        if self._engine is None:
            return
        engine, self._engine = self._engine, None
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")
                conn.rollback()
        finally:
            engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._engine is None else "open"
        return f"<Workspace {str(self._path)!r} {state}>"

    @property
    def path(self) -> Path:
        return self._path

    @property
    def closed(self) -> bool:
        return self._engine is None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise WorkspaceError(f"workspace {self._path} is closed")
        return self._engine

    @property
    def schema_version(self) -> int:
        from linkview.workspace.engine import read
        from linkview.workspace.migrations import read_version

        with read(self.engine) as conn:
            return read_version(conn, str(self._path))

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check plus a foreign-key check: an empty list when the file is sound."""
        from linkview.workspace.engine import read

        with read(self.engine) as conn:
            problems = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all() if r[0] != "ok"]
            problems += [f"foreign key: {tuple(r)}" for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
            # the column blocks must hold exactly the events recorded for each source, ids never shared
            problems += [f"source #{r[0]}: {r[1]} events recorded, {r[2]} in column blocks"
                         for r in conn.exec_driver_sql(
                             "SELECT s.id, s.n_events, coalesce(sum(b.n), 0) FROM sources AS s "
                             "LEFT JOIN event_blocks AS b ON b.source_id = s.id GROUP BY s.id "
                             "HAVING s.n_events != coalesce(sum(b.n), 0)")]
            problems += [f"event blocks of sources #{r[0]} and #{r[1]} share ids" for r in conn.exec_driver_sql(
                "SELECT x.source_id, y.source_id FROM event_blocks AS x JOIN event_blocks AS y "
                "ON (x.source_id, x.block) < (y.source_id, y.block) "
                "AND x.first_id < y.first_id + y.n AND y.first_id < x.first_id + x.n")]
        return problems

    # ---- import ----------------------------------------------------------------------------------
    def import_batch(self, batch: ImportBatch, *, progress: Callable[[float, str], None] | None = None,
                     should_cancel: Callable[[], bool] | None = None) -> ImportResult:
        """Store one file's batch in one transaction: all of it or nothing.

        Creates the case when new; DuplicateSourceError when the same SHA-256 is already in that case;
        Cancelled (nothing stored) when ``should_cancel()`` becomes true.
        """
        from linkview.workspace.importer import import_batch

        return import_batch(self.engine, batch, user=self.user, progress=progress, should_cancel=should_cancel)

    # ---- cases and sources -----------------------------------------------------------------------
    def create_case(self, number: str, title: str = "", notes: str = "") -> CaseInfo:
        """Add a case; WorkspaceError when the number is empty or already used."""
        from linkview.workspace.engine import driver, write

        number = str(number).strip()
        if not number:
            raise WorkspaceError("a case needs a number")
        with write(self.engine) as conn:
            cur = driver(conn).cursor()
            try:
                if cur.execute("SELECT 1 FROM cases WHERE number = ?", (number,)).fetchone():
                    raise WorkspaceError(f"case {number} already exists in {self._path.name}")
                cur.execute("INSERT INTO cases (number, title, notes, created_at) VALUES (?, ?, ?, ?)",
                            (number, title or "", notes or "", _now()))
            finally:
                cur.close()
            self._audit(conn, "create_case", {"case": number, "title": title})
        return self.case(number)

    def case(self, number: str) -> CaseInfo:
        """The case with that number (CaseNotFound otherwise), with its counts."""
        from linkview.workspace.queries import case_infos

        number = str(number).strip()
        found = case_infos(self.engine, number=number)
        if not found:
            raise CaseNotFound(f"no case {number} in workspace {self._path.name}")
        return found[0]

    def cases(self) -> list[CaseInfo]:
        """Every case, by number, with counts of sources, events, links, entities and rejected entries."""
        from linkview.workspace.queries import case_infos

        return case_infos(self.engine)

    def sources(self, case_id: int | None = None) -> list[SourceInfo]:
        """Imported files (of one case or all), oldest first, with the import spec as a dict."""
        from linkview.workspace.engine import driver, read

        sql = ("SELECT s.id, s.case_id, c.number, s.name, s.path, s.sha256, s.size, s.kind, s.spec, "
               "s.encoding, s.rows_total, s.rows_imported, s.rows_rejected, s.imported_by, s.imported_at "
               "FROM sources AS s JOIN cases AS c ON c.id = s.case_id")
        params: tuple[Any, ...] = ()
        if case_id is not None:
            sql += " WHERE s.case_id = ?"
            params = (int(case_id),)
        with read(self.engine) as conn:
            rows = driver(conn).execute(sql + " ORDER BY s.id", params).fetchall()
        out = []
        for r in rows:
            spec = json.loads(r[8]) if r[8] else {}
            out.append(SourceInfo(id=r[0], case_id=r[1], case_number=r[2], name=r[3], path=r[4], sha256=r[5],
                                  size=r[6], kind=r[7], spec=spec, encoding=r[9], rows_total=r[10],
                                  rows_imported=r[11], rows_rejected=r[12], imported_by=r[13],
                                  imported_at=r[14]))
        return out

    def case_ids(self, numbers: Iterable[str]) -> list[int]:
        """Ids of the cases with these numbers (CaseNotFound names the first unknown one)."""
        known = {c.number: c.id for c in self._case_rows()}
        out = []
        for number in numbers:
            number = str(number).strip()
            if number not in known:
                raise CaseNotFound(f"no case {number} in workspace {self._path.name}")
            out.append(known[number])
        return out

    def _case_rows(self) -> list[CaseInfo]:
        from linkview.workspace.engine import driver, read

        with read(self.engine) as conn:
            rows = driver(conn).execute("SELECT id, number, title, notes, created_at FROM cases").fetchall()
        return [CaseInfo(*r) for r in rows]

    # ---- reads (see queries.py) ------------------------------------------------------------------
    def rejected(self, source_id: int | None = None, case_id: int | None = None) -> pd.DataFrame:
        """Rejected-list entries: id, case_id, case_number, source_id, file, row, column, severity, reason, raw."""
        from linkview.workspace.queries import rejected

        return rejected(self.engine, source_id=source_id, case_id=case_id)

    def entities(self, ids: Iterable[int] | None = None, kinds: Iterable[str] | None = None) -> pd.DataFrame:
        """id, kind, key, display, valid, note, variants, cases, first_seen, last_seen.

        ``variants``: every spelling seen, the display first; ``cases``: sorted case numbers where the
        entity was sighted; first/last seen: the time span of its rows (NaT when no row had a time).
        """
        from linkview.workspace.queries import entities

        return entities(self.engine, ids=ids, kinds=kinds)

    def entity_id(self, kind: str, key: str) -> int | None:
        """The id of the entity (kind, key), or None."""
        from linkview.workspace.engine import driver, read

        with read(self.engine) as conn:
            row = driver(conn).execute("SELECT id FROM entities WHERE kind = ? AND key = ?",
                                       (kind, key)).fetchone()
        return None if row is None else int(row[0])

    def search(self, text: str, limit: int = 50) -> pd.DataFrame:
        """Entities matching what the user typed: id, kind, key, display, cases, match."""
        from linkview.workspace.search import search

        return search(self.engine, text, limit=limit)

    def events(self, case_ids: Iterable[int] | None = None, since: Any = None, until: Any = None,
               entity_ids: Iterable[int] | None = None, etypes: Iterable[str] | None = None) -> pd.DataFrame:
        """Events in scope, ordered by id; ``since``/``until`` bound the time (inclusive; rows without a
        time are left out when a bound is given). Times are datetime64[ns]; entity ids nullable Int64;
        text columns "" when empty. Read from the per-source column blocks: ~1 s per million rows."""
        from linkview.workspace.queries import events

        return events(self.engine, case_ids=case_ids, since=since, until=until, entity_ids=entity_ids,
                      etypes=etypes)

    def links(self, case_ids: Iterable[int] | None = None, entity_ids: Iterable[int] | None = None
              ) -> pd.DataFrame:
        """Static links: id, case_id, source_id, row, n, ltype, a_id, b_id, first_time, last_time."""
        from linkview.workspace.queries import links

        return links(self.engine, case_ids=case_ids, entity_ids=entity_ids)

    def sightings(self, entity_ids: Iterable[int] | None = None, case_ids: Iterable[int] | None = None
                  ) -> pd.DataFrame:
        """entity_id, case_id, case_number, source_id, n_rows, first_row, roles, first_time, last_time."""
        from linkview.workspace.queries import sightings

        return sightings(self.engine, entity_ids=entity_ids, case_ids=case_ids)

    def provenance(self, entity_id: int, *, other_id: int | None = None, limit: int = 1000) -> pd.DataFrame:
        """The source rows that name an entity (or, with ``other_id``, join the two): the evidence.

        Columns: case_number, source_id, file, sha256, row, what (etype/ltype), role, other_role, time,
        table ("events"/"links"), id.
        """
        from linkview.workspace.provenance import provenance

        return provenance(self.engine, entity_id, other_id=other_id, limit=limit)

    def source_row(self, source_id: int, row: int) -> dict[str, Any] | None:
        """``{column: cell}`` of any row (imported or rejected) of an imported file, as read from it;
        None when the source or row is unknown (see ``provenance.source_row``)."""
        from linkview.workspace.provenance import source_row

        return source_row(self.engine, source_id, row)

    def original_file(self, source_id: int) -> bytes | None:
        """The bytes of an imported text file as received (see ``provenance.original_file``)."""
        from linkview.workspace.provenance import original_file

        return original_file(self.engine, source_id)

    # ---- user marks, charts, audit ---------------------------------------------------------------
    def hub_marks(self) -> dict[int, bool]:
        """entity id -> True (a hub: public number, exchange wallet) / False (explicitly not a hub)."""
        from linkview.workspace.engine import driver, read

        with read(self.engine) as conn:
            return {int(e): bool(v) for e, v in driver(conn).execute("SELECT entity_id, value FROM hub_marks")}

    def set_hub(self, entity_id: int, value: bool | None, reason: str = "") -> None:
        """Mark an entity as a hub (True), not a hub (False), or clear the mark (None)."""
        from linkview.errors import EntityNotFound
        from linkview.workspace.engine import driver, write

        with write(self.engine) as conn:
            cur = driver(conn).cursor()
            try:
                if cur.execute("SELECT 1 FROM entities WHERE id = ?", (int(entity_id),)).fetchone() is None:
                    raise EntityNotFound(f"no entity #{entity_id} in workspace {self._path.name}")
                if value is None:
                    cur.execute("DELETE FROM hub_marks WHERE entity_id = ?", (int(entity_id),))
                else:
                    cur.execute("INSERT INTO hub_marks (entity_id, value, reason, by, at) VALUES (?, ?, ?, ?, ?) "
                                "ON CONFLICT (entity_id) DO UPDATE SET value = excluded.value, "
                                "reason = excluded.reason, by = excluded.by, at = excluded.at",
                                (int(entity_id), bool(value), reason or "", self.user, _now()))
            finally:
                cur.close()
            self._audit(conn, "set_hub", {"entity_id": int(entity_id), "value": value, "reason": reason})

    def save_chart(self, name: str, data: dict[str, Any]) -> None:
        """Save (or replace) a chart under ``name``; ``data`` must be JSON-able."""
        from linkview.workspace.engine import driver, write

        name = str(name).strip()
        if not name:
            raise WorkspaceError("a chart needs a name")
        try:
            text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise WorkspaceError(f"chart {name!r} cannot be saved: {exc}") from exc
        with write(self.engine) as conn:
            driver(conn).execute("INSERT INTO charts (name, data, saved_at) VALUES (?, ?, ?) ON CONFLICT (name) "
                                 "DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at",
                                 (name, text, _now()))
            self._audit(conn, "save_chart", {"name": name, "bytes": len(text)})

    def load_chart(self, name: str) -> dict[str, Any] | None:
        """The chart saved under ``name``, or None."""
        from linkview.workspace.engine import driver, read

        with read(self.engine) as conn:
            row = driver(conn).execute("SELECT data FROM charts WHERE name = ?", (str(name).strip(),)).fetchone()
        return None if row is None else json.loads(row[0])

    def chart_names(self) -> list[str]:
        from linkview.workspace.engine import driver, read

        with read(self.engine) as conn:
            return [r[0] for r in driver(conn).execute("SELECT name FROM charts ORDER BY name")]

    def delete_chart(self, name: str) -> bool:
        """Delete a saved chart; False when there was none."""
        from linkview.workspace.engine import driver, write

        with write(self.engine) as conn:
            cur = driver(conn).execute("DELETE FROM charts WHERE name = ?", (str(name).strip(),))
            gone = cur.rowcount > 0
            if gone:
                self._audit(conn, "delete_chart", {"name": name})
        return gone

    def log(self, action: str, detail: dict[str, Any] | None = None) -> None:
        """Record something the user did (an export, an analysis run) in the audit log."""
        from linkview.workspace.engine import write

        with write(self.engine) as conn:
            self._audit(conn, action, detail or {})

    def audit_log(self) -> pd.DataFrame:
        """id, at (datetime64, UTC), user, action, detail (dict), oldest first."""
        from linkview.workspace.queries import audit_log

        return audit_log(self.engine)

    def _audit(self, conn: Any, action: str, detail: dict[str, Any]) -> None:
        from linkview.workspace.engine import driver

        driver(conn).execute("INSERT INTO audit (at, user, action, detail) VALUES (?, ?, ?, ?)",
                             (_now(), self.user, str(action),
                              json.dumps(detail, ensure_ascii=False, default=str)))
