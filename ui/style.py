"""The look of Kumppani: the palette, the colours of phases, roles and entry types, and icons.

Every page takes its colours from here so that a phase is the same colour in the timeline, the
history and the commitment plot. Colours are chosen to stay distinguishable in grey-scale print
(they differ in lightness, not only in hue) and are always paired with a text label.
"""

from __future__ import annotations

import html
from datetime import date
from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QDate, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from app.domain import EntryType, Phase, Role

# -- named colours --------------------------------------------------------------------------

ACCENT = "#2F6F8F"  # selection, links, primary buttons
ACCENT_LIGHT = "#D7E7EF"
WINDOW = "#F3F5F7"
CARD = "#FFFFFF"
BORDER = "#D5DBE1"
TEXT = "#1F2A33"
MUTED = "#5F6B76"
WARNING = "#B3541E"
DANGER = "#A4262C"
SUCCESS = "#2E7D4F"

# Light → medium → dark: the order of the phases reads in grey-scale too.
PHASE_COLORS: dict[Phase, str] = {
    Phase.NEGOTIATION: "#F2C76E",
    Phase.COMMITMENT: "#6FA3CF",
    Phase.EXECUTION: "#3D7A5A",
    Phase.ENDED: "#9A9A9A",
}

# Colours of the two sides; the plot also varies line style so print stays readable.
ROLE_COLORS: dict[Role, str] = {
    Role.CUSTOMER: "#1F4E79",
    Role.PROVIDER: "#D9822B",
    Role.FACILITATOR: "#6B6B6B",
    Role.OTHER: "#7B4F9D",
}

ENTRY_COLORS: dict[EntryType, str] = {
    EntryType.NOTE: "#7A8691",
    EntryType.IDEA: "#C99A06",
    EntryType.DECISION: "#2F6F8F",
    EntryType.OBSTACLE: "#A4262C",
    EntryType.OBSERVATION: "#7B4F9D",
    EntryType.ACCOMPLISHMENT: "#2E7D4F",
    EntryType.ASSESSMENT: "#0F7C7C",
}


def phase_color(phase: Phase) -> QColor:
    return QColor(PHASE_COLORS[phase])


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (by perceived lightness)."""
    r, g, b = background.red(), background.green(), background.blue()
    lightness = 0.299 * r + 0.587 * g + 0.114 * b
    return QColor("#1F2A33") if lightness > 150 else QColor("#FFFFFF")


def plain_tooltip(text: str) -> str:
    """A tooltip that shows user text literally (Qt would otherwise guess it is markup)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def short_date(day: date) -> str:
    """A date in the user's locale, short form (ISO when no locale is set, as in the C locale)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return day.isoformat()
    # The short format with a four-digit year: "15.1.2024", "1/15/2024" (never "1/15/24").
    return locale.toString(QDate(day.year, day.month, day.day), date_edit_format())


def date_edit_format() -> str:
    """The display format for date fields, matching ``short_date`` but with a 4-digit year."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    text = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


# -- translated names of the vocabularies ---------------------------------------------------


# -- application-wide look ------------------------------------------------------------------


def calm_palette() -> QPalette:
    """A light, low-contrast-background palette with a single blue-green accent."""
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: CARD,
        QPalette.ColorRole.AlternateBase: "#F7F9FA",
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: "#FBFCFD",
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.ToolTipBase: "#FFFFF4",
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.PlaceholderText: "#8A949D",
        QPalette.ColorRole.Mid: BORDER,
    }
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9AA3AB"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#9AA3AB"))
    return palette


STYLE_SHEET = f"""
QFrame#card {{
    background: {CARD};
    border: 1px solid {BORDER};
    border-radius: 6px;
}}
QLabel#cardTitle {{
    color: {MUTED};
    font-weight: 600;
}}
QLabel#pageTitle {{
    font-size: 18pt;
    font-weight: 600;
}}
QLabel#muted {{
    color: {MUTED};
}}
QLabel#fieldError {{
    color: {DANGER};
}}
QLabel#statValue {{
    font-size: 20pt;
    font-weight: 600;
}}
QLabel#statValueAlert {{
    font-size: 20pt;
    font-weight: 600;
    color: {DANGER};
}}
QListView#partnershipList {{
    background: {CARD};
    border: none;
}}
QWidget#leftPane {{
    background: {CARD};
    border-right: 1px solid {BORDER};
}}
QPushButton#newPartnershipButton {{
    text-align: left;
    padding: 10px 12px;
    color: {ACCENT};
    font-weight: 600;
    border: none;
    border-top: 1px solid {BORDER};
}}
QPushButton#newPartnershipButton:hover {{
    background: #EEF3F6;
}}
QTabWidget::pane {{
    border: none;
}}
QCommandLinkButton {{
    background: {CARD};
    border: 1px solid {BORDER};
    border-radius: 6px;
    padding: 8px;
}}
QCommandLinkButton:hover, QCommandLinkButton:focus {{
    border: 1px solid {ACCENT};
    background: #F4F9FB;
}}
QScrollArea#pageScroll, QWidget#pageBody {{
    background: {WINDOW};
    border: none;
}}
"""


def apply_style(app: QApplication) -> None:
    """Fusion with the calm palette: the same look on every platform, in light colours."""
    app.setStyle("Fusion")
    app.setPalette(calm_palette())
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)


@cache
def app_icon() -> QIcon:
    """The Kumppani icon, drawn from the SVG in resources/icons at several sizes."""
    from PySide6.QtSvg import QSvgRenderer

    data = resources.files("resources").joinpath("icons/kumppani.svg").read_bytes()
    renderer = QSvgRenderer(QByteArray(data))
    icon = QIcon()
    if not renderer.isValid():
        return icon
    for size in (16, 24, 32, 48, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
