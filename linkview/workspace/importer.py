"""Storing one :class:`ImportBatch` in one transaction.

The frames are turned into numpy columns before the transaction starts. Inside it, events go into
column blocks (``blocks.py``: a few large BLOBs, no per-row SQL), the file itself (or its raw cells) into
``source_cells`` blocks, and the smaller tables to SQLite: entities, variants and sightings many rows per
statement (``entities.insert_rows``), links and rejected rows in chunks, binding only the columns the
batch fills. The cancel callback is asked between blocks and chunks;
a cancel or crash leaves nothing (one transaction). Known entities are looked up by (kind, key) first,
then only the new ones are inserted, their ids in (kind, key) order. When a batch is large beside the
links table, its secondary indexes are dropped and built again by sorting,
still inside the transaction.
"""

from __future__ import annotations

import json
import time as _time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from linkview.errors import Cancelled, DuplicateSourceError, WorkspaceError
from linkview.workspace.batch import EVENT_COLUMNS, LINK_COLUMNS, REJECTED_COLUMNS, ImportBatch, ImportResult
from linkview.workspace.blocks import JSON_CELLS
from linkview.workspace.entities import insert_rows, prepare_entities
from linkview.workspace.frames import NAT, int_list, seconds_array, text_list

if TYPE_CHECKING:
    import sqlite3

    import numpy as np
    from sqlalchemy.engine import Engine

__all__ = ["import_batch", "CHUNK"]

CHUNK = 50_000
ROLE_NAMES = ("a", "b", "dev", "imsi")
EVENT_TEXT = ("etype", "target", "direction", "currency", "asset", "tx_hash", "cell", "note")
EVENT_FLOAT = ("duration", "amount", "lat", "lon")


class _Steps:
    """Progress in fractions of the whole import, and the cancel check."""

    def __init__(self, progress: Callable[[float, str], None] | None, should_cancel: Callable[[], bool] | None):
        self.progress, self.should_cancel = progress, should_cancel
        self.done = 0.0

    def __call__(self, fraction: float, message: str) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise Cancelled("import cancelled; nothing was stored")
        self.done = min(max(round(fraction, 4), self.done), 1.0)  # never goes back
        if self.progress is not None:
            self.progress(self.done, message)


def _check_columns(batch: ImportBatch) -> None:
    name = batch.source.name
    for label, frame, needed in (("events", batch.events, EVENT_COLUMNS), ("links", batch.links, LINK_COLUMNS),
                                 ("rejected", batch.rejected, REJECTED_COLUMNS)):
        missing = [c for c in needed if c not in frame.columns]
        if missing:
            raise WorkspaceError(f"import of {name}: the {label} frame lacks columns {', '.join(missing)}")
    for label, frame in (("events", batch.events), ("links", batch.links), ("rejected", batch.rejected)):
        if frame["row"].isna().any():
            raise WorkspaceError(f"import of {name}: a {label} entry has no row number")
    for label, frame, col in (("events", batch.events, "etype"), ("links", batch.links, "ltype")):
        bad = frame[col].isna().to_numpy() | (frame[col].to_numpy(dtype=object, na_value="") == "")
        if bad.any():
            raise WorkspaceError(f"import of {name}: {label} row {int(frame['row'][bad].iloc[0])} has no {col}")
    if (~batch.rejected["severity"].isin(["error", "warning"])).any():
        raise WorkspaceError(f"import of {name}: rejected severity must be 'error' or 'warning'")


Column = Callable[[int, int], list[Any]]   # rows start..stop of one column, as Python values


class _Insert:
    """An INSERT that binds only the columns holding some value; constants are SQL literals.

    Columns are converted to Python values one chunk at a time, so a million-row import never holds
    all its rows as Python objects at once; each chunk goes in many rows a statement
    (:func:`linkview.workspace.entities.insert_rows`).
    """

    def __init__(self, table: str, columns: dict[str, Column | list[Any] | None], n: int, **constants: int):
        self.n = n
        self.columns: dict[str, Column] = {}
        for name, col in columns.items():
            if isinstance(col, list):
                self.columns[name] = (lambda values: lambda a, b: values[a:b])(col)
            elif col is not None:
                self.columns[name] = col
        names = ", ".join([*constants, *(f'"{k}"' for k in self.columns)])
        marks = ", ".join([*(str(int(v)) for v in constants.values()), *("?" for _ in self.columns)])
        self.head, self.row = f"INSERT INTO {table} ({names})", f"({marks})"

    def run(self, cur: sqlite3.Cursor, step: _Steps, start: float, span: float, message: str) -> None:
        for a in range(0, self.n, CHUNK):
            b = min(a + CHUNK, self.n)
            insert_rows(cur, self.head, self.row, [col(a, b) for col in self.columns.values()])
            step(start + span * b / self.n, f"{message} {b:,}/{self.n:,}")


