"""Evidence: which file, row and case named an entity, or joined two entities; the row's own cells."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from sqlalchemy.engine import Engine

__all__ = ["PROVENANCE_FIELDS", "provenance", "source_row", "original_file"]

PROVENANCE_FIELDS: tuple[tuple[str, str], ...] = (
    ("case_number", "text"), ("source_id", "int"), ("file", "text"), ("sha256", "text"), ("row", "int"),
    ("what", "text"), ("role", "text"), ("other_role", "text"), ("time", "time"), ("table", "text"),
    ("id", "int"),
)

_IN_BLOCK = "e.id BETWEEN k.first_id AND k.first_id + k.n - 1"  # the events of one source are one id range


def _link_part(with_other: bool) -> str:
    def role(param: str) -> str:
        return f"CASE WHEN t.a_id = :{param} THEN 'a' WHEN t.b_id = :{param} THEN 'b' ELSE '' END"

    other = role("other") if with_other else "''"
    sql = (f"SELECT c.number, t.source_id, s.name, s.sha256, t.row, t.ltype, {role('entity')}, "  # noqa: S608
           f"{other}, t.first_time, 'links', t.id FROM links AS t "
           "JOIN sources AS s ON s.id = t.source_id JOIN cases AS c ON c.id = t.case_id "
           "WHERE t.id IN (SELECT id FROM links WHERE a_id = :entity UNION SELECT id FROM links WHERE b_id = :entity)")
    if with_other:
        sql += " AND (t.a_id = :other OR t.b_id = :other)"
    return sql


def _roles(cols: dict[str, Any], mask: np.ndarray, entity: int) -> np.ndarray:
    """The first role (a, b, dev, imsi) in which ``entity`` appears on each selected row."""
    import numpy as np

    from linkview.workspace.eventread import ROLE_COLUMNS

    out = np.full(int(mask.sum()), "", dtype=object)
    for column, name in reversed(ROLE_COLUMNS):
        out[cols[column][mask] == entity] = name
    return out


def provenance(engine: Engine, entity_id: int, *, other_id: int | None = None, limit: int = 1000
               ) -> pd.DataFrame:
    """Rows naming ``entity_id`` (with ``other_id``: rows naming both), ordered by case, file and row.

    Event rows come from the column blocks of the sources where the entity was sighted (and, with
    ``other_id``, the other one too); link rows from the indexed links table.
    """
    import numpy as np
    import pandas as pd

    from linkview.workspace.eventread import load_blocks, naming
    from linkview.workspace.frames import NAT, to_datetime
    from linkview.workspace.queries import fetch, frame

    entity = int(entity_id)
    other = None if other_id is None else int(other_id)
    params = {"entity": entity, "other": other}
    links = frame(fetch(engine, _link_part(other is not None), params), PROVENANCE_FIELDS)
    sources = [r[0] for r in fetch(engine, "SELECT source_id FROM sightings WHERE entity_id = ?", (entity,))]
    if other is not None:
        theirs = {r[0] for r in fetch(engine, "SELECT source_id FROM sightings WHERE entity_id = ?", (other,))}
        sources = [s for s in sources if s in theirs]
    info = {r[0]: r[1:] for r in fetch(
        engine, "SELECT s.id, c.number, s.name, s.sha256 FROM sources AS s JOIN cases AS c ON c.id = s.case_id")}
    parts = []
    for source_id, _case, first_id, n, cols in load_blocks(engine, sources=sources):
        mask = naming(cols, n, np.array([entity]))
        if other is not None:
            mask &= naming(cols, n, np.array([other]))
        if not mask.any():
            continue
        number, name, sha = info[source_id]
        codes, words = cols["etype"]
        secs = cols["time"][mask].astype(np.int64)
        parts.append(pd.DataFrame({
            "case_number": number, "source_id": source_id, "file": name, "sha256": sha,
            "row": cols["row"][mask].astype(np.int64),
            "what": np.array([*words, ""], dtype=object)[codes[mask]],
            "role": _roles(cols, mask, entity),
            "other_role": _roles(cols, mask, other) if other is not None else "",
            "time": to_datetime(np.where(secs == NAT, np.nan, secs)).to_numpy(),
            "table": "events",
            "id": np.flatnonzero(mask) + first_id,
        }))
    out = pd.concat([*parts, links], ignore_index=True) if parts else links
    out = out.sort_values(["case_number", "source_id", "row", "table", "id"], kind="stable")
    out = out.head(max(int(limit), 0)).reset_index(drop=True)
    dtypes = {"text": str, "int": "int64", "time": "datetime64[ns]"}
    return out.astype({name: dtypes[conv] for name, conv in PROVENANCE_FIELDS})


def _as_dict(text: str, header: list[str] | None = None) -> dict[str, Any]:
    """Raw cells as a dict: a JSON object as is; a JSON array named by ``header`` (or by position)."""
    value = json.loads(text)
    if isinstance(value, dict):
        return value
    if isinstance(value, list):
        names = list(header or [])
        names += [f"#{i}" for i in range(len(names) + 1, len(value) + 1)]
        return dict(zip(names, value, strict=False))
    return {"value": value}


def _has_table(cur: Any, name: str) -> bool:
    return cur.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def source_row(engine: Engine, source_id: int, row: int) -> dict[str, Any] | None:
    """The cells of a source row (imported or rejected): ``{column: cell text}`` as read from the file.

    Read from the source's ``source_cells`` blocks. Batches built without a file may have given JSON per
    event or link row instead (a JSON object, or a JSON array named by the spec's ``raw_columns``). Rows
    the reader could not cut into cells (too many cells, a truncated last line) come from the rejected
    list. Files of schema 1 kept raw JSON in their ``events`` table, read before links and rejected rows. When nothing was kept,
    the stored event or link fields are given (with the entities' display forms). None when the source
    or the row is unknown.
    """
    from linkview.workspace.blocks import JSON_CELLS, cells_of_row
    from linkview.workspace.engine import driver, read

    source_id, row = int(source_id), int(row)
    with read(engine) as conn:
        cur = driver(conn)
        found = cur.execute("SELECT spec FROM sources WHERE id = ?", (source_id,)).fetchone()
        if found is None:
            return None
        spec = json.loads(found[0]) if found[0] else {}
        header = spec.get("raw_columns") if isinstance(spec, dict) else None
        header = [str(h) for h in header] if isinstance(header, list) else None
        for (data,) in cur.execute("SELECT data FROM source_cells WHERE source_id = ? AND first_row <= ? "
                                   "AND last_row >= ? ORDER BY block", (source_id, row, row)).fetchall():
            cells = cells_of_row(data, row)
            if cells is not None:
                return _as_dict(cells[JSON_CELLS], header) if list(cells) == [JSON_CELLS] else cells
        hit = None
        if _has_table(cur, "events"):   # schema 1 kept raw JSON per event
            hit = cur.execute(f"SELECT e.raw FROM event_blocks AS k JOIN events AS e ON {_IN_BLOCK} "  # noqa: S608 - fixed identifiers; values are bound
                              "WHERE k.source_id = ? AND e.row = ? AND e.raw IS NOT NULL ORDER BY e.id LIMIT 1",
                              (source_id, row)).fetchone()
        if hit is None:
            hit = cur.execute("SELECT raw FROM links WHERE source_id = ? AND row = ? AND raw IS NOT NULL "
                              "ORDER BY id LIMIT 1", (source_id, row)).fetchone()
        if hit is None:
            hit = cur.execute("SELECT raw FROM rejected WHERE source_id = ? AND row = ? AND raw IS NOT NULL "
                              "ORDER BY id LIMIT 1", (source_id, row)).fetchone()
        if hit is not None:
            return _as_dict(hit[0], header)
        return _stored_fields(cur, source_id, row)


def _event_fields(cols: dict[str, Any], i: int, shown: Any, when: Any) -> dict[str, Any]:
    """Event ``i`` of a decoded block as field -> value (None where missing)."""
    import numpy as np

    from linkview.workspace.frames import NAT

    def text(name: str) -> str | None:
        if name not in cols:   # blocks of schema 1 have no note
            return None
        codes, words = cols[name]
        c = int(codes[i])
        return None if c < 0 else words[c]

    def number(name: str) -> float | None:
        if name not in cols:   # no value in the whole source
            return None
        v = float(cols[name][i])
        return None if np.isnan(v) else v

    def entity(name: str) -> str | None:
        v = int(cols[name][i])
        return None if v < 0 else shown(v)

    t = int(cols["time"][i])
    return {"etype": text("etype"), "time": None if t == NAT else when(t), "a": entity("a_id"),
            "b": entity("b_id"), "device": entity("dev_id"), "imsi": entity("imsi_id"),
            "target": text("target"), "direction": text("direction"), "duration": number("duration"),
            "amount": number("amount"), "currency": text("currency"), "asset": text("asset"),
            "tx_hash": text("tx_hash"), "cell": text("cell"), "lat": number("lat"), "lon": number("lon"),
            "note": text("note")}


def _stored_fields(cur: Any, source_id: int, row: int) -> dict[str, Any] | None:
    """The first event (else link) of that row as stored, entities by their display form."""
    from datetime import UTC, datetime

    import numpy as np

    from linkview.workspace.blocks import decode

    def when(seconds: int | None) -> str | None:
        if seconds is None:
            return None
        return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None).isoformat(sep=" ")

    def shown(entity_id: int | None) -> str | None:
        if entity_id is None:
            return None
        hit = cur.execute("SELECT display FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return None if hit is None else hit[0]

    for (data,) in cur.execute("SELECT data FROM event_blocks WHERE source_id = ? ORDER BY block",
                               (source_id,)).fetchall():
        _n, cols = decode(data)
        at = np.flatnonzero(cols["row"] == row)
        if not at.size:
            continue
        values = _event_fields(cols, int(at[0]), shown, when)
        return {k: v for k, v in values.items() if v is not None}
    lk = cur.execute("SELECT ltype, a_id, b_id, first_time FROM links WHERE source_id = ? AND row = ? "
                     "ORDER BY id LIMIT 1", (source_id, row)).fetchone()
    if lk is not None:
        values = [lk[0], shown(lk[1]), shown(lk[2]), when(lk[3])]
        return {k: v for k, v in zip(("ltype", "a", "b", "time"), values, strict=True) if v is not None}
    return None


def original_file(engine: Engine, source_id: int) -> bytes | None:
    """The imported file's own bytes, joined from its lvtext1 blocks; None when the workspace kept its
    cells instead (spreadsheets, quoted multi-line CSV) or the source is unknown. Their SHA-256 is the
    one recorded for the source when nothing was altered."""
    from linkview.workspace.blocks import is_text_block, text_block_bytes
    from linkview.workspace.engine import driver, read

    with read(engine) as conn:
        blocks = [data for (data,) in driver(conn).execute(
            "SELECT data FROM source_cells WHERE source_id = ? ORDER BY block", (int(source_id),))]
    if not blocks or not all(is_text_block(b) for b in blocks):
        return None
    return b"".join(text_block_bytes(b) for b in blocks)
