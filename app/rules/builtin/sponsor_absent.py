"""A sponsor missed the latest feedback meeting, or their last invitations in a row.

The paper's failure sign: "As the top managers were absent from a feedback meeting, they missed
the execution stage of their ideas" (Kork, Koskela & Turpeinen, Results, execution phase).
Each sponsor is named with exactly the events they missed; a sponsor who attended the latest
feedback meeting is never said to have missed it.
"""

from __future__ import annotations

from app.domain import Event, EventKind, Person
from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Evidence, EvidenceKind, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import View, event_label, event_ref


def sponsor_absent(view: View, t: Params) -> EarlyWarning | None:
    """A sponsor missed the latest feedback meeting, or their last invitations in a row."""
    sponsors = sorted((p for p in view.snap.people if p.sponsor), key=lambda p: p.pk or 0)
    feedback = [e for e in view.events if e.kind == EventKind.FEEDBACK_MEETING]
    latest = feedback[-1] if feedback else None
    in_row = int(t["missed_in_row"])
    at_meeting: list[Person] = []  # missed the latest feedback meeting
    sentences: list[str] = []
    missed: dict[int, list[Person]] = {}  # event pk -> the sponsors said to have missed it
    people: list[Person] = []
    for sponsor in sponsors:
        if latest is not None and _missed(latest, sponsor):
            events = [latest]
            at_meeting.append(sponsor)
        else:
            events = [e for e in view.events if _invited(e, sponsor)][-in_row:]
            if len(events) < in_row or not all(_missed(e, sponsor) for e in events):
                continue
            sentences.append(
                ngettext(
                    "The sponsor {name} missed the last event they were invited to: {events}.",
                    "The sponsor {name} missed the last {n} events they were invited to: {events}.",
                    in_row,
                ).format(
                    name=sponsor.name, n=in_row, events=", ".join(event_label(e) for e in events)
                )
            )
        people.append(sponsor)
        for e in events:
            missed.setdefault(e.pk or 0, []).append(sponsor)
    if latest is not None and at_meeting:
        sentences.insert(
            0,
            ngettext(
                "The sponsor {names} did not attend the latest feedback meeting, {event}.",
                "The sponsors {names} did not attend the latest feedback meeting, {event}.",
                len(at_meeting),
            ).format(names=", ".join(p.name for p in at_meeting), event=event_label(latest)),
        )
    if not sentences:
        return None
    return EarlyWarning(
        id="sponsor-absent",
        severity=Severity.CRITICAL if at_meeting else Severity.WARNING,
        message=" ".join(sentences),
        evidence=tuple(_evidence(view, people, missed)),
        suggestion=_(
            "Meet each sponsor named here in person: show what has been achieved so far and book "
            "the next feedback meeting in their calendar now."
        ),
    )


def _evidence(view: View, people: list[Person], missed: dict[int, list[Person]]) -> list[Evidence]:
    """The sponsors named, then each event missed with who missed it."""
    found = [Evidence(EvidenceKind.PERSON, p.pk or 0, p.name, p.id) for p in people]
    for e in view.events:
        if (e.pk or 0) in missed:
            found.append(event_ref(e, tuple(p.id for p in missed[e.pk or 0])))
    return found


def _invited(e: Event, person: Person) -> bool:
    return any(p.person == person.pk and p.invited for p in e.participants)


def _missed(e: Event, person: Person) -> bool:
    """Invited to ``e`` and recorded as absent."""
    return any(p.person == person.pk and p.invited and not p.attended for p in e.participants)


RULE = Rule(
    id="sponsor-absent",
    order=40,
    title=N_("Sponsor absent"),
    explanation=N_(
        "A sponsor missed the latest feedback meeting (critical: in the study the top managers "
        "were absent from a feedback meeting and so never saw the results; Kork, Koskela & "
        "Turpeinen, Results), or missed the last events they were invited to (a warning)."
    ),
    severities=(Severity.WARNING, Severity.CRITICAL),
    function=sponsor_absent,
    parameters=(
        Parameter(
            "missed_in_row",
            N_("Invitations missed in a row"),
            default=2,
            minimum=1,
            maximum=3650,
        ),
    ),
)
