"""The cycle has come to its end and the partners' decision is not recorded.

Ring & Van de Ven's cycle of negotiation, commitment and execution ends in the partners'
assessment and a decision: continue, renegotiate, make the relationship routine, or dissolve
it. The rule asks for that decision from ``lead_days`` before the partnership's planned end, or
``after_days`` after a feedback meeting held in execution and marked as the final evaluation.
A decision recorded from the moment the question arises answers it (from ``lead_days`` before
the planned end; from the day of the final evaluation); an older decision belonged to an
earlier cycle.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain import Event, EventKind, Phase
from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Evidence, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import View, event_label, event_ref, when


def _final_evaluation(view: View) -> Event | None:
    """The latest feedback meeting held in execution and marked as the final evaluation."""
    marked = [
        e
        for e in view.events
        if e.final_evaluation
        and e.kind == EventKind.FEEDBACK_MEETING
        and (e.phase or view.snap.partnership.phase_on(e.day)) == Phase.EXECUTION
    ]
    return marked[-1] if marked else None


def _decided_since(view: View, day: date) -> bool:
    return any(c.decided_on >= day for c in view.snap.cycle_decisions)


def cycle_decision(view: View, t: Params) -> EarlyWarning | None:
    """The planned end is near or past, or the final evaluation was long ago, and no decision."""
    if view.phase in (None, Phase.ENDED):
        return None
    sentences: list[str] = []
    evidence: list[Evidence] = []
    severity = Severity.INFO
    planned = view.snap.partnership.planned_end_on
    if planned is not None:
        asked_from = planned - timedelta(days=int(t["lead_days"]))
        if view.day >= asked_from and not _decided_since(view, asked_from):
            if view.day > planned:
                severity = Severity.WARNING
                sentences.append(
                    _("The partnership's planned end, {day}, has passed.").format(day=when(planned))
                )
            else:
                sentences.append(
                    _("The partnership is planned to end on {day}.").format(day=when(planned))
                )
    final = _final_evaluation(view)
    if final is not None:
        days = (view.day - final.day).days
        if days >= int(t["after_days"]) and not _decided_since(view, final.day):
            severity = Severity.WARNING
            sentences.append(
                ngettext(
                    "The final evaluation, {event}, was held {days} day ago.",
                    "The final evaluation, {event}, was held {days} days ago.",
                    days,
                ).format(event=event_label(final), days=days)
            )
            evidence.append(event_ref(final))
    if not sentences:
        return None
    sentences.append(_("The partners' decision on how to go on is not recorded."))
    return EarlyWarning(
        id="cycle-decision",
        severity=severity,
        message=" ".join(sentences),
        evidence=tuple(evidence),
        suggestion=_(
            "Ask the partners whether to continue, renegotiate, make the work routine or end "
            "the partnership, and record their decision (Partnership ▸ Record the partners' "
            "decision)."
        ),
    )


RULE = Rule(
    id="cycle-decision",
    order=100,
    title=N_("End of cycle without a decision"),
    explanation=N_(
        "Ring & Van de Ven describe the emergence, evolution and dissolution of a partnership "
        "as a cycle of negotiation, commitment and execution with continuous assessment; the "
        "partners need the arguments for continuing the relationship (Kork, Koskela & "
        "Turpeinen, Formation of a cooperative partnership). At the end of a cycle they decide "
        "to continue, renegotiate, make the work routine or end it. The warning asks for that "
        "decision from some days before the planned end, or some time after the final "
        "evaluation, until it is recorded."
    ),
    severities=(Severity.WARNING, Severity.INFO),
    function=cycle_decision,
    parameters=(
        Parameter(
            "lead_days",
            N_("Days before the planned end to ask"),
            default=30,
            minimum=0,
            maximum=365,
        ),
        Parameter(
            "after_days",
            N_("Days after the final evaluation to ask"),
            default=60,
            minimum=1,
            maximum=730,
        ),
    ),
)
