"""Vectorised force relaxation (numpy): Fruchterman-Reingold with a choice of attraction.

The model uses the natural length ``k = 1``: along an edge the attraction balances the repulsion
``k**2 / d`` of a pair at ``d = k``, so nodes come out about one unit apart.

Repulsion is computed either

* exactly over a list of node pairs (:func:`all_pairs`: every pair of a small graph, or every pair
  inside each component of a batch of small components), or
* for big graphs as particle-particle / particle-mesh: exact pairs of nodes in the same or
  neighbouring cells of a square grid (:func:`grid_pairs`, rebuilt every few steps) plus the far
  field of all other cells from one FFT convolution of the cell masses (:class:`_Mesh`).

Attraction is summed along edges with ``np.bincount``. Nodes flagged ``fixed`` never move.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._prep import Monitor

__all__ = ["Relaxation", "all_pairs", "grid_pairs", "relax"]

# half stencil of neighbouring cells (the cell itself is handled separately): every unordered pair of
# neighbouring cells is visited once.
_STENCIL = ((1, -1), (1, 0), (1, 1), (0, 1))


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenation of ``arange(s, s + c)`` for every (s, c), vectorised."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    before = np.cumsum(counts) - counts
    return np.repeat(starts - before, counts) + np.arange(total, dtype=np.int64)


def all_pairs(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every unordered pair (a < b) of nodes that share a label (one label: every pair).

    Memory is the sum of ``size**2 / 2`` over the labels; callers keep that bounded.
    """
    labels = np.asarray(labels)
    order = np.argsort(labels, kind="stable")
    _, starts, counts = np.unique(labels[order], return_index=True, return_counts=True)
    rank_cell_start = np.repeat(starts, counts)
    rank_cell_end = rank_cell_start + np.repeat(counts, counts)
    ranks = np.arange(len(labels), dtype=np.int64)
    num = rank_cell_end - ranks - 1
    a = np.repeat(ranks, num)
    b = _ranges(ranks + 1, num)
    return order[a], order[b]


