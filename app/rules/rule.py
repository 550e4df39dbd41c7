"""What a warning rule is: one definition that the engine, the thresholds and the UI all read.

A ``Rule`` names itself (id, title, explanation), declares its thresholds (``Parameter``: name,
label, default, range), its severity policy (the severities it may give), and carries the
function that looks at the dated view. Titles, explanations and labels are English messages
marked with ``app.i18n.N_`` and translated when shown (``shown_title()``...), so a definition
made at import time follows a later change of language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain import Problem
from app.i18n import _
from app.rules.model import EarlyWarning, Severity
from app.rules.view import View

Params = dict[str, float]
RuleFunction = Callable[[View, Params], EarlyWarning | None]
ENABLED = "enabled"


def _number(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True, slots=True)
class Parameter:
    """One threshold of a rule: its name in the stored thresholds, label, default and range.

    ``whole`` values are counts or days; the others may be fractions, edited in ``step``s and
    shown with ``decimals`` digits. A value outside ``minimum``..``maximum`` is refused.
    """

    name: str
    label: str
    default: float
    minimum: float
    maximum: float
    whole: bool = True
    step: float = 1.0
    decimals: int = 0

    def shown_label(self) -> str:
        return _(self.label)

    def problem(self, value: object) -> str | None:
        """Why ``value`` cannot be this threshold (None when it can)."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return _("must be a number")
        low, high = _number(self.minimum), _number(self.maximum)
        if self.whole and (value != int(value) or not self.minimum <= value <= self.maximum):
            return _("must be a whole number from {low} to {high}").format(low=low, high=high)
        if not self.minimum <= value <= self.maximum:
            return _("must be from {low} to {high}").format(low=low, high=high)
        return None


@dataclass(frozen=True, slots=True)
class Rule:
    """One early-warning rule, complete: everything else reads it from the registry.

    ``order`` places it among the others (the order a facilitator meets them in the life of a
    partnership; ties go by id). ``severities`` is the severity policy: the severities the rule
    may give, its usual one first; the engine refuses a warning outside it. ``function`` gets
    the view of the partnership as of a date and the rule's thresholds (``enabled`` and every
    parameter by name) and returns a warning with this rule's id, or None.
    """

    id: str
    order: int
    title: str
    explanation: str
    severities: tuple[Severity, ...]
    function: RuleFunction
    parameters: tuple[Parameter, ...] = ()
    enabled: bool = True

    def shown_title(self) -> str:
        return _(self.title)

    def shown_explanation(self) -> str:
        return _(self.explanation)

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    def defaults(self) -> Params:
        """``enabled`` and every parameter at its default."""
        values = {ENABLED: 1.0 if self.enabled else 0.0}
        values.update((p.name, p.default) for p in self.parameters)
        return values

    def problems(self, values: dict[str, object]) -> list[Problem]:
        """What is wrong with thresholds a user gave this rule, each naming ``rule.name``."""
        found: list[Problem] = []
        for name, value in values.items():
            where = f"{self.id}.{name}"
            if name == ENABLED:
                ok = not isinstance(value, bool) and isinstance(value, int | float)
                if not ok:
                    found.append(Problem(where, _("must be a number")))
                elif value not in (0, 1):
                    found.append(Problem(where, _("must be 0 or 1")))
                continue
            parameter = self.parameter(name)
            message = _("no such threshold") if parameter is None else parameter.problem(value)
            if message is not None:
                found.append(Problem(where, message))
        return found
