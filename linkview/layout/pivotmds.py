"""PivotMDS (Brandes & Pich 2007): a fast classical-MDS approximation from a few BFS trees.

Distances from ``k`` pivots (chosen max-min: each next pivot is the node farthest from those
already chosen) form an ``n x k`` matrix; after double centring, the top two right singular
vectors project it to the plane. Cost: ``k`` breadth-first searches plus an ``n x k`` product.
"""

from __future__ import annotations

import numpy as np

__all__ = ["pivot_mds", "bfs_distances"]


def _csgraph(n: int, edges: np.ndarray):
    from scipy.sparse import csr_matrix

    data = np.ones(2 * len(edges), dtype=np.float64)
    rows = np.concatenate([edges[:, 0], edges[:, 1]])
    cols = np.concatenate([edges[:, 1], edges[:, 0]])
    return csr_matrix((data, (rows, cols)), shape=(n, n))


def bfs_distances(graph, sources) -> np.ndarray:
    """Hop distances (len(sources), n) from each source; ``inf`` where unreachable.

    One ``breadth_first_order`` per source (C speed), then depths by pointer jumping along the
    BFS tree's predecessors (``log2(diameter)`` vectorised passes), which is several times faster
    than a unit-weight Dijkstra.
    """
    from scipy.sparse.csgraph import breadth_first_order

    n = graph.shape[0]
    out = np.full((len(sources), n), np.inf)
    for row, s in enumerate(np.atleast_1d(np.asarray(sources))):
        order, pred = breadth_first_order(graph, int(s), directed=True, return_predecessors=True)
        # local index of each reached node in BFS order; parent pointers in that index space
        local = np.empty(n, dtype=np.int64)
        local[order] = np.arange(len(order))
        parent = pred[order]
        anc = np.where(parent >= 0, local[np.maximum(parent, 0)], -1)
        depth = (anc >= 0).astype(np.float64)
        while True:
            active = anc >= 0
            if not active.any():
                break
            safe = np.where(active, anc, 0)
            depth = depth + np.where(active, depth[safe], 0.0)
            anc = np.where(active, anc[safe], -1)
        out[row, order] = depth
    return out


def pivot_mds(n: int, edges: np.ndarray, *, pivots: int = 60, rng: np.random.Generator | None = None,
              maxmin: int = 12) -> np.ndarray:
    """Positions (n, 2) of a connected graph by PivotMDS, scaled to one unit per hop (least squares).

    ``maxmin`` pivots are chosen one at a time by the max-min rule (one BFS each), the rest in one
    batch among the nodes ranked by their distance to the chosen ones, which keeps the number of
    sequential searches small on big graphs.
    """
    rng = rng if rng is not None else np.random.default_rng(0)
    if n <= 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])[:n]
    graph = _csgraph(n, edges)
    k = int(min(pivots, n))
    chosen = [int(rng.integers(n))]
    rows = [bfs_distances(graph, chosen[:1])[0]]
    mind = rows[0].copy()
    while len(chosen) < min(maxmin, k):
        nxt = int(np.argmax(mind))
        if mind[nxt] <= 0:
            break
        chosen.append(nxt)
        row = bfs_distances(graph, [nxt])[0]
        rows.append(row)
        np.minimum(mind, row, out=mind)
    rest = k - len(chosen)
    if rest > 0:
        # the remaining pivots: spread by sampling with probability growing with the distance to
        # the pivots already chosen (k-means++ style), in one batch of searches
        w = mind.copy()
        w[chosen] = 0.0
        w = w * w
        total = w.sum()
        if total > 0:
            cand = np.flatnonzero(w > 0)
            take = min(rest, len(cand))
            extra = rng.choice(cand, size=take, replace=False, p=w[cand] / w[cand].sum())
            chosen.extend(int(e) for e in extra)
            rows.extend(bfs_distances(graph, extra))
    dist = np.vstack(rows).T  # n x k
    finite = np.isfinite(dist)
    if not finite.all():
        dist = np.where(finite, dist, np.nanmax(np.where(finite, dist, np.nan)) + 1.0)
    d2 = dist * dist
    c = d2 - d2.mean(axis=0, keepdims=True) - d2.mean(axis=1, keepdims=True) + d2.mean()
    c *= -0.5
    # top eigenvectors of C^T C (k x k) give the right singular vectors of C. C^T C from at most
    # 20,000 rows is plenty for two eigenvectors; einsum instead of BLAS avoids waking OpenBLAS's
    # thread pool (slow to start, and it oversubscribes a busy machine) for this small product.
    rows_c = c if n <= 20_000 else c[rng.choice(n, 20_000, replace=False)]
    _, v = np.linalg.eigh(np.einsum("ij,ik->jk", rows_c, rows_c))
    top = v[:, ::-1][:, :2]
    coords = np.einsum("ij,jk->ik", c, top)
    if coords.shape[1] < 2:
        coords = np.column_stack([coords, np.zeros(n)])
    # sign convention for reproducibility across platforms
    signs = np.sign(coords[np.argmax(np.abs(coords), axis=0), [0, 1]])
    signs[signs == 0] = 1.0
    coords *= signs
    coords -= coords.mean(axis=0)
    # least-squares scale against the hop distances to the pivots (a sample of rows)
    rows_i = np.arange(n) if n <= 2000 else rng.choice(n, 2000, replace=False)
    emb = np.sqrt(((coords[rows_i][:, None, :] - coords[np.asarray(chosen)][None, :, :]) ** 2).sum(axis=2))
    hops = dist[rows_i]
    denom = float((emb * emb).sum())
    if denom > 0:
        coords *= float((emb * hops).sum()) / denom
    return coords
