"""Park or decline an idea: the reason, and for a parked idea the date to revisit it.

OK records the fate through ``app.services.ideas`` (one undo step); a refusal (no reason, no
date, a date that cannot be read) is shown in the dialog and what was typed stays.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import Entry, ValidationError
from app.domain.enums import Fate
from app.i18n import _
from app.services import ideas
from app.services.editing import Editor
from ui.style import MUTED
from ui.widgets.card import plain_label
from ui.widgets.date_field import DateRow

# A parked idea comes back after about a quarter by default: the next plan-of-action round.
REVISIT_AFTER = timedelta(days=91)


class FateDialog(QDialog):
    """Park (``Fate.PARKED``) or decline (``Fate.DECLINED``) one idea."""

    def __init__(
        self,
        editor: Editor,
        entry: Entry,
        fate: Fate,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fateDialog")
        self.editor, self.entry, self.fate = editor, entry, fate
        self.today = today or date.today()
        parked = fate is Fate.PARKED
        self.setWindowTitle(_("Park the idea") if parked else _("Decline the idea"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        idea = plain_label(_("The idea:") + " " + entry.text, "fateIdea", wrap=True)
        idea.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(idea)
        form = QFormLayout()
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("fateReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.reason.setPlaceholderText(
            _("Why it waits (for example: after the pilot's results)")
            if parked
            else _("Why the partners do not pursue it")
        )
        if entry.fate is not None and entry.fate.status is fate:
            self.reason.setPlainText(entry.fate.reason)
        form.addRow(_("Reason"), self.reason)
        self.revisit = DateRow(optional=False)
        self.revisit.setObjectName("fateRevisit")
        if parked:
            old = entry.fate.revisit_on if entry.fate is not None else None
            self.revisit.field.set_date(old or self.today + REVISIT_AFTER)
            form.addRow(_("Revisit on"), self.revisit)
        else:
            self.revisit.hide()
        layout.addLayout(form)
        self.error = plain_label("", "fieldError", wrap=True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            _("Park") if parked else _("Decline")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def accept(self) -> None:
        pk = self.entry.pk
        assert pk is not None
        reason = self.reason.toPlainText()
        try:
            if self.fate is Fate.PARKED:
                day, problem = self.revisit.field.read()
                if problem:
                    self.revisit.field.check()
                    self.revisit.field.setFocus()
                    return
                ideas.park_idea(self.editor, pk, reason=reason, revisit_on=day, today=self.today)
            else:
                ideas.decline_idea(self.editor, pk, reason=reason, today=self.today)
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
