"""``kumppani --smoke-test``: open the window, quit as soon as it is first painted.

It checks an installation (a bundle started outside any virtual environment, say) with the
real start-up path, with no click needed: no welcome dialog is offered. On stdout it prints one
JSON line with the moment of the first paint on the system's monotonic clock, so a caller that
noted the clock before starting the process can tell how long the window took to appear.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from app.i18n import _

# A window that has not painted by then never will (no display, a hang): give up, exit 1.
GIVE_UP_MS = 120_000


class SmokeTest(QObject):
    """An application-wide event filter that ends the event loop at a main window's first
    paint."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.painted_ns: int | None = None
        app.installEventFilter(self)
        self.quit_soon = self._timer()
        self.give_up = self._timer()
        self.give_up.start(GIVE_UP_MS)

    def _timer(self) -> QTimer:
        """A one-shot timer that ends the event loop (owned here, so ``run`` can stop it)."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(QApplication.quit)
        return timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.painted_ns is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QMainWindow)
        ):
            self.painted_ns = time.monotonic_ns()
            self.quit_soon.start(0)
        return False

    def run(self, app: QApplication) -> int:
        """Run the event loop until the first paint (unless it came already); report it."""
        if self.painted_ns is None:
            app.exec()
        self.quit_soon.stop()
        self.give_up.stop()
        app.removeEventFilter(self)
        if self.painted_ns is None:
            print(f"kumppani: {_('the window was not drawn')}", file=sys.stderr)
            return 1
        if sys.stdout is not None:  # None in a windowed program on Windows
            print(json.dumps({"smoke_test": "painted", "painted_monotonic_ns": self.painted_ns}))
        return 0
