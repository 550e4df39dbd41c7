"""Editing the action plan's cells leaves no Qt warning behind (issue 16, item 19).

A commit that takes the row out of the filtered table made Qt commit the released editor a
second time: "QAbstractItemView::commitData called with an editor that does not belong to
this view". The messages Qt prints are captured while a user edits the cells.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.logging import QtLoggingPlugin
from pytestqt.qtbot import QtBot
from test_editing_seed import Seed, seed

from app.domain import Action, ActionStatus
from app.persistence import actions
from app.services.editing import Editor
from ui.context import AppContext
from ui.models.actions import PK_ROLE, ActionTableModel
from ui.pages.actions_page import ActionsPage
from ui.widgets.date_field import DateField

TODAY = date(2024, 2, 1)


@pytest.fixture
def seeded(context: AppContext) -> Seed:
    return seed(context.diary)


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, seeded: Seed) -> ActionsPage:
    editor = Editor(context.diary, context.undo)
    for text, due in (("Late", date(2024, 1, 20)), ("Also late", date(2024, 1, 25))):
        editor.create_action(
            seeded.partnership, Action(text, date(2024, 1, 15), due_on=due, owner=seeded.anna)
        )
    p = ActionsPage(context, today=TODAY)
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    p.show_partnership(seeded.partnership)
    return p


def _edit(qtbot: QtBot, page: ActionsPage, column: int, change: Callable[[QWidget], None]) -> int:
    """Open the editor of the first row's cell as a double click does and let ``change`` act."""
    index = page.proxy.index(0, column)
    pk = int(index.data(PK_ROLE))
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None and editor.parent() is page.table.viewport()
    change(editor)
    qtbot.wait(20)
    page.organization.setFocus()  # the user moves on
    qtbot.wait(20)
    return pk


def _commit_noise(qtlog: QtLoggingPlugin) -> list[str]:
    return [r.message for r in qtlog.records if "commitData" in r.message]


def test_marking_an_overdue_action_done_under_the_overdue_filter(
    qtbot: QtBot, page: ActionsPage, context: AppContext, qtlog: QtLoggingPlugin
) -> None:
    page.overdue.setChecked(True)
    assert page.proxy.rowCount() == 2

    def mark_done(editor: QWidget) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(ActionStatus.DONE.value))
        editor.activated.emit(editor.currentIndex())

    pk = _edit(qtbot, page, ActionTableModel.STATUS, mark_done)
    stored = actions.get_action(context.diary.db, pk)
    assert stored is not None and stored.status is ActionStatus.DONE
    assert page.proxy.rowCount() == 1  # the done action left the overdue list
    assert _commit_noise(qtlog) == []


def test_moving_a_due_date_out_of_the_overdue_filter(
    qtbot: QtBot, page: ActionsPage, context: AppContext, qtlog: QtLoggingPlugin
) -> None:
    page.overdue.setChecked(True)

    def postpone(editor: QWidget) -> None:
        assert isinstance(editor, DateField)
        editor.selectAll()
        qtbot.keyClicks(editor, "2024-06-30")
        qtbot.keyClick(editor, Qt.Key.Key_Return)

    pk = _edit(qtbot, page, ActionTableModel.DUE, postpone)
    stored = actions.get_action(context.diary.db, pk)
    assert stored is not None and stored.due_on == date(2024, 6, 30)
    assert page.proxy.rowCount() == 1
    assert _commit_noise(qtlog) == []


def test_changing_status_under_a_status_filter_and_the_owner_unfiltered(
    qtbot: QtBot, page: ActionsPage, context: AppContext, seeded: Seed, qtlog: QtLoggingPlugin
) -> None:
    page.status_filter.setCurrentIndex(page.status_filter.findData(ActionStatus.OPEN.value))
    assert page.proxy.rowCount() == 2

    def start(editor: QWidget) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(ActionStatus.IN_PROGRESS.value))
        editor.activated.emit(editor.currentIndex())

    _edit(qtbot, page, ActionTableModel.STATUS, start)
    assert page.proxy.rowCount() == 1

    def to_pekka(editor: QWidget) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(seeded.pekka))
        editor.activated.emit(editor.currentIndex())

    pk = _edit(qtbot, page, ActionTableModel.OWNER, to_pekka)
    stored = actions.get_action(context.diary.db, pk)
    assert stored is not None and stored.owner == seeded.pekka
    assert _commit_noise(qtlog) == []
