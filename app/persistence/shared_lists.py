"""Bounded reads of a partnership's shared entries for a report: how many there are of each type
and tension (counted by SQLite, no text read), and the few most recent (or first) entries of one
list with the number of all that match, so a report reads a bounded number of entry texts
however large the diary and its period are.

Like ``SharedView.entries`` these read the ``shared_entries`` view only, events first in date
order (``events_live_date``), then each event's entries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.domain import EntryType, Tension
from app.domain.enums import DecisionStatus, Fate
from app.persistence.entries import text_to_tensions
from app.persistence.rows import s2d
from app.persistence.shared import SharedEntry, SharedView

_FROM = (
    "FROM events e CROSS JOIN shared_entries s ON s.event_pk = e.pk "
    "WHERE e.partnership_pk = ? AND e.deleted_at IS NULL"
)
_COLUMNS = (
    "s.pk, s.event_pk, s.type, s.text, s.tensions, s.fate, s.fate_on, s.decision_status, "
    "s.review_on, e.date"
)
# An idea is answered once a shared action was made from it by the day asked about (an action
# made from a shared entry is shown to partners exactly when it is shared itself).
_CONVERTED = (
    "EXISTS (SELECT 1 FROM actions a WHERE a.source_entry_pk = s.pk AND a.deleted_at IS NULL "
    "AND a.visibility = 'shared' AND a.created_on <= ?)"
)


@dataclass(frozen=True, slots=True)
class Pick:
    """Which shared entries a list holds.

    ``since``/``until``: events on those days or between them; ``types``: of those types.
    ``open_on``: obstacles, and ideas no shared action was made from by that day (the
    report's open questions). ``undecided_on``: leaves out ideas parked or declined by then.
    ``review_due_on``: decisions whose review date has come by then and not yet revisited.
    ``worded``: only entries with some text."""

    since: date | None = None
    until: date | None = None
    types: tuple[EntryType, ...] = ()
    open_on: date | None = None
    undecided_on: date | None = None
    review_due_on: date | None = None
    worded: bool = False


def _where(pk: int, pick: Pick) -> tuple[str, list[object]]:
    sql, params = _FROM, list[object]([pk])
    if pick.since is not None:
        sql += " AND e.date >= ?"
        params.append(pick.since.isoformat())
    if pick.until is not None:
        sql += " AND e.date < ?"  # a date-time of that day sorts after the bare day
        params.append((pick.until + timedelta(days=1)).isoformat())
    if pick.types:
        sql += f" AND s.type IN ({', '.join('?' for _ in pick.types)})"
        params += [t.value for t in pick.types]
    if pick.open_on is not None:
        sql += f" AND (s.type = 'obstacle' OR (s.type = 'idea' AND NOT {_CONVERTED}))"
        params.append(pick.open_on.isoformat())
    if pick.undecided_on is not None:
        sql += " AND (s.fate IS NULL OR (s.fate_on IS NOT NULL AND s.fate_on > ?))"
        params.append(pick.undecided_on.isoformat())
    if pick.review_due_on is not None:
        sql += " AND s.review_on IS NOT NULL AND s.review_on <= ?"
        sql += " AND coalesce(s.decision_status, '') <> 'revisited'"
        params.append(pick.review_due_on.isoformat())
    if pick.worded:
        sql += " AND trim(s.text) <> ''"
    return sql, params


def _entry(r: tuple[Any, ...]) -> SharedEntry:
    pk, event, kind, text, tensions, fate, fate_on, status, review_on, when = r
    return SharedEntry(
        pk=pk,
        event=event,
        event_when=when,
        type=EntryType(kind),
        text=text,
        tensions=text_to_tensions(tensions),
        fate=Fate(fate) if fate else None,
        fate_on=s2d(fate_on),
        decision_status=DecisionStatus(status) if status else None,
        review_on=s2d(review_on),
    )


def count(view: SharedView, pick: Pick) -> int:
    """How many shared entries ``pick`` holds, counted without reading a text."""
    sql, params = _where(view.pk, pick)
    return int(view.db.conn.execute("SELECT count(*) " + sql, params).fetchone()[0])


def listed(
    view: SharedView, pick: Pick, limit: int | None, *, first: bool = False
) -> tuple[list[SharedEntry], int]:
    """At most ``limit`` entries of ``pick`` (None: all), the most recent ones (``first``: the
    earliest), oldest first; and how many ``pick`` holds in all."""
    sql, params = _where(view.pk, pick)
    order = "" if first else " DESC"
    sql = f"SELECT {_COLUMNS} {sql} ORDER BY e.date{order}, e.pk{order}, s.seq{order}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    found = [_entry(r) for r in view.db.conn.execute(sql, params)]
    if not first:
        found.reverse()
    total = len(found) if limit is None or len(found) < limit else count(view, pick)
    return found, total


@dataclass(frozen=True, slots=True)
class Summary:
    """A period's shared entries in numbers: per type, and per tension noted."""

    types: Counter[EntryType]
    tensions: Counter[Tension]

    @property
    def entries(self) -> int:
        return sum(self.types.values())


def summary(view: SharedView, since: date | None, until: date | None) -> Summary:
    """How many shared entries of each type, and with each tension, ``since``…``until``."""
    sql, params = _where(view.pk, Pick(since, until))
    marked = ", ".join(f"sum(instr(',' || s.tensions || ',', ',{t.value},') > 0)" for t in Tension)
    types: Counter[EntryType] = Counter()
    tensions: Counter[Tension] = Counter()
    for row in view.db.conn.execute(
        f"SELECT s.type, count(*), {marked} {sql} GROUP BY s.type", params
    ):
        types[EntryType(row[0])] += int(row[1])
        for t, n in zip(Tension, row[2:], strict=True):
            tensions[t] += int(n or 0)
    return Summary(types, tensions)
