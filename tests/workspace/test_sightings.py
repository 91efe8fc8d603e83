"""aggregate_sightings counts each (entity, row) once, whatever roles and tables name it there."""

from __future__ import annotations

import numpy as np
import pytest

from linkview.workspace.frames import NAT
from linkview.workspace.sightings import aggregate_sightings


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
