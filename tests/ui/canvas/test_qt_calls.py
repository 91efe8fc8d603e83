"""Guards against binding bugs that the canvas's hot loops would hit first."""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene

pytestmark = pytest.mark.gui


def test_none_refcount_holds_over_tens_of_thousands_of_qt_calls(qtbot):
    """PySide6 6.12.0 returned None without a new reference from void methods: None's refcount fell
    by one per call until CPython 3.11 aborted with "none_dealloc". We pin 6.11.x; this catches a
    binding that brings the bug back (on Python >= 3.12 None is immortal and the count is constant)."""
    scene = QGraphicsScene()
    item = QGraphicsRectItem(0, 0, 1, 1)
    scene.addItem(item)
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    pixmap = QPixmap(4, 4)
    gc.collect()
    before = sys.getrefcount(None)
    results = []
    for i in range(30_000):
        results.append(item.setPos(i % 100, 0.5))
        results.append(item.setVisible(i % 2 == 0))
        results.append(item.setRect(QRectF(0, 0, 1 + i % 3, 1)))
    painter = QPainter(image)
    for i in range(30_000):
        results.append(painter.drawPixmap(QPointF(i % 60, i % 50), pixmap))
    painter.end()
    assert results.count(None) == len(results) == 120_000
    del results
    gc.collect()
    after = sys.getrefcount(None)
    assert abs(after - before) < 1_000, f"None refcount moved from {before} to {after}"
    scene.clear()


def test_the_canvas_makes_no_item_per_entity(make_view):
    view, state, _ = make_view(6400, size=(900, 700))
    assert len(view.graphics.scene().items()) < 10
    assert view.render_info.nodes_drawn == 6400
