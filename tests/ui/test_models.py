"""The item models only adapt tables; qtmodeltester checks they keep Qt's rules."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from linkview.ui.models import CasesModel, FrameModel, format_cell

pytestmark = pytest.mark.gui


@dataclass(frozen=True)
class Case:
    id: int
    number: str
    title: str
    sources: int = 1
    events: int = 10
    links: int = 2
    entities: int = 7
    rejected: int = 0


def test_format_cell():
    assert format_cell(float("nan")) == "" and format_cell(None) == "" and format_cell(pd.NaT) == ""
    assert format_cell(1500000.0) == "1 500 000"
    assert format_cell(12.5) == "12.50"
    assert format_cell(["A", "B"]) == "A, B"
    assert format_cell(pd.Timestamp("2024-03-01 10:00")) == "2024-03-01 10:00:00"
    assert format_cell(pd.Timestamp("2024-03-01")) == "2024-03-01"


def test_frame_model(qtmodeltester):
    model = FrameModel([("file", "File"), ("row", "Row"), ("missing", "Not in frame")])
    model.set_frame(pd.DataFrame({"file": ["a.csv", "b.csv"], "row": [3, 7], "raw": ["{}", "{}"]}))
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.data(model.index(1, 0)) == "b.csv"
    assert model.data(model.index(1, 1), Qt.ItemDataRole.UserRole) == 7
    assert model.data(model.index(0, 2)) == ""
    assert model.value(0, "raw") == "{}"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Row"
    model.set_frame(None)
    assert model.rowCount() == 0


def test_frame_model_formatters(qtmodeltester):
    model = FrameModel([("what", "What")], formatters={"what": str.upper})
    model.set_frame(pd.DataFrame({"what": ["call", None]}))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "CALL"
    assert model.data(model.index(1, 0)) == ""
    assert model.value(0, "what") == "call"


def test_cases_model_ticks_set_the_scope(qtmodeltester, qtbot):
    model = CasesModel()
    model.set_cases([Case(1, "2024-0001", "victim 1"), Case(2, "2024-0002", "victim 2")], scope=[1])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.data(model.index(0, 3)) == "10"
    with qtbot.waitSignal(model.scope_changed) as blocker:
        model.setData(model.index(1, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == [frozenset({1, 2})]
    model.set_cases([Case(2, "2024-0002", "victim 2")])
    assert model.scope == frozenset({2})
