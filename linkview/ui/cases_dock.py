"""Cases dock: every case with its counts, the scope ticks, a new case, and each case's files and rejects."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from linkview.errors import LinkViewError
from linkview.ui.models import CasesModel, FrameModel
from linkview.ui.resources import icon
from linkview.ui.session import Session

__all__ = ["CasesDock", "NewCaseDialog", "sources_frame"]

log = logging.getLogger(__name__)


def sources_frame(sources):
    """The workspace's SourceInfo records as a table."""
    import pandas as pd

    rows = [{"id": s.id, "name": s.name, "kind": s.kind, "sha256": s.sha256, "rows_total": s.rows_total,
             "rows_imported": s.rows_imported, "rows_rejected": s.rows_rejected,
             "imported_by": s.imported_by, "imported_at": s.imported_at.replace("T", " ")[:19],
             "path": s.path} for s in sources]
    return pd.DataFrame(rows, columns=["id", "name", "kind", "sha256", "rows_total", "rows_imported",
                                       "rows_rejected", "imported_by", "imported_at", "path"])


def make_table(model, parent=None, *, fit_columns: bool = True) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    if fit_columns:
        view.horizontalHeader().setMaximumSectionSize(360)
        model.modelReset.connect(view.resizeColumnsToContents)   # fit the columns to each new table
    return view


