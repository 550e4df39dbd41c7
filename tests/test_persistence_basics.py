"""The diary database: creation, identity and the core repositories."""

from __future__ import annotations

from datetime import date

from app.domain import (
    Action,
    Entry,
    EntryType,
    Event,
    EventKind,
    Organization,
    Participant,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Role,
    Visibility,
)
from app.persistence import actions, entries, events, partnerships
from app.persistence.diary import Diary


def test_fresh_diary_is_private_and_identified(diary: Diary) -> None:
    assert diary.path.stat().st_mode & 0o077 == 0
    assert diary.db.execute("PRAGMA application_id").fetchone()[0] == 0x4B4D504E
    assert diary.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert diary.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_round_trip_of_core_records(diary: Diary) -> None:
    with diary.write() as db:
        p = Partnership(
            name="Wholesale & OH",
            started_on=date(2024, 1, 10),
            phases=[PhaseMove(Phase.NEGOTIATION, date(2024, 1, 10))],
        )
        pk = partnerships.insert_partnership(db, p)
        org = Organization("Employer", Role.CUSTOMER)
        partnerships.insert_organization(db, pk, org)
        assert org.pk is not None
        person = Person("Aino", org.pk, sponsor=True)
        partnerships.insert_person(db, pk, person)
        assert person.pk is not None
        ev = Event(
            EventKind.MEETING,
            "Kick-off",
            "2024-01-15T09:30",
            participants=[Participant(person.pk, attended=True)],
        )
        events.insert_event(db, pk, ev)
        assert ev.pk is not None
        obs = Entry(ev.pk, EntryType.OBSERVATION, "Quiet <b>provider</b>")
        entries.insert_entry(db, pk, obs)
        actions.insert_action(db, pk, Action("Draft goals", date(2024, 1, 15), owner=person.pk))
    assert diary.changes == 1
    loaded = partnerships.get_partnership(diary.db, pk)
    assert loaded is not None and loaded.phase_on(date(2024, 2, 1)) == Phase.NEGOTIATION
    assert loaded.phase_on(date(2023, 12, 31)) is None
    got = events.get_event(diary.db, ev.pk)
    assert got is not None and got.time is not None and got.participants[0].attended
    [e] = entries.list_entries(diary.db, ev.pk)
    assert e.visibility == Visibility.PRIVATE and e.text == "Quiet <b>provider</b>"
    [a] = actions.list_actions(diary.db, pk)
    assert a.owner == person.pk and a.is_open_on(date(2024, 2, 1))
