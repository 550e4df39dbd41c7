"""Undo and redo for the diary, kept in the core so every view shares one history.

The use cases of ``app.services`` record ``Command``s (``app.services.command``) here. The GUI
only labels the Edit menu from ``undo_text`` and ``redo_text`` and calls ``undo()`` /
``redo()``; it cannot build a command (``Command`` is imported here for typing only). Deletions
are soft (a ``deleted_at`` stamp), so undoing one restores the very same record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.persistence.diary import Diary

if TYPE_CHECKING:
    from app.services.command import Command


class UndoStack:
    """Linear undo history of one open diary."""

    def __init__(self, diary: Diary, limit: int = 500) -> None:
        self._diary = diary
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._limit = limit
        self._listeners: list[Callable[[], None]] = []

    def push(self, command: Command, *, apply: bool = True) -> None:
        """Record ``command``; with ``apply`` it is carried out now, in one transaction."""
        if apply:
            with self._diary.write(command.changes):
                command.redo_fn()
        self._done.append(command)
        del self._done[: -self._limit]
        self._undone.clear()
        self._notify()

    def undo(self) -> str | None:
        """Revert the latest change; returns its label, or None when there is nothing to undo."""
        if not self._done:
            return None
        command = self._done[-1]
        # Popped only after success: a failed step rolls back and stays where it was.
        with self._diary.write(command.changes):
            command.undo_fn()
        self._done.pop()
        self._undone.append(command)
        self._notify()
        return command.label

    def redo(self) -> str | None:
        """Carry out the latest undone change again; returns its label, or None."""
        if not self._undone:
            return None
        command = self._undone[-1]
        with self._diary.write(command.changes):
            command.redo_fn()
        self._undone.pop()
        self._done.append(command)
        self._notify()
        return command.label

    @property
    def undo_text(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_text(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._notify()

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` whenever the undo or redo text may have changed."""
        self._listeners.append(listener)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()