def _texts(series: Any) -> Column | None:
    """Free text (NA and "" stored as NULL); None when every value is missing."""
    import numpy as np
    import pandas as pd

    values = series.to_numpy(dtype=object, na_value=None)
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        # cells given as dicts/lists (raw) or numbers: store their JSON / text form
        values = np.array([v if v is None or isinstance(v, str)
                           else json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (dict, list))
                           else str(v) for v in values], dtype=object)
    empty = values == ""
    if empty.any():
        values = np.where(empty, None, values)
    if not (values != None).any():  # noqa: E711 - elementwise
        return None
    return lambda a, b: values[a:b].tolist()


def _ids_dtype(*arrays: np.ndarray) -> Any:
    import numpy as np

    top = max((int(a.max()) for a in arrays if len(a)), default=0)
    return np.int32 if top < 2**31 - 1 else np.int64


def _rebuild_indexes(cur: sqlite3.Cursor, table: str, n_new: int) -> list[str]:
    """Drop the secondary indexes of ``table`` when the batch is large beside it; return their DDL."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex

    from linkview.workspace.schema import BULK_INDEXES

    existing = cur.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0  # noqa: S608 - fixed name
    if n_new < 20_000 or n_new * 2 < existing:
        return []
    ddl = []
    for index in BULK_INDEXES[table]:
        cur.execute(f"DROP INDEX IF EXISTS {index.name}")
        ddl.append(str(CreateIndex(index).compile(dialect=sqlite.dialect())))
    return ddl


def _duplicate(cur: sqlite3.Cursor | sqlite3.Connection, case_id: int, batch: ImportBatch) -> None:
    found = cur.execute(
        "SELECT id, name, imported_at, imported_by FROM sources WHERE case_id = ? AND sha256 = ?",
        (case_id, batch.source.sha256)).fetchone()
    if found is not None:
        sid, name, at, by = found
        raise DuplicateSourceError(
            f"{batch.source.name} (SHA-256 {batch.source.sha256[:12]}...) is already in case "
            f"{batch.case_number}: imported as {name!r} on {at} by {by} (source #{sid})")


def _write_blocks(cur: sqlite3.Cursor, source_id: int, first_id: int, n: int, cols: dict[str, Any],
                  step: _Steps, start_f: float, span: float) -> None:
    from linkview.workspace import blocks

    size = blocks.BLOCK_ROWS
    for block, start in enumerate(range(0, n, size)):
        stop = min(start + size, n)
        part = {k: ((v[0][start:stop], v[1]) if isinstance(v, tuple) else v[start:stop]) for k, v in cols.items()}
        cur.execute("INSERT INTO event_blocks (source_id, block, first_id, n, data) VALUES (?, ?, ?, ?, ?)",
                    (source_id, block, first_id + start, stop - start, blocks.encode(part)))
        step(start_f + span * stop / n, f"events {stop:,}/{n:,}")


def _cells_frame(batch: ImportBatch) -> Any:
    """The raw cells to keep: the batch's ``cells``, else the ``raw`` JSON of its events and links (one
    column :data:`JSON_CELLS`, first entry per row), else None."""
    import numpy as np
    import pandas as pd

    if batch.cells is not None:
        return batch.cells
    parts = []
    for frame in (batch.events, batch.links):
        if "raw" not in frame.columns or not len(frame):
            continue
        values = frame["raw"].to_numpy(dtype=object, na_value=None)
        keep = np.flatnonzero(np.fromiter((v is not None and v != "" for v in values), dtype=bool,
                                          count=len(values)))
        if keep.size:
            text = [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
                    for v in values[keep]]
            parts.append(pd.DataFrame({JSON_CELLS: text}, index=frame["row"].to_numpy(dtype=np.int64)[keep]))
    if not parts:
        return None
    out = pd.concat(parts)
    return out[~out.index.duplicated(keep="first")].sort_index(kind="stable")


def _write_cells(cur: sqlite3.Cursor, source_id: int, cells: Any, step: _Steps, start_f: float,
                 span: float) -> None:
    """The file's raw cells as ``source_cells`` blocks of :data:`blocks.CELL_ROWS` rows."""
    import numpy as np

    from linkview.workspace import blocks

    n = 0 if cells is None else len(cells)
    if not n:
        return
    rows = np.asarray(cells.index, dtype=np.int64)
    names = [str(c) for c in cells.columns]
    columns = [cells.iloc[:, j].to_numpy(dtype=object) for j in range(len(names))]
    size = blocks.CELL_ROWS
    for block, start in enumerate(range(0, n, size)):
        stop = min(start + size, n)
        r = rows[start:stop]
        data = blocks.encode_cells(names, r, [c[start:stop] for c in columns])
        cur.execute("INSERT INTO source_cells (source_id, block, first_row, last_row, n, data) "
                    "VALUES (?, ?, ?, ?, ?, ?)", (source_id, block, int(r.min()), int(r.max()), stop - start, data))
        step(start_f + span * stop / n, f"source rows {stop:,}/{n:,}")


