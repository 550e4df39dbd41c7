"""The live capture view: write the diary during a meeting, one line at a time.

One large text field; Enter saves the line as an entry of the chosen type at once (Shift+Enter
starts a new line inside it). Ctrl+1..7 or the buttons choose the type, Alt+1..3 toggle the
tensions, Ctrl+P flips shared/private. Visibility defaults by type (observations and obstacles
private) and is always shown by colour, icon and text. A running clock, the attendance list and
the entries written so far are at hand; an idea or decision becomes an action with Ctrl+Shift+A.
When the event has an agenda, a header shows the current item and its time left; Alt+Right and
Alt+Left move through the items, and each entry is linked to the item it was written under.
Ctrl+Shift+R records where a decision stands (``ui.dialogs.decision_dialog``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial

from PySide6.QtCore import QElapsedTimer, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import Entry, EntryType, EventKind, Tension, ValidationError, Visibility
from app.domain.enums import default_visibility
from app.domain.labels import entry_type_name, tension_name
from app.i18n import _
from app.persistence.read import events, partnerships
from app.persistence.read.ideas import IdeaOutcome
from app.services.editing import Editor
from ui.dialogs.decision_dialog import DecisionDialog
from ui.models.events import EntryTableModel
from ui.models.look import (
    CAPTURE_TYPES,
    entry_icon,
    locale_when,
    visibility_color,
    visibility_icon,
    visibility_name,
)
from ui.style import ENTRY_COLORS
from ui.widgets.agenda_header import AgendaHeader
from ui.widgets.author_filter import AuthorFilter
from ui.widgets.capture_field import CaptureField
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.idea_commands import IdeaCommands

_LOCAL = Qt.ShortcutContext.WidgetWithChildrenShortcut
FIT_ROWS_LIMIT = 600


class LiveCapture(QWidget):
    """Capture entries into one event while it happens."""

    entry_saved = Signal(int)
    action_made = Signal(int)
    dialog_opened = Signal(QDialog)  # the make-action or fate dialog, before it is shown
    message = Signal(str)

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveCapture")
        self._editor = editor
        self._partnership: int | None = None
        self._event: int | None = None
        self._type = EntryType.IDEA
        self._visibility_override: Visibility | None = None
        self._kind: EventKind | None = None  # the shown event's kind: interviews start private
        self._elapsed = QElapsedTimer()
        self._when: str | None = None  # the shown event's date and time, as stored
        self.entries = EntryTableModel(editor)
        self._build()
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._choose_type(EntryType.IDEA)

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("pageTitle")
        # Long titles and the key hints wrap instead of widening the window past small screens.
        self.title.setWordWrap(True)
        self.clock = QLabel()
        self.clock.setObjectName("captureClock")
        self.clock.setTextFormat(Qt.TextFormat.PlainText)
        clock_font = QFont(self.clock.font())
        clock_font.setPointSizeF(clock_font.pointSizeF() * 1.4)
        clock_font.setBold(True)
        self.clock.setFont(clock_font)
        head.addWidget(self.title, 1)
        head.addWidget(self.clock)
        outer.addLayout(head)
        self.agenda = AgendaHeader()
        self.agenda.moved.connect(self._agenda_moved)
        outer.addWidget(self.agenda)
        outer.addLayout(self._type_row())
        outer.addLayout(self._tension_row())
        self.field = CaptureField()
        self.field.setObjectName("captureField")
        self.field.setPlaceholderText(
            _("Type what happens and press Enter. Shift+Enter starts a new line.")
        )
        big = QFont(self.field.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        self.field.setFont(big)
        self.field.setFixedHeight(96)
        self.field.setTabChangesFocus(True)
        self.field.submitted.connect(self.save_line)
        outer.addWidget(self.field)
        keys = QLabel(
            _(
                "Enter saves · Ctrl+1…7 type · Alt+1…3 tension · Ctrl+P shared/private · "
                "Alt+→/← next/previous agenda item · Ctrl+Shift+A make action · "
                "Ctrl+Shift+R decision record · Ctrl+Z undo"
            )
        )
        keys.setObjectName("muted")
        keys.setWordWrap(True)
        outer.addWidget(keys)
        self.author = AuthorFilter()
        self.author.currentIndexChanged.connect(
            lambda _i: self.entries.set_author(self.author.chosen())
        )
        above = QHBoxLayout()
        shown = QLabel(_("Entries written by"))
        shown.setBuddy(self.author)
        above.addWidget(shown)
        above.addWidget(self.author)
        above.addStretch(1)
        outer.addLayout(above)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._entry_table())
        split.addWidget(self._attendance_box())
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        outer.addWidget(split, 1)
        self._add_actions()
        # Tab goes from the text field to what was written, then to the attendance list.
        QWidget.setTabOrder(self.field, self.table)
        QWidget.setTabOrder(self.table, self.attendance)

    def _type_row(self) -> FlowLayout:
        row = FlowLayout()  # wraps on a narrow window instead of widening it
        self._type_group = QButtonGroup(self)
        self._type_buttons: dict[EntryType, QToolButton] = {}
        for n, t in enumerate(CAPTURE_TYPES, start=1):
            button = QToolButton()
            button.setCheckable(True)
            button.setIcon(entry_icon(t))
            button.setText(entry_type_name(t))
            button.setToolTip(_("{type} (Ctrl+{n})").format(type=entry_type_name(t), n=n))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setObjectName(f"type_{t.value}")
            color = ENTRY_COLORS[t]
            button.setStyleSheet(
                f"QToolButton {{ padding: 3px 6px; border: 1px solid {color}; border-radius: 4px; }}"
                f"QToolButton:checked {{ background: {color}; color: white; font-weight: 600; }}"
            )
            button.clicked.connect(lambda _c=False, t=t: self._choose_type(t))
            self._type_group.addButton(button)
            self._type_buttons[t] = button
            row.addWidget(button)
        return row

    def _tension_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(_("Tensions:"))
        row.addWidget(label)
        self._tension_buttons: dict[Tension, QToolButton] = {}
        for n, t in enumerate(Tension, start=1):
            button = QToolButton()
            button.setCheckable(True)
            button.setText(tension_name(t))
            button.setToolTip(_("Tension: {name} (Alt+{n})").format(name=tension_name(t), n=n))
            button.setObjectName(f"tension_{t.value}")
            self._tension_buttons[t] = button
            row.addWidget(button)
        row.addSpacing(24)
        self.visibility = QToolButton()
        self.visibility.setObjectName("captureVisibility")
        self.visibility.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.visibility.setToolTip(
            _("Shared entries can appear in partner reports; private ones never do (Ctrl+P)")
        )
        self.visibility.clicked.connect(self.toggle_visibility)
        row.addWidget(self.visibility)
        row.addStretch(1)
        return row

    def _entry_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setObjectName("captureEntries")
        self.table.setModel(self.entries)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EntryTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for col in (
            EntryTableModel.TYPE,
            EntryTableModel.VISIBILITY,
            EntryTableModel.TENSIONS,
            EntryTableModel.AUTHOR,
        ):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # The agenda item comes first: the entries read as grouped under their items.
        header.moveSection(EntryTableModel.AGENDA, 0)
        header.setSectionResizeMode(EntryTableModel.AGENDA, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(EntryTableModel.AGENDA, 120)
        # What became of each idea: wide enough for "Parked until …", longer texts elided.
        header.setSectionResizeMode(EntryTableModel.FATE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(EntryTableModel.FATE, 200)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.ideas.update())
        self.entries.modelReset.connect(lambda: self.ideas.update())
        # Rows grow to show whole entries; measured per page read, never for a huge list
        # at once (a refresh after every saved line must stay instant).
        self.entries.modelReset.connect(lambda: self._fit_rows(0, self.entries.rowCount() - 1))
        self.entries.rowsInserted.connect(lambda _p, first, last: self._fit_rows(first, last))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        return self.table

    def _fit_rows(self, first: int, last: int) -> None:
        if last - first < FIT_ROWS_LIMIT:
            for row in range(first, last + 1):
                self.table.resizeRowToContents(row)

    def _attendance_box(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Attendance"))
        title.setObjectName("cardTitle")
        lay.addWidget(title)
        self.attendance = QListWidget()
        self.attendance.setObjectName("captureAttendance")
        self.attendance.itemChanged.connect(self._attendance_changed)
        lay.addWidget(self.attendance, 1)
        return box

    def _add_actions(self) -> None:
        ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
        for n, t in enumerate(CAPTURE_TYPES, start=1):
            combo = self.field.combination(ctrl, Qt.Key.Key_0.value + n)
            self.field.keys[combo] = partial(self._choose_type, t)
        for n, tension in enumerate(Tension, start=1):
            combo = self.field.combination(alt, Qt.Key.Key_0.value + n)
            self.field.keys[combo] = self._tension_buttons[tension].toggle
        self.visibility_act = self._shortcut(
            _("Shared / private"), QKeySequence("Ctrl+P"), self.toggle_visibility
        )
        self.ideas = IdeaCommands(self._editor, self, self)
        self.ideas.message.connect(self.message)
        self.ideas.action_made.connect(self.action_made)
        self.ideas.dialog_opened.connect(self.dialog_opened)
        self.make_action_act = self.ideas.make_act
        self.make_action_act.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.make_action_act.setShortcutContext(_LOCAL)
        self.addAction(self.make_action_act)
        self.next_item_act = self._shortcut(
            _("Next agenda item"), QKeySequence("Alt+Right"), self.agenda.next
        )
        self.previous_item_act = self._shortcut(
            _("Previous agenda item"), QKeySequence("Alt+Left"), self.agenda.previous
        )
        self.decision_act = self._shortcut(
            _("Decision record…"), QKeySequence("Ctrl+Shift+R"), self.edit_decision
        )
        self.delete_act = self._shortcut(
            _("Delete entry"), QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected
        )
        # Delete only where it cannot eat text being typed: in the entries table.
        self.removeAction(self.delete_act)
        self.table.addAction(self.delete_act)

    def _shortcut(self, text: str, keys: QKeySequence, slot: Callable[[], object]) -> QAction:
        act = QAction(text, self)
        act.setShortcut(keys)
        act.setShortcutContext(_LOCAL)
        # triggered() passes "checked"; the commands take no arguments.
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    def menu_actions(self) -> list[QAction]:
        """Commands of this view with their shortcuts, for menus."""
        return [
            self.visibility_act,
            self.next_item_act,
            self.previous_item_act,
            *self.ideas.actions(),
            self.decision_act,
            self.delete_act,
        ]

    # -- state ----------------------------------------------------------------------------

    def set_event(self, partnership: int | None, event: int | None) -> None:
        if partnership != self._partnership:
            self.author.fill(self._editor.db, partnership)
        changed = event != self._event
        self._partnership, self._event = partnership, event
        if changed:
            self._elapsed.start()
            self._visibility_override = None
        self.entries.set_event(event)
        self._load_event()
        self.field.setEnabled(event is not None)
        self._tick()

    def showEvent(self, event: QShowEvent) -> None:
        # The event's kind may have changed in its form: an interview makes entries private.
        self._load_event()
        super().showEvent(event)

    def refresh(self) -> None:
        self.author.fill(self._editor.db, self._partnership)
        self.entries.reload()
        self._load_event()

    def _load_event(self) -> None:
        e = events.get_event(self._editor.db, self._event) if self._event is not None else None
        self._when = e.when if e else None
        self._kind = e.kind if e else None
        today = e is not None and e.when[:10] == date.today().isoformat()
        self.agenda.set_event(self._event, e.agenda if e else [], today)
        self._show_visibility()
        self.title.setText(e.title if e else _("Choose or create an event to write into"))
        self.attendance.blockSignals(True)
        self.attendance.clear()
        if e is not None and self._partnership is not None:
            people = {p.pk: p for p in partnerships.list_people(self._editor.db, self._partnership)}
            for part in e.participants:
                person = people.get(part.person)
                item = QListWidgetItem(person.name if person else "?")
                item.setData(Qt.ItemDataRole.UserRole, part.person)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = Qt.CheckState.Checked if part.attended else Qt.CheckState.Unchecked
                item.setCheckState(checked)
                self.attendance.addItem(item)
        self.attendance.blockSignals(False)

    def _tick(self) -> None:
        self.agenda.tick()
        now = datetime.now().strftime("%H:%M")
        if self._event is None or not self._elapsed.isValid():
            self.clock.setText(now)
            return
        if self._when is not None and self._when[:10] != date.today().isoformat():
            # Written up before or after the day: its date, not a clock running since opening.
            self.clock.setText(locale_when(self._when))
            return
        seconds = self._elapsed.elapsed() // 1000
        h, rest = divmod(seconds, 3600)
        running = f"{h:d}:{rest // 60:02d}:{rest % 60:02d}"
        self.clock.setText(_("{now}  ·  running {time}").format(now=now, time=running))

    def current_type(self) -> EntryType:
        return self._type

    def current_visibility(self) -> Visibility:
        return self._visibility_override or default_visibility(self._type, self._kind)

    def _choose_type(self, t: EntryType) -> None:
        self._type = t
        self._type_buttons[t].setChecked(True)
        self._visibility_override = None
        self._show_visibility()

    def toggle_visibility(self) -> None:
        flip = {Visibility.SHARED: Visibility.PRIVATE, Visibility.PRIVATE: Visibility.SHARED}
        self._visibility_override = flip[self.current_visibility()]
        self._show_visibility()

    def _show_visibility(self) -> None:
        vis = self.current_visibility()
        self.visibility.setIcon(visibility_icon(vis))
        self.visibility.setText(visibility_name(vis))
        color = visibility_color(vis).name()
        self.visibility.setStyleSheet(
            f"QToolButton {{ color: {color}; border: 1px solid {color}; border-radius: 4px;"
            " padding: 2px 8px; font-weight: 600; }"
        )
        self.field.setStyleSheet(
            f"QPlainTextEdit {{ border: 2px solid {ENTRY_COLORS[self._type]}; border-radius: 4px; }}"
        )

    # -- commands -------------------------------------------------------------------------

    def save_line(self) -> None:
        """Store what is typed as an entry, committed before the field is cleared."""
        text = self.field.toPlainText().strip()
        if not text or self._event is None or self._partnership is None:
            return
        tensions = tuple(t for t, b in self._tension_buttons.items() if b.isChecked())
        entry = Entry(self._event, self._type, text, self.current_visibility(), tensions)
        # Linked to the agenda item it was written under, and stamped with the local time.
        entry.agenda_item = self.agenda.current_pk()
        entry.written_at = datetime.now().isoformat(timespec="seconds")
        try:
            pk = self._editor.create_entry(self._partnership, entry)
        except ValidationError as exc:
            self.message.emit(str(exc))
            return
        self.field.clear()
        for b in self._tension_buttons.values():
            b.setChecked(False)
        self._visibility_override = None
        self._show_visibility()
        self.entries.reload()
        # The new line is selected: Ctrl+Shift+A, park and decline act on what is seen selected.
        self.select_entry(pk)
        self.entry_saved.emit(pk)

    def selected_entry(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries.entry_at(rows[0].row()) if rows else None

    def select_entry(self, pk: int) -> None:
        row = self.entries.row_of(pk)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.entries.index(row, 0))

    def make_action(self) -> None:
        """The selected idea or decision becomes an action (``IdeaCommands.make_action``)."""
        self.ideas.make_action()

    # -- the view protocol of IdeaCommands ------------------------------------------------

    def partnership(self) -> int | None:
        return self._partnership

    def outcome_of(self, pk: int) -> IdeaOutcome | None:
        return self.entries.outcome_of(pk)

    def entry_changed(self, pk: int) -> None:
        self.entries.reload()
        self.select_entry(pk)

    def _agenda_moved(self) -> None:
        item = self.agenda.current()
        if item is not None:
            self.message.emit(_("Now: {title}").format(title=item.title))
        self.field.setFocus()

    def edit_decision(self) -> None:
        """The selected decision's record (or the latest decision's): status, sides, review."""
        entry = self.selected_entry()
        if entry is None or entry.type is not EntryType.DECISION:
            self.entries.fetch_all()
            rows = (self.entries.entry_at(r) for r in range(self.entries.rowCount()))
            found = [e for e in rows if e is not None and e.type is EntryType.DECISION]
            entry = found[-1] if found else None
        if entry is None or entry.pk is None or self._partnership is None:
            self.message.emit(_("Select a decision to record where it stands."))
            return
        pk = entry.pk
        dialog = DecisionDialog(self._editor, self._partnership, pk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._decision_recorded(pk))
        dialog.finished.connect(lambda _r: self.window().activateWindow())
        self.decision_dialog: DecisionDialog | None = dialog
        dialog.open()

    def _decision_recorded(self, pk: int) -> None:
        self.entries.reload()
        self.select_entry(pk)
        self.message.emit(_("Decision recorded. Undo takes it back (Ctrl+Z)."))

    def flip_selected_visibility(self) -> None:
        """Share a selected private entry with the partners, or make a shared one private."""
        entry = self.selected_entry()
        if entry is None or entry.pk is None:
            return
        row = self.entries.row_of(entry.pk)
        current = entry.visibility or entry.type.default_visibility
        entry.visibility = (
            Visibility.SHARED if current is Visibility.PRIVATE else Visibility.PRIVATE
        )
        self._editor.edit_entry(entry)
        self.entries.reload()
        self.table.selectRow(row)

    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.pk is not None:
            self._editor.delete_entry(entry.pk)
            self.entries.reload()

    def _attendance_changed(self, item: QListWidgetItem) -> None:
        if self._event is None:
            return
        e = events.get_event(self._editor.db, self._event)
        if e is None:
            return
        person = item.data(Qt.ItemDataRole.UserRole)
        for part in e.participants:
            if part.person == person:
                part.attended = item.checkState() == Qt.CheckState.Checked
        self._editor.edit_event(e)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        entry = self.selected_entry()
        if entry is not None:
            private = (entry.visibility or entry.type.default_visibility) is Visibility.PRIVATE
            flip = menu.addAction(_("Make shared") if private else _("Make private"))
            flip.setIcon(visibility_icon(Visibility.SHARED if private else Visibility.PRIVATE))
            flip.triggered.connect(lambda _c=False: self.flip_selected_visibility())
        self.ideas.add_to(menu)
        if entry is not None and entry.type is EntryType.DECISION:
            menu.addAction(self.decision_act)
        if entry is not None:
            earlier = menu.addAction(_("Earlier versions…"))
            earlier.triggered.connect(lambda _c=False: self.show_earlier_versions())
        menu.addAction(self.delete_act)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def show_earlier_versions(self) -> None:
        from ui.dialogs.revisions_dialog import RevisionsDialog

        entry = self.selected_entry()
        if entry is not None and RevisionsDialog(self._editor, entry, self).exec():
            self.entries.reload()
