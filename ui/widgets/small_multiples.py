"""Small multiples of a questionnaire wave: per dimension, customer and provider side by side.

One small panel per dimension, each with two horizontal bars (the side means, drawn from 1, the
bottom of the scale) labelled with the mean and n, and the gap in the panel's title, marked when it is
flagged. Customer bars are dark and provider bars light with an outline, so they read in
grey-scale print. For tests: ``bars`` maps a dimension to its ``BarGraphItem`` and ``labels``
to the texts above the bars.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain import Dimension, Role
from app.domain.labels import dimension_name, role_name
from app.i18n import _
from app.scores import DimensionScore, Summary, WaveScores
from ui.style import ROLE_COLORS, short_date

MIN_COLUMN_WIDTH = 320
COLUMNS = 3


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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.bars: dict[Dimension, pg.BarGraphItem] = {}
        self.labels: dict[Dimension, list[str]] = {}
        self.wave: WaveScores | None = None

    def set_wave(self, wave: WaveScores | None, names: dict[Role, str] | None = None) -> None:
        """Draw ``wave``; ``names`` gives the organizations' names for the two sides."""
        self.wave = wave
        self.view.clear()
        self.bars, self.labels = {}, {}
        names = names or {}
        if wave is None or not wave.dimensions:
            self.view.addLabel(_("No questionnaire answers yet."), color="#5F6B76")
            return
        heading = _(
            "{title}, {day}. Customer: {customer} (dark); provider: {provider} (light)"
        ).format(
            title=wave.title,
            day=short_date(wave.day),
            customer=names.get(Role.CUSTOMER, "–"),
            provider=names.get(Role.PROVIDER, "–"),
        )
        self.view.addLabel(heading, row=0, col=0, colspan=COLUMNS, color="#1F2A33")
        for i, score in enumerate(wave.dimensions):
            plot = self.view.addPlot(row=1 + i // COLUMNS, col=i % COLUMNS)
            self._draw(plot, score)
        # A column under a long dimension name asks for the width of its title; the others
        # keep enough for a bar near 5 with its "4.2 (n = 4)" label beside it.
        for col in range(COLUMNS):
            self.view.ci.layout.setColumnMinimumWidth(col, MIN_COLUMN_WIDTH)

    def _draw(self, plot: pg.PlotItem, score: DimensionScore) -> None:
        # Horizontal bars from 1, the bottom of the scale: the labels fit beside them even in
        # a short panel.
        # The title is rich text: our own fixed words, escaped all the same.
        title = html.escape(dimension_name(score.dimension))
        if score.gap is not None:
            title += f"<br><b>{html.escape(gap_text(score))}</b>"
        plot.setTitle(title, size="9pt", color="#1F2A33")
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setXRange(1, 6.6, padding=0)
        plot.setYRange(-0.6, 1.6, padding=0)
        sides = [(Role.CUSTOMER, score.customer), (Role.PROVIDER, score.provider)]
        ys = [1, 0]  # customer above provider
        plot.getAxis("left").setTicks(
            [[(y, role_name(role)) for y, (role, _s) in zip(ys, sides, strict=True)]]
        )
        plot.getAxis("bottom").setTicks([[(v, str(v)) for v in range(1, 6)]])
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setTextPen("#3A4650")
        plot.getAxis("left").setWidth(118)
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
        for y, (_role, summary) in zip(ys, sides, strict=True):
            text = side_label(summary)
            label = pg.TextItem(text, color="#1F2A33", anchor=(0, 0.5))
            label.setPos((summary.mean if summary else 1) + 0.05, y)
            plot.addItem(label)
            texts.append(text)
        self.bars[score.dimension] = bars
        self.labels[score.dimension] = texts
