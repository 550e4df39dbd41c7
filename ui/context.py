"""What every window and page of the desktop application is given: passed in, never global."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from app.persistence.diary import Diary
from app.services.undo import UndoStack


@dataclass
class AppContext:
    """The open diary, its undo history and the user's settings."""

    diary: Diary
    undo: UndoStack
    settings: QSettings
