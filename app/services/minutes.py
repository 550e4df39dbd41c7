"""Minutes of a meeting and the partnership's calendar file, as use cases.

Minutes are assembled from a ``MeetingView`` only (``app.report.minutes``), so nothing private
can reach them. Minutes given to the partners are recorded like feedback reports (kind
``minutes``, with the event and the SHA-256 of the exact file); a draft is recorded only when
the facilitator asks. Given minutes count as feedback for the sides whose sponsor attended the
meeting (the ``no-feedback`` rule).
"""

from __future__ import annotations

import hashlib
from datetime import date

from app.domain import FeedbackReport
from app.domain.enums import Names, ReportKind, ReportStatus
from app.i18n import _
from app.persistence import events, records
from app.persistence.changes import REPORTS, ChangeSet
from app.persistence.diary import Diary
from app.persistence.shared_meetings import MeetingView
from app.report.calendar import calendar_bytes
from app.report.minutes import EventNotFound, MinutesData, MinutesOptions, assemble_minutes


class MinutesError(Exception):
    """Minutes cannot be made as asked; the message says why in the user's language."""


def event_by_id(diary: Diary, partnership_pk: int, event_id: str) -> int:
    """The key of the live event ``event_id`` (its id in the exchange file) of the partnership;
    raises ``MinutesError`` naming the id when there is none."""
    pk = events.event_pk_by_id(diary.db, partnership_pk, event_id.strip())
    if pk is None:
        raise MinutesError(
            _(
                "The partnership has no event with the id “{id}”. The ids are those of the "
                "partnership file (kumppani export)."
            ).format(id=event_id)
        )
    return pk


def minutes_data(diary: Diary, partnership_pk: int, options: MinutesOptions) -> MinutesData:
    """Assemble the minutes' data (on the thread that owns the diary's connection)."""
    try:
        return assemble_minutes(MeetingView(diary.db, partnership_pk), options)
    except EventNotFound as exc:
        raise MinutesError(_("That event is no longer in the diary.")) from exc
    except LookupError as exc:
        raise MinutesError(_("That partnership is no longer in the diary.")) from exc


def record_minutes(
    diary: Diary,
    partnership_pk: int,
    document: bytes,
    options: MinutesOptions,
    *,
    status: ReportStatus = ReportStatus.GIVEN,
) -> FeedbackReport:
    """Record these exact minutes: given to the partners, or a draft (not feedback)."""
    report = FeedbackReport(
        generated_on=options.generated_on,
        audience="all",
        sha256=hashlib.sha256(document).hexdigest(),
        options=options.to_record(),
        kind=ReportKind.MINUTES,
        status=status,
        names=Names.HIDDEN if options.hide_names else Names.SHOWN,
        language=options.language,
        event=options.event,
    )
    with diary.write(ChangeSet.of(REPORTS, partnership=partnership_pk)) as db:
        records.insert_feedback_report(db, partnership_pk, report)
    return report


def calendar_file(diary: Diary, partnership_pk: int, today: date) -> tuple[bytes, int, int]:
    """The partnership's calendar (planned events from ``today`` on, due dates of open shared
    actions) as iCalendar bytes, with how many events and action items it holds."""
    try:
        return calendar_bytes(MeetingView(diary.db, partnership_pk), today)
    except LookupError as exc:
        raise MinutesError(_("That partnership is no longer in the diary.")) from exc
