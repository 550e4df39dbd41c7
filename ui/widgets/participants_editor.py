"""The participants of an event: a table with invited/attended check boxes and ways to add people.

``ParticipantsEditor`` picks people of the partnership, marks invited and attended, and adds a
new person inline; it reports every change with ``changed`` and the event form stores the event.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import Organization, Participant, Person, ValidationError
from app.i18n import _
from app.persistence.read import partnerships
from app.services.editing import Editor


class ParticipantsEditor(QWidget):
    """A table of participants with invited/attended check boxes and ways to add people."""

    changed = Signal()
    problem = Signal(str)

    NAME, ORGANIZATION, INVITED, ATTENDED = range(4)

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._partnership: int | None = None
        self._people: dict[int, Person] = {}
        self._orgs: dict[int, Organization] = {}
        self._participants: list[Participant] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setMaximumHeight(180)
        self.table.setObjectName("participants")
        self.table.setHorizontalHeaderLabels(
            [_("Person"), _("Organization"), _("Invited"), _("Attended")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.ORGANIZATION, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        lay.addWidget(self.table, 1)
        lay.addLayout(self._pick_row())
        lay.addLayout(self._new_person_row())

    def _pick_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.pick = QComboBox()
        self.pick.setObjectName("pickPerson")
        self.add_button = QPushButton(_("Add participant"))
        self.add_button.clicked.connect(self.add_picked)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.pick, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        return row

    def _new_person_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newPersonName")
        self.new_name.setPlaceholderText(_("New person's name"))
        self.new_name.returnPressed.connect(self.add_new_person)
        self.new_org = QComboBox()
        self.new_org.setObjectName("newPersonOrganization")
        self.new_button = QPushButton(_("Add new person"))
        self.new_button.clicked.connect(self.add_new_person)
        row.addWidget(self.new_name, 1)
        row.addWidget(self.new_org)
        row.addWidget(self.new_button)
        return row

    # -- data -----------------------------------------------------------------------------

    def set_participants(self, partnership: int | None, participants: list[Participant]) -> None:
        self._partnership = partnership
        db = self._editor.db
        self._people = (
            {p.pk: p for p in partnerships.list_people(db, partnership) if p.pk is not None}
            if partnership is not None
            else {}
        )
        self._orgs = (
            {o.pk: o for o in partnerships.list_organizations(db, partnership) if o.pk is not None}
            if partnership is not None
            else {}
        )
        self._participants = [Participant(p.person, p.invited, p.attended) for p in participants]
        self._fill()

    def participants(self) -> list[Participant]:
        return [Participant(p.person, p.invited, p.attended) for p in self._participants]

    def _fill(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._participants))
        for row, part in enumerate(self._participants):
            person = self._people.get(part.person)
            org = self._orgs.get(person.organization) if person else None
            for col, text in (
                (self.NAME, person.name if person else "?"),
                (self.ORGANIZATION, org.name if org else ""),
            ):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, col, item)
            for col, on in ((self.INVITED, part.invited), (self.ATTENDED, part.attended)):
                item = QTableWidgetItem()
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self._fill_choices()

    def _fill_choices(self) -> None:
        taken = {p.person for p in self._participants}
        self.pick.clear()
        for pk, person in self._people.items():
            if pk not in taken:
                org = self._orgs.get(person.organization)
                label = f"{person.name} ({org.name})" if org else person.name
                self.pick.addItem(label, pk)
        self.add_button.setEnabled(self.pick.count() > 0)
        current = self.new_org.currentData()
        self.new_org.clear()
        for pk, org in self._orgs.items():
            self.new_org.addItem(org.name, pk)
        if current is not None and self.new_org.findData(current) >= 0:
            self.new_org.setCurrentIndex(self.new_org.findData(current))

    # -- changes --------------------------------------------------------------------------

    def _item_changed(self, item: QTableWidgetItem) -> None:
        part = self._participants[item.row()]
        on = item.checkState() == Qt.CheckState.Checked
        if item.column() == self.INVITED:
            part.invited = on
        elif item.column() == self.ATTENDED:
            part.attended = on
        else:
            return
        self.changed.emit()

    def add_person(self, person: int, *, attended: bool = False) -> None:
        if person in {p.person for p in self._participants}:
            return
        self._participants.append(Participant(person, invited=True, attended=attended))
        self._fill()
        self.changed.emit()

    def add_picked(self) -> None:
        pk = self.pick.currentData()
        if pk is not None:
            self.add_person(int(pk))

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            del self._participants[row]
        if rows:
            self._fill()
            self.changed.emit()

    def add_new_person(self) -> None:
        name = self.new_name.text().strip()
        org = self.new_org.currentData()
        if self._partnership is None:
            return
        if org is None:
            self.problem.emit(_("Add an organization to the partnership first."))
            return
        try:
            pk = self._editor.add_person(self._partnership, Person(name, int(org)))
        except ValidationError as exc:
            self.problem.emit(_("The person was not added: {problem}").format(problem=exc))
            return
        self.new_name.clear()
        self._people[pk] = Person(name, int(org), pk=pk)
        self.add_person(pk)
