"""The phase in force has run for a long time without anyone assessing how it goes.

The paper's failure sign: no continuous evaluation.
"""

from __future__ import annotations

from app.domain import EntryType
from app.domain.labels import phase_name
from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import View, when


def no_assessment(view: View, t: Params) -> EarlyWarning | None:
    """The phase in force has run for a long time without anyone assessing how it goes."""
    start, phase = view.spell_start(), view.phase
    if start is None or phase is None or view.spell_days() <= t["phase_days"]:
        return None
    in_phase = [e for e in view.events if e.day >= start]
    pks = {e.pk for e in in_phase}
    assessed = any(n.event in pks and n.type == EntryType.ASSESSMENT for n in view.entries)
    if assessed or any(e.ratings for e in in_phase):
        return None
    return EarlyWarning(
        id="no-assessment",
        severity=Severity.INFO,
        message=ngettext(
            "The {phase} phase has lasted {days} day, since {since}, without an assessment "
            "entry or a rating.",
            "The {phase} phase has lasted {days} days, since {since}, without an assessment "
            "entry or a rating.",
            view.spell_days(),
        ).format(phase=phase_name(phase).lower(), days=view.spell_days(), since=when(start)),
        evidence=(),
        suggestion=_(
            "Ask both sides at the next meeting how efficient and how fair the work feels, and "
            "record their ratings."
        ),
    )


RULE = Rule(
    id="no-assessment",
    order=90,
    title=N_("No assessment"),
    explanation=N_(
        "The phase in force has lasted long without an assessment entry or a rating. The "
        "framework assesses efficiency and equity in every phase (Ring & Van de Ven); in the "
        "study a continuous evaluation of the outcomes was mostly ignored (Kork, Koskela & "
        "Turpeinen, Results)."
    ),
    severities=(Severity.INFO,),
    function=no_assessment,
    parameters=(
        Parameter(
            "phase_days",
            N_("Days in a phase without assessment"),
            default=60,
            minimum=1,
            maximum=3650,
        ),
    ),
)
