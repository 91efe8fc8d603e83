"""Measures that size and colour a chart, and their mapping to pixels and colours.

Measures (one number per entity, in chart order): ``degree`` (distinct neighbours on the chart),
``n_cases`` (cases the entity appears in), ``amount`` (sum of the ``amount`` of its edges, in and out,
whatever the currency), ``count`` (sum of the ``count`` of its edges: calls, transfers, rows) and
``community`` (a community number from a mapping, e.g. the result of an analysis; -1 when missing).
Edge measures: ``count`` and ``amount``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from linkview.chart.kinds import kind_style
from linkview.chart.state import ChartState

__all__ = ["MEASURES", "EDGE_MEASURES", "measure_values", "scale_sizes", "ramp_colours",
           "category_colours", "edge_widths", "NodeStyles", "node_styles", "hex_to_rgba", "PALETTE"]

MEASURES = ("degree", "n_cases", "amount", "count", "community")
EDGE_MEASURES = ("count", "amount")

#: categorical colours (communities), colour-blind friendly first
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02")
#: sequential ramp (low -> high), viridis-like
_RAMP = np.array([[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]], np.float64)


def hex_to_rgba(colour: str, alpha: int = 255) -> tuple[int, int, int, int]:
    c = colour.lstrip("#")
    if len(c) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16), alpha


def measure_values(state: ChartState, name: str, *, communities: Mapping[int, int] | None = None) -> np.ndarray:
    """One float per entity in chart order.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([(1, 2, "call", {"count": 3}), (1, 3, "call", {"count": 1})])
    >>> s = ChartState.from_graph(G, {1: (0, 0), 2: (1, 0), 3: (0, 1)})
    >>> measure_values(s, "degree").tolist(), measure_values(s, "count").tolist()
    ([2.0, 1.0, 1.0], [4.0, 3.0, 1.0])
    """
    n = len(state)
    if name == "degree":
        src, dst = state.edge_endpoints()
        if len(src) == 0:
            return np.zeros(n)
        a, b = np.minimum(src, dst), np.maximum(src, dst)
        pairs = np.sort(a * n + b)
        pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]]
        pa, pb = pairs // n, pairs % n
        loops = pa == pb
        return (np.bincount(pa, minlength=n) + np.bincount(pb[~loops], minlength=n)).astype(np.float64)
    if name == "n_cases":
        return np.fromiter((float(a.get("n_cases") or len(a.get("cases") or ())) for a in
                            (state.attrs_at(i) for i in range(n))), np.float64, n)
    if name in ("amount", "count"):
        src, dst = state.edge_endpoints()
        w = state.edge_attr_values(name, 0.0 if name == "amount" else 1.0)
        out = np.bincount(src, weights=w, minlength=n)
        loops = src == dst
        return out + np.bincount(dst[~loops], weights=w[~loops], minlength=n)
    if name == "community":
        comm = communities if communities is not None else (state.style.communities or {})
        return np.fromiter((float(comm.get(int(i), -1)) for i in state.ids.tolist()), np.float64, n)
    raise ValueError(f"unknown measure {name!r}; one of {MEASURES}")


def scale_sizes(values: np.ndarray, lo: float = 10.0, hi: float = 40.0) -> np.ndarray:
    """Pixel sizes from ``lo`` to ``hi``, area proportional to the value (square-root scale)."""
    v = np.sqrt(np.maximum(np.asarray(values, np.float64), 0.0))
    if len(v) == 0:
        return np.zeros(0, np.float32)
    top = v.max()
    if top <= 0:
        return np.full(len(v), lo, np.float32)
    return (lo + (hi - lo) * v / top).astype(np.float32)


def ramp_colours(values: np.ndarray) -> np.ndarray:
    """(n, 4) uint8 RGBA on a sequential ramp, log-scaled (measures are heavy-tailed)."""
    v = np.log1p(np.maximum(np.asarray(values, np.float64), 0.0))
    top = v.max() if len(v) else 0.0
    t = v / top if top > 0 else np.zeros_like(v)
    x = t * (len(_RAMP) - 1)
    i = np.minimum(x.astype(np.int64), len(_RAMP) - 2)
    f = (x - i)[:, None]
    rgb = _RAMP[i] * (1 - f) + _RAMP[i + 1] * f
    out = np.empty((len(v), 4), np.uint8)
    out[:, :3] = np.round(rgb)
    out[:, 3] = 255
    return out


def category_colours(codes: np.ndarray) -> np.ndarray:
    """(n, 4) uint8 RGBA from :data:`PALETTE` by category number; -1 (no category) is grey."""
    pal = np.array([hex_to_rgba(c) for c in PALETTE] + [hex_to_rgba("#b0b0b0")], np.uint8)
    c = np.asarray(codes, np.int64)
    idx = np.where(c < 0, len(PALETTE), c % len(PALETTE))
    return pal[idx]


def edge_widths(state: ChartState, by: str | None, lo: float = 1.0, hi: float = 4.0) -> np.ndarray:
    """Edge widths in pixels, log-scaled by ``count`` or ``amount``; all ``lo`` when ``by`` is None."""
    m = state.edge_count
    if by is None or m == 0:
        return np.full(m, lo, np.float32)
    if by not in EDGE_MEASURES:
        raise ValueError(f"unknown edge measure {by!r}; one of {EDGE_MEASURES}")
    v = np.log1p(np.maximum(state.edge_attr_values(by, 0.0 if by == "amount" else 1.0), 0.0))
    bottom, top = v.min(), v.max()
    if top <= bottom:
        return np.full(m, lo, np.float32)
    return (lo + (hi - lo) * (v - bottom) / (top - bottom)).astype(np.float32)


@dataclass
class NodeStyles:
    """What the canvas needs to draw every entity, in chart order."""

    size: np.ndarray                      # float32 pixels
    rgba: np.ndarray                      # (n, 4) uint8
    kind_code: np.ndarray                 # int16 index into ``kinds``
    kinds: list[str]                      # distinct kinds, in order of first appearance
    measure: np.ndarray | None = None     # the size measure's values (for hubs and the legend)
    size_range: tuple[float, float] | None = None
    colour_categories: list[tuple[str, tuple[int, int, int, int]]] = field(default_factory=list)
    colour_range: tuple[float, float] | None = None


def node_styles(state: ChartState, *, base_size: float = 14.0, lo: float = 10.0, hi: float = 40.0) -> NodeStyles:
    """Sizes, colours and kind codes for every entity from the chart style and overrides."""
    n = len(state)
    style = state.style
    kinds_list = state.kinds()
    kinds: dict[str, int] = {}
    kind_code = np.fromiter((kinds.setdefault(k, len(kinds)) for k in kinds_list), np.int16, n)
    kind_names = list(kinds)
    kind_rgba = np.array([hex_to_rgba(kind_style(k).colour) for k in kind_names], np.uint8).reshape(-1, 4)
    measure = None
    size_range = None
    if style.size_by:
        measure = measure_values(state, style.size_by)
        size = scale_sizes(measure, lo, hi)
        if n:
            size_range = (float(measure.min()), float(measure.max()))
    else:
        size = np.full(n, base_size, np.float32)
    categories: list[tuple[str, tuple[int, int, int, int]]] = []
    colour_range = None
    if style.colour_by == "kind" or n == 0:
        rgba = kind_rgba[kind_code] if n else np.zeros((0, 4), np.uint8)
    elif style.colour_by == "community":
        codes = measure_values(state, "community")
        rgba = category_colours(codes)
        uniq = np.unique(codes[codes >= 0]).astype(np.int64)
        categories = [(f"community {c}", tuple(int(x) for x in category_colours(np.array([c]))[0]))
                      for c in uniq[:12].tolist()]
    else:
        vals = measure_values(state, style.colour_by)
        rgba = ramp_colours(vals)
        colour_range = (float(vals.min()), float(vals.max()))
    rgba = np.array(rgba, np.uint8)
    if state.overrides:
        for node_id, ov in state.overrides.items():
            i = state.index_of(node_id)
            if "colour" in ov:
                rgba[i] = hex_to_rgba(str(ov["colour"]))
            if "size" in ov:
                size[i] = float(ov["size"])
    return NodeStyles(size=size, rgba=rgba, kind_code=kind_code, kinds=kind_names, measure=measure,
                      size_range=size_range, colour_categories=categories, colour_range=colour_range)
