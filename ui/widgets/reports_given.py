"""The feedback reports given to the partners: a list with a way to take a record back.

Shown in the report dialog and on the History page. A record can be removed only when the
report was never actually handed out, so removing asks first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.persistence.diary import Diary
from app.persistence.errors import DiaryError
from app.persistence.read import partnerships
from app.report import SECTIONS
from app.services import feedback
from reports.labels import SECTION_TITLES
from ui.style import short_date


class ReportsGiven(QWidget):
    """Reports recorded as given to the partners, newest first."""

    changed = Signal()

    def __init__(
        self, diary: Diary, parent: QWidget | None = None, *, compact: bool = False
    ) -> None:
        """``compact`` puts the heading and the button on one line above a short list."""
        super().__init__(parent)
        self._diary = diary
        self._pk: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(_("Given to the partners:"))
        self.given_list = QListWidget()
        self.given_list.setObjectName("givenReports")
        self.remove_button = QPushButton(_("Remove (never handed out)"))
        self.remove_button.setEnabled(False)
        self.given_list.currentRowChanged.connect(
            lambda row: self.remove_button.setEnabled(row >= 0)
        )
        self.remove_button.clicked.connect(self.remove_selected)
        if compact:
            top = QHBoxLayout()
            top.addWidget(self.heading)
            top.addStretch(1)
            top.addWidget(self.remove_button)
            layout.addLayout(top)
            rows = self.given_list.fontMetrics().lineSpacing() * 3 + 8
            self.given_list.setMaximumHeight(rows)
            layout.addWidget(self.given_list)
        else:
            layout.addWidget(self.heading)
            layout.addWidget(self.given_list, 1)
            layout.addWidget(self.remove_button)

    def show_partnership(self, pk: int | None) -> None:
        self._pk = pk
        self.reload()

    def reload(self) -> None:
        self.given_list.clear()
        if self._pk is None:
            return
        audiences = {"all": _("All partners")} | {
            o.id: o.name for o in partnerships.list_organizations(self._diary.db, self._pk)
        }
        for report in reversed(feedback.list_given(self._diary, self._pk)):
            chosen = [s for s in report.sections or SECTIONS if s in SECTION_TITLES]
            amount = (
                _("all sections")
                if len(chosen) == len(SECTIONS)
                else ngettext("{n} section", "{n} sections", len(chosen)).format(n=len(chosen))
            )
            audience = audiences.get(report.audience, report.audience)
            label = f"{short_date(report.generated_on)} · {audience} · {amount}"
            if not report.given:
                label += " · " + _("draft")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, report.pk)
            titles = "\n".join(_(SECTION_TITLES[s]) for s in chosen)
            sha = _("SHA-256 of the file: {hash}").format(hash=report.sha256 or "–")
            item.setToolTip(f"{titles}\n\n{sha}")
            self.given_list.addItem(item)
        self.remove_button.setEnabled(False)

    def remove_selected(self) -> None:
        item = self.given_list.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            _("Remove the record?"),
            _("Remove this report from the history? Do this only if it was never handed out."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            feedback.remove_given(self._diary, int(item.data(Qt.ItemDataRole.UserRole)))
        except DiaryError as exc:
            QMessageBox.warning(self, _("Not removed"), str(exc))
            return
        self.reload()
        self.changed.emit()
