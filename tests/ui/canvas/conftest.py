"""Charts built by hand for the canvas tests, and a shown ChartView."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

KINDS = ("phone", "imei", "imsi", "card", "masked_card", "iban", "wallet_tron", "email", "ip", "person")


def grid_graph(n: int, *, spacing: float = 1.0, seed: int = 0) -> tuple[nx.MultiDiGraph, np.ndarray]:
    """``n`` entities on a square grid, each calling its right and lower neighbour; kinds cycle."""
    side = int(np.ceil(np.sqrt(n)))
    G = nx.MultiDiGraph()
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        G.add_node(i, kind=kind, key=f"{kind}:{i}", display=f"{kind} {i}", valid=True,
                   cases=(f"C-{i % 3}",), n_cases=1, hub=None)
    for i in range(n):
        for j in (i + 1, i + side):
            if j < n and (j != i + 1 or (i + 1) % side):
                G.add_edge(i, j, key="call", kind="call", count=1 + (i * 7 + j) % 20)
    pos = np.array([((i % side) * spacing, (i // side) * spacing) for i in range(n)], np.float64)
    return G, pos


@pytest.fixture
def make_view(qtbot):
    from linkview.chart import ChartState
    from linkview.ui.canvas import ChartView

    def make(n: int = 100, *, size=(800, 600), spacing: float = 1.0):
        G, pos = grid_graph(n, spacing=spacing)
        state = ChartState.from_graph(G, pos)
        view = ChartView(state)
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        view.fit_to_view()
        view.grab()
        return view, state, G

    return make
