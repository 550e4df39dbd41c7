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
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.domain import ActionStatus
from app.domain.labels import status_name
from app.i18n import _
from ui.models.actions import ActionTableModel, ObjectiveTableModel
from ui.style import date_edit_format

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
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateDelegate(_CommitOnce):
    """Picks a due date from a calendar."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_edit_format())
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        if value is not None:
            editor.setDate(value)
        else:
            editor.setDate(QDate.currentDate())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
