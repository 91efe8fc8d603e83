"""Small dialogs: a source row's raw cells, and a task's error with its details."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linkview.ui.models import format_cell

__all__ = ["SourceRowDialog", "show_error"]


class SourceRowDialog(QDialog):
    """The cells of one source row exactly as they were imported, with the file and row they came from."""

    def __init__(self, cells: dict | None, *, file: str, sha256: str, row: int, case_number: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Source row {row} of {file}").format(row=row, file=file))
        self.resize(560, 420)
        where = QLabel(self)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setText(self.tr("Case {case} · file {file} · row {row}\nSHA-256 {sha}").format(
            case=case_number or "—", file=file, row=row, sha=sha256))
        self.table = QTableWidget(self)
        self.table.setObjectName("source_row_table")
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Value")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        if cells:
            self.table.setRowCount(len(cells))
            for i, (column, value) in enumerate(cells.items()):
                self.table.setItem(i, 0, QTableWidgetItem(str(column)))
                self.table.setItem(i, 1, QTableWidgetItem(format_cell(value)))
            layout.addWidget(self.table)
        else:
            self.table.hide()
            missing = QLabel(self.tr("The raw cells of this row were not kept when the file was imported. "
                                     "Open the file itself at the row shown above."), self)
            missing.setWordWrap(True)
            layout.addWidget(missing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def cells(self) -> dict[str, str]:
        return {self.table.item(i, 0).text(): self.table.item(i, 1).text() for i in range(self.table.rowCount())}


def show_error(parent: QWidget, title: str, message: str, details: str = "") -> QMessageBox:
    """A non-blocking warning box; ``details`` (a traceback) goes behind 'Show Details…'."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
