"""Paths with hub avoidance and money tracing in time order, on hand-built graphs."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from linkview.analysis import all_paths, shortest_path, trace
from linkview.errors import AnalysisError, EntityNotFound, NoPath


def graph():
    G = nx.MultiDiGraph()
    G.add_nodes_from([(1, {"kind": "phone"}), (2, {"kind": "service", "hub": None}), (3, {"kind": "card"}),
                      (4, {"kind": "phone"}), (5, {"kind": "phone"}), (6, {"kind": "phone", "hub": True}),
                      (7, {"kind": "phone"})])
    G.add_edge(1, 2, key="call", kind="call", count=3)
    G.add_edge(2, 5, key="call", kind="call", count=1)
    G.add_edge(1, 3, key="transfer:KZT", kind="transfer", count=2, amount=500.0, currency="KZT")
    G.add_edge(4, 3, key="pays_with", kind="pays_with", count=1)
    G.add_edge(5, 4, key="call", kind="call", count=4)
    G.add_edge(4, 5, key="sms", kind="sms", count=1)
    G.add_edge(1, 6, key="call", kind="call", count=1)
    G.add_edge(6, 7, key="call", kind="call", count=1)
    return G


def test_shortest_path_skips_hubs_and_lists_edges():
    G = graph()
    p = shortest_path(G, 1, 5)
    assert p.nodes == [1, 3, 4, 5] and len(p) == 3
    first = p.steps[0]
    assert first == [{"source": 1, "target": 3, "kind": "transfer", "count": 2, "amount": 500.0,
                      "currency": "KZT"}]
    assert {(e["source"], e["kind"]) for e in p.steps[2]} == {(5, "call"), (4, "sms")}
    # with no hub avoidance the service number is a shortcut
    assert shortest_path(G, 1, 5, hubs=[]).nodes == [1, 2, 5]


def test_hub_endpoint_is_allowed_but_not_crossed():
    G = graph()
    assert shortest_path(G, 1, 6).nodes == [1, 6]
    with pytest.raises(NoPath):
        shortest_path(G, 1, 7)          # only through the marked hub 6
    with pytest.raises(NoPath):
        shortest_path(G, 1, 5, max_len=2)
    with pytest.raises(EntityNotFound):
        shortest_path(G, 1, 99)


def test_shortest_path_by_edge_kinds():
    G = graph()
    with pytest.raises(NoPath):
        shortest_path(G, 1, 5, kinds=["call", "sms"])
    assert shortest_path(G, 1, 4, kinds=["transfer", "pays_with"]).nodes == [1, 3, 4]


def test_all_paths_up_to_a_length():
    G = graph()
    G.add_edge(1, 8, key="call", kind="call", count=1)
    G.add_edge(8, 4, key="call", kind="call", count=1)
    paths = all_paths(G, 1, 5, max_len=3)
    assert [p.nodes for p in paths] == [[1, 3, 4, 5], [1, 8, 4, 5]]
    assert [p.nodes for p in all_paths(G, 1, 5, max_len=3, hubs=[])][0] == [1, 2, 5]
    assert len(all_paths(G, 1, 5, max_len=3, limit=1)) == 1
    with pytest.raises(NoPath):
        all_paths(G, 1, 5, max_len=2)
    with pytest.raises(AnalysisError):
        all_paths(G, 1, 5, max_len=0)


def money_graph():
    """victim card V -> mule M -> (before the money came) X; M -> M2 -> wallet W -> exchange E (hub)."""
    t = pd.to_datetime
    transfers = pd.DataFrame([
        ("V", "M", "2024-03-01 10:00", 100_000.0, "KZT", "transfer"),
        ("M", "X", "2024-02-28 09:00", 5_000.0, "KZT", "transfer"),      # earlier: not the victim's money
        ("M", "M2", "2024-03-01 10:30", 60_000.0, "KZT", "transfer"),
        ("M", "M2", "2024-03-01 11:00", 30_000.0, "KZT", "transfer"),
        ("M2", "W", "2024-03-02 08:00", 170.0, "USDT", "transfer"),        # bank -> crypto rail
        ("W", "E", "2024-03-02 09:00", 170.0, "USDT", "transfer"),
        ("E", "Z", "2024-03-03 09:00", 1.0, "USDT", "transfer"),           # the exchange pays everyone
        ("P", "M", "2024-03-01 09:00", 7_000.0, "KZT", "transfer"),        # another payer into the mule
        ("Q", "P", "2024-03-01 08:00", 7_000.0, "KZT", "transfer"),
        ("R", "P", "2024-03-05 08:00", 1.0, "KZT", "transfer"),            # after P paid: not its source
    ], columns=["a_id", "b_id", "time", "amount", "currency", "etype"])
    transfers["time"] = t(transfers["time"])
    G = nx.MultiDiGraph()
    for n in set(transfers["a_id"]) | set(transfers["b_id"]):
        G.add_node(n, kind="wallet_tron" if n in "WE" else "card", hub=True if n == "E" else None)
    for (a, b, cur), g in transfers.groupby(["a_id", "b_id", "currency"]):
        G.add_edge(a, b, key=f"transfer:{cur}", kind="transfer", currency=cur, amount=g["amount"].sum(),
                   count=len(g), first=g["time"].min(), last=g["time"].max())
    return G, transfers


def test_trace_forward_respects_time_order_and_stops_at_hubs():
    G, tr = money_graph()
    flow = trace(G, "V", hops=5, transfers=tr)
    assert flow.exact
    reached = {n["node"]: n for n in flow.nodes}
    assert "X" not in reached and "Z" not in reached
    assert set(reached) == {"V", "M", "M2", "W", "E"}
    assert reached["E"]["hub"] is True and reached["M2"]["depth"] == 2
    assert reached["M2"]["time"] == pd.Timestamp("2024-03-01 10:30")
    edges = {(e["source"], e["target"], e["currency"]): e for e in flow.edges}
    assert edges[("M", "M2", "KZT")]["amount"] == 90_000.0 and edges[("M", "M2", "KZT")]["count"] == 2
    assert ("W", "E", "USDT") in edges
    assert flow.totals == {"KZT": 100_000.0}
    d = flow.to_dict()
    assert d["nodes"][0]["node"] == "V" and isinstance(d["edges"][0]["first"], str)


def test_trace_hops_limit_and_backward():
    G, tr = money_graph()
    assert {n["node"] for n in trace(G, "V", hops=1, transfers=tr).nodes} == {"V", "M"}
    back = trace(G, "M2", direction="backward", hops=3, transfers=tr)
    assert {n["node"] for n in back.nodes} == {"M2", "M", "V", "P", "Q"}   # R paid P too late
    assert back.totals == {"KZT": 90_000.0}


def test_trace_without_transfers_uses_edge_times():
    G, _ = money_graph()
    flow = trace(G, "V", hops=5)
    assert not flow.exact
    assert {n["node"] for n in flow.nodes} == {"V", "M", "M2", "W", "E"}


def test_trace_arguments_are_checked():
    G, tr = money_graph()
    with pytest.raises(AnalysisError):
        trace(G, "V", direction="sideways")
    with pytest.raises(AnalysisError):
        trace(G, "V", hops=0)
    with pytest.raises(EntityNotFound):
        trace(G, "nobody")
