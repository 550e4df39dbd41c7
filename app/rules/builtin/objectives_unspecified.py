"""Objectives must be specific once the partners commit: indicator, target, owner, due date.

The paper's finding: "the objectives of the partnership were rather abstract and unspecified"
(Kork, Koskela & Turpeinen, Results, negotiation phase).
"""

from __future__ import annotations

from app.domain import Phase
from app.domain.labels import objective_lacks
from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Evidence, EvidenceKind, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import ACTIVE_PHASES, View, short


def objectives_unspecified(view: View, t: Params) -> EarlyWarning | None:
    """Objectives must be specific once the partners commit."""
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
        lacking = "; ".join(
            _("“{objective}”: {lacks}").format(
                objective=short(o.text, 50), lacks=objective_lacks(o.lacks())
            )
            for o in vague
        )
        message = ngettext(
            "{n} of {total} objectives is not specific: {details}.",
            "{n} of {total} objectives are not specific: {details}.",
            len(vague),
        ).format(n=len(vague), total=len(objectives), details=lacking)
    return EarlyWarning(
        id="objectives-unspecified",
        severity=Severity.WARNING,
        message=message,
        evidence=evidence,
        suggestion=_(
            "Agree with both sides, for each objective, on an indicator, a target, an owner "
            "and a due date: how progress is measured, what counts as reached, who sees to it "
            "and by when."
        ),
    )


RULE = Rule(
    id="objectives-unspecified",
    order=10,
    title=N_("Objectives not specific"),
    explanation=N_(
        "Once the partners commit, or after a long negotiation, every objective should have an "
        "indicator, a target, an owner and a due date. In the study the objectives stayed "
        "abstract and unspecified (Kork, Koskela & Turpeinen, Results)."
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
