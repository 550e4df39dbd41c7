"""The metrics of the benchmark: one registry, one obvious way to add a metric.

A metric says what a user waits for (or what a floor is), its unit, and its target: an
absolute limit per diary size, a multiple of another metric of the same run (its floor), or
both (the stricter holds). A measurer is a function that takes the ``Context`` of one diary
size and returns ``{metric name: value}``; ``@measurer`` registers it. To add a metric::

    register("statements_per_refresh", "statements", "SQL statements of one refresh",
             limits={200_000: 40})

    @measurer
    def statements(ctx: Context) -> dict[str, float]:
        return {"statements_per_refresh": count_them(ctx.diary)}

The runner calls every measurer for every size and writes ``{value, unit, target, floor}`` per
metric and size to ``bench/results.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Metric:
    name: str
    unit: str
    what: str
    floor: str | None = None  # another metric of the same run this one is compared with
    ratio: float | None = None  # target: at most ``ratio`` × the floor's value
    limits: dict[int, float] = field(default_factory=dict)  # target per diary size (entries)

    def target(self, size: int, values: dict[str, float]) -> float | None:
        """The target at ``size``: the stricter of the limit and ``ratio`` × the floor."""
        found = [self.limits[size]] if size in self.limits else []
        if self.ratio is not None and self.floor is not None and self.floor in values:
            found.append(self.ratio * values[self.floor])
        return min(found) if found else None


@dataclass
class Context:
    """What a measurer gets for one diary size."""

    size: int  # entries in the large partnership
    diary: Path  # the generated diary (never written to: probes work on copies)
    exchange: Path  # the large partnership's exchange file
    plain: Path  # the same texts in plain SQLite with a plain FTS5 index (the floors)
    large_pk: int
    other_pk: int
    large_id: str
    words: dict[str, str]  # "rare", "common", "prefix" → the searched text
    work: Path
    home: Path
    runs: int


REGISTRY: dict[str, Metric] = {}
Measurer = Callable[[Context], dict[str, float]]
MEASURERS: list[Measurer] = []


def register(
    name: str,
    unit: str,
    what: str,
    *,
    floor: str | None = None,
    ratio: float | None = None,
    limits: dict[int, float] | None = None,
) -> Metric:
    """Add a metric to the table (its name must be new)."""
    if name in REGISTRY:
        raise ValueError(f"metric {name} is registered twice")
    metric = Metric(name, unit, what, floor, ratio, dict(limits or {}))
    REGISTRY[name] = metric
    return metric


def measurer(fn: Measurer) -> Measurer:
    """Register a function that measures some metrics of one diary size."""
    MEASURERS.append(fn)
    return fn
