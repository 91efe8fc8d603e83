"""The window's shared state: the open workspace, the cases in scope, the scope's graph and its rings.

Docks never talk to each other: they read this object and listen to its signals (glue's hub, without a
global registry: the main window passes it to each dock). Heavy work (building the graph, finding the
rings) runs through the task runner; each worker opens its own connection to the workspace file, since
SQLite connections are not shared between threads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from linkview.ui.tasks import Task, TaskRunner

__all__ = ["Session", "open_workspace", "in_worker_workspace", "scope_work", "AUTO_SCOPE_ROWS"]

#: a workspace with at most this many events and links opens with every case in scope
AUTO_SCOPE_ROWS = 1_000_000

log = logging.getLogger(__name__)


def open_workspace(path: str | Path, *, create: bool = False):
    """Open (or create) a workspace file."""
    from linkview.workspace import Workspace

    path = Path(path)
    if create and not path.exists():
        return Workspace.create(path)
    return Workspace.open(path)


def in_worker_workspace(path: str | Path, fn: Callable[..., Any], *args: Any, progress=None,
                        should_cancel=None, **kwargs: Any) -> Any:
    """Run ``fn(ws, *args, progress=, should_cancel=, **kwargs)`` on a connection of this thread's own."""
    ws = open_workspace(path)
    try:
        return fn(ws, *args, progress=progress, should_cancel=should_cancel, **kwargs)
    finally:
        ws.close()


def scope_work(ws, case_ids: Iterable[int] | None, *, progress=None, should_cancel=None) -> dict:
    """Build the graph of a scope and find its rings (runs in a worker)."""
    from linkview.graph import build_graph

    def part(lo: float, hi: float):
        if progress is None:
            return None
        return lambda fraction, message="": progress(lo + (hi - lo) * fraction, message)

    ids = sorted(case_ids) if case_ids is not None else None
    graph = build_graph(ws, case_ids=ids, progress=part(0.0, 0.6), should_cancel=should_cancel)
    rings: list = []
    if graph.number_of_nodes():
        from linkview.analysis import rings as find_rings
        from linkview.graph import evidence_lookup

        rings = list(find_rings(graph, evidence=evidence_lookup(ws), progress=part(0.6, 1.0),
                                should_cancel=should_cancel))
    if progress is not None:
        progress(1.0, "")
    return {"case_ids": ids, "graph": graph, "rings": rings}


class Session(QObject):
    """What the whole window shares."""

    workspace_opened = Signal(object)     # Path
    workspace_closed = Signal()
    cases_changed = Signal()              # a case was created or a file imported
    scope_changed = Signal(object)        # frozenset[int] of case ids
    graph_changed = Signal(object)        # the scope's nx.MultiDiGraph
    rings_changed = Signal(object)        # list of rings of the scope
    hubs_changed = Signal()               # an entity was marked or unmarked as a hub
    rebuild_failed = Signal(str)          # the scope's graph could not be built (message)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.ws = None
        self.path: Path | None = None
        self.scope: frozenset[int] = frozenset()
        self.graph = None
        self.rings: list = []
        self._scope_task: Task | None = None

    # workspace ---------------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.ws is not None

    def open(self, path: str | Path, *, create: bool = False) -> None:
        """Open a workspace (closing the current one); raises LinkViewError if it cannot."""
        ws = open_workspace(path, create=create)
        self.close()
        self.ws, self.path = ws, Path(path)
        cases = ws.cases()
        # a unit's whole workspace can hold millions of events: then the investigator ticks the cases
        small = sum(c.events + c.links for c in cases) <= AUTO_SCOPE_ROWS
        self.scope = frozenset(c.id for c in cases) if small else frozenset()
        self.graph, self.rings = None, []
        self.workspace_opened.emit(self.path)
        self.scope_changed.emit(self.scope)

    def close(self) -> None:
        if self.ws is None:
            return
        if self._scope_task is not None and self._scope_task.running:
            self._scope_task.cancel()
        self._scope_task = None
        self.ws.close()
        self.ws, self.path = None, None
        self.scope, self.graph, self.rings = frozenset(), None, []
        self.workspace_closed.emit()

    def cases(self) -> list:
        return self.ws.cases() if self.ws is not None else []

    def notify_cases_changed(self) -> None:
        """Called after an import or a new case: counts changed and new cases join the scope."""
        self.cases_changed.emit()

    # scope -------------------------------------------------------------------------------------
    def set_scope(self, case_ids: Iterable[int]) -> None:
        scope = frozenset(case_ids)
        if scope == self.scope:
            return
        self.scope = scope
        self.scope_changed.emit(scope)

    def rebuild(self) -> Task | None:
        """Build the graph and rings of the current scope in the background; the newest request wins."""
        if self.ws is None:
            return None
        if self._scope_task is not None and self._scope_task.running:
            self._scope_task.cancel()
        if not self.scope:                  # nothing ticked: an empty graph, no work
            import networkx as nx

            self._scope_task = None
            self.graph, self.rings = nx.MultiDiGraph(), []
            self.graph_changed.emit(self.graph)
            self.rings_changed.emit(self.rings)
            return None
        task = self.runner.submit(in_worker_workspace, self.path, scope_work, sorted(self.scope),
                                  title=self.tr("Building the graph of the scope"))
        self._scope_task = task
        task.succeeded.connect(lambda result, t=task: self._on_scope_task_succeeded(t, result))
        task.failed.connect(lambda message, _details, t=task: t is self._scope_task
                            and self.rebuild_failed.emit(message))
        return task

    @property
    def scope_task(self) -> Task | None:
        return self._scope_task

    def _on_scope_task_succeeded(self, task: Task, result: dict) -> None:
        if task is not self._scope_task or self.ws is None:
            return   # an older request, or the workspace was closed meanwhile
        if result["case_ids"] != sorted(self.scope):
            return
        self.graph = result["graph"]
        self.rings = result["rings"]
        self.graph_changed.emit(self.graph)
        self.rings_changed.emit(self.rings)

    # hubs --------------------------------------------------------------------------------------
    def set_hub(self, entity_id: int, value: bool | None, reason: str = "") -> None:
        self.ws.set_hub(entity_id, value, reason)
        if self.graph is not None and entity_id in self.graph:
            self.graph.nodes[entity_id]["hub"] = value
        self.hubs_changed.emit()
