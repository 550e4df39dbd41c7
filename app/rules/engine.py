"""Evaluate every registered early-warning rule for a partnership as of a date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.domain import Phase
from app.rules.model import EarlyWarning, Snapshot
from app.rules.registry import RULES, Registry
from app.rules.rule import ENABLED, Rule
from app.rules.thresholds import resolve
from app.rules.view import View


def evaluate(
    snapshot: Snapshot,
    as_of: date,
    thresholds: Mapping[str, Any] | None = None,
    rules: Registry = RULES,
) -> list[EarlyWarning]:
    """The warnings that hold at the end of ``as_of``, most serious first.

    Only records dated on or before ``as_of`` count. ``thresholds`` are the partnership's own
    values (``{rule: {name: value}}``); anything not given takes its default. Warnings of the
    same severity come in the registry's order. A partnership that has ended (the partners'
    decision "end") gets no warnings.
    """
    params = resolve(thresholds, rules)
    view = View.of(snapshot, as_of)
    if view.phase == Phase.ENDED:
        return []  # the partners decided to end it: nothing is left to act on
    found: list[EarlyWarning] = []
    for rule in rules:
        if not params[rule.id][ENABLED]:
            continue
        warning = rule.function(view, params[rule.id])
        if warning is not None:
            found.append(_checked(rule, warning))
    order = rules.ids()
    return sorted(found, key=lambda w: (-w.severity.rank, order.index(w.id)))


def _checked(rule: Rule, warning: EarlyWarning) -> EarlyWarning:
    """The warning, if it keeps to its rule's declaration (a rule that does not is a bug)."""
    if warning.id != rule.id:
        raise ValueError(f"rule {rule.id!r} returned a warning with the id {warning.id!r}")
    if warning.severity not in rule.severities:
        raise ValueError(f"rule {rule.id!r} gave {warning.severity}, not in its severity policy")
    return warning
