"""A partnership's calendar as an iCalendar file: the planned events and the due dates of the
open actions, read from the partner-facing view only (a private action never reaches it).

Every item keeps one UID made of the partnership's id and the record's id
(``<partnership>.event.<event>@kumppani``), so importing the file again updates the calendar's
items instead of adding copies. Due dates are all-day events (not VTODO): Google Calendar and
Outlook ignore to-dos in an imported file, while every calendar shows an all-day event; they
are marked free (TRANSP:TRANSPARENT) so they block no time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, vCalAddress
from icalendar import Event as VEvent

from app.domain import ActionStatus
from app.domain.labels import EVENT_KINDS
from app.domain.model import parse_when
from app.i18n import translator
from app.persistence.shared import SharedAction, SharedEvent, SharedPerson
from app.persistence.shared_meetings import MeetingView
from app.report.minutes.assemble import agenda
from app.report.minutes.labels import Tr, agenda_line
from app.report.names import Namer

PRODID = "-//Kumppani//Kumppani partnership calendar//EN"
# An event typed without a length is booked for an hour.
DEFAULT_MINUTES = 60
_OPEN = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def uid(partnership_id: str, kind: str, record_id: str) -> str:
    """The item's UID: the same for the same record in every export."""
    return f"{partnership_id}.{kind}.{record_id}@kumppani"


def calendar_bytes(
    view: MeetingView, today: date, stamp: datetime | None = None
) -> tuple[bytes, int, int]:
    """The calendar of planned events (on or after ``today``) and of the due dates of open
    shared actions; with how many events and action items it holds. Raises ``LookupError``
    when the partnership is gone."""
    p = view.partnership()
    if p is None:
        raise LookupError("partnership not found")
    tr = translator(p.language)
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", p.name)
    people = {person.pk: person for person in view.people()}
    emails = view.emails()
    planned = [e for e in view.events() if parse_when(e.when)[0] >= today]
    for e in planned:
        item = _event(e, view, (people, emails), p.name, tr)
        item.add("uid", uid(p.id, "event", e.id))
        item.add("dtstamp", stamp)
        cal.add_component(item)
    due = [a for a in view.actions() if a.status in _OPEN and a.due_on is not None]
    for a in due:
        item = _due(a, people, tr)
        item.add("uid", uid(p.id, "action", a.id))
        item.add("dtstamp", stamp)
        cal.add_component(item)
    return cal.to_ical(), len(planned), len(due)


def _event(
    e: SharedEvent,
    view: MeetingView,
    known: tuple[dict[int, SharedPerson], dict[int, str]],
    partnership: str,
    tr: Tr,
) -> VEvent:
    people, emails = known
    item = VEvent()
    item.add("summary", e.title)
    day, at = parse_when(e.when)
    if at is None:
        item.add("dtstart", day)
        item.add("dtend", day + timedelta(days=1))
    else:
        # Floating local time: the meeting is at 14:00 wherever the calendar is.
        item.add("dtstart", datetime.combine(day, at))
        item.add("duration", timedelta(minutes=e.duration_minutes or DEFAULT_MINUTES))
    lines = [f"{tr(EVENT_KINDS[e.kind])} – {partnership}"]
    items = agenda(view, e, Namer(people.values(), view.organizations(), hide=False, tr=tr))
    if items:
        lines += ["", tr("Agenda"), *(f"{n}. {agenda_line(i, tr)}" for n, i in enumerate(items, 1))]
    item.add("description", "\n".join(lines))
    item.add("categories", [tr(EVENT_KINDS[e.kind])])
    for pk in e.invited:
        email = emails.get(pk)
        if email is None:
            continue
        who = vCalAddress(f"mailto:{email}")
        who.params["cn"] = people[pk].name if pk in people else email
        who.params["role"] = "REQ-PARTICIPANT"
        who.params["partstat"] = "NEEDS-ACTION"
        item.add("attendee", who, encode=False)
    return item


def _due(a: SharedAction, people: dict[int, SharedPerson], tr: Tr) -> VEvent:
    assert a.due_on is not None
    item = VEvent()
    item.add("summary", tr("Due: {action}").format(action=_first_line(a.text)))
    item.add("dtstart", a.due_on)
    item.add("dtend", a.due_on + timedelta(days=1))
    item.add("transp", "TRANSPARENT")
    owner = people.get(a.owner) if a.owner is not None else None
    lines = [a.text]
    if owner is not None:
        lines.append(tr("Owner: {owner}").format(owner=owner.name))
    item.add("description", "\n".join(lines))
    item.add("categories", [tr("Action")])
    return item


def _first_line(text: str, limit: int = 120) -> str:
    line = " ".join(text.strip().splitlines()[0].split()) if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
