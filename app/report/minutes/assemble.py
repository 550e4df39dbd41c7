"""Assemble a meeting's minutes from a ``MeetingView`` — the partner-facing view, and nothing else.

What the minutes hold of one event: who came (and who sent apologies), the agenda, its shared
decisions with where they stand, its other shared entries, the actions it gave rise to, the
actions still open from before, and the next meeting. Actions stand as they did on the day of
the meeting; a private entry, or an action made from one, is never read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from app.domain import ActionStatus, EntryType
from app.domain.enums import CONFIDENTIAL_KINDS
from app.domain.model import parse_when
from app.domain.snapshot import action_on
from app.i18n import translator
from app.persistence.shared import SharedAction, SharedEvent
from app.persistence.shared_meetings import MeetingView, SharedDecision
from app.report.minutes.model import (
    AgendaLine,
    Attendee,
    DecisionLine,
    MinutesData,
    MinutesOptions,
    NextMeeting,
    NoteLine,
)
from app.report.model import ActionLine
from app.report.names import Namer


class EventNotFound(LookupError):
    """The event is not (or no longer) in the partnership."""


def assemble_minutes(view: MeetingView, options: MinutesOptions) -> MinutesData:
    """The minutes of ``options.event``; raises ``LookupError`` (``EventNotFound`` for the
    event) when the partnership or the event is gone."""
    p = view.partnership()
    if p is None:
        raise LookupError("partnership not found")
    events = view.events()
    event = next((e for e in events if e.pk == options.event), None)
    if event is None:
        raise EventNotFound(options.event)
    tr = translator(options.language)
    namer = Namer(view.people(), view.organizations(), hide=options.hide_names, tr=tr)
    day = _day(event.when)
    entries = [e for e in view.entries(day, day) if e.event == event.pk]
    decided = view.decisions(event.pk)
    mine = {e.pk for e in entries}
    actions = [action_on(a, day) for a in view.actions()]
    new = [a for a in actions if _from_event(a, mine, day)]
    carried = [a for a in actions if not _from_event(a, mine, day) and _open_before(a, day)]
    data = MinutesData(
        options=options,
        partnership=namer.partnership(p.name),
        title=namer.text(event.title),
        kind=event.kind,
        when=event.when,
        duration_minutes=event.duration_minutes,
        attendees=_people(event.attendees, namer),
        absent=_people((pk for pk in event.invited if pk not in event.attendees), namer),
        agenda=agenda(view, event, namer),
        decisions=tuple(
            _decision(namer.text(e.text), decided.get(e.pk), namer)
            for e in entries
            if e.type == EntryType.DECISION
        ),
        notes=tuple(
            NoteLine(e.type, namer.text(e.text)) for e in entries if e.type != EntryType.DECISION
        ),
        new_actions=_lines(new, namer, day),
        carried_over=_lines(_soonest(carried), namer, day),
        next_meeting=_next(events, event, namer, options.hide_names),
    )
    # Read after everything is assembled: the review covers every text the minutes print.
    return replace(data, names_review=namer.review([p.name]))


def agenda(view: MeetingView, event: SharedEvent, namer: Namer) -> tuple[AgendaLine, ...]:
    """The event's agenda in running order — the one place minutes and the calendar read it;
    titles and purposes with names hidden as ``namer`` says, presenters named by it. With no
    agenda items every output leaves the section out."""
    return tuple(
        AgendaLine(
            namer.text(item.title),
            item.minutes or None,
            namer.text(item.purpose) if item.purpose else None,
            namer.person(item.presenter),
        )
        for item in view.agenda(event.pk)
    )


def _day(when: str) -> date:
    return parse_when(when)[0]


def _from_event(a: SharedAction, entries: set[int], day: date) -> bool:
    """Made from one of the meeting's entries, or (with no source) made on its day."""
    if a.source_entry is not None:
        return a.source_entry in entries
    return a.created_on == day


def _open_before(a: SharedAction, day: date) -> bool:
    """Made before the meeting and still open on its day (``action_on`` already applied)."""
    return a.created_on < day and a.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def _soonest(actions: list[SharedAction]) -> list[SharedAction]:
    return sorted(actions, key=lambda a: (a.due_on is None, a.due_on or date.max))


def _lines(actions: Iterable[SharedAction], namer: Namer, day: date) -> tuple[ActionLine, ...]:
    out = []
    for a in actions:
        org = namer.organization(a.organization) or namer.organization_of(a.owner)
        if namer.label_names_side(a.owner) and a.organization in (None, namer.side_of(a.owner)):
            org = None  # "HR manager (Pohjolan Tukku Oy)" already says it
        is_open = a.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
        overdue = is_open and a.due_on is not None and a.due_on < day
        out.append(
            ActionLine(
                namer.text(a.text),
                namer.person(a.owner),
                org,
                a.due_on,
                a.status,
                a.done_on,
                overdue,
            )
        )
    return tuple(out)


def _people(pks: Iterable[int], namer: Namer) -> tuple[Attendee, ...]:
    out = []
    for pk in pks:
        name = namer.person(pk)
        if name is None:
            continue
        org = None if namer.label_names_side(pk) else namer.organization_of(pk)
        out.append(Attendee(name, org))
    return tuple(out)


def _decision(text: str, record: SharedDecision | None, namer: Namer) -> DecisionLine:
    if record is None:
        return DecisionLine(text, None)
    sides = tuple(n for n in (namer.organization(o) for o in record.agreed_by) if n)
    disagreement = namer.text(record.disagreement) if record.disagreement else None
    return DecisionLine(text, record.status, sides, record.review_on, disagreement)


def _next(
    events: list[SharedEvent], this: SharedEvent, namer: Namer, hide: bool
) -> NextMeeting | None:
    """The first event after this one; with names hidden, an interview or focus group is
    skipped (its title would tell who spoke)."""
    later = sorted(
        (e for e in events if (e.when, e.pk) > (this.when, this.pk)), key=lambda e: (e.when, e.pk)
    )
    for e in later:
        if not (hide and e.kind in CONFIDENTIAL_KINDS):
            return NextMeeting(e.when, e.kind, namer.text(e.title))
    return None
