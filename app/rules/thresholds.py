"""The rules' thresholds: their defaults and a partnership's own values over them.

A partnership stores only what it changed, as ``{rule id: {name: value}}`` in
``partnerships.thresholds``; ``resolve`` lays it over the defaults. Every rule also has
``enabled`` so a facilitator can switch off a rule that does not fit their work.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain import Problem
from app.i18n import _

Thresholds = dict[str, dict[str, float]]

DEFAULTS: Thresholds = {
    "objectives-unspecified": {"enabled": 1, "negotiation_days": 60},
    "roles-unclear": {"enabled": 1},
    "drifting-boat": {"enabled": 1, "events": 4, "min_ideas": 3, "action_ratio": 1 / 3},
    "sponsor-absent": {"enabled": 1, "missed_in_row": 2},
    "no-feedback": {"enabled": 1, "active_days": 90, "window_days": 90},
    "commitment-falling": {"enabled": 1, "drop": 1.0, "previous": 2},
    "one-sided-ownership": {"enabled": 1, "min_open": 5, "share": 0.8},
    "overdue-actions": {"enabled": 1, "critical_share": 0.3},
    "no-assessment": {"enabled": 1, "phase_days": 60},
}

# Values that must be whole numbers (counts and days); the rest may be fractions.
_COUNTS = {"negotiation_days", "events", "min_ideas", "missed_in_row", "active_days"}
_COUNTS |= {"window_days", "previous", "min_open", "phase_days"}
_SHARES = {"action_ratio", "share", "critical_share"}


def resolve(custom: Mapping[str, Any] | None) -> Thresholds:
    """The defaults with a partnership's own values laid over them (unknown keys ignored)."""
    merged = {rule: dict(values) for rule, values in DEFAULTS.items()}
    for rule, values in (custom or {}).items():
        if rule in merged and isinstance(values, Mapping):
            for name, value in values.items():
                if name in merged[rule] and isinstance(value, int | float):
                    merged[rule][name] = float(value)
    return merged


def check(custom: Mapping[str, Any]) -> list[Problem]:
    """Problems with thresholds a user typed, each naming ``rule.name``."""
    problems: list[Problem] = []
    for rule, values in custom.items():
        if rule not in DEFAULTS:
            problems.append(Problem(rule, _("no such warning rule")))
            continue
        if not isinstance(values, Mapping):
            problems.append(Problem(rule, _("must be a set of named values")))
            continue
        for name, value in values.items():
            problems.extend(_check_value(rule, name, value))
    return problems


def _check_value(rule: str, name: str, value: object) -> list[Problem]:
    where = f"{rule}.{name}"
    if name not in DEFAULTS[rule]:
        return [Problem(where, _("no such threshold"))]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return [Problem(where, _("must be a number"))]
    if name == "enabled":
        return [] if value in (0, 1) else [Problem(where, _("must be 0 or 1"))]
    if name in _COUNTS and (value != int(value) or value < 1):
        return [Problem(where, _("must be a whole number of at least 1"))]
    if name in _SHARES and not 0 < value <= 1:
        return [Problem(where, _("must be above 0 and at most 1"))]
    if value < 0:
        return [Problem(where, _("must not be negative"))]
    return []
