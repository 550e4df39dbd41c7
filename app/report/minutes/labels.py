"""The minutes' own wording, shared by the PDF, the DOCX and the plain text so that the three
read alike: section headings, decision statuses, and the lines made of several fields.

Every message is an English msgid marked with ``N_`` (or spelled ``tr(``) for extraction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from app import dates
from app.domain import EntryType
from app.domain.labels import DECISION_STATUSES, ENTRY_TYPES, EVENT_KINDS
from app.i18n import N_, translator
from app.report.minutes.model import AgendaLine, Attendee, DecisionLine, MinutesData, NextMeeting
from app.report.model import ActionLine

Tr = Callable[[str], str]

SECTIONS = {
    "attendees": N_("Present"),
    "absent": N_("Apologies"),
    "agenda": N_("Agenda"),
    "decisions": N_("Decisions"),
    "notes": N_("Also discussed"),
    "new_actions": N_("New actions"),
    "carried_over": N_("Open actions carried over"),
    "next": N_("Next meeting"),
}


def tr_of(data: MinutesData) -> Tr:
    return translator(data.options.language)


def section(key: str, tr: Tr) -> str:
    return tr(SECTIONS[key])


def title(data: MinutesData, tr: Tr) -> str:
    return tr("Minutes: {title}").format(title=data.title)


def when_text(when: str, language: str) -> str:
    """The event's date, and its time when it has one ("12.3.2026 klo 14.00")."""
    text = dates.long_date(date.fromisoformat(when[:10]), language)
    if "T" in when:
        text += ", " + dates.short_time(time.fromisoformat(when[11:16]), language)
    return text


def duration_text(minutes: int, tr: Tr) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return tr("{hours} h {minutes} min").format(hours=hours, minutes=rest)
    if hours:
        return tr("{hours} h").format(hours=hours)
    return tr("{minutes} min").format(minutes=rest)


def meta_line(data: MinutesData, tr: Tr) -> str:
    """Kind, date and time, length: "Meeting · 12 March 2026, 14:00 · 1 h 30 min"."""
    parts = [tr(EVENT_KINDS[data.kind]), when_text(data.when, data.options.language)]
    if data.duration_minutes:
        parts.append(duration_text(data.duration_minutes, tr))
    return " · ".join(parts)


def attendee(a: Attendee) -> str:
    return f"{a.name} ({a.organization})" if a.organization else a.name


def attendee_groups(people: tuple[Attendee, ...]) -> list[tuple[str, str]]:
    """People by organization, in the order the organizations first appear: (organization,
    "name, name"); the people whose labels name their side already (names hidden) come last,
    on one line ("", "label, label")."""
    groups: dict[str, list[str]] = {}
    alone: list[str] = []
    for a in people:
        if a.organization:
            groups.setdefault(a.organization, []).append(a.name)
        else:
            alone.append(a.name)
    lines = [(org, ", ".join(names)) for org, names in groups.items()]
    return lines + ([("", ", ".join(alone))] if alone else [])


def attendee_lines(people: tuple[Attendee, ...]) -> list[str]:
    return [f"{org}: {names}" if org else names for org, names in attendee_groups(people)]


def agenda_line(item: AgendaLine, tr: Tr) -> str:
    text = item.title
    if item.minutes:
        text += " (" + duration_text(item.minutes, tr) + ")"
    if item.presenter:
        text += " – " + item.presenter
    return text


def status(d: DecisionLine, tr: Tr) -> str:
    return tr(DECISION_STATUSES[d.status]) if d.status else tr("Decided")


def decision_details(d: DecisionLine, tr: Tr, language: str) -> list[str]:
    """The lines under a decision: who agreed, when it is reviewed, the disagreement noted."""
    out = []
    if d.agreed_by:
        out.append(tr("Agreed by: {sides}").format(sides=", ".join(d.agreed_by)))
    if d.review_on:
        out.append(tr("Review on {date}").format(date=dates.short_date(d.review_on, language)))
    if d.disagreement:
        out.append(tr("Disagreement noted: {text}").format(text=d.disagreement))
    return out


def entry_type(type_: EntryType, tr: Tr) -> str:
    return tr(ENTRY_TYPES[type_])


def owner(a: ActionLine, tr: Tr) -> str:
    if a.owner and a.organization:
        return f"{a.owner} ({a.organization})"
    return a.owner or a.organization or tr("no owner yet")


def due(a: ActionLine, tr: Tr, language: str) -> str:
    if a.due_on is None:
        return tr("no due date")
    day = dates.short_date(a.due_on, language)
    return tr("{date} (overdue)").format(date=day) if a.overdue else day


def next_line(n: NextMeeting, tr: Tr, language: str) -> str:
    return tr("{when}: {title} ({kind})").format(
        when=when_text(n.when, language), title=n.title, kind=tr(EVENT_KINDS[n.kind]).lower()
    )


def footer(tr: Tr) -> str:
    return tr("These minutes contain only records shared with the partners.")
