"""The checklist of the phase in force on the overview, and the per-meeting reminders.

``ChecklistPanel`` lists the open items of the phase in force on the overview's date (the why
of each item in its tooltip and under it), marks items done through ``MarkDoneDialog`` (date,
note, an event or entry as evidence), adds the partnership's own items and hides template
items; menus of done and hidden items take a mark back or show an item again.
``MeetingChecklist`` shows the reminders for every meeting in the event form.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.checklists import ChecklistItem, TemplateError, load_templates
from app.domain import ValidationError
from app.domain.enums import MarkStatus
from app.domain.labels import phase_name
from app.i18n import _
from app.persistence.read import changes as tbl
from app.persistence.read.changes import ChangeSet
from app.services import checklist
from app.services.checklist import ChecklistStatus
from ui.context import AppContext
from ui.style import MUTED, short_date
from ui.widgets.card import Card, plain_label

CHECKLIST_TABLES = frozenset({tbl.PARTNERSHIPS, tbl.PHASES, tbl.CHECKLIST, tbl.CHECKLIST_CUSTOM})
ITEM_ROLE = Qt.ItemDataRole.UserRole


class ChecklistPanel(Card):
    """Open items of the phase in force, with progress and the commands to work them off."""

    phase_move_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Checklist"), parent)
        self.context = context
        self.pk: int | None = None
        self.day: date | None = None
        self.status: ChecklistStatus | None = None
        self.progress = QProgressBar()
        self.progress.setObjectName("checklistProgress")
        self.progress.setTextVisible(True)
        self.progress.setMaximumHeight(14)
        self.body.addWidget(self.progress)
        self.items = QListWidget()
        self.items.setObjectName("checklistItems")
        self.items.setWordWrap(True)
        self.items.setUniformItemSizes(False)
        self.items.setSpacing(1)
        self.items.setAlternatingRowColors(True)
        self.items.setAccessibleName(_("Open checklist items"))
        self.items.itemActivated.connect(lambda item: self.mark_done(item.data(ITEM_ROLE)))
        self.items.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.items.customContextMenuRequested.connect(self._menu)
        self.items.currentItemChanged.connect(lambda *_a: self._enable())
        self.body.addWidget(self.items)
        self.why = plain_label("", "checklistWhy", wrap=True)
        self.why.setStyleSheet(f"color: {MUTED};")
        self.body.addWidget(self.why)
        self.body.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.done_button = QPushButton(_("Mark done…"))
        self.done_button.setObjectName("markDoneButton")
        self.done_button.clicked.connect(lambda: self.mark_done(self._current()))
        self.add_button = QPushButton(_("Add item…"))
        self.add_button.setObjectName("addChecklistItem")
        self.add_button.clicked.connect(self.add_item)
        self.hide_button = QPushButton(_("Hide"))
        self.hide_button.setObjectName("hideChecklistItem")
        self.hide_button.setToolTip(_("Hide this item from the partnership's checklist"))
        self.hide_button.clicked.connect(lambda: self.hide_item(self._current()))
        self.phase_button = QPushButton(_("Change phase…"))
        self.phase_button.setObjectName("changePhaseButton")
        self.phase_button.clicked.connect(self.phase_move_requested)
        self.done_menu_button = QToolButton()
        self.done_menu_button.setObjectName("doneItemsButton")
        self.done_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.done_menu_button.setMenu(QMenu(self.done_menu_button))
        self.hidden_menu_button = QToolButton()
        self.hidden_menu_button.setObjectName("hiddenItemsButton")
        self.hidden_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.hidden_menu_button.setMenu(QMenu(self.hidden_menu_button))
        buttons = QHBoxLayout()
        for button in (self.done_button, self.add_button, self.hide_button):
            buttons.addWidget(button)
        buttons.addWidget(self.done_menu_button)
        buttons.addWidget(self.hidden_menu_button)
        buttons.addStretch(1)
        buttons.addWidget(self.phase_button)
        return buttons

    # -- told by the overview -----------------------------------------------------------

    def set_as_of(self, day: date | None) -> None:
        self.day = day

    def affected_by(self, changes: ChangeSet) -> bool:
        """Only its marks, its own items and the phase history change the checklist."""
        return changes.touches(CHECKLIST_TABLES, self.pk)

    @property
    def as_of(self) -> date:
        return self.day or date.today()

    def show_partnership(self, pk: int | None) -> None:
        self.pk = pk
        self.setVisible(pk is not None)
        if pk is None:
            return
        snapshot = self.context.snapshots.get(pk)
        partnership = snapshot.partnership if snapshot is not None else None
        try:
            self.status = checklist.status(self.context.diary.db, pk, self.as_of, partnership)
        except TemplateError as exc:
            self.status = None
            self.title_label.setText(_("Checklist unavailable"))
            self.why.setText(str(exc))
            return
        self._render(self.status)

    def _render(self, status: ChecklistStatus) -> None:
        done, total = len(status.done), len(status.done) + len(status.open)
        if status.phase is None:
            self.title_label.setText(_("Checklist — the partnership has not started yet"))
        else:
            self.title_label.setText(
                _("Checklist of the {phase} phase — {done} of {total} done").format(
                    phase=phase_name(status.phase), done=done, total=total
                )
            )
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(_("{done} of {total}").format(done=done, total=total))
        self.items.clear()
        for item in status.open:
            mark = status.mark_of(item)
            if mark is not None:  # looked at and not met: said so, with the note
                text = "✗ " + _("{item} — not met ({day})").format(
                    item=item.text(), day=short_date(mark.marked_on)
                )
                if mark.note:
                    text += "\n    " + mark.note
            else:
                text = ("✎ " if item.custom else "☐ ") + item.text()
            row = QListWidgetItem(text)
            row.setData(ITEM_ROLE, item)
            row.setToolTip(item.why() or _("The partnership's own item"))
            self.items.addItem(row)
        if not status.open and status.phase is not None:
            empty = QListWidgetItem(_("Every item of this phase is done."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.items.addItem(empty)
        self._fit_height()
        if status.open:
            self.items.setCurrentRow(0)
        self._fill_menus(status)
        self._enable()

    def _fill_menus(self, status: ChecklistStatus) -> None:
        """Done items (to undo a mark) and hidden items (to show again), one menu each."""
        done_menu = self.done_menu_button.menu()
        done_menu.clear()
        for item, mark in status.done:
            text = f"✓ {item.text()} — {short_date(mark.marked_on)}"
            done_menu.addAction(text, partial(self.unmark, item))
        self.done_menu_button.setText(_("Done ({n})").format(n=len(status.done)))
        self.done_menu_button.setToolTip(_("Choose a done item to take its mark away"))
        self.done_menu_button.setVisible(bool(status.done))
        hidden_menu = self.hidden_menu_button.menu()
        hidden_menu.clear()
        hidden = status.hidden
        for item in hidden:
            hidden_menu.addAction(item.text(), partial(self.show_item, item))
        self.hidden_menu_button.setText(_("Hidden ({n})").format(n=len(hidden)))
        self.hidden_menu_button.setToolTip(_("Choose a hidden item to show it again"))
        self.hidden_menu_button.setVisible(bool(hidden))

    def _fit_height(self) -> None:
        """Tall enough for the open items (wrapped ones too), up to about a dozen lines."""
        self.items.doItemsLayout()
        rows = sum(self.items.sizeHintForRow(i) for i in range(self.items.count()))
        line = self.items.fontMetrics().height()
        self.items.setFixedHeight(max(3 * line, min(rows, 14 * (line + 4))) + 6)

    def _current(self) -> ChecklistItem | None:
        item = self.items.currentItem()
        value = item.data(ITEM_ROLE) if item is not None else None
        return value if isinstance(value, ChecklistItem) else None

    def _enable(self) -> None:
        current = self._current()
        for button in (self.done_button, self.hide_button):
            button.setEnabled(current is not None)
        self.add_button.setEnabled(self.status is not None and self.status.phase is not None)
        self.why.setText(
            _("Why: {text}").format(text=current.why()) if current and current.why() else ""
        )

    def _menu(self, position: QPoint) -> None:
        current = self._current()
        if current is None:
            return
        menu = QMenu(self)
        marked = self.status.mark_of(current) if self.status else None
        if marked is not None:
            menu.addAction(_("Edit mark and note…"), lambda: self.mark_done(current))
            menu.addAction(_("Take the mark away"), lambda: self.unmark(current))
        else:
            menu.addAction(_("Mark done…"), lambda: self.mark_done(current))
            menu.addAction(_("Mark not met…"), lambda: self.mark_done(current, MarkStatus.NOT_MET))
        menu.addAction(_("Hide from this partnership"), lambda: self.hide_item(current))
        menu.exec(self.items.viewport().mapToGlobal(position))

    # -- commands -----------------------------------------------------------------------

    def mark_done(self, item: ChecklistItem | None, status: MarkStatus = MarkStatus.DONE) -> None:
        """Mark ``item`` (a not-met item: change its mark or note) in the mark dialog."""
        if item is None or self.pk is None:
            return
        from ui.dialogs.mark_done_dialog import MarkDoneDialog

        mark = self.status.mark_of(item) if self.status else None
        dialog = MarkDoneDialog(self.context, self.pk, item, self.as_of, self, mark, status)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_partnership(self.pk)

    def add_item(self) -> None:
        if self.pk is None or self.status is None or self.status.phase is None:
            return
        text, ok = QInputDialog.getText(
            self,
            _("Add checklist item"),
            _("A new item for the {phase} checklist of this partnership:").format(
                phase=phase_name(self.status.phase)
            ),
        )
        if not ok:
            return
        try:
            checklist.add_custom(self.context.diary, self.pk, self.status.phase, text)
        except ValidationError as exc:
            self.why.setText(str(exc))
            return
        self.show_partnership(self.pk)

    def unmark(self, item: ChecklistItem) -> None:
        if self.pk is not None:
            checklist.unmark(self.context.diary, self.pk, item.id, undo=self.context.undo)
            self.show_partnership(self.pk)

    def show_item(self, item: ChecklistItem) -> None:
        if self.pk is not None:
            checklist.set_hidden(self.context.diary, self.pk, item, False)
            self.show_partnership(self.pk)

    def hide_item(self, item: ChecklistItem | None) -> None:
        if item is None or self.pk is None:
            return
        checklist.set_hidden(self.context.diary, self.pk, item, True)
        self.show_partnership(self.pk)


class MeetingChecklist(QWidget):
    """The reminders for every meeting, ticked off on screen during the meeting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingReminders")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        title = QLabel(_("At every meeting"))
        title.setObjectName("cardTitle")
        layout.addWidget(title)
        self.boxes: list[QCheckBox] = []
        try:
            reminders = checklist.meeting_reminders()
        except TemplateError as exc:
            layout.addWidget(plain_label(str(exc), "fieldError", wrap=True))
            return
        for item in reminders:
            box = QCheckBox(item.text())
            box.setToolTip(item.why())
            box.setProperty("itemId", item.id)
            self.boxes.append(box)
            layout.addWidget(box)

    def reset(self) -> None:
        """Untick every reminder (a new meeting starts)."""
        for box in self.boxes:
            box.setChecked(False)


def check_templates(parent: QWidget | None) -> bool:
    """Load the checklist templates once at start; a damaged one is said plainly, not a crash.

    Kumppani keeps working without checklists: the panels show the same message in place.
    """
    try:
        load_templates()
    except TemplateError as exc:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Checklists unavailable"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            _("{problem}\n\nYour diary is safe; only the checklists cannot be shown.").format(
                problem=exc
            )
        )
        box.exec()
        return False
    return True
