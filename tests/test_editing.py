"""Undoable editing services: create, edit, delete, merge typing, idea → action."""

from __future__ import annotations

from datetime import date

import pytest
from test_editing_seed import seed

from app.backup.opening import open_diary_file
from app.domain import (
    Action,
    ActionStatus,
    Entry,
    EntryType,
    Event,
    EventKind,
    Objective,
    Participant,
    Phase,
    Tension,
    ValidationError,
    Visibility,
)
from app.persistence import actions, entries, events, partnerships
from app.persistence.diary import Diary
from app.services.editing import Editor, open_actions_for_review
from app.services.undo import UndoStack


@pytest.fixture
def editor(diary: Diary) -> Editor:
    return Editor(diary, UndoStack(diary))


def _meeting(when: str = "2024-02-01T09:00", title: str = "Kick-off") -> Event:
    return Event(kind=EventKind.MEETING, title=title, when=when, duration_minutes=90)


def test_event_with_participants_gets_phase_in_force(editor: Editor) -> None:
    s = seed(editor.diary)
    e = _meeting()
    e.participants = [Participant(s.anna, attended=True), Participant(s.pekka)]
    pk = editor.create_event(s.partnership, e)
    stored = events.get_event(editor.db, pk)
    assert stored is not None
    assert stored.phase is Phase.NEGOTIATION
    assert [(p.person, p.attended) for p in stored.participants] == [
        (s.anna, True),
        (s.pekka, False),
    ]
    later = editor.create_event(s.partnership, _meeting("2024-03-05", "Steering"))
    assert events.get_event(editor.db, later).phase is Phase.COMMITMENT  # type: ignore[union-attr]
    assert editor.undo.undo_text == "add event"


def test_invalid_event_changes_nothing(editor: Editor) -> None:
    s = seed(editor.diary)
    with pytest.raises(ValidationError):
        editor.create_event(s.partnership, _meeting(when="31.2.2024"))
    assert events.list_events(editor.db, s.partnership) == []
    assert editor.undo.undo_text is None


def test_typing_in_one_field_is_one_undo_step(editor: Editor) -> None:
    s = seed(editor.diary)
    pk = editor.create_event(s.partnership, _meeting())
    e = events.get_event(editor.db, pk)
    assert e is not None
    for text in ("Kick", "Kick-off of", "Kick-off of the pilot"):
        e.title = text
        editor.edit_event(e, field="title")
    e.purpose = "Agree the goals"
    editor.edit_event(e, field="purpose")
    assert editor.undo.undo() == "edit event"
    assert events.get_event(editor.db, pk).title == "Kick-off of the pilot"  # type: ignore[union-attr]
    assert editor.undo.undo() == "edit event"
    assert events.get_event(editor.db, pk).title == "Kick-off"  # type: ignore[union-attr]
    assert editor.undo.undo() == "add event"
    assert events.list_events(editor.db, s.partnership) == []
    editor.undo.redo()
    assert [x.pk for x in events.list_events(editor.db, s.partnership)] == [pk]


def test_undo_ends_a_typing_burst(editor: Editor) -> None:
    s = seed(editor.diary)
    event = editor.create_event(s.partnership, _meeting())
    entry = Entry(event, EntryType.NOTE, "first")
    editor.create_entry(s.partnership, entry)
    entry.text = "first draft"
    editor.edit_entry(entry, field="text")
    editor.undo.undo()
    entry.text = "second"
    editor.edit_entry(entry, field="text")
    editor.undo.undo()
    assert entries.get_entry(editor.db, entry.pk).text == "first"  # type: ignore[arg-type,union-attr]


def test_delete_entry_and_undo_restores_same_record(editor: Editor) -> None:
    s = seed(editor.diary)
    event = editor.create_event(s.partnership, _meeting())
    entry = Entry(event, EntryType.OBSTACLE, "No budget owner", tensions=(Tension.ROLES,))
    pk = editor.create_entry(s.partnership, entry)
    assert entries.get_entry(editor.db, pk).visibility is Visibility.PRIVATE  # type: ignore[union-attr]
    editor.delete_entry(pk)
    assert editor.undo.undo_text == "delete entry"
    assert entries.list_entries(editor.db, event) == []
    editor.undo.undo()
    [back] = entries.list_entries(editor.db, event)
    assert (back.pk, back.id, back.tensions) == (pk, entry.id, (Tension.ROLES,))


def test_idea_becomes_action_and_status_changes(editor: Editor) -> None:
    s = seed(editor.diary)
    event = editor.create_event(s.partnership, _meeting())
    idea = editor.create_entry(s.partnership, Entry(event, EntryType.IDEA, "Pilot early support"))
    note = editor.create_entry(s.partnership, Entry(event, EntryType.NOTE, "Coffee"))
    with pytest.raises(ValidationError):
        editor.make_action(s.partnership, note, today=date(2024, 2, 1))
    pk = editor.make_action(
        s.partnership, idea, today=date(2024, 2, 1), owner=s.pekka, due_on=date(2024, 2, 20)
    )
    a = actions.get_action(editor.db, pk)
    assert a is not None
    assert (a.source_entry, a.organization, a.text) == (idea, s.provider, "Pilot early support")
    assert editor.undo.undo_text == "make action"
    editor.set_action_status(pk, ActionStatus.DONE, date(2024, 2, 15))
    assert actions.get_action(editor.db, pk).done_on == date(2024, 2, 15)  # type: ignore[union-attr]
    editor.set_action_status(pk, ActionStatus.IN_PROGRESS, date(2024, 2, 16))
    assert actions.get_action(editor.db, pk).done_on is None  # type: ignore[union-attr]
    editor.undo.undo()
    assert actions.get_action(editor.db, pk).status is ActionStatus.DONE  # type: ignore[union-attr]


def test_open_actions_for_review_puts_overdue_first(editor: Editor) -> None:
    s = seed(editor.diary)
    made = date(2024, 1, 15)
    late = Action("Late", made, due_on=date(2024, 1, 20))
    soon = Action("Soon", made, due_on=date(2024, 3, 1))
    done = Action("Done", made, status=ActionStatus.DONE, done_on=made)
    for a in (soon, done, late):
        editor.create_action(s.partnership, a)
    review = open_actions_for_review(editor.db, s.partnership, date(2024, 2, 1))
    assert [a.text for a in review] == ["Late", "Soon"]


def test_objectives_edit_and_delete(editor: Editor) -> None:
    s = seed(editor.diary)
    o = Objective("Fewer sick days")
    pk = editor.create_objective(s.partnership, o)
    o.indicator = "sick days per person"
    editor.edit_objective(s.partnership, o, field="indicator")
    [stored] = partnerships.list_objectives(editor.db, s.partnership)
    assert stored.indicator == "sick days per person"
    assert stored.lacks() == ("target", "owner", "due_on")
    editor.delete_objective(pk)
    assert partnerships.list_objectives(editor.db, s.partnership) == []
    editor.undo.undo()
    assert partnerships.list_objectives(editor.db, s.partnership)[0].pk == pk


def test_everything_is_there_after_reopening(diary_path, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    s = seed(editor.diary)
    event = editor.create_event(s.partnership, _meeting())
    editor.create_entry(s.partnership, Entry(event, EntryType.DECISION, "Start in March"))
    editor.diary.close()
    again = open_diary_file(diary_path)
    try:
        [(_, entry)] = entries.list_partnership_entries(again.db, s.partnership)
        assert entry.text == "Start in March"
    finally:
        again.close()
