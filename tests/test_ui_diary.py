"""The diary's main flows driven through the real widgets, on a real diary file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from test_editing_seed import Seed, seed

from app.backup.opening import open_diary_file
from app.domain import Action, ActionStatus, EntryType, Visibility
from app.persistence import actions, entries, events
from app.services.editing import Editor
from ui.context import AppContext
from ui.models.actions import PK_ROLE as ACTION_PK
from ui.models.actions import ActionTableModel
from ui.pages.actions_page import ActionsPage
from ui.pages.diary_page import DeletedItemsDialog, DiaryPage
from ui.pages.history_page import HistoryPage


@pytest.fixture
def seeded(context: AppContext) -> Seed:
    return seed(context.diary)


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, seeded: Seed) -> DiaryPage:
    p = DiaryPage(context)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    p.show_partnership(seeded.partnership)
    return p


def _new_event(qtbot: QtBot, page: DiaryPage, title: str) -> int:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.new_dialog is not None
    page.new_dialog.accept()  # the dialog's defaults: a meeting today, starting now
    pk = page.current_event()
    assert pk is not None
    page.form.title.selectAll()
    qtbot.keyClicks(page.form.title, title)
    # Stored by the autosave timer, without a save button or leaving the field.
    qtbot.waitUntil(lambda: events.get_event(page.editor.db, pk).title == title, timeout=3000)  # type: ignore[union-attr]
    return pk


def _capture(qtbot: QtBot, page: DiaryPage, key: Qt.Key, text: str) -> None:
    field = page.capture.field
    qtbot.keyClick(field, key, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest can only type ASCII
        field.insertPlainText(text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_create_event_with_participants(qtbot: QtBot, page: DiaryPage, seeded: Seed) -> None:
    pk = _new_event(qtbot, page, "Steering group")
    people = page.form.participants
    people.pick.setCurrentIndex(people.pick.findData(seeded.anna))
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    people.table.item(0, people.ATTENDED).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(people.new_name, "Uusi Henkila")
    qtbot.keyClick(people.new_name, Qt.Key.Key_Return)
    stored = events.get_event(page.editor.db, pk)
    assert stored is not None
    first = stored.participants[0]
    assert (first.person, first.attended) == (seeded.anna, True)
    assert len(stored.participants) == 2
    # The new meeting is shown with the open actions to review.
    assert page.tabs.currentIndex() == 1
    assert page.form.review.text()


def test_invalid_title_is_not_stored_and_stays_typed(qtbot: QtBot, page: DiaryPage) -> None:
    pk = _new_event(qtbot, page, "Kick-off")
    page.form.title.clear()
    qtbot.keyClicks(page.form.title, "   ")
    page.form.flush()
    assert events.get_event(page.editor.db, pk).title == "Kick-off"  # type: ignore[union-attr]
    assert page.form.error.text()
    assert page.form.title.text() == "   "


def test_capture_five_entries_and_make_an_action(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    event = _new_event(qtbot, page, "Workshop")
    page.show_capture()
    _capture(qtbot, page, Qt.Key.Key_1, "Early support pilot")
    _capture(qtbot, page, Qt.Key.Key_2, "Start in March")
    _capture(qtbot, page, Qt.Key.Key_3, "No budget owner")
    qtbot.keyClick(page.capture.field, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    _capture(qtbot, page, Qt.Key.Key_4, "Sponsor left early <b>again</b>")
    _capture(qtbot, page, Qt.Key.Key_5, "Survey done")
    stored = entries.list_entries(page.editor.db, event)
    assert [e.type for e in stored] == [
        EntryType.IDEA,
        EntryType.DECISION,
        EntryType.OBSTACLE,
        EntryType.OBSERVATION,
        EntryType.ACCOMPLISHMENT,
    ]
    assert [e.visibility for e in stored][2:4] == [Visibility.PRIVATE, Visibility.PRIVATE]
    assert stored[3].tensions and stored[3].text.endswith("<b>again</b>")
    assert page.capture.field.toPlainText() == ""
    assert page.capture.entries.rowCount() == 5
    # Markup in an entry stays text in the table.
    shown = page.capture.entries.index(3, 1).data()
    assert shown == "Sponsor left early <b>again</b>"
    # The idea becomes an action with one command and its dialog, accepted as it opens.
    page.capture.table.selectRow(0)
    page.capture.dialog_opened.connect(lambda d: QTimer.singleShot(0, d.accept))
    qtbot.keyClick(
        page.capture.table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    [action] = actions.list_actions(page.editor.db, seeded.partnership)
    assert (action.text, action.source_entry) == ("Early support pilot", stored[0].pk)


def test_an_action_made_from_a_private_idea_starts_private(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    event = _new_event(qtbot, page, "Interview")
    page.show_capture()
    _capture(qtbot, page, Qt.Key.Key_1, "Said in confidence")
    page.capture.table.selectRow(0)
    page.capture.flip_selected_visibility()
    [idea] = entries.list_entries(page.editor.db, event)
    assert idea.visibility is Visibility.PRIVATE
    # Nothing selected: the command never takes the latest idea by itself; it asks.
    page.capture.table.clearSelection()
    messages: list[str] = []
    page.capture.message.connect(messages.append)
    opened: list[object] = []
    page.capture.dialog_opened.connect(opened.append)
    page.capture.make_action()
    assert opened == [] and actions.list_actions(page.editor.db, seeded.partnership) == []
    assert messages[-1] == "Select an idea or a decision to make an action of it."
    page.capture.table.selectRow(0)
    page.capture.dialog_opened.connect(lambda d: QTimer.singleShot(0, d.accept))
    qtbot.keyClick(
        page.capture.field,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    [action] = actions.list_actions(page.editor.db, seeded.partnership)
    assert action.source_entry == idea.pk and action.visibility is Visibility.PRIVATE
    assert messages and "private" in messages[-1].lower()


def test_delete_entry_then_undo(qtbot: QtBot, page: DiaryPage, context: AppContext) -> None:
    event = _new_event(qtbot, page, "Meeting")
    page.show_capture()
    _capture(qtbot, page, Qt.Key.Key_7, "Keep me")
    page.capture.table.setFocus()
    page.capture.table.selectRow(0)
    qtbot.keyClick(page.capture.table, Qt.Key.Key_Delete)
    assert entries.list_entries(page.editor.db, event) == []
    assert context.undo.undo_text == "delete entry"
    context.undo.undo()
    page.refresh()
    # A private note can be shared afterwards (and back), each an undoable edit.
    page.capture.table.selectRow(0)
    page.capture.flip_selected_visibility()
    assert entries.list_entries(page.editor.db, event)[0].visibility is Visibility.PRIVATE
    assert context.undo.undo_text == "edit entry"
    context.undo.undo()
    page.refresh()
    assert [e.text for e in entries.list_entries(page.editor.db, event)] == ["Keep me"]
    assert page.capture.entries.rowCount() == 1


def test_title_label_shows_markup_as_text(qtbot: QtBot, page: DiaryPage) -> None:
    _new_event(qtbot, page, "<i>not italic</i>")
    page.show_capture()
    page.refresh()
    assert page.capture.title.textFormat() == Qt.TextFormat.PlainText
    assert page.capture.title.text() == "<i>not italic</i>"


def test_action_plan_filters_overdue_and_changes_status(
    qtbot: QtBot, context: AppContext, seeded: Seed
) -> None:
    editor = Editor(context.diary, context.undo)
    made = date(2024, 1, 15)
    for text, due, owner in (
        ("Late", date(2024, 1, 20), seeded.anna),
        ("Later", date(2024, 3, 1), seeded.pekka),
        ("No date", None, None),
    ):
        editor.create_action(seeded.partnership, Action(text, made, due_on=due, owner=owner))
    page = ActionsPage(context, today=date(2024, 2, 1))
    qtbot.addWidget(page)
    page.show()
    page.show_partnership(seeded.partnership)
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert shown == ["Late", "Later", "No date"]  # by due date, undated last
    qtbot.mouseClick(page.overdue, Qt.MouseButton.LeftButton)
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == ["Late"]
    page.overdue.setChecked(False)
    page.organization.setCurrentIndex(page.organization.findData(seeded.provider))
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == ["Later"]
    page.organization.setCurrentIndex(0)
    # Inline status change through the delegate's editor.
    index = page.proxy.index(0, ActionTableModel.STATUS)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    [box] = page.table.viewport().findChildren(QComboBox)
    box.setCurrentIndex(box.findData(ActionStatus.DONE.value))
    box.activated.emit(box.currentIndex())
    pk = index.data(ACTION_PK)
    stored = actions.get_action(context.diary.db, pk)
    assert stored is not None and stored.status is ActionStatus.DONE
    assert stored.done_on == date(2024, 2, 1)
    assert context.undo.undo_text == "change action status"
    # The owner is chosen among both organizations' people; the organization follows.
    late = page.proxy.index(0, ActionTableModel.OWNER)
    assert page.proxy.setData(late, seeded.pekka)
    moved = actions.get_action(context.diary.db, late.data(ACTION_PK))
    assert moved is not None and (moved.owner, moved.organization) == (
        seeded.pekka,
        seeded.provider,
    )


def test_search_and_open_the_hit(qtbot: QtBot, page: DiaryPage, context: AppContext) -> None:
    event = _new_event(qtbot, page, "Workshop")
    page.show_capture()
    _capture(qtbot, page, Qt.Key.Key_7, "Coffee first")
    _capture(qtbot, page, Qt.Key.Key_1, "Työkykykoordinaattori for the warehouse")
    _new_event(qtbot, page, "Another meeting")
    history = HistoryPage(context)
    qtbot.addWidget(history)
    history.show_partnership(page._partnership)
    history.entry_activated.connect(page.show_event)
    history.search.setText("työkykyk")  # QTest types ASCII only
    qtbot.waitUntil(lambda: history.results.rowCount() == 1, timeout=3000)
    hit = history.results.hit_at(0)
    assert hit is not None
    start, end = hit.snippet.highlights[0]
    assert hit.snippet.text[start:end] == "Työkykykoordinaattori"
    history.list.activated.emit(history.results.index(0))
    assert page.current_event() == event
    selected = page.capture.selected_entry()
    assert selected is not None and selected.pk == hit.entry_pk


def test_history_hostile_search_shows_nothing_or_results(
    qtbot: QtBot, context: AppContext, seeded: Seed
) -> None:
    history = HistoryPage(context)
    qtbot.addWidget(history)
    history.show_partnership(seeded.partnership)
    for text in ('"', "NEAR(", "a AND", "%_*", "😀", "שלום"):
        history.search.setText(text)
        history.run_search()
        assert history.results.rowCount() == 0
    assert history.findChild(QLabel, "muted") is not None


def test_everything_is_there_after_reopening(
    qtbot: QtBot, page: DiaryPage, context: AppContext, diary_path: Path, seeded: Seed
) -> None:
    event = _new_event(qtbot, page, "Kept meeting")
    page.show_capture()
    _capture(qtbot, page, Qt.Key.Key_2, "Decided to keep going")
    page.form.flush()
    context.diary.close()
    again = open_diary_file(diary_path)
    try:
        [stored] = events.list_events(again.db, seeded.partnership)
        assert (stored.pk, stored.title) == (event, "Kept meeting")
        [entry] = entries.list_entries(again.db, event)
        assert entry.text == "Decided to keep going"
    finally:
        again.close()


def test_deleted_items_restore_and_empty(
    qtbot: QtBot, page: DiaryPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _new_event(qtbot, page, "Kept")
    gone = _new_event(qtbot, page, "Gone for good")
    page.delete_event()  # the newest, "Gone for good", is selected
    page.list.selectRow(page.events.row_of(kept))
    page.delete_event()
    assert page.events.rowCount() == 0
    dialog = DeletedItemsDialog(page.editor, page._partnership, page)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.items.count() == 2
    for row in range(dialog.items.count()):
        item = dialog.items.item(row)
        item.setSelected(item.text().endswith("Kept"))
    dialog.restore_selected()
    assert dialog.items.count() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.empty()
    assert dialog.items.count() == 0
    page.refresh()
    assert [page.events.event_at(r).title for r in range(page.events.rowCount())] == ["Kept"]  # type: ignore[union-attr]
    assert events.get_event(context.diary.db, gone) is None
    assert context.undo.undo_text is None  # undo steps of removed rows are gone


def test_tab_follows_the_form(qtbot: QtBot, page: DiaryPage) -> None:
    _new_event(qtbot, page, "Tabbing")
    form = page.form
    page.activateWindow()
    form.title.setFocus()
    qtbot.waitUntil(form.title.hasFocus)
    order = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    # (Tab then walks the date's day, month and year sections, as Qt's date fields do.)
    assert order[:2] == [form.kind, form.day]


@pytest.mark.parametrize("kind", ["interview", "focus_group"])
def test_what_is_written_in_an_interview_starts_private(
    qtbot: QtBot, page: DiaryPage, kind: str
) -> None:
    event = _new_event(qtbot, page, "Talk")
    index = page.form.kind.findData(kind)
    page.form.kind.setCurrentIndex(index)
    page.form.kind.activated.emit(index)  # as when the user picks it
    qtbot.waitUntil(
        lambda: events.get_event(page.editor.db, event).kind.value == kind,  # type: ignore[union-attr]
        timeout=3000,
    )
    page.show_capture()
    _capture(qtbot, page, Qt.Key.Key_1, "Said in confidence")
    _capture(qtbot, page, Qt.Key.Key_5, "Also in confidence")
    # The facilitator may still share one line on purpose.
    field = page.capture.field
    qtbot.keyClick(field, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    page.capture.visibility.click()
    assert page.capture.visibility.text() == "Shared"
    qtbot.keyClicks(field, "Agreed to share")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    stored = entries.list_entries(page.editor.db, event)
    assert [e.visibility for e in stored] == [
        Visibility.PRIVATE,
        Visibility.PRIVATE,
        Visibility.SHARED,
    ]
    assert page.capture.visibility.text() == "Private"
