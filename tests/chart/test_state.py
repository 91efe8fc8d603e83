from __future__ import annotations

import doctest
import importlib
import json

import networkx as nx
import numpy as np
import pytest

from linkview.chart import (
    NODES_ADDED,
    SELECTION_CHANGED,
    AddEntities,
    Annotate,
    ChartState,
    Hide,
    Move,
    SetStyle,
    StyleEntities,
    expand,
    measure_values,
    node_styles,
)
from linkview.chart.measures import category_colours, edge_widths, ramp_colours, scale_sizes


def test_from_graph_keeps_nodes_edges_and_attributes(state, graph):
    assert len(state) == 7 and set(state.ids.tolist()) == set(range(1, 8))
    assert state.edge_count == 7
    assert state.attrs(1)["display"] == "+7 701 123 45 67"
    assert (5, 6, "transfer:KZT") in state.edge_keys()
    src, dst = state.edge_endpoints()
    eu, ev = state.edge_ids()
    assert (state.ids[src] == eu).all() and (state.ids[dst] == ev).all()
    assert state.neighbours([1]) == {2, 3, 4}
    with pytest.raises(ValueError):
        state.positions[0, 0] = 5.0            # read-only views: change through commands


def test_from_graph_runs_the_layout_without_positions(graph):
    s = ChartState.from_graph(graph)
    assert len(s) == graph.number_of_nodes() and np.isfinite(s.positions).all()


def test_indices_of_large_and_missing():
    G = nx.MultiDiGraph()
    G.add_nodes_from((i * 7, {"kind": "phone"}) for i in range(500))
    s = ChartState.from_graph(G, np.zeros((500, 2)))
    q = [i * 7 for i in range(499, -1, -3)]
    assert (s.ids[s.indices_of(q)] == q).all()
    with pytest.raises(KeyError):
        s.indices_of([*q, 3])
    with pytest.raises(KeyError):
        s.indices_of([3])


def test_selection_modes_and_events(state):
    events = []
    state.subscribe(events.append)
    state.select([1, 2])
    state.select([2, 3], mode="toggle")
    assert state.selection.nodes == {1, 3}
    state.select([3], mode="remove")
    state.select([5, 999], edges=[(5, 6, "transfer:KZT"), (1, 999, "call")], mode="add")
    assert state.selection.nodes == {1, 5} and state.selection.edges == {(5, 6, "transfer:KZT")}
    state.select([1, 5], edges=[(5, 6, "transfer:KZT")], mode="add")        # no change, no event
    state.clear_selection()
    assert not state.selection
    assert [e.type for e in events] == [SELECTION_CHANGED] * 5
    assert events[0].ids == (1, 2)
    assert not state.undo_stack.can_undo()                                 # selection is not a command
    with pytest.raises(ValueError):
        state.select([1], mode="xor")


def test_unsubscribe_stops_events(state):
    events = []
    unsubscribe = state.subscribe(events.append)
    state.undo_stack.push(Hide(state, [1]))
    unsubscribe()
    state.undo_stack.undo()
    assert len(events) == 1


def test_to_dict_is_json_and_from_dict_restores_everything(state, graph):
    state.undo_stack.push(AddEntities(state, graph, [100], positions={100: (2.0, 2.0)}))
    state.undo_stack.push(Move(state, {1: (0.5, -0.5)}))
    state.undo_stack.push(Hide(state, [4]))
    state.undo_stack.push(Annotate(state, 2, "burner, bought 2025-01-03"))
    state.undo_stack.push(StyleEntities(state, [5], colour="#00ff00", label="Card of A."))
    state.undo_stack.push(SetStyle(state, size_by="n_cases", colour_by="community", communities={1: 3, 2: 3}))
    state.select([1, 2], edges=[(1, 2, "call")])
    data = json.loads(json.dumps(state.to_dict()))
    back = ChartState.from_dict(data)
    assert back.to_dict() == data
    assert back.position(1) == (0.5, -0.5) and back.is_pinned(1) and back.is_hidden(4)
    assert back.annotations[2].startswith("burner") and back.overrides[5]["label"] == "Card of A."
    assert back.style == state.style
    assert back.selection == state.selection
    assert back.attrs(1)["cases"] == ("C-1", "C-2")
    assert back.attrs(1)["first_seen"] == "2025-01-05T10:00:00"          # times come back as ISO text
    assert back.edge_attrs_at(back.edge_keys().index((1, 2, "call")))["amount"] is None   # NaN -> null
    assert not back.undo_stack.can_undo()
    with pytest.raises(ValueError):
        ChartState.from_dict({"format": "something else"})
    with pytest.raises(ValueError):
        ChartState.from_dict({**data, "version": 99})


