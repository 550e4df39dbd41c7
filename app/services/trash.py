"""The deleted items of a partnership: look at them, restore some, or empty them for good.

Emptying removes the rows for real, so the undo history is cleared with it: its steps may point
at rows that no longer exist.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from app.persistence import trash
from app.persistence.diary import Diary
from app.persistence.trash import DeletedItem, Kind
from app.services.undo import UndoStack

__all__ = ["DeletedItem", "Kind", "deleted_items", "empty", "restore"]


def deleted_items(db: Database, partnership_pk: int) -> list[DeletedItem]:
    """The partnership's deleted items, the most recently deleted first."""
    return trash.list_deleted(db, partnership_pk)


def restore(diary: Diary, items: Iterable[tuple[Kind, int]]) -> None:
    """Bring the chosen deleted items back as they were, in one transaction."""
    with diary.write() as db:
        for kind, pk in items:
            trash.restore(db, kind, pk)


def empty(diary: Diary, undo: UndoStack, partnership_pk: int) -> int:
    """Remove the partnership's deleted items for good; returns how many were removed."""
    with diary.write() as db:
        removed = trash.empty(db, partnership_pk)
    undo.clear()
    return removed
