"""Objectives must say how progress is measured once the partners commit.

The paper's finding: objectives stayed abstract (Kork, Koskela & Turpeinen; see notes/domain.md).
"""

from __future__ import annotations

from app.domain import Phase
from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Evidence, EvidenceKind, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import ACTIVE_PHASES, View, short


def objectives_unspecified(view: View, t: Params) -> EarlyWarning | None:
    """Objectives must say how progress is measured once the partners commit."""
    phase = view.phase
    long_negotiation = phase == Phase.NEGOTIATION and view.spell_days() > t["negotiation_days"]
    if phase not in ACTIVE_PHASES and not long_negotiation:
        return None
    objectives = view.snap.objectives
    vague = [o for o in objectives if not o.is_specific]
    if objectives and not vague:
        return None
    evidence = tuple(
        Evidence(EvidenceKind.OBJECTIVE, o.pk or 0, short(o.text), o.id, " ".join(o.text.split()))
        for o in vague
    )
    if not objectives:
        message = _("The partnership has no written objectives yet.")
    else:
        message = ngettext(
            "{n} of {total} objectives does not say how progress will be measured.",
            "{n} of {total} objectives do not say how progress will be measured.",
            len(vague),
        ).format(n=len(vague), total=len(objectives))
    return EarlyWarning(
        id="objectives-unspecified",
        severity=Severity.WARNING,
        message=message,
        evidence=evidence,
        suggestion=_(
            "Agree with both sides on an indicator and a target for each objective: "
            "who does what, by when, and how it is measured."
        ),
    )


RULE = Rule(
    id="objectives-unspecified",
    order=10,
    title=N_("Objectives not specific"),
    explanation=N_(
        "Once the partners commit, or after a long negotiation, every objective should say "
        "how progress will be measured."
    ),
    severities=(Severity.WARNING,),
    function=objectives_unspecified,
    parameters=(
        Parameter(
            "negotiation_days",
            N_("Days of negotiation before objectives are expected"),
            default=60,
            minimum=1,
            maximum=3650,
        ),
    ),
)
