"""The demo workspace opens through the task runner, with progress, and shows its cases and rings."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def test_open_demo(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))
    fractions = []
    with qtbot.waitSignal(window.session.rings_changed, timeout=600000):
        task = window.open_demo()
        task.progressed.connect(lambda fraction, message: fractions.append(fraction))
    assert task.outcome == "succeeded"
    assert fractions and fractions == sorted(fractions)
    assert window.session.path == tmp_path / "data" / "LinkView" / "demo.linkview"
    assert window.stack.currentWidget() is window.chart_panel
    assert window.cases_dock.model.rowCount() == 6
    assert window.rings_dock.model.rowCount() >= 1
    assert "demo.linkview" in window.windowTitle()
