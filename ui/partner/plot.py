"""The commitment plot per side, drawn from the partner report's series (means per side)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from app.report.model import Series

_PENS = (("#1f5fa8", None), ("#c0531f", "dash"))


def commitment_plot(
    series: tuple[Series, ...], tr: Callable[[str], str], parent: QWidget | None = None
) -> pg.PlotWidget:
    """A plot of each side's commitment (1–5) over time, with a legend of the sides."""
    plot = pg.PlotWidget(parent, axisItems={"bottom": pg.DateAxisItem()})
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
        xs = [datetime.combine(day, time(12)).timestamp() for day, _v in line.points]
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
    return plot
