"""Inspector dock: what is known of the selected entity or link, down to the source rows."""

from __future__ import annotations

import logging
from collections import defaultdict

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from linkview.errors import LinkViewError
from linkview.ui.cases_dock import make_table
from linkview.ui.dialogs import SourceRowDialog, show_error
from linkview.ui.models import FrameModel, format_cell
from linkview.ui.names import kind_name, link_name
from linkview.ui.resources import kind_icon
from linkview.ui.session import Session

__all__ = ["InspectorDock", "edge_totals"]

log = logging.getLogger(__name__)


def edge_totals(graph, node, other=None) -> dict:
    """Counts, durations and amounts (per currency) of a node's edges, or of the edges joining two nodes.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge(1, 2, key="call", kind="call", count=3, duration=60.0)
    'call'
    >>> g.add_edge(2, 1, key="transfer", kind="transfer", count=1, amount=5000.0, currency="KZT")
    'transfer'
    >>> t = edge_totals(g, 1)
    >>> t["count"]["call"], t["amount_in"]["KZT"], t["neighbours"]
    (3, 5000.0, 1)
    """
    result = {"count": defaultdict(int), "duration": 0.0, "amount_in": defaultdict(float),
              "amount_out": defaultdict(float), "neighbours": 0}
    if graph is None or node not in graph:
        return result
    neighbours = set()
    for direction, edges in (("out", graph.out_edges(node, data=True)), ("in", graph.in_edges(node, data=True))):
        for a, b, data in edges:
            peer = b if direction == "out" else a
            if other is not None and peer != other:
                continue
            neighbours.add(peer)
            kind = data.get("kind", "link")
            result["count"][kind] += int(data.get("count", 1) or 1)
            result["duration"] += float(data.get("duration", 0.0) or 0.0)
            amount = data.get("amount")
            if amount:
                result[f"amount_{direction}"][data.get("currency") or ""] += float(amount)
    result["neighbours"] = len(neighbours)
    return result


def _money(totals: dict) -> str:
    return ", ".join(f"{format_cell(v)} {cur}".strip() for cur, v in sorted(totals.items())) or "—"


def _provenance_rows(ws, entity_id: int, other_id: int | None, *, progress=None, should_cancel=None):
    """The evidence rows of an entity, or of the link between two (runs in a worker)."""
    return ws.provenance(entity_id, other_id=other_id)


