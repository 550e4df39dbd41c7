"""The undo history keeps a step whose undo or redo failed, exactly where it was."""

from __future__ import annotations

import pytest

from app.persistence.diary import Diary
from app.persistence.errors import DiskFull
from app.services.command import Command
from app.services.undo import UndoStack


def _value(diary: Diary) -> str | None:
    row = diary.db.execute("SELECT value FROM settings WHERE key = 'probe'").fetchone()
    return None if row is None else str(row[0])


def _setter(diary: Diary, value: str, fail: list[bool]) -> Command:
    """A step that writes ``value``; while ``fail`` holds True it fails after writing."""

    def write(to: str) -> None:
        diary.db.execute(
            "INSERT INTO settings (key, value) VALUES ('probe', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [to],
        )
        if fail[0]:
            raise DiskFull(diary.path, "SQLITE_FULL")

    return Command("set probe", lambda: write(value), lambda: write("before"))


def test_a_failed_undo_keeps_the_step_and_rolls_back(diary: Diary) -> None:
    fail = [False]
    stack = UndoStack(diary)
    stack.push(_setter(diary, "after", fail))
    assert _value(diary) == "after"
    fail[0] = True
    with pytest.raises(DiskFull):
        stack.undo()
    assert _value(diary) == "after"  # the half-done undo was rolled back
    assert stack.undo_text == "set probe"
    assert stack.redo_text is None
    fail[0] = False
    assert stack.undo() == "set probe"
    assert _value(diary) == "before"
    assert stack.undo_text is None
    assert stack.redo_text == "set probe"


def test_a_failed_redo_keeps_the_step_and_rolls_back(diary: Diary) -> None:
    fail = [False]
    stack = UndoStack(diary)
    stack.push(_setter(diary, "after", fail))
    stack.undo()
    fail[0] = True
    with pytest.raises(DiskFull):
        stack.redo()
    assert _value(diary) == "before"
    assert stack.redo_text == "set probe"
    assert stack.undo_text is None
    fail[0] = False
    assert stack.redo() == "set probe"
    assert _value(diary) == "after"
    assert stack.undo_text == "set probe"
