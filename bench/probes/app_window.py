"""Kumppani started the way a user starts it, on the large diary.

``python -m bench.probes.app_window DIARY PARTNERSHIP_PK``: runs the real ``kumppani --db DIARY``
entry point. Before that, ``QApplication.exec`` is wrapped so that, once the application enters
its event loop, an application-wide event filter sees the main window's first paint. Then, inside
the running application, it selects the largest partnership several times (another one in
between) and times each until its overview and its history page are painted. Last it reports
the peak resident memory of the process.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

from bench.probes import emit
from bench.probes.paint import FirstPaint, cpu_ms

SELECTIONS = 5
SETTLE_S = 1.5
WINDOW_SIZE = (1366, 768)


def _tabs(window: QMainWindow) -> QTabWidget:
    found = window.findChild(QTabWidget)
    if found is None:
        raise LookupError("the main window has no page tabs")
    return found


def _history_index(tabs: QTabWidget) -> int:
    """The history tab's place: pages are built lazily, so it is found by the page registry."""
    from ui.pages import page_specs

    keys = [spec.key for spec in page_specs()]
    if "history" not in keys or len(keys) != tabs.count():
        raise LookupError("no history page among the tabs")
    return keys.index("history")


def _select(window: Any, pk: int) -> None:
    """Select a partnership through the window's own API, as a click in the list does."""
    window.select_partnership(pk)


def _shown(app: QApplication, widget: QWidget) -> None:
    """Let queued work run and paint ``widget`` now, as the screen would show it."""
    app.processEvents()
    widget.repaint()
    app.processEvents()


def open_partnership(app: QApplication, window: Any, largest: int, other: int) -> list[float]:
    """Times (ms) from selecting ``largest`` until overview and history are painted."""
    tabs = _tabs(window)
    history = _history_index(tabs)
    samples = []
    for _ in range(SELECTIONS):
        tabs.setCurrentIndex(0)
        _select(window, other)
        _shown(app, window)
        started = time.perf_counter()
        _select(window, largest)
        _shown(app, window)
        tabs.setCurrentIndex(history)
        _shown(app, window)
        samples.append((time.perf_counter() - started) * 1000)
    tabs.setCurrentIndex(0)
    return samples


def main() -> None:
    diary, largest, other = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    try:
        from ui.cli import main as kumppani
    except ImportError as exc:
        emit({"unavailable": f"the application is not built yet ({exc})"})
        return
    result: dict[str, object] = {}
    original_exec = QApplication.exec

    def after_paint(window: QMainWindow, t_ns: int) -> None:
        result["painted_ns"] = t_ns
        result["cpu_ms"] = cpu_ms()
        app = QApplication.instance()
        assert isinstance(app, QApplication)

        def measure() -> None:
            # A modest laptop's window (the offscreen screen is smaller than any real one).
            window.resize(*WINDOW_SIZE)
            # Let the start-up's own deferred work finish first (the remembered partnership,
            # the warning badges of the list): this measures opening a partnership, not that.
            settle = time.perf_counter() + SETTLE_S
            while time.perf_counter() < settle:
                app.processEvents()
                time.sleep(0.005)
            try:
                result["open_partnership_ms"] = statistics.median(
                    open_partnership(app, window, largest, other)
                )
            except (LookupError, AttributeError) as exc:
                result["open_partnership_note"] = str(exc)
            rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            result["peak_rss_mb"] = rss_kb / 1024
            window.close()
            app.quit()

        QTimer.singleShot(0, measure)

    watcher = FirstPaint(after_paint)

    def exec_watched(*_args: Any) -> int:
        # Called as app.exec() or QApplication.exec(); the original is a static method.
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(watcher)
        return int(original_exec())

    # Deliberate monkey-patching: the app's own exec() must install the paint watcher.
    QApplication.exec = exec_watched  # type: ignore[method-assign]
    code = kumppani(["--db", diary])
    if "painted_ns" not in result:
        emit({"unavailable": f"the main window never painted (exit code {code})"})
        return
    emit(result)


if __name__ == "__main__":
    main()
