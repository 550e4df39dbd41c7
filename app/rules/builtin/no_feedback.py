"""Long in commitment or execution with no feedback of accomplishments to the partners.

The paper's failure sign: no feedback of accomplishments during commitment.
"""

from __future__ import annotations

from datetime import timedelta

from app.dates import sentence_date
from app.domain import EntryType, EventKind, Visibility
from app.i18n import N_, _, language, ngettext
from app.rules.model import EarlyWarning, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import View, event_ref


def no_feedback(view: View, t: Params) -> EarlyWarning | None:
    """Long in commitment or execution with no feedback of accomplishments to the partners."""
    active = view.active_days()
    if active <= t["active_days"]:
        return None
    meetings = [e for e in view.events if e.kind == EventKind.FEEDBACK_MEETING]
    given = [r.generated_on for r in view.snap.reports if r.generated_on <= view.day]
    given += [e.day for e in meetings]
    given += [
        n.day
        for n in view.entries
        if n.type == EntryType.ACCOMPLISHMENT and n.visibility == Visibility.SHARED
    ]
    last = max(given, default=None)
    if last is not None and last >= view.day - timedelta(days=int(t["window_days"])):
        return None
    if last is None:
        message = ngettext(
            "The partners have had no feedback on what has been achieved in {n} day of "
            "commitment and execution.",
            "The partners have had no feedback on what has been achieved in {n} days of "
            "commitment and execution.",
            active,
        ).format(n=active)
    else:
        ago = (view.day - last).days
        message = ngettext(
            "The partners have had no feedback on what has been achieved since {day} "
            "({n} day ago).",
            "The partners have had no feedback on what has been achieved since {day} "
            "({n} days ago).",
            ago,
        ).format(day=sentence_date(last, language()), n=ago)
    return EarlyWarning(
        id="no-feedback",
        severity=Severity.WARNING,
        message=message,
        evidence=(event_ref(meetings[-1]),) if meetings else (),
        suggestion=_(
            "Prepare a short feedback report of accomplishments so far and present it at the "
            "next partner meeting."
        ),
    )


RULE = Rule(
    id="no-feedback",
    order=50,
    title=N_("No feedback to partners"),
    explanation=N_(
        "Long in commitment or execution without feedback of accomplishments to the partners: "
        "no report, feedback meeting or shared accomplishment."
    ),
    severities=(Severity.WARNING,),
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
