"""Benchmark of the graph and analysis layers: graph build, rings, communities.

    uv run python benchmarks/analysis.py                       # 1,000,000 events (goals: 3 s, 5 s, 2 s)
    uv run python benchmarks/analysis.py --events 100000       # a quick run
    uv run python benchmarks/analysis.py --workspace big.linkview --keep   # build once, then reuse

The workspace is filled with synthetic cases through ``Workspace.import_batch`` (the path ingest takes,
without reading files, which ``benchmarks`` of ingest measure): per case a victim's call record with its
private contacts and calls to public numbers, the rings' phones calling victims of 2-5 consecutive cases,
victims paying the rings' mule cards, mules paying on. Then it prints the seconds to build the graph of
the whole workspace, to find the rings (hubs included), and to find communities on a 100,000-node graph
with igraph Leiden and Louvain next to networkx's ``louvain_communities`` on a smaller graph; and the
seconds of ``rings`` with the evidence of every ring (``--per-entity``: also the old per-entity path).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from linkview.workspace import ImportBatch, SourceFile, Workspace, empty_events, empty_links, empty_rejected

HUBS = ["102", "112", "9999", "7111", "1414"]
T0 = np.datetime64("2024-01-01T00:00:00", "s")


def _phone(n: np.ndarray) -> np.ndarray:
    return np.char.add("+7701", np.char.zfill(n.astype(str), 7))


def _card(n: np.ndarray) -> np.ndarray:
    return np.char.add("440043", np.char.zfill(n.astype(str), 10))


def _frame(a_kind, a_key, b_kind, b_key, etype, times, target, duration, amount, currency) -> pd.DataFrame:
    n = len(a_key)
    tmpl = empty_events()
    data = {
        "row": np.arange(2, n + 2), "etype": etype, "time": times.astype("datetime64[ns]"),
        "a_kind": a_kind, "a_key": a_key, "a_display": a_key, "a_valid": np.ones(n, bool),
        "b_kind": b_kind, "b_key": b_key, "b_display": b_key, "b_valid": np.ones(n, bool),
        "dev_kind": "", "dev_key": "", "dev_display": "", "imsi_key": "", "imsi_display": "",
        "target": target, "direction": np.where(target == "a", "out", np.where(target == "b", "in", "")),
        "duration": duration, "amount": amount, "currency": currency, "asset": "", "tx_hash": "", "cell": "",
        "lat": np.nan, "lon": np.nan, "note": "",
    }
    return pd.DataFrame({c: data[c] for c in tmpl.columns}).astype(dict(tmpl.dtypes))


def synthetic_case(rng: np.random.Generator, c: int, n_events: int, rings: list[dict]) -> pd.DataFrame:
    """One case's events: a victim's call record, ring calls, transfers to mules."""
    victim = 9_000_000 + c
    contacts = 1_000_000 + c * 200 + rng.integers(0, 150, n_events)
    start = T0 + np.timedelta64(int(c) * 86400, "s")
    times = start + rng.integers(0, 60 * 86400, n_events).astype("timedelta64[s]")
    out = rng.random(n_events) < 0.5
    a = np.where(out, victim, contacts)
    b = np.where(out, contacts, victim)
    a_key, b_key = _phone(a), _phone(b)
    a_kind = np.full(n_events, "phone", dtype=object)
    b_kind = np.full(n_events, "phone", dtype=object)
    etype = np.where(rng.random(n_events) < 0.25, "sms", "call").astype(object)
    target = np.where(out, "a", "b").astype(object)
    # the victim calls public numbers
    k = max(3, n_events // 200)
    b_key[:k] = np.array(HUBS, dtype=object)[rng.integers(0, len(HUBS), k)]
    b_kind[:k] = "service"
    a_key[:k] = _phone(np.array([victim]))[0]
    target[:k] = "a"
    etype[:k] = "call"
    mine = [r for r in rings if c in r["cases"]]
    frames = [_frame(a_kind, a_key, b_kind, b_key, etype, times, target, rng.exponential(60, n_events),
                     np.full(n_events, np.nan), np.full(n_events, "", dtype=object))]
    for r in mine:
        m = 6
        phones = _phone(np.array(r["phones"]))[rng.integers(0, len(r["phones"]), m)]
        t = start + rng.integers(0, 30 * 86400, m).astype("timedelta64[s]")
        vk = np.full(m, _phone(np.array([victim]))[0], dtype=object)
        frames.append(_frame(np.full(m, "phone", dtype=object), phones, np.full(m, "phone", dtype=object), vk,
                             np.full(m, "call", dtype=object), t, np.full(m, "b", dtype=object),
                             rng.exponential(300, m), np.full(m, np.nan), np.full(m, "", dtype=object)))
        mules = _card(np.array(r["mules"]))
        vcard = _card(np.array([5_000_000 + c]))[0]
        t2 = t.max() + np.arange(1, 4).astype("timedelta64[h]").astype("timedelta64[s]")
        payer = np.array([vcard, mules[0], mules[1 % len(mules)]], dtype=object)
        payee = np.array([mules[0], mules[1 % len(mules)], mules[-1]], dtype=object)
        frames.append(_frame(np.full(3, "card", dtype=object), payer, np.full(3, "card", dtype=object), payee,
                             np.full(3, "transfer", dtype=object), t2, np.full(3, "", dtype=object),
                             np.full(3, np.nan), np.array([250_000.0, 240_000.0, 230_000.0]),
                             np.full(3, "KZT", dtype=object)))
    ev = pd.concat(frames, ignore_index=True)
    ev["row"] = np.arange(2, len(ev) + 2)
    return ev


def plant_rings(rng: np.random.Generator, n_cases: int) -> list[dict]:
    rings, cursor, rid = [], 0, 0
    while cursor < n_cases - 1:
        size = int(rng.integers(2, 6))
        cases = list(range(cursor, min(n_cases, cursor + size)))
        rings.append({"cases": cases, "phones": list(8_000_000 + rid * 10 + np.arange(4)),
                      "mules": list(7_000_000 + rid * 10 + np.arange(3))})
        cursor = cases[-1] if rng.random() < 0.3 else cases[-1] + 1
        rid += 1
    return rings


def fill(path: Path, n_events: int, n_cases: int, seed: int = 0) -> tuple[float, int]:
    rng = np.random.default_rng(seed)
    rings = plant_rings(rng, n_cases)
    per = max(50, n_events // n_cases)
    started = time.perf_counter()
    total = 0
    with Workspace.create(path) as ws:
        for c in range(n_cases):
            ev = synthetic_case(rng, c, per, rings)
            total += len(ev)
            name = f"case{c:04d}.csv"
            sha = hashlib.sha256(f"{seed}/{name}".encode()).hexdigest()
            src = SourceFile(path=f"/synthetic/{name}", name=name, sha256=sha, size=len(ev) * 80, kind="calls",
                             spec={}, encoding="utf-8", rows_total=len(ev))
            ws.import_batch(ImportBatch(case_number=f"2417500310{c:05d}", source=src, events=ev,
                                        links=empty_links(), rejected=empty_rejected()))
    return time.perf_counter() - started, total


def timed(label: str, fn):
    """Run ``fn``; print wall and CPU seconds (CPU time is what the work costs on a busy machine)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = fn()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{label:<58} {seconds:8.2f} s wall {cpu:8.2f} s cpu", flush=True)
    return result, seconds


