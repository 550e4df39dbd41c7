"""Mark one checklist item done: the date, a note, and an event or entry as evidence."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.checklists import ChecklistItem
from app.domain import ValidationError
from app.i18n import _
from app.persistence.read import entries, events
from app.services import checklist
from ui.context import AppContext
from ui.style import MUTED, short_date
from ui.widgets.card import plain_label
from ui.widgets.date_field import DateRow


class MarkDoneDialog(QDialog):
    """Mark one item done: the date, a note, and an event or entry as evidence."""

    def __init__(
        self,
        context: AppContext,
        pk: int,
        item: ChecklistItem,
        on: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.pk, self.item = context, pk, item
        self.setObjectName("markDoneDialog")
        self.setWindowTitle(_("Mark checklist item done"))
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
        layout.addLayout(self._form(on))
        self.error = plain_label("", "fieldError", wrap=True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _form(self, on: date) -> QFormLayout:
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
        self.evidence_event.currentIndexChanged.connect(self._fill_entries)
        self._fill_entries()
        form = QFormLayout()
        form.addRow(_("Done on"), self.day_row)
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
            checklist.mark_done(
                self.context.diary,
                self.pk,
                self.item.id,
                day,
                self.note.toPlainText(),
                self.evidence(),
            )
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
