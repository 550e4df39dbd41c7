"""What one undoable change is made of: built by the use cases in ``app.services`` only.

A ``Command`` knows how to apply and revert itself against the diary (typically by writing a
snapshot of the rows it touched); ``UndoStack.push`` runs it. The user interface never builds
one: it calls a use case, which records its own command (an import-linter contract in
``pyproject.toml`` forbids ``ui`` from importing this module).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.persistence.changes import EVERYTHING, ChangeSet


@dataclass(slots=True)
class Command:
    """One undoable change. ``label`` reads as "delete entry", "edit action", ...

    ``changes`` is what carrying it out (or undoing it) touches, told to the diary's listeners;
    left out, everything changed.
    """

    label: str
    redo_fn: Callable[[], None]
    undo_fn: Callable[[], None]
    changes: ChangeSet = EVERYTHING
