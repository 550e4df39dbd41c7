"""Where an objective stands on a date (``app.report.standing``), rule by rule."""

from __future__ import annotations

from datetime import date

from app.domain.enums import Direction
from app.persistence.shared import SharedMeasurement
from app.report.parts import Standing
from app.report.standing import standing_of

UP, DOWN = Direction.UP, Direction.DOWN
DAY = date(2025, 7, 1)


def _m(*points: tuple[str, float]) -> list[SharedMeasurement]:
    return [SharedMeasurement(date.fromisoformat(d), v, None) for d, v in points]


def test_no_measurement_is_not_measured() -> None:
    assert standing_of([], 80, UP, None, DAY) is Standing.NOT_MEASURED


def test_without_a_numeric_target_or_direction_nothing_is_judged() -> None:
    measured = _m(("2025-01-01", 40))
    assert standing_of(measured, None, UP, None, DAY) is Standing.MEASURED
    assert standing_of(measured, 80, None, None, DAY) is Standing.MEASURED


def test_reaching_the_target_is_achieved_either_way() -> None:
    assert standing_of(_m(("2025-01-01", 80)), 80, UP, None, DAY) is Standing.ACHIEVED
    assert standing_of(_m(("2025-01-01", 1.9)), 2, DOWN, None, DAY) is Standing.ACHIEVED
    # Achieved even after the due date.
    late = date(2024, 12, 31)
    assert standing_of(_m(("2025-01-01", 81)), 80, UP, late, DAY) is Standing.ACHIEVED


def test_past_the_due_date_short_of_the_target_is_at_risk() -> None:
    measured = _m(("2025-01-01", 40), ("2025-06-01", 79))
    assert standing_of(measured, 80, UP, date(2025, 6, 30), DAY) is Standing.AT_RISK
    assert standing_of(measured, 80, UP, date(2025, 7, 1), DAY) is Standing.ON_TRACK


def test_the_line_from_the_first_measurement_to_the_target_decides() -> None:
    due = date(2025, 12, 31)  # 364 days after the first measurement
    # Half-way through the time the line stands at 60.
    ahead = _m(("2025-01-01", 40), ("2025-07-02", 61))
    behind = _m(("2025-01-01", 40), ("2025-07-02", 55))
    assert standing_of(ahead, 80, UP, due, DAY) is Standing.ON_TRACK
    assert standing_of(behind, 80, UP, due, DAY) is Standing.AT_RISK
    # Lower is better: from 4 towards 2, half-way the line stands at 3.
    assert standing_of(_m(("2025-01-01", 4), ("2025-07-02", 2.9)), 2, DOWN, due, DAY) is (
        Standing.ON_TRACK
    )
    assert standing_of(_m(("2025-01-01", 4), ("2025-07-02", 3.4)), 2, DOWN, due, DAY) is (
        Standing.AT_RISK
    )
    # A single measurement is on its own line.
    assert standing_of(_m(("2025-01-01", 40)), 80, UP, due, DAY) is Standing.ON_TRACK


def test_without_a_due_date_progress_since_the_first_measurement_decides() -> None:
    assert standing_of(_m(("2025-01-01", 40), ("2025-05-01", 45)), 80, UP, None, DAY) is (
        Standing.ON_TRACK
    )
    assert standing_of(_m(("2025-01-01", 40), ("2025-05-01", 40)), 80, UP, None, DAY) is (
        Standing.AT_RISK
    )
    assert standing_of(_m(("2025-01-01", 3), ("2025-05-01", 3.5)), 2, DOWN, None, DAY) is (
        Standing.AT_RISK
    )
