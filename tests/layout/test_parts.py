"""The building blocks: pair enumeration, BFS distances, PivotMDS, circle packing."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from linkview.layout.forces import Relaxation, all_pairs, grid_pairs, relax
from linkview.layout.packing import pack_circles
from linkview.layout.pivotmds import _csgraph, bfs_distances, pivot_mds


def test_all_pairs_within_labels():
    labels = np.array([0, 1, 0, 1, 1, 2])
    a, b = all_pairs(labels)
    got = {tuple(sorted(p)) for p in zip(a.tolist(), b.tolist(), strict=True)}
    assert got == {(0, 2), (1, 3), (1, 4), (3, 4)}


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 300), st.floats(0.3, 3.0), st.integers(0, 1000))
def test_grid_pairs_are_exactly_the_neighbouring_cell_pairs(n, cell, seed):
    pos = np.random.default_rng(seed).random((n, 2)) * 10
    order, a, b, w = grid_pairs(pos, cell)
    assert w == 1.0
    got = {tuple(sorted(p)) for p in zip(order[a].tolist(), order[b].tolist(), strict=True)}
    assert len(got) == len(a)  # no pair twice
    cells = np.floor((pos - pos.min(axis=0)) / cell).astype(int)
    diff = np.abs(cells[:, None] - cells[None]).max(axis=2)
    i, j = np.triu_indices(n, 1)
    want = {(int(x), int(y)) for x, y in zip(i, j, strict=True) if diff[x, y] <= 1}
    assert got == want


def test_grid_pairs_cap_keeps_memory_bounded():
    pos = np.zeros((3000, 2))  # everyone in one cell: 4.5 million pairs
    order, a, b, w = grid_pairs(pos, 1.0, max_pairs=100_000, rng=np.random.default_rng(0))
    assert len(a) < 400_000
    assert w > 1.0


def test_relax_keeps_fixed_nodes_and_separates_coincident_ones():
    pos = np.zeros((6, 2))
    pos[0] = [5.0, 5.0]
    fixed = np.array([True, False, False, False, False, False])
    edges = np.array([[0, 1], [1, 2]])
    out = relax(pos, edges, Relaxation(iterations=50), fixed=fixed)
    assert np.array_equal(out[0], pos[0])
    d = np.sqrt(((out[:, None] - out[None]) ** 2).sum(axis=2))
    assert d[np.triu_indices(6, 1)].min() > 0.1


def test_bfs_distances_match_scipy():
    from scipy.sparse.csgraph import shortest_path

    rng = np.random.default_rng(1)
    edges = rng.integers(0, 500, (700, 2))
    graph = _csgraph(500, edges)
    want = shortest_path(graph, unweighted=True, directed=False, indices=[0, 17, 499])
    assert np.array_equal(bfs_distances(graph, [0, 17, 499]), want)


def test_pivot_mds_unrolls_a_path():
    n = 200
    edges = np.column_stack([np.arange(n - 1), np.arange(1, n)])
    pos = pivot_mds(n, edges, pivots=20)
    # the first axis follows the path order
    corr = abs(np.corrcoef(pos[:, 0], np.arange(n))[0, 1])
    assert corr > 0.99
    assert 150 < np.ptp(pos[:, 0]) < 250  # about one unit per hop


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0.0, 50.0), min_size=1, max_size=150))
def test_pack_circles_never_overlap(radii):
    r = np.array(radii)
    c = pack_circles(r, gap=1.0, greedy=20)
    d = np.sqrt(((c[:, None] - c[None]) ** 2).sum(axis=2))
    i, j = np.triu_indices(len(r), 1)
    assert (d[i, j] >= r[i] + r[j] + 0.5 - 1e-6).all()  # half the gap on the lattices
    assert np.array_equal(c, pack_circles(r, gap=1.0, greedy=20))


def test_pack_circles_heaviest_in_the_middle():
    r = np.array([1.0, 10.0, 3.0])
    c = pack_circles(r, weight=np.array([100, 5, 1]))
    assert np.array_equal(c[0], [0.0, 0.0])
