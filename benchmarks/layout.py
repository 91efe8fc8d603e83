"""Layout benchmark: compute_layout against igraph's Fruchterman-Reingold, and place_new.

    uv run python benchmarks/layout.py [--sizes 1000 10000 100000] [--no-igraph] [--no-png]

For each size: a planted-partition graph (communities of ~1,000 nodes, except the 1,000-node graph
which has 10 of 100; about 2 edges per node, 90 % of them inside a community; seeded numpy), then

* seconds (wall clock, after a warm-up call that pays the first-time imports) and peak memory of
  ``compute_layout`` (peak = tracemalloc's peak of Python/numpy allocations during a second,
  untimed call, in MB);
* quality: ``edge ratio`` = mean length of edges between communities / mean length of edges
  inside one, and ``pair ratio`` = mean distance of random node pairs from different communities /
  from the same community (both higher = communities more apart; 1.0 = no separation);
* the same for igraph's ``layout_fruchterman_reingold`` (its default grid choice: grid above 1,000
  nodes) on the same graph;
* ``place_new`` of 100 new nodes (expanded from 20 chart nodes) on the 100,000-node layout
  (median of 5 runs).

PNG pictures of the 10,000- and 100,000-node layouts (nodes coloured by planted community, a
sample of edges drawn faintly) go to ``benchmarks/out/layout_<n>.png``, igraph's to
``benchmarks/out/igraph_fr_<n>.png``; they are rasterised here with numpy + zlib.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
import time
import tracemalloc
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from linkview.layout import compute_layout, place_new  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def planted_partition(n: int, *, community: int = 1000, per_node: float = 2.0, p_in: float = 0.9,
                      seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Edges (m, 2) and community labels of a random graph with planted communities."""
    rng = np.random.default_rng(seed)
    c = max(2, n // community)
    groups = np.sort(rng.integers(0, c, n))
    lo = np.searchsorted(groups, np.arange(c), "left")
    hi = np.searchsorted(groups, np.arange(c), "right")
    m = int(per_node * n)
    u = rng.integers(0, n, m)
    g = groups[u]
    v_in = lo[g] + (rng.random(m) * (hi[g] - lo[g])).astype(np.int64)
    v = np.where(rng.random(m) < p_in, v_in, rng.integers(0, n, m))
    perm = rng.permutation(n)  # so that labels do not follow the node order
    edges = perm[np.column_stack([u, v])]
    labels = np.empty(n, dtype=np.int64)
    labels[perm] = groups
    return edges, labels


def quality(pos: np.ndarray, edges: np.ndarray, groups: np.ndarray, seed: int = 1) -> tuple[float, float]:
    """(edge ratio, pair ratio) as described in the module docstring."""
    e = edges[edges[:, 0] != edges[:, 1]]
    length = np.sqrt(((pos[e[:, 0]] - pos[e[:, 1]]) ** 2).sum(axis=1))
    inside = groups[e[:, 0]] == groups[e[:, 1]]
    edge_ratio = float(length[~inside].mean() / length[inside].mean())
    rng = np.random.default_rng(seed)
    a = rng.integers(0, len(pos), 200_000)
    b = rng.integers(0, len(pos), 200_000)
    same = groups[a] == groups[b]
    # same-community pairs are rare with many communities: draw them directly as well
    order = np.argsort(groups, kind="stable")
    start = np.searchsorted(groups[order], groups[a], "left")
    stop = np.searchsorted(groups[order], groups[a], "right")
    b_same = order[start + (rng.random(len(a)) * (stop - start)).astype(np.int64)]
    d_same = np.sqrt(((pos[a] - pos[b_same]) ** 2).sum(axis=1))[a != b_same]
    d_diff = np.sqrt(((pos[a] - pos[b]) ** 2).sum(axis=1))[~same]
    return edge_ratio, float(d_diff.mean() / d_same.mean())


def igraph_layout(n: int, edges: np.ndarray, seed: int = 0) -> np.ndarray:
    import random

    import igraph as ig

    random.seed(seed)
    g = ig.Graph(n=n, edges=edges.tolist())
    return np.asarray(g.layout_fruchterman_reingold().coords, dtype=np.float64)


def _palette(k: int) -> np.ndarray:
    """``k`` distinct bright colours (golden-ratio hues), uint8 RGB."""
    h = (np.arange(k) * 0.618034) % 1.0 * 6.0
    i = np.floor(h).astype(int) % 6
    f = h - np.floor(h)
    v, s = np.full(k, 0.9), 0.8
    p, q, t = v * (1 - s), v * (1 - s * f), v * (1 - s * (1 - f))
    r = np.choose(i, [v, q, p, p, t, v])
    g = np.choose(i, [t, v, v, q, p, p])
    b = np.choose(i, [p, p, t, v, v, q])
    return (np.column_stack([r, g, b]) * 255).astype(np.uint8)


def write_png(path: Path, pos: np.ndarray, edges: np.ndarray, groups: np.ndarray, size: int = 1000,
              edge_sample: int = 60_000) -> None:
    """Rasterise nodes (coloured dots) and a sample of edges (faint grey lines) into a PNG."""
    img = np.full((size, size, 3), 255.0)
    lo = pos.min(axis=0)
    span = float((pos.max(axis=0) - lo).max()) or 1.0
    pix = (pos - lo) / span * (size - 21) + 10
    rng = np.random.default_rng(0)
    e = edges if len(edges) <= edge_sample else edges[rng.choice(len(edges), edge_sample, replace=False)]
    if len(e):
        steps = 24
        t = np.linspace(0.0, 1.0, steps)
        pts = pix[e[:, 0], None, :] * (1 - t)[None, :, None] + pix[e[:, 1], None, :] * t[None, :, None]
        ij = np.clip(np.round(pts.reshape(-1, 2)).astype(np.int64), 0, size - 1)
        hits = np.bincount(ij[:, 1] * size + ij[:, 0], minlength=size * size).reshape(size, size)
        shade = np.minimum(hits, 6)[..., None] * 14.0
        img -= shade
    colours = _palette(int(groups.max()) + 1).astype(np.float64)
    ij = np.clip(np.round(pix).astype(np.int64), 0, size - 2)
    for dx in (0, 1):
        for dy in (0, 1):
            img[ij[:, 1] + dy, ij[:, 0] + dx] = colours[groups]
    data = np.clip(img, 0, 255).astype(np.uint8)[::-1]  # y up
    raw = b"".join(b"\x00" + row.tobytes() for row in data)

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)


