"""Drawing a chart into an image, with level of detail and progressive refinement.

The canvas never creates one graphics item per entity. It renders the chart into a numpy-backed
QImage (the *base*: edges, entities, labels), caches it, and blits it while the view pans or zooms;
the selection, hover and dragged entities are drawn over it each frame (the *overlay*).

Level of detail, decided from the number of visible entities in the rendered area:

- *overview* (more than ``detail_max_nodes``): entities are rasterised as dots straight into the
  image with numpy; edges are 1-pixel lines without antialiasing, drawn in a fixed priority order
  (strongest first, ties in a stable pseudo-random order). Qt's line drawing costs about 25 ns per
  pixel, so a 200,000-edge hairball (tens of millions of pixels) cannot be drawn in one frame: the
  first pass draws edges for ``first_edge_seconds`` (a measured cost model turns that into a pixel
  budget), then :func:`refine_base` adds more in slices of ``slice_edge_seconds`` from a timer
  until every edge in view is drawn (or ``refine_max_seconds`` is spent). New edges are drawn over
  the image and the entity dots (kept as a list of pixel writes) and hub labels (opaque) are put
  back over them, which gives exactly the layering of a complete render. Only the largest hubs
  (and, in the overlay, the selection) get labels.
- *detail*: symbols by kind (shape, colour, size), edges by kind colour and width, antialiasing
  when few, arrowheads when zoomed in, and labels for every visible entity when few enough are in
  view (most important first, skipping those that would overlap).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import shiboken6
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen

from linkview.ui.canvas.data import CanvasData
from linkview.ui.canvas.symbols import SymbolCache

__all__ = ["Lod", "RenderInfo", "BaseImage", "LabelCache", "render_base", "refine_base", "draw_lines",
           "place_labels", "draw_symbols", "project"]

BACKGROUND = 0xFFFFFFFF
OVERVIEW_EDGE = QColor(186, 193, 205)


@dataclass
class Lod:
    """Thresholds of the level of detail (numbers of entities in the rendered area) and time budgets."""

    detail_max_nodes: int = 2500       # above: overview (dots, thin edges, hub labels only)
    label_all_max: int = 400           # at or below (in detail): every visible entity may get a label
    hub_labels: int = 25               # labels for the biggest entities otherwise
    arrow_max_nodes: int = 500         # arrowheads only when this few entities are in view
    styled_max_edges: int = 4000      # detail: kind colours and widths at or below, thin grey lines above
    antialias_max_edges: int = 1200
    first_edge_seconds: float = 0.030  # edge drawing in the first pass, at most ...
    first_edge_per_node: float = 2.5e-7  # ... and 4 ms plus this per entity in view (small charts stay
    first_edge_base: float = 0.004       # within a 15 ms frame; refinement adds the rest)
    slice_edge_seconds: float = 0.008  # overview: edge drawing per refinement slice
    refine_max_seconds: float = 4.0    # overview: stop refining after this much edge drawing
    edge_line_cost: float = 12.0       # cost of one line in pixels-equivalent (fixed overhead)


@dataclass
class RenderInfo:
    mode: str = "empty"
    nodes_in_view: int = 0
    nodes_drawn: int = 0
    symbols_drawn: int = 0
    edges_in_view: int = 0
    edges_drawn: int = 0
    arrows_drawn: int = 0
    labels_drawn: int = 0
    seconds: float = 0.0

    @property
    def edges_fraction(self) -> float:
        return 1.0 if self.edges_in_view == 0 else self.edges_drawn / self.edges_in_view


class _EdgeCost:
    """Seconds per pixel-equivalent of Qt line drawing, measured as we go (the machine may be busy)."""

    def __init__(self, rate: float = 25e-9):
        self.rate = rate

    def observe(self, seconds: float, cost: float) -> None:
        if cost > 2e5:
            self.rate = 0.6 * self.rate + 0.4 * min(max(seconds / cost, 2e-9), 2e-7)

    def units(self, seconds: float) -> float:
        return seconds / self.rate


EDGE_COST = _EdgeCost()


class BaseImage:
    """An RGB32 image over a numpy buffer, covering data rect (x0, y0, w/sx, h/sy) at scale (sx, sy).

    In overview mode it also keeps the entity dots and hub labels and the edges still to draw, so
    :func:`refine_base` can add edges and put the dots and labels back on top.
    """

    def __init__(self, w: int, h: int, x0: float, y0: float, sx: float, sy: float):
        self.buf = np.empty((h, w), np.uint32)
        self.image = QImage(self.buf.data, w, h, 4 * w, QImage.Format.Format_RGB32)
        self.w, self.h, self.x0, self.y0, self.sx, self.sy = w, h, x0, y0, sx, sy
        self.info = RenderInfo()
        self.pending = np.empty(0, np.int64)
        self.pending_cost = np.empty(0)
        self.px: np.ndarray | None = None
        self.dots: tuple[np.ndarray, np.ndarray] = (np.empty(0, np.int64), np.empty(0, np.uint32))
        self.label_ops: list[tuple[QPointF, QImage]] = []
        self.refine_spent = 0.0
        self.compose_seconds = 0.0
        self.nodes = np.empty(0, np.int64)
        self.symbols: SymbolCache | None = None
        self.annotations: dict[int, str] = {}
        self.font: QFont | None = None
        self.notes = False
        self.styled_edges = False
        self.antialias = False
        self.arrows = False

    def rect(self) -> QRectF:
        return QRectF(self.x0, self.y0, self.w / self.sx, self.h / self.sy)

    def same_scale(self, sx: float, sy: float) -> bool:
        return abs(self.sx - sx) <= 1e-9 * abs(sx) and abs(self.sy - sy) <= 1e-9 * abs(sy)


class LabelCache:
    """Pre-rendered label images (text on a white box, translucent or opaque), keyed by text."""

    def __init__(self, font: QFont, limit: int = 20000):
        self.font = font
        self.metrics = QFontMetrics(font)
        self._cache: dict[tuple[str, bool], QImage] = {}
        self._limit = limit

    def get(self, text: str, opaque: bool = False) -> QImage:
        img = self._cache.get((text, opaque))
        if img is None:
            if len(self._cache) >= self._limit:
                self._cache.clear()
            fm = self.metrics
            img = QImage(fm.horizontalAdvance(text) + 4, fm.height(), QImage.Format.Format_ARGB32_Premultiplied)
            img.fill(QColor(255, 255, 255, 255 if opaque else 205))
            p = QPainter(img)
            p.setFont(self.font)
            p.setPen(QColor(30, 30, 30))
            p.drawText(QPointF(2, fm.ascent()), text)
            p.end()
            self._cache[(text, opaque)] = img
        return img


def project(pos: np.ndarray, x0: float, y0: float, sx: float, sy: float) -> np.ndarray:
    """(n, 2) data positions -> float64 pixel positions."""
    out = np.empty((len(pos), 2), np.float64)
    np.subtract(pos[:, 0], x0, out=out[:, 0])
    out[:, 0] *= sx
    np.subtract(pos[:, 1], y0, out=out[:, 1])
    out[:, 1] *= sy
    return out


def draw_lines(painter: QPainter, lines: np.ndarray) -> None:
    """Draw (k, 4) float64 x1 y1 x2 y2 rows in one call, without building k QLineF objects."""
    lines = np.ascontiguousarray(lines, np.float64)
    if len(lines):
        painter.drawLines(shiboken6.wrapInstance(lines.ctypes.data, QLineF), len(lines))


#: pixel offsets of the overview dot of each level
DOT_SHAPES = {
    1: [(0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)],
    2: [(dx, dy) for dy in (-1, 0, 1) for dx in (-1, 0, 1)],
    3: [(dx, dy) for dy in range(-2, 3) for dx in range(-2, 3) if dx * dx + dy * dy <= 5],
}


def _dot_pixels(w: int, h: int, xy: np.ndarray, level: np.ndarray, colour: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """Flat pixel indices and colours of the overview dots (level 1 first, so hubs end on top).
    Dots wholly inside are done with one broadcast add per level; the few at the border one offset
    at a time."""
    idx_parts, col_parts = [], []
    x_all, y_all = xy[:, 0].astype(np.int32), xy[:, 1].astype(np.int32)
    for r in sorted(set(DOT_SHAPES) | {int(level.max())} if len(level) else ()):
        sel = level == r
        if not sel.any():
            continue
        x, y, c = x_all[sel], y_all[sel], colour[sel]
        offs = DOT_SHAPES.get(r, DOT_SHAPES[3])
        reach = max(max(abs(dx), abs(dy)) for dx, dy in offs)
        flat_offs = np.array([dy * w + dx for dx, dy in offs], np.int32)
        inner = (x >= reach) & (x < w - reach) & (y >= reach) & (y < h - reach)
        base = y[inner] * np.int32(w) + x[inner]
        idx_parts.append((base[:, None] + flat_offs[None, :]).reshape(-1))
        col_parts.append(np.repeat(c[inner], len(flat_offs)))
        border = ~inner & (x >= -reach) & (x < w + reach) & (y >= -reach) & (y < h + reach)
        xb, yb, cb = x[border], y[border], c[border]
        for dx, dy in offs if len(xb) else ():
            xx, yy = xb + dx, yb + dy
            ok = (xx >= 0) & (xx < w) & (yy >= 0) & (yy < h)
            idx_parts.append(yy[ok] * np.int32(w) + xx[ok])
            col_parts.append(cb[ok])
    if not idx_parts:
        return np.empty(0, np.int32), np.empty(0, np.uint32)
    return np.concatenate(idx_parts), np.concatenate(col_parts)


def _edge_candidates(d: CanvasData, px: np.ndarray, w: int, h: int, exclude: np.ndarray | None,
                     min_len: float) -> tuple[np.ndarray, np.ndarray]:
    """Indices (in priority order) of edges to draw in a w x h image, and their pixel lengths."""
    if d.m == 0:
        return np.empty(0, np.int64), np.empty(0)
    order, s, t = d.edge_order, d.src_o, d.dst_o
    ok = d.evis_o.copy()
    if exclude is not None:
        ok &= ~(exclude[s] | exclude[t])
    x1, y1, x2, y2 = px[s, 0], px[s, 1], px[t, 0], px[t, 1]
    ok &= (np.minimum(x1, x2) <= w) & (np.maximum(x1, x2) >= 0) & (np.minimum(y1, y2) <= h) & (np.maximum(y1, y2) >= 0)
    length = np.maximum(np.abs(x2 - x1), np.abs(y2 - y1))
    ok &= length >= min_len
    # a line's drawn length is at most the image's extent
    return order[ok], np.minimum(length[ok], float(w + h))


def render_base(img: BaseImage, d: CanvasData, symbols: SymbolCache, labels: LabelCache, lod: Lod,
                exclude: np.ndarray | None = None, annotations: dict[int, str] | None = None) -> RenderInfo:
    """Draw edges, entities and labels of ``d`` into ``img``; ``exclude`` masks entities being dragged.
    Edges are drawn for at most ``lod.first_edge_seconds``; :func:`refine_base` adds the rest."""
    t0 = time.perf_counter()
    info = RenderInfo()
    img.info = info
    img.pending = np.empty(0, np.int64)
    img.label_ops = []
    img.refine_spent = 0.0
    img.buf.fill(BACKGROUND)
    if d.n == 0:
        return info
    w, h = img.w, img.h
    px = project(d.pos, img.x0, img.y0, img.sx, img.sy)
    img.px = px
    pad = 24.0
    inview = d.visible & (px[:, 0] >= -pad) & (px[:, 0] <= w + pad) & (px[:, 1] >= -pad) & (px[:, 1] <= h + pad)
    if exclude is not None:
        inview &= ~exclude
    nodes = np.flatnonzero(inview)
    info.nodes_in_view = len(nodes)
    detail = len(nodes) <= lod.detail_max_nodes
    info.mode = "detail" if detail else "overview"
    img.nodes, img.symbols, img.annotations, img.font = nodes, symbols, annotations or {}, labels.font
    edges, length = _edge_candidates(d, px, w, h, exclude, 0.0 if detail else 1.5)
    info.edges_in_view = len(edges)
    if detail:
        # widths and kind colours while few enough edges to read them; thin lines otherwise
        img.styled_edges = len(edges) <= lod.styled_max_edges
        img.antialias = len(edges) <= lod.antialias_max_edges
        img.arrows = len(nodes) <= lod.arrow_max_nodes
        if img.styled_edges:
            length = length * (np.maximum(d.edge_width[edges], 1.0) * 1.5)
    img.pending, img.pending_cost = edges, length + lod.edge_line_cost
    _draw_pending(img, d, min(lod.first_edge_seconds, lod.first_edge_base + lod.first_edge_per_node * len(nodes)))
    if detail:
        info.symbols_drawn = info.nodes_drawn = len(nodes)
        img.label_ops = place_labels(d, px, nodes, labels, opaque=True,
                                     limit=None if len(nodes) <= lod.label_all_max else lod.hub_labels)
        img.notes = len(nodes) <= lod.label_all_max
    else:
        xy = px[nodes].astype(np.int64)
        img.dots = _dot_pixels(w, h, xy, d.dot_radius[nodes], d.argb[nodes])
        info.nodes_drawn = len(nodes)
        img.label_ops = place_labels(d, px, nodes, labels, limit=lod.hub_labels, opaque=True)
    info.labels_drawn = len(img.label_ops)
    t1 = time.perf_counter()
    compose(img, d)
    img.compose_seconds = time.perf_counter() - t1
    info.seconds = time.perf_counter() - t0
    return info


def _draw_pending(img: BaseImage, d: CanvasData, seconds: float) -> None:
    """Draw the next pending edges (in priority order) for about ``seconds``."""
    if len(img.pending) == 0:
        return
    cum = np.cumsum(img.pending_cost)
    k = max(1, int(np.searchsorted(cum, EDGE_COST.units(seconds), side="right")))
    edges = img.pending[:k]
    assert img.px is not None
    painter = QPainter(img.image)
    t0 = time.perf_counter()
    if img.info.mode == "overview" or not img.styled_edges:
        lines = np.empty((len(edges), 4))
        lines[:, :2] = img.px[d.src[edges]]
        lines[:, 2:] = img.px[d.dst[edges]]
        pen = QPen(OVERVIEW_EDGE)
        pen.setWidth(0)
        painter.setPen(pen)
        draw_lines(painter, lines)
    else:
        _draw_detail_edges(painter, d, img.px, edges, img.antialias)
    if img.info.mode == "detail" and img.arrows:
        img.info.arrows_drawn += _draw_arrows(painter, d, img.px, edges, img.w, img.h)
    painter.end()
    spent = time.perf_counter() - t0
    EDGE_COST.observe(spent, float(cum[k - 1]))
    img.refine_spent += spent
    img.pending, img.pending_cost = img.pending[k:], img.pending_cost[k:]
    img.info.edges_drawn += len(edges)


def compose(img: BaseImage, d: CanvasData) -> None:
    """Put the entities (dots or symbols) and the opaque labels back over the edges drawn so far."""
    if img.info.mode == "overview":
        idx, col = img.dots
        img.buf.reshape(-1)[idx] = col
        if not img.label_ops:
            return
    painter = QPainter(img.image)
    try:
        if img.info.mode == "detail":
            assert img.px is not None and img.symbols is not None
            draw_symbols(painter, d, img.px, img.nodes, img.symbols)
        for p, im in img.label_ops:
            painter.drawImage(p, im)
        if img.info.mode == "detail" and img.notes and img.annotations:
            _draw_notes(painter, d, img.px, img.nodes, img.annotations, img.font)
    finally:
        painter.end()


def refine_base(img: BaseImage, d: CanvasData, lod: Lod) -> bool:
    """Draw one more slice of edges and put entities and labels back; True while edges remain."""
    if len(img.pending) == 0 or img.refine_spent >= lod.refine_max_seconds:
        return False
    t0 = time.perf_counter()
    # composing costs about as much as the entities; draw at least as long so slices are not all overhead
    _draw_pending(img, d, max(lod.slice_edge_seconds, img.compose_seconds))
    t1 = time.perf_counter()
    compose(img, d)
    img.compose_seconds = time.perf_counter() - t1
    img.info.seconds += time.perf_counter() - t0
    return len(img.pending) > 0 and img.refine_spent < lod.refine_max_seconds


def _draw_detail_edges(painter: QPainter, d: CanvasData, px: np.ndarray, edges: np.ndarray,
                       antialias: bool = True) -> int:
    """Edges with their kind's colour and measure width, grouped by pen."""
    if len(edges) == 0:
        return 0
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
    width = np.round(d.edge_width[edges] * 2) / 2
    code = d.edge_kind_code[edges]
    group = np.lexsort((width, code))
    edges, width, code = edges[group], width[group], code[group]
    lines = np.empty((len(edges), 4))
    lines[:, :2] = px[d.src[edges]]
    lines[:, 2:] = px[d.dst[edges]]
    keys = code.astype(np.float64) * 100 + width
    cuts = np.flatnonzero(np.diff(keys)) + 1
    for a, b in zip(np.r_[0, cuts], np.r_[cuts, len(edges)], strict=True):
        pen = QPen(QColor(*d.edge_rgba[int(code[a])]))
        pen.setWidthF(float(width[a]))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if d.EDGE_KINDS[int(code[a])] == "candidate":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        draw_lines(painter, lines[a:b])
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    return len(edges)


