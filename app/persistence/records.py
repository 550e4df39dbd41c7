"""Checklist marks and the record of feedback reports given to partners."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.domain import ChecklistMark, FeedbackReport
from app.persistence.rows import d2s, next_seq, now_stamp, rows, s2d


def list_checklist_marks(db: Database, partnership_pk: int) -> list[ChecklistMark]:
    return [
        ChecklistMark(
            item=r["item"],
            done_on=s2d(r["done_on"]),  # type: ignore[arg-type]
            note=r["note"],
            evidence=r["evidence"],
            pk=r["pk"],
        )
        for r in rows(
            db,
            "SELECT * FROM checklist_marks WHERE partnership_pk = ? ORDER BY seq",
            [partnership_pk],
        )
    ]


def upsert_checklist_mark(db: Database, partnership_pk: int, m: ChecklistMark) -> None:
    """Mark an item done (or change the mark of an item already done)."""
    db.execute(
        "INSERT INTO checklist_marks (partnership_pk, seq, item, done_on, note, evidence) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (partnership_pk, item) DO UPDATE SET "
        "done_on = excluded.done_on, note = excluded.note, evidence = excluded.evidence, "
        "updated_at = ?",
        [
            partnership_pk,
            next_seq(db, "checklist_marks", "partnership_pk", partnership_pk),
            m.item,
            d2s(m.done_on),
            m.note,
            m.evidence,
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
        "sha256, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            r.id,
            next_seq(db, "feedback_reports", "partnership_pk", partnership_pk),
            d2s(r.generated_on),
            r.audience,
            json.dumps(list(r.sections)) if r.sections is not None else None,
            r.sha256,
            json.dumps(r.options, sort_keys=True) if r.options else None,
        ],
    )
    r.pk = int(cur.lastrowid or 0)
    return r.pk


def delete_feedback_report(db: Database, pk: int) -> None:
    db.execute("DELETE FROM feedback_reports WHERE pk = ?", [pk])
