"""One task runner for all long work, on a QThreadPool (the Orange3 / napari shape).

``runner.submit(fn, *args, title=..., **kwargs)`` runs ``fn(*args, progress=..., should_cancel=...,
**kwargs)`` on a worker thread and returns a :class:`Task` whose signals arrive on the GUI thread:
``progressed(fraction, message)``, ``succeeded(result)``, ``failed(message, details)``, ``cancelled()``
and, after any of the three, ``ended()``. ``fn`` must never touch a widget.

A :class:`linkview.errors.LinkViewError` is the user's business: its message is shown as it is. Any
other exception is a bug: it is logged with its traceback and shown with the traceback as details.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from linkview.errors import Cancelled, LinkViewError

__all__ = ["Task", "TaskRunner", "TaskProgressWidget"]

log = logging.getLogger(__name__)

_PROGRESS_INTERVAL = 0.05  # seconds between two progress signals of one task


class _Relay(QObject):
    """Carries a worker's news to the GUI thread (queued: it lives on the GUI thread)."""

    progressed = Signal(float, str)
    returned = Signal(object)
    raised = Signal(str, str, bool)   # message, details, was a LinkViewError
    stopped = Signal()


class Task(QObject):
    """A unit of background work. Every signal is delivered on the GUI thread."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(str, str)          # message for the user, details (traceback) or ""
    cancelled = Signal()
    ended = Signal()

    _ids = itertools.count(1)

    def __init__(self, title: str, parent: QObject | None = None):
        super().__init__(parent)
        self.id = next(self._ids)
        self.title = title
        self.fraction = 0.0
        self.message = ""
        self.started_at = time.monotonic()
        self.running = True
        self.outcome: str | None = None   # "succeeded" | "failed" | "cancelled"
        self.result: Any = None
        self.error: str = ""
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop; it raises Cancelled at its next check and keeps nothing."""
        self._cancel.set()

    def is_cancel_requested(self) -> bool:
        return self._cancel.is_set()

    # slots of the relay, run on the GUI thread
    @Slot(float, str)
    def _on_relay_progressed(self, fraction: float, message: str) -> None:
        if not self.running:
            return
        self.fraction, self.message = fraction, message
        self.progressed.emit(fraction, message)

    @Slot(object)
    def _on_relay_returned(self, result: object) -> None:
        self.result = result
        self._finish("succeeded")
        self.succeeded.emit(result)
        self.ended.emit()

    @Slot(str, str, bool)
    def _on_relay_raised(self, message: str, details: str, expected: bool) -> None:
        self.error = message
        self._finish("failed")
        self.failed.emit(message, details)
        self.ended.emit()

    @Slot()
    def _on_relay_stopped(self) -> None:
        self._finish("cancelled")
        self.cancelled.emit()
        self.ended.emit()

    def _finish(self, outcome: str) -> None:
        self.running = False
        self.outcome = outcome


