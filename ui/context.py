"""What every window and page of the desktop application is given: passed in, never global."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from app.persistence.diary import Diary
from app.persistence.read.snapshots import SnapshotCache
from app.services.undo import UndoStack
from ui.partner.mode import PartnerMode

if TYPE_CHECKING:
    from ui.warning_counter import WarningCounter


@dataclass
class AppContext:
    """The open diary, its undo history and the user's settings.

    The diary is given the facilitator of the settings as its author (``update_author``):
    every record written through it carries who created and who last changed it.

    With the diary come the objects that share what is read from it: ``snapshots`` (the
    partnership read model, reused until the next write) and ``warning_counter`` (the badges).
    """

    diary: Diary
    undo: UndoStack
    settings: QSettings
    snapshots: SnapshotCache = field(init=False, repr=False)
    # Whether the window shows only what the partners may see (see ui.partner).
    partner: PartnerMode = field(default_factory=PartnerMode, repr=False)
    _counter: WarningCounter | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self.snapshots = SnapshotCache(self.diary)
        self.update_author()

    def update_author(self) -> None:
        """Stamp what is written from now on with the facilitator of the preferences."""
        from ui.settings import author_of

        self.diary.set_author(author_of(self.settings))

    @property
    def warning_counter(self) -> WarningCounter:
        """The badge counter of this diary (made when the partnership list first asks)."""
        if self._counter is None:
            from ui.warning_counter import WarningCounter

            self._counter = WarningCounter(self.diary, self.snapshots)
        return self._counter
