"""Change the phase of a partnership: move on, return to negotiation, or correct a date.

The dialog shows the phase history with its notes. Moving on while items of the checklist in
force are still open lists them and asks for an explicit confirmation; the service stores the
confirmed items with the move so that the history shows what was left undone.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.checklists import TemplateError, template_items
from app.domain import Phase, PhaseMove, ValidationError
from app.domain.labels import phase_name
from app.i18n import _, ngettext
from app.persistence.read import partnerships
from app.services import checklist, phases
from ui.context import AppContext
from ui.style import short_date
from ui.widgets.card import plain_label
from ui.widgets.date_field import DateRow


class PartnershipPage(Protocol):
    """What ``change_phase`` needs of the page it is asked from (the overview)."""

    @property
    def pk(self) -> int | None: ...

    @property
    def as_of(self) -> date | None: ...

    def window(self) -> QWidget: ...


class PhaseDialog(QDialog):
    """Move a partnership to another phase, or correct the date of a move."""

    def __init__(
        self, context: AppContext, pk: int, on: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.pk = context, pk
        self.setObjectName("phaseDialog")
        self.setWindowTitle(_("Change phase"))
        self.setMinimumWidth(560)
        p = partnerships.get_partnership(context.diary.db, pk)
        self.history: list[PhaseMove] = sorted(p.phases, key=lambda m: m.from_on) if p else []
        self.current = self.history[-1].phase if self.history else None
        self.result_move: PhaseMove | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._history_view())
        # A move goes at the end of the history: propose today (or the day shown), never a day
        # before the latest move. Not tomorrow: the badge would show the old phase until then.
        on = on or date.today()
        if self.history and on < self.history[-1].from_on:
            on = self.history[-1].from_on
        layout.addLayout(self._form(on))
        self.open_title = plain_label("", "cardTitle", wrap=True)
        self.open_list = QListWidget()
        self.open_list.setObjectName("openItems")
        self.open_list.setMaximumHeight(150)
        self.open_list.setWordWrap(True)
        self.open_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.confirm = QCheckBox(_("Move on although these items are still open"))
        self.confirm.setObjectName("confirmOpen")
        for widget in (self.open_title, self.open_list, self.confirm):
            layout.addWidget(widget)
        self.error = plain_label("", "fieldError", wrap=True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.confirm.toggled.connect(self._update)
        self._update()

    def _history_view(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName("phaseHistory")
        tree.setHeaderLabels([_("From"), _("Phase"), _("Left open"), _("Note")])
        tree.setRootIsDecorated(False)
        for move in self.history:
            row = QTreeWidgetItem(
                [
                    short_date(move.from_on),
                    phase_name(move.phase),
                    str(len(move.confirmed_open)) if move.confirmed_open else "",
                    move.note or "",
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, move.pk)
            row.setToolTip(3, move.note or "")
            if move.confirmed_open:
                row.setToolTip(2, "\n".join(_item_text(i) for i in move.confirmed_open))
            tree.addTopLevelItem(row)
        for column in (0, 1, 2):
            tree.resizeColumnToContents(column)
        tree.setMaximumHeight(40 + 24 * max(2, len(self.history)))
        return tree

    def _form(self, on: date) -> QFormLayout:
        self.move_radio = QRadioButton(_("Move to"))
        self.move_radio.setObjectName("moveRadio")
        self.correct_radio = QRadioButton(_("Correct the date of"))
        self.correct_radio.setObjectName("correctRadio")
        group = QButtonGroup(self)
        group.addButton(self.move_radio)
        group.addButton(self.correct_radio)
        self.target = QComboBox()
        self.target.setObjectName("targetPhase")
        for phase in phases.allowed_moves(self.current):
            self.target.addItem(phase_name(phase), phase)
        self.which = QComboBox()
        self.which.setObjectName("correctedMove")
        for move in reversed(self.history):
            label = f"{phase_name(move.phase)} — {short_date(move.from_on)}"
            self.which.addItem(label, move.pk)
        self.day_row = DateRow(optional=False)
        self.day = self.day_row.field
        self.day.setObjectName("phaseDate")
        self.day.set_date(on)
        self.note = QPlainTextEdit()
        self.note.setObjectName("phaseNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.note.setPlaceholderText(_("Why the phase changes (shown in the phase history)"))
        self.move_radio.setChecked(self.target.count() > 0)
        self.correct_radio.setChecked(self.target.count() == 0)
        self.move_radio.setEnabled(self.target.count() > 0)
        self.correct_radio.setEnabled(bool(self.history))
        for signal in (
            self.move_radio.toggled,
            self.target.currentIndexChanged,
            self.which.currentIndexChanged,
            self.day.textChanged,
        ):
            signal.connect(self._update)
        self.correct_radio.toggled.connect(self._show_corrected_date)
        self.which.currentIndexChanged.connect(self._show_corrected_date)
        form = QFormLayout()
        form.addRow(self.move_radio, self.target)
        form.addRow(self.correct_radio, self.which)
        form.addRow(_("From"), self.day_row)
        form.addRow(_("Note"), self.note)
        return form

    # -- state --------------------------------------------------------------------------

    def _open_items(self) -> tuple[Phase | None, list[str]]:
        """The phase in force on the chosen date and its open items, when moving on."""
        day = self.day.date()
        if not self.move_radio.isChecked() or self.current is None or day is None:
            return None, []
        found = checklist.status(self.context.diary.db, self.pk, day)
        return found.phase, [i.text() for i in found.open]

    def _show_corrected_date(self) -> None:
        """When correcting, start from the date the chosen move has now."""
        if not self.correct_radio.isChecked():
            return
        move = next((m for m in self.history if m.pk == self.which.currentData()), None)
        if move is not None:
            self.day.set_date(move.from_on)

    def _update(self) -> None:
        moving = self.move_radio.isChecked()
        self.target.setEnabled(moving)
        self.which.setEnabled(not moving)
        phase, items = self._open_items()
        self.open_list.clear()
        self.open_list.addItems(items)
        for widget in (self.open_title, self.open_list, self.confirm):
            widget.setVisible(bool(items))
        self.open_title.setText(
            ngettext(
                "{n} item of the {phase} checklist is still open:",
                "{n} items of the {phase} checklist are still open:",
                len(items),
            ).format(n=len(items), phase=phase_name(phase) if phase else "")
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not items or self.confirm.isChecked())
        ok.setText(_("Change phase") if moving else _("Correct date"))

    def accept(self) -> None:
        day, problem = self.day.read()
        if problem or day is None:
            self.day.check()  # the message shows under the field; the text stays
            self.day.setFocus()
            return
        note = self.note.toPlainText()
        try:
            if self.move_radio.isChecked():
                self.result_move = phases.move(
                    self.context.diary,
                    self.pk,
                    Phase(self.target.currentData()),  # Qt hands the enum back as str
                    day,
                    note,
                    confirmed=self.confirm.isChecked(),
                    undo=self.context.undo,
                )
            else:
                self.result_move = phases.correct_date(
                    self.context.diary, self.pk, self.which.currentData(), day, note or None
                )
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        except phases.OpenItemsError:
            # The date moved the open items under the user's feet: show them and ask again.
            self.confirm.setChecked(False)
            self._update()
            return
        super().accept()


def change_phase(page: PartnershipPage, context: AppContext) -> None:
    """Open the phase dialog for the page's partnership; a move can be undone."""
    if page.pk is None:
        return
    PhaseDialog(context, page.pk, page.as_of, page.window()).exec()


def _item_text(item_id: str) -> str:
    """The text of a checklist item left open at a move (its id if it is no longer known)."""
    try:
        known = template_items()
    except TemplateError:
        return item_id
    return known[item_id].text() if item_id in known else item_id
