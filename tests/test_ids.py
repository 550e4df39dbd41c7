"""Ids (issue 15, item 4): records made in the app get UUIDs, unique everywhere; the ids a file
brought (the demo's "ev-prep-1", "n001"…) keep working beside them, unique per partnership."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date

import pytest

from app.domain import Action, Entry, EntryType, Event, EventKind, Objective, Person, Visibility
from app.exchange import export_partnership
from app.persistence import entries, events, partnerships
from app.persistence.diary import Diary
from app.services.demo import load_demo
from app.services.editing import Editor
from app.services.undo import UndoStack


def _is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def test_new_records_get_uuids_and_old_ids_keep_working(diary: Diary) -> None:
    pk = load_demo(diary)
    editor = Editor(diary, UndoStack(diary))
    old_event = events.list_events(diary.db, pk)[0]
    assert old_event.id == "ev-prep-1" and not _is_uuid(old_event.id)  # from the demo file
    org = partnerships.list_organizations(diary.db, pk)[0].pk
    assert org is not None
    made = {
        "event": editor.create_event(pk, Event(EventKind.MEETING, "New", "2025-12-01")),
        "person": editor.add_person(pk, Person("Uusi Henkilö", org)),
        "objective": editor.create_objective(pk, Objective("A new objective")),
        "action": editor.create_action(pk, Action("A new action", date(2025, 12, 1))),
    }
    made["entry"] = editor.create_entry(
        pk, Entry(old_event.pk or 0, EntryType.NOTE, "Added to an old event", Visibility.SHARED)
    )
    tables = {"event": "events", "person": "people", "objective": "objectives",
              "action": "actions", "entry": "entries"}  # fmt: skip
    new_ids = [
        diary.db.execute(f"SELECT id FROM {tables[k]} WHERE pk = ?", [v]).fetchone()[0]
        for k, v in made.items()
    ]
    assert all(_is_uuid(i) for i in new_ids), new_ids
    assert len(set(new_ids)) == len(new_ids)
    # The old event keeps its id, and the new entry refers to it in the file.
    document = export_partnership(diary.db, pk)
    first = next(e for e in document["events"] if e["id"] == "ev-prep-1")
    assert first["entries"][-1]["text"] == "Added to an old event"
    assert _is_uuid(first["entries"][-1]["id"])


def test_ids_are_unique_within_a_partnership(diary: Diary) -> None:
    pk = load_demo(diary)
    event = events.list_events(diary.db, pk)[0].pk or 0
    with pytest.raises(sqlite3.IntegrityError), diary.db.conn:
        entries.insert_entry(
            diary.db, pk, Entry(event, EntryType.NOTE, "x", Visibility.SHARED, id="n001")
        )
