"""Rings dock: the cross-case rings of the scope, each with its score, cases, members and evidence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from linkview.ui.cases_dock import make_table
from linkview.ui.models import FrameModel, format_cell
from linkview.ui.resources import kind_icon
from linkview.ui.session import Session

__all__ = ["RingsDock", "ring_field", "rings_frame"]


def ring_field(ring: Any, name: str, default: Any = None) -> Any:
    """A field of a ring, whether analysis returns dataclasses or dicts."""
    if isinstance(ring, dict):
        return ring.get(name, default)
    return getattr(ring, name, default)


def ring_members(ring: Any) -> list[int]:
    """Entity ids of a ring's members (bridges first, as analysis lists them)."""
    return [int(e["node"] if "node" in e else e["id"]) for e in ring_field(ring, "entities", ()) or ()]


def _evidence_lines(ring: Any) -> list[str]:
    """One line per (entity, case, file): which rows of which file put the entity in that case."""
    lines = []
    for item in ring_field(ring, "evidence", ()) or ():
        entity = item.get("entity", {})
        rows = list(item.get("rows", ()))
        shown = ", ".join(str(r) for r in rows[:8]) + (f" … (+{len(rows) - 8})" if len(rows) > 8 else "")
        lines.append(QCoreApplication.translate("RingsDock", "{key} in case {case}: {file}, rows {rows} (SHA-256 {sha}…)")
                     .format(key=entity.get("key", "?"), case=item.get("case", "?"), file=item.get("file", "?"),
                             rows=shown or "—", sha=str(item.get("sha256", ""))[:12]))
    return lines


def rings_frame(rings: list):
    import pandas as pd

    rows = []
    for i, ring in enumerate(rings):
        cases = list(ring_field(ring, "cases", ()) or ())
        rows.append({"rank": i + 1, "score": float(ring_field(ring, "score", 0.0) or 0.0),
                     "n_cases": len(cases), "cases": cases, "n_members": len(ring_members(ring))})
    return pd.DataFrame(rows, columns=["rank", "score", "n_cases", "cases", "n_members"])


class RingsDock(QDockWidget):
    """Lists the rings; selecting one asks for its members to be put on the chart and selected."""

    ring_selected = Signal(object)      # list[int] of member entity ids

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setObjectName("rings_dock")
        self.setWindowTitle(self.tr("Rings"))
        self._session = session
        self._rings: list = []
        self.model = FrameModel([("rank", "#"), ("score", self.tr("Score")), ("n_cases", self.tr("Cases")),
                                 ("n_members", self.tr("Members")), ("cases", self.tr("Case numbers"))], self)
        body = QWidget(self)
        self.status = QLabel(self.tr("Open a workspace to find rings."), body)
        self.status.setWordWrap(True)
        self.table = make_table(self.model, body)
        self.table.setObjectName("rings_table")
        self.members = QListWidget(body)
        self.members.setObjectName("ring_members")
        self.evidence = QListWidget(body)
        self.evidence.setObjectName("ring_evidence")
        self.evidence.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical, body)
        splitter.addWidget(self.table)
        splitter.addWidget(self._titled(self.tr("Members (bridges link cases; connectors hold them together):"),
                                        self.members))
        splitter.addWidget(self._titled(self.tr("Evidence (source rows that put each bridge in its cases):"),
                                        self.evidence))
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self.setWidget(body)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self._session.rings_changed.connect(self.set_rings)
        self._session.workspace_closed.connect(lambda: self.set_rings([]))
        self._session.scope_changed.connect(self._on_session_scope_changed)
        self._session.rebuild_failed.connect(self._on_session_rebuild_failed)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        label = QLabel(title, box)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(widget)
        return box

    @property
    def rings(self) -> list:
        return list(self._rings)

    def set_rings(self, rings: list) -> None:
        self._rings = list(rings or [])
        self.model.set_frame(rings_frame(self._rings))
        self.members.clear()
        self.evidence.clear()
        if self._session.ws is None:
            self.status.setText(self.tr("Open a workspace to find rings."))
        elif not self._session.scope:
            self.status.setText(self.tr("Tick the cases to analyse in the Cases dock."))
        elif not self._rings:
            self.status.setText(self.tr("No ring joins two or more cases of the scope."))
        else:
            self.status.setText(self.tr("%n ring(s) join the cases in scope.", "", len(self._rings)))

    def select_ring(self, index: int) -> None:
        self.table.selectRow(index)

    def _on_session_scope_changed(self, scope) -> None:
        self.status.setText(self.tr("Looking for rings…"))

    def _on_session_rebuild_failed(self, message: str) -> None:
        self.status.setText(self.tr("The rings could not be found: {error}").format(error=message))

    def _on_table_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.members.clear()
        self.evidence.clear()
        if not rows:
            return
        ring = self._rings[rows[0].row()]
        members = ring_members(ring)
        for entity in ring_field(ring, "entities", ()) or ():
            role = self.tr("bridge") if entity.get("role") == "bridge" else self.tr("connector")
            text = f"{entity.get('display') or entity.get('key')}  ·  {role}  ·  {format_cell(entity.get('cases', ()))}"
            item = QListWidgetItem(kind_icon(str(entity.get("kind", ""))), text)
            item.setData(Qt.ItemDataRole.UserRole, int(entity.get("node", entity.get("id", 0))))
            self.members.addItem(item)
        for line in _evidence_lines(ring):
            self.evidence.addItem(line)
        self.ring_selected.emit(members)
