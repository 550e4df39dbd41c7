"""The feedback report's questionnaire results on the latest wave's own instrument dimensions,
read back from the real PDF (pypdf) and DOCX (python-docx): a custom instrument's labels and
means, no mean for a side below the minimum group size, nothing of a wave held after the
report's end date, and never a respondent's comment or pseudonym."""

from __future__ import annotations

from datetime import date

import pytest
from docx_support import docx_text
from questionnaire_support import org_pks, small_partnership
from test_questionnaire_results import OWN
from test_report_support import pdf_text

from app.domain import Level
from app.domain.questionnaire import Response
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.scores import parse_instrument
from app.services import feedback
from app.services.questionnaires import add_responses, start_wave
from reports.docx.build import build_feedback_docx
from reports.feedback import build_feedback_pdf

# A wave held after the end date may be listed as coming up (its questionnaire event), but its
# results never print: the heading names the latest wave held by the end date.
CANARIES = ("COMMENTCANARY", "PSEUDOCANARY")


def _waves(diary: Diary) -> int:
    pk = small_partnership(diary, min_group_size=2)
    orgs = org_pks(diary, pk)
    emp, ohs = orgs["org-emp"], orgs["org-ohs"]
    own = parse_instrument(OWN)
    answers = {
        # employer synergy: (7 + 7)/2 and (5 + 5)/2 → 6.0; the provider's one answer: no mean
        date(2025, 3, 1): [({"a": 7, "b": 1, "c": 7}, emp), ({"a": 5, "b": 3, "c": 5}, emp)],
        # employer synergy: 6 and 4 → 5.0 (▼ −1.0 from the first and the previous wave)
        date(2025, 6, 1): [({"a": 6, "b": 2, "c": 6}, emp), ({"a": 4, "b": 4, "c": 4}, emp)],
        # held after the report's end date: must not be read
        date(2025, 10, 15): [({"a": 7, "b": 1, "c": 7}, emp), ({"a": 7, "b": 1, "c": 7}, emp)],
    }
    titles = {date(2025, 10, 15): "Autumn"}
    for day, rows in answers.items():
        wave = start_wave(diary, pk, own, day=day, title=titles.get(day, f"Wave {day.month}"))
        responses = [
            Response(org, values, Level.TOP, comment="COMMENTCANARY", pseudonym="PSEUDOCANARY")
            for values, org in rows
        ]
        responses.append(Response(ohs, {"a": 2, "b": 6, "c": 2}, comment="COMMENTCANARY"))
        add_responses(diary, pk, wave, responses)
    return pk


def _options(language: str) -> ReportOptions:
    return ReportOptions(
        generated_on=date(2025, 11, 20), period_to=date(2025, 9, 30), language=language
    )


EXPECTED = {
    "en": (
        "Questionnaire results: Our own, 2025-06-01",
        "Synergy",
        "Voice",
        "5.0  (n = 2)",
        "▼ −1.0",
        "fewer than 2 answers",
        "Top management",
    ),
    "fi": (
        "Kyselyn tulokset: Oma, 1.6.2025",
        "Synergia",
        "Ääni",
        "5,0  (n = 2)",
        "▼ −1,0",
        "alle 2 vastausta",
        "Ylin johto",
    ),
}


@pytest.mark.parametrize("language", ["en", "fi"])
def test_the_pdf_prints_the_instruments_dimensions_and_nothing_it_must_not(
    diary: Diary, language: str
) -> None:
    pk = _waves(diary)
    text = pdf_text(build_feedback_pdf(feedback.report_data(diary, pk, _options(language))))
    flat = " ".join(text.split())
    for expected in EXPECTED[language]:
        assert " ".join(expected.split()) in flat, expected
    # the provider's single answer: counted, never its mean (1 answer would print n = 1)
    assert "(n = 1)" not in flat
    # the late wave's all-7 synergy (7.0 / 7,0 with n = 2) is not the wave shown
    assert "7.0 (n = 2)" not in flat and "7,0 (n = 2)" not in flat
    for canary in CANARIES:
        assert canary not in text


@pytest.mark.parametrize("language", ["en", "fi"])
def test_the_docx_prints_the_same(diary: Diary, language: str) -> None:
    pk = _waves(diary)
    text = docx_text(build_feedback_docx(feedback.report_data(diary, pk, _options(language))))
    flat = " ".join(text.split())
    for expected in EXPECTED[language]:
        assert " ".join(expected.split()) in flat, expected
    assert "(n = 1)" not in flat
    assert "7.0 (n = 2)" not in flat and "7,0 (n = 2)" not in flat
    for canary in CANARIES:
        assert canary not in text


def test_no_wave_in_the_period_no_section(diary: Diary) -> None:
    pk = _waves(diary)
    options = ReportOptions(generated_on=date(2025, 2, 1), period_to=date(2025, 2, 1))
    assert feedback.report_data(diary, pk, options).waves is None
