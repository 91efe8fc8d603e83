"""The main window. It only composes: collaborators come in, each part is built by an ``_init_*`` method,
and ``_connect_signals`` wires the parts together (qutebrowser's ``mainwindow.py``)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
)

from linkview.errors import LinkViewError
from linkview.ui.cases_dock import CasesDock
from linkview.ui.chart_panel import ChartPanel
from linkview.ui.dialogs import show_error
from linkview.ui.i18n import LANGUAGE_NAMES
from linkview.ui.import_wizard import ImportWizard
from linkview.ui.inspector_dock import InspectorDock
from linkview.ui.resources import icon
from linkview.ui.rings_dock import RingsDock
from linkview.ui.session import Session
from linkview.ui.tasks import Task, TaskProgressWidget, TaskRunner
from linkview.ui.welcome import WelcomePage

__all__ = ["MainWindow", "CHART_NAME"]

log = logging.getLogger(__name__)

CHART_NAME = "main"           # the chart saved with the workspace on close
_MAX_RECENT = 8


class MainWindow(QMainWindow):
    """LinkView's window: chart in the centre, cases, inspector and rings docked around it."""

    workspace_shown = Signal(object)     # Path of the workspace now on screen, or None

    def __init__(self, session: Session, runner: TaskRunner, settings: QSettings, parent=None):
        super().__init__(parent)
        self.session, self.runner, self.settings = session, runner, settings
        self.setObjectName("main_window")
        self.setWindowIcon(icon("app"))
        self.resize(1440, 900)
        self._init_actions()
        self._init_central()
        self._init_docks()
        self._init_menus()
        self._init_toolbar()
        self._init_statusbar()
        self._connect_signals()
        self._restore_settings()
        self._on_session_workspace_closed()

    # composition -------------------------------------------------------------------------------
    def _init_actions(self) -> None:
        def action(name, text, shortcut=None, slot=None):
            act = QAction(icon(name) if name else icon("none"), text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            if slot is not None:
                act.triggered.connect(slot)
            return act

        self.action_new = action("action_new", self.tr("&New workspace…"), QKeySequence.StandardKey.New,
                                 self.ask_new_workspace)
        self.action_open = action("action_open", self.tr("&Open workspace…"), QKeySequence.StandardKey.Open,
                                  self.ask_open_workspace)
        self.action_demo = action("action_demo", self.tr("Open the &demo workspace"), None, self.open_demo)
        self.action_import = action("action_import", self.tr("&Import files…"), "Ctrl+I", self.show_import_wizard)
        self.action_new_case = action("action_case", self.tr("New &case…"), None, None)
        self.action_close = action("action_close", self.tr("&Close workspace"), QKeySequence.StandardKey.Close,
                                   self.close_workspace)
        self.action_quit = action("", self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.action_about = action("app", self.tr("&About LinkView"), None, self._on_about_triggered)
        self.language_group = QActionGroup(self)
        for code, name in LANGUAGE_NAMES.items():
            act = QAction(name, self.language_group)
            act.setCheckable(True)
            act.setData(code)
        self.workspace_actions = [self.action_import, self.action_new_case, self.action_close]

    def _init_central(self) -> None:
        self.welcome = WelcomePage(self)
        self.chart_panel = ChartPanel(self.session, self.runner, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.chart_panel)
        self.setCentralWidget(self.stack)

    def _init_docks(self) -> None:
        self.cases_dock = CasesDock(self.session, self)
        self.inspector_dock = InspectorDock(self.session, self)
        self.rings_dock = RingsDock(self.session, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.cases_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.rings_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.resizeDocks([self.cases_dock, self.inspector_dock], [430, 380], Qt.Orientation.Horizontal)

    def _init_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        for act in (self.action_new, self.action_open, self.action_demo, None, self.action_import,
                    self.action_new_case, None, self.action_close, self.action_quit):
            self.file_menu.addSeparator() if act is None else self.file_menu.addAction(act)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        panel = self.chart_panel
        self.edit_menu.addAction(panel.action_undo)
        self.edit_menu.addAction(panel.action_redo)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(panel.action_search)
        self.chart_menu = bar.addMenu(self.tr("&Chart"))
        for act in panel.chart_actions():
            self.chart_menu.addAction(act)
        self.view_menu = bar.addMenu(self.tr("&View"))
        for dock in (self.cases_dock, self.rings_dock, self.inspector_dock):
            self.view_menu.addAction(dock.toggleViewAction())
        self.language_menu = self.view_menu.addMenu(self.tr("&Language"))
        self.language_menu.addActions(self.language_group.actions())
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.action_about)

    def _init_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Workspace"))
        bar.setObjectName("workspace_toolbar")
        bar.addAction(self.action_open)
        bar.addAction(self.action_import)
        self.addToolBar(self.chart_panel.toolbar)

    def _init_statusbar(self) -> None:
        self.progress_widget = TaskProgressWidget(self.runner, self)
        self.statusBar().addPermanentWidget(self.progress_widget)

    def _connect_signals(self) -> None:
        self.welcome.new_requested.connect(self.ask_new_workspace)
        self.welcome.open_requested.connect(self.ask_open_workspace)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_requested.connect(self.open_workspace)
        self.action_new_case.triggered.connect(self.cases_dock.ask_new_case)
        self.language_group.triggered.connect(self._on_language_triggered)
        self.session.workspace_opened.connect(self._on_session_workspace_opened)
        self.session.workspace_closed.connect(self._on_session_workspace_closed)
        self.session.scope_changed.connect(self._on_session_scope_changed)
        self.session.cases_changed.connect(self._on_session_scope_changed)
        self.runner.error_reported.connect(self._on_runner_error_reported)
        self.chart_panel.selection_changed.connect(self.inspector_dock.show_selection)
        self.chart_panel.status_message.connect(self.statusBar().showMessage)
        self.rings_dock.ring_selected.connect(self.chart_panel.show_entities)
        self.inspector_dock.hub_mark_changed.connect(self.chart_panel.on_hub_mark_changed)

    # settings ----------------------------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        """First start: take most of the screen (a chart needs room), centred."""
        screen = QApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        w, h = max(1024, int(area.width() * 0.94)), max(700, int(area.height() * 0.92))
        w, h = min(w, area.width()), min(h, area.height())
        self.resize(w, h)
        self.move(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2)
        # Case numbers, titles and ring case lists need room; the chart keeps about half the width.
        self.resizeDocks([self.cases_dock, self.inspector_dock], [int(w * 0.3), int(w * 0.22)],
                         Qt.Orientation.Horizontal)

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._fit_to_screen()
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        lang = self.settings.value("language", "", str)
        for act in self.language_group.actions():
            act.setChecked(act.data() == (lang or QApplication.instance().property("linkview_language")))
        self.welcome.set_recent(self.recent_workspaces())

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def recent_workspaces(self) -> list[str]:
        value = self.settings.value("recent", [])
        paths = [value] if isinstance(value, str) else list(value or [])
        return [p for p in paths if Path(p).exists()][:_MAX_RECENT]

    def _remember(self, path: Path) -> None:
        paths = [str(path)] + [p for p in self.recent_workspaces() if p != str(path)]
        self.settings.setValue("recent", paths[:_MAX_RECENT])
        self.welcome.set_recent(paths[:_MAX_RECENT])

    # workspace ---------------------------------------------------------------------------------
    def open_workspace(self, path: str | Path, *, create: bool = False) -> bool:
        self.save_chart()
        try:
            self.session.open(path, create=create)
        except (LinkViewError, OSError) as exc:
            show_error(self, self.tr("Open workspace"), str(exc))
            return False
        return True

    def close_workspace(self) -> None:
        self.save_chart()
        self.session.close()

    def save_chart(self) -> None:
        if self.session.ws is None:
            return
        try:
            self.session.ws.save_chart(CHART_NAME, self.chart_panel.chart_data())
        except LinkViewError as exc:
            log.warning("chart not saved: %s", exc)

    def ask_new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New workspace"), "cases.linkview",
                                              self.tr("LinkView workspaces (*.linkview)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            if not path.endswith(".linkview"):
                path += ".linkview"
            if Path(path).exists():   # never overwrite evidence: a workspace is replaced by hand only
                show_error(self, self.tr("New workspace"),
                           self.tr("{path} already exists. Open it, or choose another name.").format(path=path))
                return
            self.open_workspace(path, create=True)

    def ask_open_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open workspace"), "", self.tr("LinkView workspaces (*.linkview)"))
        if path:
            self.open_workspace(path)

    def open_demo(self) -> Task:
        """Build (the first time) and open the demo workspace, with a progress dialog and Cancel."""
        from linkview.demo import ensure_demo_workspace

        dialog = QProgressDialog(self.tr("Preparing the demo workspace…"), self.tr("Cancel"), 0, 1000, self)
        dialog.setWindowTitle(self.tr("Demo"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(2**30)       # never on its own: the timer below decides
        task = self.runner.submit(ensure_demo_workspace, title=self.tr("Demo workspace"))
        delay = QTimer(dialog)                 # show the dialog only when the demo takes a while
        delay.setSingleShot(True)
        delay.timeout.connect(dialog.open)
        delay.start(400)
        task.progressed.connect(lambda fraction, message: (dialog.setValue(int(fraction * 1000)),
                                                           dialog.setLabelText(message or dialog.labelText())))
        dialog.canceled.connect(task.cancel)
        task.succeeded.connect(self.open_workspace)
        task.ended.connect(delay.stop)
        task.ended.connect(dialog.reset)
        task.ended.connect(dialog.deleteLater)
        self.demo_task = task
        return task

    def show_import_wizard(self) -> ImportWizard | None:
        if self.session.ws is None:
            return None
        wizard = ImportWizard(self.session, self.runner, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.import_ended.connect(self._on_wizard_import_ended)
        case = self.cases_dock.current_case()
        wizard.open()
        if case is not None:
            wizard.files_page.case_combo.setCurrentIndex(max(0, wizard.files_page.case_combo.findData(case.number)))
        self.import_wizard = wizard
        return wizard

    # slots -------------------------------------------------------------------------------------
    def _on_session_workspace_opened(self, path: Path) -> None:
        self.stack.setCurrentWidget(self.chart_panel)
        self.setWindowTitle(self.tr("{name} — LinkView").format(name=Path(path).name))
        for act in self.workspace_actions:
            act.setEnabled(True)
        self._remember(Path(path))
        self.chart_panel.restore(self.session.ws.load_chart(CHART_NAME))
        self.workspace_shown.emit(Path(path))

    def _on_session_workspace_closed(self) -> None:
        self.stack.setCurrentWidget(self.welcome)
        self.setWindowTitle(self.tr("LinkView"))
        for act in self.workspace_actions:
            act.setEnabled(False)
        self.chart_panel.restore(None)
        self.inspector_dock.clear()
        self.workspace_shown.emit(None)

    def _on_session_scope_changed(self, *_args) -> None:
        self.session.rebuild()

    def _on_wizard_import_ended(self, results: list) -> None:
        if not results:
            return
        case_ids = {r.case_id for r in results}
        self.session.set_scope(self.session.scope | case_ids)
        self.session.notify_cases_changed()
        self.statusBar().showMessage(self.tr("Imported %n file(s).", "", len(results)), 8000)

    def _on_runner_error_reported(self, title: str, message: str, details: str) -> None:
        show_error(self, title, message, details)

    def _on_language_triggered(self, act: QAction) -> None:
        self.settings.setValue("language", act.data())
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The new language is used the next time LinkView starts."))

    def _on_about_triggered(self) -> None:
        from linkview import __version__

        QMessageBox.about(self, self.tr("About LinkView"), self.tr(
            "<b>LinkView {version}</b><p>Link analysis of call records, bank statements, blockchain "
            "exports and ad-site responses across fraud cases.</p>").format(version=__version__))

    # Qt overrides ------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_chart()
        self.save_settings()
        self.runner.shutdown()
        self.session.close()
        super().closeEvent(event)
