"""Feedback reports as a use case: the data of a report, and the record of reports given.

The report's data is assembled from a ``SharedView`` only, so nothing private can reach it.
Every report printed (a preview is not) is recorded as given to the partners, with the SHA-256 of
the exact file; a saved one is recorded as a draft or as given, as the facilitator says. Only a
given report counts as feedback. A record can be removed again when the report was never handed
out.
"""

from __future__ import annotations

import hashlib
from datetime import date

from app.domain import FeedbackReport
from app.domain.enums import Names, ReportStatus
from app.i18n import _
from app.persistence import records
from app.persistence.changes import REPORTS, ChangeSet
from app.persistence.diary import Diary
from app.persistence.shared import SharedView
from app.report import ReportData, ReportOptions, assemble_report, extent


class ReportError(Exception):
    """A report cannot be made as asked; the message says why in the user's language."""


def report_data(diary: Diary, partnership_pk: int, options: ReportOptions) -> ReportData:
    """Assemble a report's data (on the thread that owns the diary's connection)."""
    try:
        return assemble_report(SharedView(diary.db, partnership_pk), options)
    except LookupError as exc:
        raise ReportError(_("That partnership is no longer in the diary.")) from exc


def default_period_from(diary: Diary, partnership_pk: int, on: date) -> date:
    """Where a report made on ``on`` starts by default: the day of the last report given to
    the partners, else six months back (``app.report.extent``)."""
    given = [r.generated_on for r in records.list_feedback_reports(diary.db, partnership_pk)]
    return extent.default_period_from(given, on)


def page_estimate(diary: Diary, partnership_pk: int, data: ReportData) -> extent.PageEstimate:
    """About how many pages the report of ``data`` takes, and the appendix of every entry."""
    return extent.estimate_pages(data)


def parse_sections(text: str) -> tuple[str, ...]:
    """A comma-separated list of section names, checked; raises ``ReportError``."""
    from app.report import SECTIONS

    chosen = tuple(s.strip() for s in text.split(",") if s.strip())
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown or not chosen:
        raise ReportError(
            _("Unknown report section: {names}. Choose from: {choices}.").format(
                names=", ".join(unknown) or "–", choices=", ".join(SECTIONS)
            )
        )
    return chosen


def sha256(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


def record_given(
    diary: Diary,
    partnership_pk: int,
    pdf: bytes,
    options: ReportOptions,
    on: date | None = None,
    *,
    status: ReportStatus = ReportStatus.GIVEN,
) -> FeedbackReport:
    """Record this exact PDF: given to the partners (printed, or saved and marked so) or a
    draft (saved only; it does not count as feedback)."""
    report = FeedbackReport(
        generated_on=on or options.generated_on,
        audience=options.audience,
        sections=options.sections,
        sha256=sha256(pdf),
        options=options.to_record(),
        status=status,
        period_from=options.period_from,
        period_to=options.period_to,
        names=Names.HIDDEN if options.hide_names else Names.SHOWN,
        language=options.language,
    )
    with diary.write(ChangeSet.of(REPORTS, partnership=partnership_pk)) as db:
        records.insert_feedback_report(db, partnership_pk, report)
    return report


def list_given(diary: Diary, partnership_pk: int) -> list[FeedbackReport]:
    """Reports recorded (given and drafts), oldest first."""
    return records.list_feedback_reports(diary.db, partnership_pk)


def remove_given(diary: Diary, report_pk: int) -> None:
    """Forget a recorded report that was never actually handed out."""
    with diary.write(ChangeSet.of(REPORTS, records=[(REPORTS, report_pk)])) as db:
        records.delete_feedback_report(db, report_pk)