def _draw_arrows(painter: QPainter, d: CanvasData, px: np.ndarray, edges: np.ndarray, w: int, h: int) -> int:
    """Open arrowheads (two short strokes) at the target end of edges long enough to show one,
    when the target is in the image."""
    if len(edges) == 0:
        return 0
    s, t = d.src[edges], d.dst[edges]
    vec = px[t] - px[s]
    length = np.hypot(vec[:, 0], vec[:, 1])
    back = d.size[t] / 2 + 1.5
    arrow = 7.0 + 1.5 * d.edge_width[edges]
    tx, ty = px[t, 0], px[t, 1]
    idx = np.flatnonzero((length > back + 2.5 * arrow) & (s != t) & (tx >= 0) & (tx < w) & (ty >= 0) & (ty < h))
    if len(idx) == 0:
        return 0
    u = vec[idx] / length[idx, None]
    tip = px[t[idx]] - u * back[idx, None]
    base = tip - u * arrow[idx, None]
    perp = np.column_stack([-u[:, 1], u[:, 0]]) * (arrow[idx, None] * 0.5)
    lines = np.empty((2 * len(idx), 4))
    lines[0::2, :2] = tip
    lines[0::2, 2:] = base + perp
    lines[1::2, :2] = tip
    lines[1::2, 2:] = base - perp
    codes = np.repeat(d.edge_kind_code[edges[idx]], 2)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for code in np.unique(codes).tolist():
        pen = QPen(QColor(*d.edge_rgba[code]).darker(135), 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        draw_lines(painter, lines[codes == code])
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    return len(idx)


def draw_symbols(painter: QPainter, d: CanvasData, px: np.ndarray, nodes: np.ndarray, symbols: SymbolCache,
                 offset: np.ndarray | None = None) -> int:
    """Kind symbols for ``nodes``: one ``drawPixmapFragments`` call per distinct symbol, smallest
    first so hubs stay on top."""
    if len(nodes) == 0:
        return 0
    xy = px[nodes] if offset is None else px[nodes] + offset
    size_q = np.maximum(4, 2 * np.round(d.size[nodes] / 2)).astype(np.int64)
    kind, argb, pinned = d.kind_code[nodes], d.argb[nodes], d.pinned[nodes]
    order = np.lexsort((pinned, argb, kind, size_q))
    keys = np.column_stack([size_q[order], kind[order], argb[order], pinned[order]])
    cuts = np.flatnonzero((keys[1:] != keys[:-1]).any(axis=1)) + 1
    ks = d.kind_styles
    frag_type = QPainter.PixmapFragment
    for a, b in zip(np.r_[0, cuts].tolist(), np.r_[cuts, len(order)].tolist(), strict=True):
        j = order[a]
        rgba = tuple(d.rgba[nodes[j]].tolist())
        pm = symbols.get(ks[int(kind[j])], rgba, float(size_q[j]), bool(pinned[j]))
        frags = np.empty((b - a, 10), np.float64)
        frags[:, 0:2] = xy[order[a:b]]            # centre of the target
        frags[:, 2:6] = (0.0, 0.0, pm.width(), pm.height())
        frags[:, 6:10] = (1.0, 1.0, 0.0, 1.0)     # scale x, scale y, rotation, opacity
        painter.drawPixmapFragments(shiboken6.wrapInstance(frags.ctypes.data, frag_type), b - a, pm)
    return len(nodes)


def _shorten(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def place_labels(d: CanvasData, px: np.ndarray, nodes: np.ndarray, labels: LabelCache,
                 limit: int | None = None, opaque: bool = False) -> list[tuple[QPointF, QImage]]:
    """Where to draw label images under ``nodes``: most important first, skipping any that would
    overlap one already placed; at most ``limit`` of them (None: no limit)."""
    if len(nodes) == 0 or limit == 0:
        return []
    if limit is not None and len(nodes) > 8 * limit:
        mask = np.zeros(d.n, bool)
        mask[nodes] = True
        nodes = d.hub_order[mask[d.hub_order]][: limit * 4]       # the most important, no sort needed
    else:
        nodes = nodes[np.argsort(d.hub_rank()[nodes], kind="stable")]
        if limit is not None:
            nodes = nodes[: limit * 4]
    cell = 32.0
    taken: dict[tuple[int, int], list[QRectF]] = {}
    ops: list[tuple[QPointF, QImage]] = []
    xs, ys, size = px[nodes, 0].tolist(), px[nodes, 1].tolist(), d.size[nodes].tolist()
    for j, i in enumerate(nodes.tolist()):
        text = _shorten(d.labels[i])
        if not text:
            continue
        im = labels.get(text, opaque)
        x, y = xs[j] - im.width() / 2, ys[j] + size[j] / 2 + 1
        r = QRectF(x, y, im.width(), im.height())
        cells = [(cx, cy) for cx in range(int(r.left() // cell), int(r.right() // cell) + 1)
                 for cy in range(int(r.top() // cell), int(r.bottom() // cell) + 1)]
        if any(r.intersects(o) for c in cells for o in taken.get(c, ())):
            continue
        for c in cells:
            taken.setdefault(c, []).append(r)
        ops.append((QPointF(x, y), im))
        if limit is not None and len(ops) >= limit:
            break
    return ops


def _draw_notes(painter: QPainter, d: CanvasData, px: np.ndarray, nodes: np.ndarray,
                annotations: dict[int, str], font: QFont) -> None:
    """Annotations as small yellow notes to the upper right of their entity."""
    fm = QFontMetrics(font)
    inview = set(nodes.tolist())
    painter.setFont(font)
    for i, text in annotations.items():
        if i not in inview:
            continue
        t = _shorten(text, 40)
        tw = fm.horizontalAdvance(t)
        x, y = px[i, 0] + d.size[i] / 2 + 4, px[i, 1] - d.size[i] / 2 - fm.height() - 2
        r = QRectF(x, y, tw + 8, fm.height() + 4)
        painter.setPen(QColor(200, 170, 40))
        painter.setBrush(QColor(255, 243, 176))
        painter.drawRect(r)
        painter.setPen(QColor(60, 50, 0))
        painter.drawText(QPointF(x + 4, y + 2 + fm.ascent()), t)
