"""Open actions past their due date; critical once half the open actions, and three, are late.

Not one of the paper's failure signs by itself, so a few late actions are only a warning; many
late actions are what "problems with progressing from the idea generation to the action
generation stage" look like in the plan (Kork, Koskela & Turpeinen, Results, commitment phase).
"""

from __future__ import annotations

from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import View, action_ref, when

# Ratios of small whole numbers; compare with a little tolerance.
_EPS = 1e-9


def overdue_actions(view: View, t: Params) -> EarlyWarning | None:
    """Open actions past their due date; critical once half the open actions, and three, are late."""
    overdue = [a for a in view.open_actions if a.is_overdue_on(view.day)]
    if not overdue:
        return None
    share = len(overdue) / len(view.open_actions)
    many = share >= t["critical_share"] - _EPS and len(overdue) >= t["critical_count"]
    severity = Severity.CRITICAL if many else Severity.WARNING
    late = sorted(overdue, key=lambda a: a.due_on or view.day)
    return EarlyWarning(
        id="overdue-actions",
        severity=severity,
        message=ngettext(
            "{n} of {total} open actions is past its due date (due {day}).",
            "{n} of {total} open actions are past their due date, the oldest since {day}.",
            len(overdue),
        ).format(
            n=len(overdue), total=len(view.open_actions), day=when(late[0].due_on or view.day)
        ),
        evidence=tuple(action_ref(a) for a in late),
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
        "Open actions are past their due date; critical only when at least half of the open "
        "actions, and at least three, are late: the plan has stalled, as when the studied "
        "partnership could not move from ideas to actions (Kork, Koskela & Turpeinen, Results)."
    ),
    severities=(Severity.WARNING, Severity.CRITICAL),
    function=overdue_actions,
    parameters=(
        Parameter(
            "critical_share",
            N_("Share overdue that makes it critical"),
            default=0.5,
            minimum=0.01,
            maximum=1.0,
            whole=False,
            step=0.05,
            decimals=2,
        ),
        Parameter(
            "critical_count",
            N_("Overdue actions that make it critical, at least"),
            default=3,
            minimum=1,
            maximum=3650,
        ),
    ),
)
