"""The main window on a small workspace built from call-record files: cases, chart, inspector, rings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

pytestmark = pytest.mark.gui

FRAUD = "+77015551234"     # the phone that joins the two victims' cases (see conftest.py)


def _fraud_id(window) -> int:
    return int(window.session.ws.search(FRAUD)["id"].iloc[0])


def test_welcome_page_without_workspace(window):
    assert window.stack.currentWidget() is window.welcome
    assert not window.action_import.isEnabled()
    assert window.welcome.demo_button.isVisible()


def test_cases_dock_lists_cases_with_counts(opened):
    model = opened.cases_dock.model
    assert model.rowCount() == 2
    rows = {model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(2)}
    number, title, files, events, links, entities, rejected = rows["2024-0001"]
    assert (title, files) == ("Kaspi call, victim 1", "2")
    assert int(events) > 0 and int(entities) >= 4
    assert rows["2024-0002"][6] == "1"          # the row with a bad date and a bad number
    assert opened.session.scope == frozenset(c.id for c in opened.session.ws.cases())


def test_case_selection_shows_sources_and_rejected_rows(opened):
    dock = opened.cases_dock
    dock.select_case(opened.session.ws.case("2024-0002").id)
    assert dock.sources_model.rowCount() == 1
    assert dock.sources_model.value(0, "name") == "victim2_beeline.csv"
    assert len(dock.sources_model.value(0, "sha256")) == 64
    assert dock.rejected_model.rowCount() == 1
    assert dock.rejected_model.value(0, "severity") == "error"
    assert dock.export_button.isEnabled()


def test_export_rejected_rows(opened, tmp_path):
    dock = opened.cases_dock
    dock.select_case(opened.session.ws.case("2024-0002").id)
    out = tmp_path / "rejected.csv"
    dock.export_rejected(str(out))
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("file;row;column;severity;reason")
    assert "victim2_beeline.csv" in text


def test_unticking_a_case_rebuilds_the_graph(opened, qtbot):
    model = opened.cases_dock.model
    case_two = opened.session.ws.case("2024-0002").id
    with qtbot.waitSignal(opened.session.graph_changed, timeout=30000) as blocker:
        model.setData(model.index(model.row_of(case_two), 0), Qt.CheckState.Unchecked.value,
                      Qt.ItemDataRole.CheckStateRole)
    graph = blocker.args[0]
    assert opened.session.scope == frozenset({opened.session.ws.case("2024-0001").id})
    assert all(set(graph.nodes[n]["cases"]) & {"2024-0001"} for n in graph.nodes)


def test_select_node_shows_inspector_and_provenance(opened, qtbot):
    panel, inspector = opened.chart_panel, opened.inspector_dock
    fraud = _fraud_id(opened)
    with qtbot.waitSignal(inspector.provenance_loaded, timeout=30000):
        panel.state.select([fraud])
    assert inspector.fields["key"].text() == FRAUD
    assert "+7 701 555 12 34" in inspector.fields["variants"].text()
    assert "2024-0001" in inspector.fields["cases"].text() and "2024-0002" in inspector.fields["cases"].text()
    provenance = inspector.provenance_model
    assert provenance.rowCount() > 0
    files = {provenance.value(r, "file") for r in range(provenance.rowCount())}
    assert {"victim1_kcell.csv", "victim2_beeline.csv", "fraud_sim.csv"} <= files
    dialog = inspector.open_source_row(0)     # a child of the window, deleted when closed
    cells = dialog.cells()
    assert "Абонент А" in cells and "Абонент Б" in cells
    row = int(provenance.value(0, "row"))
    assert str(row) in dialog.windowTitle()
    dialog.close()


def test_select_link_shows_the_rows_joining_both_ends(opened, qtbot):
    panel, inspector = opened.chart_panel, opened.inspector_dock
    fraud = _fraud_id(opened)
    u, v, key = next(k for k in panel.state.edge_keys() if fraud in k[:2] and k[2] == "call")
    with qtbot.waitSignal(inspector.provenance_loaded, timeout=30000):
        panel.state.select(edges=[(u, v, key)])
    assert inspector.other_id is not None
    assert " — " in inspector.fields["key"].text()
    assert "call" in inspector.fields["counts"].text()
    provenance = inspector.provenance_model
    assert provenance.rowCount() > 0
    assert {provenance.value(r, "what") for r in range(provenance.rowCount())} <= {"call", "sms"}


def test_hub_mark_is_saved(opened, qtbot):
    fraud = _fraud_id(opened)
    opened.chart_panel.state.select([fraud])
    with qtbot.waitSignal(opened.session.rings_changed, timeout=30000):
        opened.inspector_dock.hub_box.setChecked(True)
    assert opened.session.ws.hub_marks().get(fraud) is True


def test_expand_hide_undo(opened):
    panel = opened.chart_panel
    panel.restore(None)                       # start from an empty chart
    fraud = _fraud_id(opened)
    panel.show_entities([fraud])
    assert panel.state.ids.tolist() == [fraud]
    command = panel.expand([fraud])
    neighbours = set(opened.session.graph.predecessors(fraud)) | set(opened.session.graph.successors(fraud))
    assert set(command.added) == neighbours
    panel.state.select([fraud])
    panel.action_hide.trigger()
    assert panel.state.is_hidden(fraud)
    panel.action_undo.trigger()
    assert not panel.state.is_hidden(fraud)
    panel.action_undo.trigger()               # undo the expansion
    assert panel.state.ids.tolist() == [fraud]
    panel.action_redo.trigger()
    assert set(panel.state.ids.tolist()) == neighbours | {fraud}


def test_double_click_expansion_request(opened):
    panel = opened.chart_panel
    panel.restore(None)
    fraud = _fraud_id(opened)
    panel.show_entities([fraud])
    panel.view.expand_requested.emit([fraud])
    assert len(panel.state) > 1


def test_search_other_spelling_centres_the_node(opened, qtbot):
    panel = opened.chart_panel
    fraud = _fraud_id(opened)
    panel.search_edit.setText("8 (701) 555-12-34")
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    assert panel.state.selection.nodes == frozenset({fraud})
    centre = panel.view.viewbox.viewRect().center()
    x, y = panel.state.position(fraud)
    assert (centre - QPointF(x, y)).manhattanLength() < 1e-6 * max(1.0, abs(x) + abs(y))


def test_search_for_unknown_value_says_so(opened):
    panel = opened.chart_panel
    assert panel.find("+7 700 000 00 00") is None
    assert "Nothing" in panel.banner.text()


def test_rings_dock_lists_rings_and_selects_members(opened):
    dock = opened.rings_dock
    assert dock.model.rowCount() == 1
    ring = dock.rings[0]
    assert ring.cases == ["2024-0001", "2024-0002"]
    dock.select_ring(0)
    members = {e["node"] for e in ring.entities}
    assert opened.chart_panel.state.selection.nodes == frozenset(members)
    assert dock.members.count() == len(members)
    assert dock.evidence.count() > 0
    assert "fraud_sim.csv" in " ".join(dock.evidence.item(i).text() for i in range(dock.evidence.count())) \
        or "victim" in dock.evidence.item(0).text()


def test_layout_and_measure(opened, qtbot):
    panel = opened.chart_panel
    before = panel.state.positions.copy()
    task = panel.run_layout()
    with qtbot.waitSignal(task.succeeded, timeout=30000):
        pass
    assert panel.state.undo_stack.undo_text() == "Layout"
    assert panel.state.positions.shape == before.shape
    panel.set_measure("degree")
    assert panel.state.style.size_by == "degree"
    panel.action_undo.trigger()
    assert panel.state.style.size_by is None


def test_new_case_joins_the_scope(opened):
    dock = opened.cases_dock
    case = dock.create_case(" 2024-0100 ", "Phishing SMS", "")
    assert case.number == "2024-0100"
    assert dock.model.rowCount() == 3
    assert case.id in opened.session.scope
    assert dock.current_case().id == case.id


def test_supernode_warning_when_the_cap_is_hit(opened, monkeypatch):
    import linkview.ui.chart_panel as module

    monkeypatch.setattr(module, "EXPAND_CAP", 1)
    panel = opened.chart_panel
    panel.restore(None)
    fraud = _fraud_id(opened)
    panel.show_entities([fraud])
    command = panel.expand([fraud])
    assert len(command.added) == 1
    assert panel.banner.isVisible()
    assert "Supernode" in panel.banner.text() and "+7 701 555 12 34" in panel.banner.text()


def test_search_with_several_matches_offers_them(opened):
    panel = opened.chart_panel
    assert panel.find("7770") is None               # part of two victims' numbers
    actions = panel.matches_menu.actions()
    assert len(actions) >= 2
    actions[0].trigger()
    assert len(panel.state.selection.nodes) == 1


def test_colour_by_community(opened, qtbot):
    panel = opened.chart_panel
    task = panel.set_measure("community")
    with qtbot.waitSignal(task.succeeded, timeout=30000):
        pass
    assert panel.state.style.colour_by == "community"
    assert set(panel.state.style.communities) == set(panel.state.ids.tolist())


def test_first_chart_of_a_scope():
    import networkx as nx

    from linkview.analysis import Ring
    from linkview.ui.chart_panel import ASK_SCOPE, SMALL_SCOPE, initial_entities

    small = nx.path_graph(10, create_using=nx.MultiDiGraph)
    assert initial_entities(small, []) == (list(range(10)), "all")
    big = nx.path_graph(ASK_SCOPE + 10, create_using=nx.MultiDiGraph)
    assert initial_entities(big, []) == ([], "ask")
    ring = Ring(id="R1", score=1.0, cases=["A", "B"],
                entities=[{"node": 500, "kind": "phone", "key": "k", "display": "d", "cases": ["A", "B"],
                           "role": "bridge"}])
    ids, why = initial_entities(big, [ring])
    assert why == "rings" and ids[0] == 500 and sorted(ids) == [499, 500, 501]
    assert SMALL_SCOPE < ASK_SCOPE


def test_graph_failure_is_reported(opened, qtbot, monkeypatch):
    import linkview.ui.session as module
    from linkview.errors import AnalysisError

    def broken(ws, case_ids, *, progress, should_cancel):
        raise AnalysisError("the scope is too big for this workstation")

    monkeypatch.setattr(module, "scope_work", broken)
    with qtbot.waitSignal(opened.runner.error_reported, timeout=30000) as blocker:
        opened.session.rebuild()
    assert blocker.args[1] == "the scope is too big for this workstation"
    assert "too big" in opened.rings_dock.status.text()


def test_a_big_workspace_opens_with_nothing_in_scope(window, workspace_path, qtbot, monkeypatch):
    import linkview.ui.session as module

    monkeypatch.setattr(module, "AUTO_SCOPE_ROWS", 5)
    with qtbot.waitSignal(window.session.rings_changed, timeout=30000):
        assert window.open_workspace(workspace_path)
    assert window.session.scope == frozenset()
    assert window.session.graph.number_of_nodes() == 0
    assert "Tick the cases" in window.rings_dock.status.text()
    model = window.cases_dock.model
    with qtbot.waitSignal(window.session.rings_changed, timeout=30000) as blocker:
        model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args[0] == []            # one case alone forms no cross-case ring
    assert window.session.graph.number_of_nodes() > 0


def test_hovering_an_entity_names_it_in_the_status_bar(opened):
    fraud = _fraud_id(opened)
    opened.chart_panel.view.hover_changed.emit(fraud)
    assert opened.statusBar().currentMessage() == "phone number: +7 701 555 12 34  ·  2024-0001, 2024-0002"
    opened.chart_panel.view.hover_changed.emit(None)
    assert opened.statusBar().currentMessage() == ""
