"""Small multiples of a questionnaire wave: per dimension, customer and provider side by side.

One small panel per dimension, each with two horizontal bars (the side means, drawn from 1, the
bottom of the scale) labelled with the mean and n, and the gap in the panel's title, marked when it is
flagged. Customer bars are dark and provider bars light with an outline, so they read in
grey-scale print. For tests: ``bars`` maps a dimension to its ``BarGraphItem`` and ``labels``
to the texts above the bars.
"""

from __future__ import annotations

import html
import math
import textwrap

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from app.domain import Dimension, Role
from app.domain.labels import dimension_name, role_name
from app.i18n import _
from app.scores import DimensionScore, Summary, WaveScores
from ui.style import ROLE_COLORS, short_date

MIN_COLUMN_WIDTH = 300  # a panel's title (wrapped) and its bars with their labels
COLUMNS = 3  # at most; fewer when the page is narrow, never a panel cut off at the right
ROW_HEIGHT = 130  # a two- or three-line title, two bars with labels, the axis numbers
HEADING_HEIGHT = 24  # per line
ROW_SPACING = 8  # the layout's spacing and margins, per row: without it a third row squeezes
TITLE_CHARACTERS = 30  # longer dimension names wrap onto a second line
INSIDE_FROM = 3.6  # a bar at least this long carries its label inside, so it stays in the panel


def side_label(summary: Summary | None) -> str:
    if summary is None:
        return _("no answers")
    return f"{summary.mean:.1f} (n = {summary.n})"


def gap_text(score: DimensionScore) -> str:
    """The gap customer − provider as shown in a panel's corner, marked when flagged."""
    if score.gap is None:
        return ""
    flag = " ⚑" if score.flagged else ""
    return _("gap {gap:+.1f}{flag}").format(gap=score.gap, flag=flag)


class SmallMultiples(QWidget):
    """The bars of one wave; ``set_wave(None)`` shows an empty state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("smallMultiples")
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        # Each row of panels keeps the height its labels need; a short page scrolls instead
        # of pressing the labels onto the axis numbers.
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller)
        self.bars: dict[Dimension, pg.BarGraphItem] = {}
        self.labels: dict[Dimension, list[str]] = {}
        self.plots: dict[Dimension, pg.PlotItem] = {}
        self.wave: WaveScores | None = None
        self._names: dict[Role, str] = {}
        self.columns = COLUMNS

    def columns_for(self, width: int) -> int:
        """How many panels fit side by side in ``width`` pixels (1 to ``COLUMNS``)."""
        return max(1, min(COLUMNS, (width - 16) // (MIN_COLUMN_WIDTH + 12)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = self.columns_for(self.scroller.viewport().width())
        if columns != self.columns:
            self.columns = columns
            self._draw_wave()

    def set_wave(self, wave: WaveScores | None, names: dict[Role, str] | None = None) -> None:
        """Draw ``wave``; ``names`` gives the organizations' names for the two sides."""
        self.wave = wave
        self._names = names or {}
        self.columns = self.columns_for(self.scroller.viewport().width())
        self._draw_wave()

    def _draw_wave(self) -> None:
        wave, names = self.wave, self._names
        self.view.clear()
        self.bars, self.labels, self.plots = {}, {}, {}
        if wave is None or not wave.dimensions:
            self.view.setMinimumHeight(0)
            self.view.addLabel(_("No questionnaire answers yet."), color="#5F6B76")
            return
        columns = self.columns
        heading = _(
            "{title}, {day}. Customer: {customer} (dark); provider: {provider} (light)"
        ).format(
            title=wave.title,
            day=short_date(wave.day),
            customer=names.get(Role.CUSTOMER, "–"),
            provider=names.get(Role.PROVIDER, "–"),
        )
        # Wrapped to the width there is: one long line would widen the panels past the page.
        per_line = max(30, (self.scroller.viewport().width() - 40) // 8)
        lines = textwrap.wrap(heading, per_line) or [""]
        self.view.addLabel(
            "<br>".join(html.escape(line) for line in lines),
            row=0,
            col=0,
            colspan=columns,
            color="#1F2A33",
        )
        for i, score in enumerate(wave.dimensions):
            plot = self.view.addPlot(row=1 + i // columns, col=i % columns)
            self._draw(plot, score)
            self.plots[score.dimension] = plot
        rows = math.ceil(len(wave.dimensions) / columns)
        self.view.setMinimumHeight(
            HEADING_HEIGHT * len(lines) + rows * (ROW_HEIGHT + ROW_SPACING) + ROW_SPACING
        )
        for col in range(columns):
            self.view.ci.layout.setColumnMinimumWidth(col, MIN_COLUMN_WIDTH)

    def _draw(self, plot: pg.PlotItem, score: DimensionScore) -> None:
        # Horizontal bars from 1, the bottom of the scale: the labels fit beside them even in
        # a short panel.
        # The title is rich text: our own fixed words, escaped all the same.
        name = textwrap.wrap(dimension_name(score.dimension), TITLE_CHARACTERS) or [""]
        title = "<br>".join(html.escape(line) for line in name)
        if score.gap is not None:
            title += f"<br><b>{html.escape(gap_text(score))}</b>"
        plot.setTitle(title, size="9pt", color="#1F2A33")
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setXRange(1, 6.2, padding=0)
        plot.setYRange(-0.6, 1.6, padding=0)
        sides = [(Role.CUSTOMER, score.customer), (Role.PROVIDER, score.provider)]
        ys = [1, 0]  # customer above provider
        plot.getAxis("left").setTicks(
            [[(y, role_name(role)) for y, (role, _s) in zip(ys, sides, strict=True)]]
        )
        plot.getAxis("bottom").setTicks([[(v, str(v)) for v in range(1, 6)]])
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setTextPen("#3A4650")
        roles = [role_name(role) for role, _s in sides]
        widest = max(QFontMetrics(plot.getAxis("left").font()).horizontalAdvance(r) for r in roles)
        plot.getAxis("left").setWidth(widest + 18)
        light = QColor(ROLE_COLORS[Role.PROVIDER]).lighter(150)
        bars = pg.BarGraphItem(
            x0=[1, 1],
            x1=[s.mean if s else 1 for _r, s in sides],
            y=ys,
            height=0.6,
            brushes=[pg.mkBrush(ROLE_COLORS[Role.CUSTOMER]), pg.mkBrush(light)],
            pens=[pg.mkPen("#1F2A33"), pg.mkPen("#1F2A33", width=1.5)],
        )
        plot.addItem(bars)
        texts = []
        for y, (role, summary) in zip(ys, sides, strict=True):
            text = side_label(summary)
            mean = summary.mean if summary else 1.0
            if mean >= INSIDE_FROM:  # inside the bar's end: never past the panel's edge
                dark = role is Role.CUSTOMER
                label = pg.TextItem(text, color="#FFFFFF" if dark else "#1F2A33", anchor=(1, 0.5))
                label.setPos(mean - 0.05, y)
            else:
                label = pg.TextItem(text, color="#1F2A33", anchor=(0, 0.5))
                label.setPos(mean + 0.05, y)
            plot.addItem(label)
            texts.append(text)
        self.bars[score.dimension] = bars
        self.labels[score.dimension] = texts
