"""How the diary's vocabularies look: translated names, small painted icons, locale dates.

Entry types and visibility are always shown by colour AND icon AND text, so they read for
colour-blind users and in grey-scale. Icons are painted in code (no font glyphs that may be
missing on a machine).
"""

from __future__ import annotations

from datetime import date
from functools import cache

from PySide6.QtCore import QDate, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

from app.domain import EntryType, Visibility
from app.domain.labels import entry_type_name
from app.domain.model import parse_when
from app.i18n import _
from ui.style import ACCENT, DANGER, ENTRY_COLORS, SUCCESS, short_date, text_color_on

# The order of the capture buttons and of Ctrl+1..7.
CAPTURE_TYPES: tuple[EntryType, ...] = (
    EntryType.IDEA,
    EntryType.DECISION,
    EntryType.OBSTACLE,
    EntryType.OBSERVATION,
    EntryType.ACCOMPLISHMENT,
    EntryType.ASSESSMENT,
    EntryType.NOTE,
)


def visibility_name(v: Visibility) -> str:
    return _("Private") if v is Visibility.PRIVATE else _("Shared")


PRIVATE_COLOR = "#7B4F9D"
SHARED_COLOR = SUCCESS


def visibility_color(v: Visibility) -> QColor:
    return QColor(PRIVATE_COLOR if v is Visibility.PRIVATE else SHARED_COLOR)


# -- icons ----------------------------------------------------------------------------------


def _canvas(size: int) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def entry_letter(t: EntryType) -> str:
    """The letters on a type's icon: its initial, or more of its name when a type before it
    has that initial ("O" Obstacle, "Ob" Observation; "A" Accomplishment, "As" Assessment)."""
    taken: set[str] = set()
    for kind in EntryType:
        name = entry_type_name(kind).strip() or kind.value
        n = 1
        while name[:n].capitalize() in taken and n < len(name):
            n += 1
        letters = name[:n].capitalize()
        if kind is t:
            return letters
        taken.add(letters)
    raise ValueError(t)


@cache
def entry_icon(t: EntryType, size: int = 18) -> QIcon:
    """A coloured disc with the type's letters (``entry_letter``), one type's never another's."""
    pixmap, painter = _canvas(size)
    color = QColor(ENTRY_COLORS[t])
    painter.setBrush(color)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    font = QFont()
    font.setBold(True)
    letters = entry_letter(t)
    font.setPixelSize(int(size * (0.6 if len(letters) == 1 else 0.46)))
    painter.setFont(font)
    painter.setPen(text_color_on(color))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letters)
    painter.end()
    return QIcon(pixmap)


@cache
def event_icon(size: int = 18) -> QIcon:
    """A small calendar sheet: a hit in an event's title or purpose."""
    pixmap, painter = _canvas(size)
    painter.setPen(QPen(QColor(ACCENT), 1.4))
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawRoundedRect(QRectF(2, 3, size - 4, size - 5), 2, 2)
    painter.setBrush(QColor(ACCENT))
    painter.drawRect(QRectF(2, 3, size - 4, size * 0.28))
    painter.end()
    return QIcon(pixmap)


@cache
def visibility_icon(v: Visibility, size: int = 16) -> QIcon:
    """A closed padlock for private, two heads for shared."""
    pixmap, painter = _canvas(size)
    color = visibility_color(v)
    painter.setPen(QPen(color, 1.6))
    if v is Visibility.PRIVATE:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(size * 0.28, size * 0.08, size * 0.44, size * 0.5), 0, 180 * 16)
        painter.drawLine(QPointF(size * 0.28, size * 0.33), QPointF(size * 0.28, size * 0.48))
        painter.drawLine(QPointF(size * 0.72, size * 0.33), QPointF(size * 0.72, size * 0.48))
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(size * 0.18, size * 0.45, size * 0.64, size * 0.48), 2, 2)
    else:
        painter.setBrush(color)
        for cx in (0.32, 0.68):
            painter.drawEllipse(QPointF(size * cx, size * 0.32), size * 0.14, size * 0.14)
            painter.drawChord(
                QRectF(size * (cx - 0.22), size * 0.55, size * 0.44, size * 0.6), 0, 180 * 16
            )
    painter.end()
    return QIcon(pixmap)


@cache
def warning_icon(size: int = 16) -> QIcon:
    """A small triangle with an exclamation mark (for "not yet specific")."""
    pixmap, painter = _canvas(size)
    painter.setBrush(QColor("#E8A33D"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawPolygon([QPointF(size / 2, 1), QPointF(size - 1, size - 1), QPointF(1, size - 1)])
    painter.setPen(QPen(QColor("#1F2A33"), 1.6))
    painter.drawLine(QPointF(size / 2, size * 0.38), QPointF(size / 2, size * 0.68))
    painter.drawPoint(QPointF(size / 2, size * 0.82))
    painter.end()
    return QIcon(pixmap)


OVERDUE_COLOR = DANGER


# -- dates in the user's locale -------------------------------------------------------------


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def locale_date(day: date | None) -> str:
    if day is None:
        return ""
    # The one date format of the application: the default locale, four-digit year.
    return short_date(day)


def locale_when(when: str) -> str:
    """An event's date (and time, when it has one) in the user's locale."""
    try:
        day, at = parse_when(when)
    except ValueError:
        return when
    text = locale_date(day)
    if at is not None:
        text += " " + at.strftime("%H:%M")
    return text
