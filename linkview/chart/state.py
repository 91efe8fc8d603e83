"""The state of one chart: what the investigator chose to look at.

:class:`ChartState` holds the entities on the chart (entity id -> position, pinned, hidden, style
overrides), the graph data they show (node attributes ``kind key display cases n_cases ...`` and the
edges between them, as in the :mod:`linkview.graph` contract), the selection and the annotations.
Storage is columnar (numpy arrays in chart order) so a 100,000-entity chart loads and draws fast.

Changes flow one way. User actions are :mod:`commands <linkview.chart.commands>` pushed on
``state.undo_stack``; a command calls the ``apply_*`` methods below, and every ``apply_*`` tells the
subscribers with a :class:`ChartEvent`. Views subscribe (``state.subscribe(fn)``) and update
incrementally; they never change the state but through a command.

Selection is deliberately *not* undoable (as in Maltego and i2 Analyst's Notebook): clicking around
would otherwise flood the history and push real edits out of reach. :meth:`ChartState.select` changes
it directly and emits ``selection_changed``; removing or hiding entities deselects them.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np

from linkview.chart.undo import UndoStack

__all__ = [
    "ChartState", "ChartEvent", "ChartStyle", "Selection", "RemovedEntities", "EdgeKey",
    "NODES_ADDED", "NODES_REMOVED", "POSITIONS_CHANGED", "VISIBILITY_CHANGED", "SELECTION_CHANGED",
    "STYLE_CHANGED", "PINS_CHANGED", "ANNOTATIONS_CHANGED", "EVENT_TYPES", "FORMAT", "FORMAT_VERSION",
]

EdgeKey = tuple[int, int, Hashable]

NODES_ADDED = "nodes_added"
NODES_REMOVED = "nodes_removed"
POSITIONS_CHANGED = "positions_changed"
VISIBILITY_CHANGED = "visibility_changed"
SELECTION_CHANGED = "selection_changed"
STYLE_CHANGED = "style_changed"
PINS_CHANGED = "pins_changed"
ANNOTATIONS_CHANGED = "annotations_changed"
EVENT_TYPES = (NODES_ADDED, NODES_REMOVED, POSITIONS_CHANGED, VISIBILITY_CHANGED, SELECTION_CHANGED,
               STYLE_CHANGED, PINS_CHANGED, ANNOTATIONS_CHANGED)

FORMAT = "linkview.chart"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class ChartEvent:
    """What changed: ``type`` is one of :data:`EVENT_TYPES`; ``ids`` the entities concerned
    (empty for a chart-wide change such as a new size measure)."""

    type: str
    ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Selection:
    nodes: frozenset[int] = frozenset()
    edges: frozenset[EdgeKey] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.nodes or self.edges)


@dataclass(frozen=True)
class ChartStyle:
    """Chart-wide style. Measures are those of :mod:`linkview.chart.measures`.

    ``size_by``: None (one size) or a measure; ``colour_by``: ``"kind"`` or a measure
    (``"community"`` uses ``communities``, entity id -> community number);
    ``edge_width_by``: ``"count"``, ``"amount"`` or None.
    """

    size_by: str | None = None
    colour_by: str = "kind"
    edge_width_by: str | None = "count"
    communities: Mapping[int, int] | None = field(default=None, compare=True)

    def to_dict(self) -> dict:
        d = asdict(self)
        if self.communities is not None:
            d["communities"] = {str(k): int(v) for k, v in self.communities.items()}
        return d

    @classmethod
    def from_dict(cls, d: Mapping) -> ChartStyle:
        comm = d.get("communities")
        return cls(size_by=d.get("size_by"), colour_by=d.get("colour_by") or "kind",
                   edge_width_by=d.get("edge_width_by"),
                   communities=None if comm is None else {int(k): int(v) for k, v in comm.items()})


@dataclass
class RemovedEntities:
    """Everything :meth:`ChartState.apply_remove` took away, so :meth:`apply_restore` can put it back."""

    nodes: list[tuple[int, dict]]
    positions: np.ndarray
    pinned: np.ndarray
    hidden: np.ndarray
    edges: list[tuple[int, int, Hashable, dict]]
    overrides: dict[int, dict]
    annotations: dict[int, str]


def _readonly(a: np.ndarray) -> np.ndarray:
    v = a.view()
    v.flags.writeable = False
    return v


class ChartState:
    """Entities on a chart, their edges, selection, annotations and style; see the module doc."""

    def __init__(self, *, undo_limit: int = 200):
        self._ids = np.empty(0, np.int64)
        self._pos = np.empty((0, 2), np.float64)
        self._pinned = np.empty(0, bool)
        self._hidden = np.empty(0, bool)
        self._attrs: list[dict] = []
        self._index: dict[int, int] = {}
        self._eu = np.empty(0, np.int64)
        self._ev = np.empty(0, np.int64)
        self._ekeys: list[Hashable] = []
        self._eattrs: list[dict] = []
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None
        self._edge_index: tuple[np.ndarray, np.ndarray] | None = None
        self._edge_cache: dict = {}
        self._node_cache: dict = {}
        self._selection = Selection()
        self._annotations: dict[int, str] = {}
        self._overrides: dict[int, dict] = {}
        self._style = ChartStyle()
        self._listeners: list[Callable[[ChartEvent], None]] = []
        self.undo_stack = UndoStack(undo_limit)
        #: bumped on every change; views may key caches on it
        self.version = 0

    # ================================================================ reading: entities
    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._index

    @property
    def ids(self) -> np.ndarray:
        """Entity ids in chart order (read-only view)."""
        return _readonly(self._ids)

    @property
    def positions(self) -> np.ndarray:
        """(n, 2) positions in chart order (read-only view)."""
        return _readonly(self._pos)

    @property
    def pinned(self) -> np.ndarray:
        return _readonly(self._pinned)

    @property
    def hidden(self) -> np.ndarray:
        return _readonly(self._hidden)

    def index_of(self, node_id: int) -> int:
        return self._index[node_id]

    def indices_of(self, node_ids: Iterable[int]) -> np.ndarray:
        """Chart-order indices of ``node_ids``; KeyError when one is not on the chart."""
        q = np.asarray(list(node_ids) if not isinstance(node_ids, np.ndarray) else node_ids, np.int64)
        if len(q) == 0:
            return np.empty(0, np.int64)
        if len(q) < 64:
            return np.array([self._index[int(i)] for i in q], np.int64)
        sorter, sorted_ids = self._sorted_ids()
        at = np.searchsorted(sorted_ids, q)
        at[at >= len(sorted_ids)] = 0
        bad = sorted_ids[at] != q if len(sorted_ids) else np.ones(len(q), bool)
        if bad.any():
            raise KeyError(int(q[np.argmax(bad)]))
        return sorter[at]

    def attrs(self, node_id: int) -> Mapping[str, Any]:
        """The node's graph attributes (kind, key, display, cases, ...), read-only."""
        return MappingProxyType(self._attrs[self._index[node_id]])

    def attrs_at(self, i: int) -> Mapping[str, Any]:
        return MappingProxyType(self._attrs[i])

    def kinds(self) -> list[str]:
        """Node kinds in chart order."""
        cached = self._node_cache.get("kinds")
        if cached is None:
            cached = self._node_cache["kinds"] = [a.get("kind", "") for a in self._attrs]
        return list(cached)

    def displays(self) -> list[str]:
        """What each entity's label says (``display``, else ``key``), in chart order."""
        cached = self._node_cache.get("displays")
        if cached is None:
            cached = self._node_cache["displays"] = [str(a.get("display") or a.get("key") or "")
                                                     for a in self._attrs]
        return list(cached)

    def position(self, node_id: int) -> tuple[float, float]:
        x, y = self._pos[self._index[node_id]]
        return float(x), float(y)

    def is_pinned(self, node_id: int) -> bool:
        return bool(self._pinned[self._index[node_id]])

    def is_hidden(self, node_id: int) -> bool:
        return bool(self._hidden[self._index[node_id]])

    # ================================================================ reading: edges
    @property
    def edge_count(self) -> int:
        return len(self._ekeys)

    def edge_ids(self) -> tuple[np.ndarray, np.ndarray]:
        """(source ids, target ids) of every edge, read-only."""
        return _readonly(self._eu), _readonly(self._ev)

    def edge_endpoints(self) -> tuple[np.ndarray, np.ndarray]:
        """(source index, target index) into chart order, one pair per edge (cached)."""
        if self._edge_index is None:
            self._edge_index = (_readonly(self.indices_of(self._eu)), _readonly(self.indices_of(self._ev)))
        return self._edge_index

    def edge_key_at(self, i: int) -> EdgeKey:
        return int(self._eu[i]), int(self._ev[i]), self._ekeys[i]

    def edge_attrs_at(self, i: int) -> Mapping[str, Any]:
        return MappingProxyType(self._eattrs[i])

    def edge_attr_values(self, name: str, default: float = 0.0) -> np.ndarray:
        """One numeric edge attribute for every edge (missing, None or NaN -> ``default``); cached
        until edges are added or removed, read-only."""
        key = (name, default)
        cached = self._edge_cache.get(key)
        if cached is None:
            cached = self._edge_cache[key] = _readonly(_floats([d.get(name, default) for d in self._eattrs],
                                                               default))
        return cached

    def edge_kinds(self) -> list[str]:
        """The ``kind`` of every edge (its key when it has none); cached like edge_attr_values."""
        cached = self._edge_cache.get("kinds")
        if cached is None:
            cached = self._edge_cache["kinds"] = [d.get("kind", k) for d, k in zip(self._eattrs, self._ekeys,
                                                                                      strict=True)]
        return list(cached)

    def edge_keys(self) -> list[EdgeKey]:
        return [(int(u), int(v), k) for u, v, k in zip(self._eu.tolist(), self._ev.tolist(), self._ekeys,
                                                         strict=True)]

    def incident_edges(self, node_ids: Iterable[int]) -> np.ndarray:
        """Indices of the edges touching any of ``node_ids``."""
        q = np.fromiter(node_ids, np.int64)
        return np.flatnonzero(np.isin(self._eu, q) | np.isin(self._ev, q))

    def neighbours(self, node_ids: Iterable[int]) -> set[int]:
        """Entities on the chart joined by an edge to one of ``node_ids`` (not including them)."""
        q = np.fromiter(node_ids, np.int64)
        a = self._ev[np.isin(self._eu, q)]
        b = self._eu[np.isin(self._ev, q)]
        return set(np.concatenate([a, b]).tolist()) - set(q.tolist())

    # ================================================================ reading: the rest
    @property
    def selection(self) -> Selection:
        return self._selection

    @property
    def annotations(self) -> Mapping[int, str]:
        return MappingProxyType(self._annotations)

    @property
    def overrides(self) -> Mapping[int, Mapping[str, Any]]:
        """Per-entity style overrides: ``colour`` ("#rrggbb"), ``size`` (pixels), ``label``."""
        return MappingProxyType(self._overrides)

    @property
    def style(self) -> ChartStyle:
        return self._style

    # ================================================================ listeners
    def subscribe(self, fn: Callable[[ChartEvent], None]) -> Callable[[], None]:
        """Call ``fn(event)`` after every change; returns a function that unsubscribes."""
        self._listeners.append(fn)
        return lambda: self.unsubscribe(fn)

    def unsubscribe(self, fn: Callable[[ChartEvent], None]) -> None:
        if fn in self._listeners:
            self._listeners.remove(fn)

    def _emit(self, type_: str, ids: Iterable[int] = ()) -> None:
        self.version += 1
        event = ChartEvent(type_, tuple(int(i) for i in ids))
        for fn in list(self._listeners):
            fn(event)

    # ================================================================ selection (not undoable)
    def select(self, nodes: Iterable[int] = (), edges: Iterable[EdgeKey] = (), *, mode: str = "replace") -> None:
        """Change the selection. ``mode``: replace, add, remove or toggle. Entities not on the chart
        or hidden are ignored; so are edges whose ends are not both on the chart."""
        n = {int(i) for i in nodes if i in self._index and not self._hidden[self._index[i]]}
        e = {(int(u), int(v), k) for u, v, k in edges if u in self._index and v in self._index}
        cur = self._selection
        if mode == "replace":
            new = Selection(frozenset(n), frozenset(e))
        elif mode == "add":
            new = Selection(cur.nodes | n, cur.edges | e)
        elif mode == "remove":
            new = Selection(cur.nodes - n, cur.edges - e)
        elif mode == "toggle":
            new = Selection(cur.nodes ^ n, cur.edges ^ e)
        else:
            raise ValueError(f"unknown selection mode {mode!r}")
        self._set_selection(new)

    def clear_selection(self) -> None:
        self._set_selection(Selection())

    def _set_selection(self, new: Selection) -> None:
        if new != self._selection:
            old = self._selection
            self._selection = new
            self._emit(SELECTION_CHANGED, sorted(old.nodes ^ new.nodes))

    def _deselect(self, ids: set[int]) -> None:
        cur = self._selection
        if cur.nodes & ids or any(u in ids or v in ids for u, v, _ in cur.edges):
            self._set_selection(Selection(cur.nodes - ids,
                                          frozenset(e for e in cur.edges if e[0] not in ids and e[1] not in ids)))

    # ================================================================ mutations (used by commands)
    def apply_add(self, nodes: Sequence[tuple[int, dict]], edges: Sequence[tuple[int, int, Hashable, dict]],
                  positions: np.ndarray, *, pinned: np.ndarray | None = None, hidden: np.ndarray | None = None,
                  overrides: Mapping[int, dict] | None = None, annotations: Mapping[int, str] | None = None) -> None:
        """Append entities (not yet on the chart) with their positions, and edges whose ends are on
        the chart once they are added."""
        ids = np.fromiter((int(n) for n, _ in nodes), np.int64, len(nodes))
        if len(set(ids.tolist())) != len(ids) or any(int(i) in self._index for i in ids):
            raise ValueError("apply_add: an entity is already on the chart or given twice")
        pos = np.asarray(positions, np.float64).reshape(len(ids), 2)
        start = len(self._ids)
        self._ids = np.concatenate([self._ids, ids])
        self._pos = np.concatenate([self._pos, pos])
        self._pinned = np.concatenate([self._pinned, np.zeros(len(ids), bool) if pinned is None
                                       else np.asarray(pinned, bool)])
        self._hidden = np.concatenate([self._hidden, np.zeros(len(ids), bool) if hidden is None
                                       else np.asarray(hidden, bool)])
        self._attrs.extend(a for _, a in nodes)
        self._index.update(zip(ids.tolist(), range(start, start + len(ids)), strict=True))
        if edges:
            eu = np.fromiter((int(e[0]) for e in edges), np.int64, len(edges))
            ev = np.fromiter((int(e[1]) for e in edges), np.int64, len(edges))
            missing = [int(i) for i in np.concatenate([eu, ev]) if int(i) not in self._index]
            if missing:
                self._drop_rows(np.arange(start, len(self._ids)))
                raise ValueError(f"apply_add: edge end {missing[0]} is not on the chart")
            self._eu = np.concatenate([self._eu, eu])
            self._ev = np.concatenate([self._ev, ev])
            self._ekeys.extend(e[2] for e in edges)
            self._eattrs.extend(e[3] for e in edges)
        self._sorted = self._edge_index = None
        self._edge_cache = {}
        self._node_cache = {}
        if overrides:
            self._overrides.update({int(k): dict(v) for k, v in overrides.items()})
        self._emit(NODES_ADDED, ids.tolist())
        if annotations:
            self._annotations.update({int(k): str(v) for k, v in annotations.items()})
            self._emit(ANNOTATIONS_CHANGED, annotations.keys())

    def apply_remove(self, node_ids: Iterable[int]) -> RemovedEntities:
        """Take entities (and their edges, overrides, annotations) off the chart; returns what it took."""
        ids = sorted({int(i) for i in node_ids if i in self._index})
        rows = self.indices_of(ids)
        idset = set(ids)
        emask = np.isin(self._eu, ids) | np.isin(self._ev, ids)
        eidx = np.flatnonzero(emask).tolist()
        record = RemovedEntities(
            nodes=[(int(self._ids[r]), self._attrs[r]) for r in rows.tolist()],
            positions=self._pos[rows].copy(), pinned=self._pinned[rows].copy(),
            hidden=self._hidden[rows].copy(),
            edges=[(int(self._eu[i]), int(self._ev[i]), self._ekeys[i], self._eattrs[i]) for i in eidx],
            overrides={i: self._overrides.pop(i) for i in ids if i in self._overrides},
            annotations={i: self._annotations.pop(i) for i in ids if i in self._annotations},
        )
        if not ids:
            return record
        self._deselect(idset)
        keep = ~emask
        self._eu, self._ev = self._eu[keep], self._ev[keep]
        self._ekeys = [k for k, m in zip(self._ekeys, emask.tolist(), strict=True) if not m]
        self._eattrs = [a for a, m in zip(self._eattrs, emask.tolist(), strict=True) if not m]
        self._drop_rows(rows)
        self._emit(NODES_REMOVED, ids)
        if record.annotations:
            self._emit(ANNOTATIONS_CHANGED, record.annotations.keys())
        return record

    def apply_restore(self, record: RemovedEntities) -> None:
        """Put back what :meth:`apply_remove` took."""
        self.apply_add(record.nodes, record.edges, record.positions, pinned=record.pinned,
                       hidden=record.hidden, overrides=record.overrides, annotations=record.annotations)

    def _drop_rows(self, rows: np.ndarray) -> None:
        keep = np.ones(len(self._ids), bool)
        keep[rows] = False
        self._ids, self._pos = self._ids[keep], self._pos[keep]
        self._pinned, self._hidden = self._pinned[keep], self._hidden[keep]
        self._attrs = [a for a, k in zip(self._attrs, keep.tolist(), strict=True) if k]
        self._index = dict(zip(self._ids.tolist(), range(len(self._ids)), strict=True))
        self._sorted = self._edge_index = None
        self._edge_cache = {}
        self._node_cache = {}

    def apply_positions(self, node_ids: Sequence[int], positions: np.ndarray) -> None:
        rows = self.indices_of(node_ids)
        self._pos[rows] = np.asarray(positions, np.float64).reshape(len(rows), 2)
        self._emit(POSITIONS_CHANGED, node_ids)

    def apply_pinned(self, node_ids: Sequence[int], values: bool | np.ndarray) -> None:
        rows = self.indices_of(node_ids)
        self._pinned[rows] = values
        self._emit(PINS_CHANGED, node_ids)

    def apply_hidden(self, node_ids: Sequence[int], values: bool | np.ndarray) -> None:
        rows = self.indices_of(node_ids)
        self._hidden[rows] = values
        hidden_now = {int(i) for i, h in zip(node_ids, self._hidden[rows].tolist(), strict=True) if h}
        self._deselect(hidden_now)
        self._emit(VISIBILITY_CHANGED, node_ids)

    def apply_style(self, style: ChartStyle) -> None:
        self._style = style
        self._emit(STYLE_CHANGED)

    def apply_overrides(self, overrides: Mapping[int, Mapping[str, Any] | None]) -> None:
        """Set (or with None, clear) per-entity style overrides."""
        for k, v in overrides.items():
            if v:
                self._overrides[int(k)] = dict(v)
            else:
                self._overrides.pop(int(k), None)
        self._emit(STYLE_CHANGED, overrides.keys())

    def apply_annotation(self, node_id: int, text: str | None) -> None:
        if text:
            self._annotations[int(node_id)] = str(text)
        else:
            self._annotations.pop(int(node_id), None)
        self._emit(ANNOTATIONS_CHANGED, [node_id])

    # ================================================================ building
    @classmethod
    def from_graph(cls, G: Any, positions: Mapping[int, Sequence[float]] | np.ndarray | None = None, *,
                   nodes: Iterable[int] | None = None, seed: int = 0, undo_limit: int = 200) -> ChartState:
        """A chart showing ``nodes`` of ``G`` (default: all) with every edge of G between them.

        ``positions``: entity id -> (x, y), or an (n, 2) array in ``nodes`` order, or None to run
        :func:`linkview.layout.compute_layout`. The chart shares G's attribute dicts (read them,
        never change them). This is the starting point, not a command: it is not on the undo stack.
        """
        state = cls(undo_limit=undo_limit)
        node_data = G.nodes
        node_list = list(node_data) if nodes is None else list(dict.fromkeys(n for n in nodes if n in G))
        ids = np.asarray(node_list, np.int64)
        state._ids = ids
        state._attrs = [node_data[n] for n in node_list]
        state._index = dict(zip(ids.tolist(), range(len(ids)), strict=True))
        # columns every view reads, taken while each dict is at hand (a second pass over 100,000s
        # of scattered dicts costs more than the first)
        state._node_cache["kinds"] = [a.get("kind", "") for a in state._attrs]
        state._node_cache["displays"] = [str(a.get("display") or a.get("key") or "") for a in state._attrs]
        on = state._index
        eu: list[int] = []
        ev: list[int] = []
        keys: list[Hashable] = []
        attrs: list[dict] = []
        ekind: list[Any] = []
        ecount: list[Any] = []
        eamount: list[Any] = []
        # G.adjacency() yields the graph's own dicts (much faster than the edge views at 200,000
        # edges); appending to flat lists creates no GC-tracked objects, and the collector is paused
        # because each full collection would walk the caller's whole graph
        with _gc_paused():
            for u, nbrs in G.adjacency():
                if u not in on:
                    continue
                for v, kd in nbrs.items():
                    if v not in on:
                        continue
                    for k, d in kd.items():
                        eu.append(u)
                        ev.append(v)
                        keys.append(k)
                        attrs.append(d)
                        ekind.append(d.get("kind", k))
                        ecount.append(d.get("count", 1.0))
                        eamount.append(d.get("amount", 0.0))
        state._eu = np.array(eu, np.int64)
        state._ev = np.array(ev, np.int64)
        state._ekeys = keys
        state._eattrs = attrs
        state._edge_cache["kinds"] = ekind
        state._edge_cache[("count", 1.0)] = _readonly(_floats(ecount, 1.0))
        state._edge_cache[("amount", 0.0)] = _readonly(_floats(eamount, 0.0))
        if positions is None:
            from linkview.layout import compute_layout

            src, dst = state.edge_endpoints()
            pos = compute_layout(len(ids), np.column_stack([src, dst]), seed=seed)
        elif isinstance(positions, np.ndarray):
            pos = positions
        else:
            pos = np.array([positions[n] for n in node_list], np.float64).reshape(len(ids), 2)
        state._pos = np.array(pos, np.float64).reshape(len(ids), 2)
        state._pinned = np.zeros(len(ids), bool)
        state._hidden = np.zeros(len(ids), bool)
        return state

    def _sorted_ids(self) -> tuple[np.ndarray, np.ndarray]:
        if self._sorted is None:
            sorter = np.argsort(self._ids, kind="stable")
            self._sorted = (sorter, self._ids[sorter])
        return self._sorted

    # ================================================================ saving
    def to_dict(self) -> dict:
        """A JSON-able dict of the whole chart (for ``ws.save_chart``). Datetimes become ISO strings."""
        return {
            "format": FORMAT, "version": FORMAT_VERSION,
            "nodes": {
                "id": self._ids.tolist(), "x": self._pos[:, 0].tolist(), "y": self._pos[:, 1].tolist(),
                "pinned": self._pinned.tolist(), "hidden": self._hidden.tolist(),
                "attrs": [_jsonable(a) for a in self._attrs],
            },
            "edges": {
                "u": self._eu.tolist(), "v": self._ev.tolist(), "key": [_jsonable(k) for k in self._ekeys],
                "attrs": [_jsonable(a) for a in self._eattrs],
            },
            "selection": {"nodes": sorted(self._selection.nodes),
                          "edges": [[u, v, _jsonable(k)] for u, v, k in sorted(self._selection.edges, key=repr)]},
            "annotations": {str(k): v for k, v in self._annotations.items()},
            "overrides": {str(k): _jsonable(v) for k, v in self._overrides.items()},
            "style": self._style.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping, *, undo_limit: int = 200) -> ChartState:
        """The chart :meth:`to_dict` saved. Raises ValueError on another format or a newer version."""
        if data.get("format") != FORMAT:
            raise ValueError("not a LinkView chart")
        if int(data.get("version", 0)) > FORMAT_VERSION:
            raise ValueError(f"chart format version {data.get('version')} is newer than this LinkView")
        nd, ed = data["nodes"], data["edges"]
        state = cls(undo_limit=undo_limit)
        n = len(nd["id"])
        nodes = [(int(i), _node_attrs(a)) for i, a in zip(nd["id"], nd["attrs"], strict=True)]
        edges = [(int(u), int(v), _key(k), _node_attrs(a))
                 for u, v, k, a in zip(ed["u"], ed["v"], ed["key"], ed["attrs"], strict=True)]
        pos = np.column_stack([np.asarray(nd["x"], np.float64), np.asarray(nd["y"], np.float64)]).reshape(n, 2)
        state.apply_add(nodes, edges, pos, pinned=np.asarray(nd["pinned"], bool).reshape(n),
                        hidden=np.asarray(nd["hidden"], bool).reshape(n),
                        overrides={int(k): dict(v) for k, v in data.get("overrides", {}).items()},
                        annotations={int(k): v for k, v in data.get("annotations", {}).items()})
        state._style = ChartStyle.from_dict(data.get("style", {}))
        sel = data.get("selection", {})
        state._selection = Selection(frozenset(int(i) for i in sel.get("nodes", []) if int(i) in state._index),
                                     frozenset((int(u), int(v), _key(k)) for u, v, k in sel.get("edges", [])))
        state.version = 0
        return state


# ==================================================================== helpers
@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during a bulk build (restored even on error)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _num(value: Any, default: float) -> float:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return default
    return default if math.isnan(f) else f


def _floats(values: list, default: float) -> np.ndarray:
    """float64 array of ``values``; None, NaN or non-numbers become ``default``."""
    try:
        out = np.array(values, np.float64)
    except (TypeError, ValueError):
        return np.fromiter((_num(v, default) for v in values), np.float64, len(values))
    out[np.isnan(out)] = default
    return out


def _jsonable(value: Any) -> Any:
    """Plain JSON types: tuples/sets -> lists, datetimes -> ISO strings, numpy scalars -> Python, NaN -> None."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_jsonable(v) for v in value), key=repr)
    if isinstance(value, np.generic):
        return _jsonable(value.item())
    if hasattr(value, "isoformat"):
        try:
            if value != value:  # NaT
                return None
        except (TypeError, ValueError):
            pass
        return value.isoformat()
    return str(value)


def _node_attrs(a: Mapping) -> dict:
    out = dict(a)
    if isinstance(out.get("cases"), list):
        out["cases"] = tuple(out["cases"])
    return out


def _key(k: Any) -> Hashable:
    return tuple(k) if isinstance(k, list) else k
