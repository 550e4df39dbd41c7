"""The rules registry: one definition per rule is all the engine, the thresholds and the UI read.

The acceptance test adds a rule the way a developer would (a ``Rule`` and its function, nothing
else) through the documented test hook, and finds its title and thresholds in the warnings panel
and the thresholds dialog.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from app.domain import ValidationError
from app.i18n import catalogue
from app.persistence import partnerships
from app.persistence.diary import Diary
from app.rules import RULES, EarlyWarning, Parameter, Registry, Rule, Severity, evaluate
from app.rules.view import View
from app.services import warnings
from app.services.demo import load_demo
from tests.test_rules_support import Build, day
from ui.context import AppContext
from ui.dialogs.thresholds_dialog import ThresholdsDialog
from ui.pages.overview import OverviewPage
from ui.widgets.warnings_panel import WarningsPanel


def _quiet_partners(view: View, t: dict[str, float]) -> EarlyWarning | None:
    """Fires whenever the partnership has events; says its threshold so tests can see it."""
    if not view.events:
        return None
    return EarlyWarning(
        id="quiet-partners",
        severity=Severity.INFO,
        message=f"Nobody spoke for {t['quiet_days']:g} days.",
        evidence=(),
        suggestion="Call them.",
    )


QUIET = Rule(
    id="quiet-partners",
    order=95,
    title="Quiet partners",
    explanation="The partners have not said anything for a while.",
    severities=(Severity.INFO,),
    function=_quiet_partners,
    parameters=(
        Parameter("quiet_days", "Days of silence, at least", default=7, minimum=1, maximum=30),
    ),
)


def test_the_builtin_rules_come_in_the_order_a_facilitator_meets_them() -> None:
    assert RULES.ids() == [
        "objectives-unspecified",
        "roles-unclear",
        "drifting-boat",
        "sponsor-absent",
        "no-feedback",
        "commitment-falling",
        "one-sided-ownership",
        "overdue-actions",
        "no-assessment",
        "cycle-decision",
    ]


def test_every_rule_title_explanation_and_label_has_finnish() -> None:
    finnish = catalogue("fi")
    texts = [t for r in RULES for t in (r.title, r.explanation)]
    texts += [p.label for r in RULES for p in r.parameters]
    assert [t for t in texts if t not in finnish] == []


def test_thresholds_are_refused_outside_the_declared_range(diary: Diary) -> None:
    pk = load_demo(diary)
    with pytest.raises(ValidationError) as refused:
        warnings.set_thresholds(diary, pk, {"drifting-boat": {"action_ratio": 1.5, "events": 2.5}})
    assert {p.field for p in refused.value.problems} == {
        "drifting-boat.action_ratio",
        "drifting-boat.events",
    }
    assert "from 0.01 to 1" in str(refused.value)
    assert partnerships.get_thresholds(diary.db, pk) == {}
    warnings.set_thresholds(diary, pk, {"commitment-falling": {"drop": 4}})
    assert warnings.thresholds(diary.db, pk)["commitment-falling"]["drop"] == 4


def test_a_rule_outside_its_severity_policy_is_refused() -> None:
    loud = Rule(
        id="quiet-partners",
        order=1,
        title="Loud",
        explanation="",
        severities=(Severity.WARNING,),
        function=_quiet_partners,
        parameters=QUIET.parameters,
    )
    b = Build()
    b.event(10)
    assert evaluate(b.snap, day(20), rules=Registry([QUIET]))[0].id == "quiet-partners"
    with pytest.raises(ValueError, match="severity policy"):
        evaluate(b.snap, day(20), rules=Registry([loud]))


def test_a_rule_registered_in_a_test_reaches_the_panel_and_the_thresholds_dialog(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = load_demo(context.diary)
    with RULES.temporarily(QUIET):
        page = OverviewPage(context)
        qtbot.addWidget(page)
        page.show_partnership(pk)
        panel = page.findChild(WarningsPanel)
        assert panel is not None
        card = next(c for c in panel.cards() if c.property("warningId") == "quiet-partners")
        heading = card.findChild(QLabel, "warningSeverity")
        assert heading is not None and heading.text() == "Info · Quiet partners"
        assert heading.toolTip() == "The partners have not said anything for a while."

        dialog = ThresholdsDialog(context, pk)
        qtbot.addWidget(dialog)
        group = dialog.findChild(QGroupBox, "rule-quiet-partners")
        assert group is not None and group.title() == "Quiet partners"
        days = dialog.findChild(QSpinBox, "quiet-partners.quiet_days")
        assert days is not None
        assert (days.value(), days.minimum(), days.maximum()) == (7, 1, 30)
        form = group.layout()
        assert isinstance(form, QFormLayout)
        label = form.labelForField(days)
        assert isinstance(label, QLabel) and label.text() == "Days of silence, at least"
        days.setValue(12)
        dialog.accept()
        assert partnerships.get_thresholds(context.diary.db, pk) == {
            "quiet-partners": {"quiet_days": 12}
        }
        page.show_partnership(pk)
        card = next(c for c in panel.cards() if c.property("warningId") == "quiet-partners")
        assert card.warning.message == "Nobody spoke for 12 days."
    assert "quiet-partners" not in RULES