class InspectorDock(QDockWidget):
    """Shows one entity (or the link between two) with its provenance table."""

    hub_mark_changed = Signal(int, object)   # entity id, True / None
    provenance_loaded = Signal()             # the provenance table shows the current selection's rows

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setObjectName("inspector_dock")
        self.setWindowTitle(self.tr("Inspector"))
        self._session = session
        self.entity_id: int | None = None
        self.other_id: int | None = None
        self._init_widgets()
        self._connect_signals()
        self.clear()

    def _init_widgets(self) -> None:
        body = QWidget(self)
        self.icon_label = QLabel(body)
        self.title_label = QLabel(body)
        self.title_label.setObjectName("inspector_title")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.icon_label)
        header.addWidget(self.title_label, 1)

        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label in (("kind", self.tr("Kind:")), ("key", self.tr("Key:")),
                            ("variants", self.tr("Spellings seen:")), ("cases", self.tr("Cases:")),
                            ("seen", self.tr("First / last seen:")), ("counts", self.tr("Events:")),
                            ("amounts", self.tr("Amounts in / out:")), ("note", self.tr("Note:"))):
            value = QLabel(body)
            value.setObjectName(f"inspector_{name}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[name] = value
            form.addRow(label, value)
        self.hub_box = QCheckBox(self.tr("Mark as public number / hub (left out of rings)"), body)
        self.provenance_model = FrameModel([
            ("case_number", self.tr("Case")), ("file", self.tr("File")), ("row", self.tr("Row")),
            ("what", self.tr("What")), ("role", self.tr("Role")), ("sha256", self.tr("SHA-256")),
        ], self, formatters={"what": link_name})
        self.provenance_table = make_table(self.provenance_model, body)
        self.provenance_table.setObjectName("provenance_table")
        self.provenance_table.setToolTip(self.tr("Double-click a row to see the source row's cells"))
        self.provenance_label = QLabel(self.tr("Where it comes from:"), body)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addLayout(form)
        layout.addWidget(self.hub_box)
        layout.addWidget(self.provenance_label)
        layout.addWidget(self.provenance_table, 1)
        self.setWidget(body)

    def _connect_signals(self) -> None:
        self.hub_box.toggled.connect(self._on_hub_box_toggled)
        self.provenance_table.doubleClicked.connect(self._on_provenance_double_clicked)
        self._session.workspace_closed.connect(self.clear)
        self._session.graph_changed.connect(self._on_session_graph_changed)

    # showing -----------------------------------------------------------------------------------
    def clear(self) -> None:
        self.entity_id = self.other_id = None
        self.icon_label.clear()
        self.title_label.setText(self.tr("Select an entity or a link on the chart."))
        for value in self.fields.values():
            value.clear()
        self.hub_box.blockSignals(True)
        self.hub_box.setChecked(False)
        self.hub_box.blockSignals(False)
        self.hub_box.setEnabled(False)
        self.provenance_model.set_frame(None)
        task = getattr(self, "_provenance_task", None)
        if task is not None and task.running:
            task.cancel()
        self._provenance_task = None

    def show_selection(self, node_ids, edge=None) -> None:
        """Show the one selected node, or the selected link, or a count when several are selected."""
        node_ids = list(node_ids or ())
        if edge is not None:
            self.show_link(*edge[:2])
        elif len(node_ids) == 1:
            self.show_entity(node_ids[0])
        elif node_ids:
            self.clear()
            self.title_label.setText(self.tr("%n entities selected", "", len(node_ids)))
        else:
            self.clear()

    def _entity_row(self, entity_id: int):
        ws = self._session.ws
        if ws is None:
            return None
        frame = ws.entities(ids=[int(entity_id)])
        return None if frame.empty else frame.iloc[0]

    def show_entity(self, entity_id: int) -> None:
        row = self._entity_row(entity_id)
        if row is None:
            self.clear()
            return
        self.entity_id, self.other_id = int(entity_id), None
        graph = self._session.graph
        self.icon_label.setPixmap(kind_icon(str(row["kind"])).pixmap(32, 32))
        self.title_label.setText(f"<b>{row['display']}</b>")
        self.fields["kind"].setText(kind_name(str(row["kind"])) + ("" if bool(row["valid"]) else self.tr(" (invalid)")))
        self.fields["key"].setText(str(row["key"]))
        self.fields["variants"].setText(format_cell(list(row["variants"])))
        self.fields["cases"].setText(format_cell(list(row["cases"])))
        self.fields["seen"].setText(f"{format_cell(row['first_seen']) or '—'} / {format_cell(row['last_seen']) or '—'}")
        self.fields["note"].setText(str(row["note"] or ""))
        self._show_totals(edge_totals(graph, self.entity_id), graph is not None and self.entity_id in graph)
        hub = self._session.ws.hub_marks().get(self.entity_id)
        self.hub_box.blockSignals(True)
        self.hub_box.setChecked(bool(hub))
        self.hub_box.blockSignals(False)
        self.hub_box.setEnabled(True)
        self._load_provenance()

    def show_link(self, a: int, b: int) -> None:
        first, second = self._entity_row(a), self._entity_row(b)
        if first is None or second is None:
            self.clear()
            return
        self.entity_id, self.other_id = int(a), int(b)
        self.icon_label.clear()
        self.title_label.setText(f"<b>{first['display']}</b> — <b>{second['display']}</b>")
        self.fields["kind"].setText(self.tr("link"))
        self.fields["key"].setText(f"{first['key']} — {second['key']}")
        for name in ("variants", "seen", "note"):
            self.fields[name].clear()
        cases = sorted(set(first["cases"]) & set(second["cases"]))
        self.fields["cases"].setText(format_cell(cases))
        graph = self._session.graph
        self._show_totals(edge_totals(graph, self.entity_id, self.other_id), graph is not None)
        self.hub_box.setEnabled(False)
        self._load_provenance()

    def _load_provenance(self) -> None:
        """Read the provenance rows in the background: for a number on every row of a million-row
        record the query takes a second or more, which must not freeze the window."""
        from linkview.ui.session import in_worker_workspace

        self.provenance_model.set_frame(None)
        if self._provenance_task is not None and self._provenance_task.running:
            self._provenance_task.cancel()
        wanted = (self.entity_id, self.other_id)
        task = self._session.runner.submit(in_worker_workspace, self._session.path, _provenance_rows,
                                           self.entity_id, self.other_id, title=self.tr("Reading the sources"))
        self._provenance_task = task
        task.succeeded.connect(lambda frame, t=task, w=wanted: self._on_provenance_done(t, w, frame))

    def _on_provenance_done(self, task, wanted: tuple, frame) -> None:
        if task is not self._provenance_task or wanted != (self.entity_id, self.other_id):
            return                                   # the selection moved on meanwhile
        self.provenance_model.set_frame(frame)
        self.provenance_loaded.emit()

    def _show_totals(self, totals: dict, in_graph: bool) -> None:
        if not in_graph:
            self.fields["counts"].setText(self.tr("not in the graph of the cases in scope"))
            self.fields["amounts"].clear()
            return
        from linkview.graph import EVENT_KINDS

        events = [f"{link_name(kind)} {n}" for kind, n in sorted(totals["count"].items()) if kind in EVENT_KINDS]
        links = [link_name(kind) for kind in sorted(totals["count"]) if kind not in EVENT_KINDS]
        counts = ", ".join(events) or "—"
        if links:
            counts += "; " + self.tr("linked by: {kinds}").format(kinds=", ".join(links))
        counts += "; " + self.tr("%n neighbour(s)", "", totals["neighbours"])
        if totals["duration"]:
            counts += "; " + self.tr("{minutes} min of calls").format(minutes=round(totals["duration"] / 60))
        self.fields["counts"].setText(counts)
        self.fields["amounts"].setText(f"{_money(totals['amount_in'])} / {_money(totals['amount_out'])}")

    # signals -----------------------------------------------------------------------------------
    def _on_session_graph_changed(self, graph) -> None:
        if self.entity_id is not None and self.other_id is None:
            self.show_entity(self.entity_id)

    def _on_hub_box_toggled(self, checked: bool) -> None:
        if self.entity_id is None:
            return
        try:
            self._session.set_hub(self.entity_id, True if checked else None,
                                  self.tr("marked in the inspector"))
        except LinkViewError as exc:
            show_error(self, self.tr("Hub mark"), str(exc))
            return
        self.hub_mark_changed.emit(self.entity_id, True if checked else None)

    def open_source_row(self, row: int) -> SourceRowDialog | None:
        """Open the dialog showing the raw cells behind one provenance row."""
        model = self.provenance_model
        if self._session.ws is None or not (0 <= row < model.rowCount()):
            return None
        source_id, line = int(model.value(row, "source_id")), int(model.value(row, "row"))
        cells = self._session.ws.source_row(source_id, line)
        dialog = SourceRowDialog(cells, file=str(model.value(row, "file")), sha256=str(model.value(row, "sha256")),
                                 row=line, case_number=str(model.value(row, "case_number")), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_provenance_double_clicked(self, index: QModelIndex) -> None:
        self.open_source_row(index.row())
