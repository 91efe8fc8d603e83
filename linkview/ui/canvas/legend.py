"""The chart legend: which shape and colour is which kind, what size and colour mean."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from linkview.chart.kinds import KindStyle
from linkview.chart.measures import PALETTE
from linkview.chart.state import ChartStyle
from linkview.ui.canvas.data import CanvasData
from linkview.ui.canvas.symbols import symbol_pixmap
from linkview.ui.names import kind_name

__all__ = ["ChartLegend"]

MEASURE_NAMES = {"degree": QT_TRANSLATE_NOOP("ChartLegend", "degree (neighbours)"),
                 "n_cases": QT_TRANSLATE_NOOP("ChartLegend", "number of cases"),
                 "amount": QT_TRANSLATE_NOOP("ChartLegend", "amount"),
                 "count": QT_TRANSLATE_NOOP("ChartLegend", "number of events"),
                 "community": QT_TRANSLATE_NOOP("ChartLegend", "community")}


def _measure_name(measure: str) -> str:
    """A measure's name in the window's language (unknown measures keep their own name)."""
    name = MEASURE_NAMES.get(measure)
    return QCoreApplication.translate("ChartLegend", name) if name is not None else measure


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 or float(x).is_integer() else f"{x:,.2f}"


def _kind_label(kind: str, ks: KindStyle) -> str:
    """The kind's name in the window's language (the chart layer only knows English labels)."""
    name = kind_name(kind)
    return name[:1].upper() + name[1:] if name != kind else ks.label


class ChartLegend(QFrame):
    """A small floating panel listing the kinds on the chart (with counts) and the style meaning."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chartLegend")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#chartLegend { background: rgba(255, 255, 255, 225); border: 1px solid #c8c8c8; }"
                           " QLabel { font-size: 8pt; }")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(6, 4, 6, 4)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(1)
        self._entries: list[str] = []
        self._collapsed = False
        self._last: tuple[CanvasData, ChartStyle] | None = None
        self.setToolTip(QCoreApplication.translate("ChartLegend", "Click to fold or unfold the legend"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    @property
    def collapsed(self) -> bool:
        return self._collapsed

    def set_collapsed(self, collapsed: bool) -> None:
        """Fold the legend to one line so it hides nothing of the chart, or unfold it."""
        self._collapsed = bool(collapsed)
        if self._last is not None:
            self.update_from(*self._last)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.set_collapsed(not self._collapsed)
            event.accept()
            return
        super().mousePressEvent(event)

    def entries(self) -> list[str]:
        """The texts of the legend rows, top to bottom."""
        return list(self._entries)

    def _clear(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            w = item.widget()
            if w is not None:
                w.setParent(None)
                w.deleteLater()
        self._entries = []

    def _row(self, text: str, pixmap: QPixmap | None = None) -> None:
        r = len(self._entries)
        if pixmap is not None:
            icon = QLabel(self)
            icon.setPixmap(pixmap)
            self._grid.addWidget(icon, r, 0, Qt.AlignmentFlag.AlignCenter)
        label = QLabel(text, self)
        self._grid.addWidget(label, r, 1)
        self._entries.append(text)

    def update_from(self, data: CanvasData, style: ChartStyle) -> None:
        self._last = (data, style)
        self._clear()
        if self._collapsed:
            self._row(QCoreApplication.translate("ChartLegend", "▸ Legend"))
            self.adjustSize()
            return
        counts = Counter(data.kind_code[data.visible].tolist()) if data.n else Counter()
        kinds: list[tuple[str, KindStyle, int]] = [
            (k, data.kind_styles[i], counts.get(i, 0)) for i, k in enumerate(data.styles.kinds)]
        by_kind = style.colour_by == "kind"
        for kind, ks, n in sorted(kinds, key=lambda t: -t[2]):
            if n == 0:
                continue
            rgba = (tuple(int(c) for c in QColor(ks.colour).getRgb()) if by_kind
                    else (150, 150, 150, 255))
            self._row(f"{_kind_label(kind, ks)} ({n:,})", symbol_pixmap(ks.shape, rgba, 12, hollow=ks.hollow))
        st = data.styles
        if style.size_by and st.size_range is not None:
            lo, hi = st.size_range
            self._row(QCoreApplication.translate("ChartLegend", "Size: {m} ({lo}–{hi})").format(
                m=_measure_name(style.size_by), lo=_fmt(lo), hi=_fmt(hi)))
        if style.colour_by == "community":
            n = len({c for c in (style.communities or {}).values()})
            self._row(QCoreApplication.translate("ChartLegend", "Colour: community ({n} groups)").format(n=n))
            for name, rgba in st.colour_categories[:8]:
                self._row(name, symbol_pixmap("circle", rgba, 10))
            if len(PALETTE) < n:
                self._row(QCoreApplication.translate("ChartLegend", "(colours repeat after {k})").format(k=len(PALETTE)))
        elif style.colour_by != "kind" and st.colour_range is not None:
            lo, hi = st.colour_range
            self._row(QCoreApplication.translate("ChartLegend", "Colour: {m} ({lo} purple – {hi} yellow)").format(
                m=_measure_name(style.colour_by), lo=_fmt(lo), hi=_fmt(hi)))
        if style.edge_width_by and data.m:
            self._row(QCoreApplication.translate("ChartLegend", "Line width: {m}").format(
                m=_measure_name(style.edge_width_by)))
        self.adjustSize()
