"""Planning an event: title, kind, date and time, duration, place, invitees and the agenda.

The agenda can start from a template of the kinds of session the research describes (values
workshop, focus group, plan-of-action meeting, feedback meeting). The next meeting remembers:
what is due by its date (open actions, decisions to review, ideas parked to be revisited) is
proposed as agenda items to tick in or out; a private one is proposed unticked, under a neutral
title (the agenda reaches the partners). Invitees are ticked by organization, or all at once
with "Invite everyone" and "Invite the sponsors". Nothing is stored until Create; then the
event is one undoable step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import Event, EventKind, Participant, ValidationError
from app.domain.labels import event_kind_name
from app.domain.model import format_when
from app.domain.validation import PLACE_MAX
from app.i18n import _
from app.persistence.read import partnerships
from app.services.agenda import AgendaTemplateError, Proposal, proposals, templates
from app.services.editing import Editor
from ui.widgets.agenda_editor import AgendaEditor
from ui.widgets.date_field import DateRow

PROPOSAL_ROLE = Qt.ItemDataRole.UserRole + 1


class NewEventDialog(QDialog):
    """Plans a new event of a partnership; ``created`` holds its key after Create."""

    def __init__(
        self,
        editor: Editor,
        partnership: int,
        parent: QWidget | None = None,
        *,
        day: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newEventDialog")
        self.setWindowTitle(_("New event"))
        self._editor, self._partnership = editor, partnership
        self.created: int | None = None
        self._title_typed = False
        self._template_ids: list[str] = []
        self._proposed: dict[tuple[str, int], str] = {}  # proposal → the agenda item made of it
        self._build(day or date.today())
        self.resize(980, 720)

    # -- layout ---------------------------------------------------------------------------

    def _build(self, day: date) -> None:
        form = QFormLayout()
        self.title = QLineEdit(_("Meeting"))
        self.title.setObjectName("newEventTitle")
        self.title.setMaxLength(200)
        self.title.textEdited.connect(lambda: setattr(self, "_title_typed", True))
        self.kind = QComboBox()
        for k in EventKind:
            self.kind.addItem(event_kind_name(k), k.value)
        self.kind.activated.connect(self._kind_chosen)
        self.template = QComboBox()
        self.template.setObjectName("agendaTemplate")
        self.template.addItem(_("no template"), None)
        try:
            for t in templates():
                self.template.addItem(t.title(), t.name)
        except AgendaTemplateError as exc:
            self.template.setToolTip(str(exc))
        self.template.activated.connect(self._template_chosen)
        kinds = QHBoxLayout()
        kinds.addWidget(self.kind)
        kinds.addWidget(QLabel(_("Agenda template")))
        kinds.addWidget(self.template, 1)
        self.day_row = DateRow(optional=False)
        self.day = self.day_row.field
        self.day.setObjectName("newEventDate")
        self.day.set_date(day)
        self._proposed_for = day
        self.day.editingFinished.connect(self._date_changed)
        self.day.date_chosen.connect(self._date_changed)
        self.has_time = QCheckBox(_("at"))
        self.has_time.setChecked(True)
        now = datetime.now()  # starting now: a meeting is often opened as it begins
        self.at = QTimeEdit(QTime(now.hour, now.minute))
        self.at.setDisplayFormat("HH:mm")
        self.has_time.toggled.connect(self.at.setEnabled)
        self.duration = QSpinBox()
        self.duration.setObjectName("newEventDuration")
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setValue(60)
        self.duration.setSuffix(" " + _("min"))
        self.duration.valueChanged.connect(lambda v: self.agenda.set_duration(v))
        when = QHBoxLayout()
        when.addWidget(self.day_row)
        for w in (self.has_time, self.at, QLabel(_("Duration")), self.duration):
            when.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        when.addStretch(1)
        self.place = QLineEdit()
        self.place.setObjectName("newEventPlace")
        self.place.setMaxLength(PLACE_MAX)
        self.place.setPlaceholderText(_("A room, an address or a meeting link"))
        form.addRow(_("Title"), self.title)
        form.addRow(_("Kind"), kinds)
        form.addRow(_("Date"), when)
        form.addRow(_("Place"), self.place)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._agenda_box())
        split.addWidget(self._invitees_box())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(_("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(split, 1)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self._fill_people()
        self.agenda.set_duration(self.duration.value())
        self._date_changed()

    def _agenda_box(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Agenda"))
        title.setObjectName("cardTitle")
        lay.addWidget(title)
        self.agenda = AgendaEditor()
        lay.addWidget(self.agenda, 3)
        self.remembered_title = QLabel(_("Carried over from earlier meetings"))
        self.remembered_title.setObjectName("cardTitle")
        lay.addWidget(self.remembered_title)
        self.remembered = QListWidget()
        self.remembered.setObjectName("rememberedItems")
        self.remembered.itemChanged.connect(self._proposal_ticked)
        lay.addWidget(self.remembered, 1)
        self.nothing_remembered = QLabel(_("Nothing is due by this date."))
        self.nothing_remembered.setObjectName("muted")
        lay.addWidget(self.nothing_remembered)
        return box

    def _invitees_box(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Invitees"))
        title.setObjectName("cardTitle")
        lay.addWidget(title)
        self.people = QTreeWidget()
        self.people.setObjectName("invitees")
        self.people.setHeaderHidden(True)
        lay.addWidget(self.people, 1)
        row = QHBoxLayout()
        self.everyone_button = _button(_("Invite everyone"), self.invite_everyone)
        self.sponsors_button = _button(_("Invite the sponsors"), self.invite_sponsors)
        self.nobody_button = _button(_("Nobody"), self.invite_nobody)
        for b in (self.everyone_button, self.sponsors_button, self.nobody_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        return box

    # -- people ---------------------------------------------------------------------------

    def _fill_people(self) -> None:
        db = self._editor.db
        orgs = partnerships.list_organizations(db, self._partnership)
        people = partnerships.list_people(db, self._partnership)
        self.agenda.set_people({p.pk: p.name for p in people if p.pk is not None})
        self._sponsors = {p.pk for p in people if p.sponsor and p.pk is not None}
        self.people.blockSignals(True)
        for org in orgs:
            top = QTreeWidgetItem([org.name])
            top.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsAutoTristate
            )
            top.setCheckState(0, Qt.CheckState.Unchecked)
            for person in (p for p in people if p.organization == org.pk):
                label = person.name + (" · " + _("sponsor") if person.sponsor else "")
                child = QTreeWidgetItem([label])
                child.setData(0, Qt.ItemDataRole.UserRole, person.pk)
                child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Unchecked)
                top.addChild(child)
            self.people.addTopLevelItem(top)
            top.setExpanded(True)
        self.people.blockSignals(False)
        self.sponsors_button.setEnabled(bool(self._sponsors))
        if not self._sponsors:
            self.sponsors_button.setToolTip(_("No sponsor is named yet: edit the partnership"))

    def _person_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for i in range(self.people.topLevelItemCount()):
            top = self.people.topLevelItem(i)
            for j in range(top.childCount() if top else 0):
                child = top.child(j) if top else None
                if child is not None:
                    found.append(child)
        return found

    def _tick(self, chosen: set[int] | None) -> None:
        for item in self._person_items():
            on = chosen is None or item.data(0, Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def invite_everyone(self) -> None:
        self._tick(None)

    def invite_sponsors(self) -> None:
        """Add the sponsors of every side to those already invited."""
        self._tick(self.invitees() | self._sponsors)

    def invite_nobody(self) -> None:
        self._tick(set())

    def invitees(self) -> set[int]:
        return {
            int(i.data(0, Qt.ItemDataRole.UserRole))
            for i in self._person_items()
            if i.checkState(0) == Qt.CheckState.Checked
        }

    # -- agenda ---------------------------------------------------------------------------

    def _kind_chosen(self) -> None:
        if not self._title_typed:
            self.title.setText(self.kind.currentText())

    def _template_chosen(self) -> None:
        name = self.template.currentData()
        for item_id in self._template_ids:
            self.agenda.remove_item(item_id)
        self._template_ids = []
        chosen = next((t for t in templates() if t.name == name), None) if name else None
        if chosen is None:
            return
        self.kind.setCurrentIndex(self.kind.findData(chosen.kind.value))
        if not self._title_typed:
            self.title.setText(chosen.title())
        self.duration.setValue(chosen.duration_minutes + self._carried_minutes())
        for item in chosen.agenda():
            self.agenda.add_item(item, self.agenda.model.rowCount())
            self._template_ids.append(item.id)

    def _carried_minutes(self) -> int:
        items = {i.id: i.minutes for i in self.agenda.items()}
        return sum(items.get(item_id, 0) for item_id in self._proposed.values())

    def _date_changed(self) -> None:
        """What is due by the new date: proposed again, keeping what was ticked."""
        day = self.day.date()
        if day is None:  # not a date (yet): what was proposed stays
            return
        self._proposed_for = day
        ticked = set(self._proposed)
        self.remembered.blockSignals(True)
        self.remembered.clear()
        found = proposals(self._editor.db, self._partnership, day)
        for p in found:
            item = QListWidgetItem(p.title)
            item.setData(PROPOSAL_ROLE, p)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setToolTip(
                _("Private: its words stay out of the agenda.\n{text}").format(text=p.detail)
                if p.private
                else p.detail
            )
            on = (p.source, p.pk) in ticked or (not ticked and not p.private)
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.remembered.addItem(item)
        self.remembered.blockSignals(False)
        keys = {(p.source, p.pk) for p in found}
        for key in [k for k in self._proposed if k not in keys]:
            self.agenda.remove_item(self._proposed.pop(key))
        for row in range(self.remembered.count()):
            self._proposal_ticked(self.remembered.item(row))
        self.nothing_remembered.setVisible(not found)
        self.remembered.setVisible(bool(found))

    def _proposal_ticked(self, item: QListWidgetItem) -> None:
        p: Proposal = item.data(PROPOSAL_ROLE)
        key = (p.source, p.pk)
        on = item.checkState() == Qt.CheckState.Checked
        if on and key not in self._proposed:
            made = p.item()
            self.agenda.add_item(made, len(self._proposed))  # what is carried over comes first
            self._proposed[key] = made.id
        elif not on and key in self._proposed:
            self.agenda.remove_item(self._proposed.pop(key))

    # -- creating -------------------------------------------------------------------------

    def planned(self) -> Event:
        """The event as planned in the dialog (not stored; its date as last read)."""
        day = self.day.date() or self._proposed_for
        t = self.at.time()
        at = time(t.hour(), t.minute()) if self.has_time.isChecked() else None
        e = Event(
            EventKind(self.kind.currentData()),
            self.title.text().strip(),
            format_when(day, at),
            self.duration.value(),
        )
        e.place = self.place.text().strip() or None
        e.agenda = self.agenda.items()
        chosen = self.invitees()
        e.participants = [
            Participant(pk, invited=True)
            for pk in (int(i.data(0, Qt.ItemDataRole.UserRole)) for i in self._person_items())
            if pk in chosen
        ]
        return e

    def accept(self) -> None:
        if not self.day.check():
            self.day.setFocus()
            return
        try:
            self.created = self._editor.create_event(self._partnership, self.planned())
        except ValidationError as exc:
            self.error.setText(_("Not created yet: {problem}").format(problem=exc))
            return
        super().accept()


def _button(text: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(lambda _c=False: slot())
    return button
