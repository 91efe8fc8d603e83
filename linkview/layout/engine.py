"""The layout pipeline behind :func:`linkview.layout.compute_layout`.

Scale: forces use the natural length k = 1, so neighbouring nodes end up about one unit apart and
an edge of a sparse part about one unit long (edges of dense or expander-like parts are longer).

Fresh layout (no ``initial``):

1. split into connected components (scipy ``connected_components``);
2. components of 2..``SMALL`` nodes: one batched exact Fruchterman-Reingold run over all of them at
   once (repulsion only between nodes of the same component);
3. bigger components, one by one, from a PivotMDS start:
   - up to ``EXACT_MAX`` nodes: exact FR (all pairs);
   - beyond: communities (the given ``groups``, else igraph's Leiden), each community put in its
     own disc (discs arranged by a weighted force layout of the community graph, then pushed
     apart until they do not overlap), then FR with ForceAtlas2-like linear attraction, exact
     repulsion between nodes in neighbouring cells and a particle-mesh (FFT) far field;
   - with groups (given or found), members are kept in their group's disc and discs apart;
4. components are packed by bounding circles, the biggest (by nodes) in the centre, the next 60
   around it, the many small ones and the isolated nodes on lattice rings outside.

With ``initial``: unplaced rows are put next to their placed neighbours (as in ``place_new``) and
the whole chart is relaxed gently from there at its own scale; ``fixed`` rows come back
bit-identical.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

from ._prep import LayoutError, Monitor, as_edges, as_groups, as_mask, as_positions, undirected
from .forces import Relaxation, all_pairs, relax
from .packing import pack_circles
from .pivotmds import pivot_mds

__all__ = ["compute_layout", "METHODS"]

_IGRAPH_LOCK = threading.Lock()  # igraph's random generator is global state
METHODS = ("auto", "force", "fast", "pivotmds")
SMALL = 40          # components up to this size are laid out in batches
MAX_SINGLE = 50     # at most this many components get a layout run of their own
BATCH_PAIRS = 3_000_000  # repulsion pairs per batch of small components
EXACT_MAX = 600     # exact repulsion up to this many nodes (auto method)
FORCE_EXACT_MAX = 2500  # method "force": exact repulsion up to this size (memory ~ n**2), mesh beyond
GAP = 2.0           # free space between packed components (units)
MESH_CELL = 2.0     # cell of the far-field mesh and of the near-pair grid (units)
GIVEN_COHESION = np.pi / 3.0  # harmonic pull to the group centre: discs of density 1 / AREA
FOUND_COHESION = GIVEN_COHESION  # the same for communities found by Leiden
AREA = 3.0          # disc area per node for group discs (about FR's spacing at k = 1)
ATTRACTION = 1.0    # big graphs (mesh mode): edge pull ~ distance ** ATTRACTION; exact mode uses FR's 2


def _iterations_exact(n: int) -> int:
    return int(np.clip(3_000_000 / max(n * n, 1), 80, 300))


def _iterations_grid(n: int) -> int:
    return int(np.clip(3_000_000 / max(n, 1), 25, 150))


def _median_edge(pos: np.ndarray, edges: np.ndarray) -> float:
    if len(edges) == 0:
        return 1.0
    d = np.sqrt(((pos[edges[:, 0]] - pos[edges[:, 1]]) ** 2).sum(axis=1))
    med = float(np.median(d))
    return med if med > 1e-9 else 1.0


def communities(n: int, edges: np.ndarray, *, seed: int = 0) -> np.ndarray:
    """Community label per node (igraph's Leiden, modularity), deterministic for a seed."""
    import random

    import igraph as ig

    graph = ig.Graph(n=n, edges=edges)
    with _IGRAPH_LOCK:
        ig.set_random_number_generator(random.Random(seed))
        try:
            parts = graph.community_leiden(objective_function="modularity", n_iterations=2)
        finally:
            ig.set_random_number_generator(random)
    return np.asarray(parts.membership, dtype=np.int64)


def _spread_leaves(base: np.ndarray, edges: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Put degree-1 nodes on sunflower discs around their neighbour (in place, returns ``base``).

    PivotMDS gives all leaves of a hub the same position (same distances to every pivot); a hub
    with thousands of leaves would then start as one crowded point.
    """
    n = len(base)
    deg = np.bincount(edges.ravel(), minlength=n)
    a, b = edges[:, 0], edges[:, 1]
    leaf_a = (deg[a] == 1) & (deg[b] > 1)
    leaf_b = (deg[b] == 1) & (deg[a] > 1)
    leaf = np.concatenate([a[leaf_a], b[leaf_b]])
    hub = np.concatenate([b[leaf_a], a[leaf_b]])
    if len(leaf) == 0:
        return base
    order = np.lexsort((leaf, hub))
    leaf, hub = leaf[order], hub[order]
    first = np.searchsorted(hub, hub, "left")
    rank = np.arange(len(hub)) - first
    radius = 0.8 + np.sqrt(rank * AREA / np.pi)
    theta = rank * 2.399963 + rng.random(n)[hub] * 2 * np.pi
    base[leaf] = base[hub] + np.column_stack([radius * np.cos(theta), radius * np.sin(theta)])
    return base


def _spacing_scale(pos: np.ndarray) -> float:
    """The factor that maps ``pos`` to units where occupied space holds one node per AREA.

    Occupied area = number of non-empty cells of a grid sized for about one node per cell, so
    empty space around packed components or between groups does not count.
    """
    n = len(pos)
    span = pos.max(axis=0) - pos.min(axis=0)
    area = float(max(span[0], 1e-9) * max(span[1], 1e-9))
    if n < 2 or area <= 1e-12:
        return 1.0
    h = np.sqrt(area / n)
    cells = np.floor((pos - pos.min(axis=0)) / h).astype(np.int64)
    occupied = len(np.unique(cells[:, 0] * (int(cells[:, 1].max()) + 1) + cells[:, 1]))
    return float(np.sqrt(occupied * h * h / (n * AREA)))


def _random_disc(n: int, radius: float, rng: np.random.Generator) -> np.ndarray:
    r = radius * np.sqrt(rng.random(n))
    a = 2 * np.pi * rng.random(n)
    return np.column_stack([r * np.cos(a), r * np.sin(a)])


def _group_start(n: int, edges: np.ndarray, groups: np.ndarray, base: np.ndarray,
                 rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Start positions with each group in its own disc; returns (positions, radius per group).

    Group discs (area ``AREA`` units per member) are laid out by an exact FR run on the group graph,
    scaled until no two discs overlap. Inside its disc a group keeps the shape ``base`` (PivotMDS of
    the whole component) gives its members.
    """
    g = int(groups.max()) + 1
    size = np.bincount(groups, minlength=g).astype(np.float64)
    radius = np.sqrt(size * AREA / np.pi) + 0.5
    # group graph: weight = number of edges between the groups
    ga, gb = groups[edges[:, 0]], groups[edges[:, 1]]
    cross = ga != gb
    lo, hi = np.minimum(ga[cross], gb[cross]), np.maximum(ga[cross], gb[cross])
    gkeys, gcount = np.unique(lo * g + hi, return_counts=True)
    gpairs = np.column_stack([gkeys // g, gkeys % g])
    # attraction between groups: their edge count relative to the sizes, scaled to a mean of one
    gw = gcount / np.sqrt(size[gpairs[:, 0]] * size[gpairs[:, 1]])
    gw = gw / gw.mean() if len(gw) else gw
    # group centres: start from the mean PivotMDS position, relax, then spread until discs are apart
    centres = np.column_stack([np.bincount(groups, base[:, 0], g), np.bincount(groups, base[:, 1], g)])
    centres /= size[:, None]
    if g > 1:
        centres = relax(centres / _median_edge(centres, gpairs), gpairs,
                        Relaxation(iterations=200 if g <= 600 else 60, t_start=2.0, t_end=0.01,
                                   cell=None if g <= 1500 else 1.5, attraction=1.0),
                        mass=np.sqrt(size), weights=gw, rng=rng)
        centres = _spread_discs(centres, radius)
    # members: the group's own part of the base layout, rescaled into its disc
    pos = np.empty((n, 2))
    order = np.argsort(groups, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(np.bincount(groups, minlength=g))])
    for k in range(g):
        idx = order[bounds[k]:bounds[k + 1]]
        local = base[idx] - base[idx].mean(axis=0)
        r = np.sqrt((local ** 2).sum(axis=1))
        if len(idx) > 1 and r.max() > 1e-9:
            # keep each member's direction, even out the density: the i-th nearest member of m
            # goes to radius R * sqrt((i + 0.5) / m), which fills the disc uniformly
            rank = np.empty(len(idx))
            rank[np.argsort(r, kind="stable")] = np.arange(len(idx))
            target = radius[k] * 0.9 * np.sqrt((rank + 0.5) / len(idx))
            local *= (target / np.maximum(r, 1e-9))[:, None]
        else:
            local = _random_disc(len(idx), radius[k] * 0.9, rng)
        pos[idx] = centres[k] + local
    return pos, radius


def _spread_discs(centres: np.ndarray, radius: np.ndarray, rounds: int = 200) -> np.ndarray:
    """Scale ``centres`` up until discs barely overlap, then push remaining overlaps apart."""
    c = centres - centres.mean(axis=0)
    g = len(c)
    if g > 2000:
        return c * np.sqrt(np.pi * (radius ** 2).sum()) / max(np.abs(c).max(), 1e-9)
    d = np.sqrt(((c[:, None] - c[None]) ** 2).sum(axis=2))
    need = radius[:, None] + radius[None] + 1.0
    np.fill_diagonal(d, np.inf)
    # a scale that resolves most overlaps without blowing up for one unlucky pair
    ratio = np.sort((need / np.maximum(d, 1e-9))[np.triu_indices(g, 1)])
    c *= max(1.0, float(ratio[int(0.9 * (len(ratio) - 1))]))
    for _ in range(rounds):
        delta = c[:, None] - c[None]
        d = np.sqrt((delta ** 2).sum(axis=2))
        np.fill_diagonal(d, np.inf)
        over = np.maximum(need - d, 0.0)
        if over.max() <= 1e-6:
            break
        push = (delta / np.maximum(d, 1e-9)[..., None] * (over * 0.5)[..., None]).sum(axis=1)
        c += push
    return c


def _layout_batch(edges_local: np.ndarray, labels: np.ndarray, rng: np.random.Generator,
                  monitor: Monitor) -> np.ndarray:
    """Exact FR of many small components at once; positions in each component's own frame."""
    n = len(labels)
    size = np.bincount(labels).astype(np.float64)
    pos = _random_disc(n, 1.0, rng) * np.sqrt(size[labels])[:, None]
    pairs = all_pairs(labels)
    return relax(pos, edges_local, Relaxation(iterations=150, t_start=1.0, t_end=0.01),
                 pairs=pairs, rng=rng, monitor=monitor, message="Laying out small components")


def _layout_component(n: int, edges: np.ndarray, groups: np.ndarray | None, method: str,
                      rng: np.random.Generator, monitor: Monitor) -> np.ndarray:
    """Layout of one connected component (n > SMALL) in its own frame."""
    if method == "force" and n > FORCE_EXACT_MAX:
        method = "auto"  # a random start cannot be untangled in affordable time at this size
    exact = method == "force" or (method == "auto" and n <= EXACT_MAX)
    if method == "force":
        base = _random_disc(n, np.sqrt(n), rng)
    else:
        monitor.report(0.0, "PivotMDS")
        base = pivot_mds(n, edges, pivots=40 if n > 20_000 else 80, rng=rng)
        if method == "pivotmds":
            return base
        # about FR's spacing at k = 1 (the relaxation settles the rest)
        rms = np.sqrt((base ** 2).sum(axis=1).mean())
        base *= np.sqrt(n * 1.5 / np.pi) / max(rms, 1e-9) * 0.8
        base = _spread_leaves(base, edges, rng)
    radius = None
    found = False
    if groups is None and not exact and method != "force":
        found = True
        monitor.report(0.05, "Finding communities")
        groups = communities(n, edges, seed=int(rng.integers(2 ** 31)))
    if groups is not None and int(groups.max()) > 0:
        pos, radius = _group_start(n, edges, groups, base, rng)
    else:
        pos = base
        groups = None
    mon = monitor.sub(0.1, 1.0)
    mass = None
    cohesion = 0.0 if groups is None else (FOUND_COHESION if found else GIVEN_COHESION)
    if exact:
        iters = _iterations_exact(n) if method != "force" else max(_iterations_exact(n), 200)
        t0 = np.sqrt(n) * 0.3 if method == "force" else 2.0
        settings = Relaxation(iterations=iters, t_start=t0, t_end=0.02, cohesion=cohesion,
                              attraction=2.0, gravity=1.0)
        return relax(pos, edges, settings, fixed=None, mass=mass, groups=groups, group_radius=radius,
                     rng=rng, monitor=mon)
    settings = Relaxation(iterations=_iterations_grid(n), t_start=2.0, t_end=0.05, cell=MESH_CELL,
                          rebuild=4, cohesion=cohesion, attraction=ATTRACTION)
    return relax(pos, edges, settings, mass=mass, groups=groups, group_radius=radius, rng=rng,
                 monitor=mon)


def _fresh(n: int, edges: np.ndarray, groups: np.ndarray | None, method: str,
           rng: np.random.Generator, monitor: Monitor) -> np.ndarray:
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    pos = np.zeros((n, 2))
    graph = csr_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    sizes = np.bincount(comp)
    k = len(sizes)
    # local index of each node inside its component, and edges by component
    order = np.argsort(comp, kind="stable")
    starts = np.concatenate([[0], np.cumsum(sizes)])
    local = np.empty(n, dtype=np.int64)
    local[order] = np.arange(n) - starts[comp[order]]
    ecomp = comp[edges[:, 0]] if len(edges) else np.zeros(0, dtype=np.int64)
    eorder = np.argsort(ecomp, kind="stable")
    ebounds = np.concatenate([[0], np.cumsum(np.bincount(ecomp, minlength=k))])
    big = np.flatnonzero(sizes > SMALL)
    big = big[np.argsort(-sizes[big], kind="stable")]
    small = np.flatnonzero((sizes > 1) & (sizes <= SMALL))
    if method in ("auto", "force") and len(big) > MAX_SINGLE:
        # many mid-sized components: past the MAX_SINGLE biggest, those small enough for exact
        # repulsion join the batches instead of a PivotMDS + relaxation run each
        mid = big[MAX_SINGLE:]
        mid = mid[sizes[mid] <= EXACT_MAX]
        big = big[~np.isin(big, mid)]
        small = np.concatenate([small, mid])
    total_big = max(int(sizes[big].sum()), 1)
    done = 0
    span_big = 0.85 if len(small) == 0 else 0.75
    for c in big:
        monitor.check()
        idx = order[starts[c]:starts[c + 1]]
        ce = edges[eorder[ebounds[c]:ebounds[c + 1]]]
        le = local[ce]
        sub_groups = None
        if groups is not None:
            _, sub_groups = np.unique(groups[idx], return_inverse=True)
        lo = span_big * done / total_big
        done += sizes[c]
        hi = span_big * done / total_big
        p = _layout_component(len(idx), le, sub_groups, method, rng, monitor.sub(lo, hi))
        pos[idx] = p
    if len(small):
        monitor.report(span_big, "Laying out small components")
        in_small = np.isin(comp, small)
        sidx = np.flatnonzero(in_small)
        relabel = np.full(k, -1)
        relabel[small] = np.arange(len(small))
        labels = relabel[comp[sidx]]
        se = edges[in_small[edges[:, 0]]]
        # batches of whole components with at most BATCH_PAIRS repulsion pairs each
        cost = np.cumsum(sizes[small].astype(np.float64) ** 2 / 2)
        batch_of = (cost // BATCH_PAIRS).astype(np.int64)[labels]
        nb = int(batch_of.max()) + 1
        for b in range(nb):
            members = np.flatnonzero(batch_of == b)
            if len(members) == 0:
                continue
            bl = np.full(n, -1)
            bl[sidx[members]] = np.arange(len(members))
            be = se[bl[se[:, 0]] >= 0]
            _, blabels = np.unique(labels[members], return_inverse=True)
            sub = monitor.sub(span_big + (0.9 - span_big) * b / nb, span_big + (0.9 - span_big) * (b + 1) / nb)
            pos[sidx[members]] = _layout_batch(bl[be], blabels, rng, sub)
    monitor.report(0.9, "Packing components")
    centre = np.column_stack([np.bincount(comp, pos[:, 0], k), np.bincount(comp, pos[:, 1], k)])
    centre /= sizes[:, None]
    r = np.sqrt(((pos - centre[comp]) ** 2).sum(axis=1))
    radii = np.zeros(k)
    np.maximum.at(radii, comp, r)
    radii += 0.5
    where = pack_circles(radii, weight=sizes, gap=GAP)
    pos += (where - centre)[comp]
    return pos


def compute_layout(n: int, edges: object, *, groups: object = None, initial: object = None,
                   fixed: object = None, seed: int = 0, method: str = "auto",
                   progress: Callable[[float, str], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None) -> np.ndarray:
    """See :func:`linkview.layout.compute_layout`."""
    monitor = Monitor(progress, should_cancel)
    monitor.check()
    n = int(n)
    if n < 0:
        raise LayoutError("n must not be negative")
    if method not in METHODS:
        raise LayoutError(f"unknown layout method {method!r}; use one of {', '.join(METHODS)}")
    e = undirected(as_edges(n, edges))
    grp = as_groups(n, groups)
    init = as_positions(n, initial, "initial")
    pinned = as_mask(n, fixed, "fixed")
    if pinned is not None and pinned.any():
        if init is None or not np.isfinite(init[pinned]).all():
            raise LayoutError("fixed nodes need finite positions in initial")
    rng = np.random.default_rng(seed)
    if n == 0:
        return np.zeros((0, 2))
    placed = None if init is None else np.isfinite(init).all(axis=1)
    if placed is None or not placed.any():
        pos = _fresh(n, e, grp, method, rng, monitor)
    else:
        pos = _refine(n, e, grp, init, placed, pinned, method, seed, rng, monitor)
    monitor.report(1.0, "Layout done")
    return pos


def _refine(n: int, edges: np.ndarray, groups: np.ndarray | None, init: np.ndarray,
            placed: np.ndarray, pinned: np.ndarray | None, method: str, seed: int,
            rng: np.random.Generator, monitor: Monitor) -> np.ndarray:
    from .incremental import place_new

    pos = init.copy()
    if not placed.all():
        pos = place_new(pos, edges, np.flatnonzero(~placed), seed=seed)
    if method == "pivotmds":
        return pos
    # gentle relaxation from the given positions, in units where their density is about ours
    scale = _spacing_scale(pos)
    work = pos / scale
    exact = (method == "force" and n <= FORCE_EXACT_MAX) or (method == "auto" and n <= EXACT_MAX)
    radius = None
    cohesion = 0.0
    if groups is not None and int(groups.max()) > 0:
        size = np.bincount(groups).astype(np.float64)
        radius = np.sqrt(size * AREA / np.pi) + 0.5
        cohesion = GIVEN_COHESION
    else:
        groups = None
    if exact:
        settings = Relaxation(iterations=min(_iterations_exact(n), 150), t_start=0.5, t_end=0.02,
                              cohesion=cohesion)
    else:
        settings = Relaxation(iterations=min(_iterations_grid(n), 60), t_start=0.5, t_end=0.05,
                              cell=MESH_CELL, rebuild=4, cohesion=cohesion, attraction=ATTRACTION)
    work = relax(work, edges, settings, fixed=pinned, groups=groups, group_radius=radius, rng=rng,
                 monitor=monitor.sub(0.1, 0.95))
    out = work * scale
    if pinned is not None:
        out[pinned] = init[pinned]
    return out
