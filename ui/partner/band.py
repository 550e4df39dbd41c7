"""The coloured band across the top of the window in partner view, readable across a room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from app.i18n import _

BAND_COLOR = "#0b6e4f"  # a deep green: white text on it passes WCAG AAA


class PartnerBand(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Partner view"), parent)
        self.setObjectName("partnerBand")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPointSize(26)
        font.setBold(True)
        self.setFont(font)
        self.setMinimumHeight(64)
        self.setStyleSheet(f"background: {BAND_COLOR}; color: white; padding: 8px;")
        self.setAccessibleName(_("Partner view"))
