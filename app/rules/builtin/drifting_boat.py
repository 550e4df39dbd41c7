"""Many ideas in recent events, few actions created since: the boat is drifting.

The paper's failure sign: ideas that never became actions ("a drifting boat").
"""

from __future__ import annotations

from app.dates import sentence_date
from app.domain import EntryType
from app.i18n import N_, _, language, ngettext
from app.rules.model import EarlyWarning, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import ACTIVE_PHASES, View, event_ref

# Ratios of small whole numbers; compare with a little tolerance.
_EPS = 1e-9


def drifting_boat(view: View, t: Params) -> EarlyWarning | None:
    """Many ideas in recent events, few actions created since: the boat is drifting."""
    if view.phase not in ACTIVE_PHASES or not view.events:
        return None
    recent = view.events[-int(t["events"]) :]
    pks = {e.pk for e in recent}
    ideas = sum(1 for n in view.entries if n.event in pks and n.type == EntryType.IDEA)
    if ideas < t["min_ideas"]:
        return None
    since = recent[0].day
    actions = sum(1 for a in view.snap.actions if since <= a.created_on <= view.day)
    if actions >= ideas * t["action_ratio"] - _EPS:
        return None
    if actions:
        message = ngettext(
            "The last event produced {ideas} but since {since} the partners have agreed on "
            "only {actions}.",
            "The last {events} events produced {ideas} but since {since} the partners have "
            "agreed on only {actions}.",
            len(recent),
        )
    else:
        message = ngettext(
            "The last event produced {ideas} but since {since} the partners have agreed on no "
            "action.",
            "The last {events} events produced {ideas} but since {since} the partners have "
            "agreed on no action.",
            len(recent),
        )
    return EarlyWarning(
        id="drifting-boat",
        severity=Severity.WARNING,
        message=message.format(
            events=len(recent),
            ideas=ngettext("{n} idea", "{n} ideas", ideas).format(n=ideas),
            actions=ngettext("{n} action", "{n} actions", actions).format(n=actions),
            since=sentence_date(since, language()),
        ),
        evidence=tuple(event_ref(e) for e in recent),
        suggestion=_(
            "Go through the open ideas with the partners: make each one an action with an "
            "owner and a date, park it with a reason, or drop it."
        ),
    )


RULE = Rule(
    id="drifting-boat",
    order=30,
    title=N_("A drifting boat"),
    explanation=N_(
        "The recent events produced many ideas, but few actions have been agreed since."
    ),
    severities=(Severity.WARNING,),
    function=drifting_boat,
    parameters=(
        Parameter("events", N_("Recent events looked at"), default=4, minimum=1, maximum=3650),
        Parameter("min_ideas", N_("Ideas in them, at least"), default=3, minimum=1, maximum=3650),
        Parameter(
            "action_ratio",
            N_("Actions per idea, at least"),
            default=1 / 3,
            minimum=0.01,
            maximum=1.0,
            whole=False,
            step=0.05,
            decimals=2,
        ),
    ),
)