def test_events_of_additions_name_the_new_entities(state, graph):
    events = []
    state.subscribe(events.append)
    state.undo_stack.push(AddEntities(state, graph, [101, 100], positions={100: (0, 0), 101: (1, 1)}))
    assert events[0].type == NODES_ADDED and events[0].ids == (101, 100)


def test_expand_caps_supernodes(state, graph):
    plan = expand(state, graph, [3], cap=50)
    assert len(plan.new) == 50 and plan.supernodes == {3: 301} and plan.skipped == 250
    assert "3 has 301 neighbours" in plan.warning and "50 strongest" in plan.warning
    counts = {u: d["count"] for u, _, d in graph.in_edges(3, data=True)}
    assert min(counts[n] for n in plan.new) >= max(counts[n] for n in counts if n not in plan.new and n != 1)
    small = expand(state, graph, [1, 2], cap=50)
    assert small.new == [] and small.warning == ""            # all neighbours already on the chart
    state.undo_stack.push(AddEntities(state, graph, plan.new))
    assert expand(state, graph, [3], cap=400).new == sorted(set(range(100, 400)) - set(plan.new), key=plan_order(graph))


def plan_order(graph):
    order = {u: i for i, (u, _) in enumerate(graph.in_edges(3))}
    return lambda n: order[n]


def test_measures(state, graph):
    deg = dict(zip(state.ids.tolist(), measure_values(state, "degree").tolist(), strict=True))
    assert deg[1] == 3 and deg[2] == 1 and deg[6] == 1
    cnt = dict(zip(state.ids.tolist(), measure_values(state, "count").tolist(), strict=True))
    assert cnt[1] == 12 + 3 + 5 + 1 + 40
    amt = dict(zip(state.ids.tolist(), measure_values(state, "amount").tolist(), strict=True))
    assert amt[6] == 150000.0 and amt[1] == 0.0
    cases = dict(zip(state.ids.tolist(), measure_values(state, "n_cases").tolist(), strict=True))
    assert cases[1] == 2 and cases[2] == 1
    comm = measure_values(state, "community", communities={1: 4})
    assert comm[state.index_of(1)] == 4 and comm[state.index_of(2)] == -1
    with pytest.raises(ValueError):
        measure_values(state, "charisma")
    assert scale_sizes(np.array([0, 1, 4]), 10, 40).tolist() == [10, 25, 40]
    assert ramp_colours(np.array([0.0, 1e6])).tolist()[0][:3] != ramp_colours(np.array([0.0, 1e6])).tolist()[1][:3]
    assert category_colours(np.array([-1]))[0].tolist() == [176, 176, 176, 255]
    w = edge_widths(state, "count")
    assert w.min() == 1.0 and w.max() == 4.0


def test_node_styles_follow_style_and_overrides(state):
    st = node_styles(state)
    assert set(st.kinds) == {"phone", "imei", "card", "iban", "masked_card"} and (st.size == 14).all()
    state.undo_stack.push(SetStyle(state, size_by="degree", colour_by="degree"))
    state.undo_stack.push(StyleEntities(state, [2], colour="#010203", size=33))
    st = node_styles(state)
    assert st.size[state.index_of(1)] == st.size.max() and st.size_range == (1.0, 3.0)
    assert st.rgba[state.index_of(2)].tolist() == [1, 2, 3, 255] and st.size[state.index_of(2)] == 33


@pytest.mark.parametrize("module", ["measures", "undo", "expansion"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(f"linkview.chart.{module}"))
    assert result.attempted > 0 and result.failed == 0


def test_the_chart_layer_imports_no_qt():
    import subprocess
    import sys

    code = ("import sys, linkview.chart, linkview.chart.measures, linkview.chart.expansion; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
