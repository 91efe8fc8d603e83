"""compute_layout: shapes, determinism, communities apart, pins, packing, progress and cancel."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkview.errors import Cancelled
from linkview.layout import compute_layout
from linkview.layout._prep import LayoutError

from .conftest import planted, separation


def components_of(n: int, edges: np.ndarray) -> np.ndarray:
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    m = csr_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    return connected_components(m, directed=False)[1]


def path(n: int, start: int = 0) -> np.ndarray:
    return np.column_stack([np.arange(start, start + n - 1), np.arange(start + 1, start + n)])


def star(leaves: int, centre: int) -> np.ndarray:
    return np.column_stack([np.full(leaves, centre), np.arange(centre + 1, centre + 1 + leaves)])


def clique(k: int, start: int) -> np.ndarray:
    i, j = np.triu_indices(k, 1)
    return np.column_stack([i + start, j + start])


@pytest.mark.parametrize("n", [0, 1, 2, 5])
def test_tiny_graphs(n):
    edges = path(n) if n > 1 else np.zeros((0, 2), dtype=np.int64)
    pos = compute_layout(n, edges)
    assert pos.shape == (n, 2)
    assert pos.dtype == np.float64
    assert np.isfinite(pos).all()
    if n > 1:
        d = np.sqrt(((pos[:, None] - pos[None]) ** 2).sum(axis=2))
        assert d[np.triu_indices(n, 1)].min() > 0.3


def test_deterministic_for_a_seed_and_seed_matters():
    edges, _ = planted(1500, 5, seed=3)
    a = compute_layout(1500, edges, seed=7)
    b = compute_layout(1500, edges, seed=7)
    c = compute_layout(1500, edges, seed=8)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_edge_cleaning_directions_duplicates_and_self_loops_do_not_matter():
    edges, _ = planted(200, 4, seed=1)
    messy = np.vstack([edges, edges[:, ::-1], edges[:50], np.column_stack([np.arange(20), np.arange(20)])])
    assert np.array_equal(compute_layout(200, edges, seed=2), compute_layout(200, messy, seed=2))


@pytest.mark.parametrize("n, k", [(300, 3), (3000, 6)])
def test_planted_communities_come_apart(n, k):
    # 300 nodes: the exact force path; 3000: PivotMDS + communities + mesh refinement
    edges, labels = planted(n, k, seed=n)
    pos = compute_layout(n, edges, seed=0)
    assert np.isfinite(pos).all()
    assert separation(pos, labels) > (1.8 if n > 1000 else 1.4)


def test_given_groups_are_kept_apart_even_without_structure():
    rng = np.random.default_rng(4)
    n = 400
    edges = rng.integers(0, n, (2 * n, 2))  # no community structure at all
    groups = rng.integers(0, 4, n)
    plain = compute_layout(n, edges, seed=1)
    grouped = compute_layout(n, edges, groups=groups, seed=1)
    assert separation(grouped, groups) > 1.5
    assert separation(grouped, groups) > separation(plain, groups) + 0.3


def test_group_labels_may_be_strings():
    edges = path(30)
    groups = np.array(["a"] * 15 + ["b"] * 15)
    pos = compute_layout(30, edges, groups=groups)
    assert np.isfinite(pos).all()


def test_components_are_packed_without_overlap():
    parts = [clique(12, 0), path(60, 12), star(25, 72), clique(3, 98), path(2, 101), path(300, 103)]
    edges = np.vstack(parts)
    n = 403 + 20  # plus 20 isolated nodes
    pos = compute_layout(n, edges, seed=0)
    comp = components_of(n, edges)
    k = comp.max() + 1
    centre = np.column_stack([np.bincount(comp, pos[:, 0]), np.bincount(comp, pos[:, 1])])
    centre /= np.bincount(comp)[:, None]
    radius = np.zeros(k)
    np.maximum.at(radius, comp, np.sqrt(((pos - centre[comp]) ** 2).sum(axis=1)))
    d = np.sqrt(((centre[:, None] - centre[None]) ** 2).sum(axis=2))
    i, j = np.triu_indices(k, 1)
    assert (d[i, j] > radius[i] + radius[j]).all()
    # the biggest component sits in the middle
    biggest = np.argmax(np.bincount(comp))
    assert np.linalg.norm(centre[biggest] - centre.mean(axis=0)) < np.linalg.norm(
        centre - centre.mean(axis=0), axis=1).max()


def test_scale_convention_edges_about_one_unit():
    edges = np.vstack([path(40), star(12, 40), clique(6, 53)])
    pos = compute_layout(59, edges)
    length = np.sqrt(((pos[edges[:, 0]] - pos[edges[:, 1]]) ** 2).sum(axis=1))
    assert 0.5 < np.median(length) < 2.0
    big_edges, _ = planted(5000, 5, seed=9)
    big = compute_layout(5000, big_edges)
    # nearest neighbours about a unit apart in big layouts too
    sample = big[:300]
    d = np.sqrt(((sample[:, None] - big[None]) ** 2).sum(axis=2))
    d[np.arange(300), np.arange(300)] = np.inf
    assert 0.2 < np.median(d.min(axis=1)) < 3.0


def test_fixed_nodes_stay_bit_identical_and_unplaced_rows_are_placed():
    edges, _ = planted(250, 3, seed=5)
    start = compute_layout(250, edges, seed=0)
    initial = start.copy()
    initial[200:] = np.nan
    fixed = np.zeros(250, dtype=bool)
    fixed[:50] = True
    initial[:50] += 3.0  # pins need not be where the free layout would put them
    pos = compute_layout(250, edges, initial=initial, fixed=fixed, seed=1)
    assert np.array_equal(pos[:50], initial[:50])
    assert np.isfinite(pos).all()
    assert not np.allclose(pos[50:200], initial[50:200])


def test_fixed_nodes_in_a_big_chart():
    edges, _ = planted(2500, 5, seed=6)
    initial = compute_layout(2500, edges)
    fixed = np.zeros(2500, dtype=bool)
    fixed[::7] = True
    pos = compute_layout(2500, edges, initial=initial, fixed=fixed, method="fast")
    assert np.array_equal(pos[fixed], initial[fixed])
    assert np.isfinite(pos).all()


def test_fixed_without_positions_is_an_error():
    with pytest.raises(LayoutError):
        compute_layout(3, path(3), fixed=np.array([True, False, False]))


@pytest.mark.parametrize("bad", [np.array([[0, 5]]), np.array([[0, -1]]), np.zeros((3, 3), dtype=int),
                                 np.array([[0.5, 1.0]])])
def test_bad_edges_raise_layout_error(bad):
    with pytest.raises(LayoutError):
        compute_layout(3, bad)


def test_bad_method_and_shapes():
    with pytest.raises(LayoutError):
        compute_layout(3, path(3), method="spring")
    with pytest.raises(LayoutError):
        compute_layout(3, path(3), initial=np.zeros((2, 2)))
    with pytest.raises(LayoutError):
        compute_layout(3, path(3), groups=[1, 2])
    assert issubclass(LayoutError, ValueError)


@pytest.mark.parametrize("method", ["auto", "force", "fast", "pivotmds"])
def test_every_method_gives_finite_positions(method):
    edges, labels = planted(700, 4, seed=2)
    pos = compute_layout(700, edges, method=method, seed=3)
    assert pos.shape == (700, 2)
    assert np.isfinite(pos).all()
    if method != "pivotmds":
        assert separation(pos, labels) > 1.2


def test_progress_is_reported_and_ends_at_one():
    seen = []
    edges, _ = planted(2000, 4, seed=1)
    compute_layout(2000, edges, progress=lambda f, msg: seen.append((f, msg)))
    fractions = [f for f, _ in seen]
    assert fractions[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in fractions)
    assert fractions == sorted(fractions)
    assert all(isinstance(m, str) and m for _, m in seen)


@pytest.mark.parametrize("after", [0, 3])
def test_cancel_raises_cancelled(after):
    calls = []

    def should_cancel():
        calls.append(1)
        return len(calls) > after

    edges, _ = planted(2000, 4, seed=1)
    with pytest.raises(Cancelled):
        compute_layout(2000, edges, should_cancel=should_cancel)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 60), data=st.data())
def test_random_small_graphs(n, data):
    m = data.draw(st.integers(0, 3 * n))
    edges = np.array(data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                                        min_size=m, max_size=m)), dtype=np.int64).reshape(-1, 2)
    pos = compute_layout(n, edges, seed=1)
    assert pos.shape == (n, 2)
    assert np.isfinite(pos).all()
    assert np.array_equal(pos, compute_layout(n, edges, seed=1))


def test_many_mid_sized_components_are_batched_and_do_not_overlap():
    parts = [planted(60, 2, seed=s)[0] + 60 * s for s in range(80)]
    edges = np.vstack(parts)
    n = 60 * 80
    pos = compute_layout(n, edges)
    assert np.isfinite(pos).all()
    comp = components_of(n, edges)
    centre = np.column_stack([np.bincount(comp, pos[:, 0]), np.bincount(comp, pos[:, 1])])
    centre /= np.bincount(comp)[:, None]
    radius = np.zeros(comp.max() + 1)
    np.maximum.at(radius, comp, np.sqrt(((pos - centre[comp]) ** 2).sum(axis=1)))
    d = np.sqrt(((centre[:, None] - centre[None]) ** 2).sum(axis=2))
    i, j = np.triu_indices(len(radius), 1)
    assert (d[i, j] > radius[i] + radius[j]).all()


def test_initial_positions_with_groups():
    edges, labels = planted(900, 3, seed=8)
    start = compute_layout(900, edges)
    pos = compute_layout(900, edges, initial=start, groups=labels, seed=2)
    assert np.isfinite(pos).all()
    assert separation(pos, labels) > 1.5
