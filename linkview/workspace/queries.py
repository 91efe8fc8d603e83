"""Read queries returning pandas frames.

Rows are fetched with the driver cursor (``fetchall`` of plain tuples) and turned into numpy columns
directly, never through SQLAlchemy Row objects: a million events come back in about a second. Id filters
of any length are passed as one JSON array (``IN (SELECT value FROM json_each(?))``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from linkview.workspace.models import CaseInfo

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    import pandas as pd
    from sqlalchemy.engine import Engine

__all__ = [
    "EVENT_FIELDS",
    "LINK_FIELDS",
    "frame",
    "in_json",
    "fetch",
    "timestamp_seconds",
    "case_infos",
    "rejected",
    "entities",
    "events",
    "links",
    "sightings",
    "audit_log",
]

# column name -> conversion: int (never NULL), nint (nullable -> Int64), float, text, time, bool, json, raw
EVENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "int"), ("case_id", "int"), ("source_id", "int"), ("row", "int"), ("etype", "text"),
    ("time", "time"), ("a_id", "nint"), ("b_id", "nint"), ("dev_id", "nint"), ("imsi_id", "nint"),
    ("target", "text"), ("direction", "text"), ("duration", "float"), ("amount", "float"),
    ("currency", "text"), ("asset", "text"), ("tx_hash", "text"), ("cell", "text"), ("lat", "float"),
    ("lon", "float"),
)
LINK_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "int"), ("case_id", "int"), ("source_id", "int"), ("row", "int"), ("n", "int"), ("ltype", "text"),
    ("a_id", "int"), ("b_id", "int"), ("first_time", "time"), ("last_time", "time"),
)
SIGHTING_FIELDS: tuple[tuple[str, str], ...] = (
    ("entity_id", "int"), ("case_id", "int"), ("case_number", "text"), ("source_id", "int"),
    ("n_rows", "int"), ("first_row", "int"), ("roles", "text"), ("first_time", "time"), ("last_time", "time"),
)


def _column(values: Sequence[Any], conv: str) -> Any:
    import numpy as np
    import pandas as pd

    from linkview.workspace.frames import to_datetime, to_text

    if conv == "int":
        return np.array(values, dtype=np.int64)
    if conv == "nint":
        floats = np.array(values, dtype=np.float64)  # None -> NaN; ids stay exact below 2**53
        mask = np.isnan(floats)
        return pd.arrays.IntegerArray(np.where(mask, 0, floats).astype(np.int64), mask)
    if conv == "float":
        return np.array(values, dtype=np.float64)
    if conv == "text":
        return to_text(values).array
    if conv == "time":
        return to_datetime(values).array
    if conv == "bool":
        return np.array(values, dtype=bool)
    if conv == "json":
        return [json.loads(v) if v else {} for v in values]
    return list(values)


def frame(rows: list[tuple[Any, ...]], fields: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """A DataFrame from fetched tuples, one conversion per column (see the field tables above)."""
    import pandas as pd

    columns = list(zip(*rows, strict=True)) if rows else [() for _ in fields]
    return pd.DataFrame({name: _column(col, conv) for (name, conv), col in zip(fields, columns, strict=True)})


def in_json(column: str, values: Iterable[Any]) -> tuple[str, str]:
    """An ``IN`` filter on ``column`` for any number of values, and its one parameter."""
    return f"{column} IN (SELECT value FROM json_each(?))", json.dumps([_plain(v) for v in values])  # noqa: S608 - fixed identifiers; values are bound


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()
    return value


def fetch(engine: Engine, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
    """All rows of one query, as plain tuples from the driver (``?`` or ``:name`` parameters)."""
    from linkview.workspace.engine import driver, read

    with read(engine) as conn:
        return driver(conn).execute(sql, params if isinstance(params, dict) else tuple(params)).fetchall()


def timestamp_seconds(value: Any) -> int:
    """A user's time bound (text, datetime, Timestamp) as stored epoch seconds of the naive time."""
    import pandas as pd

    from linkview.errors import WorkspaceError

    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError) as exc:
        raise WorkspaceError(f"not a date or time: {value!r}") from exc
    if ts is pd.NaT:
        raise WorkspaceError(f"not a date or time: {value!r}")
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return int((ts - pd.Timestamp(0)) // pd.Timedelta(seconds=1))


def _where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def case_infos(engine: Engine, number: str | None = None) -> list[CaseInfo]:
    sql = (
        "SELECT c.id, c.number, c.title, c.notes, c.created_at, "
        "(SELECT count(*) FROM sources AS s WHERE s.case_id = c.id), "
        "(SELECT coalesce(sum(s.n_events), 0) FROM sources AS s WHERE s.case_id = c.id), "
        "(SELECT coalesce(sum(s.n_links), 0) FROM sources AS s WHERE s.case_id = c.id), "
        "(SELECT count(DISTINCT g.entity_id) FROM sightings AS g WHERE g.case_id = c.id), "
        "(SELECT count(*) FROM rejected AS r JOIN sources AS s ON s.id = r.source_id WHERE s.case_id = c.id) "
        "FROM cases AS c"
    )
    params: tuple[Any, ...] = ()
    if number is not None:
        sql += " WHERE c.number = ?"
        params = (number,)
    rows = fetch(engine, sql + " ORDER BY c.number", params)
    return [CaseInfo(*r) for r in rows]


def rejected(engine: Engine, *, source_id: int | None = None, case_id: int | None = None) -> pd.DataFrame:
    clauses, params = [], []
    if source_id is not None:
        clauses.append("r.source_id = ?")
        params.append(int(source_id))
    if case_id is not None:
        clauses.append("s.case_id = ?")
        params.append(int(case_id))
    sql = ('SELECT r.id, s.case_id, c.number, r.source_id, s.name, r.row, r."column", r.severity, r.reason, '  # noqa: S608 - fixed identifiers; values are bound
           "r.raw FROM rejected AS r JOIN sources AS s ON s.id = r.source_id JOIN cases AS c ON c.id = s.case_id"
           + _where(clauses) + " ORDER BY r.source_id, r.row, r.id")
    fields = (("id", "int"), ("case_id", "int"), ("case_number", "text"), ("source_id", "int"), ("file", "text"),
              ("row", "int"), ("column", "text"), ("severity", "text"), ("reason", "text"), ("raw", "text"))
    return frame(fetch(engine, sql, params), fields)


def _lists_by_key(keys: Any, values: Any, order: Any) -> list[list[Any]]:
    """Group ``values`` by ``keys`` (both sorted by key) into one list per entry of ``order`` (sorted)."""
    import numpy as np

    order = np.asarray(order, dtype=np.int64)
    out: list[list[Any]] = [[] for _ in range(len(order))]
    keys = np.asarray(keys, dtype=np.int64)
    if len(keys) == 0 or len(order) == 0:
        return out
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    pos = np.searchsorted(order, keys[starts])
    found = (pos < len(order)) & (order[np.minimum(pos, len(order) - 1)] == keys[starts])
    vals = list(values)
    for p, a, b in zip(pos[found].tolist(), starts[found].tolist(), ends[found].tolist(), strict=True):
        out[p] = vals[a:b]
    return out


def entities(engine: Engine, *, ids: Iterable[int] | None = None, kinds: Iterable[str] | None = None
             ) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    from linkview.workspace.engine import driver, read
    from linkview.workspace.frames import to_datetime

    clauses, params = [], []
    if ids is not None:
        clause, param = in_json("id", ids)
        clauses.append(clause)
        params.append(param)
    if kinds is not None:
        clause, param = in_json("kind", kinds)
        clauses.append(clause)
        params.append(param)
    # with no filter, the variant and sighting queries read their whole (entity-ordered) tables
    sub = f" WHERE entity_id IN (SELECT id FROM entities{_where(clauses)})" if clauses else ""  # noqa: S608
    with read(engine) as conn:
        cur = driver(conn)
        base = cur.execute("SELECT id, kind, key, display, valid, note FROM entities" + _where(clauses)  # noqa: S608
                           + " ORDER BY id", params).fetchall()
        variants = cur.execute(f"SELECT entity_id, spelling FROM variants{sub} "  # noqa: S608
                               "ORDER BY entity_id, spelling", params).fetchall()
        seen = cur.execute(
            "SELECT g.entity_id, c.number, min(g.first_time), max(g.last_time) "  # noqa: S608
            f"FROM (SELECT entity_id, case_id, first_time, last_time FROM sightings{sub}) AS g "
            "JOIN cases AS c ON c.id = g.case_id "
            "GROUP BY g.entity_id, c.number ORDER BY g.entity_id, c.number", params).fetchall()
    out = frame(base, (("id", "int"), ("kind", "text"), ("key", "text"), ("display", "text"),
                       ("valid", "bool"), ("note", "text")))
    order = out["id"].to_numpy()
    v = list(zip(*variants, strict=True)) or [(), ()]
    others = _lists_by_key(v[0], v[1], order)  # the table keeps the spellings besides the display
    out["variants"] = [[shown, *[o for o in more if o != shown]] if more else [shown]
                       for shown, more in zip(out["display"].tolist(), others, strict=True)]
    s = list(zip(*seen, strict=True)) or [(), (), (), ()]
    out["cases"] = _lists_by_key(s[0], s[1], order)
    first = pd.Series(to_datetime(s[2]).to_numpy(), index=np.asarray(s[0], dtype=np.int64))
    last = pd.Series(to_datetime(s[3]).to_numpy(), index=np.asarray(s[0], dtype=np.int64))
    out["first_seen"] = first.groupby(level=0).min().reindex(order).to_numpy(dtype="datetime64[ns]")
    out["last_seen"] = last.groupby(level=0).max().reindex(order).to_numpy(dtype="datetime64[ns]")
    return out


def events(engine: Engine, **kwargs: Any) -> pd.DataFrame:
    """See :meth:`Workspace.events` (``eventread.py``)."""
    from linkview.workspace.eventread import events as read_events

    return read_events(engine, **kwargs)


def links(engine: Engine, *, case_ids: Iterable[int] | None = None, entity_ids: Iterable[int] | None = None
          ) -> pd.DataFrame:
    clauses: list[str] = []
    params: list[Any] = []
    if case_ids is not None:
        clause, param = in_json("case_id", case_ids)
        clauses.append(clause)
        params.append(param)
    if entity_ids is not None:
        ids = json.dumps([int(i) for i in entity_ids])
        clauses.append("id IN (SELECT id FROM links WHERE a_id IN (SELECT value FROM json_each(?)) "
                       "UNION SELECT id FROM links WHERE b_id IN (SELECT value FROM json_each(?)))")
        params.extend([ids, ids])
    columns = ", ".join(name for name, _ in LINK_FIELDS)
    sql = f"SELECT {columns} FROM links" + _where(clauses) + " ORDER BY id"  # noqa: S608 - fixed identifiers; values are bound
    return frame(fetch(engine, sql, params), LINK_FIELDS)


def sightings(engine: Engine, *, entity_ids: Iterable[int] | None = None, case_ids: Iterable[int] | None = None
              ) -> pd.DataFrame:
    clauses: list[str] = []
    params: list[Any] = []
    if entity_ids is not None:
        clause, param = in_json("g.entity_id", entity_ids)
        clauses.append(clause)
        params.append(param)
    if case_ids is not None:
        clause, param = in_json("g.case_id", case_ids)
        clauses.append(clause)
        params.append(param)
    sql = ("SELECT g.entity_id, g.case_id, c.number, g.source_id, g.n_rows, g.first_row, g.roles, "  # noqa: S608 - fixed identifiers; values are bound
           "g.first_time, g.last_time FROM sightings AS g JOIN cases AS c ON c.id = g.case_id"
           + _where(clauses) + " ORDER BY g.entity_id, g.source_id")
    return frame(fetch(engine, sql, params), SIGHTING_FIELDS)


def audit_log(engine: Engine) -> pd.DataFrame:
    import pandas as pd

    rows = fetch(engine, "SELECT id, at, user, action, detail FROM audit ORDER BY id")
    out = frame(rows, (("id", "int"), ("at", "text"), ("user", "text"), ("action", "text"), ("detail", "json")))
    out["at"] = pd.to_datetime(out["at"], utc=True, format="ISO8601").astype("datetime64[ns, UTC]")
    return out
