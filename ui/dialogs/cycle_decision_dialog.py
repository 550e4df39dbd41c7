"""Record the partners' decision at the end of a cycle: the outcome, the date, a note and the
event where it was taken.

"Renegotiate" moves the partnership back to negotiation on that day and "End the partnership"
into the phase "ended"; the dialog says so before OK. The note is the facilitator's own (it is
never printed for the partners). The decision is one undoable step (Edit ▸ Undo).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import EventKind, ValidationError
from app.domain.enums import Outcome
from app.domain.labels import outcome_name
from app.i18n import N_, _
from app.persistence.read import events
from app.services import cycle
from ui.context import AppContext
from ui.style import short_date
from ui.widgets.card import plain_label
from ui.widgets.date_field import DateRow

# What each outcome does besides being recorded, said before the facilitator confirms.
EFFECTS = {
    Outcome.CONTINUE: N_(
        "The partnership goes on as it is; set a new planned end if there is one."
    ),
    Outcome.RENEGOTIATE: N_(
        "The partnership moves back to negotiation on the day of the decision."
    ),
    Outcome.ROUTINE: N_("The work becomes part of the partners' ordinary routine."),
    Outcome.END: N_(
        "The partnership moves into the phase “ended” on the day of the decision. No further "
        "warnings are given."
    ),
}


class CycleDecisionDialog(QDialog):
    """Record the partners' decision for the partnership ``pk`` (default date ``on``)."""

    def __init__(
        self, context: AppContext, pk: int, on: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.pk = context, pk
        self.setObjectName("cycleDecisionDialog")
        self.setWindowTitle(_("Record the partners' decision"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = plain_label(
            _(
                "At the end of a cycle the partners assess what they achieved and decide how to "
                "go on (Ring & Van de Ven)."
            ),
            "muted",
            wrap=True,
        )
        layout.addWidget(intro)
        self.outcomes = QButtonGroup(self)
        choices = QVBoxLayout()
        for i, outcome in enumerate(Outcome):
            button = QRadioButton(outcome_name(outcome))
            button.setObjectName(f"outcome_{outcome.value}")
            self.outcomes.addButton(button, i)
            choices.addWidget(button)
        self.outcomes.button(0).setChecked(True)
        self.effect = plain_label("", "muted", wrap=True)
        self.effect.setObjectName("decisionEffect")
        self.outcomes.idToggled.connect(lambda _i, _on: self._show_effect())
        form = QFormLayout()
        form.addRow(_("Decision"), choices)
        form.addRow("", self.effect)
        self.day_row = DateRow(optional=False)
        self.day = self.day_row.field
        self.day.setObjectName("decidedOn")
        self.day.set_date(on)
        form.addRow(_("Decided on"), self.day_row)
        self.taken_at = QComboBox()
        self.taken_at.setObjectName("decisionEvent")
        self.taken_at.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.taken_at.setMinimumContentsLength(36)
        self.taken_at.addItem(_("no event"), None)
        found = events.list_events(context.diary.db, pk)
        for e in reversed(found):
            self.taken_at.addItem(f"{short_date(e.day)} — {e.title}", e.pk)
        final = [e for e in found if e.final_evaluation and e.kind == EventKind.FEEDBACK_MEETING]
        if final:
            self.taken_at.setCurrentIndex(max(0, self.taken_at.findData(final[-1].pk)))
        form.addRow(_("Taken at"), self.taken_at)
        self.note = QPlainTextEdit()
        self.note.setObjectName("decisionNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.note.setPlaceholderText(_("Why the partners decided so (your own note)"))
        form.addRow(_("Note"), self.note)
        layout.addLayout(form)
        self.error = plain_label("", "fieldError", wrap=True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Record decision"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_effect()

    def outcome(self) -> Outcome:
        return list(Outcome)[max(0, self.outcomes.checkedId())]

    def _show_effect(self) -> None:
        self.effect.setText(_(EFFECTS[self.outcome()]))

    def accept(self) -> None:
        day, problem = self.day.read()
        if problem or day is None:
            self.day.check()
            self.day.setFocus()
            return
        try:
            cycle.record_decision(
                self.context.diary,
                self.pk,
                self.outcome(),
                day,
                self.note.toPlainText(),
                self.taken_at.currentData(),
                undo=self.context.undo,
            )
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
