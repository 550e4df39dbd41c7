"""The facilitator's ratings of organizations at an event: reading and changing one cell.

A facilitator's rating is a rating without a respondent. Each change is one transaction and,
given an undo stack, one undoable step that restores the event's ratings exactly as they were.
Respondents' answers (questionnaire waves) are never touched here.
"""

from __future__ import annotations

import copy

from sqlite_utils import Database

from app.domain import Dimension, Rating
from app.i18n import _
from app.persistence import events as event_repo
from app.persistence.diary import Diary
from app.scores.instruments import RATING_MAX, RATING_MIN
from app.services.undo import Command, UndoStack


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


def set_facilitator_rating(
    diary: Diary,
    event_pk: int,
    organization: int,
    dimension: Dimension,
    value: float | None,
    undo: UndoStack | None = None,
) -> None:
    """Rate ``organization`` on ``dimension`` at an event (None clears the rating).

    Raises ``ValueError`` with a user-facing message for a value outside 1–5.
    """
    if value is not None and not RATING_MIN <= value <= RATING_MAX:
        raise ValueError(_("A rating is a number from 1 to 5."))
    before = event_repo.list_ratings(diary.db, event_pk)
    after = with_rating(before, organization, dimension, value)

    def store(ratings: list[Rating]) -> None:
        event_repo.set_ratings(diary.db, event_pk, copy.deepcopy(ratings))

    if undo is None:
        with diary.write():
            store(after)
        return
    undo.push(Command(_("rate organization"), lambda: store(after), lambda: store(before)))