def community_graph(n: int, seed: int = 0):
    """A MultiDiGraph of ``n`` nodes in groups of 50 with dense inside and sparse outside links."""
    import networkx as nx

    rng = np.random.default_rng(seed)
    m_in, m_out = 3 * n, n // 2
    u = rng.integers(0, n, m_in)
    v = (u // 50) * 50 + rng.integers(0, 50, m_in)
    v = np.minimum(v, n - 1)
    uu = rng.integers(0, n, m_out)
    vv = rng.integers(0, n, m_out)
    G = nx.MultiDiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from((int(a), int(b), "call", {"kind": "call", "count": 1})
                     for a, b in zip(np.r_[u, uu], np.r_[v, vv], strict=True) if a != b)
    return G


def main(argv: list[str] | None = None) -> int:
    import networkx as nx

    from linkview.analysis import communities, hubs, rings
    from linkview.graph import build_graph, evidence_lookup

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--cases", type=int, default=300)
    p.add_argument("--nodes", type=int, default=100_000, help="nodes of the community benchmark graph")
    p.add_argument("--nx-nodes", type=int, default=20_000, help="nodes of the networkx louvain comparison")
    p.add_argument("--workspace", type=Path, help="workspace to reuse (filled when it does not exist)")
    p.add_argument("--keep", action="store_true", help="keep the generated workspace")
    p.add_argument("--per-entity", action="store_true",
                   help="also time the evidence the old way: one provenance query per linking entity")
    args = p.parse_args(argv)

    tmp = None
    path = args.workspace
    if path is None:
        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "bench.linkview"
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    args.fresh = not path.exists()
    if args.fresh:
        seconds, total = fill(path, args.events, args.cases)
        print(f"{'fill workspace: ' + f'{total:,} events, {args.cases} cases (import_batch)':<58} {seconds:8.2f} s")
    with Workspace.open(path) as ws:
        timed("build_graph (first in this process: lazy imports)", lambda: build_graph(ws))
        G, t_graph = timed("build_graph (whole workspace)", lambda: build_graph(ws))
        timed("    of which the workspace: ws.events()", lambda: ws.events())
        timed("    of which the workspace: ws.entities(graph nodes)", lambda: ws.entities(ids=list(G.nodes)))
    events = sum(d["count"] for *_, d in G.edges(data=True) if d["kind"] in ("call", "sms", "transfer"))
    print(f"    graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges from {events:,} events")
    hub_list, t_hubs = timed("hubs", lambda: hubs(G))
    found, t_rings = timed("rings (hubs included, no evidence)", lambda: rings(G))
    planted = {tuple(f"2417500310{c:05d}" for c in r["cases"])
               for r in plant_rings(np.random.default_rng(0), args.cases)} if args.fresh else set()
    exact = sum(tuple(r.cases) in planted for r in found)
    print(f"    {len(hub_list)} hubs, {len(found)} rings" + (f"; {exact} of {len(planted)} planted rings found with "
                                                            "their exact cases" if planted else ""))
    with Workspace.open(path) as ws:
        with_ev, t_evidence = timed("rings + evidence (batched: sightings, events, links)",
                                    lambda: rings(G, evidence=evidence_lookup(ws)))
        items = sum(len(r.evidence) for r in with_ev)
        rows = sum(len(i["rows"]) for r in with_ev for i in r.evidence)
        print(f"    {items:,} evidence items, {rows:,} rows")
        if args.per_entity:
            lookup = evidence_lookup(ws)
            timed("rings + evidence (one ws.provenance per entity)",
                  lambda: rings(G, evidence=lambda n, cases: lookup(n, cases)))

    CG = community_graph(args.nodes)
    print(f"    community graph: {CG.number_of_nodes():,} nodes, {CG.number_of_edges():,} edges")
    parts, t_leiden = timed("communities leiden (igraph, incl. conversion)", lambda: communities(CG))
    print(f"    {len(parts):,} communities")
    _, t_louv = timed("communities louvain (igraph multilevel, incl. conversion)",
                      lambda: communities(CG, method="louvain"))
    small = community_graph(args.nx_nodes)
    _, t_ours_small = timed(f"communities leiden on {args.nx_nodes:,} nodes", lambda: communities(small))
    simple = nx.Graph(small.to_undirected())
    _, t_nx = timed(f"networkx louvain_communities on {args.nx_nodes:,} nodes",
                    lambda: nx.community.louvain_communities(simple, seed=0))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"goals: build < 3 s ({t_graph:.2f}), rings < 5 s ({t_hubs + t_rings:.2f} with hubs), "
          f"communities on {args.nodes:,} nodes < 2 s ({t_leiden:.2f})")
    print(f"rings + evidence: {t_evidence:.2f} s")
    if tmp is not None and not args.keep:
        tmp.cleanup()
    elif tmp is not None:
        print(f"kept {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
