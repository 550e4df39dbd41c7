"""The floor of start-up: a bare PySide6 main window in a process that imports nothing else.

Prints the CLOCK_MONOTONIC time of the window's first paint; the parent subtracts the moment it
started this process. Kumppani's first paint is held to 1.5 times this.
"""

from __future__ import annotations

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
