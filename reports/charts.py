"""Vector drawings of a report: the phase timeline and the commitment chart.

Both must read in black-and-white print, so phases differ by shade and label, and the chart's
lines differ by dash pattern and marker shape as well as by colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.dates import month_year
from app.report.model import PhaseSpan, Series
from reports.fonts import BOLD, FAMILY
from reports.labels import PHASES, Tr, short_date
from reports.styles import ACCENT, INK, MUTED, RULE

# Light to dark greys: phases stay distinguishable when printed without colour.
_PHASE_FILLS = {
    "negotiation": colors.HexColor("#dfe6ee"),
    "commitment": colors.HexColor("#b9c7d6"),
    "execution": colors.HexColor("#8ea3ba"),
    "ended": colors.HexColor("#f4f4f4"),
}
# (colour, dash pattern, marker): each line differs in all three.
_LINE_LOOKS = (
    (colors.HexColor("#1d4e89"), None, "FilledCircle"),
    (colors.HexColor("#b5562b"), [5, 3], "FilledSquare"),
    (colors.HexColor("#2f7d4a"), [1.5, 2.5], "FilledTriangle"),
    (colors.HexColor("#6b3fa0"), [7, 2, 1.5, 2], "FilledDiamond"),
)


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose text state starts in our font (no unembedded Helvetica in the PDF)."""
    d = Drawing(width, height)
    d.initialFontName = FAMILY
    return d


def _x_scale(start: date, end: date, left: float, width: float) -> tuple[float, float]:
    """Offset and points per day mapping dates onto ``left .. left + width``."""
    days = max((end - start).days, 1)
    return left, width / days


def phase_timeline(
    spans: Sequence[PhaseSpan], as_of: date, width: float, tr: Tr, language: str
) -> Drawing:
    """A horizontal bar of the phases from the first move to ``as_of`` with a 'now' marker."""
    height = 62.0
    d = _drawing(width, height)
    if not spans:
        return d
    start = spans[0].start
    end = max(as_of, spans[-1].start + timedelta(days=30))
    left, per_day = _x_scale(start, end, 0, width)
    bar_y, bar_h = 24.0, 20.0
    last_label_end = -100.0
    for span in spans:
        x0 = left + (span.start - start).days * per_day
        x1 = left + ((span.end or end) - start).days * per_day
        d.add(
            Rect(
                x0,
                bar_y,
                max(x1 - x0, 0.5),
                bar_h,
                fillColor=_PHASE_FILLS[span.phase.value],
                strokeColor=colors.white,
                strokeWidth=1,
            )
        )
        label = tr(PHASES[span.phase])
        if stringWidth(label, BOLD, 8) + 6 < x1 - x0:
            d.add(String(x0 + 4, bar_y + 7, label, fontName=BOLD, fontSize=8, fillColor=INK))
        d.add(Line(x0, bar_y, x0, bar_y - 5, strokeColor=MUTED, strokeWidth=0.6))
        date_label = short_date(span.start, language)
        label_end = x0 + stringWidth(date_label, FAMILY, 7)
        # Phases close together would print their dates over each other: skip the later one.
        if label_end <= width and x0 >= last_label_end + 4:
            d.add(String(x0, bar_y - 13, date_label, fontName=FAMILY, fontSize=7, fillColor=MUTED))
            last_label_end = label_end
    now_x = left + (min(as_of, end) - start).days * per_day
    top = bar_y + bar_h
    d.add(
        Polygon(
            [now_x - 4, top + 8, now_x + 4, top + 8, now_x, top + 1],
            fillColor=ACCENT,
            strokeColor=ACCENT,
        )
    )
    now_label = tr("now")
    label_x = min(max(now_x - stringWidth(now_label, BOLD, 7) / 2, 0), width - 25)
    d.add(String(label_x, top + 10, now_label, fontName=BOLD, fontSize=7, fillColor=ACCENT))
    return d


