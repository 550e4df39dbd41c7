"""The commitment plot: one line per organization over time, phases behind, the gap below.

Draws an ``app.series.Series`` with pyqtgraph (imported only when this module is, and the pages
import it only when a plot is built). Lines differ in colour, dash pattern and marker symbol so
they read in grey-scale print; phase bands are shaded behind with their names; feedback
meetings, pilots, phase moves and feedback reports are marked in a row above the data; the gap
customer − provider is a bar panel below, flagged bars dark. The legend sits in its own row
above the plot, never over the data. Hovering a point shows date, value, n and the event's
title; clicking it emits ``event_activated(pk)``. Month names follow the UI language.

For tests the drawn items are kept: ``line_items``, ``point_items`` (per organization key),
``band_items``, ``gap_item``, ``marker_item``.
"""

from __future__ import annotations

import os
import re
from datetime import date
from functools import cache, partial
from typing import Any, SupportsInt

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import Exporter, SVGExporter
from pyqtgraph.graphicsItems.DateAxisItem import (
    MONTH_SPACING,
    YEAR_SPACING,
    TickSpec,
    ZoomLevel,
    makeMStepper,
    makeYStepper,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.dates import month_abbreviations
from app.domain import Phase, Role
from app.i18n import _, language
from app.lines import Line, Point
from app.safety.output import write_output
from app.series import Band, Marker, MarkerKind, Series
from ui.style import PHASE_COLORS, ROLE_COLORS, short_date

# pyqtgraph 0.14's SVG export fails on Qt 6.11 (a "Z" path token): keep it out of the menu.
if SVGExporter in Exporter.Exporters:
    Exporter.Exporters.remove(SVGExporter)

DAY = 86400.0
WIDE_PEN_POINTS = 150
# (dash style, symbol) by line position: grey-scale print tells lines apart by these.
LINE_STYLES = [
    (Qt.PenStyle.SolidLine, "o"),
    (Qt.PenStyle.DashLine, "s"),
    (Qt.PenStyle.DotLine, "t"),
    (Qt.PenStyle.DashDotLine, "d"),
]
EXTRA_COLORS = ["#2E7D4F", "#7B4F9D", "#333333"]
MARKER_SYMBOLS = {
    MarkerKind.FEEDBACK_MEETING: ("star", "#1F2A33"),  # drawn larger: a star is thin
    MarkerKind.PILOT: ("t1", "#2E7D4F"),
    MarkerKind.PHASE_MOVE: ("d", "#5F6B76"),
    MarkerKind.FEEDBACK_REPORT: ("s", "#2F6F8F"),
}


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def to_x(day: date) -> float:
    """A date as the plot's x value (seconds since 1970, UTC midnight)."""
    # Day arithmetic, not calendar.timegm(day.timetuple()): the same value, many times faster
    # for the 10,000 points of a long series.
    return (day.toordinal() - _EPOCH_ORDINAL) * DAY


def month_names() -> dict[str, str]:
    """English month abbreviations (as pyqtgraph writes them) → the UI language's names (CLDR)."""
    return _month_names(language())


@cache
def _month_names(lang: str) -> dict[str, str]:
    english, local = month_abbreviations("en"), month_abbreviations(lang)
    return {english[m]: local[m] for m in english}


# pyqtgraph has no type information, so its classes are Any to mypy: subclass one knowingly.
class LocalDateAxis(pg.DateAxisItem):  # type: ignore[misc]
    """A date axis in UTC with month names in the user's language.

    pyqtgraph spaces month labels for the English "Jan" and always writes every month; Finnish
    names are longer ("maalis", "marras") and ran into each other. Here the months may skip
    (every 2nd, 3rd or 6th) and the spacing is measured on the widest name actually written.
    """

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation, utcOffset=0)
        years_months = ZoomLevel(
            [
                TickSpec(YEAR_SPACING, makeYStepper(1), "%Y", autoSkip=[1, 5, 10, 25]),
                TickSpec(MONTH_SPACING, makeMStepper(1), "%b", autoSkip=[1, 2, 3, 6]),
            ],
            "Jan",
        )
        self.zoomLevels[np.inf] = years_months

    def setZoomLevelForDensity(self, density: float) -> None:
        super().setZoomLevelForDensity(density)
        if "%b" in self.zoomLevel.tickSpecs[-1].format:
            widest = max(self.fontMetrics.boundingRect(n).width() for n in month_names().values())
            self.minSpacing = density * (widest + 16)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        names = month_names()
        pattern = re.compile(r"\b(" + "|".join(names) + r")\b")
        return [
            pattern.sub(lambda m: names[m.group(1)], s)
            for s in super().tickStrings(values, scale, spacing)
        ]


