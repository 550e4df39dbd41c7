"""Long in commitment or execution while no feedback of accomplishments reached management.

The paper's failure sign: the top managers "missed the execution stage of their ideas and thus
seeing the preliminary results", and its conclusion that "it is essential to manifest the
accomplishments already during the commitment phase" (Kork, Koskela & Turpeinen, Results and
Discussion). Feedback counts when it reached management: a feedback meeting that a sponsor of
the organization attended, a feedback report given to the partners, or the minutes of a meeting
given to the partners when a sponsor of the organization attended that meeting. Accomplishment entries
do not count: they are the diary's record, not feedback to anyone.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain import Event, EventKind, Organization, Role
from app.domain.enums import ReportKind
from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Evidence, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import View, event_ref, when

SIDES = (Role.CUSTOMER, Role.PROVIDER)


def reports_given(view: View) -> list[date]:
    """The days a feedback report was given to the partners, up to the view's day.

    The one place that says which recorded reports count as given: a given feedback report (a
    draft does not). Minutes count per side (``_minutes_given``).
    """
    return [
        r.generated_on
        for r in view.snap.reports
        if r.given and r.kind is ReportKind.FEEDBACK_REPORT and r.generated_on <= view.day
    ]


def _sponsor_attended(view: View, e: Event, org: Organization) -> bool:
    sponsors = {p.pk for p in view.snap.people if p.sponsor and p.organization == org.pk}
    return any(p.person in sponsors and p.attended for p in e.participants)


def _minutes_given(view: View, org: Organization) -> list[date]:
    """The days minutes were given of a meeting that a sponsor of ``org`` attended: they told
    that side's management what was decided and who does what next."""
    events = {e.pk: e for e in view.events}
    days = []
    for r in view.snap.reports:
        e = events.get(r.event) if r.event is not None else None
        minutes = r.given and r.kind is ReportKind.MINUTES and r.generated_on <= view.day
        if minutes and e is not None and _sponsor_attended(view, e, org):
            days.append(r.generated_on)
    return days


def _last_feedback(view: View, org: Organization, meetings: list[Event]) -> date | None:
    """The last day feedback reached ``org``'s management (None: never)."""
    days = reports_given(view) + [e.day for e in meetings if _sponsor_attended(view, e, org)]
    return max(days + _minutes_given(view, org), default=None)


def no_feedback(view: View, t: Params) -> EarlyWarning | None:
    """Long in commitment or execution while no feedback reached a side's management."""
    active = view.active_days()
    window = int(t["window_days"])
    if active <= t["active_days"]:
        return None
    meetings = [e for e in view.events if e.kind == EventKind.FEEDBACK_MEETING]
    sentences: list[str] = []
    longest = 0
    lacking: list[Organization] = []
    for org in (o for o in view.snap.organizations if o.role in SIDES):
        last = _last_feedback(view, org, meetings)
        if last is not None and last >= view.day - timedelta(days=window):
            continue
        lacking.append(org)
        if last is None:
            longest = max(longest, active)
            sentences.append(
                ngettext(
                    "No feedback has reached the management of {org} in {n} day of commitment "
                    "and execution.",
                    "No feedback has reached the management of {org} in {n} days of commitment "
                    "and execution.",
                    active,
                ).format(org=org.name, n=active)
            )
        else:
            ago = (view.day - last).days
            longest = max(longest, ago)
            sentences.append(
                ngettext(
                    "No feedback has reached the management of {org} since {day} ({n} day ago).",
                    "No feedback has reached the management of {org} since {day} ({n} days ago).",
                    ago,
                ).format(org=org.name, day=when(last), n=ago)
            )
    if not sentences:
        return None
    return EarlyWarning(
        id="no-feedback",
        severity=Severity.CRITICAL if longest >= 2 * window else Severity.WARNING,
        message=" ".join(sentences),
        evidence=(_latest_ref(view, meetings[-1], lacking),) if meetings else (),
        suggestion=_(
            "Give the sponsors a short feedback report of what has been achieved so far, or "
            "book a feedback meeting with a sponsor of each side present."
        ),
    )


def _latest_ref(view: View, meeting: Event, lacking: list[Organization]) -> Evidence:
    """The latest feedback meeting, with the lacking sides' sponsors who missed it."""
    orgs = {o.pk for o in lacking}
    absent = {p.person for p in meeting.participants if p.invited and not p.attended}
    missed = tuple(
        p.id for p in view.snap.people if p.sponsor and p.organization in orgs and p.pk in absent
    )
    return event_ref(meeting, missed)


RULE = Rule(
    id="no-feedback",
    order=50,
    title=N_("No feedback to management"),
    explanation=N_(
        "Long in commitment or execution without feedback of accomplishments reaching the "
        "management of both sides: a feedback report given to the partners, a feedback "
        "meeting a sponsor of the side attended, or the minutes given of a meeting a sponsor of "
        "the side attended. Critical after twice the window. The study "
        "found that the top managers never saw the results, and that accomplishments should be "
        "shown already during commitment (Kork, Koskela & Turpeinen, Results and Discussion)."
    ),
    severities=(Severity.WARNING, Severity.CRITICAL),
    function=no_feedback,
    parameters=(
        Parameter(
            "active_days",
            N_("Days in commitment or execution before feedback is expected"),
            default=90,
            minimum=1,
            maximum=3650,
        ),
        Parameter("window_days", N_("Days without feedback"), default=90, minimum=1, maximum=3650),
    ),
)
