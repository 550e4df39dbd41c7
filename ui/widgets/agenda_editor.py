"""An event's agenda: timed items (title, minutes, purpose, presenter) in running order.

The items are edited in place in a table. Rows are reordered by dragging them or with
Alt+Up / Alt+Down; Insert adds an item after the current one and Delete removes the selected
ones (only while the table, not a cell editor, has focus). The total time is shown against the
event's duration. ``changed`` is emitted once per change, after a drag has settled (a move is
an insert and a removal); ``items()`` gives the agenda as stored, each item keeping its id so
the entries written under it stay linked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import AgendaItem, new_id
from app.domain.validation import AGENDA_MINUTES_MAX, NAME_MAX
from app.i18n import _
from ui.style import DANGER, MUTED

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_ROLE = Qt.ItemDataRole.UserRole + 2


class _MinutesDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QSpinBox(parent)
        box.setRange(0, AGENDA_MINUTES_MAX)
        box.setSingleStep(5)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class _PresenterDelegate(QStyledItemDelegate):
    """Chooses the presenter among the partnership's people (or nobody)."""

    def __init__(self, owner: AgendaEditor) -> None:
        super().__init__(owner)
        self._owner = owner

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        box.addItem(_("nobody in particular"), None)
        for pk, name in self._owner.people.items():
            box.addItem(name, pk)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(PERSON_ROLE))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        pk = editor.currentData()
        model.setData(index, pk, PERSON_ROLE)
        model.setData(index, editor.currentText() if pk is not None else "")


