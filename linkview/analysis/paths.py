"""Paths between two entities, with hub avoidance.

A path through the police number or a bank hotline joins any two victims and means nothing, so hubs are
skipped (except when they are an endpoint). Paths follow links in either direction; each step lists every
edge joining its two entities with its kind, direction and count (and amount for money).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from linkview.analysis._util import check, hub_nodes, require_node, to_native
from linkview.errors import AnalysisError, NoPath

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Path", "shortest_path", "all_paths"]


@dataclass
class Path:
    """Entities along a path and, per step, the edges that join them."""

    nodes: list[Any]
    steps: list[list[dict[str, Any]]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.nodes) - 1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _view(G: nx.Graph, source: Any, target: Any, hubs: Iterable[Any] | None,
          kinds: Iterable[str] | None) -> nx.Graph:
    import networkx as nx

    require_node(G, source)
    require_node(G, target)
    skip = hub_nodes(G, hubs) - {source, target}
    view = nx.subgraph_view(G, filter_node=lambda n: n not in skip)
    if kinds is not None:
        allowed = set(kinds)
        if G.is_multigraph():
            view = nx.subgraph_view(view, filter_edge=lambda u, v, k: G[u][v][k].get("kind") in allowed)
        else:
            view = nx.subgraph_view(view, filter_edge=lambda u, v: G[u][v].get("kind") in allowed)
    return view.to_undirected(as_view=True) if view.is_directed() else view


def _edge_items(G: nx.Graph, u: Any, v: Any, kinds: set[str] | None) -> list[dict[str, Any]]:
    items = []
    pairs = [(u, v), (v, u)] if G.is_directed() else [(u, v)]
    for a, b in pairs:
        if not G.has_edge(a, b):
            continue
        data = G[a][b]
        entries = data.items() if G.is_multigraph() else [(None, data)]
        for key, d in entries:
            if kinds is not None and d.get("kind") not in kinds:
                continue
            item = {"source": a, "target": b, "kind": d.get("kind", key), "count": int(d.get("count", 1))}
            for extra in ("amount", "currency", "first", "last", "candidate"):
                if extra in d:
                    item[extra] = to_native(d[extra])
            items.append(item)
    return items


def _describe(G: nx.Graph, nodes: list[Any], kinds: Iterable[str] | None) -> Path:
    allowed = None if kinds is None else set(kinds)
    return Path(nodes=list(nodes), steps=[_edge_items(G, u, v, allowed) for u, v in zip(nodes[:-1], nodes[1:], strict=True)])


def shortest_path(G: nx.Graph, source: Any, target: Any, *, hubs: Iterable[Any] | None = None,
                  kinds: Iterable[str] | None = None, max_len: int | None = None) -> Path:
    """The shortest path between ``source`` and ``target`` avoiding hubs.

    ``hubs``: node ids (or :class:`~linkview.analysis.hubs.Hub` objects) to avoid; when None, nodes marked
    as hubs and service numbers. ``kinds``: edge kinds allowed (all when None). Raises
    :class:`~linkview.errors.NoPath` when none exists (within ``max_len`` steps).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([(1, {"kind": "phone"}), (2, {"kind": "service"}), (3, {"kind": "card"}),
    ...                   (4, {"kind": "phone"}), (5, {"kind": "phone"})])
    >>> _ = G.add_edges_from([(1, 2, "call", {"kind": "call", "count": 3}), (2, 5, "call", {"kind": "call"}),
    ...                       (1, 3, "transfer", {"kind": "transfer", "count": 1}),
    ...                       (4, 3, "transfer", {"kind": "transfer"}), (4, 5, "call", {"kind": "call"})])
    >>> shortest_path(G, 1, 5).nodes
    [1, 3, 4, 5]
    """
    import networkx as nx

    view = _view(G, source, target, hubs, kinds)
    try:
        nodes = nx.shortest_path(view, source, target)
    except nx.NetworkXNoPath:
        raise NoPath(f"no path joins {source} and {target} once hubs are set aside") from None
    if max_len is not None and len(nodes) - 1 > max_len:
        raise NoPath(f"the shortest path between {source} and {target} has {len(nodes) - 1} steps "
                     f"(more than {max_len})")
    return _describe(G, nodes, kinds)


def all_paths(G: nx.Graph, source: Any, target: Any, *, max_len: int = 4, hubs: Iterable[Any] | None = None,
              kinds: Iterable[str] | None = None, limit: int = 100,
              should_cancel: Callable[[], bool] | None = None) -> list[Path]:
    """Every simple path of at most ``max_len`` steps between two entities avoiding hubs, shortest first.

    At most ``limit`` paths are returned. Raises :class:`~linkview.errors.NoPath` when there is none.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([(1, 2, "call"), (2, 3, "call"), (1, 4, "sms"), (4, 3, "call")])
    >>> [p.nodes for p in all_paths(G, 1, 3, max_len=2)]
    [[1, 2, 3], [1, 4, 3]]
    """
    import networkx as nx

    if max_len < 1:
        raise AnalysisError("max_len must be at least 1")
    view = _view(G, source, target, hubs, kinds)
    ds = nx.single_source_shortest_path_length(view, source, cutoff=max_len)
    dt = nx.single_source_shortest_path_length(view, target, cutoff=max_len)
    keep = [n for n, d in ds.items() if n in dt and d + dt[n] <= max_len]
    view = nx.Graph(view.subgraph(keep))  # simple graph of the region: one path per node sequence
    found: list[list[Any]] = []
    candidates = nx.all_simple_paths(view, source, target, cutoff=max_len) if keep else ()
    for i, nodes in enumerate(candidates):
        if i % 256 == 0:
            check(should_cancel, "path search")
        found.append(nodes)
        if len(found) >= 50 * limit:
            break
    if not found:
        raise NoPath(f"no path of at most {max_len} steps joins {source} and {target} once hubs are set aside")
    found.sort(key=lambda p: (len(p), [str(n) for n in p]))
    return [_describe(G, nodes, kinds) for nodes in found[:limit]]
