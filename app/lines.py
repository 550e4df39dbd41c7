"""The points and lines a commitment chart draws, shared by ``app.series`` and ``app.indicators``.

Plain frozen data in a module of its own, so that the series (which draw the indicators) and the
indicators (which produce lines) depend on it instead of on each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain import Role


@dataclass(frozen=True, slots=True)
class Point:
    day: date
    value: float
    n: int
    event_pk: int | None
    title: str


@dataclass(frozen=True, slots=True)
class Line:
    """The points of one organization (``organization_pk`` None: the whole partnership)."""

    organization_pk: int | None
    name: str
    role: Role | None
    points: tuple[Point, ...]
