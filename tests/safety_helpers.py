"""Helpers shared by the data-safety tests: a small diary with real records, and counting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.backup.opening import open_diary_file
from app.domain import Entry, EntryType, Event, EventKind, Partnership, Phase, PhaseMove
from app.persistence import entries, events, partnerships
from app.persistence.connection import open_diary
from app.persistence.diary import Diary


def fill(diary: Diary, events_count: int = 3, entries_per_event: int = 4) -> int:
    """Add one partnership with events and entries; returns the partnership's pk."""
    with diary.write() as db:
        pk = partnerships.insert_partnership(
            db,
            Partnership(
                name="Wholesale & OH",
                started_on=date(2024, 1, 10),
                phases=[PhaseMove(Phase.NEGOTIATION, date(2024, 1, 10))],
            ),
        )
        for i in range(events_count):
            ev = Event(EventKind.MEETING, f"Meeting {i}", f"2024-02-{i + 1:02d}")
            events.insert_event(db, pk, ev)
            assert ev.pk is not None
            for j in range(entries_per_event):
                text = f"entry {i}/{j} " + "observation " * 20
                entries.insert_entry(db, pk, Entry(ev.pk, EntryType.NOTE, text))
    return pk


def make_diary(path: Path, **kwargs: int) -> Path:
    """A closed diary file with records in it."""
    d = open_diary_file(path, create=True)
    fill(d, **kwargs)
    d.close()
    return path


def count_entries(path: Path) -> int:
    db = open_diary(path, read_only=True)
    try:
        return int(db.execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        db.conn.close()
