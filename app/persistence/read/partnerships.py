"""Reading partnerships with their phases, objectives, organizations and people.

No function here writes.
"""

from app.persistence.partnerships import (
    find_partnership,
    get_partnership,
    get_thresholds,
    list_objectives,
    list_organizations,
    list_partnerships,
    list_people,
    list_phases,
    partnership_counts,
    partnership_pk_by_id,
)

__all__ = [
    "find_partnership",
    "get_partnership",
    "get_thresholds",
    "list_objectives",
    "list_organizations",
    "list_partnerships",
    "list_people",
    "list_phases",
    "partnership_counts",
    "partnership_pk_by_id",
]
