"""Benchmark of the chart canvas against plain pyqtgraph, offscreen at 1600x1000.

    uv run python benchmarks/render.py [--sizes 1000,10000,100000] [--frames 10] [--random-positions]

For each size (n entities, 2n links, communities) it prints, for LinkView's ChartView and for a plain
pyqtgraph drawing of the same graph (ScatterPlotItem with one shared brush per kind colour plus one
PlotCurveItem with connect="pairs"):

- load: from nothing to the first complete picture (widget built, data set, first ``grab()``);
- full redraw: a forced complete repaint (ChartView: cached image dropped, then ``grab()``);
- pan / zoom frame: the view range is moved (5 % of the width) or zoomed (x1.1), then ``grab()``
  (``QWidget.grab()`` paints synchronously); ChartView blits its cached image there and re-renders
  when the movement settles, which is the "settle" figure (= a full redraw at the new range);
- memory: the resident set size growth while the chart is built and drawn (``/proc/self/statm``,
  current RSS, not the peak) and, in a separate traced load (tracemalloc slows allocation, so the
  timed load is not traced), the peak of Python + numpy allocations.

The ChartState build (from the networkx graph) and the layout are timed apart; the graph itself is
the caller's data and not counted in the chart's memory. Timings are medians (max in brackets) of
``--frames`` repetitions; the machine's load average is printed: numbers are noisy on a busy machine.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
import tracemalloc
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

KINDS = ("phone", "phone", "phone", "imei", "imsi", "card", "masked_card", "iban", "account", "wallet_tron",
         "wallet_evm", "wallet_btc", "email", "ip", "device", "ad_account", "listing", "person", "service")
EDGE_KIND = {"phone": "call", "card": "transfer", "iban": "transfer", "account": "transfer",
             "wallet_tron": "transfer", "wallet_evm": "transfer", "wallet_btc": "transfer"}
W, H = 1600, 1000


def make_graph(n: int, seed: int = 0) -> tuple[nx.MultiDiGraph, np.ndarray]:
    """A graph of ``n`` entities and ~2n links: communities of ~300, 90 % of links inside them."""
    rng = np.random.default_rng(seed)
    m = 2 * n
    k = max(2, n // 300)
    comm = rng.integers(0, k, n)
    src = rng.integers(0, n, m)
    order = np.argsort(comm, kind="stable")
    starts = np.searchsorted(comm[order], np.arange(k))
    counts = np.bincount(comm, minlength=k)
    c = comm[src]
    inside = order[starts[c] + (rng.random(m) * counts[c]).astype(np.int64)]
    dst = np.where(rng.random(m) < 0.9, inside, rng.integers(0, n, m))
    keep = src != dst
    src, dst = src[keep], dst[keep]
    kinds = rng.choice(np.array(KINDS), n)
    G = nx.MultiDiGraph()
    G.add_nodes_from((i, {"kind": str(kd), "key": f"{kd}:{i}", "display": f"{kd} {i}", "valid": True,
                          "cases": (f"C-{i % 97}",), "n_cases": 1, "hub": None})
                     for i, kd in enumerate(kinds.tolist()))
    cnt = rng.integers(1, 40, len(src))
    ek = [EDGE_KIND.get(kinds[a], "call") for a in src.tolist()]
    G.add_edges_from((a, b, e, {"kind": e, "count": q, "amount": q * 1000.0})
                     for a, b, e, q in zip(src.tolist(), dst.tolist(), ek, cnt.tolist(), strict=True))
    return G, comm


def positions(G: nx.MultiDiGraph, comm: np.ndarray, random_positions: bool) -> tuple[np.ndarray, str, float]:
    n = G.number_of_nodes()
    t0 = time.perf_counter()
    if not random_positions:
        try:
            from linkview.layout import compute_layout
        except ImportError:
            random_positions = True
    if random_positions:
        rng = np.random.default_rng(1)
        k = int(comm.max()) + 1
        side = np.sqrt(n) * 10
        centres = rng.uniform(0, side, (k, 2))
        pos = centres[comm] + rng.normal(0, side / np.sqrt(k) / 4, (n, 2))
        return pos, "random with communities", time.perf_counter() - t0
    idx = np.array([(u, v) for u, v in G.edges()], np.int64).reshape(-1, 2)
    pos = compute_layout(n, idx, seed=0)
    return pos, "linkview.layout.compute_layout", time.perf_counter() - t0


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def timed(fn, frames: int) -> tuple[float, float]:
    ts = []
    for _ in range(frames):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts), max(ts)


def fmt(t: tuple[float, float]) -> str:
    return f"{t[0] * 1000:7.1f} ms [{t[1] * 1000:6.1f}]"


def bench_chartview(app, G, pos, frames: int) -> dict:
    from linkview.chart import ChartState, SetStyle
    from linkview.ui.canvas import ChartView

    t0 = time.perf_counter()
    state = ChartState.from_graph(G, pos)
    state_s = time.perf_counter() - t0
    state.undo_stack.push(SetStyle(state, size_by="degree"))

    def load_view():
        view = ChartView(state)
        view.resize(W, H)
        view.show()
        view.grab()
        return view

    # Python allocations of a load, traced apart (tracemalloc slows allocation down a lot)
    gc.collect()
    tracemalloc.start()
    traced = load_view()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    traced.close()
    traced.deleteLater()
    app.processEvents()
    del traced
    gc.collect()
    rss0 = rss_mb()
    t0 = time.perf_counter()
    view = load_view()
    load = time.perf_counter() - t0
    mem = rss_mb() - rss0
    info = view.render_info
    vb = view.viewbox

    def full():
        view.layer.render_now()
        view.grab()

    def pan():
        r = vb.viewRect()
        vb.translateBy(x=0.05 * r.width())
        view.grab()

    def zoom():
        vb.scaleBy((1 / 1.1, 1 / 1.1))
        view.grab()

    def settle():
        r = vb.viewRect()
        vb.translateBy(x=-0.05 * r.width())
        view.layer.render_now()
        view.grab()

    out = {"state": state_s, "load": load, "full": timed(full, frames), "pan": timed(pan, frames),
           "zoom": timed(zoom, frames), "settle": timed(settle, frames), "rss": mem, "py_peak": peak / 2**20,
           "info": info}
    view.fit_to_view()
    view.layer.render_now()
    view.grab()
    out["fit_info"] = replace(view.render_info)
    # refinement, as the zero-delay timer would run it: each slice is one event-loop step + a frame
    slices = []
    t_all = time.perf_counter()
    more = True
    while more:
        t0 = time.perf_counter()
        more = view.layer.refine_step()
        view.grab()
        slices.append(time.perf_counter() - t0)
    out["refine"] = (time.perf_counter() - t_all, len(slices), statistics.median(slices), max(slices),
                     view.render_info)
    out["view"] = view
    return out


def bench_pyqtgraph(app, G, pos, frames: int) -> dict:
    import pyqtgraph as pg

    from linkview.chart.kinds import kind_style

    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}

    def load_plot():
        kinds = [G.nodes[n]["kind"] for n in nodes]
        brushes = {k: pg.mkBrush(kind_style(k).colour) for k in set(kinds)}
        e = np.array([(index[u], index[v]) for u, v in G.edges()], np.int64).reshape(-1, 2)
        xy = np.empty((2 * len(e), 2))
        xy[0::2], xy[1::2] = pos[e[:, 0]], pos[e[:, 1]]
        w = pg.PlotWidget(background="w")
        w.resize(W, H)
        w.setAspectLocked(True)
        curve = pg.PlotCurveItem(xy[:, 0], xy[:, 1], connect="pairs", pen=pg.mkPen((160, 167, 180)),
                                 antialias=False, skipFiniteCheck=True)
        scatter = pg.ScatterPlotItem(pos=pos, size=8, brush=[brushes[k] for k in kinds], pen=None,
                                     antialias=False)
        w.addItem(curve)
        w.addItem(scatter)
        w.show()
        w.grab()
        return w

    gc.collect()
    tracemalloc.start()
    traced = load_plot()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    traced.close()
    traced.deleteLater()
    app.processEvents()
    del traced
    gc.collect()
    rss0 = rss_mb()
    t0 = time.perf_counter()
    w = load_plot()
    load = time.perf_counter() - t0
    mem = rss_mb() - rss0
    vb = w.getViewBox()

    def full():
        w.grab()

    def pan():
        r = vb.viewRect()
        vb.translateBy(x=0.05 * r.width())
        w.grab()

    def zoom():
        vb.scaleBy((1 / 1.1, 1 / 1.1))
        w.grab()

    out = {"load": load, "full": timed(full, frames), "pan": timed(pan, frames), "zoom": timed(zoom, frames),
           "rss": mem, "py_peak": peak / 2**20}
    w.close()
    w.deleteLater()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--frames", type=int, default=10)
    ap.add_argument("--random-positions", action="store_true", help="skip the layout engine")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--screenshot", default="", help="save the 100k overview PNG here")
    args = ap.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; "
          f"{os.cpu_count()} cpus; {W}x{H} {os.environ.get('QT_QPA_PLATFORM')}")
    for n in (int(s) for s in args.sizes.split(",")):
        t0 = time.perf_counter()
        G, comm = make_graph(n)
        gen = time.perf_counter() - t0
        pos, how, layout_s = positions(G, comm, args.random_positions)
        print(f"\n== {n:,} entities, {G.number_of_edges():,} links (graph built in {gen:.2f} s; "
              f"positions: {how}, {layout_s:.2f} s)")
        r = bench_chartview(app, G, pos, args.frames)
        info, fit = r["info"], r["fit_info"]
        print(f"ChartView   state {r['state'] * 1000:7.1f} ms | load {r['load'] * 1000:7.1f} ms | "
              f"full {fmt(r['full'])} | pan {fmt(r['pan'])} | zoom {fmt(r['zoom'])} | "
              f"settle {fmt(r['settle'])} | RSS +{r['rss']:.0f} MB, py peak {r['py_peak']:.0f} MB")
        print(f"            first frame: {fit.mode}, {fit.nodes_drawn:,} entities, "
              f"{fit.edges_drawn:,}/{fit.edges_in_view:,} links drawn, {fit.labels_drawn} labels")
        total, k, med, worst, done = r["refine"]
        print(f"            refinement to {done.edges_drawn:,}/{done.edges_in_view:,} links: {total:.2f} s in "
              f"{k} slices (slice + frame: median {med * 1000:.1f} ms, max {worst * 1000:.1f} ms)")
        if args.screenshot and n == max(int(s) for s in args.sizes.split(",")):
            r["view"].grab().save(args.screenshot)
            print(f"            saved {args.screenshot}")
        r["view"].close()
        r["view"].deleteLater()
        del r
        app.processEvents()
        if not args.no_baseline:
            b = bench_pyqtgraph(app, G, pos, max(3, args.frames // 2))
            print(f"pyqtgraph   state       -    | load {b['load'] * 1000:7.1f} ms | full {fmt(b['full'])} | "
                  f"pan {fmt(b['pan'])} | zoom {fmt(b['zoom'])} | settle        -           | "
                  f"RSS +{b['rss']:.0f} MB, py peak {b['py_peak']:.0f} MB")
            app.processEvents()
        del info
        gc.collect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
