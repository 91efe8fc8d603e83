"""aggregate_sightings counts each (entity, row) once, whatever roles and tables name it there;
store_sightings inserts what it gives."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from linkview.workspace import Workspace
from linkview.workspace.frames import NAT
from linkview.workspace.sightings import aggregate_sightings, store_sightings


@pytest.mark.parametrize("seed", range(6))
def test_distinct_rows_equal_a_plain_count(seed):
    rng = np.random.default_rng(seed)
    size, n_ev, n_lk = 40, 300, 60
    ev_rows = np.sort(rng.choice(np.arange(2, 5_000), n_ev, replace=False)) if seed % 2 else \
        np.sort(rng.integers(2, 200, n_ev))                       # odd seeds: one event per row; even: several
    lk_rows = rng.choice(ev_rows, n_lk)                            # links point at event rows (and repeat)
    times = rng.integers(0, 10**6, n_ev).astype(np.int64)
    times[::7] = NAT
    lk_times = rng.integers(0, 10**6, n_lk).astype(np.int64)
    ev_parts = [(r, rng.integers(-1, size, n_ev).astype(np.int64)) for r in ("a", "b", "dev", "imsi")]
    lk_parts = [(r, rng.integers(0, size, n_lk).astype(np.int64)) for r in ("a", "b")]
    parts = [(r, c, ev_rows, times, times) for r, c in ev_parts] + \
            [(r, c, lk_rows, lk_times, lk_times) for r, c in lk_parts]
    ids = np.arange(100, 100 + size)
    out = aggregate_sightings(parts, ids)
    expected: dict[int, set[int]] = {}
    for _role, codes, rows, _t0, _t1 in parts:
        for c, r in zip(codes.tolist(), rows.tolist(), strict=True):
            if c >= 0:
                expected.setdefault(c, set()).add(r)
    got = {e - 100: n for e, n in zip(out["entity_id"], out["n_rows"], strict=True)}
    assert got == {c: len(rows) for c, rows in expected.items()}
    first = {e - 100: r for e, r in zip(out["entity_id"], out["first_row"], strict=True)}
    assert first == {c: min(rows) for c, rows in expected.items()}


@pytest.mark.parametrize("limit", [None, 20])
def test_store_sightings_inserts_what_aggregate_gives(tmp_path, limit):
    """Rows go in statements of many rows; a small limit on bound parameters makes them smaller."""
    Workspace.create(tmp_path / "w.linkview").close()
    rng = np.random.default_rng(3)
    size, n = 1_234, 5_000
    rows = np.arange(2, n + 2, dtype=np.int64)
    times = rng.integers(0, 10**6, n).astype(np.int64)
    times[::5] = NAT
    parts = [(r, rng.integers(-1, size, n).astype(np.int32), rows, times, times) for r in ("a", "b")]
    ids = rng.permutation(np.arange(10, 10 + size))               # ids in another order than codes
    with sqlite3.connect(tmp_path / "w.linkview") as con:         # no foreign keys: no cases, sources
        if limit:
            con.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
        stored = store_sightings(con.cursor(), parts, ids, case_id=7, source_id=9)
        got = con.execute("SELECT entity_id, case_id, source_id, n_rows, first_row, roles, first_time, last_time "
                          "FROM sightings ORDER BY entity_id").fetchall()
    con.close()
    want = aggregate_sightings(parts, ids)
    assert want["entity_id"] == sorted(want["entity_id"])
    assert stored == len(got) == len(want["entity_id"])
    assert got == [(e, 7, 9, n_rows, first, roles, t0, t1) for e, n_rows, first, roles, t0, t1 in zip(
        *(want[k] for k in ("entity_id", "n_rows", "first_row", "roles", "first_time", "last_time")), strict=True)]
