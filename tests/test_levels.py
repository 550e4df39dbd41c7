"""Attendance and answers split by organizational level: the computation, the commitment page's
remembered toggle, and the report (PDF and DOCX) — on the demonstration partnership, where the
paper's contrast shows: the executors answered and were satisfied, the top managers had gone."""

from __future__ import annotations

from datetime import date

import pytest
from docx_support import docx_text
from pytestqt.qtbot import QtBot
from test_report_support import pdf_text

from app.domain import Dimension, Level, Phase, Rating
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.scores.levels import Invitation, Round, split_by_level, split_levels
from app.services import feedback, warnings
from app.services.demo import load_demo
from reports.docx.build import build_feedback_docx
from reports.feedback import build_feedback_pdf
from ui.context import AppContext
from ui.pages.commitment_page import CommitmentPage
from ui.settings import COMMITMENT_BY_LEVEL

TOP, MID, OP = Level.TOP, Level.MIDDLE, Level.OPERATIONAL


def test_attendance_per_phase_and_answers_only_for_groups_large_enough() -> None:
    levels = {1: TOP, 2: MID, 3: MID, 4: OP, 5: OP, 6: OP}
    invitations = [
        Invitation(Phase.COMMITMENT, 1, True),
        Invitation(Phase.EXECUTION, 1, False),
        Invitation(Phase.EXECUTION, 4, True),
        Invitation(Phase.EXECUTION, 9, True),  # no level: counts nowhere
    ]
    ratings = tuple(Rating(1, Dimension.EFFICIENCY, 4.0, respondent=p) for p in (2, 3, 4, 5, 6))
    split = split_levels(levels, invitations, [Round(date(2025, 1, 1), "Survey", ratings)], 3)
    rows = {r.level: r for r in split.rows}
    assert split.phases == (Phase.COMMITMENT, Phase.EXECUTION)
    assert rows[TOP].attendance_in(Phase.EXECUTION).share == 0
    assert rows[TOP].attendance_in(Phase.COMMITMENT).share == 1
    assert rows[OP].attendance_in(Phase.EXECUTION).share == 1
    assert rows[MID].attendance_in(Phase.EXECUTION).share is None  # nobody invited
    assert (rows[OP].answered, rows[MID].answered, rows[TOP].answered) == (3, 2, 0)
    summary = rows[OP].answer(Dimension.EFFICIENCY)
    assert summary is not None and summary.mean == 4.0
    assert rows[MID].answer(Dimension.EFFICIENCY) is None  # two answered, fewer than three


@pytest.fixture
def demo(diary: Diary) -> int:
    return load_demo(diary)


def test_the_demo_shows_the_contrast_between_levels(diary: Diary, demo: int) -> None:
    split = split_by_level(warnings.load_snapshot(diary.db, demo))
    rows = {r.level: r for r in split.rows}
    top = rows[TOP].attendance_in(Phase.EXECUTION)
    assert (top.attended, top.invited) == (0, 4)  # the top managers had gone
    assert rows[OP].attendance_in(Phase.EXECUTION).share == 1
    assert rows[TOP].answered == 0
    efficiency = rows[OP].answer(Dimension.EFFICIENCY)
    assert efficiency is not None and efficiency.mean >= 4  # the executors were satisfied
    assert split.round_day == date(2025, 11, 19)
    assert rows[OP].answer(Dimension.TRUST) is not None


def test_the_commitment_page_splits_by_level_and_remembers_it(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = load_demo(context.diary)
    page = CommitmentPage(context)
    qtbot.addWidget(page)
    page.show_partnership(pk)
    assert not page.by_level.isChecked() and page.levels.isHidden()
    page.by_level.setChecked(True)
    assert COMMITMENT_BY_LEVEL.read(context.settings)
    assert not page.levels.isHidden() and page.waves.isHidden()
    table = page.levels.attendance
    assert table is not None
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(3)]
    assert cells[0] == ["Top management", "100 % (2 of 2)", "69 % (9 of 13)", "0 % (0 of 4)"]
    again = CommitmentPage(context)
    qtbot.addWidget(again)
    assert again.by_level.isChecked()


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_report_splits_by_level_and_shows_trust(diary: Diary, demo: int, kind: str) -> None:
    data = feedback.report_data(diary, demo, ReportOptions(generated_on=date(2026, 1, 10)))
    assert data.trust and data.levels is not None
    content = (
        pdf_text(build_feedback_pdf(data))
        if kind == "pdf"
        else docx_text(build_feedback_docx(data))
    )
    text = " ".join(content.split())
    assert "By organizational level" in text
    assert "Invitations attended, by level" in text
    assert "0 % (0 of 4)" in text
    assert "Answers by level" in text
    assert "Trust over time" in text
