"""The centre of the window: the chart canvas with its search box and toolbar.

The canvas (:class:`linkview.ui.canvas.ChartView`) draws a :class:`linkview.chart.ChartState`; every
change goes through a command on the state's undo stack. What first goes on the chart of a scope: all
of it when it is small, else the members of its rings and their neighbours; when the scope is big and has
no ring, the investigator is asked (search for an entity, or show everything).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from linkview.chart import AddEntities, ChartState, Command, Hide, Pin, SetStyle, Show, Unpin, expand
from linkview.errors import LinkViewError
from linkview.ui.canvas import ChartView
from linkview.ui.names import kind_name
from linkview.ui.resources import icon, kind_icon
from linkview.ui.session import Session
from linkview.ui.tasks import Task, TaskRunner

__all__ = ["ChartPanel", "initial_entities", "layout_positions", "Relayout", "SMALL_SCOPE", "EXPAND_CAP"]

log = logging.getLogger(__name__)

SMALL_SCOPE = 400        # a scope with at most this many entities goes on the chart whole
ASK_SCOPE = 3000         # beyond this, with no ring, the investigator is asked first
EXPAND_CAP = 200         # at most this many new neighbours per expanded entity
RING_NEIGHBOURS = 6      # neighbours of each ring member put on the first chart


def initial_entities(graph, rings: list) -> tuple[list[int], str]:
    """What goes on the first chart of a scope, and why ("all", "rings", or "ask")."""
    n = graph.number_of_nodes()
    if n <= SMALL_SCOPE:
        return [int(v) for v in graph.nodes], "all"
    members: list[int] = []
    for ring in rings:
        members.extend(int(e["node"]) for e in getattr(ring, "entities", ()))
    if members:
        chosen = dict.fromkeys(members)
        empty = ChartState()
        plan = expand(empty, graph, members, cap=RING_NEIGHBOURS)
        chosen.update(dict.fromkeys(plan.new))
        return list(chosen), "rings"
    if n <= ASK_SCOPE:
        return [int(v) for v in graph.nodes], "all"
    return [], "ask"


def layout_positions(graph, node_ids: list[int], *, initial=None, fixed=None, progress=None,
                     should_cancel=None) -> np.ndarray:
    """Positions of ``node_ids`` (in that order) from the edges of ``graph`` joining them (worker side)."""
    from linkview.layout import compute_layout

    row = {n: i for i, n in enumerate(node_ids)}
    pairs = [(row[u], row[v]) for u, v in graph.subgraph(node_ids).edges() if u != v]
    edges = np.array(pairs, np.int64).reshape(-1, 2)
    return compute_layout(len(node_ids), edges, initial=initial, fixed=fixed, progress=progress,
                          should_cancel=should_cancel)


class Relayout(Command):
    """New positions from a layout run; pins stay as they are (unlike a drag). Undo restores the old ones."""

    def __init__(self, state: ChartState, node_ids: list[int], positions: np.ndarray):
        self.state, self.ids = state, [int(i) for i in node_ids if i in state]
        keep = [i for i, n in enumerate(node_ids) if n in state]
        self.new = np.asarray(positions, np.float64)[keep]
        self._old: np.ndarray | None = None
        self.text = "Layout"

    def do(self) -> None:
        if self.ids:
            self._old = self.state.positions[self.state.indices_of(self.ids)].copy()
            self.state.apply_positions(self.ids, self.new)

    def undo(self) -> None:
        if self.ids and self._old is not None:
            self.state.apply_positions(self.ids, self._old)


class ChartPanel(QWidget):
    """Search box, toolbar and canvas; owns the chart state of the open workspace."""

    selection_changed = Signal(object, object)    # list[int] node ids, (u, v, key) edge or None
    status_message = Signal(str, int)             # text, milliseconds
    chart_replaced = Signal()                     # a new chart state is shown (opened, restored, first fill)

    MEASURE_ITEMS = (("kind", None), ("degree", "degree"), ("n_cases", "n_cases"), ("amount", "amount"),
                     ("community", "community"))

    def __init__(self, session: Session, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.setObjectName("chart_panel")
        self._session, self._runner = session, runner
        self.state = ChartState()
        self._unsubscribe_undo = None
        self.fill_task: Task | None = None
        self.layout_task: Task | None = None
        self.measure_task: Task | None = None
        self._init_actions()
        self._init_widgets()
        self._connect_signals()
        self._bind(self.state)

    # composition -------------------------------------------------------------------------------
    def _init_actions(self) -> None:
        def action(name, text, shortcut, slot, tip=""):
            act = QAction(icon(name), text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.setToolTip(f"{tip or text.replace('&', '')} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
            act.triggered.connect(slot)
            return act

        self.action_search = action("action_search", self.tr("&Find entity…"), "Ctrl+F", self.focus_search)
        self.action_expand = action("action_expand", self.tr("&Expand"), "E", self.expand_selection,
                                    self.tr("Bring the neighbours of the selected entities onto the chart"))
        self.action_hide = action("action_hide", self.tr("&Hide"), "Del", self.hide_selection,
                                  self.tr("Hide the selected entities"))
        self.action_pin = action("action_pin", self.tr("&Pin"), "P", self.pin_selection,
                                 self.tr("Pin the selected entities where they are"))
        self.action_unpin = action("action_unpin", self.tr("U&npin"), "Shift+P", self.unpin_selection,
                                   self.tr("Let a layout move the selected entities again"))
        self.action_fit = action("action_fit", self.tr("&Fit to view"), "F", self.fit)
        self.action_undo = action("action_undo", self.tr("&Undo"), "Ctrl+Z", self.undo)
        self.action_redo = action("action_redo", self.tr("&Redo"), "Ctrl+Shift+Z", self.redo)
        self.action_layout = action("action_layout", self.tr("&Layout"), "L", self.run_layout,
                                    self.tr("Lay the chart out again (pinned entities stay)"))
        self.selection_actions = [self.action_expand, self.action_hide, self.action_pin, self.action_unpin]

    def chart_actions(self) -> list[QAction]:
        return [self.action_expand, self.action_hide, self.action_pin, self.action_unpin, self.action_fit,
                self.action_layout]

    def _init_widgets(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("chart_search")
        self.search_edit.setPlaceholderText(self.tr("Find a phone, IMEI, card, IBAN, wallet, e-mail… in any spelling"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("action_search"), QLineEdit.ActionPosition.LeadingPosition)
        self.measure_combo = QComboBox(self)
        self.measure_combo.setObjectName("measure_combo")
        labels = {"kind": self.tr("Size: same · colour: kind"), "degree": self.tr("Size by links (degree)"),
                  "n_cases": self.tr("Size by number of cases"), "amount": self.tr("Size by amount"),
                  "community": self.tr("Colour by community")}
        for key, _measure in self.MEASURE_ITEMS:
            self.measure_combo.addItem(labels[key], key)
        self.toolbar = QToolBar(self.tr("Chart"), self)
        self.toolbar.setObjectName("chart_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.search_edit.setMinimumWidth(260)
        self.search_edit.setMaximumWidth(440)
        self.toolbar.addWidget(self.search_edit)
        self.toolbar.addSeparator()
        for act in (self.action_expand, self.action_hide, self.action_pin, self.action_unpin, None,
                    self.action_undo, self.action_redo, None, self.action_layout, self.action_fit, None):
            self.toolbar.addSeparator() if act is None else self.toolbar.addAction(act)
        self.toolbar.addWidget(self.measure_combo)
        self.banner = QLabel(self)
        self.banner.setObjectName("chart_banner")
        self.banner.setWordWrap(True)
        self.banner_button = QPushButton(self)
        self.banner_close = QPushButton(icon("action_close"), "", self)
        self.banner_close.setFlat(True)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.banner_button)
        banner_row.addWidget(self.banner_close)
        self.view = ChartView(self.state, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(banner_row)
        layout.addWidget(self.view, 1)
        self.hide_banner()

    def _connect_signals(self) -> None:
        self.search_edit.returnPressed.connect(self._on_search_return_pressed)
        self.measure_combo.activated.connect(self._on_measure_activated)
        self.view.selection_changed.connect(self._on_view_selection_changed)
        self.view.expand_requested.connect(self.expand)
        self.view.hover_changed.connect(self._on_view_hover_changed)
        self.banner_close.clicked.connect(self.hide_banner)
        self.banner_button.clicked.connect(self._on_banner_button_clicked)
        self._session.graph_changed.connect(self._on_session_graph_changed)

    # state binding -----------------------------------------------------------------------------
    def _bind(self, state: ChartState) -> None:
        if self._unsubscribe_undo is not None:
            self._unsubscribe_undo()
        self.state = state
        self.view.set_state(state)
        self._unsubscribe_undo = state.undo_stack.subscribe(lambda _stack: self._update_actions())
        index = self.measure_combo.findData(self._measure_key(state))
        self.measure_combo.setCurrentIndex(max(index, 0))
        self._update_actions()
        self._on_view_selection_changed(state.selection)
        QTimer.singleShot(0, self.view.fit_to_view)   # once the canvas has its final size
        self.chart_replaced.emit()

    @staticmethod
    def _measure_key(state: ChartState) -> str:
        if state.style.colour_by == "community":
            return "community"
        return state.style.size_by or "kind"

    def chart_data(self) -> dict:
        """The chart as saved with the workspace."""
        return self.state.to_dict()

    def restore(self, data: dict | None) -> None:
        """Show a saved chart (or an empty one, filled when the scope's graph arrives)."""
        self.hide_banner()
        state = ChartState()
        if data:
            try:
                state = ChartState.from_dict(data)
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("saved chart not restored: %s", exc)
                self.show_banner(self.tr("The saved chart could not be read; a new one will be drawn."))
        self._bind(state)

    @property
    def graph(self):
        return self._session.graph

    def _update_actions(self) -> None:
        stack = self.state.undo_stack
        self.action_undo.setEnabled(stack.can_undo())
        self.action_redo.setEnabled(stack.can_redo())
        self.action_undo.setText(self.tr("&Undo {what}").format(what=stack.undo_text()).strip()
                                 if stack.can_undo() else self.tr("&Undo"))
        self.action_redo.setText(self.tr("&Redo {what}").format(what=stack.redo_text()).strip()
                                 if stack.can_redo() else self.tr("&Redo"))
        has_selection = bool(self.state.selection.nodes)
        for act in self.selection_actions:
            act.setEnabled(has_selection)
        self.action_fit.setEnabled(len(self.state) > 0)
        self.action_layout.setEnabled(len(self.state) > 0)

    # banner ------------------------------------------------------------------------------------
    def show_banner(self, text: str, button: str = "", on_click=None) -> None:
        self.banner.setText(text)
        self.banner.show()
        self.banner_close.show()
        self._banner_action = on_click
        self.banner_button.setVisible(bool(button))
        self.banner_button.setText(button)

    def hide_banner(self) -> None:
        self.banner.hide()
        self.banner_button.hide()
        self.banner_close.hide()
        self._banner_action = None

    def _on_banner_button_clicked(self) -> None:
        action, self._banner_action = self._banner_action, None
        self.hide_banner()
        if action is not None:
            action()

    # first chart of a scope --------------------------------------------------------------------
    def _on_session_graph_changed(self, graph) -> None:
        if len(self.state) == 0:
            self.fill_initial()

    def fill_initial(self, *, force_all: bool = False) -> Task | None:
        """Put the scope's first entities on an empty chart; the layout runs in the background."""
        graph, rings = self._session.graph, self._session.rings
        if graph is None:
            return None
        if force_all:
            self.hide_banner()
            ids, why = [int(v) for v in graph.nodes], "all"
        else:
            ids, why = initial_entities(graph, rings)
        if why == "ask":
            self.show_banner(
                self.tr("The cases in scope hold {n:,} entities and no ring. Find an entity to start from, "
                        "or draw them all (this may take a while).").format(n=graph.number_of_nodes()),
                self.tr("Draw all"), lambda: self.fill_initial(force_all=True))
            return None
        if not ids:
            self._bind(ChartState())
            return None
        if self.fill_task is not None and self.fill_task.running:
            self.fill_task.cancel()
        task = self._runner.submit(layout_positions, graph, ids, title=self.tr("Laying out the chart"))
        self.fill_task = task
        task.succeeded.connect(lambda pos, t=task: self._on_fill_done(t, graph, ids, why, pos))
        return task

    def _on_fill_done(self, task: Task, graph, ids: list[int], why: str, positions: np.ndarray) -> None:
        if task is not self.fill_task or graph is not self._session.graph or len(self.state):
            return
        self._bind(ChartState.from_graph(graph, np.asarray(positions), nodes=ids))
        if why == "rings":
            self.status_message.emit(self.tr("The chart shows the members of {n} ring(s) and their closest "
                                             "neighbours.").format(n=len(self._session.rings)), 8000)

    # actions -----------------------------------------------------------------------------------
    def selected(self) -> list[int]:
        return sorted(self.state.selection.nodes)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def expand_selection(self) -> None:
        self.expand(self.selected())

    def expand(self, node_ids: Iterable[int]) -> AddEntities | None:
        """Bring the neighbours (in the scope's graph) of ``node_ids`` onto the chart, capped."""
        ids = [int(i) for i in node_ids]
        graph = self._session.graph
        if not ids:
            return None
        if graph is None:
            self.status_message.emit(self.tr("The graph of the scope is still being built."), 5000)
            return None
        plan = expand(self.state, graph, ids, cap=EXPAND_CAP)
        if plan.supernodes:
            names = ", ".join(
                self.tr("{name} ({n} links)").format(name=graph.nodes[n].get("display") or graph.nodes[n].get("key"), n=k)
                for n, k in list(plan.supernodes.items())[:4])
            text = self.tr("Supernode: {names}. It may be a public number or an exchange; mark it as a hub in "
                           "the inspector.").format(names=names)
            if plan.skipped:
                text += " " + self.tr("Only the {cap} strongest neighbours were added; {skipped} left out.").format(
                    cap=EXPAND_CAP, skipped=plan.skipped)
            self.show_banner(text)
        if not plan.new:
            self.status_message.emit(self.tr("No more neighbours in the cases in scope."), 5000)
            return None
        command = AddEntities(self.state, graph, plan.new)
        self.state.undo_stack.push(command)
        self.status_message.emit(self.tr("Added %n entities.", "", len(command.added)), 5000)
        return command

    def hide_selection(self) -> None:
        ids = self.selected()
        if ids:
            self.state.undo_stack.push(Hide(self.state, ids))

    def pin_selection(self) -> None:
        ids = self.selected()
        if ids:
            self.state.undo_stack.push(Pin(self.state, ids))

    def unpin_selection(self) -> None:
        ids = self.selected()
        if ids:
            self.state.undo_stack.push(Unpin(self.state, ids))

    def fit(self) -> None:
        self.view.fit_to_view()

    def undo(self) -> None:
        self.state.undo_stack.undo()

    def redo(self) -> None:
        self.state.undo_stack.redo()

    def show_entities(self, node_ids: Iterable[int]) -> None:
        """Put entities of the scope on the chart (if absent), select them and bring them into view."""
        ids = [int(i) for i in node_ids]
        graph = self._session.graph
        was_empty = len(self.state) == 0
        missing = [i for i in ids if i not in self.state]
        if missing and graph is not None:
            if was_empty and self.fill_task is not None and self.fill_task.running:
                self.fill_task.cancel()       # the investigator chose what to start from
            self.state.undo_stack.push(AddEntities(self.state, graph, missing))
            if was_empty:
                self.view.fit_to_view()
        on_chart = [i for i in ids if i in self.state]
        if self.state.hidden.any():
            hidden = [i for i in on_chart if self.state.is_hidden(i)]
            if hidden:
                self.state.undo_stack.push(Show(self.state, hidden))
        self.state.select(on_chart)
        if len(on_chart) == 1:
            self.view.center_on(on_chart[0])
        elif on_chart:
            xy = np.array([self.state.position(i) for i in on_chart])
            centre = xy.mean(axis=0)
            nearest = on_chart[int(np.argmin(((xy - centre) ** 2).sum(axis=1)))]
            self.view.center_on(nearest)

    def find(self, text: str) -> int | None:
        """Find an entity in any spelling; put it on the chart, select and centre it. Returns its id."""
        ws = self._session.ws
        text = text.strip()
        if ws is None or not text:
            return None
        try:
            found = ws.search(text, limit=20)
        except LinkViewError as exc:
            self.status_message.emit(str(exc), 8000)
            return None
        if found.empty:
            self.show_banner(self.tr("Nothing in this workspace matches “{text}”.").format(text=text))
            return None
        if str(found["match"].iloc[0]) == "exact" or len(found) == 1:
            return self.go_to(int(found["id"].iloc[0]))
        self._offer_matches(found)
        return None

    def go_to(self, entity_id: int) -> int | None:
        graph = self._session.graph
        if entity_id not in self.state and (graph is None or entity_id not in graph):
            row = self._session.ws.entities(ids=[entity_id])
            cases = ", ".join(row["cases"].iloc[0]) if not row.empty else ""
            display = row["display"].iloc[0] if not row.empty else entity_id
            self.show_banner(self.tr("{what} is not in the cases in scope; it was seen in: {cases}. Tick those "
                                     "cases in the Cases dock.").format(what=display, cases=cases or "—"))
            return None
        self.hide_banner()
        self.show_entities([entity_id])
        return entity_id

    def _offer_matches(self, found) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for row in found.head(15).itertuples():
            act = menu.addAction(kind_icon(str(row.kind)), f"{row.display}   ({row.kind}; {', '.join(row.cases)})")
            act.triggered.connect(lambda _checked=False, i=int(row.id): self.go_to(i))
        self.matches_menu = menu
        menu.popup(self.search_edit.mapToGlobal(self.search_edit.rect().bottomLeft()))

    def run_layout(self) -> Task | None:
        """Lay the chart out again in the background; pinned entities keep their place."""
        if len(self.state) == 0:
            return None
        if self.layout_task is not None and self.layout_task.running:
            self.layout_task.cancel()
        state = self.state
        ids = state.ids.tolist()
        src, dst = state.edge_endpoints()
        edges = np.column_stack([src, dst]).astype(np.int64)
        initial = np.array(state.positions, np.float64)
        fixed = np.array(state.pinned, bool)

        def work(*, progress, should_cancel):
            from linkview.layout import compute_layout

            return compute_layout(len(ids), edges, initial=initial if fixed.any() else None,
                                  fixed=fixed if fixed.any() else None, progress=progress,
                                  should_cancel=should_cancel)

        task = self._runner.submit(work, title=self.tr("Layout"))
        self.layout_task = task
        task.succeeded.connect(lambda pos, t=task: self._on_layout_done(t, state, ids, pos))
        return task

    def _on_layout_done(self, task: Task, state: ChartState, ids: list[int], positions) -> None:
        if task is not self.layout_task or state is not self.state:
            return
        state.undo_stack.push(Relayout(state, ids, positions))
        self.view.fit_to_view()

    def set_measure(self, key: str) -> Task | None:
        """Size or colour the chart by a measure (communities are computed in the background)."""
        if key == "community":
            graph = self._session.graph
            if graph is None or len(self.state) == 0:
                return None
            ids = self.state.ids.tolist()

            def work(*, progress, should_cancel):
                from linkview.analysis import communities

                groups = communities(graph.subgraph(ids), progress=progress, should_cancel=should_cancel)
                return {int(n): i for i, group in enumerate(groups) for n in group}

            task = self._runner.submit(work, title=self.tr("Communities"))
            self.measure_task = task
            state = self.state
            task.succeeded.connect(lambda mapping, s=state: s is self.state and s.undo_stack.push(
                SetStyle(s, size_by=None, colour_by="community", communities=mapping)))
            return task
        size_by = None if key == "kind" else key
        self.state.undo_stack.push(SetStyle(self.state, size_by=size_by, colour_by="kind"))
        return None

    def on_hub_mark_changed(self, entity_id: int, value) -> None:
        self.status_message.emit(self.tr("Hub mark saved; the rings are being found again."), 5000)
        self._session.rebuild()

    # signals -----------------------------------------------------------------------------------
    def _on_search_return_pressed(self) -> None:
        self.find(self.search_edit.text())

    def _on_measure_activated(self, index: int) -> None:
        self.set_measure(self.measure_combo.itemData(index))

    def _on_view_hover_changed(self, node_id) -> None:
        if node_id is None or node_id not in self.state:
            self.status_message.emit("", 0)
            return
        attrs = self.state.attrs(node_id)
        cases = ", ".join(str(c) for c in attrs.get("cases") or ())
        self.status_message.emit(f"{kind_name(str(attrs.get('kind', '')))}: {attrs.get('display') or attrs.get('key')}"
                                 f"  ·  {cases}", 0)

    def _on_view_selection_changed(self, selection) -> None:
        self._update_actions()
        edges = sorted(selection.edges, key=repr)
        edge = edges[0] if edges and not selection.nodes else None
        self.selection_changed.emit(sorted(selection.nodes), edge)
