"""Expand: which neighbours of some entities would come onto the chart.

A hub (a bank's public number, an exchange wallet) can have tens of thousands of neighbours;
adding them all buries the chart. :func:`expand` keeps at most ``cap`` neighbours per entity (the
strongest, by the summed ``count`` of the edges joining them) and reports the supernodes, so the
window can warn and let the investigator choose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from linkview.chart.state import ChartState

__all__ = ["ExpandPlan", "expand"]


@dataclass
class ExpandPlan:
    """``new``: entities to add (not on the chart yet), in order; ``supernodes``: entity id ->
    number of neighbours, for those that had more than the cap (or are marked as hubs);
    ``skipped``: how many neighbours were left out because of the cap."""

    new: list[int] = field(default_factory=list)
    supernodes: dict[int, int] = field(default_factory=dict)
    skipped: int = 0
    cap: int = 200

    @property
    def warning(self) -> str:
        """A sentence for the user, or "" when nothing was capped."""
        if not self.supernodes:
            return ""
        parts = ", ".join(f"{n} has {k} neighbours" for n, k in list(self.supernodes.items())[:5])
        more = "" if len(self.supernodes) <= 5 else f" and {len(self.supernodes) - 5} more"
        tail = f"; only the {self.cap} strongest of each were added" if self.skipped else ""
        return f"Supernode: {parts}{more}{tail}."


def expand(state: ChartState, G: Any, node_ids: Iterable[int], cap: int = 200) -> ExpandPlan:
    """What expanding ``node_ids`` would add: their neighbours in ``G`` (both directions) that are
    not on the chart, at most ``cap`` per entity. Nothing is changed; push
    ``AddEntities(state, G, plan.new)`` to do it.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([(1, n) for n in range(2, 12)])
    >>> plan = expand(ChartState.from_graph(G, {1: (0, 0)}, nodes=[1]), G, [1], cap=3)
    >>> len(plan.new), plan.supernodes, plan.skipped
    (3, {1: 10}, 7)
    """
    plan = ExpandPlan(cap=cap)
    seen: set[int] = set()
    for node in dict.fromkeys(int(n) for n in node_ids):
        if node not in G:
            continue
        strength: dict[int, float] = {}
        for _, v, d in G.out_edges(node, data=True):
            strength[v] = strength.get(v, 0.0) + float(d.get("count", 1) or 1)
        for u, _, d in G.in_edges(node, data=True):
            strength[u] = strength.get(u, 0.0) + float(d.get("count", 1) or 1)
        strength.pop(node, None)
        total = len(strength)
        if total > cap or G.nodes[node].get("hub"):
            plan.supernodes[node] = total
        candidates = [n for n in strength if n not in state and n not in seen]
        if len(strength) > cap:
            ranked = sorted(strength, key=lambda n: (-strength[n], str(n)))[:cap]
            keep = [n for n in ranked if n not in state and n not in seen]
            plan.skipped += len(candidates) - len(keep)
            candidates = keep
        for n in candidates:
            seen.add(n)
            plan.new.append(int(n))
    return plan
