"""Where a decision stands: its status, which sides agreed, a review date, the disagreement.

The paper asks for the ability to disagree, not for full consensus: a decision can be agreed by
one organization and contested by another, with what was not agreed written down (shared like
the decision itself). Recording is one undoable step (``app.services.decisions``); a refused
record is explained in the dialog and nothing typed is lost.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import ValidationError, Visibility
from app.domain.enums import DecisionStatus
from app.domain.labels import decision_status_name
from app.i18n import _
from app.persistence.read import entries, partnerships
from app.services.decisions import record_decision
from app.services.editing import Editor
from ui.widgets.date_field import DateRow

# A review date proposed when a decision gets its first one.
REVIEW_AFTER_DAYS = 90


class DecisionDialog(QDialog):
    """Records where one decision entry stands."""

    def __init__(
        self, editor: Editor, partnership: int, entry_pk: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(_("Decision record"))
        self._editor, self._entry = editor, entry_pk
        entry = entries.get_entry(editor.db, entry_pk)
        record = entry.decision if entry else None
        lay = QVBoxLayout(self)
        text = QLabel(entry.text if entry else "")
        text.setObjectName("decisionText")
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        font = text.font()
        font.setBold(True)
        text.setFont(font)
        lay.addWidget(text)
        if entry is not None and entry.visibility is Visibility.PRIVATE:
            note = QLabel(_("This decision is private: its record stays out of partner reports."))
            note.setObjectName("muted")
            note.setWordWrap(True)
            lay.addWidget(note)
        form = QFormLayout()
        self.status_group = QButtonGroup(self)
        statuses = QHBoxLayout()
        self.status_buttons: dict[DecisionStatus, QRadioButton] = {}
        for status in DecisionStatus:
            button = QRadioButton(decision_status_name(status))
            button.setObjectName(f"status_{status.value}")
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            statuses.addWidget(button)
        statuses.addStretch(1)
        current = record.status if record else DecisionStatus.AGREED
        self.status_buttons[current].setChecked(True)
        form.addRow(_("Status"), statuses)
        sides = QHBoxLayout()
        self.sides: dict[int, QCheckBox] = {}
        agreed = set(record.agreed_by) if record else set()
        for org in partnerships.list_organizations(editor.db, partnership):
            if org.pk is None:
                continue
            box = QCheckBox(org.name)
            box.setChecked(org.pk in agreed if record else True)
            self.sides[org.pk] = box
            sides.addWidget(box)
        sides.addStretch(1)
        form.addRow(_("Agreed by"), sides)
        review = QHBoxLayout()
        self.has_review = QCheckBox(_("Review on"))
        self.has_review.setObjectName("hasReview")
        self.review_row = DateRow(optional=False)
        self.review_on = self.review_row.field
        self.review_on.setObjectName("reviewOn")
        day = record.review_on if record and record.review_on else None
        self.review_on.set_date(day or date.today() + timedelta(days=REVIEW_AFTER_DAYS))
        self.has_review.setChecked(day is not None)
        self.review_on.setEnabled(day is not None)
        self.has_review.toggled.connect(self.review_on.setEnabled)
        # The refusal under the date takes room: the dialog grows for it, never squeezes it.
        self.review_on.problem_changed.connect(lambda _p: self._fit())
        review.addWidget(self.has_review, 0, Qt.AlignmentFlag.AlignTop)
        review.addWidget(self.review_row)
        review.addStretch(1)
        form.addRow(_("Review"), review)
        self.disagreement = QPlainTextEdit((record.disagreement or "") if record else "")
        self.disagreement.setObjectName("disagreement")
        self.disagreement.setPlaceholderText(
            _("What was not agreed, and by whom (needed when the decision is contested)")
        )
        self.disagreement.setTabChangesFocus(True)
        self.disagreement.setFixedHeight(80)
        form.addRow(_("Disagreement"), self.disagreement)
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Record"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def _fit(self) -> None:
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def status(self) -> DecisionStatus:
        return next(s for s, b in self.status_buttons.items() if b.isChecked())

    def set_status(self, status: DecisionStatus) -> None:
        self.status_buttons[status].setChecked(True)

    def accept(self) -> None:
        review_on: date | None = None
        if self.has_review.isChecked():
            review_on, problem = self.review_on.read()
            if problem:
                self.review_on.check()
                self.review_on.setFocus()
                return
        try:
            record_decision(
                self._editor,
                self._entry,
                self.status(),
                [pk for pk, box in self.sides.items() if box.isChecked()],
                review_on,
                self.disagreement.toPlainText(),
            )
        except ValidationError as exc:
            self.error.setText(_("Not recorded yet: {problem}").format(problem=exc))
            return
        super().accept()
