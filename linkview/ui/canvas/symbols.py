"""Node symbols: a QPainterPath per shape name, and a cache of rendered symbol pixmaps."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from linkview.chart.kinds import KindStyle

__all__ = ["shape_path", "SymbolCache", "symbol_pixmap"]


def _polygon(n: int, start: float = -90.0, radius: float = 0.5) -> QPainterPath:
    pts = [QPointF(radius * math.cos(math.radians(start + 360.0 * i / n)),
                   radius * math.sin(math.radians(start + 360.0 * i / n))) for i in range(n)]
    path = QPainterPath()
    path.addPolygon(QPolygonF(pts))
    path.closeSubpath()
    return path


def _star() -> QPainterPath:
    pts = []
    for i in range(10):
        r = 0.5 if i % 2 == 0 else 0.22
        a = math.radians(-90 + 36 * i)
        pts.append(QPointF(r * math.cos(a), r * math.sin(a)))
    path = QPainterPath()
    path.addPolygon(QPolygonF(pts))
    path.closeSubpath()
    return path


def _build() -> dict[str, QPainterPath]:
    paths: dict[str, QPainterPath] = {}
    p = QPainterPath()
    p.addEllipse(QRectF(-0.5, -0.5, 1, 1))
    paths["circle"] = p
    p = QPainterPath()
    p.addRect(QRectF(-0.42, -0.42, 0.84, 0.84))
    paths["square"] = p
    paths["diamond"] = _polygon(4, -90)
    paths["triangle"] = _polygon(3, -90, 0.56)
    paths["triangle_down"] = _polygon(3, 90, 0.56)
    paths["hexagon"] = _polygon(6, 0)
    paths["pentagon"] = _polygon(5, -90)
    paths["octagon"] = _polygon(8, 22.5)
    paths["star"] = _star()
    p = QPainterPath()
    p.addRoundedRect(QRectF(-0.5, -0.32, 1.0, 0.64), 0.1, 0.1)
    paths["card"] = p
    p = QPainterPath()
    p.addRoundedRect(QRectF(-0.28, -0.5, 0.56, 1.0), 0.1, 0.1)
    paths["handset"] = p
    p = QPainterPath()
    p.moveTo(-0.36, -0.5)
    p.lineTo(0.16, -0.5)
    p.lineTo(0.36, -0.3)
    p.lineTo(0.36, 0.5)
    p.lineTo(-0.36, 0.5)
    p.closeSubpath()
    paths["sim"] = p
    p = QPainterPath()
    for r in (QRectF(-0.5, -0.17, 1.0, 0.34), QRectF(-0.17, -0.5, 0.34, 1.0)):
        p.addRect(r)
    paths["cross"] = p.simplified()
    return paths


_PATHS: dict[str, QPainterPath] | None = None


def shape_path(shape: str) -> QPainterPath:
    """The outline of ``shape`` in a unit box centred on (0, 0); unknown shapes are circles."""
    global _PATHS
    if _PATHS is None:
        _PATHS = _build()
    return _PATHS.get(shape, _PATHS["circle"])


def symbol_pixmap(shape: str, rgba: tuple[int, int, int, int], size: int, *, hollow: bool = False,
                  pinned: bool = False) -> QPixmap:
    """A ``size`` x ``size`` (plus border) antialiased symbol on a transparent pixmap."""
    side = size + 4
    pm = QPixmap(side, side)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.translate(side / 2, side / 2)
    colour = QColor(*rgba)
    painter.scale(size, size)
    path = shape_path(shape)
    if hollow:
        pen = QPen(colour, 2.0 / size * 1.0)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(255, 255, 255, 230))
    else:
        painter.setPen(QPen(colour.darker(150), 1.0 / size))
        painter.setBrush(colour)
    painter.drawPath(path)
    if pinned:
        painter.setPen(QPen(QColor(255, 255, 255), 0.6 / size))
        painter.setBrush(QColor(30, 30, 30))
        r = max(2.5 / size, 0.12)
        painter.drawEllipse(QPointF(0.36, -0.36), r, r)
    painter.end()
    return pm


class SymbolCache:
    """Rendered symbols keyed by (shape, colour, size, hollow, pinned); sizes are rounded to even
    pixels, so a chart sized by a measure needs a few hundred pixmaps at most."""

    def __init__(self, limit: int = 4096):
        self._cache: dict[tuple, QPixmap] = {}
        self._limit = limit

    def get(self, style: KindStyle, rgba: tuple[int, int, int, int], size: float, pinned: bool = False) -> QPixmap:
        key = (style.shape, rgba, max(4, 2 * int(round(size / 2))), style.hollow, pinned)
        pm = self._cache.get(key)
        if pm is None:
            if len(self._cache) >= self._limit:
                self._cache.clear()
            pm = self._cache[key] = symbol_pixmap(style.shape, rgba, key[2], hollow=style.hollow, pinned=pinned)
        return pm

    def clear(self) -> None:
        self._cache.clear()
