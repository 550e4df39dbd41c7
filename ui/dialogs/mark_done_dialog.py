"""Mark one checklist item done or not met: the date, a note, and an event or entry as evidence.

"Not met" says the item was looked at and is not fulfilled (a final meeting held without the
sponsors): it is never printed as completed. The note is the facilitator's own. Opened on an
item already marked, the dialog shows that mark to change (its note too). One undoable step.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.checklists import ChecklistItem
from app.domain import ChecklistMark, ValidationError
from app.domain.enums import MarkStatus
from app.i18n import _
from app.persistence.read import entries, events
from app.services import checklist
from ui.context import AppContext
from ui.style import MUTED, short_date
from ui.widgets.card import plain_label
from ui.widgets.date_field import DateRow


class MarkDoneDialog(QDialog):
    """Mark one item done or not met: the date, a note, and an event or entry as evidence.

    ``mark``: the item's mark to change (its status, date, note and evidence are shown);
    ``status``: the status chosen when the item has no mark yet.
    """

    def __init__(
        self,
        context: AppContext,
        pk: int,
        item: ChecklistItem,
        on: date,
        parent: QWidget | None = None,
        mark: ChecklistMark | None = None,
        status: MarkStatus = MarkStatus.DONE,
    ) -> None:
        super().__init__(parent)
        self.context, self.pk, self.item = context, pk, item
        self.setObjectName("markDoneDialog")
        self.setWindowTitle(_("Mark checklist item"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        title = plain_label(item.text(), wrap=True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        if item.why():
            why = plain_label(item.why(), wrap=True)
            why.setStyleSheet(f"color: {MUTED};")
            layout.addWidget(why)
        layout.addLayout(self._form(mark.marked_on if mark else on))
        chosen = mark.status if mark else status
        (self.done_choice if chosen == MarkStatus.DONE else self.not_met_choice).setChecked(True)
        if mark is not None:
            self.note.setPlainText(mark.note or "")
            self._choose_evidence(mark.evidence)
        self.error = plain_label("", "fieldError", wrap=True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _form(self, on: date) -> QFormLayout:
        self.done_choice = QRadioButton(_("Done"))
        self.done_choice.setObjectName("markDone")
        self.not_met_choice = QRadioButton(_("Not met"))
        self.not_met_choice.setObjectName("markNotMet")
        self.not_met_choice.setToolTip(
            _("Looked at and not fulfilled: never printed as completed. Say why in the note.")
        )
        group = QButtonGroup(self)
        group.addButton(self.done_choice)
        group.addButton(self.not_met_choice)
        choice = QHBoxLayout()
        choice.addWidget(self.done_choice)
        choice.addWidget(self.not_met_choice)
        choice.addStretch(1)
        self.day_row = DateRow(optional=False)
        self.day = self.day_row.field
        self.day.setObjectName("doneOn")
        self.day.set_date(on)
        self.note = QPlainTextEdit()
        self.note.setObjectName("doneNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.evidence_event = QComboBox()
        self.evidence_event.setObjectName("evidenceEvent")
        self.evidence_event.addItem(_("no evidence"), None)
        for e in reversed(events.list_events(self.context.diary.db, self.pk)):
            self.evidence_event.addItem(f"{short_date(e.day)} — {e.title}", e.id)
        self.entry = QComboBox()
        self.entry.setObjectName("evidenceEntry")
        for box in (self.evidence_event, self.entry):  # long titles must not squeeze labels
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(30)
        self.evidence_event.currentIndexChanged.connect(self._fill_entries)
        self._fill_entries()
        form = QFormLayout()
        form.addRow(_("Status"), choice)
        form.addRow(_("Marked on"), self.day_row)
        form.addRow(_("Note"), self.note)
        form.addRow(_("Evidence: event"), self.evidence_event)
        form.addRow(_("…or an entry in it"), self.entry)
        return form

    def _fill_entries(self) -> None:
        self.entry.clear()
        self.entry.addItem(_("the whole event"), None)
        event_id = self.evidence_event.currentData()
        if event_id is None:
            self.entry.setEnabled(False)
            return
        self.entry.setEnabled(True)
        for e in events.list_events(self.context.diary.db, self.pk):
            if e.id == event_id and e.pk is not None:
                for n in entries.list_entries(self.context.diary.db, e.pk):
                    text = " ".join(n.text.split())
                    self.entry.addItem(text if len(text) < 70 else text[:69] + "…", n.id)

    def _choose_evidence(self, evidence: str | None) -> None:
        """Show a stored evidence id: an event, or an entry in one of the events."""
        if evidence is None:
            return
        index = self.evidence_event.findData(evidence)
        if index >= 0:
            self.evidence_event.setCurrentIndex(index)
            return
        for i in range(1, self.evidence_event.count()):
            self.evidence_event.setCurrentIndex(i)
            found = self.entry.findData(evidence)
            if found >= 0:
                self.entry.setCurrentIndex(found)
                return
        self.evidence_event.setCurrentIndex(0)

    def status(self) -> MarkStatus:
        return MarkStatus.NOT_MET if self.not_met_choice.isChecked() else MarkStatus.DONE

    def evidence(self) -> str | None:
        entry = self.entry.currentData()
        return str(entry) if entry else self.evidence_event.currentData()

    def accept(self) -> None:
        day, problem = self.day.read()
        if problem or day is None:
            self.day.check()  # the message shows under the field; the text stays
            self.day.setFocus()
            return
        try:
            checklist.mark(
                self.context.diary,
                self.pk,
                self.item.id,
                day,
                self.status(),
                self.note.toPlainText(),
                self.evidence(),
                undo=self.context.undo,
            )
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
