"""Noticing the first paint of a main window, shared by the start-up probes."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow


def now_ns() -> int:
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


class FirstPaint(QObject):
    """An application-wide event filter that calls ``then(window, t_ns)`` once: at the first
    paint event of a main window."""

    def __init__(self, then: Callable[[QMainWindow, int], None]) -> None:
        super().__init__()
        self._then = then
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QMainWindow)
        ):
            self._done = True
            self._then(watched, now_ns())
        return False
