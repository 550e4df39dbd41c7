"""Reading checklist marks and the feedback reports given (no function here writes)."""

from app.persistence.records import (
    list_checklist_marks,
    list_feedback_reports,
)

__all__ = [
    "list_checklist_marks",
    "list_feedback_reports",
]
