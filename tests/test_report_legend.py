"""The feedback report explains OVERDUE only under a table that marks an action so (issue 16)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from test_report_support import Planted, pdf_text, plant

from app.domain import ActionStatus
from app.persistence import actions
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.services import feedback
from reports.feedback import build_feedback_pdf

LEGEND = "OVERDUE: the due date has passed and the action is not done."
LEGEND_FI = "MYÖHÄSSÄ"


def _text(diary: Diary, pk: int, language: str = "en") -> str:
    options = ReportOptions(
        generated_on=date(2025, 11, 20), sections=("actions", "next"), language=language
    )
    text = pdf_text(build_feedback_pdf(feedback.report_data(diary, pk, options)))
    return re.sub(r"\s+", " ", text)


def test_the_legend_follows_each_table_with_an_overdue_action(diary: Diary) -> None:
    planted: Planted = plant(diary)
    text = _text(diary, planted.pk)
    # The action plan and the open actions of the next steps both mark the late action.
    assert text.count("OVERDUE") == 4 and text.count(LEGEND) == 2


def test_no_legend_when_nothing_is_overdue(diary: Diary) -> None:
    planted = plant(diary)
    late = next(a for a in actions.list_actions(diary.db, planted.pk) if "late" in a.text)
    with diary.write() as db:
        actions.update_action(
            db, replace(late, status=ActionStatus.DONE, done_on=date(2025, 11, 1))
        )
    for language in ("en", "fi"):
        text = _text(diary, planted.pk, language)
        assert "OVERDUE" not in text and LEGEND_FI not in text
