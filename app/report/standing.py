"""Where an objective stands on a date: achieved, on track, at risk, or not measured.

The rule (documented in docs/reports.md, "At a glance"):

1. No measurement dated on or before the day: **not measured**.
2. No numeric target or no direction (which way is better): **measured**, shown without a
   judgement.
3. The latest measurement reaches the target (at least it when higher is better, at most it
   when lower is better): **achieved**.
4. The due date has passed without reaching it: **at risk**.
5. With a due date: the straight line from the first measurement to the target on the due date
   says where the indicator should be on the latest measurement's date. At least there (in the
   better direction): **on track**; short of it: **at risk**. A single measurement is on the
   line by definition: on track.
6. Without a due date: **on track** while the latest value is no worse than the first and,
   with two or more measurements, better than it; otherwise **at risk**.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.domain.enums import Direction
from app.domain.snapshot import known_on
from app.persistence.shared import SharedMeasurement, SharedObjective
from app.report.parts import Standing

# Floating-point slack when comparing a value with the target or the expected line.
_EPSILON = 1e-9


def measured_by(o: SharedObjective, as_of: date) -> list[SharedMeasurement]:
    """The objective's measurements known on ``as_of``, oldest first."""
    return sorted(
        (m for m in o.measurements if known_on(m.measured_on, as_of)), key=lambda m: m.measured_on
    )


def _better(value: float, than: float, direction: Direction) -> float:
    """How much better ``value`` is than ``than`` (negative: worse)."""
    return value - than if direction is Direction.UP else than - value


def standing(o: SharedObjective, as_of: date) -> Standing:
    return standing_of(measured_by(o, as_of), o.target_value, o.direction, o.due_on, as_of)


def standing_of(
    measured: Sequence[SharedMeasurement],
    target: float | None,
    direction: Direction | None,
    due_on: date | None,
    as_of: date,
) -> Standing:
    if not measured:
        return Standing.NOT_MEASURED
    if target is None or direction is None:
        return Standing.MEASURED
    first, latest = measured[0], measured[-1]
    if _better(latest.value, target, direction) >= -_EPSILON:
        return Standing.ACHIEVED
    if due_on is not None:
        if as_of > due_on:
            return Standing.AT_RISK
        span = (due_on - first.measured_on).days
        if span <= 0:
            return Standing.AT_RISK
        elapsed = (latest.measured_on - first.measured_on).days
        expected = first.value + (target - first.value) * elapsed / span
        on_line = _better(latest.value, expected, direction) >= -_EPSILON
        return Standing.ON_TRACK if on_line else Standing.AT_RISK
    if len(measured) == 1:
        return Standing.ON_TRACK
    return (
        Standing.ON_TRACK
        if _better(latest.value, first.value, direction) > _EPSILON
        else (Standing.AT_RISK)
    )
