"""Meetings (issue 14): planning an event with an agenda, the next meeting remembering what is
due, live capture following the agenda, and decisions recorded with their status and sides.

Driven through the real widgets on a real diary file.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain import Action, Entry, EntryType, Event, EventKind, Person, Visibility
from app.domain.enums import DecisionStatus, Fate
from app.domain.model import AgendaItem, IdeaFate, format_when
from app.persistence import actions, entries, events, partnerships
from app.services.agenda import proposals, templates
from app.services.editing import Editor
from tests.test_editing_seed import Seed, seed
from ui.context import AppContext
from ui.dialogs.decision_dialog import DecisionDialog
from ui.dialogs.new_event_dialog import NewEventDialog
from ui.pages.diary_page import DiaryPage
from ui.pages.overview import OverviewPage
from ui.widgets.decisions_due import DecisionsDuePanel

ALT, CTRL_SHIFT = (
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
)


@pytest.fixture
def seeded(context: AppContext) -> Seed:
    s = seed(context.diary)
    with context.diary.write() as db:
        chief = partnerships.insert_person(
            db, s.partnership, Person("Kaisa Kärki", s.customer, sponsor=True)
        )
        doctor = partnerships.insert_person(
            db, s.partnership, Person("Olli Orava", s.provider, sponsor=True)
        )
    s.sponsors = (chief, doctor)  # type: ignore[attr-defined]
    return s


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, seeded: Seed) -> DiaryPage:
    p = DiaryPage(context)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    p.show_partnership(seeded.partnership)
    return p


def _open_dialog(qtbot: QtBot, page: DiaryPage) -> NewEventDialog:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.new_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_planning_an_event_with_an_agenda_from_a_template_and_inviting_the_sponsors(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    dialog = _open_dialog(qtbot, page)
    dialog.template.setCurrentIndex(dialog.template.findData("plan_of_action"))
    dialog.template.activated.emit(dialog.template.currentIndex())
    assert EventKind(dialog.kind.currentData()) is EventKind.MEETING
    assert dialog.title.text() == "Plan-of-action meeting"
    assert dialog.duration.value() == 120
    assert dialog.agenda.model.rowCount() == 5
    assert "120 min planned of 120 min" in dialog.agenda.total.text()
    qtbot.mouseClick(dialog.sponsors_button, Qt.MouseButton.LeftButton)
    assert dialog.invitees() == set(seeded.sponsors)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.place, "Room 4 / meet.example/abc")
    # The second item goes last with the keys; the total is shown against the duration.
    table = dialog.agenda.table
    table.setFocus()
    table.setCurrentIndex(dialog.agenda.model.index(1, 0))
    for _step in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Down, ALT)
    qtbot.waitUntil(lambda: dialog.agenda.items()[4].title == "Data and ideas so far")
    dialog.duration.setValue(100)
    assert "20 min over" in dialog.agenda.total.text()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    pk = page.current_event()
    assert pk is not None and dialog.created == pk
    stored = events.get_event(page.editor.db, pk)
    assert stored is not None
    assert stored.place == "Room 4 / meet.example/abc"
    assert stored.title == "Plan-of-action meeting" and stored.duration_minutes == 100
    assert [a.title for a in stored.agenda] == [
        "Open actions from the last meeting",
        "Needs to respond to",
        "Measures, timetable and responsibilities",
        "Decisions and the next meeting",
        "Data and ideas so far",
    ]
    assert sum(a.minutes for a in stored.agenda) == 120
    assert {p.person for p in stored.participants} == set(seeded.sponsors)  # type: ignore[attr-defined]
    # The agenda stays editable in the event's details; an edit is one undoable step.
    assert page.tabs.currentIndex() == 1
    form = page.form
    assert form.agenda.model.rowCount() == 5
    form.agenda.model.item(0, 0).setText("Open actions")
    qtbot.waitUntil(
        lambda: events.get_event(page.editor.db, pk).agenda[0].title == "Open actions"  # type: ignore[union-attr]
    )
    first_pk = stored.agenda[0].pk
    assert events.get_event(page.editor.db, pk).agenda[0].pk == first_pk  # type: ignore[union-attr]
    page.editor.undo.undo()
    assert events.get_event(page.editor.db, pk).agenda[0].title.startswith("Open actions from")  # type: ignore[union-attr]
    # Moving an item twice with the keys: each move is stored, the table keeps its place.
    form.agenda.table.setFocus()
    form.agenda.table.setCurrentIndex(form.agenda.model.index(0, 0))

    def moved_to(row: int) -> bool:
        return events.get_event(page.editor.db, pk).agenda[row].pk == first_pk  # type: ignore[union-attr]

    for row in (1, 2):
        qtbot.keyClick(form.agenda.table, Qt.Key.Key_Down, ALT)
        qtbot.waitUntil(lambda row=row: moved_to(row))
        page.refresh()  # as the window does after every write


def test_a_title_left_empty_is_refused_in_the_dialog_and_nothing_is_stored(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    dialog = _open_dialog(qtbot, page)
    dialog.title.clear()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "title" in dialog.error.text()
    assert events.list_events(page.editor.db, seeded.partnership) == []
    dialog.reject()


def _past_meeting(editor: Editor, s: Seed) -> int:
    e = Event(EventKind.MEETING, "Last meeting", "2024-05-02")
    return editor.create_event(s.partnership, e)


def test_the_next_meeting_remembers_what_is_due_and_keeps_private_words_out(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    editor = page.editor
    last = _past_meeting(editor, seeded)
    today = date.today()
    decision = Entry(last, EntryType.DECISION, "Pilot in the warehouse first")
    editor.create_entry(seeded.partnership, decision)
    from app.services.decisions import record_decision

    record_decision(editor, decision.pk or 0, DecisionStatus.AGREED, [seeded.customer], today)
    idea = Entry(last, EntryType.IDEA, "Stretching breaks")
    idea.fate = IdeaFate(Fate.PARKED, "after the pilot", date(2024, 5, 2), today)
    editor.create_entry(seeded.partnership, idea)
    secret = Entry(last, EntryType.IDEA, "SECRET-CANARY Ääniselle palkankorotus")
    secret.visibility = Visibility.PRIVATE
    secret.fate = IdeaFate(Fate.PARKED, "not now", date(2024, 5, 2), today)
    editor.create_entry(seeded.partnership, secret)
    editor.create_action(
        seeded.partnership,
        Action("Book the gym", date(2024, 5, 2), owner=seeded.anna, due_on=today),
    )
    hidden = Action("SECRET-CANARY palkkaneuvottelu Ääniselle", date(2024, 5, 2), due_on=today)
    hidden.visibility = Visibility.PRIVATE
    editor.create_action(seeded.partnership, hidden)
    editor.create_action(  # due later than the meeting: not proposed
        seeded.partnership, Action("Later thing", date(2024, 5, 2), due_on=today + timedelta(30))
    )
    dialog = _open_dialog(qtbot, page)
    shown = [dialog.remembered.item(i) for i in range(dialog.remembered.count())]
    assert [i.text() for i in shown] == [
        "Action: Book the gym",
        "Follow up a private action",
        "Review: Pilot in the warehouse first",
        "Revisit idea: Stretching breaks",
        "Revisit a private idea",
    ]
    ticked = [i.checkState() == Qt.CheckState.Checked for i in shown]
    assert ticked == [True, False, True, True, False]
    # The facilitator sees the private words only as a hint.
    assert "SECRET-CANARY" in shown[1].toolTip()
    shown.pop(1).setCheckState(Qt.CheckState.Checked)
    # The facilitator ticks the action out and the private idea in (under its neutral title).
    shown[0].setCheckState(Qt.CheckState.Unchecked)
    shown[3].setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    stored = events.get_event(editor.db, page.current_event() or 0)
    assert stored is not None
    titles = [a.title for a in stored.agenda]
    assert titles == [
        "Review: Pilot in the warehouse first",
        "Revisit idea: Stretching breaks",
        "Follow up a private action",
        "Revisit a private idea",
    ]
    assert not any("CANARY" in t or "Äänise" in t or "palkan" in t for t in titles)


def test_capturing_entries_under_two_agenda_items(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    editor = page.editor
    e = Event(EventKind.MEETING, "Steering group", format_when(date.today(), None), 60)
    e.agenda = [AgendaItem("Open actions", 10), AgendaItem("The pilot", 30, "Decide the scope")]
    pk = editor.create_event(seeded.partnership, e)
    page.events.reload()
    page.show_event(pk)
    capture = page.capture
    header = capture.agenda
    assert header.isVisible()
    assert header.item_label.text() == "1/2 · Open actions"
    assert header.time_label.text() == "10 min left"
    field = capture.field
    qtbot.keyClicks(field, "Gym booked")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(field, Qt.Key.Key_Right, ALT)  # one key to the next item
    assert header.item_label.text() == "2/2 · The pilot"
    assert header.time_label.text() == "30 min left"
    qtbot.keyClicks(field, "Warehouse first")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(field, Qt.Key.Key_Right, ALT)  # past the last item: stays
    assert header.item_label.text() == "2/2 · The pilot"
    stored = entries.list_entries(editor.db, pk)
    agenda = events.get_event(editor.db, pk).agenda  # type: ignore[union-attr]
    assert [n.agenda_item for n in stored] == [agenda[0].pk, agenda[1].pk]
    assert all(n.written_at and n.written_at.startswith(date.today().isoformat()) for n in stored)
    # The entry list shows the agenda item each entry was written under.
    assert capture.entries.agenda_title(0) == "Open actions"
    assert capture.entries.agenda_title(1) == "The pilot"
    qtbot.keyClick(field, Qt.Key.Key_Left, ALT)
    assert header.item_label.text() == "1/2 · Open actions"
    # The keys are listed with the view's commands (menus and the key hint line).
    assert "Alt+Right" in [a.shortcut().toString() for a in capture.menu_actions()]


def test_an_event_without_an_agenda_shows_no_agenda_header(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    pk = page.editor.create_event(
        seeded.partnership, Event(EventKind.MEETING, "Chat", date.today().isoformat())
    )
    page.events.reload()
    page.show_event(pk)
    assert not page.capture.agenda.isVisible()
    qtbot.keyClicks(page.capture.field, "Note")
    qtbot.keyClick(page.capture.field, Qt.Key.Key_Return)
    assert entries.list_entries(page.editor.db, pk)[0].agenda_item is None


def _decision_dialog(qtbot: QtBot, page: DiaryPage, row: int) -> DecisionDialog:
    page.capture.table.selectRow(row)
    qtbot.keyClick(page.capture.table, Qt.Key.Key_R, CTRL_SHIFT)
    dialog = page.capture.decision_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_agreeing_one_decision_and_contesting_another(
    qtbot: QtBot, page: DiaryPage, context: AppContext, seeded: Seed
) -> None:
    editor = page.editor
    pk = editor.create_event(
        seeded.partnership, Event(EventKind.MEETING, "Decisions", date.today().isoformat())
    )
    page.events.reload()
    page.show_event(pk)
    field = page.capture.field
    for text in ("Pilot starts in March", "Provider pays the licences"):
        qtbot.keyClick(field, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    first, second = entries.list_entries(editor.db, pk)
    # Agreed by both sides, to be reviewed today.
    dialog = _decision_dialog(qtbot, page, 0)
    dialog.set_status(DecisionStatus.AGREED)
    assert all(box.isChecked() for box in dialog.sides.values())
    dialog.has_review.setChecked(True)
    dialog.review_on.set_date(date.today())
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # Contested: the customer agreed, the provider did not. Without the disagreement written
    # down, nothing is stored and the dialog says why.
    dialog = _decision_dialog(qtbot, page, 1)
    dialog.set_status(DecisionStatus.CONTESTED)
    dialog.sides[seeded.provider].setChecked(False)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "disagreement" in dialog.error.text()
    assert entries.get_entry(editor.db, second.pk or 0).decision is None  # type: ignore[union-attr]
    qtbot.keyClicks(dialog.disagreement, "The provider will not pay for licences")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    agreed = entries.get_entry(editor.db, first.pk or 0)
    contested = entries.get_entry(editor.db, second.pk or 0)
    assert agreed is not None and agreed.decision is not None
    assert agreed.decision.status is DecisionStatus.AGREED
    assert sorted(agreed.decision.agreed_by) == sorted([seeded.customer, seeded.provider])
    assert agreed.decision.review_on == date.today()
    assert contested is not None and contested.decision is not None
    assert contested.decision.status is DecisionStatus.CONTESTED
    assert contested.decision.agreed_by == [seeded.customer]
    assert contested.decision.disagreement == "The provider will not pay for licences"
    # The overview lists the decision due for review (not the contested one: no date).
    overview = OverviewPage(context)
    qtbot.addWidget(overview)
    overview.show_partnership(seeded.partnership)
    panel = overview.findChild(DecisionsDuePanel)
    assert panel is not None
    listed = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert len(listed) == 1 and listed[0].startswith("Pilot starts in March")
    assert "Agreed" in listed[0]
    # Undo takes the contested record back, agreements included.
    assert editor.undo.undo() == "record decision"
    back = entries.get_entry(editor.db, second.pk or 0)
    assert back is not None and back.decision is None
    count = editor.db.execute(
        "SELECT count(*) FROM decision_agreements WHERE entry_pk = ?", [second.pk]
    ).fetchone()[0]
    assert count == 0


def test_reordering_and_undo_keep_the_entries_linked_to_their_agenda_item(
    context: AppContext, seeded: Seed
) -> None:
    editor = Editor(context.diary, context.undo)
    e = Event(EventKind.MEETING, "M", "2024-05-02")
    e.agenda = [AgendaItem("A", 5), AgendaItem("B", 5)]
    pk = editor.create_event(seeded.partnership, e)
    stored = events.get_event(editor.db, pk)
    assert stored is not None
    a, b = stored.agenda
    note = Entry(pk, EntryType.NOTE, "under B")
    note.agenda_item = b.pk
    editor.create_entry(seeded.partnership, note)
    stored.agenda = [b, a]
    editor.edit_event(stored)
    assert [x.pk for x in events.get_event(editor.db, pk).agenda] == [b.pk, a.pk]  # type: ignore[union-attr]
    stored.agenda = [a]  # B deleted: the entry keeps its link, undo brings B back
    editor.edit_event(stored)
    assert [x.title for x in events.get_event(editor.db, pk).agenda] == ["A"]  # type: ignore[union-attr]
    editor.undo.undo()
    again = events.get_event(editor.db, pk)
    assert again is not None and [x.pk for x in again.agenda] == [b.pk, a.pk]
    assert entries.get_entry(editor.db, note.pk or 0).agenda_item == b.pk  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_every_agenda_template_reads_in_both_languages(lang: str) -> None:
    found = templates()
    assert [t.name for t in found] == [
        "values_workshop",
        "focus_group",
        "plan_of_action",
        "feedback_meeting",
    ]
    for t in found:
        items = t.agenda(lang)
        assert items and all(i.title.strip() for i in items)
        assert sum(i.minutes for i in items) == t.duration_minutes
        assert t.title(lang)
    assert templates()[1].title("fi") == "Ryhmähaastattelu"


def test_nothing_is_proposed_before_it_is_due(context: AppContext, seeded: Seed) -> None:
    editor = Editor(context.diary, context.undo)
    editor.create_action(
        seeded.partnership, Action("Book", date(2024, 5, 2), due_on=date(2024, 6, 1))
    )
    assert proposals(editor.db, seeded.partnership, date(2024, 5, 31)) == []
    [due] = proposals(editor.db, seeded.partnership, date(2024, 6, 1))
    assert due.title == "Action: Book" and not due.private
    assert actions.list_actions(editor.db, seeded.partnership)[0].pk == due.pk
