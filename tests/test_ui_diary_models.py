"""The diary's Qt models pass qtmodeltester; lists read lazily; the window opens search hits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_editing_seed import Seed, seed

from app.domain import Action, ActionStatus, Entry, EntryType, Event, EventKind, Objective
from app.persistence import entries as entries_repo
from app.persistence import events
from app.persistence import partnerships as partnership_rows
from app.persistence.diary import Diary
from app.persistence.search import Filters
from app.services.editing import Editor
from app.services.undo import UndoStack
from ui.application import build_main_window
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.models.actions import ActionFilterModel, ActionTableModel, ObjectiveTableModel
from ui.models.events import EntryTableModel, EventTableModel
from ui.models.search import SearchResultModel
from ui.pages.diary_page import DiaryPage
from ui.pages.history_page import HistoryPage


@pytest.fixture
def filled(diary: Diary) -> tuple[Editor, Seed, int]:
    editor = Editor(diary, UndoStack(diary))
    s = seed(diary)
    event = editor.create_event(s.partnership, Event(EventKind.MEETING, "Kick-off", "2024-02-01"))
    for n in range(250):
        kind = EntryType.IDEA if n % 3 == 0 else EntryType.NOTE
        editor.create_entry(s.partnership, Entry(event, kind, f"entry number {n} <b>x</b>"))
    made = date(2024, 1, 15)
    editor.create_action(s.partnership, Action("Late", made, due_on=date(2024, 1, 20)))
    editor.create_action(
        s.partnership, Action("Done", made, status=ActionStatus.DONE, done_on=made, owner=s.anna)
    )
    editor.create_objective(s.partnership, Objective("Fewer sick days"))
    editor.create_objective(s.partnership, Objective("Active staff", indicator="share active"))
    return editor, s, event


def test_event_and_entry_models(
    qapp: object, qtmodeltester: ModelTester, filled: tuple[Editor, Seed, int]
) -> None:
    editor, s, event = filled
    events = EventTableModel(editor)
    events.set_partnership(s.partnership)
    qtmodeltester.check(events)
    entries = EntryTableModel(editor)
    entries.set_event(event)
    # Lazy: one page first, the rest as the view asks for more.
    assert entries.rowCount() == EntryTableModel.PAGE
    assert entries.canFetchMore()
    qtmodeltester.check(entries)
    entries.fetch_all()
    assert entries.rowCount() == 250 and not entries.canFetchMore()


def test_action_and_objective_models(
    qapp: object, qtmodeltester: ModelTester, filled: tuple[Editor, Seed, int]
) -> None:
    editor, s, _ = filled
    actions = ActionTableModel(editor, today=date(2024, 2, 1))
    actions.set_partnership(s.partnership)
    qtmodeltester.check(actions)
    proxy = ActionFilterModel(actions)
    proxy.set_filter(overdue_only=True)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1
    objectives = ObjectiveTableModel(editor)
    objectives.set_partnership(s.partnership)
    qtmodeltester.check(objectives)
    marks = [objectives.index(r, ObjectiveTableModel.SPECIFIC).data() for r in range(2)]
    assert marks == [
        "Not yet specific: no indicator, no target, no owner, no due date",
        "Not yet specific: no target, no owner, no due date",
    ]
    # Indicator, target, due date and owner are edited in place; the marker says what is missing
    # until all four are there.
    first = objectives.index(0, ObjectiveTableModel.INDICATOR)
    assert objectives.setData(first, "sick days per person")
    assert objectives.setData(objectives.index(0, ObjectiveTableModel.DUE), QDate(2025, 6, 30))
    assert objectives.setData(objectives.index(0, ObjectiveTableModel.OWNER), s.pekka)
    [stored, _] = partnership_rows.list_objectives(editor.db, s.partnership)
    assert (stored.indicator, stored.due_on, stored.owner) == (
        "sick days per person",
        date(2025, 6, 30),
        s.pekka,
    )
    mark = objectives.index(0, ObjectiveTableModel.SPECIFIC)
    assert mark.data() == "Not yet specific: no target"
    assert objectives.setData(objectives.index(0, ObjectiveTableModel.TARGET), "under 8")
    assert objectives.index(0, ObjectiveTableModel.SPECIFIC).data() == ""


def test_search_model_pages(
    qapp: object, qtmodeltester: ModelTester, filled: tuple[Editor, Seed, int]
) -> None:
    editor, s, _ = filled
    model = SearchResultModel(editor.diary)
    model.set_query(s.partnership, "entry number", Filters())
    assert model.rowCount() == SearchResultModel.PAGE and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 250


def _window(qtbot: QtBot, editor: Editor, tmp_path: Path) -> tuple[MainWindow, AppContext]:
    """A main window sharing the editor's diary and undo history."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(diary=editor.diary, undo=editor.undo, settings=settings)
    window = build_main_window(context)
    qtbot.addWidget(window)
    return window, context


