"""A user's session with Kumppani on a large diary, timed at each thing the user waits for.

``python -m bench.probes.session DIARY LARGE_PK OTHER_PK LARGE_ID RARE COMMON PREFIX``

Runs the real ``kumppani --db DIARY`` entry point with the large partnership remembered from the
last session. An application-wide event filter sees the first paint of the main window; the
moment the remembered partnership is selected, the window is painted with it and that is "time
to content". Then, inside the running application and through its widgets:

- select the large partnership (after another one) with the History tab showing, until painted;
- search the history for a rare word, a common word and a one-letter prefix: from the text in
  the search box until the first page of results is painted (``run_search``, which the box's
  debounce timer would call 200 ms later);
- scroll the unfiltered history page by page, each page read and painted: the cost of one
  page of 100 rows at the start and of the pages up to the 1,000th (the last pages that
  still brought rows when the list is shorter);
- open the Commitment page, until painted: the first time in the session, and again after
  selecting the other partnership and the large one on the Overview;
- last, the peak resident memory of the whole session.

Times are CLOCK_MONOTONIC nanoseconds for the start (the parent knows when it started the
process) and milliseconds for the rest. The process priority is never changed.
"""

from __future__ import annotations

import statistics
import sys
import time
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QTabWidget, QWidget

from bench.probes import emit, peak_mb
from bench.probes.paint import FirstPaint, cpu_ms, now_ns

REPEATS = 3
WINDOW_SIZE = (1366, 768)
DEEP_PAGE = 1000


def _painted(app: QApplication, widget: QWidget) -> None:
    """Let queued work run, then paint ``widget`` now, as the screen would show it."""
    app.processEvents()
    widget.repaint()


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _tab(tabs: QTabWidget, key: str) -> int:
    from ui.pages import page_specs

    return [spec.key for spec in page_specs()].index(key)


class Session:
    """The timed steps, run once the window has shown its content."""

    def __init__(self, app: QApplication, window: Any, argv: list[str]) -> None:
        self.app, self.window = app, window
        self.large, self.other = int(argv[1]), int(argv[2])
        self.words = {"rare": argv[4], "common": argv[5], "prefix": argv[6]}
        found = window.findChild(QTabWidget)
        assert isinstance(found, QTabWidget)
        self.tabs = found

    def select_with_history(self) -> float:
        samples = []
        self.tabs.setCurrentIndex(_tab(self.tabs, "history"))
        for _ in range(REPEATS):
            self.window.select_partnership(self.other)
            _painted(self.app, self.window)
            started = time.perf_counter()
            self.window.select_partnership(self.large)
            _painted(self.app, self.window)
            samples.append(_ms(started))
        return statistics.median(samples)

    def search(self, text: str) -> float:
        page = self.window.page("history")
        samples = []
        for _ in range(REPEATS):
            page.search.blockSignals(True)  # the debounce timer is not what is measured
            page.search.setText("")
            page.search.blockSignals(False)
            page.run_search()
            _painted(self.app, self.window)
            started = time.perf_counter()
            page.search.blockSignals(True)
            page.search.setText(text)
            page.search.blockSignals(False)
            page.run_search()
            _painted(self.app, page.list)
            samples.append(_ms(started))
        page.search.setText("")
        page.run_search()
        return statistics.median(samples)

    def scrolling(self) -> tuple[float, float, int]:
        """Time of one page (read and painted) at the start and at ``DEEP_PAGE``."""
        page = self.window.page("history")
        view: QListView = page.list
        model = page.results

        def one_page() -> float:
            started = time.perf_counter()
            model.fetchMore()
            view.scrollToBottom()
            view.viewport().repaint()
            return _ms(started)

        first = statistics.median(one_page() for _ in range(REPEATS))
        reached = 1 + REPEATS
        while reached < DEEP_PAGE - REPEATS and model.canFetchMore():
            model.fetchMore()
            reached += 1
        if not model.canFetchMore():
            # A list shorter than DEEP_PAGE pages ended on the way: pages asked for after its
            # end read nothing and would flatter the figure, so the list is read again from
            # the start and its last REPEATS pages are timed.
            rows, reached = model.rowCount(), 1
            page.run_search()
            while model.rowCount() < rows - REPEATS * model.PAGE and model.canFetchMore():
                model.fetchMore()
                reached += 1
        _painted(self.app, view)
        deep = statistics.median(one_page() for _ in range(REPEATS))
        return first, deep, reached + REPEATS

    def commitment(self) -> tuple[float, float]:
        """The first opening of the page in the session (the page is built, pyqtgraph loaded)
        and the median of the openings after it (the large partnership selected again from
        the other one, on the Overview, no write in between)."""
        index = _tab(self.tabs, "commitment")
        samples = []
        for _ in range(1 + REPEATS):
            self.tabs.setCurrentIndex(0)
            self.window.select_partnership(self.other)
            _painted(self.app, self.window)
            self.window.select_partnership(self.large)
            _painted(self.app, self.window)
            started = time.perf_counter()
            self.tabs.setCurrentIndex(index)
            _painted(self.app, self.window)
            samples.append(_ms(started))
        return samples[0], statistics.median(samples[1:])

    def run(self) -> dict[str, object]:
        out: dict[str, object] = {"select_with_history_ms": self.select_with_history()}
        for label, text in self.words.items():
            out[f"search_{label}_ms"] = self.search(text)
        first, deep, pages = self.scrolling()
        out.update(scroll_first_page_ms=first, scroll_deep_page_ms=deep, scroll_pages=pages)
        out["commitment_page_first_ms"], out["commitment_page_ms"] = self.commitment()
        out["session_peak_mb"] = peak_mb()
        return out


