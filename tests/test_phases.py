"""The phase history service: moves, confirmation of open items, corrections, undo."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import Partnership, Phase, PhaseMove, ValidationError
from app.persistence import partnerships
from app.persistence.diary import Diary
from app.services import checklist, phases


def _partnership(diary: Diary) -> int:
    with diary.write() as db:
        p = Partnership("Pilot", date(2025, 1, 1))
        p.phases = [PhaseMove(Phase.NEGOTIATION, date(2025, 1, 1), note="start")]
        return partnerships.insert_partnership(db, p)


def _history(diary: Diary, pk: int) -> list[PhaseMove]:
    p = partnerships.get_partnership(diary.db, pk)
    assert p is not None
    return p.phases


def test_allowed_moves() -> None:
    assert phases.allowed_moves(Phase.NEGOTIATION) == [Phase.COMMITMENT]
    assert phases.allowed_moves(Phase.COMMITMENT) == [Phase.EXECUTION, Phase.NEGOTIATION]
    assert phases.allowed_moves(Phase.EXECUTION) == [Phase.NEGOTIATION]


def test_moving_on_with_open_items_needs_confirmation_and_records_it(diary: Diary) -> None:
    pk = _partnership(diary)
    with pytest.raises(phases.OpenItemsError) as asked:
        phases.move(diary, pk, Phase.COMMITMENT, date(2025, 3, 1), "agreed")
    assert "negotiation.sponsors_named" in {i.id for i in asked.value.items}
    assert len(_history(diary, pk)) == 1  # nothing changed
    moved = phases.move(diary, pk, Phase.COMMITMENT, date(2025, 3, 1), "agreed", confirmed=True)
    stored = _history(diary, pk)[-1]
    assert stored.phase == Phase.COMMITMENT and stored.note == "agreed"
    assert set(stored.confirmed_open) == {i.id for i in asked.value.items}
    assert stored.confirmed_open == moved.confirmed_open


def test_no_confirmation_needed_when_everything_is_done(diary: Diary) -> None:
    pk = _partnership(diary)
    for item in checklist.status(diary.db, pk, date(2025, 2, 1)).open:
        checklist.mark_done(diary, pk, item.id, date(2025, 2, 1))
    phases.move(diary, pk, Phase.COMMITMENT, date(2025, 3, 1))
    assert _history(diary, pk)[-1].confirmed_open == ()


def test_bad_moves_change_nothing(diary: Diary) -> None:
    pk = _partnership(diary)
    with pytest.raises(ValidationError, match="phase"):
        phases.move(diary, pk, Phase.EXECUTION, date(2025, 3, 1), confirmed=True)
    with pytest.raises(ValidationError, match="date"):
        phases.move(diary, pk, Phase.COMMITMENT, date(2024, 12, 31), confirmed=True)
    assert len(_history(diary, pk)) == 1


def test_a_move_on_the_day_of_the_latest_one_holds_that_day(diary: Diary) -> None:
    pk = _partnership(diary)  # negotiation from 2025-01-01
    phases.move(diary, pk, Phase.COMMITMENT, date(2025, 1, 1), confirmed=True)
    p = partnerships.get_partnership(diary.db, pk)
    assert p is not None and p.phase_on(date(2025, 1, 1)) is Phase.COMMITMENT


def test_return_to_negotiation_and_correct_a_date(diary: Diary) -> None:
    pk = _partnership(diary)
    phases.move(diary, pk, Phase.COMMITMENT, date(2025, 3, 1), confirmed=True)
    back = phases.move(diary, pk, Phase.NEGOTIATION, date(2025, 9, 1), "rethink", confirmed=True)
    p = partnerships.get_partnership(diary.db, pk)
    assert p is not None and p.phase_on(date(2025, 9, 2)) == Phase.NEGOTIATION
    commit = _history(diary, pk)[1]
    with pytest.raises(ValidationError, match="between"):
        phases.correct_date(diary, pk, commit.pk or 0, date(2025, 9, 2))
    phases.correct_date(diary, pk, commit.pk or 0, date(2025, 2, 15), "signed earlier")
    commit = _history(diary, pk)[1]
    assert commit.from_on == date(2025, 2, 15) and commit.note == "signed earlier"
    phases.undo_move(diary, back.pk or 0)
    assert [m.phase for m in _history(diary, pk)] == [Phase.NEGOTIATION, Phase.COMMITMENT]
