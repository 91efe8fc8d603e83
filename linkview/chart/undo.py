"""Commands and the undo stack.

Every change the user makes to a chart is a :class:`Command`: an object that knows how to do and
undo itself. The :class:`UndoStack` runs it (``push`` calls ``do()``) and keeps it for undo/redo,
as Qt's QUndoStack and glue's ``CommandStack`` do, but without Qt so the chart stays testable
headless. Selection changes are *not* commands (see :mod:`linkview.chart.state`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

__all__ = ["Command", "UndoStack"]


class Command(ABC):
    """One user action on a chart. ``do()`` may be called again after ``undo()`` (redo)."""

    text: str = ""

    @abstractmethod
    def do(self) -> None:
        """Apply the action."""

    @abstractmethod
    def undo(self) -> None:
        """Revert exactly what :meth:`do` changed."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.text!r}>"


class UndoStack:
    """A linear history of commands with a clean mark and a size limit.

    ``index`` is the number of commands currently applied; commands at ``index`` and after are
    the redo tail, dropped by the next ``push``. ``clean_index`` is the index saved by
    :meth:`set_clean` (the saved state); it becomes -1 when that state can no longer be reached.

    >>> class Add(Command):
    ...     def __init__(self, box): self.box, self.text = box, "add"
    ...     def do(self): self.box.append(1)
    ...     def undo(self): self.box.pop()
    >>> box = []; stack = UndoStack(limit=10)
    >>> stack.push(Add(box)); stack.push(Add(box)); box
    [1, 1]
    >>> _ = stack.undo(); box, stack.can_redo()
    ([1], True)
    """

    def __init__(self, limit: int = 200):
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self._commands: list[Command] = []
        self._index = 0
        self._clean = 0
        self._limit = limit
        self._listeners: list[Callable[[UndoStack], None]] = []

    # -- reading -------------------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self._index

    @property
    def count(self) -> int:
        return len(self._commands)

    @property
    def clean_index(self) -> int:
        return self._clean

    @property
    def limit(self) -> int:
        return self._limit

    @limit.setter
    def limit(self, value: int) -> None:
        if value < 1:
            raise ValueError("limit must be at least 1")
        self._limit = value
        self._trim()
        self._notify()

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    def undo_text(self) -> str:
        return self._commands[self._index - 1].text if self.can_undo() else ""

    def redo_text(self) -> str:
        return self._commands[self._index].text if self.can_redo() else ""

    def is_clean(self) -> bool:
        return self._index == self._clean

    def command(self, i: int) -> Command:
        return self._commands[i]

    # -- changing ------------------------------------------------------------------------------
    def push(self, command: Command) -> None:
        """Run ``command.do()`` and record it. Nothing is recorded when ``do()`` raises."""
        command.do()
        del self._commands[self._index:]
        if self._clean > self._index:
            self._clean = -1            # the saved state lived in the redo tail just dropped
        self._commands.append(command)
        self._index += 1
        self._trim()
        self._notify()

    def undo(self) -> Command | None:
        """Undo the last applied command; returns it, or None when there is nothing to undo."""
        if not self.can_undo():
            return None
        command = self._commands[self._index - 1]
        command.undo()
        self._index -= 1
        self._notify()
        return command

    def redo(self) -> Command | None:
        """Redo the next command; returns it, or None when there is nothing to redo."""
        if not self.can_redo():
            return None
        command = self._commands[self._index]
        command.do()
        self._index += 1
        self._notify()
        return command

    def set_clean(self) -> None:
        """Mark the current state as saved."""
        self._clean = self._index
        self._notify()

    def clear(self) -> None:
        self._commands.clear()
        self._index = self._clean = 0
        self._notify()

    def subscribe(self, fn: Callable[[UndoStack], None]) -> Callable[[], None]:
        """Call ``fn(stack)`` after every change; returns a function that unsubscribes."""
        self._listeners.append(fn)
        return lambda: self._listeners.remove(fn) if fn in self._listeners else None

    def _trim(self) -> None:
        extra = len(self._commands) - self._limit
        if extra > 0:
            del self._commands[:extra]
            self._index -= extra
            self._clean = self._clean - extra if self._clean >= extra else -1

    def _notify(self) -> None:
        for fn in list(self._listeners):
            fn(self)