def _remember(partnership_id: str) -> None:
    """The large partnership was the one open, on its Overview, when the app was last closed.

    The page is set too: every start of a run begins from the same state (a session ends on
    the Commitment page, which the next start would otherwise open first)."""
    from ui.application import APPLICATION, ORGANIZATION
    from ui.settings import LAST_PARTNERSHIP, OPEN_PAGE

    settings = QSettings(ORGANIZATION, APPLICATION)
    LAST_PARTNERSHIP.write(settings, partnership_id)
    OPEN_PAGE.write(settings, "overview")
    settings.sync()


def main() -> None:
    argv = sys.argv[1:]
    diary, large, large_id = argv[0], int(argv[1]), argv[3]
    from ui.cli import main as kumppani

    result: dict[str, object] = {}
    original_exec = QApplication.exec

    def after_paint(window: QMainWindow, t_ns: int) -> None:
        result["painted_ns"] = t_ns
        result["paint_cpu_ms"] = cpu_ms()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        shown = getattr(window, "partnership_selected", None)
        if shown is None:
            result["unavailable"] = "the main window has no partnership_selected signal"
            return

        def content(pk: object) -> None:
            if pk != large or "content_ns" in result:
                return
            window.repaint()
            result["content_ns"] = now_ns()
            result["content_cpu_ms"] = cpu_ms()
            QTimer.singleShot(0, session)

        def session() -> None:
            window.resize(*WINDOW_SIZE)
            _painted(app, window)
            try:
                result.update(Session(app, window, argv).run())
            finally:
                window.close()
                app.quit()

        shown.connect(content)
        if getattr(window, "current_pk", None) == large:
            content(large)

    watcher = FirstPaint(after_paint)

    def exec_watched(*_args: Any) -> int:
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(watcher)
        return int(original_exec())

    _remember(large_id)
    import ui.safety

    def refused(_window: object, exc: Exception, _settings: object) -> bool:
        # A diary that cannot be opened would wait for a click on its error dialog.
        emit({"unavailable": f"the diary did not open: {exc}"})
        raise SystemExit(1)

    ui.safety.recover_from_open_error = refused  # type: ignore[assignment]
    # Deliberate monkey-patching: the app's own exec() must install the paint watcher.
    QApplication.exec = exec_watched  # type: ignore[method-assign]
    code = kumppani(["--db", diary])
    if "content_ns" not in result:
        emit({"unavailable": f"the partnership was never shown (exit code {code})"})
        return
    emit(result)


if __name__ == "__main__":
    main()
