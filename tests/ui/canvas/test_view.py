"""ChartView driven with real mouse events on its viewport (offscreen)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest

from linkview.chart import AddEntities, Hide, SetStyle
from linkview.ui.canvas.render import BACKGROUND

pytestmark = pytest.mark.gui

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
NOMOD, CTRL = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier


def settle(view) -> None:
    """Render what the view shows now (as the settle timer would) and return when painted."""
    view.layer.render_now()
    view.grab()


def test_loading_draws_every_entity_as_a_symbol(make_view):
    view, state, _ = make_view(100)
    info = view.render_info
    assert info.mode == "detail" and info.nodes_drawn == 100 and info.symbols_drawn == 100
    assert info.edges_drawn == state.edge_count == 180
    assert view.data.n == 100


def test_overview_rasterises_every_entity_and_completes_its_edges(make_view):
    view, state, _ = make_view(6400, size=(900, 700))
    info = view.render_info
    assert info.mode == "overview" and info.nodes_drawn == 6400 and info.symbols_drawn == 0
    assert 0 < info.labels_drawn <= view.layer.lod.hub_labels
    view.layer.lod.hub_labels = 0                        # labels would cover some dots
    settle(view)
    base = view.layer.base
    px = np.floor((state.positions - (base.x0, base.y0)) * (base.sx, base.sy)).astype(int)
    colours = base.buf[px[:, 1], px[:, 0]]
    assert (colours == view.data.argb).all()            # every entity's dot is in the image
    view.layer.finish_refinement()
    assert view.render_info.edges_drawn == view.render_info.edges_in_view > 0


def test_click_selects_ctrl_click_toggles_empty_click_clears(make_view, qtbot):
    view, state, _ = make_view(100)
    vp = view.graphics.viewport()
    with qtbot.waitSignal(view.node_activated) as activated, qtbot.waitSignal(view.selection_changed) as changed:
        QTest.mouseClick(vp, LEFT, NOMOD, view.map_node_to_viewport(11))
    assert activated.args == [11] and changed.args[0].nodes == {11}
    QTest.mouseClick(vp, LEFT, CTRL, view.map_node_to_viewport(12))
    assert state.selection.nodes == {11, 12}
    QTest.mouseClick(vp, LEFT, CTRL, view.map_node_to_viewport(11))
    assert state.selection.nodes == {12}
    a, b = view.map_node_to_viewport(0), view.map_node_to_viewport(1)
    between = QPoint((a.x() + b.x()) // 2, a.y() + (view.map_node_to_viewport(10).y() - a.y()) // 2)
    QTest.mouseClick(vp, LEFT, NOMOD, between)
    assert not state.selection


def test_click_on_an_edge_selects_it(make_view):
    view, state, _ = make_view(100)
    a, b = view.map_node_to_viewport(0), view.map_node_to_viewport(1)
    QTest.mouseClick(view.graphics.viewport(), LEFT, NOMOD, QPoint((a.x() + b.x()) // 2, a.y()))
    assert state.selection.edges == {(0, 1, "call")} and not state.selection.nodes
    assert view.layer.selected_edges.tolist() == [state.edge_keys().index((0, 1, "call"))]


def drag(vp, start: QPoint, end: QPoint, modifier=NOMOD) -> None:
    QTest.mousePress(vp, LEFT, modifier, start)
    for k in range(1, 6):
        QTest.mouseMove(vp, start + (end - start) * (k / 5), 5)
    QTest.mouseRelease(vp, LEFT, modifier, end, 5)


def test_drag_moves_pins_and_undoes(make_view):
    view, state, _ = make_view(100)
    before = state.position(44)
    start = view.map_node_to_viewport(44)
    end = start + QPoint(60, 30)
    drag(view.graphics.viewport(), start, end)
    x, y = state.position(44)
    pw, ph = view.viewbox.viewPixelSize()
    assert x - before[0] == pytest.approx(60 * pw, abs=2 * pw)
    assert y - before[1] == pytest.approx(30 * ph, abs=2 * ph)     # y grows downwards on screen
    assert state.is_pinned(44) and state.position(45) == (5.0, 4.0)
    assert state.undo_stack.undo_text() == "Move 1 entity"
    assert view.layer.exclude is None
    state.undo_stack.undo()
    assert state.position(44) == before and not state.is_pinned(44)


def test_drag_moves_the_whole_selection(make_view):
    view, state, _ = make_view(100)
    state.select([44, 45])
    before = np.array([state.position(44), state.position(45)])
    drag(view.graphics.viewport(), view.map_node_to_viewport(45), view.map_node_to_viewport(45) + QPoint(0, 50))
    after = np.array([state.position(44), state.position(45)])
    assert np.allclose(after[:, 0], before[:, 0]) and (after[:, 1] > before[:, 1]).all()
    assert np.allclose(after - before, (after - before)[0])


def test_drag_on_empty_space_pans(make_view):
    view, state, _ = make_view(100)
    r0 = view.viewbox.viewRect()
    a, b = view.map_node_to_viewport(0), view.map_node_to_viewport(1)
    start = QPoint((a.x() + b.x()) // 2, (a.y() + view.map_node_to_viewport(10).y()) // 2)
    drag(view.graphics.viewport(), start, start + QPoint(-100, 0))
    assert view.viewbox.viewRect().left() > r0.left()
    assert not state.undo_stack.can_undo()


def test_ctrl_drag_draws_a_rubber_band(make_view):
    view, state, _ = make_view(100)
    start = view.map_node_to_viewport(0) - QPoint(8, 8)
    end = view.map_node_to_viewport(22) + QPoint(8, 8)
    drag(view.graphics.viewport(), start, end, CTRL)
    assert state.selection.nodes == {0, 1, 2, 10, 11, 12, 20, 21, 22}
    assert not view.band.isVisible()


def test_double_click_asks_to_expand(make_view, qtbot):
    view, state, _ = make_view(100)
    vp, at = view.graphics.viewport(), view.map_node_to_viewport(7)
    with qtbot.waitSignal(view.expand_requested) as blocker:
        # what a platform delivers for a double click: press, release, double-click, release
        QTest.mouseClick(vp, LEFT, NOMOD, at)
        QTest.mouseDClick(vp, LEFT, NOMOD, at)
        QTest.mouseRelease(vp, LEFT, NOMOD, at)
    assert blocker.args == [[7]]
    assert state.selection.nodes == {7}
    state.select([7, 8])
    with qtbot.waitSignal(view.expand_requested) as blocker:
        QTest.mouseClick(vp, LEFT, CTRL, at)            # ctrl-click toggles 7 off, the double click on it
        QTest.mouseDClick(vp, LEFT, CTRL, at)           # ... asks to expand 7 alone
        QTest.mouseRelease(vp, LEFT, CTRL, at)
    assert blocker.args == [[7]]


def test_hover_reports_the_entity_and_tooltip_text(make_view, qtbot):
    view, state, _ = make_view(100)
    with qtbot.waitSignal(view.hover_changed) as blocker:
        QTest.mouseMove(view.graphics.viewport(), view.map_node_to_viewport(31))
    assert blocker.args == [31]
    text = view.tooltip_text(31)
    assert "Handset (IMEI)" in text and "imei 31" in text and "C-1" in text and "Degree: 4" in text
    assert view.layer.hover == state.index_of(31)


def test_context_menu_hides_pins_and_selects_neighbours(make_view):
    view, state, _ = make_view(100)
    QTest.mouseClick(view.graphics.viewport(), RIGHT, NOMOD, view.map_node_to_viewport(55))
    menu = view.context_menu
    actions = {a.text(): a for a in menu.actions()}
    assert {"Expand", "Hide", "Pin", "Unpin", "Select neighbours"} <= set(actions)
    actions["Select neighbours"].trigger()
    assert state.selection.nodes == {55, 54, 56, 45, 65}
    actions["Pin"].trigger()
    assert state.is_pinned(55) and not state.is_pinned(54)   # the menu acts on what was selected then
    menu.close()
    QTest.mouseClick(view.graphics.viewport(), RIGHT, NOMOD, view.map_node_to_viewport(55))
    {a.text(): a for a in view.context_menu.actions()}["Hide"].trigger()
    assert state.hidden.sum() == 5 and state.undo_stack.undo_text() == "Hide 5 entities"
    view.context_menu.close()


def test_labels_appear_when_zoomed_in(make_view):
    view, state, _ = make_view(3600, size=(1000, 800))
    far = view.render_info
    assert far.mode == "overview" and 0 < far.labels_drawn <= view.layer.lod.hub_labels
    x, y = state.position(1830)
    view.viewbox.setRange(QRectF(x - 4, y - 3, 8, 6), padding=0)
    settle(view)
    near = view.render_info
    assert near.mode == "detail" and 40 < near.nodes_in_view < 200
    assert near.labels_drawn == near.nodes_in_view            # every visible entity is labelled
    assert near.arrows_drawn > 0


def test_center_on_and_fit_to_view(make_view):
    view, state, _ = make_view(400, spacing=10.0)
    view.center_on(399)
    c = view.viewbox.viewRect().center()
    assert (c.x(), c.y()) == pytest.approx(state.position(399), abs=1e-6)
    view.fit_to_view()
    r = view.viewbox.viewRect()
    assert r.contains(0, 0) and r.contains(*state.position(399))


def test_legend_lists_kinds_and_size_meaning(make_view):
    view, state, _ = make_view(100)
    entries = view.legend.entries()
    assert "Phone number (10)" in entries and "Masked bank card (10)" in entries and "Person (10)" in entries
    assert entries[-1] == "Line width: number of events"
    state.undo_stack.push(SetStyle(state, size_by="degree", colour_by="community",
                                   communities={i: i % 2 for i in range(100)}))
    entries = view.legend.entries()
    assert "Size: degree (neighbours) (2–4)" in entries and "Colour: community (2 groups)" in entries
    state.undo_stack.push(Hide(state, range(0, 100, 10)))
    assert "Phone number (10)" not in view.legend.entries()


def test_legend_folds_on_click(make_view, qtbot):
    from PySide6.QtCore import QPoint, Qt

    view, _, _ = make_view(100)
    unfolded = view.legend.entries()
    assert len(unfolded) > 3
    qtbot.mouseClick(view.legend, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert view.legend.collapsed and view.legend.entries() == ["▸ Legend"]
    qtbot.mouseClick(view.legend, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not view.legend.collapsed and view.legend.entries() == unfolded


def test_state_changes_update_the_view(make_view, qtbot):
    view, state, G = make_view(100)
    state.undo_stack.push(Hide(state, range(50)))
    view.grab()
    assert view.render_info.nodes_drawn == 50
    state.undo_stack.undo()
    view.grab()
    assert view.render_info.nodes_drawn == 100
    G.add_node(1000, kind="wallet_btc", key="bc1q", display="bc1q…", cases=("C-9",), n_cases=1)
    G.add_edge(1000, 5, key="transfer", kind="transfer", count=2, amount=0.5)
    state.undo_stack.push(AddEntities(state, G, [1000]))
    view.grab()
    assert view.render_info.nodes_drawn == 101 and "Bitcoin wallet (1)" in view.legend.entries()
    with qtbot.waitSignal(view.selection_changed):
        state.select([1000])
    assert view.layer.selected_nodes.tolist() == [state.index_of(1000)]
    view.set_state(None)
    state.undo_stack.undo()                       # no longer listening: nothing to update
    assert view.data is None


def test_background_pixels_where_nothing_is_drawn(make_view):
    view, state, _ = make_view(4, spacing=100.0)
    base = view.layer.base
    assert base.buf[0, 0] == BACKGROUND and (base.buf != BACKGROUND).sum() > 0


def test_selection_mode_drag_draws_a_band_and_keys_work(make_view, qtbot):
    view, state, _ = make_view(100)
    view.set_selection_mode(True)
    drag(view.graphics.viewport(), view.map_node_to_viewport(0) - QPoint(8, 8),
         view.map_node_to_viewport(11) + QPoint(8, 8))
    assert state.selection.nodes == {0, 1, 10, 11}
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert not state.selection
    QTest.keyClick(view, Qt.Key.Key_A, CTRL)
    assert len(state.selection.nodes) == 100


def test_empty_and_single_entity_charts(qtbot):
    from linkview.chart import ChartState
    from linkview.ui.canvas import ChartView

    view = ChartView(ChartState())
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    view.grab()
    assert view.render_info.nodes_drawn == 0 and not view.legend.isVisible()
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node(5, kind="person", key="ivanov", display="Ivanov I.", cases=("C-1",), n_cases=1)
    view.set_state(ChartState.from_graph(G, {5: (3.0, 4.0)}))
    view.grab()
    assert view.render_info.nodes_drawn == 1 and view.legend.entries() == ["Person (1)"]
    c = view.viewbox.viewRect().center()
    assert (c.x(), c.y()) == pytest.approx((3.0, 4.0))


def test_annotations_and_pins_are_drawn(make_view):
    from linkview.chart import Annotate, Pin

    view, state, _ = make_view(9, spacing=10.0)
    before = view.layer.base.buf.copy()
    state.undo_stack.push(Annotate(state, 4, "seized 2025-03-01"))
    state.undo_stack.push(Pin(state, [0]))
    view.grab()
    assert view.layer.annotations == {state.index_of(4): "seized 2025-03-01"}
    note_yellow = np.uint32(0xFFFFF3B0)
    assert (view.layer.base.buf == note_yellow).any() and not (before == note_yellow).any()


def test_drag_in_overview_draws_the_moving_entities_over_the_cached_image(make_view, qtbot):
    view, state, _ = make_view(6400, size=(900, 700))
    assert view.render_info.mode == "overview"
    vp = view.graphics.viewport()
    start = view.map_node_to_viewport(3240)
    QTest.mousePress(vp, LEFT, NOMOD, start)
    for k in range(1, 4):
        QTest.mouseMove(vp, start + QPoint(20 * k, 0), 5)
    view.grab()
    assert view.layer.exclude is not None and view.layer.exclude.sum() == 1
    assert view.render_info.nodes_drawn == 6399            # the dragged one is in the overlay
    QTest.mouseRelease(vp, LEFT, NOMOD, start + QPoint(60, 0), 5)
    assert state.is_pinned(3240) and state.position(3240)[0] > 40.0
    view.grab()
    assert view.render_info.nodes_drawn == 6400
