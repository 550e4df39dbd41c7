"""``kumppani --smoke-test``: start as usual, show the remembered partnership, then quit.

It checks an installation (a bundle started outside any virtual environment, say) with the
real start-up path and no click needed: no welcome dialog is offered. The window is painted,
then the start-up's deferred work runs (the partnership shown, its overview and commitment plot
built), and the program quits ``SETTLE_MS`` after the first paint. An unexpected error on the
way is printed to stderr and ends the run with exit code 1, instead of opening the error dialog.
On stdout it prints one JSON line with the moment of the first paint on the system's monotonic
clock, so a caller that noted the clock before starting the process can tell how long the
window took to appear.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from app.i18n import _

# After the first paint: the deferred start-up work is posted at the paint, so it runs first.
SETTLE_MS = 1500
# A window that has not painted by then never will (no display, a hang): give up, exit 1.
GIVE_UP_MS = 120_000


class SmokeTest(QObject):
    """An application-wide event filter that notes a main window's first paint and ends the
    event loop a little later."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.painted_ns: int | None = None
        self.errors = 0
        app.installEventFilter(self)
        self.settle = self._timer()
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
            self.settle.start(SETTLE_MS)
        return False

    def _unexpected(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        self.errors += 1
        traceback.print_exception(kind, exc, tb)
        QApplication.quit()

    def run(self, app: QApplication) -> int:
        """Run the event loop until the window has settled; report the first paint."""
        previous_hook = sys.excepthook
        sys.excepthook = self._unexpected
        try:
            app.exec()
        finally:
            sys.excepthook = previous_hook
            self.settle.stop()
            self.give_up.stop()
            app.removeEventFilter(self)
        if self.errors:
            return 1  # the traceback is on stderr
        if self.painted_ns is None:
            print(f"kumppani: {_('the window was not drawn')}", file=sys.stderr)
            return 1
        if sys.stdout is not None:  # None in a windowed program on Windows
            print(json.dumps({"smoke_test": "painted", "painted_monotonic_ns": self.painted_ns}))
        return 0
