"""Packing of connected components, each summarised by its bounding circle.

The largest circle goes to the origin. The next ``greedy`` circles (by size) are placed one at a time
touching an already placed circle, at the free spot nearest the origin (candidates on a ring of
directions around every placed circle, checked for overlap against all placed circles at once).
The many small rest (pairs, stars, isolated nodes) are laid on square lattices, one lattice per size
class (pitch: a power of two at least the diameter plus half the gap), filling rings around what is
already placed: the smaller the class, the farther out.
"""

from __future__ import annotations

import numpy as np

__all__ = ["pack_circles"]


def _greedy(radii: np.ndarray, gap: float, directions: int = 36) -> np.ndarray:
    centres = np.zeros((len(radii), 2))
    if len(radii) == 0:
        return centres
    ang = np.linspace(0.0, 2 * np.pi, directions, endpoint=False)
    unit = np.column_stack([np.cos(ang), np.sin(ang)])
    for i in range(1, len(radii)):
        placed_c = centres[:i]
        placed_r = radii[:i]
        reach = placed_r + radii[i] + gap  # distance from each placed centre to a touching candidate
        cand = (placed_c[:, None, :] + reach[:, None, None] * unit[None, :, :]).reshape(-1, 2)
        d = np.sqrt(((cand[:, None, :] - placed_c[None, :, :]) ** 2).sum(axis=2))
        free = (d >= placed_r[None, :] + radii[i] + gap * 0.999).all(axis=1)
        cand = cand[free]
        centres[i] = cand[np.argmin((cand * cand).sum(axis=1))]
    return centres


def _lattice_ring(count: int, pitch: float, inner: float) -> np.ndarray:
    """``count`` points of a square lattice of ``pitch`` nearest the origin outside radius ``inner``."""
    # enough lattice points in the annulus inner..outer
    need = count
    outer = inner + pitch
    while True:
        area = np.pi * (outer * outer - inner * inner)
        if area / (pitch * pitch) >= 1.3 * need + 8:
            break
        outer += pitch
    half = int(np.ceil(outer / pitch)) + 1
    g = np.arange(-half, half + 1) * pitch
    xx, yy = np.meshgrid(g, g)
    pts = np.column_stack([xx.ravel(), yy.ravel()])
    r = np.sqrt((pts * pts).sum(axis=1))
    pts, r = pts[r >= inner], r[r >= inner]
    # nearest first, ties broken by angle so the order is deterministic
    order = np.lexsort((np.arctan2(pts[:, 1], pts[:, 0]), np.round(r, 9)))
    return pts[order[:count]]


def pack_circles(radii: np.ndarray, *, weight: np.ndarray | None = None, gap: float = 2.0,
                 greedy: int = 60) -> np.ndarray:
    """Centres (k, 2) for circles of the given radii so that no two overlap (at least ``gap / 2``
    apart on the lattices, ``gap`` elsewhere).

    Circles are placed in decreasing ``weight`` (default: radius), the first at the origin, so
    with node counts as weights the biggest component is in the middle. The result is
    deterministic. Cost: ``greedy**3`` for the first ones, linear for the rest.
    """
    radii = np.asarray(radii, dtype=np.float64)
    k = len(radii)
    centres = np.zeros((k, 2))
    if k == 0:
        return centres
    key = radii if weight is None else np.asarray(weight, dtype=np.float64)
    order = np.lexsort((-radii, -key))
    head = order[:greedy]
    centres[head] = _greedy(radii[head], gap)
    reach = float(np.max(np.sqrt((centres[head] ** 2).sum(axis=1)) + radii[head]))
    rest = order[greedy:]
    if len(rest) == 0:
        return centres
    # size classes: pitch = a power of two covering the diameter plus the gap
    # (on a lattice the neighbours' gap need not be as wide as around the big ones)
    pitch = 2.0 ** np.ceil(np.log2(2 * radii[rest] + gap / 2))
    for p in np.unique(pitch)[::-1]:
        members = rest[pitch == p]
        pts = _lattice_ring(len(members), float(p), reach + gap + p / 2)
        centres[members] = pts
        reach = float(np.max(np.sqrt((pts ** 2).sum(axis=1)))) + p / 2
    return centres
