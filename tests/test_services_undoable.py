"""The use cases moved out of the UI: each one undoable through the core's undo history alone.

No widget is involved: what the phase dialog, the answers import and the deleted-items dialog
used to assemble themselves is now one call of a service, and undo/redo reach the diary.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import Partnership, Phase, PhaseMove, ValidationError
from app.persistence import events, partnerships
from app.persistence.diary import Diary
from app.services import imports, phases, trash
from app.services.editing import Editor
from app.services.undo import UndoStack
from tests.test_imports_backup import ANSWERS, _with_organizations


def _negotiating(diary: Diary) -> int:
    with diary.write() as db:
        p = Partnership("Pilot", date(2025, 1, 1))
        p.phases = [PhaseMove(Phase.NEGOTIATION, date(2025, 1, 1))]
        return partnerships.insert_partnership(db, p)


def _phases(diary: Diary, pk: int) -> list[Phase]:
    return [m.phase for m in partnerships.list_phases(diary.db, pk)]


def test_a_phase_move_is_one_undoable_step(diary: Diary) -> None:
    pk, undo = _negotiating(diary), UndoStack(diary)
    phases.move(diary, pk, Phase.COMMITMENT, date(2025, 3, 1), confirmed=True, undo=undo)
    assert _phases(diary, pk) == [Phase.NEGOTIATION, Phase.COMMITMENT]
    assert undo.undo_text == "change phase"
    undo.undo()
    assert _phases(diary, pk) == [Phase.NEGOTIATION]
    undo.redo()
    assert _phases(diary, pk) == [Phase.NEGOTIATION, Phase.COMMITMENT]
    undo.undo()  # the move added again by redo is the one taken out
    assert _phases(diary, pk) == [Phase.NEGOTIATION]


def test_a_refused_phase_move_records_nothing(diary: Diary) -> None:
    pk, undo = _negotiating(diary), UndoStack(diary)
    with pytest.raises(ValidationError):
        phases.move(diary, pk, Phase.EXECUTION, date(2025, 3, 1), confirmed=True, undo=undo)
    assert undo.undo_text is None and _phases(diary, pk) == [Phase.NEGOTIATION]


def test_an_answers_import_is_one_undoable_step(diary: Diary) -> None:
    pk, undo = _with_organizations(diary), UndoStack(diary)
    before = len(events.list_events(diary.db, pk))
    event_pk = imports.import_responses_file(
        diary, pk, ANSWERS.encode(), date(2025, 2, 1), "Pulse", undo=undo
    )
    assert undo.undo_text == "import questionnaire answers"
    assert len(events.list_events(diary.db, pk)) == before + 1
    undo.undo()
    assert event_pk not in {e.pk for e in events.list_events(diary.db, pk)}
    assert [i.pk for i in trash.deleted_items(diary.db, pk)] == [event_pk]
    undo.redo()
    assert event_pk in {e.pk for e in events.list_events(diary.db, pk)}


def test_restoring_and_emptying_deleted_items(diary: Diary) -> None:
    pk = _with_organizations(diary)
    editor = Editor(diary, UndoStack(diary))
    first, *_rest = events.list_events(diary.db, pk)
    editor.delete_event(first.pk or 0)
    assert [(i.kind, i.pk) for i in trash.deleted_items(diary.db, pk)] == [("event", first.pk)]
    trash.restore(diary, [("event", first.pk or 0)])
    assert trash.deleted_items(diary.db, pk) == []
    editor.delete_event(first.pk or 0)
    assert trash.empty(diary, editor.undo, pk) >= 1
    assert trash.deleted_items(diary.db, pk) == []
    assert editor.undo.undo_text is None  # its steps pointed at rows that are gone
