"""Reading events with their participants and ratings (no function here writes)."""

from app.persistence.events import (
    event_days,
    event_partnership,
    get_event,
    list_agenda,
    list_events,
    list_participants,
    list_ratings,
)

__all__ = [
    "event_days",
    "event_partnership",
    "get_event",
    "list_agenda",
    "list_events",
    "list_participants",
    "list_ratings",
]
