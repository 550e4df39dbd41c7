"""Print quality of the report: long Finnish words in a narrow column break at a syllable with
a hyphen, never cut mid-syllable without one."""

from __future__ import annotations

from datetime import date

from test_report_support import pdf_text, plant

from app.domain import Objective
from app.persistence import partnerships
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.services import feedback
from reports.feedback import build_feedback_pdf

LONG = "Työterveyshuoltoyhteistyösopimus"


def _finnish_objectives(diary: Diary) -> str:
    planted = plant(diary)
    with diary.write() as db:
        # The target column is the narrowest of the objectives table (about 2 cm of text).
        partnerships.insert_objective(db, planted.pk, Objective("Tavoite", target=LONG))
    options = ReportOptions(generated_on=date(2025, 11, 20), language="fi", sections=("phase",))
    return pdf_text(build_feedback_pdf(feedback.report_data(diary, planted.pk, options)))


def test_a_long_finnish_compound_hyphenates_at_syllables_in_a_narrow_column(
    diary: Diary,
) -> None:
    text = _finnish_objectives(diary)
    lines = [line.strip() for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if LONG.startswith(line.rstrip("-")) and line)
    pieces: list[str] = []
    while "".join(p.rstrip("-") for p in pieces) != LONG:
        pieces.append(lines[start + len(pieces)])
    assert len(pieces) > 1, "the word should not fit the column"
    # Every line but the last ends with a hyphen, and every break falls between syllables.
    assert all(p.endswith("-") for p in pieces[:-1])
    syllables = "Työ-ter-veys-huol-to-yh-teis-työ-so-pi-mus".split("-")
    ends = {len("".join(syllables[: i + 1])) for i in range(len(syllables))}
    joined = 0
    for piece in pieces[:-1]:
        joined += len(piece) - 1
        assert joined in ends, f"cut mid-syllable: {pieces}"
