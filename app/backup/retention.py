"""Which backups to keep: a pure function of the backup times and the current time.

Everything from the last 48 hours is kept; older backups are thinned to the newest of each of
the 14 most recent days, then of 8 weeks, then of 12 months that are not already represented.
The newest backup is never deleted. A backup that looks newer than "now" (the clock was set
back) is kept: its age cannot be judged, and deleting on a wrong clock is how data is lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

RECENT = timedelta(hours=48)
DAILY, WEEKLY, MONTHLY = 14, 8, 12


def _day(t: datetime) -> tuple[int, int, int]:
    return (t.year, t.month, t.day)


def _week(t: datetime) -> tuple[int, int]:
    iso = t.isocalendar()
    return (iso.year, iso.week)


def _month(t: datetime) -> tuple[int, int]:
    return (t.year, t.month)


def backups_to_keep(times: Iterable[datetime], now: datetime) -> set[datetime]:
    """The subset of ``times`` (aware datetimes of backups) to keep at ``now``."""
    ordered = sorted({t.astimezone(UTC) for t in times}, reverse=True)
    if not ordered:
        return set()
    now = now.astimezone(UTC)
    keep = {ordered[0]}
    days: set[tuple[int, int, int]] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    counts = {"day": 0, "week": 0, "month": 0}
    for t in ordered:
        if t > now - RECENT:
            keep.add(t)  # recent, or from a clock that was later set back
        elif _day(t) not in days and counts["day"] < DAILY:
            counts["day"] += 1
            keep.add(t)
        elif _week(t) not in weeks and counts["week"] < WEEKLY:
            counts["week"] += 1
            keep.add(t)
        elif _month(t) not in months and counts["month"] < MONTHLY:
            counts["month"] += 1
            keep.add(t)
        else:
            continue
        days.add(_day(t))
        weeks.add(_week(t))
        months.add(_month(t))
    return keep


def backups_to_delete(times: Iterable[datetime], now: datetime) -> set[datetime]:
    all_times = {t.astimezone(UTC) for t in times}
    return all_times - backups_to_keep(all_times, now)