class AgendaEditor(QWidget):
    """Edits a list of agenda items; the caller stores them on ``changed``."""

    changed = Signal()

    TITLE, MINUTES, PURPOSE, PRESENTER = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people: dict[int, str] = {}
        self._duration: int | None = None
        self._loading = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self._settled)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [_("Agenda item"), _("Minutes"), _("Purpose"), _("Presenter")]
        )
        self.table = QTableView()
        self.table.setObjectName("agendaTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragEnabled(True)
        self.table.setItemDelegateForColumn(self.MINUTES, _MinutesDelegate(self))
        self.table.setItemDelegateForColumn(self.PRESENTER, _PresenterDelegate(self))
        self.table.setMinimumHeight(150)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.MINUTES, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.PURPOSE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.PRESENTER, QHeaderView.ResizeMode.ResizeToContents)
        for signal in (
            self.model.itemChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.rowsMoved,
        ):
            signal.connect(self._touched)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(self._buttons())
        self._add_keys()
        self._show_total()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Add item"))
        self.add_button.setObjectName("agendaAdd")
        self.add_button.clicked.connect(lambda: self.add_item())
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip(_("Move up (Alt+Up)"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip(_("Move down (Alt+Down)"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for b in (self.up_button, self.down_button):
            b.setFixedWidth(36)
        self.total = QLabel()
        self.total.setObjectName("agendaTotal")
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        for w in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.total)
        return row

    def _add_keys(self) -> None:
        """The table's own keys (a cell being edited keeps its keys: they go to its editor)."""
        alt = Qt.KeyboardModifier.AltModifier.value
        self._keys: dict[tuple[int, int], Callable[[], None]] = {
            (alt, Qt.Key.Key_Up.value): lambda: self.move_current(-1),
            (alt, Qt.Key.Key_Down.value): lambda: self.move_current(1),
            (0, Qt.Key.Key_Insert.value): lambda: self.add_item(),
            (0, Qt.Key.Key_Delete.value): self.remove_selected,
        }
        self.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            assert isinstance(event, QKeyEvent)
            mods = (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier).value
            command = self._keys.get((mods, event.key()))
            if command is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    command()
                return True
        return super().eventFilter(watched, event)

    # -- data -----------------------------------------------------------------------------

    def set_people(self, people: dict[int, str]) -> None:
        self.people = dict(people)

    def set_items(self, items: list[AgendaItem]) -> None:
        """Show ``items`` (no ``changed``). The agenda just stored comes back unchanged: the
        table is then left as it is, with its current row (a second Alt+Down goes on)."""
        shown = [(i.id, i.title, i.minutes, i.purpose, i.presenter) for i in self.items()]
        if shown == [(i.id, i.title, i.minutes, i.purpose, i.presenter) for i in items]:
            self._show_total()
            return
        self._loading = True
        try:
            self.model.removeRows(0, self.model.rowCount())
            for item in items:
                self.model.appendRow(self._row(item))
        finally:
            self._loading = False
        self._settle.stop()
        self._show_total()

    def items(self) -> list[AgendaItem]:
        found = []
        for row in range(self.model.rowCount()):
            title = self.model.item(row, self.TITLE)
            if title is None:
                continue
            minutes = self.model.item(row, self.MINUTES)
            purpose = self.model.item(row, self.PURPOSE)
            presenter = self.model.item(row, self.PRESENTER)
            person = presenter.data(PERSON_ROLE) if presenter is not None else None
            found.append(
                AgendaItem(
                    title.text(),
                    int(minutes.data(Qt.ItemDataRole.EditRole) or 0) if minutes else 0,
                    (purpose.text() if purpose else "") or None,
                    int(person) if person is not None else None,
                    id=str(title.data(ID_ROLE)),
                )
            )
        return found

    def set_duration(self, minutes: int | None) -> None:
        self._duration = minutes
        self._show_total()

    def total_minutes(self) -> int:
        return sum(i.minutes for i in self.items())

    def _row(self, item: AgendaItem) -> list[QStandardItem]:
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )  # never ItemIsDropEnabled: a drop goes between rows, not onto a cell
        title = QStandardItem(item.title)
        title.setData(item.id, ID_ROLE)
        minutes = QStandardItem()
        minutes.setData(item.minutes, Qt.ItemDataRole.EditRole)
        purpose = QStandardItem(item.purpose or "")
        presenter = QStandardItem(
            self.people.get(item.presenter, "") if item.presenter is not None else ""
        )
        presenter.setData(item.presenter, PERSON_ROLE)
        cells = [title, minutes, purpose, presenter]
        for cell in cells:
            cell.setFlags(flags)
        return cells

    # -- commands -------------------------------------------------------------------------

    def add_item(self, item: AgendaItem | None = None, row: int | None = None) -> None:
        """Add ``item`` (a new one to name when None) after the current row, or at ``row``."""
        new = item is None
        item = item or AgendaItem(_("New item"), 10, id=new_id())
        if row is None:
            current = self.table.currentIndex()
            row = current.row() + 1 if current.isValid() else self.model.rowCount()
        self.model.insertRow(row, self._row(item))
        self.table.setCurrentIndex(self.model.index(row, self.TITLE))
        if new:
            self.table.setFocus()
            self.table.edit(self.model.index(row, self.TITLE))

    def remove_item(self, item_id: str) -> None:
        for row in range(self.model.rowCount()):
            title = self.model.item(row, self.TITLE)
            if title is not None and title.data(ID_ROLE) == item_id:
                self.model.removeRow(row)
                return

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        for row in rows:
            self.model.removeRow(row)

    def move_current(self, step: int) -> None:
        """Move the current item up (-1) or down (+1) in the running order."""
        current = self.table.currentIndex()
        if not current.isValid():
            return
        row, target = current.row(), current.row() + step
        if not 0 <= target < self.model.rowCount():
            return
        cells = self.model.takeRow(row)
        self.model.insertRow(target, cells)
        self.table.setCurrentIndex(self.model.index(target, current.column()))
        self.table.selectRow(target)

    # -- changes --------------------------------------------------------------------------

    def _touched(self, *_args: object) -> None:
        if self._loading:
            return
        self._show_total()
        self._settle.start()  # a drag is an insert and a removal: one change when it settles

    def _settled(self) -> None:
        self._loading = True
        try:
            for row in range(self.model.rowCount()):
                title = self.model.item(row, self.TITLE)
                if title is not None and not title.data(ID_ROLE):  # never lose an item's id
                    title.setData(new_id(), ID_ROLE)
                if title is not None and len(title.text()) > NAME_MAX:
                    title.setText(title.text()[:NAME_MAX])
        finally:
            self._loading = False
        self._show_total()
        self.changed.emit()

    def _show_total(self) -> None:
        total = self.total_minutes()
        over = self._duration is not None and total > self._duration
        if self._duration is None:
            text = _("{total} min planned").format(total=total)
        else:
            text = _("{total} min planned of {duration} min").format(
                total=total, duration=self._duration
            )
        if over and self._duration is not None:
            text += " · " + _("{n} min over").format(n=total - self._duration)
        self.total.setText(text)
        color = DANGER if over else MUTED
        self.total.setStyleSheet(f"color: {color};" + (" font-weight: 600;" if over else ""))
