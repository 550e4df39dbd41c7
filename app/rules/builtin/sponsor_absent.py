"""A sponsor missed the latest feedback meeting, or their last invitations in a row.

The paper's failure sign: top managers who lost interest and missed the final feedback meeting.
"""

from __future__ import annotations

from app.domain import Event, EventKind
from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Evidence, EvidenceKind, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import View, event_ref


def _person_ref(view: View, pk: int) -> Evidence:
    ref = next((p.id for p in view.snap.people if p.pk == pk), "")
    return Evidence(EvidenceKind.PERSON, pk, view.person_name(pk), ref)


def sponsor_absent(view: View, t: Params) -> EarlyWarning | None:
    """A sponsor missed the latest feedback meeting, or their last invitations in a row."""
    sponsors = {p.pk for p in view.snap.people if p.sponsor}
    if not sponsors:
        return None
    feedback = [e for e in view.events if e.kind == EventKind.FEEDBACK_MEETING]
    at_feedback: list[int] = []
    if feedback:
        at_feedback = [
            p.person
            for p in feedback[-1].participants
            if p.person in sponsors and p.invited and not p.attended
        ]
    in_row = int(t["missed_in_row"])
    missing: dict[int, list[Event]] = {}
    for sponsor in sorted(sponsors - set(at_feedback), key=lambda pk: pk or 0):
        invited = [e for e in view.events if _invited(e, sponsor or 0)]
        last = invited[-in_row:]
        if len(last) == in_row and all(not _attended(e, sponsor or 0) for e in last):
            missing[sponsor or 0] = last
    if not at_feedback and not missing:
        return None
    evidence: list[Evidence] = []
    if at_feedback:
        evidence += [_person_ref(view, pk) for pk in at_feedback] + [event_ref(feedback[-1])]
        names = at_feedback + list(missing)
        message = ngettext(
            "The sponsor {names} did not attend the latest feedback meeting.",
            "The sponsors {names} did not attend the latest feedback meeting.",
            len(names),
        )
    else:
        names = list(missing)
        message = (
            ngettext(
                "The sponsor {names} missed the last event they were invited to.",
                "The sponsor {names} missed the last {n} events they were invited to.",
                in_row,
            )
            if len(names) == 1
            else ngettext(
                "The sponsors {names} missed the last event they were invited to.",
                "The sponsors {names} missed the last {n} events they were invited to.",
                in_row,
            )
        )
    for pk, events in missing.items():
        evidence += [_person_ref(view, pk)] + [event_ref(e) for e in events]
    return EarlyWarning(
        id="sponsor-absent",
        severity=Severity.CRITICAL if at_feedback else Severity.WARNING,
        message=message.format(n=in_row, names=", ".join(view.person_name(pk) for pk in names)),
        evidence=tuple(dict.fromkeys(evidence)),
        suggestion=_(
            "Meet the sponsor in person: show what has been achieved so far and book the next "
            "feedback meeting in their calendar now."
        ),
    )


def _invited(e: Event, person: int) -> bool:
    return any(p.person == person and p.invited for p in e.participants)


def _attended(e: Event, person: int) -> bool:
    return any(p.person == person and p.attended for p in e.participants)


RULE = Rule(
    id="sponsor-absent",
    order=40,
    title=N_("Sponsor absent"),
    explanation=N_(
        "A sponsor missed the latest feedback meeting (critical) or the last events they were "
        "invited to."
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