def _write_text(cur: sqlite3.Cursor, source_id: int, original: Any, step: _Steps, start_f: float,
                span: float) -> None:
    """The file's own bytes as lvtext1 blocks (compressed meanwhile on another thread: waited for here)."""
    from linkview.workspace import blocks

    pieces = original.blocks.result()
    for block, piece in enumerate(pieces):
        first, n_lines, _payload = piece
        data = blocks.encode_text(piece, encoding=original.encoding, delimiter=original.delimiter,
                                  names=original.names, data_from=original.data_from)
        cur.execute("INSERT INTO source_cells (source_id, block, first_row, last_row, n, data) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (source_id, block, max(first, original.data_from), first + n_lines - 1, n_lines, data))
        step(start_f + span * (block + 1) / len(pieces), f"original file {block + 1}/{len(pieces)}")


def import_batch(engine: Engine, batch: ImportBatch, *, user: str,
                 progress: Callable[[float, str], None] | None = None,
                 should_cancel: Callable[[], bool] | None = None) -> ImportResult:
    """Store ``batch`` in one transaction; see :meth:`linkview.workspace.Workspace.import_batch`."""
    import numpy as np
    import pandas as pd

    from linkview.workspace.blocks import series_codes
    from linkview.workspace.engine import driver, read, write
    from linkview.workspace.sightings import store_sightings

    t0 = _time.perf_counter()
    step = _Steps(progress, should_cancel)
    case_number = str(batch.case_number).strip()
    if not case_number:
        raise WorkspaceError(f"import of {batch.source.name}: no case number")
    _check_columns(batch)
    with read(engine) as conn:  # refuse a duplicate before the preparation work; checked again below
        found = driver(conn).execute("SELECT id FROM cases WHERE number = ?", (case_number,)).fetchone()
        if found is not None:
            _duplicate(driver(conn), int(found[0]), batch)
    ev, lk, rj = batch.events, batch.links, batch.rejected
    n_ev, n_lk, n_rj = len(ev), len(lk), len(rj)
    step(0.0, "preparing identifiers")
    ents = prepare_entities(batch)
    step(0.1, "preparing rows")
    ev_row, lk_row = ev["row"].to_numpy(dtype=np.int64), lk["row"].to_numpy(dtype=np.int64)
    ev_t = seconds_array(ev["time"])
    lk_t0, lk_t1 = seconds_array(lk["first_time"]), seconds_array(lk["last_time"])
    ev_text = {c: series_codes(ev[c]) if c in ev.columns else (np.full(n_ev, -1, dtype=np.int8), [])
               for c in EVENT_TEXT}
    cells = _cells_frame(batch) if batch.original is None else None
    ev_float = {c: ev[c].to_numpy(dtype=np.float64, na_value=np.nan) for c in EVENT_FLOAT}
    row_dtype = np.int32 if (n_ev == 0 or (ev_row.min() >= 0 and ev_row.max() < 2**31 - 1)) else np.int64
    errors = rj["severity"].to_numpy(dtype=object) == "error"
    error_rows = int(pd.unique(rj["row"].to_numpy(dtype=np.int64)[errors]).size)
    n_err = int(errors.sum())
    for r in ("a", "b"):
        lacking = np.flatnonzero(lk[f"{r}_key"].to_numpy(dtype=object, na_value="") == "")
        if lacking.size:
            raise WorkspaceError(f"import of {batch.source.name}: link row {int(lk_row[lacking[0]])} "
                                 f"has no {r} identifier")
    now = _utc_now()
    src = batch.source
    step(0.2, "writing")
    with write(engine) as conn:
        cur = driver(conn).cursor()
        try:
            found = cur.execute("SELECT id FROM cases WHERE number = ?", (case_number,)).fetchone()
            if found is None:
                cur.execute("INSERT INTO cases (number, title, notes, created_at) VALUES (?, ?, '', ?)",
                            (case_number, batch.case_title or "", now))
                case_id = int(cur.lastrowid)
            else:
                case_id = int(found[0])
                _duplicate(cur, case_id, batch)
            cur.execute(
                "INSERT INTO sources (case_id, name, path, sha256, size, kind, spec, encoding, rows_total, "
                "rows_imported, rows_rejected, n_events, n_links, imported_by, imported_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (case_id, src.name, str(src.path), src.sha256, int(src.size), src.kind,
                 json.dumps(src.spec, ensure_ascii=False, default=str), src.encoding, int(src.rows_total),
                 max(int(src.rows_total) - error_rows, 0), error_rows, n_ev, n_lk, batch.user or user, now))
            source_id = int(cur.lastrowid)

            step(0.22, "matching identifiers")
            ids, new_entities = ents.store(cur)
            role_codes = ents.role_codes()
            role_ids = ents.role_ids(role_codes, ids)
            step(0.3, "storing events")
            ddl = _rebuild_indexes(cur, "links", n_lk)
            first_id = cur.execute("SELECT coalesce(max(first_id + n), 1) FROM event_blocks").fetchone()[0]
            ev_ids = {r: role_ids[("events", r)] for r in ROLE_NAMES}
            id_dtype = _ids_dtype(*ev_ids.values())
            block_cols: dict[str, Any] = {"row": ev_row.astype(row_dtype), "etype": ev_text["etype"], "time": ev_t}
            block_cols.update({f"{r}_id": ev_ids[r].astype(id_dtype) for r in ROLE_NAMES})
            block_cols.update({c: ev_text[c] for c in EVENT_TEXT if c != "etype"})
            # a float column with no value at all (amounts of calls, positions...) is not stored: read as NaN
            block_cols.update({c: v for c, v in ev_float.items() if not np.isnan(v).all()})
            _write_blocks(cur, source_id, int(first_id), n_ev, block_cols, step, 0.3, 0.3)
            del block_cols
            step(0.6, "storing source rows")
            if batch.original is not None:
                _write_text(cur, source_id, batch.original, step, 0.6, 0.15)
            else:
                _write_cells(cur, source_id, cells, step, 0.6, 0.15)

            step(0.75, "storing links")
            lk_cols: dict[str, Column | list[Any] | None] = {
                "row": lk_row.tolist(), "n": lk["n"].fillna(1).to_numpy(dtype=np.int64).tolist(),
                "ltype": text_list(lk["ltype"]),
                "a_id": role_ids[("links", "a")].tolist(), "b_id": role_ids[("links", "b")].tolist(),
                "first_time": int_list(lk_t0, NAT), "last_time": int_list(lk_t1, NAT),
                "raw": _texts(lk["raw"]) if "raw" in lk.columns else None,
            }
            _Insert("links", lk_cols, n_lk, case_id=case_id, source_id=source_id).run(cur, step, 0.75, 0.05, "links")

            step(0.8, "storing sightings")
            store_sightings(cur, [(r, role_codes[("events", r)], ev_row, ev_t, ev_t) for r in ROLE_NAMES]
                            + [(r, role_codes[("links", r)], lk_row, lk_t0, lk_t1) for r in ("a", "b")], ids,
                            case_id=case_id, source_id=source_id)

            step(0.85, "storing rejected rows")
            _Insert("rejected", {"row": rj["row"].to_numpy(dtype=np.int64).tolist(),
                                 "column": text_list(rj["column"]), "severity": text_list(rj["severity"]),
                                 "reason": [r or "" for r in text_list(rj["reason"])], "raw": text_list(rj["raw"])},
                    n_rj, source_id=source_id).run(cur, step, 0.85, 0.03, "rejected rows")
            for i, statement in enumerate(ddl):
                step(0.88 + 0.1 * i / len(ddl), "indexing")
                cur.execute(statement)
            detail = {"source_id": source_id, "case": case_number, "file": src.name, "path": str(src.path),
                      "sha256": src.sha256, "events": n_ev, "links": n_lk, "rejected_errors": n_err,
                      "rejected_warnings": n_rj - n_err, "new_entities": new_entities,
                      "seconds": round(_time.perf_counter() - t0, 3)}
            cur.execute("INSERT INTO audit (at, user, action, detail) VALUES (?, ?, 'import', ?)",
                        (now, batch.user or user, json.dumps(detail, ensure_ascii=False)))
            step(0.99, "committing")
        finally:
            cur.close()
    if progress is not None:
        progress(1.0, "imported")
    return ImportResult(source_id=source_id, case_id=case_id, case_number=case_number, file=src.name,
                        sha256=src.sha256, events=n_ev, links=n_lk, rejected_errors=n_err,
                        rejected_warnings=n_rj - n_err, new_entities=new_entities,
                        seconds=_time.perf_counter() - t0)


def _utc_now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="seconds")