class NewCaseDialog(QDialog):
    """Number, title and notes of a new case."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("e.g. 252500031000123"))
        self.title = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(80)
        form = QFormLayout(self)
        form.addRow(self.tr("Case number:"), self.number)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Notes:"), self.notes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.number.textChanged.connect(self._on_number_text_changed)
        self._on_number_text_changed("")

    def _on_number_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))


class CasesDock(QDockWidget):
    """Lists the cases; ticking them sets the scope the graph is built for."""

    case_selected = Signal(object)     # CaseInfo or None

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setObjectName("cases_dock")
        self.setWindowTitle(self.tr("Cases"))
        self._session = session
        self._init_models()
        self._init_widgets()
        self._connect_signals()

    def _init_models(self) -> None:
        self.model = CasesModel(self)
        self.sources_model = FrameModel([
            ("name", self.tr("File")), ("kind", self.tr("Kind")), ("rows_imported", self.tr("Imported")),
            ("rows_rejected", self.tr("Rejected")), ("rows_total", self.tr("Rows")),
            ("imported_by", self.tr("By")), ("imported_at", self.tr("When")), ("sha256", self.tr("SHA-256")),
        ], self)
        self.rejected_model = FrameModel([
            ("file", self.tr("File")), ("row", self.tr("Row")), ("column", self.tr("Column")),
            ("severity", self.tr("Severity")), ("reason", self.tr("Reason")),
        ], self)

    def _init_widgets(self) -> None:
        body = QWidget(self)
        self.table = make_table(self.model, body, fit_columns=False)
        self.table.setObjectName("cases_table")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        for col in range(2, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.new_button = QPushButton(icon("action_new"), self.tr("New case…"), body)
        self.all_button = QPushButton(self.tr("All"), body)
        self.none_button = QPushButton(self.tr("None"), body)
        for button in (self.all_button, self.none_button):
            button.setToolTip(self.tr("Put every case in scope, or none"))
        self.scope_label = QLabel(body)

        self.sources_table = make_table(self.sources_model, body)
        self.sources_table.setObjectName("sources_table")
        self.rejected_table = make_table(self.rejected_model, body)
        self.rejected_table.setObjectName("rejected_table")
        self.export_button = QPushButton(icon("action_export"), self.tr("Export rejected rows…"), body)
        self.export_button.setEnabled(False)
        rejected_page = QWidget(body)
        rejected_layout = QVBoxLayout(rejected_page)
        rejected_layout.setContentsMargins(0, 0, 0, 0)
        rejected_layout.addWidget(self.rejected_table)
        rejected_layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs = QTabWidget(body)
        self.tabs.addTab(self.sources_table, self.tr("Files"))
        self.tabs.addTab(rejected_page, self.tr("Rejected rows"))

        top = QWidget(body)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.scope_label)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, body)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.setWidget(body)
        self._set_enabled(False)

    def _connect_signals(self) -> None:
        self.model.scope_changed.connect(self._on_model_scope_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.sources_table.selectionModel().selectionChanged.connect(self._on_sources_selection_changed)
        self.new_button.clicked.connect(self.ask_new_case)
        self.all_button.clicked.connect(self._on_all_clicked)
        self.none_button.clicked.connect(self._on_none_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self._session.workspace_opened.connect(self._on_session_workspace_opened)
        self._session.workspace_closed.connect(self._on_session_workspace_closed)
        self._session.cases_changed.connect(self.refresh)
        self._session.scope_changed.connect(self._on_session_scope_changed)

    # state -------------------------------------------------------------------------------------
    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.new_button, self.all_button, self.none_button, self.table, self.tabs):
            widget.setEnabled(enabled)

    def refresh(self) -> None:
        """Reload the cases and their counts from the workspace, keeping scope and selection."""
        current = self.current_case()
        self.model.set_cases(self._session.cases(), self._session.scope)
        self._update_scope_label()
        if current is not None:
            row = self.model.row_of(current.id)
            if row >= 0:
                self.table.selectRow(row)
        self._show_case(self.current_case())

    def current_case(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_at(rows[0].row()) if rows else None

    def select_case(self, case_id: int) -> None:
        row = self.model.row_of(case_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_scope_label(self) -> None:
        self.scope_label.setText(self.tr("%n case(s) in scope", "", len(self.model.scope)))

    def _show_case(self, case) -> None:
        ws = self._session.ws
        if case is None or ws is None:
            self.sources_model.set_frame(None)
            self.rejected_model.set_frame(None)
            self.export_button.setEnabled(False)
            return
        frame = sources_frame(ws.sources(case_id=case.id))
        self.sources_model.set_frame(frame)
        self._show_rejected(case_id=case.id)

    def _show_rejected(self, *, case_id=None, source_id=None) -> None:
        ws = self._session.ws
        rejected = ws.rejected(source_id=source_id, case_id=case_id) if ws is not None else None
        if rejected is not None and "file" not in rejected.columns and "source_id" in rejected.columns:
            names = {s.id: s.name for s in ws.sources()}
            rejected = rejected.assign(file=rejected["source_id"].map(names))
        self.rejected_model.set_frame(rejected)
        self.export_button.setEnabled(rejected is not None and len(rejected) > 0)

    # actions -----------------------------------------------------------------------------------
    def ask_new_case(self) -> None:
        dialog = NewCaseDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.create_case(dialog.number.text(), dialog.title.text(),
                                                         dialog.notes.toPlainText()))
        dialog.open()

    def create_case(self, number: str, title: str = "", notes: str = ""):
        try:
            case = self._session.ws.create_case(number.strip(), title.strip(), notes.strip())
        except LinkViewError as exc:
            QMessageBox.warning(self, self.tr("New case"), str(exc))
            return None
        self._session.set_scope(self._session.scope | {case.id})
        self._session.notify_cases_changed()
        self.select_case(case.id)
        return case

    def export_rejected(self, path: str) -> None:
        frame = self.rejected_model.frame
        if frame is None:
            return
        from linkview.export.safe_csv import write_frame

        columns = [c for c in ("file", "row", "column", "severity", "reason", "raw") if c in frame.columns]
        write_frame(path, frame[columns])

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export rejected rows"), "rejected.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            try:
                self.export_rejected(path)
            except (OSError, LinkViewError) as exc:
                QMessageBox.warning(self, self.tr("Export rejected rows"), str(exc))

    def _on_all_clicked(self) -> None:
        self.model.set_scope(c.id for c in self._session.cases())

    def _on_none_clicked(self) -> None:
        self.model.set_scope(())

    # signals -----------------------------------------------------------------------------------
    def _on_model_scope_changed(self, scope: frozenset) -> None:
        self._update_scope_label()
        self._session.set_scope(scope)

    def _on_session_scope_changed(self, scope: frozenset) -> None:
        self.model.set_scope(scope)
        self._update_scope_label()

    def _on_table_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        case = self.current_case()
        self._show_case(case)
        self.case_selected.emit(case)

    def _on_sources_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.sources_table.selectionModel().selectedRows()
        if rows:
            source_id = int(self.sources_model.value(rows[0].row(), "id"))
            self._show_rejected(source_id=source_id)
        else:
            case = self.current_case()
            self._show_rejected(case_id=case.id if case is not None else None)

    def _on_session_workspace_opened(self, path) -> None:
        self._set_enabled(True)
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _on_session_workspace_closed(self) -> None:
        self.model.set_cases([], ())
        self._show_case(None)
        self._set_enabled(False)
