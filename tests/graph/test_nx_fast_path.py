"""The graph builder fills networkx's adjacency dicts directly (``build._add_edges``): guard that.

The built graph must pass networkx's own views and operations exactly like a graph filled through the
public ``add_edges_from``; and the fast path must switch itself off on networkx releases it was not
verified with.
"""

from __future__ import annotations

import networkx as nx
import pytest

from linkview.graph import build, build_graph


def _world(ws, sc):
    p1, p2, p3, p9 = sc.phone(1), sc.phone(2), sc.phone(3), sc.phone(9)
    sc.add_file(ws, "100", events=[
        ("call", p1, p2, "2024-01-01 10:00", {"duration": 30.0, "target": "b", "dev_key": "35000000000001"}),
        ("call", p1, p2, "2024-01-02 10:00", {"duration": 60.0, "target": "b"}),
        ("sms", p2, p1, "2024-01-03 10:00"),
        ("call", p2, ("service", "102"), "2024-01-04 10:00", {"duration": 5.0}),
        ("call", p3, p3, "2024-01-04 11:00", {"duration": 1.0}),          # a call to oneself: a self-loop
    ], links=[("sim_in_handset", p2, ("imei", "35000000000001"))])
    sc.add_file(ws, "200", kind="transfers", events=[
        ("transfer", ("card", "4400430000001234"), ("card", "4400430000005678"), "2024-01-05 12:00",
         {"amount": 1000.0, "currency": "KZT"}),
        ("transfer", ("card", "4400430000001234"), ("card", "4400430000005678"), "2024-01-06 13:00",
         {"amount": 10.0, "currency": "USD"}),
        ("transfer", ("masked_card", "440043*5678"), ("card", "4400430000009999"), "2024-02-03 09:00",
         {"amount": 7.0, "currency": "KZT"}),
        ("call", p9, p1, "2024-02-02 09:00", {"duration": 20.0}),
    ])


def _edges(G):
    return sorted(((u, v, k, tuple(sorted(d.items(), key=lambda kv: kv[0]))) for u, v, k, d in
                   G.edges(keys=True, data=True)), key=repr)


def test_fast_path_is_taken_on_this_networkx_and_verified_releases_are_known():
    assert build.fast_path_verified(nx.__version__), (
        f"networkx {nx.__version__}: verify build._add_edges against it, then add it to FAST_PATH_NETWORKX")
    assert build.fast_path_verified("3.3") and build.fast_path_verified("3.6.1")
    assert not build.fast_path_verified("3.2.1") and not build.fast_path_verified("3.7.0")
    assert not build.fast_path_verified("4.0") and not build.fast_path_verified("dev")
    G = nx.MultiDiGraph()
    assert build._add_edges(G, [(1, 2, "call", {"kind": "call"})]) == "fast"


def test_unverified_networkx_falls_back_to_add_edges_from(monkeypatch, ws, sc):
    _world(ws, sc)
    fast = build_graph(ws)
    monkeypatch.setattr(nx, "__version__", "9.0.0")
    assert build._add_edges(nx.MultiDiGraph(), [(1, 2, "call", {"kind": "call"})]) == "add_edges_from"
    calls = []
    original = nx.MultiDiGraph.add_edges_from
    monkeypatch.setattr(nx.MultiDiGraph, "add_edges_from",
                        lambda self, ebunch, **kw: calls.append(1) or original(self, ebunch, **kw))
    slow = build_graph(ws)
    assert calls, "the fallback must go through add_edges_from"
    assert nx.utils.graphs_equal(fast, slow) and _edges(fast) == _edges(slow)


def test_fast_built_graph_passes_networkx_consistency_checks(ws, sc):
    _world(ws, sc)
    G = build_graph(ws)
    edges = list(G.edges(keys=True, data=True))
    assert len(edges) >= 8 and any(u == v for u, v, _, _ in edges)
    # counts agree whichever way networkx computes them
    m = G.number_of_edges()
    assert m == len(edges) == G.size() == sum(d for _, d in G.out_degree()) == sum(d for _, d in G.in_degree())
    assert sum(d for _, d in G.degree()) == 2 * m
    for u, v, k, d in edges:
        assert G.has_edge(u, v, k) and G.has_edge(u, v) and G.edges[u, v, k] is d
        assert G._succ[u][v] is G._pred[v][u] and G._pred[v][u][k] is d     # one key dict per pair, as add_edge
        assert v in G.adj[u] and u in G.predecessors(v) and v in G.successors(u)
        assert G.number_of_edges(u, v) == len(G[u][v])
    assert sorted(G.in_edges(keys=True)) == sorted(G.out_edges(keys=True)) == sorted((u, v, k) for u, v, k, _ in edges)
    # the public fill gives the same graph
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(edges)
    assert nx.utils.graphs_equal(G, H) and _edges(G) == _edges(H)
    slow = nx.MultiDiGraph()
    slow.add_nodes_from(G.nodes(data=True))
    assert build._add_edges(slow, [(u, v, k, dict(d)) for u, v, k, d in edges], fast=False) == "add_edges_from"
    assert _edges(slow) == _edges(G)
    # copies, reverse, subgraphs, undirected views
    C = nx.MultiDiGraph(G)
    assert nx.utils.graphs_equal(G, C) and nx.utils.graphs_equal(G, G.copy())
    R = G.reverse()
    assert R.number_of_edges() == m and all(R.has_edge(v, u, k) for u, v, k, _ in edges)
    assert nx.utils.graphs_equal(R.reverse(), G)
    nodes = list(G.nodes)[: max(2, len(G) // 2)]
    S = G.subgraph(nodes)
    inside = sorted((u, v, k) for u, v, k, _ in edges if u in S and v in S)
    assert sorted(S.edges(keys=True)) == inside and nx.utils.graphs_equal(S.copy(), G.subgraph(nodes).copy())
    U = G.to_undirected()
    assert U.number_of_edges() == m
    assert nx.number_weakly_connected_components(G) == nx.number_connected_components(U)
    # mutation after the fast fill keeps the structure consistent (and networkx's caches cleared)
    u, v, k, _ = edges[0]
    G.remove_edge(u, v, k)
    assert G.number_of_edges() == m - 1 and not G.has_edge(u, v, k) and k not in G.pred[v].get(u, {})
    G.add_edge(u, v, key=k, kind="call")
    assert G.number_of_edges() == m and G._pred[v][u] is G._succ[u][v]


@pytest.mark.parametrize("fast", [True, False])
def test_add_edges_on_both_paths_match_add_edge(fast):
    edges = [(1, 2, "call", {"kind": "call", "count": 2}), (2, 1, "sms", {"kind": "sms", "count": 1}),
             (1, 2, "transfer:KZT", {"kind": "transfer", "amount": 5.0}), (3, 3, "call", {"kind": "call"}),
             (4, 5, "owns", {"kind": "owns"})]
    G = nx.MultiDiGraph()
    G.add_node(1, kind="phone")
    build._add_edges(G, [(u, v, k, dict(d)) for u, v, k, d in edges], fast=fast)
    ref = nx.MultiDiGraph()
    ref.add_node(1, kind="phone")
    for u, v, k, d in edges:
        ref.add_edge(u, v, key=k, **d)
    assert nx.utils.graphs_equal(G, ref) and _edges(G) == _edges(ref)
