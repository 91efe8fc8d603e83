"""The user actions on a chart, each a :class:`~linkview.chart.undo.Command`.

Build one with the state it acts on and push it: ``state.undo_stack.push(Hide(state, ids))``.
A command computes what it needs on its first ``do()`` (positions of new entities, what a removal
takes away) and replays exactly that on redo, so undo/redo never drifts.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from linkview.chart.state import ChartState, ChartStyle, RemovedEntities
from linkview.chart.undo import Command

__all__ = ["AddEntities", "RemoveEntities", "Hide", "Show", "Move", "Pin", "Unpin", "SetStyle",
           "StyleEntities", "Annotate"]

_UNSET: Any = object()


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word[:-1]}ies" if word.endswith("y") else f"{n} {word}s"


class AddEntities(Command):
    """Put entities of graph ``G`` on the chart, with every edge of G joining them to the chart.

    ``positions`` (entity id -> (x, y)) places some or all of them; the others go next to their
    neighbours already on the chart (:func:`linkview.layout.place_new`), or through
    :func:`linkview.layout.compute_layout` when the chart is empty. Entities already on the chart or
    not in G are skipped.
    """

    def __init__(self, state: ChartState, G: Any, node_ids: Iterable[int], *,
                 positions: Mapping[int, Sequence[float]] | None = None, seed: int = 0):
        self.state, self.G, self.seed = state, G, seed
        self.requested = list(dict.fromkeys(int(n) for n in node_ids))
        self.given = dict(positions or {})
        self._nodes: list[tuple[int, dict]] | None = None
        self._edges: list[tuple[int, int, Hashable, dict]] = []
        self._pos: np.ndarray | None = None
        self.text = f"Add {_plural(len(self.requested), 'entity')}"

    @property
    def added(self) -> list[int]:
        """The entities this command put on the chart (known after the first ``do()``)."""
        return [n for n, _ in self._nodes or []]

    def do(self) -> None:
        if self._nodes is None:
            self._prepare()
        if self._nodes:
            self.state.apply_add(self._nodes, self._edges, self._pos)

    def undo(self) -> None:
        if self._nodes:
            self.state.apply_remove(self.added)

    def _prepare(self) -> None:
        state, G = self.state, self.G
        new = [n for n in self.requested if n in G and n not in state]
        newset = set(new)
        edges: list[tuple[int, int, Hashable, dict]] = []
        for n in new:
            for _, v, k, d in G.out_edges(n, keys=True, data=True):
                if v in newset or v in state:
                    edges.append((n, int(v), k, dict(d)))
            for u, _, k, d in G.in_edges(n, keys=True, data=True):
                if u in state:              # edges from other new nodes came as their out-edges
                    edges.append((int(u), n, k, dict(d)))
        self._nodes = [(n, dict(G.nodes[n])) for n in new]
        self._edges = edges
        self._pos = self._place(new, edges)

    def _place(self, new: list[int], edges: list[tuple[int, int, Hashable, dict]]) -> np.ndarray:
        k = len(new)
        pos = np.zeros((k, 2))
        if k == 0:
            return pos
        todo = [i for i, n in enumerate(new) if n not in self.given]
        for i, n in enumerate(new):
            if n in self.given:
                pos[i] = self.given[n]
        if not todo:
            return pos
        state = self.state
        n0 = len(state)
        row = {n: n0 + i for i, n in enumerate(new)}
        eidx = np.array([[state.index_of(u) if u in state else row[u], state.index_of(v) if v in state else row[v]]
                         for u, v, _, _ in edges], np.int64).reshape(-1, 2)
        if n0 == 0 and len(todo) == k:
            from linkview.layout import compute_layout

            return np.asarray(compute_layout(k, eidx, seed=self.seed), np.float64).reshape(k, 2)
        from linkview.layout import place_new

        full = np.vstack([state.positions, pos])
        full[[n0 + i for i in todo]] = np.nan
        placed = np.asarray(place_new(full, eidx, np.array([n0 + i for i in todo], np.int64), seed=self.seed),
                            np.float64)
        pos[todo] = placed[[n0 + i for i in todo]]
        return pos


class RemoveEntities(Command):
    """Take entities off the chart (the workspace keeps them); undo puts them back as they were."""

    def __init__(self, state: ChartState, node_ids: Iterable[int]):
        self.state = state
        self.ids = [int(i) for i in dict.fromkeys(node_ids) if i in state]
        self._record: RemovedEntities | None = None
        self.text = f"Remove {_plural(len(self.ids), 'entity')}"

    def do(self) -> None:
        self._record = self.state.apply_remove(self.ids)

    def undo(self) -> None:
        if self._record is not None:
            self.state.apply_restore(self._record)
            self._record = None


class _Flag(Command):
    """Set a boolean column (``hidden`` or ``pinned``) on some entities, remembering the old values.

    Subclasses name the column (``flag``) and the value they set; the state applies it through
    ``apply_<flag>``.
    """

    verb = ""
    flag = ""
    value = True

    def __init__(self, state: ChartState, node_ids: Iterable[int]):
        self.state = state
        self.ids = [int(i) for i in dict.fromkeys(node_ids) if i in state]
        self._old: np.ndarray | None = None
        self.text = f"{self.verb} {_plural(len(self.ids), 'entity')}"

    def _apply(self, values: bool | np.ndarray) -> None:
        getattr(self.state, f"apply_{self.flag}")(self.ids, values)

    def do(self) -> None:
        if not self.ids:
            return
        self._old = getattr(self.state, self.flag)[self.state.indices_of(self.ids)].copy()
        self._apply(self.value)

    def undo(self) -> None:
        if self.ids and self._old is not None:
            self._apply(self._old)


class Hide(_Flag):
    verb, flag, value = "Hide", "hidden", True


class Show(_Flag):
    verb, flag, value = "Show", "hidden", False


class Pin(_Flag):
    verb, flag, value = "Pin", "pinned", True


class Unpin(_Flag):
    verb, flag, value = "Unpin", "pinned", False


class Move(Command):
    """Move entities to new positions (a drag). Moved entities become pinned, so a later layout
    run leaves them where the investigator put them; undo restores positions and pins."""

    def __init__(self, state: ChartState, positions: Mapping[int, Sequence[float]]):
        self.state = state
        self.ids = [int(i) for i in positions if i in state]
        self.new = np.array([positions[i] for i in self.ids], np.float64).reshape(len(self.ids), 2)
        self._old_pos: np.ndarray | None = None
        self._old_pin: np.ndarray | None = None
        self.text = f"Move {_plural(len(self.ids), 'entity')}"

    def do(self) -> None:
        if not self.ids:
            return
        rows = self.state.indices_of(self.ids)
        self._old_pos = self.state.positions[rows].copy()
        self._old_pin = self.state.pinned[rows].copy()
        self.state.apply_positions(self.ids, self.new)
        self.state.apply_pinned(self.ids, True)

    def undo(self) -> None:
        if self.ids and self._old_pos is not None:
            self.state.apply_positions(self.ids, self._old_pos)
            self.state.apply_pinned(self.ids, self._old_pin)


class SetStyle(Command):
    """Change the chart-wide style: size and colour by a measure, edge width (see ChartStyle)."""

    def __init__(self, state: ChartState, *, size_by: str | None = _UNSET, colour_by: str = _UNSET,
                 edge_width_by: str | None = _UNSET, communities: Mapping[int, int] | None = _UNSET):
        from linkview.chart.measures import EDGE_MEASURES, MEASURES

        changes = {k: v for k, v in (("size_by", size_by), ("colour_by", colour_by),
                                     ("edge_width_by", edge_width_by), ("communities", communities))
                   if v is not _UNSET}
        if changes.get("size_by") not in (None, *MEASURES):
            raise ValueError(f"unknown size measure {changes['size_by']!r}")
        if "colour_by" in changes and changes["colour_by"] not in ("kind", *MEASURES):
            raise ValueError(f"unknown colour measure {changes['colour_by']!r}")
        if changes.get("edge_width_by") not in (None, *EDGE_MEASURES):
            raise ValueError(f"unknown edge measure {changes['edge_width_by']!r}")
        if changes.get("communities") is not None:
            changes["communities"] = {int(k): int(v) for k, v in changes["communities"].items()}
        self.state, self.changes = state, changes
        self._old: ChartStyle | None = None
        self.text = "Change style"

    def do(self) -> None:
        self._old = self.state.style
        self.state.apply_style(replace(self._old, **self.changes))

    def undo(self) -> None:
        if self._old is not None:
            self.state.apply_style(self._old)


class StyleEntities(Command):
    """Override the style of some entities: ``colour`` ("#rrggbb"), ``size`` (pixels), ``label``.
    Values given as None clear that override; ``clear=True`` drops all their overrides."""

    KEYS = ("colour", "size", "label")

    def __init__(self, state: ChartState, node_ids: Iterable[int], *, clear: bool = False, **style: Any):
        unknown = set(style) - set(self.KEYS)
        if unknown:
            raise ValueError(f"unknown style keys {sorted(unknown)}")
        self.state, self.clear, self.style = state, clear, style
        self.ids = [int(i) for i in dict.fromkeys(node_ids) if i in state]
        self._old: dict[int, dict | None] = {}
        self.text = f"Style {_plural(len(self.ids), 'entity')}"

    def do(self) -> None:
        cur = self.state.overrides
        self._old = {i: dict(cur[i]) if i in cur else None for i in self.ids}
        new: dict[int, dict | None] = {}
        for i in self.ids:
            d = {} if self.clear else dict(cur.get(i, {}))
            for k, v in self.style.items():
                if v is None:
                    d.pop(k, None)
                else:
                    d[k] = v
            new[i] = d or None
        if new:
            self.state.apply_overrides(new)

    def undo(self) -> None:
        if self._old:
            self.state.apply_overrides(self._old)


class Annotate(Command):
    """Attach a text note to an entity (empty text removes the note)."""

    def __init__(self, state: ChartState, node_id: int, text: str):
        if node_id not in state:
            raise KeyError(node_id)
        self.state, self.node_id, self.new = state, int(node_id), text.strip()
        self._old: str | None = None
        self.text = "Annotate" if self.new else "Remove note"

    def do(self) -> None:
        self._old = self.state.annotations.get(self.node_id)
        self.state.apply_annotation(self.node_id, self.new)

    def undo(self) -> None:
        self.state.apply_annotation(self.node_id, self._old)
