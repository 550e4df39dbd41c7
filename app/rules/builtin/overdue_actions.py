"""Open actions past their due date; critical once a large share of the plan is late."""

from __future__ import annotations

from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import View, action_ref


def overdue_actions(view: View, t: Params) -> EarlyWarning | None:
    """Open actions past their due date; critical once a large share of the plan is late."""
    overdue = [a for a in view.open_actions if a.is_overdue_on(view.day)]
    if not overdue:
        return None
    share = len(overdue) / len(view.open_actions)
    severity = Severity.CRITICAL if share >= t["critical_share"] else Severity.WARNING
    return EarlyWarning(
        id="overdue-actions",
        severity=severity,
        message=ngettext(
            "{n} of {total} open actions is past its due date.",
            "{n} of {total} open actions are past their due date.",
            len(overdue),
        ).format(n=len(overdue), total=len(view.open_actions)),
        evidence=tuple(action_ref(a) for a in sorted(overdue, key=lambda a: a.due_on or view.day)),
        suggestion=_(
            "Review the overdue actions first at the next meeting: finish, reschedule or drop "
            "each one with its owner."
        ),
    )


RULE = Rule(
    id="overdue-actions",
    order=80,
    title=N_("Overdue actions"),
    explanation=N_(
        "Open actions are past their due date; critical once a large share of the open actions "
        "is late."
    ),
    severities=(Severity.WARNING, Severity.CRITICAL),
    function=overdue_actions,
    parameters=(
        Parameter(
            "critical_share",
            N_("Share overdue that makes it critical"),
            default=0.3,
            minimum=0.01,
            maximum=1.0,
            whole=False,
            step=0.05,
            decimals=2,
        ),
    ),
)
