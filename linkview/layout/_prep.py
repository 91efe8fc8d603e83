"""Argument checking, edge cleaning and the progress/cancel helper shared by the layout modules.

Imported only when a layout runs, so numpy is imported at module level here.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from linkview.errors import Cancelled, LinkViewError

__all__ = ["LayoutError", "Monitor", "as_edges", "undirected", "as_positions", "as_mask", "as_groups"]


class LayoutError(LinkViewError, ValueError):
    """The arguments of a layout call do not fit together (shapes, node indices out of range)."""


class Monitor:
    """Reports progress over a fraction range and raises :class:`Cancelled` when asked to stop."""

    def __init__(self, progress: Callable[[float, str], None] | None,
                 should_cancel: Callable[[], bool] | None, lo: float = 0.0, hi: float = 1.0):
        self._progress, self._cancel, self.lo, self.hi = progress, should_cancel, lo, hi

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise Cancelled("layout cancelled")

    def report(self, fraction: float, message: str) -> None:
        self.check()
        if self._progress is not None:
            f = min(max(fraction, 0.0), 1.0)
            self._progress(self.lo + (self.hi - self.lo) * f, message)

    def sub(self, lo: float, hi: float) -> Monitor:
        """A monitor for one stage, mapping its 0..1 onto ``lo..hi`` of this one."""
        span = self.hi - self.lo
        return Monitor(self._progress, self._cancel, self.lo + span * lo, self.lo + span * hi)


def as_edges(n: int, edges: object) -> np.ndarray:
    """``edges`` as an (m, 2) int64 array of node indices in ``0..n-1``."""
    if edges is None:
        return np.zeros((0, 2), dtype=np.int64)
    arr = np.asarray(edges)
    if arr.size == 0:
        return np.zeros((0, 2), dtype=np.int64)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise LayoutError(f"edges must have shape (m, 2), not {arr.shape}")
    if not np.issubdtype(arr.dtype, np.integer):
        if not np.issubdtype(arr.dtype, np.floating) or not np.all(np.isfinite(arr)) \
                or not np.array_equal(arr, np.round(arr)):
            raise LayoutError("edges must hold integer node indices")
    arr = arr.astype(np.int64, copy=False)
    if arr.min() < 0 or arr.max() >= n:
        raise LayoutError(f"edge endpoints must lie in 0..{n - 1}")
    return arr


def undirected(edges: np.ndarray) -> np.ndarray:
    """Unique undirected pairs (i < j) without self loops, sorted."""
    if len(edges) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    lo = np.minimum(edges[:, 0], edges[:, 1])
    hi = np.maximum(edges[:, 0], edges[:, 1])
    keep = lo != hi
    pairs = np.stack([lo[keep], hi[keep]], axis=1)
    if len(pairs) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    return np.unique(pairs, axis=0)


def as_positions(n: int, values: object, name: str) -> np.ndarray | None:
    if values is None:
        return None
    arr = np.array(values, dtype=np.float64)
    if arr.shape != (n, 2):
        raise LayoutError(f"{name} must have shape ({n}, 2), not {arr.shape}")
    return arr


def as_mask(n: int, values: object, name: str) -> np.ndarray | None:
    if values is None:
        return None
    arr = np.asarray(values)
    if arr.shape != (n,):
        raise LayoutError(f"{name} must have shape ({n},), not {arr.shape}")
    return arr.astype(bool)


def as_groups(n: int, values: object) -> np.ndarray | None:
    """Group labels as dense ints ``0..g-1`` (any hashable-as-numpy labels are accepted)."""
    if values is None:
        return None
    arr = np.asarray(values)
    if arr.shape != (n,):
        raise LayoutError(f"groups must have shape ({n},), not {arr.shape}")
    _, dense = np.unique(arr, return_inverse=True)
    return dense.astype(np.int64)
