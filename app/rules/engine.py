"""Evaluate every early-warning rule for a partnership as of a date."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from app.rules import activity, structure
from app.rules.model import EarlyWarning, Snapshot
from app.rules.thresholds import resolve
from app.rules.view import View

Rule = Callable[[View, dict[str, float]], EarlyWarning | None]

# In the order a facilitator meets them in the life of a partnership.
RULES: dict[str, Rule] = {
    "objectives-unspecified": structure.objectives_unspecified,
    "roles-unclear": structure.roles_unclear,
    "drifting-boat": activity.drifting_boat,
    "sponsor-absent": activity.sponsor_absent,
    "no-feedback": activity.no_feedback,
    "commitment-falling": activity.commitment_falling,
    "one-sided-ownership": structure.one_sided_ownership,
    "overdue-actions": structure.overdue_actions,
    "no-assessment": activity.no_assessment,
}


def evaluate(
    snapshot: Snapshot, as_of: date, thresholds: Mapping[str, Any] | None = None
) -> list[EarlyWarning]:
    """The warnings that hold at the end of ``as_of``, most serious first.

    Only records dated on or before ``as_of`` count. ``thresholds`` are the partnership's own
    values (``{rule: {name: value}}``); anything not given takes its default.
    """
    params = resolve(thresholds)
    view = View.of(snapshot, as_of)
    found = []
    for rule_id, rule in RULES.items():
        if not params[rule_id]["enabled"]:
            continue
        warning = rule(view, params[rule_id])
        if warning is not None:
            found.append(warning)
    order = list(RULES)
    return sorted(found, key=lambda w: (-w.severity.rank, order.index(w.id)))
