"""Redrawing the commitment plot with 10,000 points.

``python -m bench.probes.plot RUNS``: a ``CommitmentPlot`` shown at 1000×600 gets a series of two
organizations with 5,000 points each (plus phase bands, markers and the gap panel) and is
painted; then it is redrawn ``RUNS`` times, alternating between two such series so every redraw
really changes the data. Each redraw is timed from ``set_series`` until the widget has painted.
Prints the median in seconds.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from app.domain import Role
from app.lines import Line, Point
from app.series import Band, GapPoint, Marker, MarkerKind, Series
from bench.probes import emit

if TYPE_CHECKING:
    from ui.widgets.commitment_plot import CommitmentPlot

POINTS = 10_000


def synthetic_series(seed: int, points: int = POINTS) -> Series:
    """Two organizations' ratings, ``points`` in all, over about seven years."""
    rng = random.Random(seed)
    start = date(2019, 1, 1)
    half = points // 2
    lines = []
    for pk, name, role in ((1, "Asiakas Oy", Role.CUSTOMER), (2, "Työterveys", Role.PROVIDER)):
        level = 3.0
        line = []
        for i in range(half):
            level = min(5.0, max(1.0, level + rng.uniform(-0.3, 0.3)))
            day = start + timedelta(days=i // 2)
            line.append(Point(day, round(level, 2), rng.randint(1, 9), i, f"Event {i}"))
        lines.append(Line(pk, name, role, tuple(line)))
    first, second = lines
    gap = tuple(
        GapPoint(a.day, a.value - b.value, abs(a.value - b.value) >= 0.5, a.event_pk, a.title)
        for a, b in zip(first.points, second.points, strict=True)
    )
    end = first.points[-1].day
    third, half_way = start + (end - start) / 3, start + (end - start) / 2
    bands = (
        Band("negotiation", "Negotiation", start, third),
        Band("commitment", "Commitment", third, half_way),
        Band("execution", "Execution", half_way, end),
    )
    markers = tuple(
        Marker(start + timedelta(days=90 * k), MarkerKind.FEEDBACK_MEETING, f"Feedback {k}", k)
        for k in range(1, (end - start).days // 90)
    )
    return Series(
        measure="commitment",
        label="Commitment",
        unit="",
        y_min=1.0,
        y_max=5.0,
        lines=(first, second),
        gap=gap,
        gap_flag=0.5,
        bands=bands,
        markers=markers,
        start=start,
        end=end,
    )


class _PaintWatch(QObject):
    """Notes that the plot's viewport received a paint event."""

    seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def _redraw(app: QApplication, plot: CommitmentPlot, series: Series, watch: _PaintWatch) -> float:
    """Seconds from new data until the plot has painted it once (as the screen would)."""
    watch.seen = False
    started = time.perf_counter()
    plot.set_series(series)
    # pyqtgraph schedules the repaint on the event loop; a paint event is handled inside
    # processEvents, so once it was seen the new picture is drawn.
    for _ in range(50):
        app.processEvents()
        if watch.seen:
            break
    else:
        raise RuntimeError("the plot never repainted")
    return time.perf_counter() - started


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    app = QApplication([])
    try:
        from ui.widgets.commitment_plot import CommitmentPlot
    except ImportError as exc:
        emit({"unavailable": f"the commitment plot is not built yet ({exc})"})
        return
    plot = CommitmentPlot()
    plot.resize(1000, 600)
    plot.show()
    series = [synthetic_series(1), synthetic_series(2)]
    watch = _PaintWatch()
    plot.view.viewport().installEventFilter(watch)
    _redraw(app, plot, series[1], watch)
    samples = [_redraw(app, plot, series[i % 2], watch) for i in range(runs)]
    drawn = sum(len(item.xData) for item in plot.line_items.values())
    if drawn != POINTS:
        emit({"unavailable": f"the plot drew {drawn} points, not {POINTS}"})
        return
    emit({"seconds": statistics.median(samples), "runs": runs})


if __name__ == "__main__":
    main()
