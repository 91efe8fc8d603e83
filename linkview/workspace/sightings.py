"""Sightings: per entity of one source, how many rows named it, the first row, its roles, its time span.

Runs on dense entity codes (0..n-1) of the batch, so every aggregate is one O(n) numpy pass
(``minimum.at``, ``bincount``); distinct rows are counted by comparing the roles of each row, with a sort
of (code, row) only where several entries share a row: a row that names an entity twice (a call to
oneself, or an event and a link from the same row) counts once. Events contribute their row and time,
links their first row and their first/last time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3

    import numpy as np

__all__ = ["ROLE_BITS", "roles_text", "aggregate_sightings", "store_sightings"]

ROLE_BITS = {"a": 1, "b": 2, "dev": 4, "imsi": 8}
_ROLE_TEXT = [",".join(r for r, bit in ROLE_BITS.items() if mask & bit) for mask in range(16)]


def roles_text(mask: int) -> str:
    return _ROLE_TEXT[mask]


def store_sightings(cur: sqlite3.Cursor, parts: list[tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
                    ids: np.ndarray, *, case_id: int, source_id: int) -> int:
    """Aggregate ``parts`` (see :func:`aggregate_sightings`) and insert the rows; how many there are.

    The rows come in entity-id order, the order of the table's key, so SQLite appends to its B-tree,
    and go in statements of many rows (:func:`~linkview.workspace.entities.insert_rows`).
    """
    from linkview.workspace.entities import insert_rows

    sight = aggregate_sightings(parts, ids)
    insert_rows(cur, "INSERT INTO sightings (case_id, source_id, entity_id, n_rows, first_row, roles, "
                "first_time, last_time)", f"({int(case_id)}, {int(source_id)}, ?, ?, ?, ?, ?, ?)",
                [sight[k] for k in ("entity_id", "n_rows", "first_row", "roles", "first_time", "last_time")])
    return len(sight["entity_id"])


def aggregate_sightings(parts: list[tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
                        ids: np.ndarray) -> dict[str, list[Any]]:
    """``parts``: (role, entity code per row with -1 for empty, rows, first times, last times).

    ``ids`` maps codes to entity ids. Times are int64 epoch seconds with numpy's NaT value for missing.
    Returns column lists for ``executemany``: entity_id, n_rows, first_row, roles, first_time, last_time
    (``None`` when unknown), one entry per entity named in the batch, in entity-id order.
    The per-code arrays have a spare last entry: code -1 (role empty) lands there, so no row is masked.
    """
    import numpy as np

    from linkview.workspace.frames import NAT, int_list

    size = len(ids)
    big = np.iinfo(np.int64).max
    first_row = np.full(size + 1, big, dtype=np.int64)
    lo = np.full(size + 1, big, dtype=np.int64)
    hi = np.full(size + 1, NAT, dtype=np.int64)
    masks = np.zeros(size + 1, dtype=np.int64)
    starts: dict[int, np.ndarray] = {}      # the events' roles share one time array: NaT replaced once
    for role, codes, rows, first, last in parts:
        if not len(codes):
            continue
        if id(first) not in starts:
            starts[id(first)] = np.where(first == NAT, big, first)
        np.minimum.at(first_row, codes, rows)
        np.minimum.at(lo, codes, starts[id(first)])
        np.maximum.at(hi, codes, last)  # NaT is the smallest int64: it never wins a maximum
        has = np.zeros(size + 1, dtype=bool)
        has[codes] = True
        masks[has] |= ROLE_BITS[role]
    named = np.flatnonzero(masks[:size])
    if not named.size:
        return {k: [] for k in ("entity_id", "n_rows", "first_row", "roles", "first_time", "last_time")}
    entity = ids[named]
    if len(entity) > 1 and not bool((entity[1:] > entity[:-1]).all()):
        order = np.argsort(entity)
        named, entity = named[order], entity[order]
    n_rows = _distinct_rows(parts, size)
    lo[lo == big] = NAT
    return {
        "entity_id": entity.tolist(),
        "n_rows": n_rows[named].tolist(),
        "first_row": first_row[named].tolist(),
        "roles": np.asarray(_ROLE_TEXT, dtype=object)[masks[named]].tolist(),
        "first_time": int_list(lo[named], NAT),
        "last_time": int_list(hi[named], NAT),
    }


def _distinct_rows(parts: list[tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray]], size: int) -> np.ndarray:
    """Per entity code, the number of distinct rows naming it (in any role, event or link).

    Parts that share one ``rows`` array (the roles of the events, the roles of the links) form a group.
    In a group whose rows strictly increase (one event per file row), a role's code counts on a row
    unless an earlier role of that row has it: a few comparisons of whole columns, no sort. A pair also
    named by an earlier group on the same row is not counted again. Other groups take distinct
    (code, row) pairs by sorting.
    """
    import numpy as np

    groups: list[tuple[np.ndarray, list[np.ndarray]]] = []
    for _role, codes, rows, _first, _last in parts:
        for g_rows, g_codes in groups:
            if g_rows is rows:
                g_codes.append(codes)
                break
        else:
            groups.append((rows, [codes]))
    counts = np.zeros(size + 1, dtype=np.int64)
    # groups counted so far: (rows, code columns of a one-entry-per-row group | None, (codes, rows) | None)
    seen: list[tuple[np.ndarray, list[np.ndarray] | None, tuple[np.ndarray, np.ndarray] | None]] = []
    for rows, code_list in groups:
        rows = np.asarray(rows, dtype=np.int64)
        if not len(rows):
            continue
        if len(rows) < 2 or bool((rows[1:] > rows[:-1]).all()):
            chosen = []
            for j, c in enumerate(code_list):
                new = c >= 0
                for earlier in code_list[:j]:
                    new &= c != earlier
                chosen.append(new)
            if not seen:                # nothing counted before: count in place, no list of entries
                for c, new in zip(code_list, chosen, strict=True):
                    np.add.at(counts, np.where(new, c, -1), 1)      # -1: the spare last entry
                seen.append((rows, code_list, None))
                continue
            taken = [np.flatnonzero(new) for new in chosen]
            codes = np.concatenate([c[i] for c, i in zip(code_list, taken, strict=True)])
            where = np.concatenate([rows[i] for i in taken])
            by_row, keys = code_list, None
        else:
            matrix = np.stack(code_list, axis=1)
            filled = matrix >= 0
            low = int(rows.min())                        # (code, row) as one integer: one plain sort
            width = int(rows.max()) - low + 1
            pairs = np.sort(matrix[filled].astype(np.int64) * width
                            + np.broadcast_to(rows[:, None] - low, matrix.shape)[filled])
            pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs
            codes, where = pairs // width, pairs % width + low
            by_row, keys = None, (codes, where)
        if seen:
            again = np.zeros(len(codes), dtype=bool)
            for s_rows, s_by_row, s_keys in seen:   # already counted on that row by an earlier group
                if s_by_row is not None:
                    at = np.minimum(np.searchsorted(s_rows, where), len(s_rows) - 1)
                    hit = np.zeros(len(codes), dtype=bool)
                    for c in s_by_row:
                        hit |= c[at] == codes
                    again |= (s_rows[at] == where) & hit
                else:
                    k_codes, k_rows = s_keys
                    width = int(max(where.max(initial=0), k_rows.max(initial=0))) + 1
                    again |= np.isin(codes.astype(np.int64) * width + where, k_codes * width + k_rows)
            codes = codes[~again]
        counts += np.bincount(codes, minlength=size + 1)
        seen.append((rows, by_row, keys))
    return counts
