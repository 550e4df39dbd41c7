"""Minutes of a meeting for the partners: what they hold (attendees, decisions with their status,
new and carried-over actions, the next meeting), never a private entry or a private action, in
PDF (read back with pypdf), DOCX (python-docx) and plain text, in English and Finnish, with
names hidden in every inflected form; and minutes given count as feedback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from docx_support import docx_text
from test_report_support import pdf_text

from app.backup.opening import open_diary_file
from app.domain import (
    Action,
    ActionStatus,
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
from app.domain.enums import DecisionStatus, ReportKind, ReportStatus
from app.domain.model import AgendaItem, DecisionRecord
from app.persistence import actions, entries, events, partnerships, records
from app.persistence.diary import Diary
from app.persistence.snapshots import load_snapshot
from app.report.minutes import MinutesOptions, minutes_text
from app.rules import evaluate
from app.services.minutes import MinutesError, event_by_id, minutes_data, record_minutes
from reports.docx.minutes import build_minutes_docx
from reports.minutes import build_minutes_pdf
from ui.cli import main

PRIVATE = ["PRIVdecisionQ3", "PRIVideaQ5", "PRIVactionQ6", "PRIVplainactionQ8", "PRIVpurposeQ10"]
SHARED = [
    "SHRDdecisionQ1",
    "SHRDdisagreeQ2",
    "SHRDnoteQ4",
    "SHRDactionQ7",
    "SHRDolderQ11",
    "SHRDpurposeQ12",
]
# Finnish forms of the people's names that must not survive hiding (genitive, allative,
# partitive, inessive) — written out here, not made by app.names.
FORMS = ["Mikko Lahti", "Mikon", "Mikolle", "Pekkaa", "Lahdelle", "Mäen", "Pekka Mäki"]


@dataclass
class Meeting:
    partnership: int
    event: int
    customer: int
    provider: int


def _plant(diary: Diary) -> Meeting:
    with diary.write() as db:
        p = Partnership(
            "Minutes Partnership",
            date(2025, 1, 10),
            phases=[
                PhaseMove(Phase.NEGOTIATION, date(2025, 1, 10)),
                PhaseMove(Phase.COMMITMENT, date(2025, 2, 1)),
            ],
        )
        pk = partnerships.insert_partnership(db, p)
        cust = partnerships.insert_organization(db, pk, Organization("Tehdas Oy", Role.CUSTOMER))
        prov = partnerships.insert_organization(db, pk, Organization("Terveys Ab", Role.PROVIDER))
        mikko = partnerships.insert_person(
            db,
            pk,
            Person("Mikko Lahti", cust, "HR director", sponsor=True, email="mikko@tehdas.fi"),
        )
        pekka = partnerships.insert_person(
            db, pk, Person("Pekka Mäki", prov, "Service manager", sponsor=True)
        )
        before = Event(EventKind.MEETING, "Kick-off", "2025-03-01")
        before_pk = events.insert_event(db, pk, before)
        actions.insert_action(
            db, pk, Action("SHRDolderQ11", date(2025, 3, 1), owner=pekka, due_on=date(2025, 4, 30))
        )
        actions.insert_action(
            db,
            pk,
            Action("Done already", date(2025, 3, 1), ActionStatus.DONE, done_on=date(2025, 3, 9)),
        )
        del before_pk
        meeting = Event(
            EventKind.MEETING,
            "Steering group",
            "2025-04-10T13:00",
            duration_minutes=90,
            purpose="PRIVpurposeQ10",
            participants=[Participant(mikko, attended=True), Participant(pekka, attended=False)],
        )
        e = events.insert_event(db, pk, meeting)
        events.set_agenda(
            db,
            e,
            [
                AgendaItem("Where the pilot stands", 20, "SHRDpurposeQ12 from Mikolle", pekka),
                AgendaItem("Next steps", 10),
            ],
        )
        agreed = DecisionRecord(DecisionStatus.AGREED, [cust, prov], date(2025, 9, 1))
        contested = DecisionRecord(DecisionStatus.CONTESTED, [cust], None, "SHRDdisagreeQ2")
        entries.insert_entry(
            db,
            pk,
            Entry(
                e,
                EntryType.DECISION,
                "SHRDdecisionQ1 as proposed by Mikko Lahti",
                Visibility.SHARED,
                decision=agreed,
            ),
        )
        entries.insert_entry(
            db,
            pk,
            Entry(
                e, EntryType.DECISION, "Pilot in two teams", Visibility.SHARED, decision=contested
            ),
        )
        entries.insert_entry(
            db, pk, Entry(e, EntryType.DECISION, "PRIVdecisionQ3", Visibility.PRIVATE)
        )
        note = entries.insert_entry(
            db,
            pk,
            Entry(
                e,
                EntryType.NOTE,
                "SHRDnoteQ4: Mikon ehdotus; kysytään Pekkaa ja Mikolle kiitos, Lahdelle ja Mäen tiimille",
                Visibility.SHARED,
            ),
        )
        idea = entries.insert_entry(
            db, pk, Entry(e, EntryType.IDEA, "PRIVideaQ5", Visibility.PRIVATE)
        )
        actions.insert_action(
            db,
            pk,
            Action(
                "PRIVactionQ6",
                date(2025, 4, 10),
                owner=mikko,
                due_on=date(2025, 5, 1),
                source_entry=idea,
                visibility=Visibility.PRIVATE,
            ),
        )
        actions.insert_action(
            db,
            pk,
            Action(
                "PRIVplainactionQ8",
                date(2025, 4, 10),
                due_on=date(2025, 5, 2),
                visibility=Visibility.PRIVATE,
            ),
        )
        actions.insert_action(
            db,
            pk,
            Action(
                "SHRDactionQ7 for Pekka Mäki",
                date(2025, 4, 10),
                owner=pekka,
                due_on=date(2025, 5, 15),
                source_entry=note,
            ),
        )
        events.insert_event(
            db, pk, Event(EventKind.INTERVIEW, "Interview with Mikko", "2025-05-01")
        )
        events.insert_event(db, pk, Event(EventKind.MEETING, "SHRDnextQ9", "2025-05-20T09:00"))
    return Meeting(pk, e, cust, prov)


def _options(m: Meeting, language: str = "en", hide: bool = False) -> MinutesOptions:
    return MinutesOptions(m.event, date(2025, 4, 11), language=language, hide_names=hide)


@pytest.fixture
def meeting(diary: Diary) -> Meeting:
    return _plant(diary)


def _all_formats(diary: Diary, m: Meeting, language: str, hide: bool) -> dict[str, str]:
    data = minutes_data(diary, m.partnership, _options(m, language, hide))
    return {
        "pdf": " ".join(pdf_text(build_minutes_pdf(data)).split()),
        "docx": " ".join(docx_text(build_minutes_docx(data)).split()),
        "txt": " ".join(minutes_text(data).split()),
    }


@pytest.mark.parametrize("language", ["en", "fi"])
@pytest.mark.parametrize("hide", [False, True])
def test_minutes_hold_the_shared_records_of_the_meeting_and_nothing_private(
    diary: Diary, meeting: Meeting, language: str, hide: bool
) -> None:
    for fmt, text in _all_formats(diary, meeting, language, hide).items():
        for marker in SHARED:
            assert marker in text, (fmt, marker)
        for marker in PRIVATE:
            assert marker not in text, (fmt, marker)
        assert "Done already" not in text  # done before the meeting: not carried over
        if hide:
            for form in FORMS:
                assert form not in text, (fmt, form)
            assert "Interview" not in text  # the next meeting skips a confidential event
        else:
            assert "Mikko Lahti" in text


def test_minutes_print_decisions_with_their_status_and_the_next_meeting(
    diary: Diary, meeting: Meeting
) -> None:
    text = minutes_text(minutes_data(diary, meeting.partnership, _options(meeting)))
    assert "Minutes: Steering group" in text
    assert "Meeting · 10 April 2025, 13:00 · 1 h 30 min" in text
    assert "Present\n-------\n- Tehdas Oy: Mikko Lahti" in text
    assert "Apologies\n---------\n- Terveys Ab: Pekka Mäki" in text
    assert "1. SHRDdecisionQ1 as proposed by Mikko Lahti\n   Agreed\n" in text
    assert "   Agreed by: Tehdas Oy, Terveys Ab\n   Review on 2025-09-01" in text
    assert "2. Pilot in two teams\n   Contested\n   Agreed by: Tehdas Oy" in text
    assert "Disagreement noted: SHRDdisagreeQ2" in text
    assert "Owner: Pekka Mäki (Terveys Ab) · Due: 2025-05-15" in text
    # The older action is carried over; the new one is not listed twice.
    carried = text.split("Open actions carried over")[1]
    assert "SHRDolderQ11" in carried and "SHRDactionQ7" not in carried
    # Names shown: the interview is the next event.
    assert "1 May 2025: Interview with Mikko (interview)" in text
    assert "Agenda\n------\n1. Where the pilot stands (20 min) – Pekka Mäki\n" in text
    assert "   SHRDpurposeQ12 from Mikolle\n2. Next steps (10 min)\n" in text


def test_an_event_without_an_agenda_has_no_agenda_section(diary: Diary, meeting: Meeting) -> None:
    kick_off = events.event_pk_by_id(diary.db, meeting.partnership, _id_of(diary, "Kick-off"))
    assert kick_off is not None
    options = MinutesOptions(kick_off, date(2025, 3, 2))
    data = minutes_data(diary, meeting.partnership, options)
    assert data.agenda == ()
    assert "Agenda" not in minutes_text(data)
    assert "Agenda" not in pdf_text(build_minutes_pdf(data))
    assert "Agenda" not in docx_text(build_minutes_docx(data))


def _id_of(diary: Diary, title: str) -> str:
    return next(e.id for e in events.list_events(diary.db, 1) if e.title == title)


def test_finnish_minutes_are_in_finnish(diary: Diary, meeting: Meeting) -> None:
    options = _options(meeting, "fi", hide=True)
    text = minutes_text(minutes_data(diary, meeting.partnership, options))
    assert "Muistio: Steering group" in text
    assert "Läsnä\n-----\n- HR director (Tehdas Oy)" in text
    assert "Kokous · 10. huhtikuuta 2025, 13.00 · 1 h 30 min" in text
    assert "Sovittu" in text and "Kiistetty" in text
    assert "20. toukokuuta 2025, 9.00: SHRDnextQ9 (kokous)" in text


def test_an_unknown_event_id_is_a_clear_message(diary: Diary, meeting: Meeting) -> None:
    with pytest.raises(MinutesError, match="no event with the id “nope”"):
        event_by_id(diary, meeting.partnership, "nope")
    with diary.write() as db:
        events.set_event_deleted(db, meeting.event, True)
    with pytest.raises(MinutesError, match="no longer in the diary"):
        minutes_data(diary, meeting.partnership, _options(meeting))


def test_given_minutes_count_as_feedback_for_the_side_whose_sponsor_attended(
    diary: Diary, meeting: Meeting
) -> None:
    on = date(2025, 6, 1)  # 120 days in commitment: feedback is overdue on both sides

    def lacking() -> str:
        snap = load_snapshot(diary.db, meeting.partnership)
        found = {w.id: w for w in evaluate(snap, on)}
        return found["no-feedback"].message if "no-feedback" in found else ""

    assert "Tehdas Oy" in lacking() and "Terveys Ab" in lacking()
    options = _options(meeting)
    document = build_minutes_pdf(minutes_data(diary, meeting.partnership, options))
    record_minutes(diary, meeting.partnership, document, options, status=ReportStatus.DRAFT)
    assert "Tehdas Oy" in lacking()  # a draft is no feedback
    record_minutes(diary, meeting.partnership, document, options)
    # Mikko (the customer's sponsor) attended; the provider's sponsor sent apologies.
    assert "Tehdas Oy" not in lacking() and "Terveys Ab" in lacking()
    given = records.list_feedback_reports(diary.db, meeting.partnership)[-1]
    assert (given.kind, given.status, given.event) == (
        ReportKind.MINUTES,
        ReportStatus.GIVEN,
        meeting.event,
    )


def test_kumppani_minutes_writes_each_format_and_records_given_ones(
    diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    planted = open_diary_file(diary_path, create=True)
    try:
        m = _plant(planted)
        event_id = events.get_event(planted.db, m.event).id  # type: ignore[union-attr]
    finally:
        planted.close()
    argv = ["--db", str(diary_path), "minutes", "--partnership", "Minutes Partnership"]
    argv += ["--event", event_id, "--date", "2025-04-11"]
    assert main([*argv, "--out", str(tmp_path / "m.pdf"), "--lang", "fi", "--hide-names"]) == 0
    assert main([*argv, "--out", str(tmp_path / "m.docx"), "--given"]) == 0
    assert main([*argv, "--out", str(tmp_path / "m.txt")]) == 0
    out = capsys.readouterr().out
    assert "recorded them as given to the partners" in out
    pdf = pdf_text((tmp_path / "m.pdf").read_bytes())
    assert "SHRDdecisionQ1" in pdf and "Mikko" not in pdf and "PRIV" not in pdf
    assert (tmp_path / "m.docx").read_bytes().startswith(b"PK")
    assert "SHRDactionQ7" in docx_text((tmp_path / "m.docx").read_bytes())
    assert "SHRDnoteQ4" in (tmp_path / "m.txt").read_text("utf-8")
    diary = open_diary_file(diary_path)
    try:
        given = records.list_feedback_reports(diary.db, m.partnership)
    finally:
        diary.close()
    assert [(g.kind, g.event) for g in given] == [(ReportKind.MINUTES, m.event)]
    # Mistakes: a clear message, nothing written, nothing recorded.
    assert main([*argv[:-4], "--event", "nope", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "no event with the id “nope”" in capsys.readouterr().err
    assert main([*argv, "--out", str(tmp_path / "x.odt")]) == 2
    assert "end the file name in .pdf, .docx or .txt" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.odt").exists()
