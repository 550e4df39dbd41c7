"""Indicators of commitment derived from the diary alone, without any questionnaire.

Each indicator turns a ``Snapshot`` into lines of points over time (the ``Line`` / ``Point``
types of ``app.lines``), one per organization where the diary can tell organizations apart:

- ``sponsor_attendance`` — per organization, at each event to which one of its sponsors was
  invited: the share (%) of the latest five such events at which at least one of its sponsors
  attended (a window, so that fading interest shows instead of being averaged away).
- ``actions_on_time`` — per organization (the action's organization, else its owner's), at each
  event: the share (%) of its actions due by then that were done on or before their due date.
  Dropped actions are left out: dropping is a decision, not a delay.
- ``idea_conversion`` — the whole partnership (an idea belongs to no organization), at each
  event: the share (%) of the ideas recorded so far that became at least one action.
- ``days_since_feedback`` — per organization, at each event and each feedback moment: days
  since the last feedback to partners that reached it (a feedback meeting one of its people
  attended, or with no attendance recorded; a feedback report for everyone or for it). Before
  any feedback, days since the partnership started.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.domain import ActionStatus, EntryType, Event, EventKind, Organization, Role
from app.domain.snapshot import Snapshot
from app.i18n import _
from app.lines import Line, Point

SPONSOR_WINDOW = 5


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    label: Callable[[], str]
    unit: str
    compute: Callable[[Snapshot, date], tuple[Line, ...]]
    y_min: float = 0.0
    fixed_max: float | None = 100.0

    def y_max(self, lines: tuple[Line, ...]) -> float:
        if self.fixed_max is not None:
            return self.fixed_max
        top = max((p.value for ln in lines for p in ln.points), default=0.0)
        return max(30.0, top * 1.1)


def _events(snapshot: Snapshot) -> list[Event]:
    return sorted(snapshot.events, key=lambda e: (e.day, e.when, e.pk or 0))


def _sides(snapshot: Snapshot) -> list[Organization]:
    """Organizations that get their own line: customer and provider sides, in file order."""
    return [o for o in snapshot.organizations if o.role in (Role.CUSTOMER, Role.PROVIDER)]


def _share(part: int, whole: int) -> float:
    return 100.0 * part / whole


def sponsor_attendance(snapshot: Snapshot, end: date) -> tuple[Line, ...]:
    lines = []
    for org in _sides(snapshot):
        sponsors = {p.pk for p in snapshot.people if p.organization == org.pk and p.sponsor}
        window: list[bool] = []
        points = []
        for e in _events(snapshot):
            invited = [p for p in e.participants if p.person in sponsors and p.invited]
            if not invited:
                continue
            window = [*window, any(p.attended for p in invited)][-SPONSOR_WINDOW:]
            points.append(
                Point(e.day, _share(sum(window), len(window)), len(window), e.pk, e.title)
            )
        lines.append(Line(org.pk, org.name, org.role, tuple(points)))
    return tuple(lines)


def _action_organization(snapshot: Snapshot) -> Callable[[int | None, int | None], int | None]:
    person_org = {p.pk: p.organization for p in snapshot.people}

    def organization(org: int | None, owner: int | None) -> int | None:
        return org if org is not None else person_org.get(owner)

    return organization


def actions_on_time(snapshot: Snapshot, end: date) -> tuple[Line, ...]:
    organization = _action_organization(snapshot)
    lines = []
    for org in _sides(snapshot):
        mine = [
            a
            for a in snapshot.actions
            if organization(a.organization, a.owner) == org.pk
            and a.due_on is not None
            and a.status != ActionStatus.DROPPED
        ]
        points = []
        for e in _events(snapshot):
            due = [a for a in mine if a.due_on is not None and a.due_on <= e.day]
            if not due:
                continue
            on_time = [
                a
                for a in due
                if a.status == ActionStatus.DONE
                and a.done_on is not None
                and a.due_on is not None
                and a.done_on <= a.due_on
            ]
            points.append(Point(e.day, _share(len(on_time), len(due)), len(due), e.pk, e.title))
        lines.append(Line(org.pk, org.name, org.role, tuple(points)))
    return tuple(lines)


def idea_conversion(snapshot: Snapshot, end: date) -> tuple[Line, ...]:
    event_day = {e.pk: e.day for e in snapshot.events}
    ideas = [
        (event_day[n.event], n.pk)
        for n in snapshot.entries
        if n.type == EntryType.IDEA and n.event in event_day
    ]
    points = []
    for e in _events(snapshot):
        so_far = {pk for day, pk in ideas if day <= e.day}
        if not so_far:
            continue
        converted = {
            a.source_entry
            for a in snapshot.actions
            if a.source_entry in so_far and a.created_on <= e.day
        }
        points.append(Point(e.day, _share(len(converted), len(so_far)), len(so_far), e.pk, e.title))
    return (Line(None, _("Whole partnership"), None, tuple(points)),)


def _feedback_days(snapshot: Snapshot, org: Organization) -> list[tuple[date, int | None, str]]:
    """The days feedback reached ``org``: (day, event key or None, title)."""
    people = {p.pk for p in snapshot.people if p.organization == org.pk}
    found = []
    for e in snapshot.events:
        if e.kind != EventKind.FEEDBACK_MEETING:
            continue
        recorded = any(p.attended for p in e.participants)
        if not recorded or any(p.attended and p.person in people for p in e.participants):
            found.append((e.day, e.pk, e.title))
    for r in snapshot.reports:
        if r.audience in ("all", "", org.id, org.name):
            found.append((r.generated_on, None, _("Feedback report")))
    return sorted(found, key=lambda f: f[0])


def days_since_feedback(snapshot: Snapshot, end: date) -> tuple[Line, ...]:
    # Points at every event, at every feedback report, and at the end of the span.
    moments = [(e.day, e.pk, e.title) for e in _events(snapshot)]
    moments += [(r.generated_on, None, _("Feedback report")) for r in snapshot.reports]
    moments.append((end, None, ""))
    moments.sort(key=lambda m: (m[0], m[1] is None))
    lines = []
    for org in _sides(snapshot):
        feedback = _feedback_days(snapshot, org)
        points: dict[date, Point] = {}
        for day, pk, title in moments:
            if day in points or day < snapshot.partnership.started_on:
                continue  # one point a day; an event's point is preferred to a bare date
            given = [f for f in feedback if f[0] <= day]
            since = given[-1][0] if given else snapshot.partnership.started_on
            points[day] = Point(day, float((day - since).days), len(given), pk, title)
        lines.append(Line(org.pk, org.name, org.role, tuple(points.values())))
    return tuple(lines)


INDICATORS: dict[str, IndicatorSpec] = {
    "sponsor_attendance": IndicatorSpec(
        lambda: _("Sponsor attendance (%)"), "%", sponsor_attendance
    ),
    "actions_on_time": IndicatorSpec(lambda: _("Actions done on time (%)"), "%", actions_on_time),
    "idea_conversion": IndicatorSpec(
        lambda: _("Ideas turned into actions (%)"), "%", idea_conversion
    ),
    "days_since_feedback": IndicatorSpec(
        lambda: _("Days since the last feedback to partners"),
        _("days"),
        days_since_feedback,
        fixed_max=None,
    ),
}
