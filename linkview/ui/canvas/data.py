"""Arrays the canvas draws from, derived from a ChartState (numpy only, rebuilt on change events)."""

from __future__ import annotations

import numpy as np

from linkview.chart.kinds import EDGE_COLOURS, KindStyle, kind_style
from linkview.chart.measures import NodeStyles, edge_widths, hex_to_rgba, measure_values, node_styles
from linkview.chart.state import ChartState

__all__ = ["CanvasData"]


def _argb(rgba: np.ndarray) -> np.ndarray:
    """(n, 4) uint8 RGBA -> opaque 0xAARRGGBB uint32 (QImage Format_RGB32 / ARGB32 byte order)."""
    r = rgba.astype(np.uint32)
    return (np.uint32(0xFF000000) | (r[:, 0] << 16) | (r[:, 1] << 8) | r[:, 2]).astype(np.uint32)


class CanvasData:
    """Chart-order arrays: positions, visibility, colours, sizes, kinds; edge endpoints, widths,
    colours and a fixed drawing priority (strongest first, then a stable shuffle)."""

    EDGE_KINDS = (*EDGE_COLOURS, "")

    def __init__(self, state: ChartState):
        self.state = state
        self.refresh_all()

    # -- rebuilding ----------------------------------------------------------------------------
    def refresh_all(self) -> None:
        self.refresh_topology()
        self.refresh_positions()
        self.refresh_visibility_only()
        self.refresh_styles()

    def refresh_visibility_only(self) -> None:
        self.visible = ~self.state.hidden
        self.pinned = self.state.pinned

    def refresh_topology(self) -> None:
        s = self.state
        self.ids = s.ids
        self.n = len(s)
        self.src, self.dst = s.edge_endpoints()
        self.m = len(self.src)
        lut = {k: i for i, k in enumerate(self.EDGE_KINDS)}
        other = len(self.EDGE_KINDS) - 1
        self.edge_kind_code = np.fromiter((lut.get(k, other) for k in s.edge_kinds()), np.int16, self.m)
        self.edge_rgba = [hex_to_rgba(EDGE_COLOURS.get(k, "#a0a7b4")) for k in self.EDGE_KINDS]
        self._degree: np.ndarray | None = None

    def refresh_styles(self) -> None:
        s = self.state
        st: NodeStyles = node_styles(s)
        self.styles = st
        self.size = st.size
        self.rgba = st.rgba
        self.argb = _argb(st.rgba) if self.n else np.zeros(0, np.uint32)
        self.kind_code = st.kind_code
        self.kind_styles: list[KindStyle] = [kind_style(k) for k in st.kinds]
        #: overview dot level: 1 (a 5-pixel cross) for ordinary entities, 2 (3x3), 3 (21-pixel disc) for hubs
        self.dot_radius = np.digitize(self.size, [20.0, 30.0]).astype(np.int32) + 1
        self.edge_width = edge_widths(s, s.style.edge_width_by)
        weight = self.edge_width.astype(np.float64)
        shuffle = (np.arange(self.m, dtype=np.uint64) * np.uint64(2654435761)) % np.uint64(4294967291)
        #: edges in drawing priority: strongest first, ties in a fixed pseudo-random order so that
        #: a budget-limited overview keeps a representative, stable sample while panning
        self.edge_order = np.lexsort((shuffle, -weight)) if self.m else np.empty(0, np.int64)
        self.src_o, self.dst_o = self.src[self.edge_order], self.dst[self.edge_order]
        importance = st.measure if st.measure is not None else self.degree().astype(np.float64)
        self.importance = importance
        #: entities by importance (size measure, else degree), for hub labels when zoomed out
        self.hub_order = np.argsort(-importance, kind="stable")
        self._hub_rank: np.ndarray | None = None
        self.evis_o = self.visible[self.src_o] & self.visible[self.dst_o]
        ov = s.overrides
        self.labels = s.displays()
        for node_id, o in ov.items():
            if "label" in o:
                self.labels[s.index_of(node_id)] = str(o["label"])

    def refresh_positions(self) -> None:
        self.pos = self.state.positions

    def refresh_visibility(self) -> None:
        self.visible = ~self.state.hidden
        self.pinned = self.state.pinned
        #: in edge priority order: both ends visible
        self.evis_o = self.visible[self.src_o] & self.visible[self.dst_o]

    # -- derived -------------------------------------------------------------------------------
    def degree(self) -> np.ndarray:
        if self._degree is None:
            self._degree = measure_values(self.state, "degree")
        return self._degree

    def hub_rank(self) -> np.ndarray:
        """Rank of each entity in :attr:`hub_order` (0 = most important)."""
        if self._hub_rank is None:
            self._hub_rank = np.empty(self.n, np.int64)
            self._hub_rank[self.hub_order] = np.arange(self.n)
        return self._hub_rank

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(xmin, ymin, xmax, ymax) of the visible entities, or None when there are none."""
        if self.n == 0 or not self.visible.any():
            return None
        p = self.pos[self.visible]
        lo, hi = p.min(axis=0), p.max(axis=0)
        return float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])
