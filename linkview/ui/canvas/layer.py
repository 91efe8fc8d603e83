"""The graphics item that shows a chart: a cached base image plus a per-frame overlay."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from linkview.ui.canvas.data import CanvasData
from linkview.ui.canvas.render import (
    BaseImage,
    LabelCache,
    Lod,
    RenderInfo,
    draw_lines,
    draw_symbols,
    place_labels,
    refine_base,
    render_base,
)
from linkview.ui.canvas.symbols import SymbolCache

__all__ = ["ChartLayer"]

SELECT_COLOUR = QColor(255, 140, 0)
HOVER_COLOUR = QColor(0, 120, 215)


def _device(pos: np.ndarray, T: QTransform) -> np.ndarray:
    out = np.empty((len(pos), 2))
    out[:, 0] = pos[:, 0] * T.m11() + T.m31()
    out[:, 1] = pos[:, 1] * T.m22() + T.m32()
    return out


class ChartLayer(QGraphicsObject):
    """Paints :class:`CanvasData` inside a pyqtgraph ViewBox (item coordinates = chart coordinates).

    The base image covers the visible rect plus a margin at the current zoom. While the view moves,
    the stale image is blitted (translated, or scaled when zooming) and a re-render is scheduled for
    when the movement settles; small charts whose render is cheap re-render at once. An overview
    render is completed by refinement slices from a zero-delay timer (see render.py).
    """

    rendered = Signal()      # a render or a refinement slice finished (the view updates its status)

    MARGIN = 0.12            # fraction of the view added on each side of the base image
    SETTLE_MS = 90           # re-render this long after the view stopped moving
    SYNC_SECONDS = 0.012     # re-render at once when the last render was this fast

    def __init__(self, view_rect: Callable[[], QRectF], parent=None):
        super().__init__(parent)
        self._view_rect = view_rect
        self.data: CanvasData | None = None
        self.lod = Lod()
        self.symbols = SymbolCache()
        self.font = QFont()
        self.font.setPointSizeF(8.0)
        self.labels = LabelCache(self.font)
        self._base: BaseImage | None = None
        self._valid = False
        self._bounds = QRectF(-1, -1, 2, 2)
        self.exclude: np.ndarray | None = None         # entities being dragged (drawn in the overlay)
        self.drag_offset = np.zeros(2)
        self.hover: int | None = None                   # chart index
        self.selected_nodes = np.empty(0, np.int64)
        self.selected_edges = np.empty(0, np.int64)
        self.annotations: dict[int, str] = {}           # chart index -> text
        self.last_render: RenderInfo = RenderInfo()
        self.render_count = 0
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(self.SETTLE_MS)
        self._settle.timeout.connect(self._on_settle_timeout)
        self._refine = QTimer(self)
        self._refine.setSingleShot(True)
        self._refine.setInterval(0)
        self._refine.timeout.connect(self._on_refine_timeout)
        self._force = False
        self.setFlag(QGraphicsObject.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    # -- data ------------------------------------------------------------------------------------
    def set_data(self, data: CanvasData | None) -> None:
        self.data = data
        self.update_bounds()
        self.invalidate()

    def update_bounds(self) -> None:
        self.prepareGeometryChange()
        b = self.data.bounds() if self.data is not None else None
        if b is None:
            self._bounds = QRectF(-1, -1, 2, 2)
        else:
            w, h = max(b[2] - b[0], 1e-6), max(b[3] - b[1], 1e-6)
            pad = 10 * max(w, h)
            self._bounds = QRectF(b[0] - pad, b[1] - pad, w + 2 * pad, h + 2 * pad)

    def invalidate(self) -> None:
        """The data changed: the next paint renders the base again."""
        self._valid = False
        self._refine.stop()
        self.update()

    @property
    def base(self) -> BaseImage | None:
        return self._base

    # -- QGraphicsItem -------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.data is None:
            return
        T = self._paint_transform(painter)
        sx, sy = T.m11(), T.m22()
        if sx <= 0 or sy <= 0 or not math.isfinite(sx * sy):
            return
        view = self._view_rect()
        base = self._base
        fits = (base is not None and self._valid and base.same_scale(sx, sy)
                and base.rect().contains(view))
        if not fits:
            quick = self.last_render.seconds <= self.SYNC_SECONDS
            if base is None or not self._valid or self._force or quick:
                self._render(view, sx, sy)
                base = self._base
                self._force = False
            else:
                self._refine.stop()
                self._settle.start()
        assert base is not None
        painter.save()
        if base.same_scale(sx, sy):
            p0 = T.map(QPointF(base.x0, base.y0))
            self._device_coordinates(painter)
            painter.drawImage(QPointF(round(p0.x()), round(p0.y())), base.image)
        else:
            painter.drawImage(base.rect(), base.image)
        painter.restore()
        self._paint_overlay(painter, T)

    @staticmethod
    def _paint_transform(painter: QPainter) -> QTransform:
        """Item coordinates -> the pixels of the coordinates set by ``_device_coordinates``.

        Not ``deviceTransform()``: when the view sits inside a window (docks, toolbars) that one
        also carries the widget's offset in the window's backing store, which ``resetTransform()``
        keeps applying, so the picture would be shifted by that offset a second time.
        """
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        return painter.combinedTransform() * QTransform.fromScale(dpr, dpr)

    @staticmethod
    def _device_coordinates(painter: QPainter) -> None:
        """Make painter coordinates device pixels (what deviceTransform() maps to), also on HiDPI
        screens where Qt scales logical coordinates by the device pixel ratio."""
        painter.resetTransform()
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        if dpr != 1.0:
            painter.scale(1.0 / dpr, 1.0 / dpr)

    def _render(self, view: QRectF, sx: float, sy: float) -> None:
        m = self.MARGIN
        x0, y0 = view.left() - m * view.width(), view.top() - m * view.height()
        w = max(1, int(math.ceil(view.width() * (1 + 2 * m) * sx)))
        h = max(1, int(math.ceil(view.height() * (1 + 2 * m) * sy)))
        base = self._base
        if base is None or base.w != w or base.h != h:
            base = BaseImage(w, h, x0, y0, sx, sy)
        else:
            base.x0, base.y0, base.sx, base.sy = x0, y0, sx, sy
        t0 = time.perf_counter()
        info = render_base(base, self.data, self.symbols, self.labels, self.lod, exclude=self.exclude,
                           annotations=self.annotations)
        info.seconds = time.perf_counter() - t0
        self._base = base
        self._valid = True
        self.last_render = info
        self.render_count += 1
        self.rendered.emit()
        if len(base.pending):
            self._refine.start()
        else:
            self._refine.stop()

    def _on_refine_timeout(self) -> None:
        if self.refine_step():
            self._refine.start()

    def refine_step(self) -> bool:
        """Add one slice of edges to an overview render; True while more remain."""
        base = self._base
        if base is None or not self._valid or self.data is None:
            return False
        more = refine_base(base, self.data, self.lod)
        self.last_render = base.info
        self.update()
        self.rendered.emit()
        return more

    @property
    def refining(self) -> bool:
        """True while an overview render is still adding edges."""
        return self._refine.isActive()

    def finish_refinement(self) -> None:
        """Draw every remaining edge now (tests, exports)."""
        self._refine.stop()
        while self.refine_step():
            pass

    def _on_settle_timeout(self) -> None:
        self._force = True
        self.update()

    def render_now(self) -> None:
        """Drop the cached image so the next paint renders it again (synchronously)."""
        self._valid = False
        self._force = True
        self.update()

    # -- overlay ---------------------------------------------------------------------------------
    def _paint_overlay(self, painter: QPainter, T: QTransform) -> None:
        d = self.data
        assert d is not None
        painter.save()
        self._device_coordinates(painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.exclude is not None and self.exclude.any():
            self._paint_drag(painter, T)
        if len(self.selected_edges):
            e = self.selected_edges
            lines = np.empty((len(e), 4))
            lines[:, :2] = _device(d.pos[d.src[e]], T)
            lines[:, 2:] = _device(d.pos[d.dst[e]], T)
            painter.setPen(QPen(SELECT_COLOUR, 3.0))
            draw_lines(painter, lines)
        sel = self.selected_nodes
        if len(sel):
            sel = sel[d.visible[sel]]
            px = _device(d.pos[sel], T)
            if self.exclude is not None:
                px[self.exclude[sel]] += self.drag_offset * (T.m11(), T.m22())
            r = d.size[sel] / 2 + 4 if self.last_render.mode == "detail" else d.dot_radius[sel] + 4.0
            painter.setPen(QPen(SELECT_COLOUR, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for j in range(min(len(sel), 5000)):
                painter.drawEllipse(QPointF(px[j, 0], px[j, 1]), float(r[j]), float(r[j]))
            if len(sel) <= 300 and (self.last_render.mode != "detail" or
                                    self.last_render.labels_drawn < self.last_render.nodes_in_view):
                full = np.zeros((d.n, 2))
                full[sel] = px
                for p, im in place_labels(d, full, sel, self.labels):
                    painter.drawImage(p, im)
        if self.hover is not None and self.hover < d.n and d.visible[self.hover]:
            p = _device(d.pos[[self.hover]], T)[0]
            r = d.size[self.hover] / 2 + 6 if self.last_render.mode == "detail" else 7.0
            painter.setPen(QPen(HOVER_COLOUR, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(p[0], p[1]), float(r), float(r))
        painter.restore()

    def _paint_drag(self, painter: QPainter, T: QTransform) -> None:
        d = self.data
        assert d is not None and self.exclude is not None
        moving = np.flatnonzero(self.exclude & d.visible)
        px = _device(d.pos, T)
        off = self.drag_offset * (T.m11(), T.m22())
        e = np.flatnonzero((self.exclude[d.src] | self.exclude[d.dst]) & d.visible[d.src] & d.visible[d.dst])
        if len(e):
            a, b = px[d.src[e]].copy(), px[d.dst[e]].copy()
            a[self.exclude[d.src[e]]] += off
            b[self.exclude[d.dst[e]]] += off
            painter.setPen(QPen(QColor(140, 150, 170), 1.0))
            draw_lines(painter, np.hstack([a, b]))
        draw_symbols(painter, d, px, moving, self.symbols, offset=off)
