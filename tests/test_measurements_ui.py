"""Entering an objective's target and measurements (the action plan's "Measurements…"), and
the partnership's vision, pilot scope and smallest group in the partnership dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain import Objective, Role
from app.domain.enums import Direction
from app.persistence import partnerships as rows
from app.persistence.diary import Diary
from app.services.editing import Editor
from app.services.partnerships import OrganizationDraft, PartnershipDraft, create_partnership
from app.services.undo import UndoStack
from ui.dialogs.measurements_dialog import MeasurementsDialog, parse_number
from ui.dialogs.partnership_dialog import PartnershipDialog

SHOTS = Path("/tmp/shots/glance")


@pytest.fixture
def stored(diary: Diary) -> tuple[Editor, int, Objective]:
    pk = create_partnership(
        diary,
        PartnershipDraft(
            "Measured", date(2025, 1, 1), organizations=[OrganizationDraft("Acme", Role.CUSTOMER)]
        ),
    )
    editor = Editor(diary, UndoStack(diary))
    objective = Objective("Fewer absences", indicator="absences per person")
    editor.create_objective(pk, objective)
    return editor, pk, objective


def _dialog(qtbot: QtBot, stored: tuple[Editor, int, Objective]) -> MeasurementsDialog:
    editor, pk, objective = stored
    dialog = MeasurementsDialog(editor, pk, objective, today=date(2025, 6, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _measured(stored: tuple[Editor, int, Objective]) -> list[tuple[date, float, str | None]]:
    editor, pk, _objective = stored
    (o,) = rows.list_objectives(editor.db, pk)
    return [(m.measured_on, m.value, m.note) for m in o.measurements]


def test_numbers_are_read_with_a_point_or_a_comma() -> None:
    assert parse_number(" 3,5 ") == 3.5 and parse_number("−2") == -2 and parse_number("") is None
    for bad in ("abc", "1,2,3", "nan", "inf"):
        with pytest.raises(ValueError):
            parse_number(bad)


def test_a_measurement_is_added_deleted_and_brought_back(
    qtbot: QtBot, stored: tuple[Editor, int, Objective]
) -> None:
    dialog = _dialog(qtbot, stored)
    dialog.day.set_date(date(2025, 5, 31))
    qtbot.keyClicks(dialog.value, "3,4")
    qtbot.keyClicks(dialog.note, "before the pilot")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert _measured(stored) == [(date(2025, 5, 31), 3.4, "before the pilot")]
    assert dialog.table.rowCount() == 1 and dialog.value.text() == ""
    if SHOTS.is_dir():
        dialog.grab().save(str(SHOTS / "measurements-dialog-en.png"))

    dialog.table.setCurrentCell(0, 0)
    dialog.delete_button.click()
    assert _measured(stored) == [] and dialog.table.rowCount() == 0
    dialog.undo_button.click()
    assert _measured(stored) == [(date(2025, 5, 31), 3.4, "before the pilot")]


def test_a_value_that_is_not_a_number_changes_nothing_and_stays_typed(
    qtbot: QtBot, stored: tuple[Editor, int, Objective]
) -> None:
    dialog = _dialog(qtbot, stored)
    qtbot.keyClicks(dialog.value, "about ten")
    dialog.add_button.click()
    assert _measured(stored) == []
    assert dialog.value.text() == "about ten"
    assert dialog.message.isVisible() and "number" in dialog.message.text()
    dialog.value.clear()
    dialog.add_button.click()
    assert _measured(stored) == [] and dialog.message.text() == "Type the measured value first."


def test_the_target_value_unit_and_direction_are_saved_and_undone(
    qtbot: QtBot, stored: tuple[Editor, int, Objective]
) -> None:
    editor, pk, _objective = stored
    dialog = _dialog(qtbot, stored)
    qtbot.keyClicks(dialog.target, "2,0")
    qtbot.keyClicks(dialog.unit, "per person")
    dialog.direction.setCurrentIndex(dialog.direction.findData(Direction.DOWN.value))
    dialog.accept()
    (o,) = rows.list_objectives(editor.db, pk)
    assert (o.target_value, o.unit, o.direction) == (2.0, "per person", Direction.DOWN)
    editor.undo.undo()
    (o,) = rows.list_objectives(editor.db, pk)
    assert (o.target_value, o.unit, o.direction) == (None, None, None)


def test_a_bad_target_keeps_the_dialog_open(
    qtbot: QtBot, stored: tuple[Editor, int, Objective]
) -> None:
    editor, pk, _objective = stored
    dialog = _dialog(qtbot, stored)
    qtbot.keyClicks(dialog.target, "eighty")
    dialog.accept()
    assert dialog.isVisible() and dialog.message.isVisible()
    (o,) = rows.list_objectives(editor.db, pk)
    assert o.target_value is None


def test_the_partnership_dialog_edits_vision_pilot_and_smallest_group(
    qtbot: QtBot, diary: Diary
) -> None:
    pk = create_partnership(
        diary,
        PartnershipDraft(
            "Settings", date(2025, 1, 1), organizations=[OrganizationDraft("Acme", Role.CUSTOMER)]
        ),
    )
    dialog = PartnershipDialog(diary, pk=pk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.group_size.value() == 3
    assert (dialog.group_size.minimum(), dialog.group_size.maximum()) == (2, 50)
    dialog.group_size.setValue(1)  # below the range: the box keeps 2
    assert dialog.group_size.value() == 2
    dialog.group_size.setValue(5)
    dialog.vision.setPlainText("Every worker well")
    dialog.pilot_scope.setPlainText("Two depots")
    if SHOTS.is_dir():
        dialog.grab().save(str(SHOTS / "partnership-dialog-en.png"))
    dialog.ok_button.click()
    stored = rows.get_partnership(diary.db, pk)
    assert stored is not None
    assert (stored.vision, stored.pilot_scope, stored.min_group_size) == (
        "Every worker well",
        "Two depots",
        5,
    )
    again = PartnershipDialog(diary, pk=pk)
    qtbot.addWidget(again)
    assert again.group_size.value() == 5 and again.vision.toPlainText() == "Every worker well"


def test_a_measurement_date_that_cannot_be_read_is_refused(
    qtbot: QtBot, stored: tuple[Editor, int, Objective]
) -> None:
    dialog = _dialog(qtbot, stored)
    dialog.day.clear()
    qtbot.keyClicks(dialog.day, "2025-02-30")
    qtbot.keyClicks(dialog.value, "3,4")
    qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
    assert _measured(stored) == []  # nothing stored, nothing guessed
    assert dialog.day.text() == "2025-02-30" and "2025-02-30" in dialog.message.text()
    dialog.day.clear()
    qtbot.keyClicks(dialog.day, "2025-2-28")  # ISO without leading zeros
    qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
    assert _measured(stored) == [(date(2025, 2, 28), 3.4, None)]
