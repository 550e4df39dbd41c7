"""The latest questionnaire wave of the report's period on its instrument's own dimensions.

Scored by ``app.scores.questionnaire_results.wave_result`` (the same function the commitment
page uses) from what ``app.persistence.shared_waves`` lets partners see: each response's side,
level and answers, never a person, a pseudonym or a comment. A side's mean is kept only with at
least the partnership's minimum group size of respondents; changes are from the first (baseline)
and the previous wave of the same instrument. Nothing dated after the report's end is read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.domain.enums import Level, Role
from app.persistence.shared import SharedView
from app.persistence.shared_waves import shared_instruments, shared_waves
from app.scores.instrument_model import InstrumentError
from app.scores.instruments import parse_instrument
from app.scores.questionnaire_results import Group, wave_result

_LEVEL_ORDER: dict[Level | None, int] = {level: i for i, level in enumerate(Level)}


@dataclass(frozen=True, slots=True)
class WaveRow:
    """One dimension for one side (and, in the split, one level)."""

    dimension: str  # the instrument's label in the report's language
    side: str  # the side's name as printed ("" when only its role may be)
    role: Role
    n: int
    mean: float | None  # None below the minimum group size
    from_baseline: float | None = None
    from_previous: float | None = None
    level: Level | None = None


@dataclass(frozen=True, slots=True)
class WaveResults:
    instrument: str  # the instrument's name in the report's language
    title: str
    held_on: date
    minimum: int
    baseline: date | None
    previous: date | None
    rows: tuple[WaveRow, ...]
    levels: tuple[WaveRow, ...] = ()  # by level, only where respondents gave a level


def wave_results(
    view: SharedView,
    until: date,
    holds: Callable[[date], bool],
    sides: dict[int, tuple[str, Role]],
    minimum: int,
    language: str,
) -> WaveResults | None:
    """The results of the latest wave held in the period by ``until`` (None: no such wave or
    its instrument cannot be read)."""
    waves = shared_waves(view, until)
    latest = next((i for i in range(len(waves) - 1, -1, -1) if holds(waves[i][0].held_on)), None)
    if latest is None:
        return None
    wave, responses = waves[latest]
    try:
        instrument = parse_instrument(shared_instruments(view)[wave.instrument])
    except (KeyError, InstrumentError):
        return None
    result = wave_result(instrument, wave, responses, minimum, waves[:latest], by_level=True)

    def row(label: str, org: int, group: Group, level: Level | None = None) -> WaveRow:
        name, role = sides.get(org, ("", Role.CUSTOMER))
        return WaveRow(label, name, role, group.n, group.mean, level=level)

    rows: list[WaveRow] = []
    levels: list[WaveRow] = []
    for d in result.dimensions:
        label = d.dimension.label_in(language)
        for org in sorted(d.sides, key=lambda o: (sides.get(o, ("", Role.CUSTOMER))[1], o)):
            base = row(label, org, d.sides[org])
            rows.append(
                WaveRow(
                    base.dimension,
                    base.side,
                    base.role,
                    base.n,
                    base.mean,
                    d.from_baseline.get(org),
                    d.from_previous.get(org),
                )
            )
            levels += [
                row(label, org, group, level)
                for (o, level), group in sorted(
                    d.levels.items(), key=lambda kv: _LEVEL_ORDER.get(kv[0][1], 9)
                )
                if o == org and level is not None
            ]
    return WaveResults(
        instrument=instrument.title(language),
        title=wave.title,
        held_on=wave.held_on,
        minimum=minimum,
        baseline=result.baseline.held_on if result.baseline else None,
        previous=result.previous.held_on if result.previous else None,
        rows=tuple(rows),
        levels=tuple(levels),
    )
