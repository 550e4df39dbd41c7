"""The rules' thresholds: their declared defaults and a partnership's own values over them.

A partnership stores only what it changed, as ``{rule id: {name: value}}`` in
``partnerships.thresholds``; ``resolve`` lays it over the defaults each rule declares. Every rule
also has ``enabled`` so a facilitator can switch off a rule that does not fit their work.
``check`` refuses values outside the ranges the rules declare.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain import Problem
from app.i18n import _
from app.rules.registry import RULES, Registry

Thresholds = dict[str, dict[str, float]]


def defaults(rules: Registry = RULES) -> Thresholds:
    """Every rule's thresholds at their defaults."""
    return {rule.id: rule.defaults() for rule in rules}


def resolve(custom: Mapping[str, Any] | None, rules: Registry = RULES) -> Thresholds:
    """The defaults with a partnership's own values laid over them (unknown keys ignored)."""
    merged = defaults(rules)
    for rule, values in (custom or {}).items():
        if rule in merged and isinstance(values, Mapping):
            for name, value in values.items():
                if name in merged[rule] and isinstance(value, int | float):
                    merged[rule][name] = float(value)
    return merged


def check(custom: Mapping[str, Any], rules: Registry = RULES) -> list[Problem]:
    """Problems with thresholds a user typed, each naming ``rule.name``."""
    problems: list[Problem] = []
    for rule_id, values in custom.items():
        rule = rules.get(rule_id)
        if rule is None:
            problems.append(Problem(rule_id, _("no such warning rule")))
        elif not isinstance(values, Mapping):
            problems.append(Problem(rule_id, _("must be a set of named values")))
        else:
            problems.extend(rule.problems(dict(values)))
    return problems
