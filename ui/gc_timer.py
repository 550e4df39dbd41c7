"""Garbage collection only at safe moments of the GUI thread.

Python's cyclic garbage collector runs whenever enough objects have been allocated, which can be
in the middle of a Qt call. When it then destroys a widget that is still wired up (pyqtgraph's
plot menus hold combo boxes inside widget actions), the widget's destructor asks for the
connection lock that the interrupted ``QObject::disconnect`` already holds, and the program
freezes for good. This was seen in the test suite: a commitment plot being built while the
collector destroyed an old one.

So automatic collection is switched off while the window runs, and a timer of the event loop
collects instead — between events, where no Qt call is half done. The thresholds are Python's
own, so as much garbage is collected as before, only at a different moment.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class SafeGarbageCollector(QObject):
    """Turns automatic collection off and collects from the event loop instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> None:
        """Collect the generations whose allocation counts passed Python's thresholds."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Hand collection back to Python (the process goes on without the window)."""
        self._timer.stop()
        gc.enable()
