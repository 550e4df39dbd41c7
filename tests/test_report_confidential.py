"""With names hidden, interviews and focus groups print as counts by kind and side: no title,
no participants, and their shared entries without the title that would tell who spoke."""

from __future__ import annotations

import re
from datetime import date

import pytest
from test_report_support import Planted, pdf_text, plant

from app.domain import Entry, EntryType, Event, EventKind, Participant, Visibility
from app.persistence import entries, events, partnerships
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.services import feedback
from reports.feedback import build_feedback_pdf

TODAY = date(2025, 11, 20)


def _held(diary: Diary, planted: Planted) -> None:
    """Three interviews with the customer's director, a focus group with both sides, and one
    interview planned after the report's date."""
    with diary.write() as db:
        people = {p.name: p.pk for p in partnerships.list_people(db, planted.pk)}
        director, doctor = people["Helmi Haapaniemi"], people["Oskari Lindqvist"]
        held = [
            (EventKind.INTERVIEW, "Interview: CEO of the factory", "2025-06-0{}", [director]),
            (EventKind.FOCUS_GROUP, "Focus group of site leads", "2025-07-1{}", [director, doctor]),
        ]
        for kind, title, when, who in held:
            for i in range(1, 4 if kind == EventKind.INTERVIEW else 2):
                ev = Event(kind, f"{title} {i}", when.format(i))
                ev.participants = [Participant(p, attended=True) for p in who]
                pk = events.insert_event(db, planted.pk, ev)
                text = f"SHAREDconfidential{kind.value}{i}"
                entries.insert_entry(
                    db, planted.pk, Entry(pk, EntryType.NOTE, text, Visibility.SHARED)
                )
        later = Event(EventKind.INTERVIEW, "Interview: new CFO", "2025-12-03")
        later.participants = [Participant(doctor, attended=True)]
        events.insert_event(db, planted.pk, later)


def _report(diary: Diary, pk: int, language: str, hide: bool) -> str:
    options = ReportOptions(generated_on=TODAY, language=language, hide_names=hide)
    return re.sub(
        r"\s+", " ", pdf_text(build_feedback_pdf(feedback.report_data(diary, pk, options)))
    )


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        (
            "en",
            [
                "3 interviews with the customer's managers",
                "1 focus group with managers of both partners",
                "1 interview with the provider's managers",
            ],
        ),
        (
            "fi",
            [
                "3 haastattelua asiakkaan johdon kanssa",
                "1 ryhmähaastattelu molempien kumppanien johdon kanssa",
                "1 haastattelu palveluntuottajan johdon kanssa",
            ],
        ),
    ],
)
def test_interviews_are_counted_without_title_or_participants(
    diary: Diary, language: str, counts: list[str]
) -> None:
    planted = plant(diary)
    _held(diary, planted)
    text = _report(diary, planted.pk, language, hide=True)
    for line in counts:
        assert line in text
    for title in ("CEO of the factory", "Focus group of site leads", "new CFO"):
        assert title not in text
    # The shared notes still print, with their date but without the event's title.
    for marker in ("SHAREDconfidentialinterview3", "SHAREDconfidentialfocus_group1"):
        assert marker in text
        assert not re.search(r"(CEO|Focus group of)[^·]*· " + marker, text)


def test_with_names_shown_the_interviews_are_listed_as_before(diary: Diary) -> None:
    planted = plant(diary)
    _held(diary, planted)
    text = _report(diary, planted.pk, "en", hide=False)
    assert "Interview: CEO of the factory 2" in text and "Interview: new CFO" in text
    assert "interviews with the customer's managers" not in text
