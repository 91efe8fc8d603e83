"""The task runner: results, progress, cancel and errors arrive as signals on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from linkview.errors import Cancelled, InputError
from linkview.ui.tasks import TaskProgressWidget, TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def _work(n, *, progress, should_cancel):
    for i in range(n):
        progress(i / n, f"step {i}")
    return threading.current_thread().name, n * 2


def test_result_arrives_on_gui_thread(runner, qtbot):
    task = runner.submit(_work, 5, title="double")
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        pass
    thread_name, value = blocker.args[0]
    assert value == 10
    assert thread_name != threading.current_thread().name
    assert task.outcome == "succeeded" and not task.running


def test_progress_is_reported(runner, qtbot):
    gate = threading.Event()

    def slow(*, progress, should_cancel):
        progress(0.5, "half way")
        gate.wait(5)
        return "done"

    task = runner.submit(slow, title="slow")
    with qtbot.waitSignal(task.progressed, timeout=5000) as blocker:
        pass
    assert blocker.args == [0.5, "half way"]
    with qtbot.waitSignal(task.succeeded, timeout=5000):
        gate.set()


def test_cancel_stops_the_work(runner, qtbot):
    started = threading.Event()

    def endless(*, progress, should_cancel):
        started.set()
        while not should_cancel():
            threading.Event().wait(0.01)
        raise Cancelled("stopped")

    task = runner.submit(endless, title="endless")
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.cancel()
    assert task.outcome == "cancelled"


def test_linkview_error_is_shown_without_traceback(runner, qtbot):
    def bad(*, progress, should_cancel):
        raise InputError("no header row found", file="calls.csv")

    task = runner.submit(bad, title="import")
    with qtbot.waitSignal(runner.error_reported, timeout=5000) as blocker:
        pass
    assert blocker.args == ["import", "calls.csv: no header row found", ""]
    assert task.outcome == "failed"


def test_bug_is_logged_with_traceback(runner, qtbot, caplog):
    def buggy(*, progress, should_cancel):
        return {}["missing"]

    task = runner.submit(buggy, title="buggy")
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    message, details = blocker.args
    assert message.startswith("KeyError")
    assert "Traceback" in details and "buggy" in details
    assert any("buggy" in record.getMessage() for record in caplog.records)


def test_progress_widget_shows_long_task_and_cancels_it(runner, qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    widget = TaskProgressWidget(runner, parent, delay_ms=10)
    parent.show()
    assert not widget.isVisible()
    started = threading.Event()

    def endless(*, progress, should_cancel):
        started.set()
        while not should_cancel():
            progress(0.25, "reading")
            threading.Event().wait(0.01)
        raise Cancelled("stopped")

    task = runner.submit(endless, title="long")
    assert widget.task is task
    qtbot.waitUntil(widget.isVisible, timeout=5000)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        widget._cancel.click()
    assert widget.isHidden()
