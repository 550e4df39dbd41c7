"""Small building blocks of the pages: a titled card, a figure with its caption, a chip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.style import text_color_on


def plain_label(text: str = "", object_name: str | None = None, wrap: bool = False) -> QLabel:
    """A label that always shows its text literally (user text may contain ``<b>``)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


class Card(QFrame):
    """A white rounded panel with a small heading; put content into ``body``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 10, 14, 12)
        outer.setSpacing(8)
        self.title_label = plain_label(title, "cardTitle")
        outer.addWidget(self.title_label)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer.addLayout(self.body)


class Stat(Card):
    """A card with one large number and a line of explanation under it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.value_label = plain_label("–", "statValue")
        self.caption_label = plain_label("", "muted", wrap=True)
        self.body.addWidget(self.value_label)
        self.body.addWidget(self.caption_label)

    def set_value(self, value: int, caption: str = "", alert: bool = False) -> None:
        self.value_label.setText(str(value))
        name = "statValueAlert" if alert else "statValue"
        if self.value_label.objectName() != name:
            self.value_label.setObjectName(name)
            # Re-polish so the style sheet rule of the new object name applies.
            self.value_label.style().unpolish(self.value_label)
            self.value_label.style().polish(self.value_label)
        self.caption_label.setText(caption)


def chip(text: str, background: str) -> QLabel:
    """A small rounded label in a colour, text in black or white to stay readable."""
    label = plain_label()
    set_chip(label, text, background)
    return label


def set_chip(label: QLabel, text: str, background: str) -> None:
    """Turn ``label`` into a chip showing ``text`` on ``background``."""
    foreground = text_color_on(QColor(background)).name()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setStyleSheet(
        f"background: {background}; color: {foreground}; border-radius: 9px; "
        "padding: 2px 9px; font-weight: 600;"
    )


def row(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    """Widgets side by side, packed to the left."""
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return layout