def format_value(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:.0f} %"
    if unit:
        return f"{value:.0f} {unit}"
    return f"{value:.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.0f}"


def point_tooltip(line: Line, point: Point, unit: str) -> str:
    """The hover text of a point: organization, date, value, n and the event's title."""
    parts = [
        line.name,
        f"{short_date(point.day)}: {format_value(point.value, unit)} (n = {point.n})",
    ]
    if point.title:
        parts.append(point.title)
    return "\n".join(parts)


def line_style(line: Line, position: int) -> tuple[QColor, Qt.PenStyle, str]:
    """Colour, dash pattern and symbol of a line: sides keep their colours everywhere."""
    dash, symbol = LINE_STYLES[position % len(LINE_STYLES)]
    if line.role in (Role.CUSTOMER, Role.PROVIDER):
        colour = ROLE_COLORS[line.role]
    else:
        colour = EXTRA_COLORS[position % len(EXTRA_COLORS)]
    return QColor(colour), dash, symbol


def marker_label(kind: MarkerKind) -> str:
    return {
        MarkerKind.FEEDBACK_MEETING: _("Feedback meeting"),
        MarkerKind.PILOT: _("Pilot"),
        MarkerKind.PHASE_MOVE: _("Phase move"),
        MarkerKind.FEEDBACK_REPORT: _("Feedback report"),
    }[kind]


