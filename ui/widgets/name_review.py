"""Review of hidden names before printing: what the report replaced, and the words that look
like names of people the partnership does not know yet, to add as people or to dismiss.

The computation is ``app.report.names.NameReview`` (made with the report's data); this panel
only shows it. Adding a person goes through ``app.services.partnerships.add_person`` and asks
the report dialog to build the report again, so the new name is hidden at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import ValidationError
from app.i18n import _
from app.persistence.diary import Diary
from app.persistence.errors import DiaryError
from app.persistence.read import partnerships
from app.report.names import NameReview
from app.services.partnerships import add_person

_WORD = Qt.ItemDataRole.UserRole


class AddPersonDialog(QDialog):
    """The name (as the nominative, the facilitator corrects "Jukan" to "Jukka Mäkinen") and
    the organization of a person found in the text."""

    def __init__(self, diary: Diary, partnership_pk: int, word: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add as a person"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit(word)
        self.organization_box = QComboBox()
        for org in partnerships.list_organizations(diary.db, partnership_pk):
            self.organization_box.addItem(org.name, org.pk)
        form.addRow(QLabel(_("Write the name as it is, not as inflected in the text.")))
        form.addRow(_("Name"), self.name_edit)
        form.addRow(_("Organization"), self.organization_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class NameReviewPanel(QWidget):
    """Replacements and possible unknown names of the report being previewed."""

    people_changed = Signal()

    def __init__(self, diary: Diary, partnership_pk: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nameReview")
        self._diary, self._pk = diary, partnership_pk
        self.dismissed: set[str] = set()
        layout = QVBoxLayout(self)
        heading = QLabel(_("Names to check before printing"))
        heading.setStyleSheet("font-weight: bold")
        layout.addWidget(heading)
        self.replaced_label = QLabel()
        self.replaced_list = QListWidget()
        self.replaced_list.setObjectName("replacedNames")
        self.unknown_label = QLabel()
        self.unknown_label.setWordWrap(True)
        self.unknown_list = QListWidget()
        self.unknown_list.setObjectName("unknownNames")
        self.unknown_list.currentRowChanged.connect(self._selection_changed)
        for shown in (self.replaced_list, self.unknown_list):
            # Long labels and contexts wrap instead of running off to the right.
            shown.setWordWrap(True)
            shown.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            shown.setMinimumHeight(shown.fontMetrics().lineSpacing() * 3)
        self.add_button = QPushButton(_("Add as a person…"))
        self.add_button.clicked.connect(self.add_selected)
        self.dismiss_button = QPushButton(_("Not a name"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.dismiss_button)
        for w in (self.replaced_label, self.replaced_list, self.unknown_label, self.unknown_list):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self._selection_changed(-1)

    def show_review(self, review: NameReview) -> None:
        self.replaced_list.clear()
        for original, label, count in review.replaced:
            line = f"{original} → {label}"
            self.replaced_list.addItem(line if count == 1 else f"{line} (×{count})")
        self.replaced_label.setText(
            _("Replaced in the text:") if review.replaced else _("Nothing replaced in the text.")
        )
        self.unknown_list.clear()
        for c in review.candidates:
            if c.word in self.dismissed:
                continue
            item = QListWidgetItem(f"{c.word} ({c.count}) — {c.context}")
            item.setData(_WORD, c.word)
            item.setToolTip(c.context)
            self.unknown_list.addItem(item)
        self.unknown_label.setText(
            _("These words may be names of people the partnership does not know:")
            if self.unknown_list.count()
            else _("No other words that look like names.")
        )
        self._selection_changed(self.unknown_list.currentRow())

    def _selection_changed(self, row: int) -> None:
        self.add_button.setEnabled(row >= 0)
        self.dismiss_button.setEnabled(row >= 0)

    def _selected_word(self) -> str | None:
        item = self.unknown_list.currentItem()
        return str(item.data(_WORD)) if item is not None else None

    def dismiss_selected(self) -> None:
        word = self._selected_word()
        if word is not None:
            self.dismissed.add(word)
            self.unknown_list.takeItem(self.unknown_list.currentRow())

    def add_selected(self) -> None:
        word = self._selected_word()
        if word is None:
            return
        dialog = AddPersonDialog(self._diary, self._pk, word, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_person(dialog.name_edit.text(), int(dialog.organization_box.currentData()))

    def add_person(self, name: str, organization_pk: int) -> None:
        """Add the person to the partnership, so the report hides the name from now on."""
        try:
            add_person(self._diary, self._pk, organization_pk, name)
        except (ValidationError, DiaryError) as exc:
            QMessageBox.warning(self, _("Not added"), str(exc))
            return
        self.people_changed.emit()