def test_window_opens_a_search_hit_with_its_entry(
    qtbot: QtBot, filled: tuple[Editor, Seed, int], tmp_path: Path
) -> None:
    editor, s, event = filled
    window, _ = _window(qtbot, editor, tmp_path)
    window.select_partnership(s.partnership)
    history = window.show_page("history")
    assert isinstance(history, HistoryPage)
    history.search.setText("number 221")
    history.run_search()
    hit = history.results.hit_at(0)
    assert hit is not None
    history.list.activated.emit(history.results.index(0))
    diary = window.page("diary")
    assert isinstance(diary, DiaryPage)
    assert window.tabs.currentWidget() is diary
    assert diary.current_event() == event
    selected = diary.capture.selected_entry()
    assert selected is not None and selected.pk == hit.entry_pk
    assert selected.text == "entry number 221 <b>x</b>"
    window.close()


def test_typing_survives_the_window_refreshing_after_autosave(
    qtbot: QtBot, filled: tuple[Editor, Seed, int], tmp_path: Path
) -> None:
    editor, s, event = filled
    window, context = _window(qtbot, editor, tmp_path)
    window.show()
    window.select_partnership(s.partnership)
    diary = window.show_page("diary")
    assert isinstance(diary, DiaryPage)
    diary.show_details()
    title = diary.form.title
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " one")
    db = editor.diary.db
    qtbot.waitUntil(lambda: events.get_event(db, event).title == "Kick-off one", timeout=3000)  # type: ignore[union-attr]
    qtbot.wait(50)  # the window refreshes its pages after the write
    qtbot.keyClicks(title, " two")
    assert title.text() == "Kick-off one two"
    qtbot.waitUntil(lambda: events.get_event(db, event).title == "Kick-off one two", timeout=3000)  # type: ignore[union-attr]
    assert context.undo.undo_text == "edit event"
    context.undo.undo()
    qtbot.waitUntil(lambda: title.text() == "Kick-off", timeout=3000)
    window.close()


def test_capture_keys_win_over_the_window_shortcuts_while_typing(
    qtbot: QtBot, filled: tuple[Editor, Seed, int], tmp_path: Path
) -> None:
    editor, s, event = filled
    window, _ = _window(qtbot, editor, tmp_path)
    window.show()
    window.select_partnership(s.partnership)
    diary = window.show_page("diary")
    assert isinstance(diary, DiaryPage)
    diary.show_capture()
    field = diary.capture.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentWidget() is diary  # Ctrl+3 did not switch the page
    assert diary.capture.current_type() is EntryType.OBSTACLE
    qtbot.keyClicks(field, "Roles unclear")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    last = entries_repo.list_entries(editor.db, event)[-1]
    assert (last.type, last.text, [t.value for t in last.tensions]) == (
        EntryType.OBSTACLE,
        "Roles unclear",
        ["roles"],
    )
    # Outside the field the window's page keys work as before.
    diary.list.setFocus()
    qtbot.keyClick(diary.list, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    window.close()