def grid_pairs(pos: np.ndarray, cell: float, *, max_pairs: int = 6_000_000,
               rng: np.random.Generator | None = None
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Every pair of nodes in the same or in neighbouring cells of a grid of ``cell``-sized squares.

    Returns ``(order, a, b, weight)``: ``order`` sorts the nodes by cell, and the pairs ``(a, b)``
    are ranks in that order (so ``order[a]``, ``order[b]`` are node indices); working in rank order
    keeps the gathers and sums of the force loop cache friendly. When crowded cells would produce more than ``max_pairs`` candidate
    pairs, a random share of the nodes keeps its pairs and ``weight`` (> 1) compensates on average.
    """
    n = len(pos)
    cells = np.floor((pos - pos.min(axis=0)) / cell).astype(np.int64)
    height = int(cells[:, 1].max()) + 2  # one empty row above the top so that y - 1 never wraps
    key = cells[:, 0] * height + cells[:, 1]
    order = np.argsort(key, kind="stable")
    skey = key[order]
    ucell, starts, counts = np.unique(skey, return_index=True, return_counts=True)
    cell_of_rank = np.repeat(np.arange(len(ucell)), counts)
    ranks = np.arange(n, dtype=np.int64)

    seg_a: list[np.ndarray] = []
    seg_start: list[np.ndarray] = []
    seg_num: list[np.ndarray] = []
    # the node's own cell: partners after it in the same cell
    own_end = starts[cell_of_rank] + counts[cell_of_rank]
    seg_a.append(ranks)
    seg_start.append(ranks + 1)
    seg_num.append(own_end - ranks - 1)
    for dx, dy in _STENCIL:
        target = ucell[cell_of_rank] + dx * height + dy
        at = np.searchsorted(ucell, target)
        at_c = np.minimum(at, len(ucell) - 1)
        found = ucell[at_c] == target
        seg_a.append(ranks[found])
        seg_start.append(starts[at_c[found]])
        seg_num.append(counts[at_c[found]])
    a_rank = np.concatenate(seg_a)
    start = np.concatenate(seg_start)
    num = np.concatenate(seg_num)
    weight = 1.0
    total = int(num.sum())
    if total > max_pairs:
        share = max_pairs / total
        rng = rng if rng is not None else np.random.default_rng(0)
        keep = rng.random(len(num)) < share
        a_rank, start, num = a_rank[keep], start[keep], num[keep]
        weight = 1.0 / share
    return order, np.repeat(a_rank, num), _ranges(start, num), weight


class _Mesh:
    """Far-field repulsion on a grid of square cells (particle-mesh, FFT convolution).

    Nodes are binned into cells; the force on a cell from every cell at least two cells away
    (in x or y) is the sum of ``mass * k^2 / d`` pushes, computed as one FFT convolution of the
    mass grid with the kernel ``delta / |delta|^2``. The 3 x 3 block around a cell is left to
    exact node pairs (:func:`grid_pairs` with the same cell size), so nothing is counted twice.
    """

    def __init__(self, cell: float):
        self.cell = cell
        self._shape: tuple[int, int] | None = None
        self._kx = self._ky = None

    def _kernel(self, w: int, h: int) -> None:
        from scipy import fft

        pw, ph = fft.next_fast_len(2 * w, real=True), fft.next_fast_len(2 * h, real=True)
        dx = np.arange(pw, dtype=np.float64)
        dx[dx > pw // 2] -= pw
        dy = np.arange(ph, dtype=np.float64)
        dy[dy > ph // 2] -= ph
        gx, gy = np.meshgrid(dx, dy, indexing="ij")
        r2 = gx * gx + gy * gy
        near = (np.abs(gx) <= 1) & (np.abs(gy) <= 1)
        r2[near] = 1.0
        kx = np.where(near, 0.0, gx / r2) / self.cell
        ky = np.where(near, 0.0, gy / r2) / self.cell
        self._shape = (pw, ph)
        self._kx = fft.rfft2(kx.astype(np.float32))
        self._ky = fft.rfft2(ky.astype(np.float32))

    def forces(self, pos: np.ndarray, mass: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        from scipy import fft

        lo = pos.min(axis=0)
        cells = np.floor((pos - lo) / self.cell).astype(np.int64)
        w, h = int(cells[:, 0].max()) + 1, int(cells[:, 1].max()) + 1
        if self._shape is None or self._shape[0] < 2 * w or self._shape[1] < 2 * h \
                or self._shape[0] > 3 * w + 16 or self._shape[1] > 3 * h + 16:
            self._kernel(w, h)
        pw, ph = self._shape
        flat = cells[:, 0] * ph + cells[:, 1]
        rho = np.bincount(flat, weights=mass, minlength=pw * ph).reshape(pw, ph).astype(np.float32)
        spec = fft.rfft2(rho)
        fx = fft.irfft2(spec * self._kx, s=(pw, ph)).ravel()[flat]
        fy = fft.irfft2(spec * self._ky, s=(pw, ph)).ravel()[flat]
        if mass is not None:
            fx *= mass
            fy *= mass
        return fx, fy


@dataclass
class Relaxation:
    """Settings of one force relaxation run."""

    iterations: int = 100
    t_start: float = 1.0           # largest step in the first iteration (units of k)
    t_end: float = 0.05            # largest step in the last iteration
    cell: float | None = None      # None: exact repulsion over ``pairs``; else mesh + near pairs
    rebuild: int = 4               # mesh mode: rebuild the near-pair list every this many steps
    cohesion: float = 0.0          # harmonic pull of a node to its group's centre (0: none)
    max_pairs: int = 6_000_000
    attraction: float = 2.0        # edge pull grows as distance ** attraction (FR: 2, ForceAtlas2: 1)
    gravity: float = 0.0           # pull towards the centre per (degree + 1), exact mode only


def _keep_groups(pos: np.ndarray, grp: np.ndarray, gsize: np.ndarray, need: np.ndarray | None,
                 strength: float, movable: np.ndarray | None) -> None:
    """Push overlapping group discs apart, moving whole groups (in place).

    ``strength`` (0..1) is the share of the overlap removed per step.
    """
    x, y = pos[:, 0], pos[:, 1]
    cx = np.bincount(grp, x) / gsize
    cy = np.bincount(grp, y) / gsize
    move_x = np.zeros(len(gsize))
    move_y = np.zeros(len(gsize))
    if need is not None and len(gsize) > 1:
        gx = cx[:, None] - cx[None, :]
        gy = cy[:, None] - cy[None, :]
        gd = np.sqrt(gx * gx + gy * gy)
        np.fill_diagonal(gd, np.inf)
        over = np.maximum(need - gd, 0.0) / np.maximum(gd, 1e-9) * 0.5
        if over.any():
            move_x = (gx * over).sum(axis=1) * strength
            move_y = (gy * over).sum(axis=1) * strength
    dx = move_x[grp]
    dy = move_y[grp]
    if movable is not None:
        dx *= movable
        dy *= movable
    pos[:, 0] += dx
    pos[:, 1] += dy


def relax(pos: np.ndarray, edges: np.ndarray, settings: Relaxation, *,
          pairs: tuple[np.ndarray, np.ndarray] | None = None,
          fixed: np.ndarray | None = None, mass: np.ndarray | None = None,
          weights: np.ndarray | None = None, groups: np.ndarray | None = None,
          group_radius: np.ndarray | None = None,
          rng: np.random.Generator | None = None, monitor: Monitor | None = None,
          message: str = "Relaxing") -> np.ndarray:
    """Run ``settings.iterations`` Fruchterman-Reingold steps from ``pos``; returns new positions.

    ``edges``: unique undirected (m, 2) pairs. ``pairs``: the repulsion pairs for exact mode.
    ``mass``: optional repulsion weight per node (pair force scales with the product).
    ``weights``: optional attraction weight per edge.
    ``groups``/``group_radius``: with ``settings.cohesion`` > 0, nodes are pulled to their group's
    centre (harmonic) and after each step overlapping group discs are pushed apart.

    In mesh mode the nodes are renumbered by grid cell at every pair rebuild (for memory locality)
    and put back in their order at the end.
    """
    rng = rng if rng is not None else np.random.default_rng(0)
    pos = np.array(pos, dtype=np.float64, copy=True)
    n = len(pos)
    if n < 2 or settings.iterations <= 0:
        return pos
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    movable0 = None if fixed is None or not fixed.any() else (~fixed).astype(np.float64)
    use_groups = groups is not None and settings.cohesion > 0 and group_radius is not None
    # the working frame: node i of the arrays below is node perm[i] of the caller
    perm = np.arange(n)
    ei, ej = edges[:, 0], edges[:, 1]
    movable, node_mass, grp = movable0, mass, groups
    mesh = None
    if settings.cell is not None:
        mesh = _Mesh(settings.cell)
    elif pairs is None:
        pairs = all_pairs(np.zeros(n, dtype=np.int64))
    steps = settings.iterations
    if steps > 1:
        temps = settings.t_start * (settings.t_end / settings.t_start) ** (np.arange(steps) / (steps - 1))
    else:
        temps = np.array([settings.t_end])
    gdeg = None
    if settings.gravity > 0:
        if settings.cell is not None:
            raise ValueError("gravity is for exact mode (the working frame is renumbered in mesh mode)")
        gdeg = np.bincount(edges.ravel(), minlength=n) + 1.0
    gsize = need = None
    if use_groups:
        gsize = np.bincount(groups).astype(np.float64)
        # disc separation between groups costs groups**2 per step: only for up to 1500 groups
        if len(gsize) <= 1500:
            need = group_radius[:, None] + group_radius[None, :] + 1.0
    pa = pb = pm = None
    for it in range(steps):
        if monitor is not None and (it % 5 == 0 or it == steps - 1):
            monitor.report(it / steps, message)
        if mesh is not None:
            if it % max(settings.rebuild, 1) == 0:
                order, pa, pb, pw = grid_pairs(pos, settings.cell, max_pairs=settings.max_pairs, rng=rng)
                pos = pos[order]
                perm = perm[order]
                inv = np.empty(n, dtype=np.int64)
                inv[perm] = np.arange(n)
                ei, ej = inv[edges[:, 0]], inv[edges[:, 1]]
                movable = None if movable0 is None else movable0[perm]
                node_mass = None if mass is None else mass[perm]
                grp = None if groups is None else groups[perm]
                pm = np.float32(pw) if node_mass is None else \
                    (pw * node_mass[pa] * node_mass[pb]).astype(np.float32)
        elif pa is None:
            pa, pb = pairs
            pm = np.float32(1.0) if mass is None else (mass[pa] * mass[pb]).astype(np.float32)
        x, y = pos[:, 0], pos[:, 1]
        # near repulsion k^2 / d along each pair (float32: half the memory traffic of the
        # biggest arrays; forces need no more precision than that)
        x32, y32 = x.astype(np.float32), y.astype(np.float32)
        dx = x32[pa] - x32[pb]
        dy = y32[pa] - y32[pb]
        d2 = dx * dx + dy * dy
        tiny = d2 < 1e-8
        if tiny.any():
            # coincident nodes: push apart in a direction fixed by the pair, so results stay deterministic
            ang = (perm[pa[tiny]] * 2.399963 + perm[pb[tiny]] * 0.7071) % (2 * np.pi)
            dx[tiny] = 1e-3 * np.cos(ang)
            dy[tiny] = 1e-3 * np.sin(ang)
            d2[tiny] = 1e-6
        f = np.divide(pm, d2, dtype=np.float32)
        fx = dx * f
        fy = dy * f
        disp_x = np.bincount(pa, fx, n) - np.bincount(pb, fx, n)
        disp_y = np.bincount(pa, fy, n) - np.bincount(pb, fy, n)
        if mesh is not None:
            mx, my = mesh.forces(pos, node_mass)
            disp_x += mx
            disp_y += my
        # attraction along the edge, growing as distance ** attraction
        if len(ei):
            ex = x[ej] - x[ei]
            ey = y[ej] - y[ei]
            if settings.attraction == 2.0:
                d = np.sqrt(ex * ex + ey * ey)
            elif settings.attraction == 1.0:
                d = 1.0
            else:
                d = np.maximum(ex * ex + ey * ey, 1e-12) ** ((settings.attraction - 1.0) / 2.0)
            if weights is not None:
                d = d * weights
            ax = ex * d
            ay = ey * d
            disp_x += np.bincount(ei, ax, n) - np.bincount(ej, ax, n)
            disp_y += np.bincount(ei, ay, n) - np.bincount(ej, ay, n)
        if settings.gravity > 0:
            # ForceAtlas2-style gravity: a pull of constant size towards the centre, scaled by the
            # node's degree + 1; keeps appendages and loose parts near the body
            gx = x - x.mean()
            gy = y - y.mean()
            gl = np.sqrt(gx * gx + gy * gy) + 1e-9
            pull = settings.gravity * gdeg / gl
            disp_x -= gx * pull
            disp_y -= gy * pull
        if use_groups:
            # a harmonic pull to the group's centre: against the k^2/d repulsion it holds a
            # group as a disc of even density cohesion / pi (no crowding at the rim)
            cx = np.bincount(grp, x) / gsize
            cy = np.bincount(grp, y) / gsize
            disp_x -= (x - cx[grp]) * settings.cohesion
            disp_y -= (y - cy[grp]) * settings.cohesion
        length = np.sqrt(disp_x * disp_x + disp_y * disp_y)
        scale = np.minimum(length, temps[it]) / np.maximum(length, 1e-12)
        if movable is not None:
            scale *= movable
        pos[:, 0] += disp_x * scale
        pos[:, 1] += disp_y * scale
        if use_groups:
            _keep_groups(pos, grp, gsize, need, 0.5, movable)
    out = np.empty_like(pos)
    out[perm] = pos
    return out
