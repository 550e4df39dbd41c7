"""The partnership's own thresholds for the early-warning rules.

One group per rule (its name, whether it is on, its numbers); a value left at its default is
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
from app.rules import DEFAULTS
from app.services import warnings
from ui.context import AppContext
from ui.widgets.card import plain_label
from ui.widgets.warnings_panel import rule_title

Field = QSpinBox | QDoubleSpinBox


def parameter_label(name: str) -> str:
    return {
        "negotiation_days": _("Days of negotiation before objectives are expected"),
        "events": _("Recent events looked at"),
        "min_ideas": _("Ideas in them, at least"),
        "action_ratio": _("Actions per idea, at least"),
        "missed_in_row": _("Invitations missed in a row"),
        "active_days": _("Days in commitment or execution before feedback is expected"),
        "window_days": _("Days without feedback"),
        "drop": _("Fall in the commitment rating (points)"),
        "previous": _("Earlier rated events compared with"),
        "min_open": _("Open actions, at least"),
        "share": _("Share owned by one organization, more than"),
        "critical_share": _("Share overdue that makes it critical"),
        "phase_days": _("Days in a phase without assessment"),
    }.get(name, name)


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
        for rule, values in current.items():
            groups.addWidget(self._group(rule, values))
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

    def _group(self, rule: str, values: dict[str, float]) -> QGroupBox:
        box = QGroupBox(rule_title(rule))
        box.setObjectName(f"rule-{rule}")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        switch = QCheckBox(_("Warn about this"))
        switch.setChecked(bool(values["enabled"]))
        self.switches[rule] = switch
        form.addRow(switch)
        for name, value in values.items():
            if name == "enabled":
                continue
            field = _field(name, value)
            field.setObjectName(f"{rule}.{name}")
            switch.toggled.connect(field.setEnabled)
            field.setEnabled(switch.isChecked())
            self.fields[(rule, name)] = field
            form.addRow(parameter_label(name), field)
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
            if abs(field.value() - DEFAULTS[rule][name]) >= 0.5 * 10**-digits:
                chosen.setdefault(rule, {})[name] = field.value()
        return chosen

    def reset(self) -> None:
        for rule, switch in self.switches.items():
            switch.setChecked(bool(DEFAULTS[rule]["enabled"]))
        for (rule, name), field in self.fields.items():
            value = DEFAULTS[rule][name]
            if isinstance(field, QDoubleSpinBox):
                field.setValue(value)
            else:
                field.setValue(int(value))  # whole-number thresholds: Qt truncated them too

    def accept(self) -> None:
        try:
            warnings.set_thresholds(self.context.diary, self.pk, self.custom())
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


def _field(name: str, value: float) -> Field:
    if name in ("action_ratio", "share", "critical_share"):
        share = QDoubleSpinBox()
        share.setRange(0.01, 1.0)
        share.setSingleStep(0.05)
        share.setDecimals(2)
        share.setValue(value)
        return share
    if name == "drop":
        points = QDoubleSpinBox()
        points.setRange(0.1, 4.0)
        points.setSingleStep(0.1)
        points.setDecimals(1)
        points.setValue(value)
        return points
    count = QSpinBox()
    count.setRange(1, 3650)
    count.setValue(int(value))
    return count