def timed(fn, *args, **kwargs):
    """(result, wall seconds, CPU seconds, peak MB): timed on a plain run, memory from a second run under tracemalloc
    (tracing slows allocation-heavy code, so it is kept out of the timing)."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn(*args, **kwargs)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    tracemalloc.start()
    fn(*args, **kwargs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return out, seconds, cpu, peak / 2 ** 20


def bench_place_new(pos: np.ndarray, edges: np.ndarray, seed: int = 5) -> tuple[float, np.ndarray, np.ndarray]:
    """Median seconds of placing 100 new nodes hanging off 20 chart nodes (some linked to two)."""
    rng = np.random.default_rng(seed)
    n = len(pos)
    parents = rng.choice(n, 20, replace=False)
    new = np.arange(n, n + 100)
    more = np.vstack([pos, np.full((100, 2), np.nan)])
    e_new = np.column_stack([rng.choice(parents, 100), new])
    e_extra = np.column_stack([new[:30], rng.choice(parents, 30)])       # 30 nodes with two parents
    e_chain = np.column_stack([new[90:], new[80:90]])                     # a second wave
    all_edges = np.vstack([edges, e_new[:90], e_extra, e_chain])
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        out = place_new(more, all_edges, new, seed=0)
        times.append(time.perf_counter() - t0)
    return float(np.median(times)), out, more


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--no-igraph", action="store_true")
    ap.add_argument("--no-png", action="store_true")
    args = ap.parse_args(argv)
    print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} "
          f"on {os.cpu_count()} cores; MB = tracemalloc peak of a second call "
          f"(Python/numpy allocations; igraph's C heap is invisible to it)")
    print(f"{'':>17} | {'LinkView compute_layout':^37} | {'igraph layout_fruchterman_reingold':^37}")
    print(f"{'nodes':>8} {'edges':>8} | {'wall s':>7} {'cpu s':>6} {'MB':>6} {'edge r':>6} {'pair r':>6} | "
          f"{'wall s':>7} {'cpu s':>6} {'MB':>6} {'edge r':>6} {'pair r':>6}")
    # warm-up: first-call imports (scipy.sparse, scipy.fft, igraph) are not part of the figures
    warm_edges, _ = planted_partition(3000, community=500, seed=1)
    compute_layout(3000, warm_edges)
    last = None
    for n in args.sizes:
        edges, groups = planted_partition(n, community=100 if n <= 1000 else 1000, seed=n)
        pos, sec, cpu, mb = timed(compute_layout, n, edges, seed=0)
        assert np.isfinite(pos).all()
        er, pr = quality(pos, edges, groups)
        line = f"{n:>8} {len(edges):>8} | {sec:>7.2f} {cpu:>6.2f} {mb:>6.0f} {er:>6.2f} {pr:>6.2f} | "
        if args.no_igraph:
            line += "skipped"
        else:
            ipos, isec, icpu, imb = timed(igraph_layout, n, edges)
            ier, ipr = quality(ipos, edges, groups)
            line += f"{isec:>7.2f} {icpu:>6.2f} {imb:>6.0f} {ier:>6.2f} {ipr:>6.2f}"
            if not args.no_png and n >= 10_000:
                write_png(OUT / f"igraph_fr_{n}.png", ipos, edges, groups)
        print(line, flush=True)
        if not args.no_png and n >= 10_000:
            write_png(OUT / f"layout_{n}.png", pos, edges, groups)
        if n >= 100_000 or last is None or n > last[0]:
            last = (n, pos, edges)
    if last is not None:
        n, pos, edges = last
        sec, out, before = bench_place_new(pos, edges)
        same = np.array_equal(out[:n], before[:n])
        print(f"place_new: 100 new nodes on the {n}-node layout: {sec * 1000:.1f} ms (median of 5); "
              f"old rows unchanged: {same}; all placed: {bool(np.isfinite(out).all())}")


if __name__ == "__main__":
    main()
