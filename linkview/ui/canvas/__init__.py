"""The chart canvas: a pyqtgraph widget drawing a :class:`linkview.chart.ChartState`.

``ChartView(state)`` listens to the state and turns gestures into commands on its undo stack.
Drawing is level-of-detail and image-cached (see :mod:`linkview.ui.canvas.render`), so a chart of
100,000 entities and 200,000 links stays interactive.
"""

from __future__ import annotations

from linkview.ui.canvas.view import ChartView

__all__ = ["ChartView"]