class _Worker(QRunnable):
    def __init__(self, task: Task, relay: _Relay, fn: Callable[..., Any], args: tuple, kwargs: dict):
        super().__init__()
        self.setAutoDelete(True)
        self._task, self._relay, self._fn, self._args, self._kwargs = task, relay, fn, args, kwargs
        self._last = 0.0

    def _progress(self, fraction: float, message: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= _PROGRESS_INTERVAL or fraction >= 1.0:
            self._last = now
            self._relay.progressed.emit(float(max(0.0, min(1.0, fraction))), str(message))

    def run(self) -> None:  # Qt override, runs on a pool thread
        should_cancel = self._task.is_cancel_requested
        try:
            result = self._fn(*self._args, progress=self._progress, should_cancel=should_cancel,
                              **self._kwargs)
        except Cancelled:
            self._relay.stopped.emit()
        except LinkViewError as exc:
            self._relay.raised.emit(str(exc), "", True)
        except Exception as exc:  # noqa: BLE001 - a bug in the work: log it and tell the user
            details = traceback.format_exc()
            log.error("task %r failed:\n%s", self._task.title, details)
            self._relay.raised.emit(f"{type(exc).__name__}: {exc}", details, False)
        else:
            if should_cancel() and result is None:
                self._relay.stopped.emit()
            else:
                self._relay.returned.emit(result)


class TaskRunner(QObject):
    """Runs work off the GUI thread and reports on it; one per application."""

    task_started = Signal(object)     # Task
    task_ended = Signal(object)       # Task
    error_reported = Signal(str, str, str)   # title, message, details

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._tasks: dict[int, tuple[Task, _Relay]] = {}

    def submit(self, fn: Callable[..., Any], *args: Any, title: str = "", report_errors: bool = True,
               **kwargs: Any) -> Task:
        """Run ``fn(*args, progress=, should_cancel=, **kwargs)`` in the pool; returns its Task.

        With ``report_errors`` false, a failure is only told to the task's own ``failed`` listeners (the
        caller shows it in place) instead of also through ``error_reported``."""
        task = Task(title or getattr(fn, "__name__", "task"), self)
        relay = _Relay(self)
        relay.progressed.connect(task._on_relay_progressed)
        relay.returned.connect(task._on_relay_returned)
        relay.raised.connect(task._on_relay_raised)
        relay.stopped.connect(task._on_relay_stopped)
        if report_errors:
            task.failed.connect(lambda message, details, t=task: self.error_reported.emit(t.title, message, details))
        task.ended.connect(lambda t=task: self._on_task_ended(t))
        self._tasks[task.id] = (task, relay)
        self.task_started.emit(task)
        self._pool.start(_Worker(task, relay, fn, args, kwargs))
        return task

    def running(self) -> list[Task]:
        return [task for task, _relay in self._tasks.values() if task.running]

    def cancel_all(self) -> None:
        for task in self.running():
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every worker thread is idle (used on shutdown and by tests)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 30000) -> None:
        """Cancel everything, wait for the threads and drop the pending reports."""
        self.cancel_all()
        self._pool.waitForDone(msecs)
        for task, relay in self._tasks.values():
            relay.blockSignals(True)
            task.blockSignals(True)
        self._tasks.clear()

    def _on_task_ended(self, task: Task) -> None:
        pair = self._tasks.pop(task.id, None)
        self.task_ended.emit(task)
        if pair is not None:
            pair[1].deleteLater()
            task.deleteLater()


class TaskProgressWidget(QWidget):
    """Status-bar widget: shows the longest running task after ~1 s with a progress bar and Cancel."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, delay_ms: int = 1000):
        super().__init__(parent)
        self._runner = runner
        self._task: Task | None = None
        self._label = QLabel(self)
        self._bar = QProgressBar(self)
        self._bar.setRange(0, 1000)
        self._bar.setMaximumWidth(220)
        self._bar.setTextVisible(False)
        self._cancel = QToolButton(self)
        self._cancel.setText(self.tr("Cancel"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._label)
        layout.addWidget(self._bar)
        layout.addWidget(self._cancel)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._cancel.clicked.connect(self._on_cancel_clicked)
        runner.task_started.connect(self._on_runner_task_started)
        runner.task_ended.connect(self._on_runner_task_ended)
        self.hide()

    @property
    def task(self) -> Task | None:
        return self._task

    def _on_runner_task_started(self, task: Task) -> None:
        if self._task is None:
            self._follow(task)

    def _follow(self, task: Task) -> None:
        self._task = task
        task.progressed.connect(self._on_task_progressed)
        self._label.setText(task.title)
        self._bar.setValue(int(task.fraction * 1000))
        self._timer.start()

    def _on_task_progressed(self, fraction: float, message: str) -> None:
        if self._task is None:
            return
        self._bar.setValue(int(fraction * 1000))
        self._label.setText(f"{self._task.title}: {message}" if message else self._task.title)

    def _on_runner_task_ended(self, task: Task) -> None:
        if task is not self._task:
            return
        self._task = None
        self._timer.stop()
        self.hide()
        others = self._runner.running()
        if others:
            self._follow(others[0])

    def _on_timer_timeout(self) -> None:
        if self._task is not None and self._task.running:
            self.show()

    def _on_cancel_clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()
