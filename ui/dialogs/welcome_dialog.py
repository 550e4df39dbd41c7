"""The first-start dialog of an empty diary: load the demonstration or create a partnership."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.style import app_icon
from ui.widgets.card import plain_label


class WelcomeChoice(Enum):
    DEMO = "demo"
    NEW = "new"
    EMPTY = "empty"


class WelcomeDialog(QDialog):
    """Offers the two ways to begin; ``choice`` holds what the user picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(_("Welcome to Kumppani"))
        self.choice = WelcomeChoice.EMPTY

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(QSize(64, 64)))
        heading = plain_label(_("Welcome to Kumppani"), "pageTitle")
        intro = plain_label(
            _(
                "Kumppani is a diary and a guide for facilitating co-creation between "
                "organizations, such as an employer and its occupational health service "
                "provider. Your diary is empty. How would you like to begin?"
            ),
            wrap=True,
        )
        self.demo_button = QCommandLinkButton(
            _("Load the demonstration partnership"),
            _(
                "A fictional two-year partnership with workshops, interviews, a pilot, "
                "decisions, actions and ratings, to explore what Kumppani shows."
            ),
        )
        self.demo_button.setObjectName("demoButton")
        self.new_button = QCommandLinkButton(
            _("Create a new partnership"),
            _("Name the partnership and its organizations, and start the diary."),
        )
        self.new_button.setObjectName("newButton")
        self.demo_button.clicked.connect(lambda: self._choose(WelcomeChoice.DEMO))
        self.new_button.clicked.connect(lambda: self._choose(WelcomeChoice.NEW))
        buttons = QDialogButtonBox()
        later = buttons.addButton(
            _("Start with an empty diary"), QDialogButtonBox.ButtonRole.RejectRole
        )
        later.setObjectName("emptyButton")
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(heading)
        text.addWidget(intro)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.new_button)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.demo_button.setDefault(True)
        self.resize(560, 380)

    def _choose(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept()
