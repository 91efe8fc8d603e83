"""Incremental placement: put newly expanded nodes next to their placed neighbours.

Only the edges touching new nodes and the positions near their parents are looked at, so adding a
few hundred nodes to a 100,000-node chart costs a few O(n) vector passes and no layout run.

* A new node with one placed neighbour (its parent) goes on rings around the parent, one unit out
  first, siblings spread evenly and the first ring's arc centred on the parent's free side (away
  from the nodes around it, or away from the chart's centre).
* A new node with several placed neighbours goes to their mean; new nodes sharing that spot are
  spread on small rings around it.
* New nodes reached only through other new nodes are placed in waves, outward from their parent.
* New nodes with no path to a placed node are laid out together (small FR) right of the chart.
"""

from __future__ import annotations

import numpy as np

from ._prep import LayoutError, as_edges

__all__ = ["place_new"]

SPACING = 0.9   # distance between siblings on a ring (units)
NEAR = 3.0      # radius around a parent that counts as its neighbourhood


def _free_directions(pos: np.ndarray, occupied: np.ndarray, parents: np.ndarray,
                     fallback: np.ndarray) -> np.ndarray:
    """Angle per parent pointing away from the occupied nodes within ``NEAR`` of it."""
    pp = pos[parents]
    # nodes in the NEAR-sized grid cells around the parents: one O(n) pass, no spatial index
    safe = np.where(occupied[:, None], pos, 0.0)
    cells = np.floor(safe / NEAR).astype(np.int64)
    keys = (cells[:, 0] << 32) + cells[:, 1]
    pc = np.floor(pp / NEAR).astype(np.int64)
    around = [((pc[:, 0] + dx) << 32) + pc[:, 1] + dy for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    wanted = np.unique(np.concatenate(around))
    at = np.minimum(np.searchsorted(wanted, keys), len(wanted) - 1)
    box = occupied & (wanted[at] == keys)
    near = pos[box]
    ang = fallback.copy()
    if len(near) == 0:
        return ang
    # parents x nearby nodes; both sides are small (the box is around the parents only)
    step = max(1, 2_000_000 // max(len(near), 1))
    for s in range(0, len(parents), step):
        d = near[None, :, :] - pp[s:s + step, None, :]
        dist = np.sqrt((d * d).sum(axis=2))
        w = np.where((dist > 1e-9) & (dist < NEAR), 1.0 / np.maximum(dist, 1e-9) ** 2, 0.0)
        push = -(d * w[..., None]).sum(axis=1)
        strong = (push * push).sum(axis=1) > 1e-12
        ang[s:s + step][strong] = np.arctan2(push[strong, 1], push[strong, 0])
    return ang


def _ring_offsets(count: int, theta: float, r0: float) -> np.ndarray:
    """Offsets for ``count`` siblings on rings of radius r0, r0 + SPACING, ...; the first (partial)
    ring is centred on angle ``theta``."""
    out = []
    left = count
    ring = 0
    while left > 0:
        r = r0 + SPACING * ring
        cap = max(int(2 * np.pi * r / SPACING), 1)
        take = min(left, cap)
        ang = theta + (np.arange(take) - (take - 1) / 2.0) * (2 * np.pi / cap)
        out.append(np.column_stack([r * np.cos(ang), r * np.sin(ang)]))
        left -= take
        ring += 1
    return np.vstack(out)


def place_new(pos: object, edges: object, new: object, *, seed: int = 0) -> np.ndarray:
    """See :func:`linkview.layout.place_new`."""
    out = np.array(pos, dtype=np.float64, copy=True)
    if out.ndim != 2 or out.shape[1] != 2:
        raise LayoutError(f"pos must have shape (n, 2), not {out.shape}")
    n = len(out)
    new_idx = np.unique(np.asarray(new, dtype=np.int64).ravel())
    if len(new_idx) == 0:
        return out
    if new_idx[0] < 0 or new_idx[-1] >= n:
        raise LayoutError(f"new node indices must lie in 0..{n - 1}")
    e = as_edges(n, edges)
    rng = np.random.default_rng(seed)
    is_new = np.zeros(n, dtype=bool)
    is_new[new_idx] = True
    if len(e):
        e = e[(is_new[e[:, 0]] | is_new[e[:, 1]]) & (e[:, 0] != e[:, 1])]
    placed = np.isfinite(out).all(axis=1) & ~is_new
    if not placed.any():
        return _orphans(out, e, new_idx, None, seed)
    occupied = placed.copy()
    centre = out[placed].mean(axis=0)
    # both directions of every touching edge: (node, neighbour)
    src = np.concatenate([e[:, 0], e[:, 1]])
    dst = np.concatenate([e[:, 1], e[:, 0]])
    keep = is_new[src]
    src, dst = src[keep], dst[keep]
    # where each newly placed node came from, for the outward direction of the next wave
    came_from: dict[int, np.ndarray] = {}
    todo = is_new.copy()
    while todo.any():
        link = todo[src] & placed[dst]
        if not link.any():
            break
        a, b = src[link], dst[link]
        nodes, inv, cnt = np.unique(a, return_inverse=True, return_counts=True)
        base = np.column_stack([np.bincount(inv, out[b, 0]), np.bincount(inv, out[b, 1])]) / cnt[:, None]
        first_parent = np.zeros(len(nodes), dtype=np.int64)
        first_parent[inv[::-1]] = b[::-1]  # the first neighbour of each node, deterministic
        single = cnt == 1
        # single-parent nodes: rings around the parent, arc on the parent's free side
        parents = np.unique(first_parent[single])
        if len(parents):
            fallback = np.empty(len(parents))
            for i, p in enumerate(parents):
                ref = came_from.get(int(p), centre)
                v = out[p] - ref
                fallback[i] = np.arctan2(v[1], v[0]) if (v * v).sum() > 1e-12 else 0.0
            # parents placed in an earlier wave: straight on, away from their own parent;
            # parents already on the chart: towards their free side
            old_parent = np.array([int(p) not in came_from for p in parents], dtype=bool)
            theta = fallback.copy()
            if old_parent.any():
                theta[old_parent] = _free_directions(out, occupied, parents[old_parent],
                                                     fallback[old_parent])
            where = np.searchsorted(parents, first_parent[single])
            order = np.lexsort((nodes[single], where))
            kids = nodes[single][order]
            kid_parent = where[order]
            bounds = np.flatnonzero(np.diff(np.concatenate([[-1], kid_parent, [len(parents)]])))
            for s, t in zip(bounds[:-1], bounds[1:], strict=True):
                p = parents[kid_parent[s]]
                off = _ring_offsets(t - s, float(theta[kid_parent[s]]), 1.0)
                out[kids[s:t]] = out[p] + off
                for kid in kids[s:t]:
                    came_from[int(kid)] = out[p]
        # several placed neighbours: their mean, spots shared by several new nodes spread on rings
        multi = np.flatnonzero(~single)
        if len(multi):
            spots, spot_of = np.unique(base[multi], axis=0, return_inverse=True)
            spot_of = spot_of.ravel()
            order = np.lexsort((nodes[multi], spot_of))
            bounds = np.flatnonzero(np.diff(np.concatenate([[-1], spot_of[order], [len(spots)]])))
            for s, t in zip(bounds[:-1], bounds[1:], strict=True):
                members = multi[order[s:t]]
                spot = spots[spot_of[order[s]]]
                v = spot - centre
                theta = float(np.arctan2(v[1], v[0]))
                if t - s == 1:
                    off = np.zeros((1, 2))
                else:
                    off = _ring_offsets(t - s, theta, 0.5)
                out[nodes[members]] = spot + off
                for node in nodes[members]:
                    came_from[int(node)] = spot
        out[nodes] += rng.uniform(-0.05, 0.05, size=(len(nodes), 2))
        placed[nodes] = True
        occupied[nodes] = True
        todo[nodes] = False
    if todo.any():
        out = _orphans(out, e, np.flatnonzero(todo), occupied, seed)
    return out


def _orphans(out: np.ndarray, e: np.ndarray, idx: np.ndarray, occupied: np.ndarray | None,
             seed: int) -> np.ndarray:
    """Lay out ``idx`` (no placed neighbours) on their own and put them right of the chart."""
    from .engine import compute_layout

    local = np.full(len(out), -1, dtype=np.int64)
    local[idx] = np.arange(len(idx))
    sub = e[(local[e[:, 0]] >= 0) & (local[e[:, 1]] >= 0)] if len(e) else e
    p = compute_layout(len(idx), local[sub], seed=seed)
    if occupied is not None and occupied.any():
        box = out[occupied]
        x0 = float(box[:, 0].max()) + 3.0
        y0 = float(box[:, 1].mean())
        p = p - [p[:, 0].min(), p[:, 1].mean()] + [x0, y0]
    out[idx] = p
    return out
