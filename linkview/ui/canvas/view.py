"""ChartView: the chart canvas widget, bound to a ChartState.

The view listens to the state and never owns the truth: every gesture that changes the chart
becomes a command pushed on ``state.undo_stack`` (drag -> Move, context menu -> Hide/Pin/Unpin);
selection goes straight to ``state.select`` (not undoable, see :mod:`linkview.chart.state`).

Mouse: click selects (ctrl-click toggles), click on empty space clears; drag an entity to move it
(the selection moves with it; moved entities are pinned); drag empty space to pan, wheel to zoom;
ctrl+drag (or any drag in selection mode) draws a rubber band; double-click asks to expand;
right-click opens the context menu. Keys: Escape clears the selection, Ctrl+A selects all.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QKeyEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QMenu, QToolTip, QVBoxLayout, QWidget

from linkview.chart.commands import Hide, Move, Pin, Show, Unpin
from linkview.chart.kinds import kind_style
from linkview.chart.state import (
    ANNOTATIONS_CHANGED,
    NODES_ADDED,
    NODES_REMOVED,
    PINS_CHANGED,
    POSITIONS_CHANGED,
    SELECTION_CHANGED,
    STYLE_CHANGED,
    VISIBILITY_CHANGED,
    ChartEvent,
    ChartState,
)
from linkview.ui.canvas.data import CanvasData
from linkview.ui.canvas.layer import ChartLayer
from linkview.ui.canvas.legend import ChartLegend
from linkview.ui.canvas.render import RenderInfo

__all__ = ["ChartView"]


class _ChartViewBox(pg.ViewBox):
    """A ViewBox that hands clicks and drags to the ChartView first (pan/zoom otherwise)."""

    def __init__(self, owner: ChartView):
        super().__init__(lockAspect=True, invertY=True, enableMenu=False, defaultPadding=0.05)
        self._owner = owner

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (pyqtgraph API)
        if not self._owner._on_viewbox_clicked(ev):
            super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802 (pyqtgraph API)
        if not self._owner._on_viewbox_dragged(ev):
            super().mouseDragEvent(ev, axis)


class ChartView(QWidget):
    """A pyqtgraph canvas drawing a :class:`ChartState` with level of detail (see render.py)."""

    selection_changed = Signal(object)     # linkview.chart.Selection
    expand_requested = Signal(list)        # entity ids
    node_activated = Signal(int)           # entity id clicked (the inspector follows it)
    hover_changed = Signal(object)         # entity id under the mouse, or None

    HIT_SLOP = 3.0                          # pixels around a symbol that still hit it

    def __init__(self, state: ChartState | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._state: ChartState | None = None
        self._unsubscribe = None
        self.data: CanvasData | None = None
        self._hover: int | None = None
        self._drag_ids: list[int] = []
        self._band_start: QPointF | None = None
        self._select_mode = False
        self._press_modifiers = Qt.KeyboardModifier.NoModifier
        self.context_menu: QMenu | None = None
        self._init_view()
        self._init_overlays()
        self._connect_signals()
        if state is not None:
            self.set_state(state)

    # ================================================================ construction
    def _init_view(self) -> None:
        self.graphics = pg.GraphicsView(self, background="w")
        self.graphics.setAntialiasing(False)
        self.viewbox = _ChartViewBox(self)
        self.viewbox.disableAutoRange()
        self.graphics.setCentralItem(self.viewbox)
        self.layer = ChartLayer(self.viewbox.viewRect)
        self.viewbox.addItem(self.layer, ignoreBounds=True)
        self.band = QGraphicsRectItem()
        pen = QPen(QColor(0, 120, 215), 1.0)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.band.setPen(pen)
        self.band.setBrush(QColor(0, 120, 215, 40))
        self.band.setZValue(1e9)
        self.band.hide()
        self.viewbox.addItem(self.band, ignoreBounds=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _init_overlays(self) -> None:
        self.legend = ChartLegend(self)
        self.legend.move(8, 8)
        self.status = QLabel(self)
        self.status.setStyleSheet("QLabel { color: #555; background: rgba(255,255,255,200); font-size: 8pt;"
                                  " padding: 1px 4px; }")

    def _connect_signals(self) -> None:
        self.graphics.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.graphics.viewport().installEventFilter(self)
        self.viewbox.sigRangeChanged.connect(self._on_viewbox_range_changed)
        self.layer.rendered.connect(self._on_layer_rendered)

    # ================================================================ state binding
    @property
    def state(self) -> ChartState | None:
        return self._state

    def set_state(self, state: ChartState | None) -> None:
        """Show ``state`` (or nothing); the view subscribes to its events."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._state = state
        self._hover = None
        self.layer.hover = None
        if state is None:
            self.data = None
            self.layer.set_data(None)
        else:
            self.data = CanvasData(state)
            self._unsubscribe = state.subscribe(self._on_state_changed)
            self._sync_selection()
            self._sync_annotations()
            self.layer.set_data(self.data)
            self.fit_to_view()
        self._refresh_legend()

    def _on_state_changed(self, event: ChartEvent) -> None:
        d = self.data
        if d is None:
            return
        t = event.type
        if t in (NODES_ADDED, NODES_REMOVED):
            d.refresh_all()
            self._hover = self.layer.hover = None
            self._sync_selection()
            self._sync_annotations()
            self.layer.update_bounds()
            self._refresh_legend()
        elif t == POSITIONS_CHANGED:
            d.refresh_positions()
            self.layer.update_bounds()
        elif t in (VISIBILITY_CHANGED, PINS_CHANGED):
            d.refresh_visibility()
            if t == VISIBILITY_CHANGED:
                self._refresh_legend()
        elif t == STYLE_CHANGED:
            d.refresh_styles()
            self._refresh_legend()
        elif t == ANNOTATIONS_CHANGED:
            self._sync_annotations()
        elif t == SELECTION_CHANGED:
            self._sync_selection()
            self.layer.update()
            self.selection_changed.emit(self._state.selection)
            return
        self.layer.invalidate()

    def _sync_selection(self) -> None:
        s = self._state
        if s is None:
            return
        sel = s.selection
        self.layer.selected_nodes = s.indices_of(sorted(sel.nodes)) if sel.nodes else np.empty(0, np.int64)
        self.layer.selected_edges = self._edge_indices(sel.edges)

    def _edge_indices(self, keys) -> np.ndarray:
        s = self._state
        if not keys or s is None:
            return np.empty(0, np.int64)
        eu, ev = s.edge_ids()
        out = []
        for u, v, k in keys:
            for i in np.flatnonzero((eu == u) & (ev == v)).tolist():
                if s.edge_key_at(i)[2] == k:
                    out.append(i)
        return np.array(out, np.int64)

    def _sync_annotations(self) -> None:
        s = self._state
        self.layer.annotations = {} if s is None else {s.index_of(k): v for k, v in s.annotations.items()}

    def _refresh_legend(self) -> None:
        if self.data is None or self._state is None:
            self.legend.hide()
            self.status.setText("")
            return
        self.legend.update_from(self.data, self._state.style)
        self.legend.setVisible(bool(self.legend.entries()))
        self._update_status()

    def _update_status(self) -> None:
        d = self.data
        if d is None:
            return
        info = self.layer.last_render
        text = QCoreApplication.translate("ChartView", "{n:,} entities, {m:,} links").format(n=int(d.visible.sum()), m=d.m)
        if info.mode == "overview" and info.edges_in_view and info.edges_drawn < info.edges_in_view:
            text += QCoreApplication.translate("ChartView", " · {p:.0%} of links drawn at this zoom").format(p=info.edges_fraction)
        self.status.setText(text)
        self.status.adjustSize()
        self.status.move(8, self.height() - self.status.height() - 6)

    # ================================================================ view
    @property
    def render_info(self) -> RenderInfo:
        """What the last render drew (mode, entities, edges, labels, seconds)."""
        return self.layer.last_render

    def fit_to_view(self) -> None:
        """Zoom so every visible entity is in view."""
        b = self.data.bounds() if self.data is not None else None
        if b is None:
            return
        w, h = max(b[2] - b[0], 1.0), max(b[3] - b[1], 1.0)
        self.viewbox.setRange(QRectF(b[0], b[1], b[2] - b[0], b[3] - b[1]).adjusted(-0.04 * w, -0.04 * h,
                                                                                     0.04 * w, 0.04 * h),
                              padding=0.0)

    def center_on(self, node_id: int, *, zoom: bool = False) -> None:
        """Pan so ``node_id`` is in the centre; ``zoom`` also zooms in to read its neighbourhood."""
        if self._state is None:
            return
        x, y = self._state.position(node_id)
        r = self.viewbox.viewRect()
        w, h = (r.width(), r.height())
        if zoom:
            span = self._neighbourhood_span()
            if span > 0:
                k = span / min(w, h)
                w, h = w * k, h * k
        self.viewbox.setRange(QRectF(x - w / 2, y - h / 2, w, h), padding=0.0)

    def _neighbourhood_span(self) -> float:
        b = self.data.bounds() if self.data is not None else None
        if b is None or self.data.n == 0:
            return 0.0
        area = max((b[2] - b[0]) * (b[3] - b[1]), 1e-9)
        return float(np.sqrt(area / self.data.n) * 12)

    def set_selection_mode(self, on: bool) -> None:
        """In selection mode a plain drag on empty space draws a rubber band instead of panning."""
        self._select_mode = on

    def map_node_to_viewport(self, node_id: int) -> QPoint:
        """Where ``node_id`` is drawn, in the coordinates of ``self.graphics.viewport()``."""
        x, y = self._state.position(node_id)
        scene = self.viewbox.mapViewToScene(QPointF(x, y))
        return self.graphics.mapFromScene(scene)

    def node_at(self, scene_pos: QPointF) -> int | None:
        """The entity drawn at a scene point, or None."""
        i = self._index_at(scene_pos)
        return None if i is None else int(self.data.ids[i])

    def _index_at(self, scene_pos: QPointF) -> int | None:
        d = self.data
        if d is None or d.n == 0:
            return None
        p = self.viewbox.mapSceneToView(scene_pos)
        pxw, pxh = self.viewbox.viewPixelSize()
        if pxw <= 0 or pxh <= 0:
            return None
        dx = (d.pos[:, 0] - p.x()) / pxw
        dy = (d.pos[:, 1] - p.y()) / pxh
        dist = np.hypot(dx, dy)
        if self.layer.last_render.mode == "detail":
            reach = d.size / 2 + self.HIT_SLOP
        else:
            reach = d.dot_radius + self.HIT_SLOP + 1
        hit = (dist <= reach) & d.visible
        if not hit.any():
            return None
        cand = np.flatnonzero(hit)
        return int(cand[np.argmin(dist[cand])])

    def edge_at(self, scene_pos: QPointF, slop: float = 4.0) -> int | None:
        """Index of the edge under a scene point (within ``slop`` pixels), or None."""
        d = self.data
        if d is None or d.m == 0:
            return None
        p = self.viewbox.mapSceneToView(scene_pos)
        pxw, pxh = self.viewbox.viewPixelSize()
        a = (d.pos[d.src] - (p.x(), p.y())) / (pxw, pxh)
        b = (d.pos[d.dst] - (p.x(), p.y())) / (pxw, pxh)
        ab = b - a
        L2 = np.maximum((ab * ab).sum(axis=1), 1e-12)
        t = np.clip(-(a * ab).sum(axis=1) / L2, 0, 1)
        closest = a + ab * t[:, None]
        dist = np.hypot(closest[:, 0], closest[:, 1])
        ok = (dist <= slop) & d.visible[d.src] & d.visible[d.dst]
        if not ok.any():
            return None
        cand = np.flatnonzero(ok)
        return int(cand[np.argmin(dist[cand])])

    # ================================================================ mouse
    def _on_viewbox_clicked(self, ev) -> bool:
        s = self._state
        if s is None:
            return False
        i = self._index_at(ev.scenePos())
        node = None if i is None else int(self.data.ids[i])
        ctrl = bool(ev.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            if ev.double():
                if node is not None:
                    ids = sorted(s.selection.nodes) if node in s.selection.nodes else [node]
                    self.expand_requested.emit(ids)
                return True
            if node is not None:
                s.select([node], mode="toggle" if ctrl else "replace")
                if not ctrl:
                    self.node_activated.emit(node)
                return True
            e = self.edge_at(ev.scenePos())
            if e is not None:
                s.select(edges=[s.edge_key_at(e)], mode="toggle" if ctrl else "replace")
            elif not ctrl:
                s.clear_selection()
            return True
        if ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            if node is not None and node not in s.selection.nodes:
                s.select([node])
            if self.context_menu is not None:
                self.context_menu.deleteLater()
            self.context_menu = self._make_context_menu(node)
            self.context_menu.popup(ev.screenPos().toPoint())
            return True
        return False

    def _on_viewbox_dragged(self, ev) -> bool:
        s = self._state
        if s is None or ev.button() != Qt.MouseButton.LeftButton:
            return False
        if ev.isStart():
            # the gesture is decided by the modifiers held when the button went down
            mods = ev.modifiers() | self._press_modifiers
            ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
            i = self._index_at(ev.buttonDownScenePos())
            if i is not None and not ctrl:
                node = int(self.data.ids[i])
                if node not in s.selection.nodes:
                    s.select([node])
                self._drag_ids = sorted(s.selection.nodes)
                mask = np.zeros(self.data.n, bool)
                mask[s.indices_of(self._drag_ids)] = True
                self.layer.exclude = mask
                self.layer.drag_offset = np.zeros(2)
                self.layer.invalidate()
            elif ctrl or self._select_mode:
                self._band_start = self.viewbox.mapSceneToView(ev.buttonDownScenePos())
                self.band.show()
            else:
                return False
        if self._drag_ids:
            ev.accept()
            p0 = self.viewbox.mapSceneToView(ev.buttonDownScenePos())
            p1 = self.viewbox.mapSceneToView(ev.scenePos())
            self.layer.drag_offset = np.array([p1.x() - p0.x(), p1.y() - p0.y()])
            self.layer.update()
            if ev.isFinish():
                self._finish_drag()
            return True
        if self._band_start is not None:
            ev.accept()
            p1 = self.viewbox.mapSceneToView(ev.scenePos())
            rect = QRectF(self._band_start, p1).normalized()
            self.band.setRect(rect)
            if ev.isFinish():
                self._finish_band(rect, ev.modifiers() | self._press_modifiers)
            return True
        return False

    def _finish_drag(self) -> None:
        s, d = self._state, self.data
        ids, off = self._drag_ids, self.layer.drag_offset
        self._drag_ids = []
        self.layer.exclude = None
        self.layer.drag_offset = np.zeros(2)
        if np.any(off != 0):
            pos = d.pos[s.indices_of(ids)] + off
            s.undo_stack.push(Move(s, {i: tuple(p) for i, p in zip(ids, pos.tolist(), strict=True)}))
        self.layer.invalidate()

    def _finish_band(self, rect: QRectF, modifiers) -> None:
        s, d = self._state, self.data
        self._band_start = None
        self.band.hide()
        inside = ((d.pos[:, 0] >= rect.left()) & (d.pos[:, 0] <= rect.right()) &
                  (d.pos[:, 1] >= rect.top()) & (d.pos[:, 1] <= rect.bottom()) & d.visible)
        ids = d.ids[inside].tolist()
        add = bool(modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
        s.select(ids, mode="add" if add else "replace")

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        if self._state is None or self._drag_ids or self._band_start is not None:
            return
        i = self._index_at(scene_pos)
        node = None if i is None else int(self.data.ids[i])
        if node == self._hover:
            return
        self._hover = node
        self.layer.hover = i
        self.layer.update()
        if node is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos(), self.tooltip_text(node), self.graphics)
        self.hover_changed.emit(node)

    def _on_viewbox_range_changed(self, *args) -> None:
        self._update_status()

    def _on_layer_rendered(self) -> None:
        self._update_status()

    # ================================================================ texts and menus
    def tooltip_text(self, node_id: int) -> str:
        """Kind, display, cases and degree of an entity, as rich text."""
        s = self._state
        a = s.attrs(node_id)
        cases = list(a.get("cases") or ())
        shown = ", ".join(str(c) for c in cases[:6]) + (f" … (+{len(cases) - 6})" if len(cases) > 6 else "")
        deg = int(self.data.degree()[s.index_of(node_id)])
        lines = [f"<b>{kind_style(a.get('kind')).label}</b>", str(a.get("display") or a.get("key") or node_id),
                 QCoreApplication.translate("ChartView", "Cases: {c}").format(c=shown or "—"), QCoreApplication.translate("ChartView", "Degree: {d}").format(d=deg)]
        note = s.annotations.get(node_id)
        if note:
            lines.append(QCoreApplication.translate("ChartView", "Note: {n}").format(n=note))
        return "<br>".join(lines)

    def _make_context_menu(self, node: int | None) -> QMenu:
        s = self._state
        menu = QMenu(self)
        ids = sorted(s.selection.nodes)
        if node is not None and ids:
            menu.addAction(QCoreApplication.translate("ChartView", "Expand"), lambda: self.expand_requested.emit(ids))
            menu.addAction(QCoreApplication.translate("ChartView", "Hide"), lambda: s.undo_stack.push(Hide(s, ids)))
            menu.addAction(QCoreApplication.translate("ChartView", "Pin"), lambda: s.undo_stack.push(Pin(s, ids)))
            menu.addAction(QCoreApplication.translate("ChartView", "Unpin"), lambda: s.undo_stack.push(Unpin(s, ids)))
            menu.addAction(QCoreApplication.translate("ChartView", "Select neighbours"), lambda: s.select(s.neighbours(ids), mode="add"))
            menu.addAction(QCoreApplication.translate("ChartView", "Centre on it"), lambda: self.center_on(node))
        else:
            menu.addAction(QCoreApplication.translate("ChartView", "Fit to view"), self.fit_to_view)
            hidden = s.ids[s.hidden].tolist()
            if hidden:
                menu.addAction(QCoreApplication.translate("ChartView", "Show {n} hidden").format(n=len(hidden)),
                               lambda: s.undo_stack.push(Show(s, hidden)))
            menu.addAction(QCoreApplication.translate("ChartView", "Select all"), self.select_all)
        return menu

    def select_all(self) -> None:
        if self._state is not None:
            self._state.select(self._state.ids[~self._state.hidden].tolist())

    def selected_ids(self) -> Sequence[int]:
        return sorted(self._state.selection.nodes) if self._state is not None else []

    # ================================================================ Qt overrides
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonPress and watched is self.graphics.viewport():
            self._press_modifiers = event.modifiers()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        s = self._state
        if s is not None and event.key() == Qt.Key.Key_Escape:
            s.clear_selection()
        elif s is not None and event.key() == Qt.Key.Key_A and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.select_all()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_status()
