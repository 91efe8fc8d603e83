"""Graph generators and layout quality measures shared by the layout tests."""

from __future__ import annotations

import numpy as np
import pytest


def planted(n: int, communities: int, *, p_in: float = 0.9, per_node: float = 2.0, seed: int = 0):
    """Edges (m, 2) and labels of a planted-partition graph (about ``per_node`` edges per node)."""
    rng = np.random.default_rng(seed)
    labels = np.sort(rng.integers(0, communities, n))
    lo = np.searchsorted(labels, np.arange(communities), "left")
    hi = np.searchsorted(labels, np.arange(communities), "right")
    m = int(per_node * n)
    u = rng.integers(0, n, m)
    g = labels[u]
    v_in = lo[g] + (rng.random(m) * (hi[g] - lo[g])).astype(np.int64)
    v = np.where(rng.random(m) < p_in, v_in, rng.integers(0, n, m))
    perm = rng.permutation(n)
    out = np.empty(n, dtype=np.int64)
    out[perm] = labels
    return perm[np.column_stack([u, v])], out


def separation(pos: np.ndarray, labels: np.ndarray, *, pairs: int = 20_000, seed: int = 0) -> float:
    """Mean distance of random pairs from different groups / from the same group."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, len(pos), pairs)
    b = rng.integers(0, len(pos), pairs)
    d = np.sqrt(((pos[a] - pos[b]) ** 2).sum(axis=1))
    same = (labels[a] == labels[b]) & (a != b)
    diff = labels[a] != labels[b]
    return float(d[diff].mean() / d[same].mean())


@pytest.fixture
def planted_graph():
    return planted
