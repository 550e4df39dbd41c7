"""A report stays readable at any size: by default it covers what is new since the last report
given (or six months), counts the whole partnership, lists at most the most recent lines of
each list and says how many it left out; the appendix of every shared entry is a choice made
with its page estimate in view."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from test_report_support import pdf_text

from app.domain import (
    Entry,
    EntryType,
    Event,
    EventKind,
    FeedbackReport,
    Organization,
    Partnership,
    Role,
    Visibility,
)
from app.persistence import entries, events, partnerships, records
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.report.extent import default_period_from, months_back
from app.services import feedback
from reports.feedback import build_feedback_pdf
from ui.cli import main

START = date(2023, 1, 2)
MEETINGS = 80  # one a week
LAST_REPORT = START + timedelta(weeks=60)
MADE_ON = START + timedelta(weeks=MEETINGS)


def _fill(diary: Diary) -> int:
    """A weekly meeting with two shared decisions ("DECnnA/B") and one private note each."""
    with diary.write() as db:
        pk = partnerships.insert_partnership(db, Partnership("Big Partnership", START))
        partnerships.insert_organization(db, pk, Organization("Tehdas Oy", Role.CUSTOMER))
        partnerships.insert_organization(db, pk, Organization("Terveys Ab", Role.PROVIDER))
        for week in range(MEETINGS):
            day = START + timedelta(weeks=week)
            event = Event(EventKind.MEETING, f"Meeting {week}", day.isoformat())
            event_pk = events.insert_event(db, pk, event)
            for suffix in "AB":
                text = f"DEC{week:02d}{suffix} agreed."
                decision = Entry(event_pk, EntryType.DECISION, text, Visibility.SHARED)
                entries.insert_entry(db, pk, decision)
            note = Entry(event_pk, EntryType.NOTE, f"PRIV{week:02d}", Visibility.PRIVATE)
            entries.insert_entry(db, pk, note)
        records.insert_feedback_report(db, pk, FeedbackReport(generated_on=LAST_REPORT))
    return pk


def test_the_default_period_starts_at_the_last_report_given_else_six_months_back() -> None:
    today = date(2025, 8, 31)
    assert default_period_from([], today) == date(2025, 2, 28)
    assert default_period_from([date(2025, 3, 1), date(2025, 6, 5)], today) == date(2025, 6, 5)
    # A report dated later than the day asked about does not count.
    assert default_period_from([date(2025, 9, 5)], today) == date(2025, 2, 28)
    assert months_back(date(2024, 3, 31), 1) == date(2024, 2, 29)


def test_lists_keep_their_most_recent_lines_and_count_the_rest(diary: Diary) -> None:
    pk = _fill(diary)
    since = feedback.default_period_from(diary, pk, MADE_ON)
    assert since == LAST_REPORT
    options = ReportOptions(generated_on=MADE_ON, period_from=since, listing_limit=10)
    data = feedback.report_data(diary, pk, options)
    in_period = 2 * (MEETINGS - 60)  # the weeks from the last report on
    assert [d.text for d in data.decisions][-1] == f"DEC{MEETINGS - 1:02d}B agreed."
    assert len(data.decisions) == 10 and data.left_out("decisions") == in_period - 10
    assert len(data.meetings) == 10 and data.left_out("meetings") == MEETINGS - 60 - 10
    counts = {c.what: (c.in_period, c.since_start) for c in data.counts}
    assert counts["decisions"] == (in_period, 2 * MEETINGS)  # private notes are not counted
    assert counts["entries"] == (in_period, 2 * MEETINGS)
    assert counts["events"] == (MEETINGS - 60, MEETINGS)
    text = pdf_text(build_feedback_pdf(data))
    assert f"DEC{MEETINGS - 1:02d}B" in text and "DEC00A" not in text and "PRIV" not in text
    assert f"and {in_period - 10} earlier in this period, not listed here" in text
    assert "The partnership in numbers" in text


def test_the_appendix_lists_every_shared_entry_and_its_estimate_is_close(diary: Diary) -> None:
    pk = _fill(diary)
    options = ReportOptions(generated_on=MADE_ON, period_from=LAST_REPORT, appendix=True)
    data = feedback.report_data(diary, pk, options)
    assert len(data.appendix) == 2 * MEETINGS
    pdf = build_feedback_pdf(data)
    text = pdf_text(pdf)
    assert "Appendix: every shared entry" in text and "DEC00A" in text and "PRIV" not in text
    assert "listed in the appendix" in text
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    estimate = feedback.page_estimate(diary, pk, data)
    assert pages / 2 <= estimate.report + estimate.appendix <= pages * 2


def test_the_command_reports_since_the_last_report_and_prints_its_estimate_first(
    diary: Diary, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(diary)
    diary.close()
    out = tmp_path / "r.pdf"
    argv = ["--db", str(diary.path), "report", "--partnership", "Big Partnership"]
    argv += ["--out", str(out), "--date", MADE_ON.isoformat(), "--draft"]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    estimate = re.match(r"Writing about (\d+) (page|pages)…\n", printed)
    assert estimate is not None, printed
    assert (estimate[2] == "page") == (estimate[1] == "1")
    text = pdf_text(out.read_bytes())
    assert f"DEC{MEETINGS - 1:02d}B" in text and "DEC10A" not in text
    assert main([*argv, "--since-start", "--appendix"]) == 0
    assert "DEC10A" in pdf_text(out.read_bytes())


def test_the_dialog_starts_at_the_last_report_and_shows_the_appendix_estimate(
    qtbot: QtBot, diary: Diary
) -> None:
    from ui.dialogs.report_dialog import ReportDialog

    pk = _fill(diary)
    dialog = ReportDialog(diary, pk)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.pdf is not None, timeout=30_000)
    assert dialog.from_check.isChecked()
    options = dialog.current_options()
    assert options.period_from == LAST_REPORT and not options.appendix
    assert "The appendix adds about" in dialog.appendix_note.text()
    before = dialog.pdf
    dialog.appendix_check.setChecked(True)
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.pdf is not before, timeout=30_000)
    assert dialog.current_options().appendix
    assert "DEC00A" in pdf_text(dialog.pdf or b"")
