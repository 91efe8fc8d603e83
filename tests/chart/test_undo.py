from __future__ import annotations

import pytest

from linkview.chart import Command, UndoStack


class Append(Command):
    def __init__(self, box: list, value: int):
        self.box, self.value, self.text = box, value, f"append {value}"

    def do(self) -> None:
        self.box.append(self.value)

    def undo(self) -> None:
        assert self.box.pop() == self.value


class Fails(Command):
    text = "fails"

    def do(self) -> None:
        raise RuntimeError("no")

    def undo(self) -> None:  # pragma: no cover - never done
        raise AssertionError


def test_push_undo_redo_and_texts():
    box: list[int] = []
    stack = UndoStack()
    assert not stack.can_undo() and not stack.can_redo() and stack.undo() is None and stack.redo() is None
    for v in (1, 2, 3):
        stack.push(Append(box, v))
    assert box == [1, 2, 3] and stack.index == 3 and stack.undo_text() == "append 3"
    stack.undo()
    stack.undo()
    assert box == [1] and stack.can_redo() and stack.redo_text() == "append 2"
    stack.redo()
    assert box == [1, 2]
    stack.push(Append(box, 9))            # drops the redo tail ("append 3")
    assert box == [1, 2, 9] and not stack.can_redo() and stack.count == 3


def test_clean_index_follows_save_and_is_lost_with_the_redo_tail():
    box: list[int] = []
    stack = UndoStack()
    stack.push(Append(box, 1))
    stack.set_clean()
    assert stack.is_clean() and stack.clean_index == 1
    stack.push(Append(box, 2))
    assert not stack.is_clean()
    stack.undo()
    assert stack.is_clean()
    stack.undo()
    stack.push(Append(box, 3))            # the saved state was in the dropped tail
    assert stack.clean_index == -1 and not stack.is_clean()


def test_limit_drops_oldest_and_shifts_clean():
    box: list[int] = []
    stack = UndoStack(limit=3)
    for v in range(5):
        stack.push(Append(box, v))
    assert stack.count == 3 and stack.index == 3 and stack.command(0).text == "append 2"
    while stack.can_undo():
        stack.undo()
    assert box == [0, 1]                  # the two oldest can no longer be undone
    stack.limit = 1
    assert stack.count == 1
    with pytest.raises(ValueError):
        UndoStack(limit=0)


def test_failed_command_is_not_recorded_and_listeners_are_told():
    seen: list[int] = []
    stack = UndoStack()
    unsubscribe = stack.subscribe(lambda s: seen.append(s.index))
    with pytest.raises(RuntimeError):
        stack.push(Fails())
    assert stack.count == 0 and seen == []
    stack.push(Append([], 1))
    stack.undo()
    unsubscribe()
    stack.redo()
    assert seen == [1, 0]
