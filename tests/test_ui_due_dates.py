"""Typing due dates into the action plan: the locale's format with or without leading zeros and
ISO are stored as typed; what cannot be read is refused with a message, the typed text stays
and nothing is stored. The editors are wide enough to read what is typed or chosen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot
from test_editing_seed import Seed, seed

from app.domain import Action, Entry, EntryType, Event, EventKind, Visibility
from app.i18n import set_language
from app.persistence import actions
from app.services.editing import Editor
from ui.context import AppContext
from ui.models.actions import PK_ROLE, ActionTableModel
from ui.pages.actions_page import ActionsPage
from ui.widgets.date_field import DateField

LOCALES = {"en": QLocale("en_GB"), "fi": QLocale("fi_FI")}
# (language, typed, stored): the locale's form, without leading zeros, and ISO, in each.
TYPED = [
    ("en", "15/01/2027", date(2027, 1, 15)),
    ("en", "5/3/2027", date(2027, 3, 5)),
    ("en", "2027-01-15", date(2027, 1, 15)),
    ("fi", "15.1.2027", date(2027, 1, 15)),
    ("fi", "05.03.2027", date(2027, 3, 5)),
    ("fi", "2027-1-15", date(2027, 1, 15)),
]


@pytest.fixture(params=["en", "fi"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    previous = QLocale()
    set_language(str(request.param))
    QLocale.setDefault(LOCALES[str(request.param)])
    yield str(request.param)
    set_language("en")
    QLocale.setDefault(previous)


@pytest.fixture
def seeded(context: AppContext) -> Seed:
    return seed(context.diary)


def _page(qtbot: QtBot, context: AppContext, seeded: Seed) -> ActionsPage:
    editor = Editor(context.diary, context.undo)
    editor.create_action(
        seeded.partnership,
        Action("Map the referral path", date(2024, 1, 15), due_on=date(2026, 12, 15)),
    )
    p = ActionsPage(context, today=date(2024, 2, 1))
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    p.show_partnership(seeded.partnership)
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow)
    return p


def _open(page: ActionsPage, column: int) -> QWidget:
    index = page.proxy.index(0, column)
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    editor = page.table.indexWidget(index)
    assert editor is not None and QApplication.focusWidget() is editor
    return editor


def _stored_due(page: ActionsPage) -> date | None:
    pk = int(page.proxy.index(0, 0).data(PK_ROLE))
    return actions.get_action(page.editor.db, pk).due_on  # type: ignore[union-attr]


@pytest.mark.parametrize(("language", "typed", "stored"), TYPED)
def test_due_dates_typed_in_the_locale_format_or_iso(
    qtbot: QtBot, context: AppContext, seeded: Seed, language: str, typed: str, stored: date
) -> None:
    previous = QLocale()
    QLocale.setDefault(LOCALES[language])
    try:
        page = _page(qtbot, context, seeded)
        editor = _open(page, ActionTableModel.DUE)
        assert isinstance(editor, DateField)
        editor.selectAll()
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits once control returns
        qtbot.waitUntil(lambda: _stored_due(page) == stored)
        assert context.undo.undo_text == "edit action"
    finally:
        QLocale.setDefault(previous)


def test_a_date_that_cannot_be_read_is_refused_and_kept(
    qtbot: QtBot, context: AppContext, seeded: Seed, lang: str
) -> None:
    page = _page(qtbot, context, seeded)
    editor = _open(page, ActionTableModel.DUE)
    assert isinstance(editor, DateField)
    typed = "15/13/2027" if lang == "en" else "31.2.2027"
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)  # the view would commit once control returns: it was not asked to
    assert _stored_due(page) == date(2026, 12, 15)  # nothing stored, nothing guessed
    assert editor.isVisible() and editor.text() == typed  # still open, the text kept
    expected = {
        "en": "\u201c15/13/2027\u201d is not a date. Type it as 15/01/2027 or 2027-01-15.",
        "fi": "\u201d31.2.2027\u201d ei ole päivämäärä. Kirjoita se muodossa 15.1.2027 tai "
        "2027-01-15.",
    }[lang]
    assert page.status.text() == expected and page.status.isVisible()
    assert editor.problem() == expected
    # Leaving the cell does not store it either; the message stays.
    page.organization.setFocus()
    qtbot.wait(20)
    assert _stored_due(page) == date(2026, 12, 15)
    assert page.status.text() == expected


def test_the_due_and_owner_editors_are_wide_enough_to_read(
    qtbot: QtBot, context: AppContext, seeded: Seed, lang: str
) -> None:
    page = _page(qtbot, context, seeded)
    # Narrow columns, as a long action text leaves them.
    page.table.horizontalHeader().setSectionResizeMode(
        ActionTableModel.DUE, page.table.horizontalHeader().ResizeMode.Interactive
    )
    page.table.setColumnWidth(ActionTableModel.DUE, 40)
    page.table.setColumnWidth(ActionTableModel.OWNER, 40)
    due = _open(page, ActionTableModel.DUE)
    assert isinstance(due, DateField)
    metrics = due.fontMetrics()
    assert due.width() >= metrics.horizontalAdvance(due.text()) + 20
    assert due.width() >= due.sizeHint().width()
    assert due.geometry().right() <= page.table.viewport().width()
    qtbot.keyClick(due, Qt.Key.Key_Escape)
    owner = _open(page, ActionTableModel.OWNER)
    assert isinstance(owner, QComboBox)
    longest = max(metrics.horizontalAdvance(owner.itemText(i)) for i in range(owner.count()))
    assert owner.width() >= longest + 20


def test_an_action_shows_the_idea_it_was_made_from(
    qtbot: QtBot, context: AppContext, seeded: Seed
) -> None:
    editor = Editor(context.diary, context.undo)
    event = editor.create_event(
        seeded.partnership, Event(EventKind.MEETING, "Kick-off", "2024-02-01T09:00", 60)
    )
    idea = editor.create_entry(
        seeded.partnership, Entry(event, EntryType.IDEA, "Ask the CEO", Visibility.PRIVATE)
    )
    editor.make_action(seeded.partnership, idea, today=date(2024, 2, 1))
    page = ActionsPage(context, today=date(2024, 2, 1))
    qtbot.addWidget(page)
    page.show_partnership(seeded.partnership)
    tip = page.actions_model.index(0, ActionTableModel.TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Made from the idea: Ask the CEO (a private entry)" in tip
    assert "Private action: it is not in partner reports." in tip


def test_the_phase_dialog_reads_the_locale_format_and_refuses_the_rest(
    qtbot: QtBot, context: AppContext, seeded: Seed, lang: str
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from app.persistence import partnerships
    from ui.dialogs.phase_dialog import PhaseDialog

    dialog = PhaseDialog(context, seeded.partnership, date(2024, 3, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.correct_radio.setChecked(True)
    before = partnerships.list_phases(context.diary.db, seeded.partnership)
    bad, good = ("30/02/2024", "29/2/2024") if lang == "en" else ("30.2.2024", "29.2.2024")
    for typed in (bad, "2024-02-30", "1 March"):
        dialog.day.clear()
        qtbot.keyClicks(dialog.day, typed)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.isVisible() and dialog.day.text() == typed
        assert dialog.day_row.message.isVisible() and typed in dialog.day_row.message.text()
        assert partnerships.list_phases(context.diary.db, seeded.partnership) == before
    dialog.day.clear()
    qtbot.keyClicks(dialog.day, good)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    moves = partnerships.list_phases(context.diary.db, seeded.partnership)
    assert date(2024, 2, 29) in [m.from_on for m in moves]
