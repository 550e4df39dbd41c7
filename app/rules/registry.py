"""The registry of warning rules: the one list the engine, the thresholds and the UI iterate.

The built-in rules are found at start: every module of ``app.rules.builtin`` that defines
``RULE``. Adding a rule is one file there (its ``Rule`` and its function) and one test.

Test hook: ``RULES.temporarily(rule)`` adds a rule for the duration of a ``with`` block, so a
test can check that a new rule reaches the warnings panel and the thresholds dialog without a
file in the package. Functions of the core also accept a ``Registry`` of their own
(``evaluate(..., rules=Registry([rule]))``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from app.rules import builtin
from app.rules.rule import Rule


class Registry:
    """Rules by id, iterated in their declared order."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        for rule in rules:
            self.register(rule)

    def register(self, rule: Rule) -> None:
        if rule.id in self._rules:
            raise ValueError(f"a warning rule with the id {rule.id!r} is already registered")
        self._rules[rule.id] = rule
        ordered = sorted(self._rules.values(), key=lambda r: (r.order, r.id))
        self._rules = {r.id: r for r in ordered}

    def unregister(self, rule_id: str) -> None:
        self._rules.pop(rule_id, None)

    @contextmanager
    def temporarily(self, *rules: Rule) -> Iterator[Registry]:
        """The test hook: ``rules`` are registered inside the ``with`` block only."""
        for rule in rules:
            self.register(rule)
        try:
            yield self
        finally:
            for rule in rules:
                self.unregister(rule.id)

    def __iter__(self) -> Iterator[Rule]:
        return iter(list(self._rules.values()))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def __getitem__(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def get(self, rule_id: str) -> Rule | None:
        return self._rules.get(rule_id)

    def ids(self) -> list[str]:
        return list(self._rules)

    def title(self, rule_id: str) -> str:
        """The rule's title in the current language (its id for a rule no longer known)."""
        rule = self._rules.get(rule_id)
        return rule.shown_title() if rule else rule_id


def builtin_rules() -> list[Rule]:
    """The ``RULE`` of every module in ``app.rules.builtin``."""
    found = []
    for info in pkgutil.iter_modules(builtin.__path__):
        module = importlib.import_module(f"{builtin.__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            found.append(rule)
    return found


RULES = Registry(builtin_rules())
