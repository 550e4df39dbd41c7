"""A horizontal band per phase of a partnership's history, with dates below and event ticks.

Reusable wherever time is shown. Each band carries its phase name as text (so it reads in
grey-scale and for colour-blind users), a tooltip with its dates and note, and optional ticks
mark events. ``phase_bands`` is the computation behind it, usable without painting.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.domain import Phase, PhaseMove
from app.domain.labels import phase_name
from app.i18n import _
from ui.style import BORDER, MUTED, TEXT, phase_color, plain_tooltip, short_date, text_color_on


@dataclass(frozen=True)
class Band:
    """``phase`` in force from ``start`` up to (not including) ``end``."""

    phase: Phase
    start: date
    end: date
    note: str | None = None


def no_phases_hint() -> str:
    """What an empty timeline says (looked up when drawn, in the language then in use)."""
    return _("No phases recorded yet. Use Change phase… to set the phase in force.")


def timeline_end(as_of: date) -> date:
    """Where every page's timeline of a partnership ends: a month after the day it is shown as
    of (today, or the overview's "as of" day), so the today line never sits on the edge.

    One rule for all pages, so the overview and the history end on the same day.
    """
    return as_of + timedelta(days=30)


def phase_bands(moves: Sequence[PhaseMove], end: date) -> list[Band]:
    """The bands of a phase history up to ``end``; moves on or after ``end`` are left out.

    No moves (a partnership whose phase was never set) give no bands.
    """
    ordered = sorted((m for m in moves if m.from_on < end), key=lambda m: m.from_on)
    if not ordered:
        return []
    # Each phase lasts until the next move; the last one until ``end``.
    stops = [m.from_on for m in ordered[1:]] + [end]
    return [
        Band(move.phase, move.from_on, stop, move.note)
        for move, stop in zip(ordered, stops, strict=True)
        if stop > move.from_on
    ]


class PhaseTimeline(QWidget):
    """Phase bands between a start and an end date, with today's line and event ticks."""

    BAND_HEIGHT = 30
    TICK_ROOM = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseTimeline")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._bands: list[Band] = []
        self._start: date | None = None
        self._end: date | None = None
        self._today: date | None = None
        self._markers: list[date] = []
        # The markers' ticks for one width: a history of thousands of events is repainted
        # (every search and scroll step) without placing each event again.
        self._ticks: tuple[int, list[QLineF]] = (-1, [])

    # -- data ---------------------------------------------------------------------------

    def set_history(
        self,
        moves: Sequence[PhaseMove],
        start: date,
        end: date,
        *,
        today: date | None = None,
        markers: Iterable[date] = (),
    ) -> None:
        """Show ``moves`` from ``start`` to ``end``; ``today`` gets a line, ``markers`` ticks."""
        end = max(end, start + timedelta(days=1))
        self._start, self._end, self._today = start, end, today
        self._bands = phase_bands(moves, end)
        self._markers = sorted({d for d in markers if start <= d <= end})
        self._ticks = (-1, [])
        self.setAccessibleDescription(
            "; ".join(f"{phase_name(b.phase)} {short_date(b.start)}" for b in self._bands)
            or no_phases_hint()
        )
        self.update()

    def clear(self) -> None:
        self._bands, self._markers = [], []
        self._ticks = (-1, [])
        self._start = self._end = self._today = None
        self.update()

    def bands(self) -> list[Band]:
        return list(self._bands)

    # -- geometry -----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        text_height = QFontMetrics(self.font()).height()
        return QSize(480, self.TICK_ROOM + self.BAND_HEIGHT + text_height + 10)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def _x(self, day: date) -> float:
        assert self._start is not None and self._end is not None
        span = (self._end - self._start).days
        left, width = 2.0, max(1.0, self.width() - 4.0)
        return left + width * (day - self._start).days / span

    def _band_rect(self, band: Band) -> QRectF:
        x0, x1 = self._x(band.start), self._x(band.end)
        return QRectF(x0, self.TICK_ROOM, max(1.0, x1 - x0), self.BAND_HEIGHT)

    # -- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._start is None:
            painter.setPen(QColor(MUTED))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No phases recorded"))
            return
        metrics = QFontMetrics(self.font())
        for band in self._bands:
            self._paint_band(painter, band, metrics)
        self._paint_markers(painter)
        if not self._bands:
            self._paint_empty(painter, metrics)  # after the today line, so it stays legible
        self._paint_axis(painter, metrics)

    def _paint_band(self, painter: QPainter, band: Band, metrics: QFontMetrics) -> None:
        rect = self._band_rect(band)
        color = phase_color(band.phase)
        painter.setPen(QPen(QColor("#FFFFFF"), 1))
        painter.setBrush(color)
        painter.drawRoundedRect(rect, 3, 3)
        label = metrics.elidedText(
            phase_name(band.phase), Qt.TextElideMode.ElideRight, int(rect.width()) - 8
        )
        if label and label != "…":
            painter.setPen(text_color_on(color))
            painter.drawText(
                rect.adjusted(6, 0, -4, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )

    def _paint_empty(self, painter: QPainter, metrics: QFontMetrics) -> None:
        """The band row outlined, with the hint in it: the dates and events still show."""
        rect = QRectF(2, self.TICK_ROOM, max(1.0, self.width() - 4.0), self.BAND_HEIGHT)
        painter.setPen(QPen(QColor(BORDER), 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 3, 3)
        hint = metrics.elidedText(
            no_phases_hint(), Qt.TextElideMode.ElideRight, int(rect.width()) - 12
        )
        width = metrics.horizontalAdvance(hint) + 12
        behind = QRectF(rect.center().x() - width / 2, rect.top() + 4, width, rect.height() - 8)
        painter.fillRect(behind, self.palette().window())
        painter.setPen(QColor(MUTED))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, hint)

    def _paint_markers(self, painter: QPainter) -> None:
        painter.setPen(QPen(QColor(TEXT), 1.5))
        painter.drawLines(self._marker_ticks())
        today, start, end = self._today, self._start, self._end
        if today is not None and start is not None and end is not None and start <= today <= end:
            x = self._x(today)
            painter.setPen(QPen(QColor(TEXT), 2, Qt.PenStyle.DashLine))
            bottom = self.TICK_ROOM + self.BAND_HEIGHT + 3
            painter.drawLine(QPointF(x, self.TICK_ROOM - 4), QPointF(x, bottom))

    def _marker_ticks(self) -> list[QLineF]:
        """One line per half pixel (thousands of events on a few pixels look the same),
        placed once per width."""
        width, ticks = self._ticks
        if width != self.width():
            xs = sorted({round(self._x(day) * 2) / 2 for day in self._markers})
            ticks = [QLineF(x, 1, x, self.TICK_ROOM - 1) for x in xs]
            self._ticks = (self.width(), ticks)
        return ticks

    def _paint_axis(self, painter: QPainter, metrics: QFontMetrics) -> None:
        assert self._start is not None and self._end is not None
        top = self.TICK_ROOM + self.BAND_HEIGHT + 2
        painter.setPen(QPen(QColor(BORDER), 1))
        painter.drawLine(QPointF(2, top), QPointF(self.width() - 2, top))
        painter.setPen(QColor(MUTED))
        height = metrics.height()
        start_text, end_text = short_date(self._start), short_date(self._end)
        painter.drawText(QRectF(2, top + 2, 200, height), Qt.AlignmentFlag.AlignLeft, start_text)
        painter.drawText(
            QRectF(self.width() - 202, top + 2, 200, height), Qt.AlignmentFlag.AlignRight, end_text
        )
        taken = [
            (2.0, 2.0 + metrics.horizontalAdvance(start_text)),
            (self.width() - 2.0 - metrics.horizontalAdvance(end_text), self.width() - 2.0),
        ]
        for year in range(self._start.year + 1, self._end.year + 1):
            x = self._x(date(year, 1, 1))
            text = str(year)
            half = metrics.horizontalAdvance(text) / 2 + 6
            if any(a - half < x < b + half for a, b in taken):
                continue
            painter.drawLine(QPointF(x, top), QPointF(x, top + 3))
            painter.drawText(
                QRectF(x - half, top + 2, 2 * half, height), Qt.AlignmentFlag.AlignCenter, text
            )
            taken.append((x - half, x + half))

    # -- tooltips -----------------------------------------------------------------------

    def band_at(self, x: float) -> Band | None:
        for band in self._bands:
            rect = self._band_rect(band)
            if rect.left() <= x <= rect.right():
                return band
        return None

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent):
            band = self.band_at(event.pos().x()) if self._start else None
            if band is None:
                if self._start is not None and not self._bands:
                    QToolTip.showText(event.globalPos(), plain_tooltip(no_phases_hint()), self)
                else:
                    QToolTip.hideText()
                return True
            text = _("{phase}: {start} – {end}").format(
                phase=phase_name(band.phase),
                start=short_date(band.start),
                end=short_date(band.end - timedelta(days=1)),
            )
            if band.note:
                text += "\n" + band.note
            QToolTip.showText(event.globalPos(), plain_tooltip(text), self)
            return True
        return super().event(event)
