"""The welcome page shown when no workspace is open: New, Open, Open demo, and recent workspaces."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from linkview.ui.resources import icon

__all__ = ["WelcomePage"]


class WelcomePage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("welcome_page")
        logo = QLabel(self)
        logo.setPixmap(icon("app").pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("LinkView"), self)
        title.setObjectName("welcome_title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        blurb = QLabel(self.tr("Link the phones, handsets, cards, accounts and wallets of many cases, "
                               "and see which cases form one ring, down to the source rows."), self)
        blurb.setWordWrap(True)
        blurb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = QPushButton(icon("action_new"), self.tr("New workspace…"), self)
        self.open_button = QPushButton(icon("action_open"), self.tr("Open workspace…"), self)
        self.demo_button = QPushButton(icon("action_demo"), self.tr("Open the demo workspace"), self)
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setIconSize(QSize(22, 22))
            button.setMinimumHeight(38)
            button.setMinimumWidth(300)
        self.recent_label = QLabel(self.tr("Recent workspaces:"), self)
        self.recent = QListWidget(self)
        self.recent.setObjectName("recent_workspaces")
        self.recent.setMaximumWidth(520)
        self.recent.setMaximumHeight(140)

        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(logo)
        column.addWidget(title)
        column.addWidget(blurb)
        column.addSpacing(12)
        for button in (self.new_button, self.open_button, self.demo_button):
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(12)
        column.addWidget(self.recent_label, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.recent, 0, Qt.AlignmentFlag.AlignHCenter)
        holder = QWidget(self)
        holder.setMaximumWidth(560)
        holder.setLayout(column)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.recent.itemActivated.connect(self._on_recent_item_activated)
        self.set_recent([])

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(icon("action_open"), Path(path).name)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.recent_label.setVisible(bool(paths))

    def _on_recent_item_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole))
