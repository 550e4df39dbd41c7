"""Rules about how the partnership is set up: objectives, roles and the action plan.

Each rule takes the dated view and its own thresholds and returns a warning or None. The
paper's findings behind them: objectives stayed abstract, roles were unclear, and the work fell
to one side (Kork, Koskela & Turpeinen; see docs and notes/domain.md).
"""

from __future__ import annotations

from collections import Counter

from app.domain import Action, Phase, Role
from app.i18n import _, ngettext
from app.rules.model import EarlyWarning, Evidence, EvidenceKind, Severity
from app.rules.view import ACTIVE_PHASES, View, action_ref, short

Params = dict[str, float]


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
        Evidence(EvidenceKind.OBJECTIVE, o.pk or 0, short(o.text), o.id) for o in vague
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
