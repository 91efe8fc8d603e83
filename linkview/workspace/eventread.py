"""``Workspace.events()``: reads from the per-source column blocks, filtered with numpy.

The blocks are the event store (there is no per-row events table): a filter on entities first narrows
the sources through ``sightings`` (indexed by entity), then scans the blocks of just those sources.
Returns the columns and dtypes of :data:`queries.EVENT_FIELDS`, ordered by id.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    import numpy as np
    import pandas as pd
    from sqlalchemy.engine import Engine

__all__ = ["ROLE_COLUMNS", "Block", "events", "events_blocks", "load_blocks", "naming"]

ROLE_COLUMNS = (("a_id", "a"), ("b_id", "b"), ("dev_id", "dev"), ("imsi_id", "imsi"))

Block = tuple[int, int, int, int, dict[str, Any]]   # source_id, case_id, first_id, n, columns


def _bounds(since: Any, until: Any) -> tuple[int | None, int | None]:
    from linkview.workspace.queries import timestamp_seconds

    return (None if since is None else timestamp_seconds(since),
            None if until is None else timestamp_seconds(until))


def events(engine: Engine, *, case_ids: Iterable[int] | None = None, since: Any = None, until: Any = None,
           entity_ids: Iterable[int] | None = None, etypes: Iterable[str] | None = None) -> pd.DataFrame:
    ids = None if entity_ids is None else sorted({int(i) for i in entity_ids})
    cases = None if case_ids is None else sorted({int(c) for c in case_ids})
    kinds = None if etypes is None else sorted({str(e) for e in etypes})
    lo, hi = _bounds(since, until)
    return events_blocks(engine, cases, lo, hi, ids, kinds)


def load_blocks(engine: Engine, *, cases: list[int] | None = None, entities: list[int] | None = None,
                sources: list[int] | None = None) -> list[Block]:
    """Decoded column blocks of the sources in scope (by case, by sources naming ``entities``, by id)."""
    from linkview.workspace.blocks import decode
    from linkview.workspace.queries import fetch

    clauses, params = [], []
    if cases is not None:
        clauses.append("s.case_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(cases))
    if entities is not None:
        clauses.append("b.source_id IN (SELECT source_id FROM sightings WHERE entity_id IN "
                       "(SELECT value FROM json_each(?)))")
        params.append(json.dumps(entities))
    if sources is not None:
        clauses.append("b.source_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sources))
    sql = ("SELECT b.source_id, s.case_id, b.first_id, b.data FROM event_blocks AS b "
           "JOIN sources AS s ON s.id = b.source_id")
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    out = []
    for source_id, case_id, first_id, data in fetch(engine, sql + " ORDER BY b.first_id", params):
        n, cols = decode(data)
        out.append((int(source_id), int(case_id), int(first_id), n, cols))
    return out


def naming(cols: dict[str, Any], n: int, wanted: np.ndarray) -> np.ndarray:
    """Mask of the block rows naming any entity id of ``wanted`` in any role."""
    import numpy as np

    hit = np.zeros(n, dtype=bool)
    for column, _ in ROLE_COLUMNS:
        hit |= np.isin(cols[column], wanted)
    return hit


def _text_column(parts: list[tuple[np.ndarray, list[str]]], keep: list[np.ndarray]) -> pd.api.extensions.ExtensionArray:
    """Concatenate coded text of several blocks into one string array ("" for missing)."""
    import numpy as np
    import pandas as pd

    if not parts:
        return pd.array(np.zeros(0, dtype=object), dtype=str)
    if len(parts) == 1:
        words = np.array([*parts[0][1], ""], dtype=object)
        return pd.array(words[parts[0][0][keep[0]]], dtype=str)
    # one vocabulary for all blocks: factorize the concatenated vocabularies, then remap each block's codes
    sizes = [len(words) for _, words in parts]
    every = np.array([w for _, words in parts for w in words], dtype=object)
    global_codes, uniques = pd.factorize(every)
    coded = []
    start = 0
    for (codes, _), size, mask in zip(parts, sizes, keep, strict=True):
        remap = np.append(global_codes[start:start + size], len(uniques)).astype(np.int64)
        coded.append(remap[codes[mask]])  # code -1 picks the trailing "missing" entry
        start += size
    table = np.append(np.asarray(uniques, dtype=object), "")
    codes = np.concatenate(coded)
    return pd.array(table[codes], dtype=str)


def events_blocks(engine: Engine, cases: list[int] | None, lo: int | None, hi: int | None,
                  ids: list[int] | None, kinds: list[str] | None) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    from linkview.workspace.frames import NAT
    from linkview.workspace.queries import EVENT_FIELDS

    wanted_ids = None if ids is None else np.asarray(ids, dtype=np.int64)
    decoded, keep = [], []
    for source_id, case_id, first_id, n, cols in load_blocks(engine, cases=cases, entities=ids):
        mask = np.ones(n, dtype=bool)
        t = cols["time"]
        if lo is not None:
            mask &= (t >= lo) & (t != NAT)
        if hi is not None:
            mask &= (t <= hi) & (t != NAT)
        if kinds is not None:
            codes, words = cols["etype"]
            allowed = np.array([w in kinds for w in words] + [False], dtype=bool)
            mask &= allowed[codes]
        if wanted_ids is not None:
            mask &= naming(cols, n, wanted_ids)
        decoded.append((source_id, case_id, first_id, n, cols))
        keep.append(mask)
    out: dict[str, Any] = {}
    sizes = [int(m.sum()) for m in keep]

    def numeric(get: Any, dtype: Any) -> np.ndarray:
        if not decoded:
            return np.zeros(0, dtype=dtype)
        return np.concatenate([np.asarray(get(d), dtype=dtype)[m] for d, m in zip(decoded, keep, strict=True)])

    out["id"] = numeric(lambda d: np.arange(d[2], d[2] + d[3], dtype=np.int64), np.int64)
    out["case_id"] = np.repeat(np.array([d[1] for d in decoded], dtype=np.int64), sizes)
    out["source_id"] = np.repeat(np.array([d[0] for d in decoded], dtype=np.int64), sizes)
    out["row"] = numeric(lambda d: d[4]["row"], np.int64)
    for name, conv in EVENT_FIELDS:
        if name in out:
            continue
        if conv == "text":
            out[name] = _text_column([d[4][name] for d in decoded], keep)
        elif conv == "time":
            secs = numeric(lambda d, c=name: d[4][c], np.int64)
            nat = secs == NAT
            ns = secs * 1_000_000_000
            ns[nat] = NAT
            out[name] = ns.view("datetime64[ns]")
        elif conv == "nint":
            vals = numeric(lambda d, c=name: d[4][c], np.int64)
            out[name] = pd.arrays.IntegerArray(np.where(vals < 0, 0, vals), vals < 0)
        elif conv == "float":   # a column with no value at all is not stored
            out[name] = numeric(lambda d, c=name: d[4].get(c, np.full(d[3], np.nan)), np.float64)
    return pd.DataFrame({name: out[name] for name, _ in EVENT_FIELDS})