def _chart_range(series: Sequence[Series], spans: Sequence[PhaseSpan]) -> tuple[date, date]:
    days = [day for s in series for day, _ in s.points]
    start, end = min(days), max(days)
    if start == end:
        start, end = start - timedelta(days=15), end + timedelta(days=15)
    pad = timedelta(days=max((end - start).days // 20, 1))
    return start - pad, end + pad


def commitment_chart(
    series: Sequence[Series], spans: Sequence[PhaseSpan], width: float, tr: Tr, language: str
) -> Drawing:
    """Each side's commitment score (1–5) per rated event over time, over the phase bands."""
    height = 210.0
    d = _drawing(width, height)
    left, bottom, right, top = 30.0, 52.0, 8.0, 20.0
    plot_w, plot_h = width - left - right, height - bottom - top
    start, end = _chart_range(series, spans)
    x0, per_day = _x_scale(start, end, left, plot_w)

    def x(day: date) -> float:
        return x0 + (day - start).days * per_day

    def y(value: float) -> float:
        return bottom + (value - 1) / 4 * plot_h

    _phase_bands(d, spans, start, end, x, bottom, plot_h, tr)
    for value in range(1, 6):
        d.add(Line(left, y(value), left + plot_w, y(value), strokeColor=RULE, strokeWidth=0.4))
        d.add(String(left - 10, y(value) - 3, str(value), fontName=FAMILY, fontSize=7.5))
    d.add(Line(left, bottom, left + plot_w, bottom, strokeColor=INK, strokeWidth=0.8))
    _date_ticks(d, start, end, x, bottom, language)
    for i, s in enumerate(series):
        colour, dash, marker = _LINE_LOOKS[i % len(_LINE_LOOKS)]
        pts = [(x(day), y(v)) for day, v in s.points]
        if len(pts) > 1:
            d.add(
                PolyLine(
                    [c for p in pts for c in p],
                    strokeColor=colour,
                    strokeWidth=1.6,
                    strokeDashArray=dash,
                )
            )
        for px, py in pts:
            d.add(_marker(marker, colour, px, py))
    _legend(d, series, left, width, 22)
    return d


def _marker(kind: str, colour: colors.Color, px: float, py: float) -> Any:
    m = makeMarker(kind, size=5.5, fillColor=colour, strokeColor=colors.white, strokeWidth=0.5)
    m.x, m.y = px, py
    return m


def _phase_bands(
    d: Drawing,
    spans: Sequence[PhaseSpan],
    start: date,
    end: date,
    x: Callable[[date], float],
    bottom: float,
    plot_h: float,
    tr: Tr,
) -> None:
    for span in spans:
        s0 = max(span.start, start)
        s1 = min(span.end or end, end)
        if s0 >= s1:
            continue
        a, b = x(s0), x(s1)
        fill = _PHASE_FILLS[span.phase.value]
        d.add(Rect(a, bottom, b - a, plot_h, fillColor=fill, strokeColor=None, fillOpacity=0.45))
        label = tr(PHASES[span.phase])
        if stringWidth(label, FAMILY, 7) + 4 < b - a:
            d.add(
                String(
                    a + 3, bottom + plot_h + 4, label, fontName=FAMILY, fontSize=7, fillColor=MUTED
                )
            )


def _date_ticks(
    d: Drawing, start: date, end: date, x: Callable[[date], float], bottom: float, language: str
) -> None:
    """Month ticks (every few months on long spans) labelled with the month's first day."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = max(1, -(-months // 8))
    day = date(start.year, start.month, 1)
    while day <= end:
        if day >= start:
            px = x(day)
            d.add(Line(px, bottom, px, bottom - 3, strokeColor=INK, strokeWidth=0.6))
            label = month_year(day, language)
            d.add(String(px, bottom - 12, label, fontName=FAMILY, fontSize=7, textAnchor="middle"))
        month = day.month - 1 + step
        day = date(day.year + month // 12, month % 12 + 1, 1)


def _legend(d: Drawing, series: Sequence[Series], left: float, width: float, base: float) -> None:
    """Sample line, marker and name per series; wraps to a second row when names are long."""
    px = left
    for i, s in enumerate(series):
        colour, dash, marker = _LINE_LOOKS[i % len(_LINE_LOOKS)]
        name = s.organization if len(s.organization) <= 60 else s.organization[:57] + "…"
        needed = 31 + stringWidth(name, FAMILY, 8)
        if px > left and px + needed > width:
            px, base = left, base - 14
        d.add(
            Line(
                px,
                base + 3,
                px + 26,
                base + 3,
                strokeColor=colour,
                strokeWidth=1.6,
                strokeDashArray=dash,
            )
        )
        d.add(_marker(marker, colour, px + 13, base + 3))
        d.add(String(px + 31, base, name, fontName=FAMILY, fontSize=8, fillColor=INK))
        px += needed + 18
