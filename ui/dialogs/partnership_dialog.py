"""The New/Edit partnership dialog: name, description, start, language, first phase, and the
organizations with their people.

The dialog edits a ``PartnershipDraft``; the rules are the domain's (``check_draft``), each
problem shown next to its field once the field has been touched, and OK stays disabled until
the draft is valid. Saving goes through ``app.services.partnerships`` in one transaction.
People and organizations already stored can be edited but not removed here, since events and
actions may refer to them.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import Phase, Role
from app.domain.labels import phase_name
from app.domain.validation import Problem
from app.i18n import _, language
from app.persistence.diary import Diary
from app.persistence.errors import DiaryError
from app.services.partnerships import (
    GROUP_SIZES,
    OrganizationDraft,
    PartnershipDraft,
    check_draft,
    create_partnership,
    load_draft,
    update_partnership,
)
from ui.dialogs.organization_editor import OrganizationEditor, field_name
from ui.widgets.card import plain_label
from ui.widgets.date_field import DateField

LANGUAGES = (("en", "English"), ("fi", "Suomi"))


def _error_label() -> QLabel:
    label = plain_label("", "fieldError", wrap=True)
    label.hide()
    return label


class PartnershipDialog(QDialog):
    """Create a partnership (``pk`` None) or edit the stored partnership ``pk``."""

    def __init__(self, diary: Diary, pk: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnershipDialog")
        self.diary = diary
        self.saved_pk: int | None = None
        self.touched: set[str] = set()
        draft = load_draft(diary, pk) if pk is not None else None
        self.pk = pk if draft is not None else None
        self._existing_phases = []
        if self.pk is not None:
            from app.persistence.read.partnerships import list_phases

            self._existing_phases = list_phases(diary.db, self.pk)
        self.setWindowTitle(_("Edit partnership") if self.pk else _("New partnership"))
        self.editors: list[OrganizationEditor] = []
        self._build()
        self._load(draft or self._new_draft())
        self.resize(760, 680)
        self.validate()

    @staticmethod
    def _new_draft() -> PartnershipDraft:
        return PartnershipDraft(
            name="",
            started_on=date.today(),
            language=language() if language() in ("en", "fi") else "en",
            organizations=[
                OrganizationDraft("", Role.CUSTOMER),
                OrganizationDraft("", Role.PROVIDER),
            ],
        )

    # -- construction -------------------------------------------------------------------

    def _build(self) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("nameEdit")
        self.name.setPlaceholderText(_("e.g. Wellbeing at work 2025–2026"))
        self.description = QPlainTextEdit()
        self.description.setObjectName("descriptionEdit")
        self.description.setPlaceholderText(_("What the partners want to achieve together"))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        self.started = DateField(optional=False)
        self.started.setObjectName("startedEdit")
        self.language_box = QComboBox()
        self.language_box.setObjectName("languageBox")
        for code, label in LANGUAGES:
            self.language_box.addItem(label, code)
        self.vision = QPlainTextEdit()
        self.vision.setObjectName("visionEdit")
        self.vision.setPlaceholderText(_("Where the partners want to be in the end"))
        self.vision.setTabChangesFocus(True)
        self.vision.setFixedHeight(48)
        self.pilot_scope = QPlainTextEdit()
        self.pilot_scope.setObjectName("pilotScopeEdit")
        self.pilot_scope.setPlaceholderText(_("What the pilot tests of the vision, and where"))
        self.pilot_scope.setTabChangesFocus(True)
        self.pilot_scope.setFixedHeight(48)
        self.group_size = QSpinBox()
        self.group_size.setObjectName("groupSizeBox")
        self.group_size.setRange(*GROUP_SIZES)
        self.group_size.setSuffix(" " + _("respondents"))
        self.group_size.setToolTip(
            _(
                "A side's questionnaire mean is printed in reports only when at least this many "
                "of its people answered, so nobody's answers can be told apart."
            )
        )
        self.phase_box = QComboBox()
        self.phase_box.setObjectName("phaseBox")
        for phase in Phase.working():
            self.phase_box.addItem(phase_name(phase), phase.value)
        # Optional: the planned end of the cycle (unticked: none).
        self.has_end = QCheckBox(_("Planned &end:"))
        self.has_end.setObjectName("plannedEndCheck")
        self.has_end.setToolTip(
            _(
                "When the partners plan this cycle to end. From 30 days before it, a warning "
                "asks for their decision: continue, renegotiate, make it routine or end."
            )
        )
        self.planned_end = DateField(optional=False)
        self.planned_end.setObjectName("plannedEndEdit")
        self.planned_end.setEnabled(False)
        self.has_end.toggled.connect(self.planned_end.setEnabled)
        end_row = QWidget()
        end_layout = QHBoxLayout(end_row)
        end_layout.setContentsMargins(0, 0, 0, 0)
        end_layout.addWidget(self.planned_end)
        end_layout.addStretch(1)
        self.errors = {
            "name": _error_label(),
            "description": _error_label(),
            "started_on": _error_label(),
            "planned_end_on": _error_label(),
            "organizations": _error_label(),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(_("&Name:"), self._with_error(self.name, "name"))
        form.addRow(_("&Description:"), self._with_error(self.description, "description"))
        start_row = QWidget()
        start_layout = QHBoxLayout(start_row)
        start_layout.setContentsMargins(0, 0, 0, 0)
        start_layout.addWidget(self.started)
        start_layout.addStretch(1)
        form.addRow(_("&Start date:"), self._with_error(start_row, "started_on"))
        form.addRow(self.has_end, self._with_error(end_row, "planned_end_on"))
        form.addRow(_("Report &language:"), self.language_box)
        form.addRow(_("&Phase at start:"), self.phase_box)
        form.addRow(_("&Vision:"), self.vision)
        form.addRow(_("P&ilot scope:"), self.pilot_scope)
        form.addRow(_("S&mallest group in reports:"), self.group_size)

        self.org_box = QVBoxLayout()
        self.org_box.setSpacing(10)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addLayout(self.org_box)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        add_org = QPushButton(_("Add &organization"))
        add_org.setObjectName("addOrganizationButton")
        add_org.clicked.connect(lambda: self._add_editor(OrganizationDraft("", Role.OTHER), True))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Save") if self.pk else _("Create partnership"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.summary = plain_label("", "muted", wrap=True)

        heading = QHBoxLayout()
        heading.addWidget(plain_label(_("Organizations and people"), "cardTitle"), 1)
        heading.addWidget(add_org)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addLayout(heading)
        layout.addWidget(self.errors["organizations"])
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self.name.textChanged.connect(lambda: self._touch("name"))
        self.description.textChanged.connect(lambda: self._touch("description"))
        # A typed date is checked as it is typed (OK waits for a readable one) and its
        # message shown once typing ends.
        self.started.textEdited.connect(lambda _t: self.validate())
        self.started.editingFinished.connect(lambda: self._touch("started_on"))
        self.started.date_chosen.connect(lambda: self._touch("started_on"))
        self.planned_end.textEdited.connect(lambda _t: self.validate())
        self.planned_end.editingFinished.connect(lambda: self._touch("planned_end_on"))
        self.planned_end.date_chosen.connect(lambda: self._touch("planned_end_on"))
        self.has_end.toggled.connect(lambda: self._touch("planned_end_on"))
        self.phase_box.currentIndexChanged.connect(lambda: self._touch("started_on"))

    def _with_error(self, field: QWidget, key: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.errors[key])
        return box

    def _add_editor(self, draft: OrganizationDraft, focus: bool = False) -> OrganizationEditor:
        editor = OrganizationEditor(draft, len(self.editors))
        editor.changed.connect(self._touch)
        editor.remove_requested.connect(self._remove_editor)
        self.editors.append(editor)
        self.org_box.addWidget(editor)
        self._renumber()
        if focus:
            editor.name.setFocus()
        self.validate()
        return editor

    def _remove_editor(self, editor: OrganizationEditor) -> None:
        self.editors.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        self._renumber()
        self.touched.add("organizations")
        self.validate()

    def _renumber(self) -> None:
        for i, editor in enumerate(self.editors):
            editor.index = i

    def _load(self, draft: PartnershipDraft) -> None:
        self.name.setText(draft.name)
        self.description.setPlainText(draft.description or "")
        self.started.set_date(draft.started_on)
        self.planned_end.set_date(draft.planned_end_on or draft.started_on)
        self.has_end.setChecked(draft.planned_end_on is not None)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(draft.language)))
        self.phase_box.setCurrentIndex(max(0, self.phase_box.findData(draft.initial_phase.value)))
        self.vision.setPlainText(draft.vision or "")
        self.pilot_scope.setPlainText(draft.pilot_scope or "")
        self.group_size.setValue(draft.min_group_size)
        for org in draft.organizations:
            self._add_editor(org)
        self.touched.clear()

    # -- validation ---------------------------------------------------------------------

    def draft(self) -> PartnershipDraft:
        """What the dialog holds now."""
        # An unreadable date is a problem of its own (``validate``): the draft holds a stand-in.
        day = self.started.date() or date.today()
        end = self.planned_end.date() or day
        return PartnershipDraft(
            name=self.name.text(),
            started_on=day,
            description=self.description.toPlainText() or None,
            language=str(self.language_box.currentData()),
            initial_phase=Phase(self.phase_box.currentData()),
            organizations=[editor.draft() for editor in self.editors],
            pk=self.pk,
            vision=self.vision.toPlainText() or None,
            pilot_scope=self.pilot_scope.toPlainText() or None,
            min_group_size=self.group_size.value(),
            planned_end_on=end if self.has_end.isChecked() else None,
        )

    def _touch(self, field: str) -> None:
        self.touched.add(field)
        self.validate()

    def validate(self) -> list[Problem]:
        """Check the draft, show each problem next to its field, enable OK when valid."""
        if not hasattr(self, "ok_button"):
            return []
        problems = self._date_problems() + check_draft(self.draft(), self._existing_phases)
        by_field: dict[str, str] = {}
        for p in problems:
            by_field.setdefault(p.field, p.message)
        for key, label in self.errors.items():
            message = by_field.get(key) if key in self.touched or self.pk else None
            label.setText(message or "")
            label.setVisible(bool(message))
        for editor in self.editors:
            editor.show_problems(by_field, show_all=self.pk is not None)
        self.ok_button.setEnabled(not problems)
        shown = [p for p in problems if self._shown(p.field)]
        if shown:
            self.summary.setText(_describe(shown[0]))
        elif problems:  # nothing the user has touched is wrong: say what is still to do
            self.summary.setText(_still_to_do(problems[0]))
        else:
            self.summary.setText("")
        return problems

    def _date_problems(self) -> list[Problem]:
        """The dates typed that cannot be read (the planned end only when there is one)."""
        fields = [("started_on", self.started)]
        if self.has_end.isChecked():
            fields.append(("planned_end_on", self.planned_end))
        return [Problem(key, problem) for key, field in fields if (problem := field.read()[1])]

    def _shown(self, field: str) -> bool:
        """Whether the problem of ``field`` is shown: touched by the user, or a stored one."""
        if self.pk is not None or field in self.touched:
            return True
        return any(editor.shows(field) for editor in self.editors)

    # -- saving -------------------------------------------------------------------------

    def accept(self) -> None:
        if self.validate():
            return
        draft = self.draft()
        try:
            if self.pk is None:
                self.saved_pk = create_partnership(self.diary, draft)
            else:
                update_partnership(self.diary, draft)
                self.saved_pk = self.pk
        except DiaryError as exc:
            from ui.dialogs.error_dialog import show_diary_error

            show_diary_error(self, exc)
            return
        super().accept()


def _where(problem: Problem) -> str | None:
    """The field of a problem in words ("Organization 1, person 2, name"), None if unknown."""
    names = {
        "name": _("Name"),
        "description": _("Description"),
        "started_on": _("Start date"),
        "planned_end_on": _("Planned end"),
        "organizations": _("Organizations"),
    }
    if problem.field in names:
        return names[problem.field]
    found = re.fullmatch(r"organizations\[(\d+)\](?:\.people\[(\d+)\])?\.(\w+)", problem.field)
    if found is None:
        return None
    org, person, field = found.groups()
    where = _("Organization {n}").format(n=int(org) + 1)
    if person is not None:
        where += ", " + _("person {n}").format(n=int(person) + 1)
    return f"{where}, {field_name(field)}"


def _describe(problem: Problem) -> str:
    """A problem in words for the line next to the OK button."""
    where = _where(problem)
    return f"{where}: {problem.message}" if where else str(problem)


def _still_to_do(problem: Problem) -> str:
    """What is missing, worded as a step to take rather than a mistake (nothing typed yet)."""
    where = _where(problem)
    return _("Still to fill in: {field}").format(field=where) if where else ""
