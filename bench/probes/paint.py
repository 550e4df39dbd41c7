"""Noticing the first paint of a main window, shared by the start-up probes."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow


def now_ns() -> int:
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


def cpu_ms() -> float:
    """CPU time this process has used so far (all threads): shows how much of a slow start
    was the program's own work and how much waiting for a busy machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (usage.ru_utime + usage.ru_stime) * 1000


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
