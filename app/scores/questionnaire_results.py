"""A wave's results: every dimension of its instrument, per side (organization) and level.

Plain data in, plain data out. A side's result on a dimension is the mean of its respondents'
scores (each the mean of their answered items, reverse items turned round); it is shown only
when at least ``min_group_size`` respondents have a score, otherwise only their number is (the
report prints "fewer than N answers"). Changes are taken from the first (baseline) and the
previous wave of the same instrument, for sides shown in both waves.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.domain.enums import Level
from app.domain.questionnaire import Response, Wave
from app.scores.instrument_model import Instrument, InstrumentDimension
from app.scores.instruments import dimension_means

Key = tuple[int, Level | None]  # (organization key, level)


@dataclass(frozen=True, slots=True)
class Group:
    """The respondents of one side (or one side and level) on one dimension."""

    n: int  # respondents with a score on the dimension
    mean: float | None  # None when n is below the minimum group size

    @property
    def shown(self) -> bool:
        return self.mean is not None


@dataclass(frozen=True, slots=True)
class DimensionResult:
    dimension: InstrumentDimension
    sides: dict[int, Group]  # organization key → its group
    levels: dict[Key, Group] = field(default_factory=dict)  # only when asked for
    from_baseline: dict[int, float] = field(default_factory=dict)  # organization → change
    from_previous: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class WaveResult:
    wave: Wave
    instrument: Instrument
    min_group_size: int
    responses: dict[int, int]  # organization key → responses collected
    dimensions: tuple[DimensionResult, ...]
    baseline: Wave | None = None  # the first wave of the same instrument, if not this one
    previous: Wave | None = None

    def dimension(self, dimension_id: str) -> DimensionResult | None:
        return next((d for d in self.dimensions if d.dimension.id == dimension_id), None)


def _scores(
    instrument: Instrument, responses: Sequence[Response]
) -> list[tuple[Response, dict[str, float]]]:
    return [(r, dimension_means(instrument, r.answers)) for r in responses]


def _group(values: list[float], min_group_size: int) -> Group:
    shown = len(values) >= min_group_size and values
    return Group(len(values), statistics.fmean(values) if shown else None)


def _sides(
    scored: list[tuple[Response, dict[str, float]]], dimension: str, min_group_size: int
) -> dict[int, Group]:
    values: dict[int, list[float]] = {}
    for response, means in scored:
        if dimension in means:
            values.setdefault(response.organization, []).append(means[dimension])
    return {org: _group(v, min_group_size) for org, v in values.items()}


def _levels(
    scored: list[tuple[Response, dict[str, float]]], dimension: str, min_group_size: int
) -> dict[Key, Group]:
    values: dict[Key, list[float]] = {}
    for response, means in scored:
        if dimension in means:
            values.setdefault((response.organization, response.level), []).append(means[dimension])
    return {key: _group(v, min_group_size) for key, v in values.items()}


def _change(now: dict[int, Group], then: dict[int, Group]) -> dict[int, float]:
    return {
        org: group.mean - then[org].mean  # type: ignore[operator]
        for org, group in now.items()
        if group.shown and org in then and then[org].shown
    }


def wave_result(
    instrument: Instrument,
    wave: Wave,
    responses: Sequence[Response],
    min_group_size: int,
    earlier: Sequence[tuple[Wave, Sequence[Response]]] = (),
    by_level: bool = False,
) -> WaveResult:
    """The results of ``wave``; ``earlier`` are the waves before it, oldest first (those of
    another instrument are passed over)."""
    same = [(w, r) for w, r in earlier if w.instrument == wave.instrument]
    baseline = same[0] if same else None
    previous = same[-1] if same else None
    scored = _scores(instrument, responses)
    base_scored = _scores(instrument, baseline[1]) if baseline else []
    prev_scored = _scores(instrument, previous[1]) if previous else []
    dimensions = []
    for dim in instrument.dimension_defs:
        sides = _sides(scored, dim.id, min_group_size)
        dimensions.append(
            DimensionResult(
                dimension=dim,
                sides=sides,
                levels=_levels(scored, dim.id, min_group_size) if by_level else {},
                from_baseline=_change(sides, _sides(base_scored, dim.id, min_group_size))
                if baseline
                else {},
                from_previous=_change(sides, _sides(prev_scored, dim.id, min_group_size))
                if previous
                else {},
            )
        )
    counts: dict[int, int] = {}
    for r in responses:
        counts[r.organization] = counts.get(r.organization, 0) + 1
    return WaveResult(
        wave=wave,
        instrument=instrument,
        min_group_size=min_group_size,
        responses=counts,
        dimensions=tuple(dimensions),
        baseline=baseline[0] if baseline else None,
        previous=previous[0] if previous else None,
    )
