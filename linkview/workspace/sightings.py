"""Sightings: per entity of one source, how many rows named it, the first row, its roles, its time span.

Runs on dense entity codes (0..n-1) of the batch, so every aggregate is one O(n) numpy pass
(``bincount``, ``minimum.at``) plus one sort of (code, row) to count distinct rows: a row that names an
entity twice (a call to oneself, or an event and a link from the same row) counts once. Events contribute
their row and time, links their first row and their first/last time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = ["ROLE_BITS", "roles_text", "aggregate_sightings"]

ROLE_BITS = {"a": 1, "b": 2, "dev": 4, "imsi": 8}
_ROLE_TEXT = [",".join(r for r, bit in ROLE_BITS.items() if mask & bit) for mask in range(16)]


def roles_text(mask: int) -> str:
    return _ROLE_TEXT[mask]


def aggregate_sightings(parts: list[tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
                        ids: np.ndarray) -> dict[str, list[Any]]:
    """``parts``: (role, entity code per row with -1 for empty, rows, first times, last times).

    ``ids`` maps codes to entity ids. Times are int64 epoch seconds with numpy's NaT value for missing.
    Returns column lists for ``executemany``: entity_id, n_rows, first_row, roles, first_time, last_time
    (``None`` when unknown), one entry per entity named in the batch.
    """
    import numpy as np

    from linkview.workspace.frames import NAT, int_list

    size = len(ids)
    big = np.iinfo(np.int64).max
    first_row = np.full(size, big, dtype=np.int64)
    lo = np.full(size, big, dtype=np.int64)
    hi = np.full(size, NAT, dtype=np.int64)
    masks = np.zeros(size, dtype=np.int64)
    for role, codes, rows, first, last in parts:
        filled = codes >= 0
        c, r = codes[filled], rows[filled]
        if not len(c):
            continue
        np.minimum.at(first_row, c, r)
        t0 = first[filled]
        np.minimum.at(lo, c, np.where(t0 == NAT, big, t0))
        np.maximum.at(hi, c, last[filled])  # NaT is the smallest int64: it never wins a maximum
        seen = np.zeros(size, dtype=bool)
        seen[c] = True
        masks[seen] |= ROLE_BITS[role]
    named = np.flatnonzero(masks)
    if not named.size:
        return {k: [] for k in ("entity_id", "n_rows", "first_row", "roles", "first_time", "last_time")}
    n_rows = _distinct_rows(parts, size)
    lo[lo == big] = NAT
    return {
        "entity_id": ids[named].tolist(),
        "n_rows": n_rows[named].tolist(),
        "first_row": first_row[named].tolist(),
        "roles": [_ROLE_TEXT[m] for m in masks[named].tolist()],
        "first_time": int_list(lo[named], NAT),
        "last_time": int_list(hi[named], NAT),
    }


def _distinct_rows(parts: list[tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray]], size: int) -> np.ndarray:
    """Per entity code, the number of distinct rows naming it (in any role, event or link).

    Parts that share one ``rows`` array (the roles of the events, the roles of the links) form a group.
    In a group whose rows strictly increase (one event per file row), each row's codes are sorted across
    the roles and counted once per row: no sort of a million (code, row) pairs. A pair also named by an
    earlier group on the same row is not counted again. Other groups take distinct pairs by sorting.
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
    counts = np.zeros(size, dtype=np.int64)
    seen: list[tuple[np.ndarray, np.ndarray | None, np.ndarray | None]] = []   # (rows, sorted codes, pair keys)
    for rows, code_list in groups:
        rows = np.asarray(rows, dtype=np.int64)
        if not len(rows):
            continue
        matrix = np.stack(code_list, axis=1)
        if len(rows) < 2 or bool((rows[1:] > rows[:-1]).all()):
            ordered = np.sort(matrix, axis=1)
            first = ordered >= 0
            first[:, 1:] &= ordered[:, 1:] != ordered[:, :-1]
            codes = ordered[first]
            where = np.broadcast_to(rows[:, None], ordered.shape)[first]
            keys = None
        else:
            filled = matrix >= 0
            pair_codes = matrix[filled]
            pair_rows = np.broadcast_to(rows[:, None], matrix.shape)[filled]
            order = np.lexsort((pair_rows, pair_codes))
            pair_codes, pair_rows = pair_codes[order], pair_rows[order]
            new = np.ones(len(pair_codes), dtype=bool)
            new[1:] = (pair_codes[1:] != pair_codes[:-1]) | (pair_rows[1:] != pair_rows[:-1])
            codes, where = pair_codes[new], pair_rows[new]
            ordered = None
            keys = (codes.astype(np.int64), where)
        again = np.zeros(len(codes), dtype=bool)
        for s_rows, s_ordered, s_keys in seen:      # already counted on that row by an earlier group
            if s_ordered is not None:
                at = np.minimum(np.searchsorted(s_rows, where), len(s_rows) - 1)
                again |= (s_rows[at] == where) & (s_ordered[at] == codes[:, None]).any(axis=1)
            else:
                k_codes, k_rows = s_keys
                width = int(max(where.max(initial=0), k_rows.max(initial=0))) + 1
                again |= np.isin(codes.astype(np.int64) * width + where, k_codes * width + k_rows)
        counts += np.bincount(codes[~again], minlength=size)
        seen.append((rows, ordered, keys))
    return counts
