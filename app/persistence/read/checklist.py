"""Reading custom checklist items and acknowledged warnings (no function here writes)."""

from app.persistence.checklist import (
    CustomItem,
    WarningAck,
    find_evidence,
    list_acks,
    list_custom,
)

__all__ = [
    "CustomItem",
    "WarningAck",
    "find_evidence",
    "list_acks",
    "list_custom",
]
