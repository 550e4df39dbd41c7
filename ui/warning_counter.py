"""Badge numbers of the partnership list: warnings needing attention, counted off the write path.

The counter belongs to the window's ``AppContext`` (one per open diary, no module global) and
reads the partnership through the context's ``SnapshotCache``, so the badge of the partnership
shown on the overview reuses the snapshot the overview's panels have just loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer

from app.persistence.diary import Diary
from app.persistence.read.snapshots import SnapshotCache
from app.services.warnings import needing_attention


class WarningCounter:
    """Badge numbers for the partnership list, cheap enough to ask after every write.

    Counting means a snapshot and the rules, so it never happens while the list is being drawn:
    a number not yet known, or the selected partnership's after the diary changed, is counted a
    moment later, off the path of the write, and ``on_ready`` then asks the window to redraw
    its badges.
    """

    DEFERRED_MS = 400

    def __init__(self, diary: Diary, snapshots: SnapshotCache) -> None:
        self.diary = diary
        self.snapshots = snapshots
        self.counts: dict[int, tuple[int, int]] = {}  # pk -> (diary.changes, count)
        self.pending: set[int] = set()
        # Told when deferred counts are ready (the window redraws its list's badges).
        self.on_ready: Callable[[], None] | None = None
        self._timer = QTimer(singleShot=True, interval=self.DEFERRED_MS)
        self._timer.timeout.connect(self._count_pending)
        # The timer must never outlive the connection it reads: it stops when the diary closes,
        # and _count_pending checks ``diary.closed`` as the backstop.
        diary.on_close(self.stop)

    def stop(self) -> None:
        """Forget counts still waiting and stop the timer (the diary or the window closes)."""
        self._timer.stop()
        self.pending.clear()
        self.on_ready = None

    @property
    def busy(self) -> bool:
        """Counts are waiting for their turn."""
        return self._timer.isActive()

    def count(self, pk: int, current: int | None) -> int:
        """The last known number of warnings needing attention (0 until counted)."""
        known = self.counts.get(pk)
        if self.diary.closed:
            return known[1] if known is not None else 0
        if known is None or (pk == current and known[0] != self.diary.changes):
            self.pending.add(pk)
            if not self._timer.isActive():  # restarting would postpone it for ever
                self._timer.start()
        return known[1] if known is not None else 0

    def _count(self, pk: int) -> int:
        snapshot = self.snapshots.get(pk)
        value = needing_attention(snapshot, date.today()) if snapshot is not None else 0
        self.counts[pk] = (self.diary.changes, value)
        return value

    def _count_pending(self) -> None:
        # One partnership per turn of the event loop: counting the twenty partnerships of a
        # large diary in one go would freeze the window for a third of a second at start.
        if self.diary.closed:
            self.stop()
            return
        if self.pending:
            pk = min(self.pending)
            self.pending.discard(pk)
            self._count(pk)
        if self.pending:
            self._timer.start(0)
            return
        self._timer.setInterval(self.DEFERRED_MS)
        if self.on_ready is not None:
            self.on_ready()
