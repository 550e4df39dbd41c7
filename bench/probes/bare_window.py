"""The baseline: a bare PySide6 main window in a process that also imports pyqtgraph.

Prints the CLOCK_MONOTONIC time of the window's first paint; the parent subtracts the moment it
started this process. Kumppani's own start-up is held to 1.3 times this.
"""

from __future__ import annotations

import pyqtgraph  # noqa: F401  (part of the baseline: the app ships a plotting library)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from bench.probes import emit
from bench.probes.paint import FirstPaint, cpu_ms


def main() -> None:
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Kumppani"))
    window.resize(1366, 768)

    def painted(_window: QMainWindow, t_ns: int) -> None:
        emit({"painted_ns": t_ns, "cpu_ms": cpu_ms()})
        QTimer.singleShot(0, app.quit)

    watcher = FirstPaint(painted)
    app.installEventFilter(watcher)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
