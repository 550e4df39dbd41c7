"""The facilitator's ratings of organizations at an event: reading them and setting one cell.

A facilitator's rating is a rating without a respondent. Changing one is a use case
(``app.services.ratings.set_facilitator_rating``); here is how they are read, and the pure
change of one cell. Respondents' answers (questionnaire waves) are never touched here.
"""

from __future__ import annotations

import copy

from sqlite_utils import Database

from app.domain import Dimension, Rating
from app.persistence import events as event_repo


def facilitator_ratings(db: Database, event_pk: int) -> dict[tuple[int, Dimension], float]:
    """The facilitator's ratings at an event by (organization key, dimension)."""
    return {
        (r.organization, r.dimension): float(r.value)
        for r in event_repo.list_ratings(db, event_pk)
        if r.respondent is None
    }


def with_rating(
    ratings: list[Rating], organization: int, dimension: Dimension, value: float | None
) -> list[Rating]:
    """``ratings`` with the facilitator's rating of one cell set (or removed when None)."""
    kept = [
        copy.copy(r)
        for r in ratings
        if not (
            r.respondent is None and r.organization == organization and r.dimension == dimension
        )
    ]
    if value is not None:
        kept.append(Rating(organization=organization, dimension=dimension, value=value))
    return kept
