"""Synthetic import batches for the workspace tests and benchmark (no files, no ingest).

``python tests/workspace/synth.py bench [rows] [numbers]`` imports a calls batch into a fresh workspace
and prints rows/s, the time of ``ws.events()`` and peak memory.
``python tests/workspace/synth.py crash <workspace> <marker> <rows>`` is the child of the crash test: it
imports a big batch and writes ``marker`` from the progress callback once rows are being written.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from linkview.workspace.batch import ImportBatch, SourceFile, empty_rejected


def _phones(rng: np.random.Generator, n: int) -> np.ndarray:
    digits = rng.choice(np.arange(1_000_000, 9_999_999), size=n, replace=False)
    ops = rng.choice(np.array(["701", "702", "705", "707", "747", "771", "775", "777"]), size=n)
    return np.char.add(np.char.add("+7", ops), digits.astype(str)).astype(object)


def _display(keys: np.ndarray) -> np.ndarray:
    s = pd.Series(keys, dtype=str)
    out = s.str[:2] + " " + s.str[2:5] + " " + s.str[5:8] + " " + s.str[8:10] + " " + s.str[10:12]
    return out.to_numpy(dtype=object)


def calls_batch(n_rows: int, n_numbers: int, *, case: str = "2024-001", seed: int = 0,
                name: str | None = None, targets: int = 5, with_raw: bool = False) -> ImportBatch:
    """A call-detail-record batch: ``targets`` target numbers calling a pool of ``n_numbers`` numbers."""
    rng = np.random.default_rng(seed)
    pool = _phones(rng, n_numbers)
    pool_display = _display(pool)
    tgt = rng.integers(0, targets, n_rows)
    other = rng.integers(targets, n_numbers, n_rows)
    outgoing = rng.random(n_rows) < 0.6
    a_idx = np.where(outgoing, tgt, other)
    b_idx = np.where(outgoing, other, tgt)
    imeis = np.array([f"35{seed:02d}{i:010d}"[:14] for i in range(targets)], dtype=object)
    imsis = np.array([f"40101{seed:02d}{i:08d}"[:15] for i in range(targets)], dtype=object)
    has_dev = rng.random(n_rows) < 0.5
    dev = np.where(has_dev, imeis[tgt], "")
    imsi = np.where(has_dev, imsis[tgt], "")
    start = np.datetime64("2024-01-01T00:00:00", "s")
    times = start + np.sort(rng.integers(0, 90 * 86400, n_rows)).astype("timedelta64[s]")
    times = times.astype("datetime64[ns]")
    etype = np.where(rng.random(n_rows) < 0.85, "call", "sms").astype(object)
    rows = np.arange(2, n_rows + 2, dtype=np.int64)
    cells = np.char.add(np.char.add(rng.integers(1000, 1100, n_rows).astype(str), "/"),
                        rng.integers(10000, 60000, n_rows).astype(str)).astype(object)
    ev = pd.DataFrame({
        "row": rows, "etype": pd.array(etype, dtype=str), "time": times,
        "a_kind": "phone", "a_key": pd.array(pool[a_idx], dtype=str),
        "a_display": pd.array(pool_display[a_idx], dtype=str), "a_valid": True,
        "b_kind": "phone", "b_key": pd.array(pool[b_idx], dtype=str),
        "b_display": pd.array(pool_display[b_idx], dtype=str), "b_valid": True,
        "dev_kind": pd.array(np.where(has_dev, "imei", ""), dtype=str), "dev_key": pd.array(dev, dtype=str),
        "dev_display": pd.array(dev, dtype=str),
        "imsi_key": pd.array(imsi, dtype=str), "imsi_display": pd.array(imsi, dtype=str),
        "target": pd.array(np.where(outgoing, "a", "b"), dtype=str),
        "direction": pd.array(np.where(outgoing, "out", "in"), dtype=str),
        "duration": np.where(etype == "call", rng.integers(0, 900, n_rows), np.nan).astype(float),
        "amount": np.nan, "currency": "", "asset": "", "tx_hash": "",
        "cell": pd.array(cells, dtype=str),
        "lat": 43.2 + rng.random(n_rows) / 10, "lon": 76.9 + rng.random(n_rows) / 10, "note": "",
    })
    for col in ("a_kind", "b_kind", "currency", "asset", "tx_hash", "note"):
        ev[col] = ev[col].astype(str)
    if with_raw:
        ev["raw"] = pd.array([f'{{"A": "{a}", "B": "{b}"}}' for a, b in zip(ev["a_key"], ev["b_key"],
                                                                            strict=True)], dtype=str)
    # handset links: target number -> IMEI, one per target seen with a device
    seen = ev.loc[has_dev, ["row", "a_key", "b_key", "target", "dev_key", "time"]]
    seen = seen.assign(phone=np.where(seen["target"] == "a", seen["a_key"], seen["b_key"]))
    grp = seen.groupby(["phone", "dev_key"], sort=True)
    lk = grp.agg(row=("row", "min"), n=("row", "size"), first_time=("time", "min"),
                 last_time=("time", "max")).reset_index()
    links = pd.DataFrame({
        "row": lk["row"].astype("int64"), "n": lk["n"].astype("int64"), "ltype": "sim_in_handset",
        "a_kind": "phone", "a_key": lk["phone"], "a_display": _display(lk["phone"].to_numpy(dtype=object)),
        "a_valid": True, "b_kind": "imei", "b_key": lk["dev_key"], "b_display": lk["dev_key"], "b_valid": True,
        "first_time": lk["first_time"], "last_time": lk["last_time"],
    })
    links["ltype"] = links["ltype"].astype(str)
    links["a_display"] = links["a_display"].astype(str)
    rej_rows = np.arange(n_rows + 2, n_rows + 2 + max(n_rows // 1000, 1))
    rejected = pd.DataFrame({
        "row": rej_rows.astype("int64"), "column": "B", "severity": "error",
        "reason": "not a phone number", "raw": [f'{{"A": "+77010000000", "B": "x{r}"}}' for r in rej_rows],
    }).astype({"column": str, "severity": str, "reason": str, "raw": str})
    if n_rows == 0:
        rejected = empty_rejected()
    digest = hashlib.sha256(f"{case}/{seed}/{n_rows}/{n_numbers}/{name}".encode()).hexdigest()
    fname = name or f"cdr_{seed}.csv"
    src = SourceFile(path=f"/evidence/{fname}", name=fname, sha256=digest, size=n_rows * 80, kind="calls",
                     spec={"kind": "calls", "columns": {"a": "A", "b": "B"}, "options": {"dayfirst": True}},
                     encoding="utf-8", rows_total=n_rows + len(rejected))
    return ImportBatch(case_number=case, source=src, events=ev, links=links, rejected=rejected,
                       case_title=f"Case {case}", user="tester")


def _bench(n_rows: int, n_numbers: int) -> None:
    import os
    import resource
    import tempfile
    import time

    from linkview.workspace import Workspace

    t = time.perf_counter()
    batch = calls_batch(n_rows, n_numbers)
    print(f"built batch of {n_rows:,} rows in {time.perf_counter() - t:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        with Workspace.create(Path(tmp) / "bench.linkview") as ws:
            cpu = time.process_time()
            res = ws.import_batch(batch)
            cpu = time.process_time() - cpu
            print(f"import_batch: {res.events:,} events, {res.links:,} links, {res.new_entities:,} entities "
                  f"in {res.seconds:.2f} s = {res.events / res.seconds:,.0f} rows/s "
                  f"(process CPU {cpu:.2f} s = {res.events / cpu:,.0f} rows/s; load {os.getloadavg()[0]:.1f})")
            second = calls_batch(n_rows // 10, n_numbers, seed=1, case="2024-002")
            res2 = ws.import_batch(second)
            print(f"second import (existing table): {res2.events:,} events in {res2.seconds:.2f} s = "
                  f"{res2.events / res2.seconds:,.0f} rows/s")
            t, cpu = time.perf_counter(), time.process_time()
            ev = ws.events()
            print(f"ws.events(): {len(ev):,} rows in {time.perf_counter() - t:.2f} s "
                  f"(CPU {time.process_time() - cpu:.2f} s)")
            t = time.perf_counter()
            ent = ws.entities()
            print(f"ws.entities(): {len(ent):,} rows in {time.perf_counter() - t:.2f} s")
            t = time.perf_counter()
            cases = ws.cases()
            print(f"ws.cases(): {len(cases)} cases in {time.perf_counter() - t:.2f} s")
            t = time.perf_counter()
            prov = ws.provenance(int(ev["a_id"].iloc[0]), limit=1000)
            print(f"ws.provenance(): {len(prov)} rows in {time.perf_counter() - t:.3f} s")
            size = (Path(tmp) / "bench.linkview").stat().st_size
        print(f"file size {size / 1e6:.0f} MB")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _crash_child(path: str, marker: str, n_rows: int) -> None:
    """Start an import, and once several chunks are written (spilled to the WAL by a tiny page cache),
    write ``marker`` and wait to be killed."""
    import time

    from linkview.workspace import Workspace, blocks, engine

    engine.PRAGMAS = (*engine.PRAGMAS, "PRAGMA cache_size = -256")  # 256 KiB: pages spill to the WAL early
    blocks.BLOCK_ROWS = 5_000   # events go in one block at a time: several blocks before the marker
    batch = calls_batch(n_rows, max(n_rows // 5, 100), seed=7, case="2024-CRASH")
    ws = Workspace.open(path)

    def progress(fraction: float, message: str) -> None:
        if message.startswith("events") and fraction >= 0.5:
            Path(marker).write_text(message)
            time.sleep(600)  # killed here, in the middle of the transaction

    ws.import_batch(batch, progress=progress)
    ws.close()


if __name__ == "__main__":
    if sys.argv[1] == "bench":
        _bench(int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000,
               int(sys.argv[3]) if len(sys.argv) > 3 else 200_000)
    elif sys.argv[1] == "crash":
        _crash_child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        raise SystemExit(__doc__)
