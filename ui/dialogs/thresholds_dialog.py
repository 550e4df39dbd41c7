"""The partnership's own thresholds for the early-warning rules.

One group per rule of the registry (its title and explanation, whether it is on, its numbers
with their labels and ranges, all as the rule declares them); a value left at its default is
not stored, so later changes of a default reach the partnership. Bad values are refused by the
service with a message naming the field, and nothing is changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import ValidationError
from app.i18n import _
from app.rules import RULES, Parameter, Rule
from app.services import warnings
from ui.context import AppContext
from ui.style import MUTED
from ui.widgets.card import plain_label

Field = QSpinBox | QDoubleSpinBox


class ThresholdsDialog(QDialog):
    """Edit which rules run for a partnership and with which numbers."""

    def __init__(self, context: AppContext, pk: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.pk = context, pk
        self.setObjectName("thresholdsDialog")
        self.setWindowTitle(_("Warning thresholds"))
        self.resize(560, 600)
        current = warnings.thresholds(context.diary.db, pk)
        self.fields: dict[tuple[str, str], Field] = {}
        self.switches: dict[str, QCheckBox] = {}
        body = QWidget()
        groups = QVBoxLayout(body)
        for rule in RULES:
            groups.addWidget(self._group(rule, current[rule.id]))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.error = plain_label("", "fieldError", wrap=True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        reset = QPushButton(_("Defaults"))
        reset.setObjectName("thresholdDefaults")
        buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        reset.clicked.connect(self.reset)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _group(self, rule: Rule, values: dict[str, float]) -> QGroupBox:
        box = QGroupBox(rule.shown_title())
        box.setObjectName(f"rule-{rule.id}")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        explanation = plain_label(rule.shown_explanation(), "ruleExplanation", wrap=True)
        explanation.setStyleSheet(f"color: {MUTED};")
        form.addRow(explanation)
        switch = QCheckBox(_("Warn about this"))
        switch.setChecked(bool(values["enabled"]))
        self.switches[rule.id] = switch
        form.addRow(switch)
        for parameter in rule.parameters:
            field = _field(parameter, values[parameter.name])
            field.setObjectName(f"{rule.id}.{parameter.name}")
            switch.toggled.connect(field.setEnabled)
            field.setEnabled(switch.isChecked())
            self.fields[(rule.id, parameter.name)] = field
            form.addRow(parameter.shown_label(), field)
        return box

    def custom(self) -> dict[str, dict[str, float]]:
        """Only the values that differ from the defaults."""
        chosen: dict[str, dict[str, float]] = {}
        for rule, switch in self.switches.items():
            if not switch.isChecked():
                chosen.setdefault(rule, {})["enabled"] = 0
        for (rule, name), field in self.fields.items():
            # A default like 1/3 shows rounded; only a change beyond the shown digits counts.
            digits = field.decimals() if isinstance(field, QDoubleSpinBox) else 0
            if abs(field.value() - _default(rule, name)) >= 0.5 * 10**-digits:
                chosen.setdefault(rule, {})[name] = field.value()
        return chosen

    def reset(self) -> None:
        for rule, switch in self.switches.items():
            switch.setChecked(RULES[rule].enabled)
        for (rule, name), field in self.fields.items():
            if isinstance(field, QSpinBox):
                field.setValue(int(_default(rule, name)))
            else:
                field.setValue(_default(rule, name))

    def accept(self) -> None:
        try:
            warnings.set_thresholds(self.context.diary, self.pk, self.custom())
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


def _default(rule: str, name: str) -> float:
    parameter = RULES[rule].parameter(name)
    assert parameter is not None  # the fields are made from the rule's own parameters
    return parameter.default


def _field(parameter: Parameter, value: float) -> Field:
    """A spin box over the parameter's declared range, in its steps and digits."""
    if parameter.whole:
        count = QSpinBox()
        count.setRange(int(parameter.minimum), int(parameter.maximum))
        count.setValue(int(value))
        return count
    number = QDoubleSpinBox()
    number.setDecimals(parameter.decimals)
    number.setRange(parameter.minimum, parameter.maximum)
    number.setSingleStep(parameter.step)
    number.setValue(value)
    return number
