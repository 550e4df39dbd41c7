"""Ideas of the recent events that no action was made from: the boat is drifting.

The paper's failure sign: the partners "faced problems with progressing from the idea generation
to the action generation stage. The cooperative partnership thus began to resemble a drifting
boat" (Kork, Koskela & Turpeinen, Results, commitment phase). An idea counts as taken up when an
action was made from it (the action's ``source_entry``); unrelated actions do not count. An idea the partners parked (to
revisit) or declined, with a reason, has been dealt with too: only ideas still open drift.
"""

from __future__ import annotations

from app.domain import EntryType, Event
from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, EntryFact, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import ACTIVE_PHASES, View, event_ref, when

# Ratios of small whole numbers; compare with a little tolerance.
_EPS = 1e-9


def _untaken(view: View, window: list[Event]) -> tuple[list[EntryFact], list[EntryFact]]:
    """(the ideas of the window's events, those still open by the view's day: no action made
    from them, neither parked nor declined)."""
    pks = {e.pk for e in window}
    ideas = [n for n in view.entries if n.event in pks and n.type == EntryType.IDEA]
    taken = {a.source_entry for a in view.snap.actions if a.source_entry is not None}
    return ideas, [n for n in ideas if n.pk not in taken and n.fate is None]


def _drifting(view: View, window: list[Event], t: Params) -> bool:
    ideas, untaken = _untaken(view, window)
    dealt_with = len(ideas) - len(untaken)  # made into actions, parked or declined
    return len(untaken) >= t["min_ideas"] and dealt_with < len(ideas) * t["action_ratio"] - _EPS


def drifting_boat(view: View, t: Params) -> EarlyWarning | None:
    """Ideas of the recent events that no action was made from: the boat is drifting."""
    if view.phase not in ACTIVE_PHASES or not view.events:
        return None
    size = int(t["events"])
    recent = view.events[-size:]
    if not _drifting(view, recent, t):
        return None
    earlier = view.events[-2 * size : -size] if len(view.events) > size else []
    two_windows = len(earlier) == size and _drifting(view, earlier, t)
    ideas, untaken = _untaken(view, recent)
    message = ngettext(
        "No action has been made from {untaken} of the {ideas} ideas recorded at the last event "
        "({since}).",
        "No action has been made from {untaken} of the {ideas} ideas recorded at the last {n} "
        "events (since {since}).",
        len(recent),
    ).format(untaken=len(untaken), ideas=len(ideas), n=len(recent), since=when(recent[0].day))
    if two_windows:
        message += " " + ngettext(
            "The event before it left its ideas without actions too.",
            "The {n} events before them left their ideas without actions too.",
            len(earlier),
        ).format(n=len(earlier))
    shown = (earlier if two_windows else []) + recent
    with_ideas = {n.event for n in _untaken(view, shown)[1]}
    return EarlyWarning(
        id="drifting-boat",
        severity=Severity.CRITICAL if two_windows else Severity.WARNING,
        message=message,
        evidence=tuple(event_ref(e) for e in shown if e.pk in with_ideas),
        suggestion=_(
            "Go through these ideas with the partners at the next meeting: make an action from "
            "each one you agree to pursue (from the idea, so they stay linked), with an owner and "
            "a due date; park the ones you set aside for now, with the reason and a date to "
            "revisit them, and decline the ones you will not pursue, saying why."
        ),
    )


RULE = Rule(
    id="drifting-boat",
    order=30,
    title=N_("A drifting boat"),
    explanation=N_(
        "Ideas recorded at the recent events have not become actions: few actions were made "
        "from them. Critical when the events before them drifted too. In the study the partners "
        "could not move from generating ideas to generating actions, and the partnership "
        "\u201cbegan to resemble a drifting boat\u201d (Kork, Koskela & Turpeinen, Results)."
    ),
    severities=(Severity.WARNING, Severity.CRITICAL),
    function=drifting_boat,
    parameters=(
        Parameter("events", N_("Recent events looked at"), default=4, minimum=1, maximum=3650),
        Parameter(
            "min_ideas",
            N_("Ideas without an action, at least"),
            default=3,
            minimum=1,
            maximum=3650,
        ),
        Parameter(
            "action_ratio",
            N_("Ideas made into actions, share at least"),
            default=1 / 3,
            minimum=0.01,
            maximum=1.0,
            whole=False,
            step=0.05,
            decimals=2,
        ),
    ),
)
