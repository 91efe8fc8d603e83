"""analysis layer of LinkView: pure functions over the graph of :mod:`linkview.graph` (networkx style).

Each takes the graph (or, for SIM-box scoring, the events frame) first and returns plain data:

- :func:`hubs`: public entities (shipped list, service numbers, statistics, investigator marks) with reasons;
- :func:`rings`: groups of entities that link cases once hubs are set aside, scored, with evidence;
- :func:`communities`, :func:`components`, :func:`centrality`;
- :func:`shortest_path`, :func:`all_paths`: paths avoiding hubs, with the edges of every step;
- :func:`trace`: money flow forward or backward in time order;
- :func:`simbox`: explainable SIM-box scores of phones and handsets.
"""

from __future__ import annotations

from linkview.analysis.communities import centrality, communities, components, to_igraph
from linkview.analysis.flow import Flow, trace
from linkview.analysis.hubs import Hub, hubs, public_entities
from linkview.analysis.paths import Path, all_paths, shortest_path
from linkview.analysis.rings import Ring, rings
from linkview.analysis.simbox import THRESHOLDS, SimboxScore, simbox

__all__ = [
    "Hub", "hubs", "public_entities",
    "Ring", "rings",
    "communities", "components", "centrality", "to_igraph",
    "Path", "shortest_path", "all_paths",
    "Flow", "trace",
    "SimboxScore", "simbox", "THRESHOLDS",
]
