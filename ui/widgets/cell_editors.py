"""The editors of the action plan's and the objectives' table cells.

Each commits its value as soon as it is chosen. A commit may take the row out of the view (an
action marked done under the "open" filter, a due date moved out of "overdue only"); the view
then releases the editor and hides it, and Qt sends the hidden editor a focus-out that a column
delegate would commit a second time, to a view that no longer knows it ("commitData called
with an editor that does not belong to this view"). ``_CommitOnce`` ignores that late
focus-out: the value has been stored already.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from app.domain import ActionStatus
from app.domain.labels import status_name
from app.i18n import _
from ui.models.actions import ActionTableModel, ObjectiveTableModel
from ui.models.look import pydate, qdate
from ui.widgets.date_field import DateField

Index = QModelIndex | QPersistentModelIndex


class _CommitOnce(QStyledItemDelegate):
    """A column delegate that does not commit an editor the view has already released."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(watched, QWidget)
            and watched.isHidden()
        ):
            return False  # released by the view (its row left it): nothing left to commit
        return super().eventFilter(watched, event)


class StatusDelegate(_CommitOnce):
    """Changes an action's status from a drop-down in the table."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        for s in ActionStatus:
            box.addItem(status_name(s), s.value)
        box.activated.connect(lambda: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class OwnerDelegate(_CommitOnce):
    """Chooses an action's owner among the people of both organizations."""

    def __init__(self, model: ActionTableModel | ObjectiveTableModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._actions = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        box.addItem(_("No owner"), None)
        for pk, label in self._actions.people():
            box.addItem(label, pk)
        box.activated.connect(lambda: self.commitData.emit(box))
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        fit_editor(editor, option)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateDelegate(_CommitOnce):
    """A due date typed in the locale's format or ISO (or picked from the calendar button).

    Text that is not a date is refused: Enter and Tab leave the editor open with the text and
    the message (``refused``, also shown beside the field), and nothing is stored; an empty
    field clears the date.
    """

    refused = Signal(str)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = DateField(parent)
        edit.date_chosen.connect(lambda: self._commit_chosen(edit))
        return edit

    def _commit_chosen(self, edit: DateField) -> None:
        self.commitData.emit(edit)
        self.closeEditor.emit(edit, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, DateField)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.set_date(pydate(value) if isinstance(value, QDate) and value.isValid() else None)
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, DateField)
        day, problem = editor.read()
        if problem:
            editor.check()
            self.refused.emit(problem)
            return  # nothing stored
        model.setData(index, qdate(day) if day else None, Qt.ItemDataRole.EditRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, DateField)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _LEAVING_KEYS
            and not watched.check()
        ):
            # The text stays to be corrected; the message says what is accepted.
            self.refused.emit(watched.problem())
            QToolTip.showText(watched.mapToGlobal(watched.rect().bottomLeft()), watched.problem())
            return True
        return super().eventFilter(watched, event)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        fit_editor(editor, option)


_LEAVING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def fit_editor(editor: QWidget, option: QStyleOptionViewItem) -> None:
    """Place a cell editor over its cell, widened to its own size hint when the column is
    narrower (a date or a name must be readable while it is typed or chosen), and kept inside
    the view."""
    rect = QRect(option.rect)
    width = max(rect.width(), editor.sizeHint().width())
    height = max(rect.height(), editor.sizeHint().height())
    parent = editor.parentWidget()
    room = parent.width() if parent is not None else rect.right() + width
    left = max(0, min(rect.left(), room - width))
    editor.setGeometry(left, rect.top(), width, height)
