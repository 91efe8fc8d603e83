"""Qt item models that only adapt pure tables: a pandas frame, or the workspace's list of cases.

They hold no logic of their own: give them a new table with ``set_frame``/``set_cases`` and they reset.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

__all__ = ["FrameModel", "CasesModel", "format_cell"]

_Index = QModelIndex | QPersistentModelIndex


def format_cell(value: Any) -> str:
    """A cell as the user reads it: no 'nan', no 'NaT', lists joined, whole floats without '.0'."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:,.0f}".replace(",", " ") if value.is_integer() else f"{value:,.2f}".replace(",", " ")
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(format_cell(v) for v in value)
    if isinstance(value, bool):
        return "✓" if value else ""
    try:
        import pandas as pd

        if value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
            return ""
        if isinstance(value, pd.Timestamp):
            return value.strftime("%Y-%m-%d %H:%M:%S") if (value.hour or value.minute or value.second) \
                else value.strftime("%Y-%m-%d")
    except (TypeError, ValueError):
        pass
    return str(value)


class FrameModel(QAbstractTableModel):
    """Read-only view of a pandas DataFrame; ``columns`` picks and names the columns shown, and
    ``formatters`` (column -> function) turn a column's codes into what the user reads."""

    def __init__(self, columns: Sequence[tuple[str, str]] = (), parent=None, *,
                 formatters: dict[str, Any] | None = None):
        super().__init__(parent)
        self._columns: list[tuple[str, str]] = list(columns)
        self._formatters = dict(formatters or {})
        self._frame = None
        self._rows: list[tuple] = []

    def set_columns(self, columns: Sequence[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._refresh_rows()
        self.endResetModel()

    def set_frame(self, frame) -> None:
        self.beginResetModel()
        self._frame = frame
        if frame is not None and not self._columns:
            self._columns = [(str(c), str(c)) for c in frame.columns]
        self._refresh_rows()
        self.endResetModel()

    def _refresh_rows(self) -> None:
        frame = self._frame
        if frame is None or len(frame) == 0:
            self._rows = []
            return
        names = [name for name, _title in self._columns]
        present = [n for n in names if n in frame.columns]
        values = {n: frame[n].tolist() for n in present}
        self._rows = [tuple(values[n][i] if n in values else None for n in names) for i in range(len(frame))]

    @property
    def frame(self):
        return self._frame

    def column_name(self, column: int) -> str:
        return self._columns[column][0]

    def value(self, row: int, name: str) -> Any:
        """The raw value of one cell by column name (from the frame, even if not shown)."""
        if self._frame is None:
            return None
        return self._frame[name].iloc[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._columns):
            return None
        value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            formatter = self._formatters.get(self._columns[index.column()][0])
            if formatter is None or format_cell(value) == "":
                return format_cell(value)
            return format_cell(formatter(value))
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float)) \
                and not isinstance(value, bool):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section][1]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class CasesModel(QAbstractTableModel):
    """The workspace's cases with their counts; the first column's tick puts a case in scope."""

    scope_changed = Signal(object)   # frozenset of case ids in scope

    COUNTS = ("sources", "events", "links", "entities", "rejected")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._cases: list[Any] = []
        self._scope: set[int] = set()

    def headers(self) -> list[str]:
        return [self.tr("Case"), self.tr("Title"), self.tr("Files"), self.tr("Events"), self.tr("Links"),
                self.tr("Entities"), self.tr("Rejected")]

    def set_cases(self, cases: Iterable[Any], scope: Iterable[int] | None = None) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        ids = {c.id for c in self._cases}
        self._scope = (set(scope) if scope is not None else self._scope) & ids
        self.endResetModel()

    def case_at(self, row: int):
        return self._cases[row]

    def row_of(self, case_id: int) -> int:
        for row, case in enumerate(self._cases):
            if case.id == case_id:
                return row
        return -1

    @property
    def scope(self) -> frozenset[int]:
        return frozenset(self._scope)

    def set_scope(self, case_ids: Iterable[int]) -> None:
        new = set(case_ids) & {c.id for c in self._cases}
        if new == self._scope:
            return
        self._scope = new
        if self._cases:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._cases) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.scope_changed.emit(frozenset(self._scope))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self.COUNTS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._cases):
            return None
        case, column = self._cases[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return case.number
            if column == 1:
                return case.title
            return str(getattr(case, self.COUNTS[column - 2], 0) or 0)
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if case.id in self._scope else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{case.number} {case.title}".strip()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return case.id
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        case_id = self._cases[index.row()].id
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        new = set(self._scope)
        if checked:
            new.add(case_id)
        else:
            new.discard(case_id)
        if new == self._scope:
            return True
        self._scope = new
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.scope_changed.emit(frozenset(self._scope))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None