class CommitmentPlot(QWidget):
    """A plot of one ``Series``; ``compact`` for the small plot on the overview."""

    event_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("commitmentPlot")
        self.compact = compact
        self.series: Series | None = None
        self.line_items: dict[int | None, pg.PlotDataItem] = {}
        self.point_items: dict[int | None, pg.ScatterPlotItem] = {}
        self._lines_of: dict[int, Line] = {}  # id of a point item -> its line
        self.rule_item: pg.PlotDataItem | None = None
        self.band_items: list[tuple[Band, pg.LinearRegionItem]] = []
        self.gap_item: pg.BarGraphItem | None = None
        self.marker_item: pg.ScatterPlotItem | None = None
        self.phase_labels: list[tuple[Band, pg.TextItem]] = []
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._build_layout()

    # -- structure --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        layout = self.view.ci
        self.legend = pg.LegendItem(colCount=3 if self.compact else 4, labelTextColor="#1F2A33")
        self.legend.setLabelTextSize("8pt" if self.compact else "9pt")
        layout.addItem(self.legend, row=0, col=0)
        self.main = layout.addPlot(row=1, col=0, axisItems={"bottom": LocalDateAxis()})
        self.gap_plot = layout.addPlot(row=2, col=0, axisItems={"bottom": LocalDateAxis()})
        self.gap_plot.setXLink(self.main)
        self.gap_plot.getAxis("left").enableAutoSIPrefix(False)
        layout.layout.setRowStretchFactor(1, 3)
        layout.layout.setRowStretchFactor(2, 1)
        for plot in (self.main, self.gap_plot):
            plot.showGrid(x=False, y=True, alpha=0.25)
            plot.getAxis("left").setWidth(56)
            for side in ("left", "bottom"):
                plot.getAxis(side).setTextPen("#3A4650")
                plot.getAxis(side).setPen("#8A949C")
            plot.setMenuEnabled(True)
            plot.hideButtons()
        self.gap_plot.setLabel("left", _("Gap"))
        box = self.main.getViewBox()
        box.sigResized.connect(lambda *_a: self._place_phase_labels())
        box.sigXRangeChanged.connect(lambda *_a: self._place_phase_labels())
        self.message = pg.TextItem("", color="#5F6B76", anchor=(0.5, 0.5))
        self.message.setZValue(50)
        self.main.addItem(self.message, ignoreBounds=True)

    def _clear(self) -> None:
        self.main.clear()
        self.gap_plot.clear()
        self.legend.clear()
        # The empty-state message of a previous series must not stay over real points.
        self.message.setText("")
        self.main.addItem(self.message, ignoreBounds=True)
        self.phase_labels = []
        self.line_items, self.point_items, self.band_items = {}, {}, []
        self._lines_of = {}
        self.rule_item = None
        self.gap_item = self.marker_item = None

    # -- drawing ----------------------------------------------------------------------------

    def set_series(self, series: Series | None) -> None:
        """Draw ``series`` (None: an empty plot saying there is no partnership)."""
        self.series = series
        self._clear()
        if series is None:
            self._show_message(_("No partnership selected."), (0.0, 1.0), (0.0, 1.0))
            self._show_gap_panel(False)
            return
        x0, x1 = to_x(series.start) - 10 * DAY, to_x(series.end) + 10 * DAY
        span = series.y_max - series.y_min
        top = series.y_max + 0.22 * span
        self.main.setLabel("left", series.label if not self.compact else "", color="#3A4650")
        self._draw_bands(series, top - 0.04 * span)
        for position, line in enumerate(series.lines):
            self._draw_line(line, position, series.unit)
        self._draw_markers(series, series.y_max + 0.08 * span)
        self._fit_legend()
        self._set_value_ticks(series)
        # The limits first: the previous series' limits would clamp (shift) the new range.
        self.main.getViewBox().setLimits(xMin=x0 - 365 * DAY, xMax=x1 + 365 * DAY)
        self.main.setXRange(x0, x1, padding=0)
        self.main.setYRange(series.y_min - 0.04 * span, top, padding=0)
        self._place_phase_labels()
        if series.is_empty:
            self._show_message(
                _("Nothing to show yet: no ratings or data for this measure."),
                (x0, x1),
                (series.y_min, series.y_max),
            )
        self._draw_gap(series)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_legend()

    def _fit_legend(self) -> None:
        """As many legend columns as fit the plot's width: a legend wider than the widget made
        the whole plot wider than its card (its right part, and the last months, cut off)."""
        items = self.legend.items
        if not items:
            return
        room = self.view.width() - 24
        widths = [
            sample.boundingRect().width() + label.item.boundingRect().width() + 14
            for sample, label in items
        ]
        columns = min(3 if self.compact else 6, len(items))
        while columns > 1:
            widest = [max(widths[i::columns]) for i in range(columns)]
            if sum(widest) <= room:
                break
            columns -= 1
        if columns != self.legend.columnCount:
            self.legend.setColumnCount(columns)

    def _set_value_ticks(self, series: Series) -> None:
        # Ticks only within the scale: the band above it holds markers and phase names.
        step = 1.0 if not series.unit else 20.0 if series.unit == "%" else 0.0
        if not step:
            self.main.getAxis("left").setTicks(None)
            return
        values = []
        value = series.y_min
        while value <= series.y_max + 1e-9:
            values.append((value, f"{value:g}"))
            value += step
        self.main.getAxis("left").setTicks([values, []])

    def _show_gap_panel(self, shown: bool) -> None:
        # A hidden panel still takes room in the layout, so it leaves the layout; the main plot shows the dates itself when it stands alone.
        layout = self.view.ci
        placed = self.gap_plot in layout.items
        if shown and not placed:
            layout.addItem(self.gap_plot, row=2, col=0)
            layout.layout.setRowStretchFactor(2, 1)
        elif not shown and placed:
            layout.removeItem(self.gap_plot)
            layout.layout.setRowStretchFactor(2, 0)
        self.gap_plot.setVisible(shown)
        self.main.getAxis("bottom").setStyle(showValues=not shown)

    def _show_message(self, text: str, xs: tuple[float, float], ys: tuple[float, float]) -> None:
        self.message.setText(text)
        self.message.setPos((xs[0] + xs[1]) / 2, (ys[0] + ys[1]) / 2)

    def _draw_bands(self, series: Series, label_y: float) -> None:
        for band in series.bands:
            colour = QColor(PHASE_COLORS.get(Phase(band.phase), "#DDDDDD"))
            colour.setAlpha(55)
            region = pg.LinearRegionItem(
                values=(to_x(band.start), to_x(band.end)),
                movable=False,
                brush=pg.mkBrush(colour),
                pen=pg.mkPen(None),
            )
            region.setZValue(-20)
            region.setToolTip(f"{band.label}: {short_date(band.start)} – {short_date(band.end)}")
            self.main.addItem(region, ignoreBounds=True)
            self.band_items.append((band, region))
            label = pg.TextItem(band.label, color="#3A4650", anchor=(0, 0.5))
            label.setPos(to_x(band.start), label_y)
            self.main.addItem(label, ignoreBounds=True)
            self.phase_labels.append((band, label))

    def _place_phase_labels(self) -> None:
        """Show a phase's name only where it fits inside its band as drawn now (pixels, not
        days: the plot's width decides). A name wider than its band would run into the next
        one; the band's tooltip and the phase-move marker still name it."""
        box = self.main.getViewBox()
        x_per_pixel = box.viewPixelSize()[0]
        (left, right), _y = box.viewRange()
        for band, label in self.phase_labels:
            start, end = max(to_x(band.start), left), min(to_x(band.end), right)
            room = (end - start) / x_per_pixel if x_per_pixel > 0 else 0.0
            label.setPos(start + 4 * x_per_pixel, label.pos().y())
            label.setVisible(label.boundingRect().width() + 8 <= room)

    def _draw_markers(self, series: Series, y: float) -> None:
        self._draw_rules(series)
        spots = []
        for m in series.markers:
            symbol, colour = MARKER_SYMBOLS[m.kind]
            spots.append(
                {
                    "pos": (to_x(m.day), y),
                    "symbol": symbol,
                    "brush": pg.mkBrush(colour),
                    "pen": pg.mkPen("w"),
                    "size": (9 if self.compact else 12) + (5 if symbol == "star" else 0),
                    "data": (self._marker_tip(m), m.event_pk),
                }
            )
        if not spots:
            return
        self.marker_item = pg.ScatterPlotItem(hoverable=True, tip=_spot_tip)
        self.marker_item.addPoints(spots)
        self.marker_item.sigClicked.connect(self._spot_clicked)
        self.main.addItem(self.marker_item, ignoreBounds=True)
        for kind in dict.fromkeys(m.kind for m in series.markers):
            symbol, colour = MARKER_SYMBOLS[kind]
            sample = pg.PlotDataItem(
                [0], [0], pen=None, symbol=symbol, symbolBrush=colour, symbolPen="w"
            )
            self.legend.addItem(sample, marker_label(kind))

    def _draw_rules(self, series: Series) -> None:
        """A dotted vertical rule at every feedback meeting and pilot: one item for all of
        them (an item per rule made a redraw of a busy partnership several times slower)."""
        days = [
            m.day
            for m in series.markers
            if m.kind in (MarkerKind.FEEDBACK_MEETING, MarkerKind.PILOT)
        ]
        if not days:
            return
        # Well past the shown value range, so the rules reach the plot's edges.
        span = series.y_max - series.y_min or 1.0
        low, high = series.y_min - span, series.y_max + span
        rules = pg.PlotDataItem(
            [to_x(day) for day in days for _ in (0, 1)],
            [low, high] * len(days),
            connect="pairs",
            pen=pg.mkPen("#8A949C", style=Qt.PenStyle.DotLine),
        )
        rules.setZValue(-10)
        self.main.addItem(rules, ignoreBounds=True)
        self.rule_item = rules

    @staticmethod
    def _marker_tip(m: Marker) -> str:
        return f"{marker_label(m.kind)}\n{short_date(m.day)}: {m.label}"

    def _draw_line(self, line: Line, position: int, unit: str) -> None:
        colour, dash, symbol = line_style(line, position)
        xs = [to_x(p.day) for p in line.points]
        ys = [p.value for p in line.points]
        # Qt strokes wide dashed pens in time that grows faster than the points (1,000 points
        # take half a second); long series get the one-pixel pen, which stays fast.
        width = 2.5 if len(line.points) <= WIDE_PEN_POINTS else 1
        pen = pg.mkPen(colour, width=width, style=dash)
        curve = pg.PlotDataItem(xs, ys, pen=pen)
        self.main.addItem(curve)
        size = 7 if self.compact else 9
        points = pg.ScatterPlotItem(
            x=xs,
            y=ys,
            symbol=symbol,
            size=size,
            brush=pg.mkBrush(colour),
            pen=pg.mkPen("w", width=1),
            # Each spot carries only its position in the line; the hover text is written
            # when it is hovered (a long series has 10,000 points).
            data=np.arange(len(line.points)),
            hoverable=True,
            hoverSize=size + 4,
            tip=partial(_line_tip, line, unit),
        )
        self._lines_of[id(points)] = line
        points.sigClicked.connect(self._spot_clicked)
        self.main.addItem(points)
        sample = pg.PlotDataItem(
            [0], [0], pen=pen, symbol=symbol, symbolBrush=colour, symbolPen="w", symbolSize=size
        )
        self.legend.addItem(sample, line.name)
        self.line_items[line.organization_pk] = curve
        self.point_items[line.organization_pk] = points

    def _draw_gap(self, series: Series) -> None:
        if series.gap_flag is None or not series.gap:
            self._show_gap_panel(False)
            return
        self._show_gap_panel(True)
        self.gap_plot.setLabel("left", _("Gap"), color="#3A4650")
        caption = pg.TextItem(
            _("Gap: customer − provider; dark bars: {flag:g} or more apart").format(
                flag=series.gap_flag
            ),
            color="#3A4650",
            anchor=(0, 0),
        )
        if not self.compact:
            caption.setParentItem(self.gap_plot.getViewBox())
            caption.setPos(4, 0)
        flag = series.gap_flag
        for level in (flag, -flag):
            self.gap_plot.addItem(
                pg.InfiniteLine(level, angle=0, pen=pg.mkPen("#8A949C", style=Qt.PenStyle.DashLine))
            )
        self.gap_plot.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#5F6B76")))
        # A bar is a hundredth of the shown span: thin in a short partnership too (a floor in
        # days made one wide black block of a first questionnaire).
        width = (to_x(series.end) - to_x(series.start) + 20 * DAY) / 100
        if series.gap:
            # Every bar light, then the flagged ones dark on top: one brush per item draws
            # 5,000 bars several times faster than a brush per bar.
            pen = pg.mkPen("#1F2A33")
            xs = [to_x(g.day) for g in series.gap]
            self.gap_item = pg.BarGraphItem(
                x=xs, height=[g.gap for g in series.gap], width=width, brush="#B8C2CA", pen=pen
            )
            self.gap_plot.addItem(self.gap_item)
            flagged = [(x, g.gap) for x, g in zip(xs, series.gap, strict=True) if g.flagged]
            if flagged:
                self.gap_plot.addItem(
                    pg.BarGraphItem(
                        x=[x for x, _ in flagged],
                        height=[h for _, h in flagged],
                        width=width,
                        brush="#1F2A33",
                        pen=pen,
                    )
                )
        top = max([abs(g.gap) for g in series.gap] + [flag]) + 0.3
        self.gap_plot.setYRange(-top, top, padding=0)
        # Ticks at the flag threshold, and at the largest whole gap that fits above it. In a
        # wide range the threshold's numbers would sit on the 0 (the panel is short): then
        # its dashed lines alone mark it.
        ticks = [(0.0, "0")]
        if top <= 3 * flag:
            ticks += [(-flag, f"−{flag:g}"), (flag, f"+{flag:g}")]
        k = int(top)
        if k >= 2 * flag + 0.5:
            ticks += [(-k, f"−{k}"), (k, f"+{k}")]
        self.gap_plot.getAxis("left").setTicks([ticks, []])

    def _spot_clicked(self, item: object, spots: list[Any], _event: object = None) -> None:
        """``spots`` are pyqtgraph's SpotItems (untyped, hence Any)."""
        line = self._lines_of.get(id(item))
        for spot in spots:
            data = spot.data()
            # A line's spot holds its position; a marker's holds (hover text, event key).
            pk = line.points[int(data)].event_pk if line is not None else (data or (0, None))[1]
            if pk is not None:
                self.event_activated.emit(int(pk))
                return

    # -- export -----------------------------------------------------------------------------

    def png_bytes(self) -> bytes:
        """The plot as it is shown (legend and gap panel included), as PNG data."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.grab().save(buffer, "PNG"):
            raise OSError(5, os.strerror(5))
        buffer.close()
        return bytes(data.data())

    def export_png(self, path: str) -> bool:
        """Save the plot as a PNG file, whole or not at all (see ``write_output``)."""
        try:
            write_output(path, self.png_bytes(), private=False)
        except OSError:
            return False
        return True


def _line_tip(line: Line, unit: str, x: float, y: float, data: SupportsInt) -> str:
    """Hover text of the point at position ``data`` of ``line``."""
    return point_tooltip(line, line.points[int(data)], unit)


def _spot_tip(x: float, y: float, data: object) -> str:
    return str(data[0]) if isinstance(data, tuple) else ""
