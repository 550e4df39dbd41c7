"""Both sides need a sponsor at the top, and every open action needs an owner.

The paper's finding: roles were unclear (Kork, Koskela & Turpeinen; see notes/domain.md).
"""

from __future__ import annotations

from app.domain import Role
from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Evidence, EvidenceKind, Severity
from app.rules.rule import Params, Rule
from app.rules.view import ACTIVE_PHASES, View, action_ref


def roles_unclear(view: View, t: Params) -> EarlyWarning | None:
    """Both sides need a sponsor at the top, and every open action needs an owner."""
    if view.phase not in ACTIVE_PHASES:
        return None
    sponsored = {p.organization for p in view.snap.people if p.sponsor}
    lacking = [
        o
        for o in view.snap.organizations
        if o.role in (Role.CUSTOMER, Role.PROVIDER) and o.pk not in sponsored
    ]
    ownerless = [a for a in view.open_actions if a.owner is None]
    if not lacking and not ownerless:
        return None
    parts = []
    if lacking:
        parts.append(
            _("no sponsor is named for {names}").format(names=", ".join(o.name for o in lacking))
        )
    if ownerless:
        parts.append(
            ngettext(
                "{n} open action has no owner", "{n} open actions have no owner", len(ownerless)
            ).format(n=len(ownerless))
        )
    evidence = [Evidence(EvidenceKind.ORGANIZATION, o.pk or 0, o.name, o.id) for o in lacking]
    evidence += [action_ref(a) for a in ownerless]
    return EarlyWarning(
        id="roles-unclear",
        severity=Severity.WARNING,
        message=_("Roles are unclear: {details}.").format(details="; ".join(parts)),
        evidence=tuple(evidence),
        suggestion=_(
            "Name a top-management sponsor on both sides and give every open action one owner."
        ),
    )


RULE = Rule(
    id="roles-unclear",
    order=20,
    title=N_("Roles unclear"),
    explanation=N_(
        "In commitment and execution both sides need a sponsor in top management, and every "
        "open action needs an owner. In the study the distribution of the partners' roles "
        "remained unclear (Kork, Koskela & Turpeinen, Results)."
    ),
    severities=(Severity.WARNING,),
    function=roles_unclear,
)
