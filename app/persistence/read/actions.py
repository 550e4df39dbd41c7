"""Reading the action plan (no function here writes)."""

from app.persistence.actions import (
    get_action,
    list_actions,
)

__all__ = [
    "get_action",
    "list_actions",
]
