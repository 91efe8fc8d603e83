"""place_new: new nodes next to their placed neighbours, everything else untouched."""

from __future__ import annotations

import numpy as np
import pytest

from linkview.layout import compute_layout, place_new
from linkview.layout._prep import LayoutError

from .conftest import planted


@pytest.fixture(scope="module")
def chart():
    edges, _ = planted(3000, 6, seed=11)
    return compute_layout(3000, edges, seed=0), edges


def grow(pos, edges, parents, extra_edges, count):
    """A chart with ``count`` NaN rows appended and the given extra edges."""
    n = len(pos)
    more = np.vstack([pos, np.full((count, 2), np.nan)])
    return more, np.vstack([edges, extra_edges]), np.arange(n, n + count)


def test_old_rows_bit_identical_new_rows_next_to_their_parent(chart):
    pos, edges = chart
    n = len(pos)
    parents = np.array([5, 900, 2000])
    extra = np.column_stack([np.repeat(parents, [10, 1, 30]), np.arange(n, n + 41)])
    more, all_edges, new = grow(pos, edges, parents, extra, 41)
    out = place_new(more, all_edges, new, seed=0)
    assert np.array_equal(out[:n], pos)
    assert np.isfinite(out).all()
    parent_of = np.repeat(parents, [10, 1, 30])
    dist = np.linalg.norm(out[new] - out[parent_of], axis=1)
    assert (dist > 0.5).all()
    assert (dist < 6.0).all()
    # siblings do not sit on one another
    d = np.sqrt(((out[new][:, None] - out[new][None]) ** 2).sum(axis=2))
    assert d[np.triu_indices(41, 1)].min() > 0.3
    # the input is not modified
    assert np.isnan(more[new]).all()


def test_node_with_two_placed_neighbours_goes_between_them(chart):
    pos, edges = chart
    n = len(pos)
    a, b = 10, 20
    more, all_edges, new = grow(pos, edges, None, np.array([[a, n], [n, b]]), 1)
    out = place_new(more, all_edges, new)
    assert np.linalg.norm(out[n] - (pos[a] + pos[b]) / 2) < 0.2


def test_second_wave_and_unconnected_new_nodes(chart):
    pos, edges = chart
    n = len(pos)
    # n: child of 7; n+1: child of n (second wave); n+2, n+3: a pair linked to nothing placed
    extra = np.array([[7, n], [n, n + 1], [n + 2, n + 3]])
    more, all_edges, new = grow(pos, edges, None, extra, 4)
    out = place_new(more, all_edges, new)
    assert np.isfinite(out).all()
    assert np.linalg.norm(out[n + 1] - out[n]) < 3.0
    assert np.linalg.norm(out[n + 1] - out[7]) > np.linalg.norm(out[n] - out[7])
    # the orphan pair goes to free space right of the chart
    assert out[n + 2:, 0].min() > pos[:, 0].max()
    assert np.linalg.norm(out[n + 2] - out[n + 3]) < 3.0


def test_new_node_without_edges_goes_outside(chart):
    pos, edges = chart
    n = len(pos)
    more = np.vstack([pos, np.full((1, 2), np.nan)])
    out = place_new(more, edges, [n])
    assert out[n, 0] > pos[:, 0].max()


def test_deterministic_and_only_edges_touching_new_nodes_matter(chart):
    pos, edges = chart
    n = len(pos)
    extra = np.column_stack([np.full(12, 42), np.arange(n, n + 12)])
    more, all_edges, new = grow(pos, edges, None, extra, 12)
    a = place_new(more, all_edges, new, seed=3)
    b = place_new(more, all_edges, new, seed=3)
    c = place_new(more, extra, new, seed=3)
    assert np.array_equal(a, b)
    assert np.array_equal(a, c)


def test_existing_positions_of_new_rows_are_replaced_and_unplaced_others_stay_nan():
    pos = np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 5.0], [np.nan, np.nan]])
    edges = np.array([[0, 2], [1, 3]])
    out = place_new(pos, edges, [2])
    assert np.linalg.norm(out[2] - out[0]) < 2.0
    assert np.isnan(out[3]).all()
    assert np.array_equal(out[:2], pos[:2])


def test_empty_chart_lays_out_the_new_nodes():
    pos = np.full((5, 2), np.nan)
    edges = np.array([[0, 1], [1, 2], [3, 4]])
    out = place_new(pos, edges, np.arange(5))
    assert np.isfinite(out).all()


def test_nothing_new_returns_a_copy():
    pos = np.array([[0.0, 1.0]])
    out = place_new(pos, np.zeros((0, 2), dtype=int), [])
    assert np.array_equal(out, pos)
    assert out is not pos


def test_bad_arguments():
    with pytest.raises(LayoutError):
        place_new(np.zeros((3, 2)), np.zeros((0, 2), dtype=int), [3])
    with pytest.raises(LayoutError):
        place_new(np.zeros((3, 3)), np.zeros((0, 2), dtype=int), [0])


def test_big_chart_many_new_nodes():
    rng = np.random.default_rng(0)
    n = 60_000
    pos = rng.normal(size=(n, 2)) * 120
    edges = rng.integers(0, n, (2 * n, 2))
    new = np.arange(n - 200, n)
    pos[new] = np.nan
    extra = np.column_stack([rng.integers(0, n - 200, 200), new])
    out = place_new(pos, np.vstack([edges, extra]), new)
    assert np.array_equal(out[: n - 200], pos[: n - 200])
    assert np.isfinite(out[new]).all()


def test_package_docstring_example_runs_and_import_is_light():
    import doctest
    import subprocess
    import sys

    import linkview.layout as layout

    result = doctest.testmod(layout)
    assert result.attempted > 0 and result.failed == 0
    code = "import sys, linkview.layout; print('numpy' in sys.modules or 'scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
