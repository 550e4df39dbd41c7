"""An objective's numeric target and its dated measurements (the action plan's "Measurements…").

The target value, its unit and which way is better are saved with Save; a measurement (date,
value, note) is stored at once with Add, each one an undoable step (Undo in the dialog, or Ctrl+Z
afterwards). A value that is not a number is refused with a message and nothing is stored; what
was typed stays in the field.
"""

from __future__ import annotations

import copy
import math
from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import Objective, ValidationError
from app.domain.enums import Direction
from app.domain.model import Measurement
from app.i18n import _
from app.persistence.read import partnerships
from app.services.editing import Editor
from app.services.measuring import add_measurement, delete_measurement
from ui.models.look import locale_date
from ui.widgets.card import plain_label
from ui.widgets.date_field import DateField


def parse_number(text: str) -> float | None:
    """A number typed with a decimal point or comma ("12,5"); None for an empty field.

    Raises ``ValueError`` for anything else.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    cleaned = cleaned.replace("−", "-")
    if not cleaned:
        return None
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


class MeasurementsDialog(QDialog):
    """Edit one objective's target and measurements."""

    def __init__(
        self,
        editor: Editor,
        partnership_pk: int,
        objective: Objective,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("measurementsDialog")
        self.editor, self.partnership_pk = editor, partnership_pk
        self.objective = objective
        self.setWindowTitle(_("Measurements"))
        self._build(today or date.today())
        self._load_target()
        self.reload()
        self.resize(620, 520)

    # -- construction -------------------------------------------------------------------

    def _build(self, today: date) -> None:
        title = plain_label(self.objective.text, "cardTitle", wrap=True)
        indicator = self.objective.indicator or _("no indicator yet")
        measured_by = plain_label(
            _("Measured by: {indicator}").format(indicator=indicator), "muted"
        )
        self.target = QLineEdit()
        self.target.setObjectName("targetValueEdit")
        self.target.setPlaceholderText(_("e.g. 80"))
        self.unit = QLineEdit()
        self.unit.setObjectName("unitEdit")
        self.unit.setPlaceholderText(_("e.g. %"))
        self.direction = QComboBox()
        self.direction.setObjectName("directionBox")
        self.direction.addItem(_("Not set"), None)
        self.direction.addItem(_("Higher is better"), Direction.UP.value)
        self.direction.addItem(_("Lower is better"), Direction.DOWN.value)
        form = QFormLayout()
        form.addRow(_("&Target value:"), self.target)
        form.addRow(_("U&nit:"), self.unit)
        form.addRow(_("&Better when:"), self.direction)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("measurementTable")
        self.table.setHorizontalHeaderLabels([_("Date"), _("Value"), _("Note")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.day = DateField(optional=False)
        self.day.setObjectName("measuredOnEdit")
        self.day.set_date(today)
        self.day.returnPressed.connect(self.add)
        self.value = QLineEdit()
        self.value.setObjectName("measuredValueEdit")
        self.value.setPlaceholderText(_("Value"))
        self.note = QLineEdit()
        self.note.setObjectName("measurementNoteEdit")
        self.note.setPlaceholderText(_("Note (optional)"))
        self.add_button = QPushButton(_("&Add"))
        self.add_button.setObjectName("addMeasurementButton")
        self.add_button.clicked.connect(self.add)
        self.value.returnPressed.connect(self.add)
        self.note.returnPressed.connect(self.add)
        adding = QHBoxLayout()
        adding.addWidget(self.day)
        adding.addWidget(self.value)
        adding.addWidget(self.note, 1)
        adding.addWidget(self.add_button)

        self.delete_button = QPushButton(_("&Delete measurement"))
        self.delete_button.setObjectName("deleteMeasurementButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(_("&Undo"))
        self.undo_button.setObjectName("undoMeasurementButton")
        self.undo_button.clicked.connect(self.undo)
        undo_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo_key.activated.connect(self.undo)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.activated.connect(self.delete_selected)
        below = QHBoxLayout()
        below.addWidget(self.delete_button)
        below.addWidget(self.undo_button)
        below.addStretch(1)

        self.message = plain_label("", "fieldError", wrap=True)
        self.message.hide()
        self.status = plain_label("", "muted", wrap=True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(measured_by)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(QLabel(_("Measurements")))
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        layout.addLayout(adding)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.value.setFocus()

    def _load_target(self) -> None:
        o = self.objective
        self.target.setText(number_text(o.target_value))
        self.unit.setText(o.unit or "")
        wanted = o.direction.value if o.direction else None
        self.direction.setCurrentIndex(max(0, self.direction.findData(wanted)))

    # -- the list -------------------------------------------------------------------------

    def reload(self) -> None:
        stored = partnerships.list_objectives(self.editor.db, self.partnership_pk)
        found = next((o for o in stored if o.pk == self.objective.pk), None)
        self.measurements = sorted(
            found.measurements if found else [], key=lambda m: (m.measured_on, m.pk or 0)
        )
        self.table.setRowCount(len(self.measurements))
        for row, m in enumerate(self.measurements):
            for col, text in enumerate((locale_date(m.measured_on), f"{m.value:g}", m.note or "")):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.delete_button.setEnabled(bool(self.measurements))

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def add(self) -> None:
        day, problem = self.day.read()
        if problem or day is None:
            self.day.check()  # the typed text stays to be corrected
            self._show_problem(problem)
            self.day.setFocus()
            return
        try:
            value = parse_number(self.value.text())
        except ValueError:
            self._show_problem(_("The value must be a number, for example 42 or 3,5."))
            self.value.setFocus()
            return
        if value is None:
            self._show_problem(_("Type the measured value first."))
            self.value.setFocus()
            return
        m = Measurement(day, value, self.note.text().strip() or None)
        try:
            add_measurement(self.editor, self.partnership_pk, self._pk(), m)
        except ValidationError as exc:
            self._show_problem(str(exc))
            return
        self._show_problem("")
        self.value.clear()
        self.note.clear()
        self.status.setText(_("Measurement added."))
        self.reload()
        self.value.setFocus()

    def delete_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.measurements):
            return
        delete_measurement(self.editor, self.partnership_pk, self._pk(), self.measurements[row])
        self.status.setText(_("Measurement deleted. Undo brings it back (Ctrl+Z)."))
        self.reload()

    def undo(self) -> None:
        label = self.editor.undo.undo()
        if label:
            self.status.setText(_("Undone: {what}").format(what=label))
        self.reload()

    def _pk(self) -> int:
        if self.objective.pk is None:
            raise ValueError("the objective is not stored")
        return self.objective.pk

    # -- saving the target ----------------------------------------------------------------

    def accept(self) -> None:
        try:
            target = parse_number(self.target.text())
        except ValueError:
            self._show_problem(_("The target value must be a number, for example 80."))
            self.target.setFocus()
            return
        stored = partnerships.list_objectives(self.editor.db, self.partnership_pk)
        found = next((o for o in stored if o.pk == self.objective.pk), None)
        if found is None:
            super().reject()
            return
        edited = copy.deepcopy(found)
        edited.target_value = target
        edited.unit = self.unit.text().strip() or None
        chosen = self.direction.currentData()
        edited.direction = Direction(chosen) if chosen else None
        try:
            self.editor.edit_objective(self.partnership_pk, edited)
        except ValidationError as exc:
            self._show_problem(str(exc))
            return
        super().accept()
