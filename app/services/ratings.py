"""The facilitator rates an organization at an event: one cell, one undoable step.

Each change is one transaction and, given an undo stack, one undoable step that restores the
event's ratings exactly as they were. Respondents' answers (questionnaire waves) are never
touched here.
"""

from __future__ import annotations

import copy

from app.domain import Dimension, Rating
from app.i18n import _
from app.persistence import events as event_repo
from app.persistence.diary import Diary
from app.scores.instruments import RATING_MAX, RATING_MIN
from app.scores.ratings import with_rating
from app.services.command import Command
from app.services.undo import UndoStack


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
