"""Small graphs built by hand in the shape linkview.graph produces (MultiDiGraph, keyed edges)."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest


def node(kind: str, key: str, cases: tuple[str, ...] = ("C-1",), display: str | None = None) -> dict:
    return {"kind": kind, "key": key, "display": display or key, "valid": True, "cases": cases,
            "n_cases": len(cases), "first_seen": dt.datetime(2025, 1, 5, 10, 0), "last_seen": None, "hub": None}


def make_graph() -> nx.MultiDiGraph:
    """Two phones calling each other and a third, a handset, a card paid to an IBAN, a hub."""
    G = nx.MultiDiGraph(scope={"cases": ["C-1", "C-2"]}, workspace="/tmp/x.linkview")
    G.add_node(1, **node("phone", "+77011234567", ("C-1", "C-2"), "+7 701 123 45 67"))
    G.add_node(2, **node("phone", "+77017654321"))
    G.add_node(3, **node("phone", "+77010000003", ("C-2",)))
    G.add_node(4, **node("imei", "35345678901234"))
    G.add_node(5, **node("card", "4400430000001234"))
    G.add_node(6, **node("iban", "KZ12345678901234567"))
    G.add_node(7, **node("masked_card", "440043*1234"))
    G.add_edge(1, 2, key="call", kind="call", count=12, duration=600.0, amount=float("nan"),
               first=dt.datetime(2025, 1, 5), last=dt.datetime(2025, 2, 1), cases=("C-1",))
    G.add_edge(2, 1, key="call", kind="call", count=3, duration=60.0, cases=("C-1",))
    G.add_edge(1, 2, key="sms", kind="sms", count=5, cases=("C-1",))
    G.add_edge(1, 3, key="call", kind="call", count=1, cases=("C-2",))
    G.add_edge(1, 4, key="sim_in_handset", kind="sim_in_handset", count=40)
    G.add_edge(5, 6, key="transfer:KZT", kind="transfer", count=2, amount=150000.0, currency="KZT")
    G.add_edge(7, 5, key="candidate", kind="candidate", candidate=True, count=1)
    # a hub: 300 callers of number 3
    for i in range(100, 400):
        G.add_node(i, **node("phone", f"+7700{i:07d}"))
        G.add_edge(i, 3, key="call", kind="call", count=1 + i % 5, cases=("C-2",))
    return G


POS = {1: (0.0, 0.0), 2: (1.0, 0.0), 3: (0.0, 1.0), 4: (-1.0, 0.0), 5: (3.0, 3.0), 6: (4.0, 3.0), 7: (3.0, 4.0)}


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return make_graph()


@pytest.fixture
def state(graph):
    from linkview.chart import ChartState

    return ChartState.from_graph(graph, POS, nodes=list(POS))
