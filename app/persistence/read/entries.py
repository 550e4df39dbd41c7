"""Reading entries (no function here writes)."""

from app.persistence.entries import (
    get_entry,
    list_entries,
    list_partnership_entries,
)

__all__ = [
    "get_entry",
    "list_entries",
    "list_partnership_entries",
]
