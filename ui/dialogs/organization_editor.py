"""One organization in the partnership dialog: its name and role, and a table of its people.

Part of ``partnership_dialog``. A stored organization or person (one with a ``pk``) cannot be
removed here because events and actions may refer to it; new rows can.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import Level, Role
from app.domain.labels import level_name, role_name
from app.i18n import _
from app.services.partnerships import OrganizationDraft, PersonDraft
from ui.widgets.card import plain_label

NAME, TITLE, EMAIL, LEVEL, SPONSOR = range(5)
PK_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_BACKGROUND = QColor("#FBE3E4")


def field_name(field: str) -> str:
    """The name of a person's or organization's field, in words."""
    return {"name": _("name"), "title": _("job title"), "email": _("e-mail")}.get(field, field)


class OrganizationEditor(QFrame):
    """Name, role and people of one organization."""

    changed = Signal(str)  # the field touched, e.g. "organizations[0].name"
    remove_requested = Signal(object)

    def __init__(self, draft: OrganizationDraft, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.index = index
        self.pk = draft.pk
        self.touched_name = False
        self.touched_people = False
        self._build()
        self.name.setText(draft.name)
        self.role.setCurrentIndex(max(0, self.role.findData(draft.role.value)))
        for person in draft.people:
            self.add_person(person)
        self.touched_name = False
        self.touched_people = False

    def _build(self) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("organizationName")
        self.name.setPlaceholderText(_("Organization name"))
        self.role = QComboBox()
        self.role.setObjectName("organizationRole")
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setEnabled(self.pk is None)
        if self.pk is not None:
            self.remove_button.setToolTip(
                _("A stored organization stays: events and actions may refer to it.")
            )
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.name_error = plain_label("", "fieldError", wrap=True)
        self.name_error.hide()

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("peopleTable")
        self.table.setHorizontalHeaderLabels(
            [_("Name"), _("Job title"), _("E-mail"), _("Level"), _("Sponsor")]
        )
        email_header = self.table.horizontalHeaderItem(EMAIL)
        if email_header is not None:
            email_header.setToolTip(_("Optional: used only for calendar invitations"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EMAIL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LEVEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SPONSOR, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.itemChanged.connect(self._item_changed)
        # Leaving a cell, even unchanged, is when its problems become the user's to see.
        self.table.itemDelegate().closeEditor.connect(lambda *_a: self._people_touched())
        self.table.currentCellChanged.connect(lambda *_a: self._update_remove_person())
        self.people_error = plain_label("", "fieldError", wrap=True)
        self.people_error.hide()
        add = QPushButton(_("Add person"))
        add.setObjectName("addPersonButton")
        add.clicked.connect(self._add_new_person)
        self.remove_person_button = QPushButton(_("Remove person"))
        self.remove_person_button.clicked.connect(self._remove_person)
        self.remove_person_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.role)
        top.addWidget(self.remove_button)
        people_buttons = QHBoxLayout()
        people_buttons.addWidget(add)
        people_buttons.addWidget(self.remove_person_button)
        people_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.name_error)
        layout.addWidget(self.table)
        layout.addWidget(self.people_error)
        layout.addLayout(people_buttons)
        self._fit_table()

        self.name.textChanged.connect(lambda: self._name_touched())
        self.role.currentIndexChanged.connect(lambda: self.changed.emit(self._field("role")))

    def _field(self, name: str) -> str:
        return f"organizations[{self.index}].{name}"

    def _name_touched(self) -> None:
        self.touched_name = True
        self.changed.emit(self._field("name"))

    # -- people -------------------------------------------------------------------------

    def add_person(self, person: PersonDraft) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        name = QTableWidgetItem(person.name)
        name.setData(PK_ROLE, person.pk)
        self.table.setItem(row, NAME, name)
        self.table.setItem(row, TITLE, QTableWidgetItem(person.title or ""))
        self.table.setItem(row, EMAIL, QTableWidgetItem(person.email or ""))
        level = QComboBox()
        level.addItem("—", None)
        for value in Level:
            level.addItem(level_name(value), value.value)
        level.setCurrentIndex(max(0, level.findData(person.level.value if person.level else None)))
        level.currentIndexChanged.connect(lambda: self._people_touched())
        self.table.setCellWidget(row, LEVEL, level)
        sponsor = QTableWidgetItem()
        sponsor.setToolTip(_("Sponsor"))
        sponsor.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        sponsor.setCheckState(Qt.CheckState.Checked if person.sponsor else Qt.CheckState.Unchecked)
        self.table.setItem(row, SPONSOR, sponsor)
        self.table.blockSignals(False)
        self._fit_table()
        return row

    def _add_new_person(self) -> None:
        row = self.add_person(PersonDraft(""))
        self.table.setCurrentCell(row, NAME)
        item = self.table.item(row, NAME)
        if item is not None:
            self.table.editItem(item)
        # Not "touched" yet: the empty name is no mistake before the user has typed (or left
        # the cell); the dialog only re-checks, so that OK waits for the name.
        self.changed.emit(self._field("people"))

    def _remove_person(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self._row_pk(row) is None:
            self.table.removeRow(row)
            self._fit_table()
            self._people_touched()

    def _row_pk(self, row: int) -> int | None:
        item = self.table.item(row, NAME)
        pk = item.data(PK_ROLE) if item is not None else None
        return pk if isinstance(pk, int) else None

    def _update_remove_person(self) -> None:
        row = self.table.currentRow()
        self.remove_person_button.setEnabled(row >= 0 and self._row_pk(row) is None)

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        self._people_touched()

    def _people_touched(self) -> None:
        self.touched_people = True
        self.changed.emit(self._field("people"))

    def _fit_table(self) -> None:
        rows = max(1, self.table.rowCount())
        height = self.table.horizontalHeader().sizeHint().height()
        height += rows * self.table.verticalHeader().defaultSectionSize() + 4
        self.table.setFixedHeight(height)

    # -- reading and showing problems ---------------------------------------------------

    def draft(self) -> OrganizationDraft:
        people = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, NAME)
            title = self.table.item(row, TITLE)
            email = self.table.item(row, EMAIL)
            level = self.table.cellWidget(row, LEVEL)
            sponsor = self.table.item(row, SPONSOR)
            level_value = level.currentData() if isinstance(level, QComboBox) else None
            people.append(
                PersonDraft(
                    name=name.text() if name else "",
                    title=(title.text() if title else "") or None,
                    email=(email.text().strip() if email else "") or None,
                    level=Level(level_value) if level_value else None,
                    sponsor=bool(sponsor and sponsor.checkState() == Qt.CheckState.Checked),
                    pk=self._row_pk(row),
                )
            )
        return OrganizationDraft(
            name=self.name.text(), role=Role(self.role.currentData()), people=people, pk=self.pk
        )

    def shows(self, field: str) -> bool:
        """Whether a problem of ``field`` (a path under this organization) is shown yet."""
        if field == self._field("name"):
            return self.touched_name
        return field.startswith(self._field("people")) and self.touched_people

    def show_problems(self, problems: dict[str, str], show_all: bool = False) -> None:
        """Show the problems of this organization; untouched fields stay quiet unless show_all."""
        name_problem = problems.get(self._field("name"))
        visible = name_problem if (self.touched_name or show_all) else None
        self.name_error.setText(f"{field_name('name')}: {visible}" if visible else "")
        self.name_error.setVisible(bool(visible))
        lines = []
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            prefix = self._field(f"people[{row}].")
            row_problems = [
                f"{field_name(field.removeprefix(prefix))}: {message}"
                for field, message in problems.items()
                if field.startswith(prefix)
            ]
            for column in (NAME, TITLE, EMAIL):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush(ERROR_BACKGROUND) if row_problems else QBrush())
            if row_problems:
                lines.append(_("Person {n}, {problem}").format(n=row + 1, problem=row_problems[0]))
        self.table.blockSignals(False)
        shown = lines if (self.touched_people or show_all) else []
        self.people_error.setText("\n".join(shown))
        self.people_error.setVisible(bool(shown))
