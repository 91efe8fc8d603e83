"""Communities, connected components and centrality of an entity graph.

Community detection runs in igraph (C): the graph is converted once through an index mapping to an
undirected weighted igraph graph (parallel and reverse edges summed), then Leiden (modularity) or
multilevel (Louvain) runs on it. Directions and edge kinds are ignored here.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from linkview.analysis._util import check, hub_nodes, report
from linkview.errors import AnalysisError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["communities", "components", "centrality", "to_igraph"]

METHODS = ("leiden", "louvain", "components")
MEASURES = ("degree", "betweenness", "pagerank")


def to_igraph(G: nx.Graph, *, weight: str | None = "count", exclude: Iterable[Any] = ()) -> tuple[Any, list[Any]]:
    """Undirected weighted igraph copy of ``G`` and the node list (igraph vertex i is ``nodes[i]``).

    Parallel and reverse edges are merged, their ``weight`` attributes summed (1 per edge when missing or
    when ``weight`` is None). Self-loops are dropped. ``exclude`` nodes are left out.
    """
    import igraph as ig
    import numpy as np

    skip = set(exclude)
    nodes = [n for n in G.nodes if n not in skip]
    index = {n: i for i, n in enumerate(nodes)}
    multi = G.is_multigraph()
    src, dst, w = [], [], []
    for u, nbrs in G.adjacency():          # one pass over the adjacency, parallel edges summed per pair
        iu = index.get(u)
        if iu is None:
            continue
        for v, data in nbrs.items():
            iv = index.get(v)
            if iv is None or iv == iu:
                continue
            if weight is None:
                x = len(data) if multi else 1
            elif not multi:
                x = _number(data.get(weight, 1))
            elif len(data) == 1:
                (d,) = data.values()
                x = _number(d.get(weight, 1))
            else:
                x = sum(_number(d.get(weight, 1)) for d in data.values())
            src.append(iu)
            dst.append(iv)
            w.append(x)
    g = ig.Graph(n=len(nodes))
    if src:
        a0 = np.asarray(src, dtype=np.int64)
        b0 = np.asarray(dst, dtype=np.int64)
        a, b = np.minimum(a0, b0), np.maximum(a0, b0)
        wt = np.asarray(w, dtype=float)
        code = a * len(nodes) + b
        uniq, inv = np.unique(code, return_inverse=True)
        sums = np.bincount(inv, weights=wt)
        # a list of tuples: igraph converts it about ten times faster than a list of lists
        g.add_edges(list(zip((uniq // len(nodes)).tolist(), (uniq % len(nodes)).tolist(), strict=True)))
        g.es["weight"] = sums.tolist()
    else:
        g.es["weight"] = []
    return g, nodes


def _number(x: Any) -> float:
    return x if isinstance(x, (int, float)) else 1


def components(G: nx.Graph, *, exclude: Iterable[Any] = ()) -> list[set[Any]]:
    """Weakly connected components (edge directions ignored), largest first.

    >>> import networkx as nx
    >>> components(nx.MultiDiGraph([(1, 2), (3, 4), (4, 5)]))
    [{3, 4, 5}, {1, 2}]
    """
    g, nodes = to_igraph(G, weight=None, exclude=exclude)
    parts = [{nodes[i] for i in comp} for comp in g.connected_components(mode="weak")]
    parts.sort(key=lambda s: (-len(s), min(str(n) for n in s)))
    return parts


def communities(G: nx.Graph, *, method: str = "leiden", weight: str | None = "count", resolution: float = 1.0,
                seed: int = 0, hubs: Iterable[Any] | None = (),
                progress: Callable[[float, str], None] | None = None,
                should_cancel: Callable[[], bool] | None = None) -> list[set[Any]]:
    """Communities of ``G``, largest first, each a set of node ids.

    ``method``: ``"leiden"`` (igraph community_leiden, modularity objective), ``"louvain"`` (igraph
    community_multilevel) or ``"components"``. ``weight``: the edge attribute summed into weights
    (``count`` by default). ``hubs``: nodes left out (none by default; pass None for marked hubs and
    service numbers). ``seed`` makes the result repeatable.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edges_from([(1, 2), (2, 3), (3, 1), (4, 5), (5, 6), (6, 4), (3, 4)])
    >>> sorted(sorted(c) for c in communities(G))
    [[1, 2, 3], [4, 5, 6]]
    """
    import igraph as ig

    if method not in METHODS:
        raise AnalysisError(f"unknown community method {method!r}; use one of {', '.join(METHODS)}")
    exclude = hub_nodes(G, hubs)
    report(progress, 0.0, "converting the graph")
    check(should_cancel, "community detection")
    if method == "components":
        return components(G, exclude=exclude)
    g, nodes = to_igraph(G, weight=weight, exclude=exclude)
    check(should_cancel, "community detection")
    report(progress, 0.3, f"{method} on {g.vcount()} entities, {g.ecount()} links")
    rng = random.Random(seed)
    ig.set_random_number_generator(rng)
    try:
        if method == "leiden":
            part = g.community_leiden(objective_function="modularity", weights="weight",
                                      resolution=resolution, n_iterations=2)
        else:
            part = g.community_multilevel(weights="weight", resolution=resolution)
    finally:
        ig.set_random_number_generator(random)
    check(should_cancel, "community detection")
    out = [{nodes[i] for i in members} for members in part if members]
    out.sort(key=lambda s: (-len(s), min(str(n) for n in s)))
    report(progress, 1.0, f"{len(out)} communities")
    return out


def centrality(G: nx.Graph, *, measure: str = "degree", weight: str | None = None, k: int | None = None,
               seed: int = 0, progress: Callable[[float, str], None] | None = None,
               should_cancel: Callable[[], bool] | None = None) -> dict[Any, float]:
    """Centrality of every node: ``degree`` (distinct neighbours / (n - 1)), ``betweenness`` or ``pagerank``.

    Betweenness is exact up to 2,000 nodes and estimated from ``k`` sampled sources beyond (256 by
    default; networkx ``betweenness_centrality``); PageRank runs in igraph on the undirected weighted view.

    >>> import networkx as nx
    >>> c = centrality(nx.MultiDiGraph([(1, 2), (1, 3), (1, 4)]), measure="betweenness")
    >>> max(c, key=c.get)
    1
    """
    import networkx as nx

    if measure not in MEASURES:
        raise AnalysisError(f"unknown centrality {measure!r}; use one of {', '.join(MEASURES)}")
    check(should_cancel, "centrality")
    report(progress, 0.0, f"{measure} centrality")
    n = G.number_of_nodes()
    if n == 0:
        return {}
    if measure == "degree":
        und = G.to_undirected(as_view=True) if G.is_directed() else G
        scale = 1.0 / (n - 1) if n > 1 else 1.0
        return {v: len(und.adj[v]) * scale for v in G.nodes}
    if measure == "pagerank":
        g, nodes = to_igraph(G, weight=weight)
        scores = g.pagerank(weights="weight" if weight is not None else None, directed=False)
        return dict(zip(nodes, scores, strict=True))
    simple = nx.Graph()
    simple.add_nodes_from(G.nodes)
    simple.add_edges_from((u, v) for u, v in G.edges() if u != v)
    if k is None and n > 2000:
        k = 256
    result = nx.betweenness_centrality(simple, k=min(k, n) if k else None, seed=seed)
    report(progress, 1.0, "done")
    return result
