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
    keys = []
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
        keys.append((c, r))
    named = np.flatnonzero(masks)
    if not named.size:
        return {k: [] for k in ("entity_id", "n_rows", "first_row", "roles", "first_time", "last_time")}
    codes_all = np.concatenate([c for c, _ in keys])
    rows_all = np.concatenate([r for _, r in keys])
    if rows_all.min() >= 0 and rows_all.max() < 2**32 and size < 2**31:
        pairs = np.sort((codes_all << 32) | rows_all)
        distinct = np.empty(len(pairs), dtype=bool)
        distinct[0] = True
        distinct[1:] = pairs[1:] != pairs[:-1]
        n_rows = np.bincount(pairs[distinct] >> 32, minlength=size)
    else:  # rows outside 0..2**32: order by (code, row) the general way
        order = np.lexsort((rows_all, codes_all))
        cs, rs = codes_all[order], rows_all[order]
        distinct = np.empty(len(cs), dtype=bool)
        distinct[0] = True
        distinct[1:] = (cs[1:] != cs[:-1]) | (rs[1:] != rs[:-1])
        n_rows = np.bincount(cs[distinct], minlength=size)
    lo[lo == big] = NAT
    return {
        "entity_id": ids[named].tolist(),
        "n_rows": n_rows[named].tolist(),
        "first_row": first_row[named].tolist(),
        "roles": [_ROLE_TEXT[m] for m in masks[named].tolist()],
        "first_time": int_list(lo[named], NAT),
        "last_time": int_list(hi[named], NAT),
    }
