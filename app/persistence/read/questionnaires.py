"""Reading questionnaire waves and responses (no function here writes)."""

from app.persistence.questionnaires import (
    collected_forms,
    get_wave,
    list_responses,
    list_waves,
    response_counts,
    stored_instruments,
)

__all__ = [
    "collected_forms",
    "get_wave",
    "list_responses",
    "list_waves",
    "response_counts",
    "stored_instruments",
]
