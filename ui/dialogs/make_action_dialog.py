"""Make an action of an idea or a decision: the wording for the partners, owner and due date.

The wording starts as the entry's own. A private entry is flagged: the action starts private
(it never reaches partner reports) and "Share with the partners" becomes possible only once the
wording has been rewritten so that it no longer holds the private words. The owner is chosen
among the people of both organizations, listed under their organization. OK makes the action
through ``app.services.ideas.make_action`` (one undo step); a refusal is shown in the dialog and
nothing typed is lost.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import Entry, EntryType, ValidationError, Visibility
from app.domain.wording import repeats, shared_words
from app.i18n import _
from app.persistence.read import partnerships
from app.services import ideas
from app.services.editing import Editor
from ui.models.look import PRIVATE_COLOR, visibility_icon
from ui.style import MUTED
from ui.widgets.card import plain_label
from ui.widgets.date_field import DateRow


class MakeActionDialog(QDialog):
    """Turn one entry into an action of the plan."""

    def __init__(
        self,
        editor: Editor,
        partnership: int,
        entry: Entry,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("makeActionDialog")
        self.editor, self.partnership, self.entry = editor, partnership, entry
        self.today = today or date.today()
        self.action_pk: int | None = None
        self.private = entry.visibility is Visibility.PRIVATE
        self.setWindowTitle(
            _("Make an action of the idea")
            if entry.type is EntryType.IDEA
            else _("Make an action of the decision")
        )
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        source = plain_label(
            (_("From the idea:") if entry.type is EntryType.IDEA else _("From the decision:"))
            + " "
            + entry.text,
            "actionSource",
            wrap=True,
        )
        source.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(source)
        if self.private:
            layout.addWidget(self._private_flag())
        layout.addLayout(self._form())
        if self.private:
            self._wording_changed()
        self.error = plain_label("", "fieldError", wrap=True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Make action"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.wording.setFocus()
        self.wording.selectAll()

    def _private_flag(self) -> QWidget:
        box = QWidget()
        box.setObjectName("privateFlag")
        box.setStyleSheet(
            f"QWidget#privateFlag {{ border: 1px solid {PRIVATE_COLOR}; border-radius: 4px; }}"
        )
        row = QHBoxLayout(box)
        icon = QLabel()
        icon.setPixmap(visibility_icon(Visibility.PRIVATE, 20).pixmap(20, 20))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(icon)
        text = plain_label(
            _(
                "This entry is private. The action starts private too: it stays out of every "
                "report for the partners. To share it, rewrite it in words the partners may "
                "read, then tick \u201cShare with the partners\u201d."
            ),
            "privateFlagText",
            wrap=True,
        )
        text.setStyleSheet(f"color: {PRIVATE_COLOR}; font-weight: 600; border: none;")
        row.addWidget(text, 1)
        return box

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.wording = QPlainTextEdit(self.entry.text)
        self.wording.setObjectName("actionWording")
        self.wording.setTabChangesFocus(True)
        self.wording.setFixedHeight(80)
        form.addRow(_("Action (as the partners read it)"), self.wording)
        if self.private:
            self.share = QCheckBox(_("Share with the partners"))
            self.share.setObjectName("shareAction")
            self.share.setEnabled(False)
            self.share.setToolTip(_("Possible once the wording no longer repeats the entry"))
            self.wording.textChanged.connect(self._wording_changed)
            form.addRow("", self.share)
            self.repeated = plain_label("", "repeatedWords", wrap=True)
            self.repeated.setStyleSheet(f"color: {PRIVATE_COLOR};")
            form.addRow("", self.repeated)
        self.owner = QComboBox()
        self.owner.setObjectName("actionOwner")
        self._fill_owners()
        form.addRow(_("Owner"), self.owner)
        self.due = DateRow()
        self.due.setObjectName("actionDue")
        form.addRow(_("Due"), self.due)
        return form

    def _fill_owners(self) -> None:
        """People under their organization's name (headings cannot be chosen)."""
        model = QStandardItemModel(self.owner)
        model.appendRow(_item(_("No owner"), None))
        db = self.editor.db
        people = partnerships.list_people(db, self.partnership)
        for org in partnerships.list_organizations(db, self.partnership):
            members = [p for p in people if p.organization == org.pk and p.pk is not None]
            if not members:
                continue
            heading = QStandardItem(org.name)
            heading.setEnabled(False)
            heading.setSelectable(False)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            model.appendRow(heading)
            for p in members:
                model.appendRow(_item("    " + p.name, p.pk))
        self.owner.setModel(model)
        self.owner.setCurrentIndex(0)

    def _wording_changed(self) -> None:
        wording = self.wording.toPlainText()
        free = not repeats(wording, self.entry.text)
        self.share.setEnabled(free)
        if not free:
            self.share.setChecked(False)
        words = shared_words(wording, self.entry.text)
        self.repeated.setText(
            _("Still uses words of the private entry: {words}").format(words=", ".join(words))
            if words
            else ""
        )

    def visibility(self) -> Visibility:
        """Private for a private entry until the facilitator shares the rewritten wording."""
        if self.private and not self.share.isChecked():
            return Visibility.PRIVATE
        return Visibility.SHARED

    def accept(self) -> None:
        day, problem = self.due.field.read()
        if problem:
            self.due.field.check()
            self.due.field.setFocus()
            return
        entry_pk = self.entry.pk
        assert entry_pk is not None
        try:
            self.action_pk = ideas.make_action(
                self.editor,
                self.partnership,
                entry_pk,
                today=self.today,
                text=self.wording.toPlainText(),
                owner=self.owner.currentData(),
                due_on=day,
                visibility=self.visibility(),
            )
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


def _item(text: str, pk: int | None) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(pk, Qt.ItemDataRole.UserRole)
    return item
