"""Positions for charts from 10 to 100,000+ nodes.

Scale convention: a typical edge is about 1.0 unit long (each connected component is scaled so that
its median edge length is exactly 1.0 in a fresh layout); packed components are at least 2 units
apart and isolated nodes sit on a lattice of pitch 2 around them. The canvas scales as it likes.

numpy/scipy are imported only when a layout is computed: importing this package is cheap.

>>> import numpy as np
>>> pos = compute_layout(4, np.array([[0, 1], [1, 2], [2, 3]]), seed=1)
>>> pos.shape, bool(np.isfinite(pos).all())
((4, 2), True)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["compute_layout", "place_new", "METHODS", "LayoutError"]

METHODS = ("auto", "force", "fast", "pivotmds")


def compute_layout(n: int, edges: np.ndarray, *, groups: np.ndarray | None = None,
                   initial: np.ndarray | None = None, fixed: np.ndarray | None = None, seed: int = 0,
                   method: str = "auto", progress: Callable[[float, str], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None) -> np.ndarray:
    """Positions (n, 2) float64 for ``n`` nodes joined by ``edges`` (int array (m, 2)).

    Directed and repeated edges count once; self loops are ignored.

    - ``groups``: an int (or any sortable) label per node; each group is held in its own disc and
      the discs are kept apart. Without it, components over 600 nodes get communities found by
      igraph's Leiden (seeded) held the same way, so communities come apart visibly.
    - ``initial``: start positions (n, 2); NaN rows are unplaced. With it, the unplaced nodes are put
      next to their neighbours and the whole chart is relaxed gently from the given positions.
    - ``fixed``: bool mask of pinned nodes; their rows come back bit-identical (they need finite
      ``initial`` rows).
    - ``seed``: the result is a deterministic function of the arguments and the seed.
    - ``method``: ``"auto"`` (per component: exact force-directed from a PivotMDS start up to 600
      nodes; beyond, PivotMDS, communities in their own discs and a grid/FFT force refinement),
      ``"force"`` (exact force-directed from a random start, for components up to 2,500 nodes;
      bigger ones as "auto"), ``"fast"`` (the big-graph pipeline at any size), ``"pivotmds"``
      (PivotMDS only, no refinement).
    - ``progress(fraction, message)`` is called along the way; when ``should_cancel()`` returns
      true, :class:`linkview.errors.Cancelled` is raised.

    Raises :class:`linkview.layout.LayoutError` (a ``ValueError``) on inconsistent arguments.
    """
    from .engine import compute_layout as _compute

    return _compute(n, edges, groups=groups, initial=initial, fixed=fixed, seed=seed, method=method,
                    progress=progress, should_cancel=should_cancel)


def place_new(pos: np.ndarray, edges: np.ndarray, new: np.ndarray, *, seed: int = 0) -> np.ndarray:
    """A copy of ``pos`` (n, 2) with the rows of ``new`` placed next to their placed neighbours.

    Rows not in ``new`` are returned bit-identical (NaN rows not in ``new`` stay NaN). ``edges`` may
    be the whole chart's; only those touching ``new`` are used. Cost: a few O(n + m) vector passes,
    no layout of the chart.
    """
    from .incremental import place_new as _place

    return _place(pos, edges, new, seed=seed)


def __getattr__(name: str):
    if name == "LayoutError":
        from ._prep import LayoutError

        return LayoutError
    raise AttributeError(name)
