"""chart layer of LinkView: the pure state of a chart (see DESIGN.md and docs/internals.md).

Entities on the chart with positions, pins, hidden flags and style; the graph data they show;
selection; annotations. Every user action is a command on ``state.undo_stack``; views subscribe to
change events. No Qt here.
"""

from __future__ import annotations

from linkview.chart.commands import (
    AddEntities,
    Annotate,
    Hide,
    Move,
    Pin,
    RemoveEntities,
    SetStyle,
    Show,
    StyleEntities,
    Unpin,
)
from linkview.chart.expansion import ExpandPlan, expand
from linkview.chart.kinds import KIND_STYLES, KindStyle, edge_colour, kind_style
from linkview.chart.measures import (
    EDGE_MEASURES,
    MEASURES,
    NodeStyles,
    edge_widths,
    measure_values,
    node_styles,
)
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
    ChartStyle,
    Selection,
)
from linkview.chart.undo import Command, UndoStack

__all__ = [
    "ChartState", "ChartEvent", "ChartStyle", "Selection", "Command", "UndoStack",
    "AddEntities", "RemoveEntities", "Hide", "Show", "Move", "Pin", "Unpin", "SetStyle", "StyleEntities",
    "Annotate", "ExpandPlan", "expand", "KIND_STYLES", "KindStyle", "kind_style", "edge_colour",
    "MEASURES", "EDGE_MEASURES", "NodeStyles", "measure_values", "node_styles", "edge_widths",
    "NODES_ADDED", "NODES_REMOVED", "POSITIONS_CHANGED", "VISIBILITY_CHANGED", "SELECTION_CHANGED",
    "STYLE_CHANGED", "PINS_CHANGED", "ANNOTATIONS_CHANGED",
]
