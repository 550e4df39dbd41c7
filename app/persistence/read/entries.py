"""Reading entries (no function here writes)."""

from app.persistence.entries import (
    decisions_for_review,
    get_entry,
    ideas_to_revisit,
    list_entries,
    list_partnership_entries,
)

__all__ = [
    "decisions_for_review",
    "get_entry",
    "ideas_to_revisit",
    "list_entries",
    "list_partnership_entries",
]
