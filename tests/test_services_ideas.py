"""What becomes of an idea, through the use cases on a real diary: an action made from it (with
owner, due date and the link both ways), parked or declined, reopened; each one undo step."""

from __future__ import annotations

from datetime import date

import pytest
from test_editing_seed import Seed, seed

from app.domain import Entry, EntryType, Event, EventKind, ValidationError, Visibility
from app.domain.enums import Fate
from app.persistence import actions, entries
from app.persistence.diary import Diary
from app.persistence.ideas import idea_outcomes, source_texts
from app.services import ideas
from app.services.editing import Editor
from app.services.undo import UndoStack

TODAY = date(2024, 2, 1)


@pytest.fixture
def editor(diary: Diary) -> Editor:
    return Editor(diary, UndoStack(diary))


def _idea(editor: Editor, s: Seed, text: str, vis: Visibility = Visibility.SHARED) -> int:
    event = Event(EventKind.MEETING, "Kick-off", "2024-02-01T09:00", 60)
    pk = editor.create_event(s.partnership, event)
    return editor.create_entry(s.partnership, Entry(pk, EntryType.IDEA, text, vis))


def test_an_action_with_owner_and_due_date_links_both_ways(editor: Editor) -> None:
    s = seed(editor.diary)
    idea = _idea(editor, s, "Pilot early support")
    pk = ideas.make_action(
        editor, s.partnership, idea, today=TODAY, owner=s.anna, due_on=date(2024, 3, 1)
    )
    a = actions.get_action(editor.db, pk)
    assert a is not None
    assert (a.owner, a.organization, a.due_on) == (s.anna, s.customer, date(2024, 3, 1))
    assert idea_outcomes(editor.db, [idea])[idea].action_pk == pk
    assert source_texts(editor.db, [pk]) == {
        pk: (EntryType.IDEA, "Pilot early support", Visibility.SHARED)
    }
    assert editor.undo.undo_text == "make action"
    editor.undo.undo()  # one step takes the action, and with it the link
    assert actions.list_actions(editor.db, s.partnership) == []
    assert idea_outcomes(editor.db, [idea]) == {}


def test_a_private_idea_makes_a_private_action_until_reworded(editor: Editor) -> None:
    s = seed(editor.diary)
    idea = _idea(editor, s, "Their CEO is leaving", Visibility.PRIVATE)
    pk = ideas.make_action(editor, s.partnership, idea, today=TODAY)
    assert actions.get_action(editor.db, pk).visibility is Visibility.PRIVATE  # type: ignore[union-attr]
    for copied in ("Their CEO is leaving", "Ask: their ceo is  leaving?"):
        with pytest.raises(ValidationError, match="wording for the partners"):
            ideas.make_action(
                editor, s.partnership, idea, today=TODAY, text=copied, visibility=Visibility.SHARED
            )
    with pytest.raises(ValidationError, match="not in the partnership"):
        ideas.make_action(editor, s.partnership, idea, today=TODAY, owner=9999)


def test_park_decline_and_reopen_are_each_undone_in_one_step(editor: Editor) -> None:
    s = seed(editor.diary)
    idea = _idea(editor, s, "Shared canteen")
    with pytest.raises(ValidationError, match="date to revisit"):
        ideas.park_idea(editor, idea, reason="Budget", revisit_on=None, today=TODAY)
    with pytest.raises(ValidationError):
        ideas.decline_idea(editor, idea, reason="  ", today=TODAY)
    assert entries.get_entry(editor.db, idea).fate is None  # type: ignore[union-attr]
    ideas.park_idea(editor, idea, reason="Budget", revisit_on=date(2024, 6, 1), today=TODAY)
    fate = entries.get_entry(editor.db, idea).fate  # type: ignore[union-attr]
    assert fate is not None
    assert (fate.status, fate.reason, fate.on, fate.revisit_on) == (
        Fate.PARKED,
        "Budget",
        TODAY,
        date(2024, 6, 1),
    )
    assert editor.undo.undo_text == "park idea"
    ideas.decline_idea(editor, idea, reason="Out of scope", today=TODAY)
    assert entries.get_entry(editor.db, idea).fate.status is Fate.DECLINED  # type: ignore[union-attr]
    ideas.reopen_idea(editor, idea)
    assert entries.get_entry(editor.db, idea).fate is None  # type: ignore[union-attr]
    editor.undo.undo()
    assert entries.get_entry(editor.db, idea).fate.status is Fate.DECLINED  # type: ignore[union-attr]
    editor.undo.undo()
    assert entries.get_entry(editor.db, idea).fate.status is Fate.PARKED  # type: ignore[union-attr]


def test_only_an_open_idea_is_parked_and_an_action_reopens_a_parked_one(editor: Editor) -> None:
    s = seed(editor.diary)
    idea = _idea(editor, s, "Joint newsletter")
    ideas.park_idea(editor, idea, reason="Later", revisit_on=date(2024, 5, 1), today=TODAY)
    pk = ideas.make_action(editor, s.partnership, idea, today=TODAY)
    assert entries.get_entry(editor.db, idea).fate is None  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="not open"):
        ideas.decline_idea(editor, idea, reason="No", today=TODAY)
    editor.undo.undo()  # the action goes and the idea is parked again, in one step
    assert actions.get_action(editor.db, pk).pk == pk  # type: ignore[union-attr]
    assert actions.list_actions(editor.db, s.partnership) == []
    assert entries.get_entry(editor.db, idea).fate.status is Fate.PARKED  # type: ignore[union-attr]
    decision = editor.create_entry(
        s.partnership,
        Entry(entries.get_entry(editor.db, idea).event, EntryType.DECISION, "Go"),  # type: ignore[union-attr]
    )
    with pytest.raises(ValidationError, match="only an idea"):
        ideas.park_idea(editor, decision, reason="x", revisit_on=TODAY, today=TODAY)
