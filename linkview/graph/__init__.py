"""graph layer of LinkView: the networkx view of a workspace scope (docs/internals.md, "graph").

``build_graph(ws, ...)`` turns the scope's events and links into a MultiDiGraph whose nodes are entity ids;
``scope_events`` returns the individual rows behind it (for money tracing and SIM-box scoring);
``entity_evidence`` / ``evidence_many`` / ``evidence_lookup`` give the source file, SHA-256 and rows behind
entities (one at a time, or all of the rings' members in a few bulk reads).
"""

from __future__ import annotations

from linkview.graph.build import EVENT_KINDS, IDENTITY_KINDS, build_graph, scope_events, weak_masked_card
from linkview.graph.evidence import EvidenceLookup, entity_evidence, evidence_lookup, evidence_many

__all__ = ["build_graph", "scope_events", "entity_evidence", "evidence_lookup", "evidence_many", "EvidenceLookup",
           "EVENT_KINDS",
           "IDENTITY_KINDS", "weak_masked_card"]
