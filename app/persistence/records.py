"""Checklist marks and the record of feedback reports given to partners."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.domain import ChecklistMark, FeedbackReport
from app.domain.enums import MarkStatus, Names, ReportKind, ReportStatus
from app.persistence.rows import d2s, next_seq, now_stamp, rows, s2d


def list_checklist_marks(db: Database, partnership_pk: int) -> list[ChecklistMark]:
    return [
        ChecklistMark(
            item=r["item"],
            marked_on=s2d(r["marked_on"]),  # type: ignore[arg-type]
            note=r["note"],
            evidence=r["evidence"],
            pk=r["pk"],
            status=MarkStatus(r["status"]),
            text=r["text"],
        )
        for r in rows(
            db,
            "SELECT * FROM checklist_marks WHERE partnership_pk = ? ORDER BY seq",
            [partnership_pk],
        )
    ]


def upsert_checklist_mark(db: Database, partnership_pk: int, m: ChecklistMark) -> None:
    """Mark an item done or not met (or change the mark of an item already marked)."""
    db.execute(
        "INSERT INTO checklist_marks (partnership_pk, seq, item, marked_on, note, evidence, "
        "status, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (partnership_pk, item) DO UPDATE SET "
        "marked_on = excluded.marked_on, note = excluded.note, evidence = excluded.evidence, "
        "status = excluded.status, text = excluded.text, updated_at = ?",
        [
            partnership_pk,
            next_seq(db, "checklist_marks", "partnership_pk", partnership_pk),
            m.item,
            d2s(m.marked_on),
            m.note,
            m.evidence,
            m.status.value,
            m.text,
            now_stamp(),
        ],
    )


def delete_checklist_mark(db: Database, partnership_pk: int, item: str) -> None:
    db.execute(
        "DELETE FROM checklist_marks WHERE partnership_pk = ? AND item = ?", [partnership_pk, item]
    )


def _report(r: dict[str, Any]) -> FeedbackReport:
    return FeedbackReport(
        generated_on=s2d(r["generated_on"]),  # type: ignore[arg-type]
        audience=r["audience"],
        sections=tuple(json.loads(r["sections"])) if r["sections"] is not None else None,
        sha256=r["sha256"],
        options=json.loads(r["options"]) if r["options"] else None,
        id=r["id"],
        pk=r["pk"],
        kind=ReportKind(r["kind"]),
        status=ReportStatus(r["status"]),
        period_from=s2d(r["period_from"]),
        period_to=s2d(r["period_to"]),
        names=Names(r["names"]) if r["names"] else None,
        language=r["language"],
        event=r["event_pk"],
    )


def list_feedback_reports(db: Database, partnership_pk: int) -> list[FeedbackReport]:
    return [
        _report(r)
        for r in rows(
            db,
            "SELECT * FROM feedback_reports WHERE partnership_pk = ? ORDER BY seq",
            [partnership_pk],
        )
    ]


def insert_feedback_report(db: Database, partnership_pk: int, r: FeedbackReport) -> int:
    cur = db.execute(
        "INSERT INTO feedback_reports (partnership_pk, id, seq, generated_on, audience, sections, "
        "sha256, options, kind, status, period_from, period_to, names, language, event_pk) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            r.id,
            next_seq(db, "feedback_reports", "partnership_pk", partnership_pk),
            d2s(r.generated_on),
            r.audience,
            json.dumps(list(r.sections)) if r.sections is not None else None,
            r.sha256,
            json.dumps(r.options, sort_keys=True) if r.options else None,
            r.kind.value,
            r.status.value,
            d2s(r.period_from),
            d2s(r.period_to),
            r.names.value if r.names else None,
            r.language,
            r.event,
        ],
    )
    r.pk = int(cur.lastrowid or 0)
    return r.pk


def delete_feedback_report(db: Database, pk: int) -> None:
    db.execute("DELETE FROM feedback_reports WHERE pk = ?", [pk])
