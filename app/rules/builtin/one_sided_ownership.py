"""Co-creation falters when one organization carries nearly all open actions.

The paper's finding: the work fell to one side (Kork, Koskela & Turpeinen; see notes/domain.md).
"""

from __future__ import annotations

from collections import Counter

from app.domain import Action
from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Evidence, EvidenceKind, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import View, action_ref


def _organization_of(view: View, a: Action) -> int | None:
    if a.organization is not None:
        return a.organization
    for p in view.snap.people:
        if p.pk == a.owner:
            return p.organization
    return None


def one_sided_ownership(view: View, t: Params) -> EarlyWarning | None:
    """Co-creation falters when one organization carries nearly all open actions."""
    open_actions = view.open_actions
    if len(open_actions) < t["min_open"]:
        return None
    owners = Counter(_organization_of(view, a) for a in open_actions)
    owners.pop(None, None)
    if not owners:
        return None
    org_pk, count = owners.most_common(1)[0]
    share = count / len(open_actions)
    if share <= t["share"]:
        return None
    org = next((o for o in view.snap.organizations if o.pk == org_pk), None)
    name = org.name if org else "?"
    evidence = [Evidence(EvidenceKind.ORGANIZATION, org_pk or 0, name, org.id if org else "")]
    evidence += [action_ref(a) for a in open_actions if _organization_of(view, a) == org_pk]
    return EarlyWarning(
        id="one-sided-ownership",
        severity=Severity.WARNING,
        message=ngettext(
            "{org} owns {count} of the {total} open action ({pct} %).",
            "{org} owns {count} of the {total} open actions ({pct} %).",
            len(open_actions),
        ).format(org=name, count=count, total=len(open_actions), pct=round(share * 100)),
        evidence=tuple(evidence),
        suggestion=_(
            "Review the action plan together and agree which actions the other side takes on."
        ),
    )


RULE = Rule(
    id="one-sided-ownership",
    order=70,
    title=N_("One-sided ownership"),
    explanation=N_(
        "One organization is responsible for nearly all the open actions. In the study the "
        "partners had a weak commitment to sharing resources and responsibilities (Kork, "
        "Koskela & Turpeinen, Results)."
    ),
    severities=(Severity.WARNING,),
    function=one_sided_ownership,
    parameters=(
        Parameter("min_open", N_("Open actions, at least"), default=5, minimum=1, maximum=3650),
        Parameter(
            "share",
            N_("Share owned by one organization, more than"),
            default=0.8,
            minimum=0.01,
            maximum=1.0,
            whole=False,
            step=0.05,
            decimals=2,
        ),
    ),
)
