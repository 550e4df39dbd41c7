"""The end of a cycle in partner output: the partners' decision and the phase "ended" appear in
the PDF and the DOCX report, the facilitator's note of the decision nowhere; the phase timeline
of the overview draws the ended phase."""

from __future__ import annotations

from datetime import date

import pytest
from docx_support import docx_text
from test_report_support import pdf_text, plant

from app.domain import Phase
from app.domain.enums import Outcome
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.services import cycle, feedback
from reports.docx.build import build_feedback_docx
from reports.feedback import build_feedback_pdf

NOTE = "PRIVdecisionnoteQ9"


@pytest.fixture
def ended(diary: Diary) -> int:
    planted = plant(diary)
    cycle.record_decision(diary, planted.pk, Outcome.END, date(2025, 11, 10), NOTE)
    return planted.pk


def _text(diary: Diary, pk: int, kind: str, language: str = "en") -> str:
    options = ReportOptions(generated_on=date(2025, 11, 20), language=language)
    data = feedback.report_data(diary, pk, options)
    assert data.phase_now == Phase.ENDED
    assert [s.phase for s in data.phases][-1] == Phase.ENDED
    if kind == "pdf":
        return " ".join(pdf_text(build_feedback_pdf(data)).split())
    return " ".join(docx_text(build_feedback_docx(data)).split())


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_report_says_the_partnership_ended_and_keeps_the_note_out(
    diary: Diary, ended: int, kind: str
) -> None:
    text = _text(diary, ended, kind)
    assert "The partnership has ended." in text
    assert "On 10 November 2025 the partners decided to end the partnership." in text
    assert "The phase in force is" not in text
    assert "Ended" in text  # the phase table's row
    assert NOTE not in text


def test_the_finnish_report_says_it_too(diary: Diary, ended: int) -> None:
    text = _text(diary, ended, "pdf", "fi")
    assert "Kumppanuus on päättynyt." in text
    assert NOTE not in text


def test_a_decision_after_the_report_day_is_not_printed(diary: Diary) -> None:
    planted = plant(diary)
    cycle.record_decision(diary, planted.pk, Outcome.CONTINUE, date(2025, 12, 1))
    options = ReportOptions(generated_on=date(2025, 11, 20))
    data = feedback.report_data(diary, planted.pk, options)
    assert data.outcomes == ()
    later = feedback.report_data(diary, planted.pk, ReportOptions(generated_on=date(2025, 12, 2)))
    assert later.outcomes == ((date(2025, 12, 1), Outcome.CONTINUE),)
