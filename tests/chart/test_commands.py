"""Every command: do, undo and redo round-trip exactly, and tell subscribers what changed."""

from __future__ import annotations

import json

import numpy as np
import pytest

from linkview.chart import (
    ANNOTATIONS_CHANGED,
    NODES_ADDED,
    NODES_REMOVED,
    PINS_CHANGED,
    POSITIONS_CHANGED,
    SELECTION_CHANGED,
    STYLE_CHANGED,
    VISIBILITY_CHANGED,
    AddEntities,
    Annotate,
    ChartState,
    Hide,
    Move,
    Pin,
    RemoveEntities,
    SetStyle,
    Show,
    StyleEntities,
    Unpin,
)


def snapshot(state: ChartState) -> str:
    d = state.to_dict()
    d.pop("selection")
    # chart order may change on undo of a removal; compare as sets keyed by id
    nodes = d.pop("nodes")
    rows = sorted(zip(nodes["id"], nodes["x"], nodes["y"], nodes["pinned"], nodes["hidden"],
                      (json.dumps(a, sort_keys=True) for a in nodes["attrs"]), strict=True))
    e = d.pop("edges")
    edges = sorted(json.dumps(r, sort_keys=True) for r in zip(e["u"], e["v"], e["key"], e["attrs"], strict=True))
    return json.dumps([rows, edges, d], sort_keys=True)


def round_trip(state: ChartState, command) -> list[str]:
    events: list[str] = []
    unsubscribe = state.subscribe(lambda ev: events.append(ev.type))
    before = snapshot(state)
    state.undo_stack.push(command)
    after = snapshot(state)
    assert after != before, f"{command!r} changed nothing"
    state.undo_stack.undo()
    assert snapshot(state) == before
    state.undo_stack.redo()
    assert snapshot(state) == after
    state.undo_stack.undo()
    state.undo_stack.redo()
    assert snapshot(state) == after
    unsubscribe()
    return events


def test_add_entities_with_given_positions(state, graph):
    cmd = AddEntities(state, graph, [100, 101, 1], positions={100: (5.0, 5.0), 101: (6.0, 5.0)})
    events = round_trip(state, cmd)
    assert cmd.added == [100, 101]                        # 1 was already on the chart
    assert state.position(100) == (5.0, 5.0)
    assert (100, 3, "call") in state.edge_keys()           # edges to the chart come along
    assert events.count(NODES_ADDED) == 3 and events.count(NODES_REMOVED) == 2


def test_add_entities_places_new_ones_next_to_their_neighbours(state, graph):
    cmd = AddEntities(state, graph, range(100, 140))
    state.undo_stack.push(cmd)
    pos = np.array([state.position(i) for i in range(100, 140)])
    assert np.isfinite(pos).all()
    hub = np.array(state.position(3))
    spread = np.ptp(state.positions[: len(state) - 40], axis=0).max()
    assert np.linalg.norm(pos - hub, axis=1).max() < 3 * spread   # near their neighbour 3
    old = {i: state.position(i) for i in (1, 2, 5)}
    assert old == {i: tuple(map(float, p)) for i, p in zip((1, 2, 5), ((0, 0), (1, 0), (3, 3)), strict=True)}


def test_add_entities_on_an_empty_chart_runs_the_layout(graph):
    state = ChartState()
    state.undo_stack.push(AddEntities(state, graph, [1, 2, 3, 4]))
    assert len(state) == 4 and np.isfinite(state.positions).all()
    assert len(np.unique(state.positions.round(6), axis=0)) == 4
    assert state.edge_count == 5            # 1->2 call, 2->1 call, 1->2 sms, 1->3, 1->4


def test_remove_entities_takes_edges_notes_and_styles_and_gives_them_back(state):
    state.undo_stack.push(Annotate(state, 2, "burner"))
    state.undo_stack.push(StyleEntities(state, [2], colour="#ff0000"))
    state.select([1, 2], edges=[(1, 2, "call")])
    edges_before = state.edge_count
    events = round_trip(state, RemoveEntities(state, [2, 4]))
    assert state.edge_count == edges_before - 4
    assert SELECTION_CHANGED in events
    state.undo_stack.undo()
    assert state.annotations[2] == "burner" and state.overrides[2] == {"colour": "#ff0000"}
    assert state.edge_count == edges_before
    assert 2 not in state.selection.nodes     # selection is not undoable


@pytest.mark.parametrize("cls, event", [(Hide, VISIBILITY_CHANGED), (Pin, PINS_CHANGED)])
def test_flags_round_trip(state, cls, event):
    events = round_trip(state, cls(state, [1, 5]))
    assert set(events) == {event}


def test_show_and_unpin_restore_mixed_old_values(state):
    state.undo_stack.push(Hide(state, [1]))
    state.undo_stack.push(Pin(state, [2]))
    round_trip(state, Show(state, [1, 3]))
    round_trip(state, Unpin(state, [2, 3]))
    state.undo_stack.undo()
    assert state.is_pinned(2) and not state.is_pinned(3)


def test_hide_deselects(state):
    state.select([1, 2])
    state.undo_stack.push(Hide(state, [1]))
    assert state.selection.nodes == {2}
    state.select([1], mode="add")
    assert state.selection.nodes == {2}       # hidden entities cannot be selected


def test_move_pins_and_undo_unpins(state):
    events = round_trip(state, Move(state, {1: (10.0, 20.0), 2: (11.0, 21.0)}))
    assert state.position(1) == (10.0, 20.0) and state.is_pinned(1)
    assert set(events) == {POSITIONS_CHANGED, PINS_CHANGED}
    state.undo_stack.undo()
    assert state.position(1) == (0.0, 0.0) and not state.is_pinned(1)


def test_set_style_round_trip_and_validation(state):
    events = round_trip(state, SetStyle(state, size_by="degree", colour_by="community",
                                        communities={1: 0, 2: 0, 5: 1}))
    assert set(events) == {STYLE_CHANGED}
    assert state.style.size_by == "degree" and state.style.communities == {1: 0, 2: 0, 5: 1}
    with pytest.raises(ValueError):
        SetStyle(state, size_by="beauty")
    with pytest.raises(ValueError):
        SetStyle(state, edge_width_by="duration_of_lunch")


def test_style_entities_sets_and_clears(state):
    round_trip(state, StyleEntities(state, [1, 2], colour="#112233", size=30))
    state.undo_stack.push(StyleEntities(state, [1], size=None))
    assert state.overrides[1] == {"colour": "#112233"}
    round_trip(state, StyleEntities(state, [2], clear=True))
    assert 2 not in state.overrides
    with pytest.raises(ValueError):
        StyleEntities(state, [1], shape="star")


def test_annotate_round_trip_and_remove(state):
    events = round_trip(state, Annotate(state, 1, "  seized phone  "))
    assert state.annotations[1] == "seized phone" and set(events) == {ANNOTATIONS_CHANGED}
    round_trip(state, Annotate(state, 1, ""))
    assert 1 not in state.annotations
    with pytest.raises(KeyError):
        Annotate(state, 999, "x")


def test_commands_on_entities_not_on_the_chart_do_nothing(state):
    before = snapshot(state)
    for cmd in (Hide(state, [999]), Pin(state, [999]), RemoveEntities(state, [999]), Move(state, {999: (1, 1)})):
        state.undo_stack.push(cmd)
        state.undo_stack.undo()
    assert snapshot(state) == before
