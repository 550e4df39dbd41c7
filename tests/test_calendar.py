"""The partnership's calendar file: it parses with icalendar, holds one event per planned
meeting and one item per open shared action with a due date, invites the people who have an
e-mail address, keeps every UID across re-exports, and never holds a private action."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from test_minutes import Meeting, _plant

from app.backup.opening import open_diary_file
from app.domain import Action, Event, EventKind, Participant
from app.persistence import actions, events, partnerships
from app.persistence.diary import Diary
from app.services.minutes import calendar_file
from ui.cli import main

TODAY = date(2025, 4, 20)


@pytest.fixture
def meeting(diary: Diary) -> Meeting:
    return _plant(diary)


def _parse(document: bytes) -> Calendar:
    return Calendar.from_ical(document)


def _items(cal: Calendar) -> dict[str, object]:
    return {str(c["uid"]): c for c in cal.walk("VEVENT")}


def test_the_calendar_holds_planned_events_and_open_action_due_dates(
    diary: Diary, meeting: Meeting
) -> None:
    document, n_events, n_actions = calendar_file(diary, meeting.partnership, TODAY)
    cal = _parse(document)
    items = list(cal.walk("VEVENT"))
    titles = [str(c["summary"]) for c in items]
    # The interview (1 May) and the meeting of 20 May are planned; the past ones are not.
    assert titles[:2] == ["Interview with Mikko", "SHRDnextQ9"]
    assert (n_events, n_actions) == (2, 2)
    assert len(items) == n_events + n_actions
    dues = sorted(t for t in titles if t.startswith("Due: "))
    assert dues == ["Due: SHRDactionQ7 for Pekka Mäki", "Due: SHRDolderQ11"]
    text = document.decode("utf-8")
    assert "PRIV" not in text  # private actions and the event's purpose stay out
    action = next(c for c in items if str(c["summary"]) == "Due: SHRDolderQ11")
    assert action.decoded("dtstart") == date(2025, 4, 30)  # an all-day event on the due date
    assert str(action["transp"]) == "TRANSPARENT"
    planned = next(c for c in items if str(c["summary"]) == "SHRDnextQ9")
    assert planned.decoded("dtstart") == datetime(2025, 5, 20, 9, 0)


def test_invitees_with_an_email_address_are_attendees(diary: Diary, meeting: Meeting) -> None:
    people = partnerships.list_people(diary.db, meeting.partnership)
    mikko, pekka = people[0].pk or 0, people[1].pk or 0
    with diary.write() as db:
        e = Event(
            EventKind.MEETING,
            "Planning",
            "2025-06-02T10:00",
            duration_minutes=45,
            participants=[Participant(mikko), Participant(pekka)],
        )
        events.insert_event(db, meeting.partnership, e)
    cal = _parse(calendar_file(diary, meeting.partnership, TODAY)[0])
    planning = next(c for c in cal.walk("VEVENT") if str(c["summary"]) == "Planning")
    attendees = planning.get("attendee")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    # Only Mikko has an address; Pekka is invited but cannot be written to.
    assert [str(a) for a in attendees] == ["mailto:mikko@tehdas.fi"]
    assert attendees[0].params["CN"] == "Mikko Lahti"
    assert planning.decoded("duration").total_seconds() == 45 * 60


def test_a_re_export_keeps_every_uid(diary: Diary, meeting: Meeting) -> None:
    first = _items(_parse(calendar_file(diary, meeting.partnership, TODAY)[0]))
    with diary.write() as db:
        # An edit and a new action: the old items keep their UIDs, the new one gets its own.
        actions.insert_action(
            db,
            meeting.partnership,
            Action("Book the room", date(2025, 4, 20), due_on=date(2025, 5, 10)),
        )
        for e in events.list_events(db, meeting.partnership):
            if e.title == "SHRDnextQ9":
                e.title = "Steering group 2"
                events.update_event(db, e)
    second = _items(_parse(calendar_file(diary, meeting.partnership, TODAY)[0]))
    assert set(first) < set(second)
    assert len(second) == len(first) + 1
    renamed = [uid for uid, c in second.items() if str(c["summary"]) == "Steering group 2"]
    assert renamed and str(first[renamed[0]]["summary"]) == "SHRDnextQ9"
    assert all(uid.endswith("@kumppani") for uid in second)


def test_kumppani_ical_writes_the_file_and_refuses_another_extension(
    diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    planted = open_diary_file(diary_path, create=True)
    try:
        _plant(planted)
    finally:
        planted.close()
    out = tmp_path / "plan.ics"
    argv = ["--db", str(diary_path), "ical", "--partnership", "Minutes Partnership"]
    argv += ["--date", "2025-04-20"]
    assert main([*argv, "--out", str(out)]) == 0
    assert "2 planned events and 2 action due dates" in capsys.readouterr().out
    assert len(list(_parse(out.read_bytes()).walk("VEVENT"))) == 4
    assert main([*argv, "--out", str(tmp_path / "plan.txt")]) == 2
    assert "ends in .ics" in capsys.readouterr().err
    assert not (tmp_path / "plan.txt").exists()
