"""The diary page: the partnership's events, the event form and the live capture view.

A new event is planned in the New event dialog (``ui.dialogs.new_event_dialog``: agenda,
invitees, place) and then opens in its form (``ui.dialogs.event_dialog``) with the open and
overdue actions to review first. Deleting asks nothing; undo brings it back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.persistence.read import changes as tbl
from app.persistence.read.changes import ChangeSet
from app.services import trash
from app.services.editing import Editor
from ui.context import AppContext
from ui.dialogs.event_dialog import EventForm
from ui.dialogs.new_event_dialog import NewEventDialog
from ui.models.events import PK_ROLE, EventTableModel
from ui.settings import DIARY_SPLITTER
from ui.widgets.capture_menu import typing_key_menus
from ui.widgets.live_capture import LiveCapture

_LOCAL = Qt.ShortcutContext.WidgetWithChildrenShortcut


class DeletedItemsDialog(QDialog):
    """The partnership's deleted events, entries, actions and objectives: restore or empty."""

    def __init__(self, editor: Editor, partnership: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Deleted items"))
        self.resize(640, 420)
        self._editor, self._partnership = editor, partnership
        lay = QVBoxLayout(self)
        note = QLabel(
            _(
                "Deleted items stay in the diary until you empty them. Emptying removes them "
                "for good; it cannot be undone."
            )
        )
        note.setWordWrap(True)
        lay.addWidget(note)
        self.nothing = QLabel(_("Nothing has been deleted."))
        self.nothing.setObjectName("muted")
        lay.addWidget(self.nothing)
        self.items = QListWidget()
        self.items.setObjectName("deletedItems")
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        lay.addWidget(self.items, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(_("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton(_("Empty deleted items…"))
        self.empty_button.clicked.connect(self.empty)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        for b in (self.restore_button, self.empty_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        names = {"event": _("Event"), "entry": _("Entry"), "action": _("Action")}
        self.items.clear()
        for item in trash.deleted_items(self._editor.db, self._partnership):
            label = " ".join(item.label.split())
            if len(label) > 120:
                label = label[:119] + "…"
            kind = names.get(item.kind, _("Objective"))
            row = QListWidgetItem(f"{kind}: {label}")
            row.setData(Qt.ItemDataRole.UserRole, (item.kind, item.pk))
            self.items.addItem(row)
        found = self.items.count() > 0
        self.empty_button.setEnabled(found)
        self.restore_button.setEnabled(found)
        self.nothing.setVisible(not found)  # an empty white box alone would look broken

    def restore_selected(self) -> None:
        chosen = [i.data(Qt.ItemDataRole.UserRole) for i in self.items.selectedItems()]
        trash.restore(self._editor.diary, chosen)
        self.reload()

    def empty(self) -> None:
        answer = QMessageBox.question(
            self,
            _("Empty deleted items"),
            ngettext(
                "Remove {n} deleted item for good? This cannot be undone.",
                "Remove {n} deleted items for good? This cannot be undone.",
                self.items.count(),
            ).format(n=self.items.count()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        trash.empty(self._editor.diary, self._editor.undo, self._partnership)
        self.reload()


class DiaryPage(QWidget):
    """Events of the selected partnership with their form and live capture."""

    event_activated = Signal(int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("diaryPage")
        self.title = _("Diary")
        self.context = context
        self.editor = Editor(context.diary, context.undo)
        self._partnership: int | None = None
        self.new_dialog: NewEventDialog | None = None
        self.events = EventTableModel(self.editor)
        self._build()
        self._add_actions()

    def _build(self) -> None:
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("New event"))
        self.new_button.setObjectName("newEvent")
        self.new_button.clicked.connect(self.new_event)
        self.delete_button = QPushButton(_("Delete event"))
        self.delete_button.clicked.connect(self.delete_event)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        lay.addLayout(buttons)
        self.trash_button = QPushButton(_("Deleted items…"))
        self.trash_button.setObjectName("deletedItemsButton")
        self.trash_button.clicked.connect(self.show_deleted)
        self.list = QTableView()
        self.list.setObjectName("eventList")
        self.list.setModel(self.events)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        # Kind and phase are in the tooltip and the form; the title needs the room.
        self.list.setColumnHidden(EventTableModel.PHASE, True)
        self.list.setColumnHidden(EventTableModel.KIND, True)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(EventTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EventTableModel.DATE, QHeaderView.ResizeMode.ResizeToContents)
        self.list.selectionModel().currentRowChanged.connect(self._selected)
        self.list.setMinimumWidth(240)  # with the capture view, fits a 1280-pixel screen
        self.list.setWordWrap(False)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.trash_button)
        self.form = EventForm(self.editor)
        self.details_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.capture = LiveCapture(self.editor)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("eventTabs")
        self.tabs.addTab(self.capture, _("Live capture"))
        self.tabs.addTab(scroll, _("Event details"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("diarySplitter")
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([250, 900])  # the capture view first: its type buttons on one line
        # The user's division of the page is remembered between runs.
        state = DIARY_SPLITTER.read(self.context.settings)
        if state is not None:
            split.restoreState(state)
        split.splitterMoved.connect(
            lambda *_: DIARY_SPLITTER.write(self.context.settings, split.saveState())
        )
        outer = QVBoxLayout(self)
        outer.addWidget(split, 1)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.status)
        self.capture.message.connect(self.status.setText)

    def _add_actions(self) -> None:
        self.new_act = self._act(_("New event"), "Ctrl+Shift+N", self.new_event)
        self.delete_act = self._act(_("Delete event"), "Ctrl+Shift+Del", self.delete_event)
        self.capture_act = self._act(_("Live capture"), "Ctrl+Shift+L", self.show_capture)
        self.details_act = self._act(_("Event details"), "Ctrl+Shift+D", self.show_details)
        self.minutes_act = self._act(_("Minutes…"), "Ctrl+Shift+M", self.make_minutes)
        # The commands and their keys are listed in the event list's context menu.
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.addActions(
            [self.new_act, self.delete_act, self.capture_act, self.details_act, self.minutes_act]
        )
        self.new_button.setToolTip(self.new_act.shortcut().toString())
        self.typing_keys = typing_key_menus(self.capture)  # Ctrl+1…7, Alt+1…3 in the menu
        self.delete_button.setToolTip(self.delete_act.shortcut().toString())

    def _act(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        act = QAction(text, self)
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(_LOCAL)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    def menu_actions(self) -> list[QAction]:
        """Commands of the diary with their shortcuts, for the window's menus."""
        own = [self.new_act, self.delete_act, self.capture_act, self.details_act, self.minutes_act]
        return own + self.capture.menu_actions() + self.typing_keys

    # -- page protocol --------------------------------------------------------------------

    def show_partnership(self, pk: int | None) -> None:
        self.form.flush()
        self._partnership = pk
        self.events.set_partnership(pk)
        self.new_button.setEnabled(pk is not None)
        self.trash_button.setEnabled(pk is not None)
        if self.events.rowCount():
            self.list.selectRow(0)
        else:
            self._show(None)

    def refresh(self) -> None:
        current = self.current_event()
        self.events.reload()
        row = self.events.row_of(current) if current is not None else -1
        if row >= 0:
            selection = self.list.selectionModel()
            selection.blockSignals(True)
            self.list.selectRow(row)
            selection.blockSignals(False)
        else:
            self._show(self.current_event())
            return
        self.form.reload()
        self.capture.refresh()

    def refresh_for(self, changes: ChangeSet) -> None:
        """After a write: entries alone change only the entry list of live capture."""
        if changes.tables is not None and changes.tables <= {tbl.ENTRIES}:
            self.capture.entries.reload()
        else:
            self.refresh()

    def show_event(self, pk: int, entry: int | None = None) -> None:
        """Select an event (and one of its entries) and show it in the live capture view."""
        row = self.events.row_of(pk)
        if row < 0:
            return
        self.list.selectRow(row)
        self.show_capture()
        if entry is not None:
            self.capture.select_entry(entry)

    # -- commands -------------------------------------------------------------------------

    def current_event(self) -> int | None:
        index = self.list.currentIndex()
        value = self.events.index(index.row(), 0).data(PK_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def _selected(self) -> None:
        self._show(self.current_event())

    def _show(self, pk: int | None) -> None:
        if pk != self.form.event_pk():  # another event's details start at their title and date
            self.details_scroll.verticalScrollBar().setValue(0)
        self.form.set_event(self._partnership, pk)
        self.capture.set_event(self._partnership, pk)
        self.delete_button.setEnabled(pk is not None)

    def new_event(self) -> None:
        """Plan the next event in the New event dialog (window-modal; ``new_dialog``)."""
        if self._partnership is None:
            return
        self.form.flush()
        dialog = NewEventDialog(self.editor, self._partnership, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._created(dialog.created))
        # The page's window takes the keys again (some window managers leave none active).
        dialog.finished.connect(lambda _r: self.window().activateWindow())
        self.new_dialog = dialog
        dialog.open()

    def _created(self, pk: int | None) -> None:
        """Show the event just planned in its details, with the actions to review."""
        if pk is None:
            return
        self.events.reload()
        self.list.selectRow(self.events.row_of(pk))
        self.show_details()
        self.form.title.setFocus()
        self.form.title.selectAll()

    def delete_event(self) -> None:
        pk = self.current_event()
        if pk is None:
            return
        self.form.flush()
        self.editor.delete_event(pk)
        self.status.setText(_("Event deleted. Undo brings it back (Ctrl+Z)."))
        self.events.reload()
        if self.events.rowCount():
            self.list.selectRow(0)
        else:
            self._show(None)

    def show_deleted(self) -> None:
        """The deleted items of this partnership, to restore or to empty for good."""
        if self._partnership is None:
            return
        self.form.flush()
        DeletedItemsDialog(self.editor, self._partnership, self).exec()
        self.refresh()

    def make_minutes(self) -> None:
        """The minutes of the selected event, for the partners (the minutes dialog)."""
        pk = self.current_event()
        if self._partnership is None or pk is None:
            return
        self.form.flush()  # the title being typed is the minutes' title
        from ui.dialogs.minutes_dialog import MinutesDialog

        MinutesDialog(self.context.diary, self._partnership, pk, self.context.settings, self).exec()
        self.refresh()

    def show_capture(self) -> None:
        self.tabs.setCurrentWidget(self.capture)
        self.capture.field.setFocus()

    def show_details(self) -> None:
        self.tabs.setCurrentIndex(1)
