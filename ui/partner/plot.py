"""The commitment plot per side, drawn from the partner report's series (means per side)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from app.dates import month_abbreviations
from app.report.model import Series

_PENS = (("#1f5fa8", None), ("#c0531f", "dash"))


def _x(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp()


def date_ticks(days: list[date], lang: str) -> list[list[tuple[float, str]]]:
    """Years as major ticks and every third month as minor ones, named in ``lang``."""
    if not days:
        return [[], []]
    names = month_abbreviations(lang)
    first, last = min(days), max(days)
    years: list[tuple[float, str]] = []
    months: list[tuple[float, str]] = []
    year, month = (first.year, first.month + 1) if first.month < 12 else (first.year + 1, 1)
    while date(year, month, 1) <= last:
        if month == 1:
            years.append((_x(date(year, 1, 1)), str(year)))
        elif month % 3 == 1:
            # The first month shown carries its year when no year tick comes before it.
            label = names[month] if years or months else f"{names[month]} {year}"
            months.append((_x(date(year, month, 1)), label))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [years, months]


def commitment_plot(
    series: tuple[Series, ...],
    tr: Callable[[str], str],
    lang: str,
    parent: QWidget | None = None,
) -> pg.PlotWidget:
    """A plot of each side's commitment (1–5) over time, with a legend of the sides."""
    plot = pg.PlotWidget(parent)
    plot.setObjectName("partnerCommitmentPlot")
    plot.setBackground("w")
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.setYRange(1, 5)
    plot.setLabel("left", tr("Commitment"))
    plot.showGrid(y=True, alpha=0.2)
    plot.addLegend(offset=(10, -10), brush="w", labelTextSize="16pt", labelTextColor="#1a1a1a")
    tick_font = QFont()
    tick_font.setPointSize(13)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setTickFont(tick_font)
        axis.setTextPen("#1a1a1a")
    for (color, dash), line in zip(_PENS * 2, series, strict=False):
        xs = [_x(day) for day, _v in line.points]
        ys = [value for _d, value in line.points]
        style = pg.QtCore.Qt.PenStyle.DashLine if dash else pg.QtCore.Qt.PenStyle.SolidLine
        plot.plot(
            xs,
            ys,
            pen=pg.mkPen(color, width=4, style=style),
            symbol="o",
            symbolSize=12,
            symbolBrush=color,
            name=line.organization,
        )
    days = [day for line in series for day, _v in line.points]
    plot.getAxis("bottom").setTicks(date_ticks(days, lang))
    return plot
