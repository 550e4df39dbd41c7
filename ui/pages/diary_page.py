"""The diary page: the partnership's events, the event form and the live capture view.

The form has no Save button: a field being typed is stored about a second after the last key
(or at once when focus leaves it), choices are stored as they are made, and each change is one
undoable step (typing bursts merge). A value the rules refuse is shown under the form and is
not stored; the typed text stays in its field. A new event opens with the open and overdue
actions to review first.
"""

from __future__ import annotations

import copy
from datetime import date, datetime, time

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import Event, EventKind, Phase, ValidationError
from app.domain.model import format_when
from app.i18n import _
from app.persistence import events, partnerships
from app.services.editing import Editor, open_actions_for_review
from ui.context import AppContext
from ui.dialogs.event_dialog import ParticipantsEditor
from ui.models.events import PK_ROLE, EventTableModel
from ui.models.look import kind_name, locale_date, pydate, qdate
from ui.pages.history_page import HistoryPage
from ui.style import phase_name
from ui.widgets.checklist_panel import MeetingChecklist
from ui.widgets.live_capture import LiveCapture
from ui.widgets.ratings_editor import RatingsEditor

AUTOSAVE_MS = 800
_LOCAL = Qt.ShortcutContext.WidgetWithChildrenShortcut


class EventForm(QWidget):
    """Edits one event in place; stores as the user goes."""

    saved = Signal()

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._partnership: int | None = None
        self._event: Event | None = None
        self._pending: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        self.kind = QComboBox()
        for k in EventKind:
            self.kind.addItem(kind_name(k), k.value)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.has_time = QCheckBox(_("at"))
        self.at = QTimeEdit()
        self.at.setDisplayFormat("HH:mm")
        when = QHBoxLayout()
        for w in (self.day, self.has_time, self.at):
            when.addWidget(w)
        when.addStretch(1)
        self.duration = QSpinBox()
        self.duration.setRange(-1, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSpecialValueText(_("not set"))
        self.duration.setSuffix(" " + _("min"))
        self.phase = QComboBox()
        self.phase.addItem(_("none"), None)
        for p in Phase:
            self.phase.addItem(phase_name(p), p.value)
        self.title = QLineEdit()
        self.title.setObjectName("eventTitle")
        self.purpose = QPlainTextEdit()
        self.purpose.setObjectName("eventPurpose")
        self.purpose.setTabChangesFocus(True)
        self.purpose.setFixedHeight(70)
        for w in (self.kind, self.duration, self.phase):
            w.setMaximumWidth(260)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Date"), when)
        form.addRow(_("Duration"), self.duration)
        form.addRow(_("Phase"), self.phase)
        form.addRow(_("Purpose"), self.purpose)
        self.participants = ParticipantsEditor(self._editor)
        form.addRow(_("Participants"), self.participants)
        self.ratings = RatingsEditor(self._editor.diary, self._editor.undo)
        form.addRow(_("Ratings"), self.ratings)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.review = QLabel()
        self.review.setObjectName("reviewActions")
        self.review.setTextFormat(Qt.TextFormat.PlainText)
        self.review.setWordWrap(True)
        # Filled by the checklist engineer with the per-meeting checklist hints.
        self.checklist = QFrame()
        self.checklist.setObjectName("meetingChecklist")
        QVBoxLayout(self.checklist).setContentsMargins(0, 0, 0, 0)
        self.meeting_reminders = MeetingChecklist()
        self.checklist.layout().addWidget(self.meeting_reminders)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.error)
        review_title = QLabel(_("Open actions to review"))
        review_title.setObjectName("cardTitle")
        outer.addWidget(review_title)
        outer.addWidget(self.review)
        outer.addWidget(self.checklist)
        outer.addStretch(1)
        self._connect()

    def _connect(self) -> None:
        self.title.textEdited.connect(lambda: self._typed("title"))
        self.title.editingFinished.connect(self.flush)
        self.purpose.textChanged.connect(lambda: self._typed("purpose"))
        self.purpose.installEventFilter(self)
        self.kind.activated.connect(lambda: self._store("kind"))
        self.phase.activated.connect(lambda: self._store("phase"))
        self.day.dateChanged.connect(lambda: self._store("date"))
        self.at.timeChanged.connect(lambda: self._store("date"))
        self.has_time.toggled.connect(lambda on: (self.at.setEnabled(on), self._store("date")))
        self.duration.valueChanged.connect(lambda: self._store("duration"))
        self.participants.changed.connect(lambda: self._store(None))
        self.participants.problem.connect(self.error.setText)
        self.ratings.problem.connect(self.error.setText)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.purpose and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    # -- loading --------------------------------------------------------------------------

    def set_event(self, partnership: int | None, pk: int | None) -> None:
        self.flush()
        if self._event is None or self._event.pk != pk:
            self.meeting_reminders.reset()  # another meeting: its reminders start unticked
        self._partnership = partnership
        self._event = events.get_event(self._editor.db, pk) if pk is not None else None
        self._load()

    def reload(self) -> None:
        """Show the stored event again (after undo, or a change made elsewhere)."""
        if self._pending is not None or self._event is None or self._event.pk is None:
            return
        self._event = events.get_event(self._editor.db, self._event.pk)
        self._load()

    def _load(self) -> None:
        e = self._event
        self.setEnabled(e is not None)
        widgets = (self.kind, self.day, self.at, self.has_time, self.duration, self.phase)
        for w in (*widgets, self.title, self.purpose):
            w.blockSignals(True)
        if e is not None:
            self.kind.setCurrentIndex(self.kind.findData(e.kind.value))
            self.day.setDate(qdate(e.day))
            self.has_time.setChecked(e.time is not None)
            self.at.setEnabled(e.time is not None)
            t = e.time or time(9, 0)
            self.at.setTime(QTime(t.hour, t.minute))
            self.duration.setValue(e.duration_minutes if e.duration_minutes is not None else -1)
            self.phase.setCurrentIndex(self.phase.findData(e.phase.value if e.phase else None))
            if self.title.text() != e.title:
                self.title.setText(e.title)
            if self.purpose.toPlainText() != (e.purpose or ""):
                self.purpose.setPlainText(e.purpose or "")
        for w in (*widgets, self.title, self.purpose):
            w.blockSignals(False)
        self.participants.set_participants(self._partnership, e.participants if e else [])
        self.ratings.set_event(e.pk if e else None)
        self.error.clear()
        self._show_review()

    def _show_review(self) -> None:
        e, p = self._event, self._partnership
        if e is None or p is None:
            self.review.clear()
            return
        people = {x.pk: x.name for x in partnerships.list_people(self._editor.db, p)}
        lines = []
        for a in open_actions_for_review(self._editor.db, p, e.day):
            parts = [a.text]
            if a.owner is not None:
                parts.append(people.get(a.owner, ""))
            if a.due_on is not None:
                parts.append(_("due {day}").format(day=locale_date(a.due_on)))
            mark = "⚠ " + _("overdue") + ": " if a.is_overdue_on(e.day) else "• "
            lines.append(mark + " — ".join(x for x in parts if x))
        self.review.setText("\n".join(lines) if lines else _("No open actions."))

    # -- storing --------------------------------------------------------------------------

    def _typed(self, field: str) -> None:
        if self._pending not in (None, field):
            self.flush()
        self._pending = field
        self._timer.start()

    def _store(self, field: str | None) -> None:
        self.flush()
        self._save(field)

    def flush(self) -> None:
        """Store a field being typed now (on focus change, on leaving the event)."""
        self._timer.stop()
        field, self._pending = self._pending, None
        if field is not None:
            self._save(field)

    def _from_form(self) -> Event:
        assert self._event is not None
        e = copy.deepcopy(self._event)
        e.kind = EventKind(self.kind.currentData())
        day = pydate(self.day.date())
        at = self.at.time()
        e.when = format_when(
            day, time(at.hour(), at.minute()) if self.has_time.isChecked() else None
        )
        e.duration_minutes = self.duration.value() if self.duration.value() >= 0 else None
        phase = self.phase.currentData()
        e.phase = Phase(phase) if phase else None
        e.title = self.title.text()
        e.purpose = self.purpose.toPlainText() or None
        e.participants = self.participants.participants()
        if e.pk is not None:  # the ratings grid stores its own changes: never write stale ones
            e.ratings = events.list_ratings(self._editor.db, e.pk)
        return e

    def _save(self, field: str | None) -> None:
        if self._event is None:
            return
        e = self._from_form()
        try:
            self._editor.edit_event(e, field=field)
        except ValidationError as exc:
            self.error.setText(_("Not saved yet: {problem}").format(problem=exc))
            return
        self.error.clear()
        self._event = e
        self._show_review()
        self.saved.emit()


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
        self.list.setMinimumWidth(300)
        self.list.setWordWrap(False)
        lay.addWidget(self.list, 1)
        self.form = EventForm(self.editor)
        scroll = QScrollArea()
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
        split.setSizes([330, 800])
        outer = QVBoxLayout(self)
        outer.addWidget(split, 1)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.status)
        self.capture.message.connect(self.status.setText)

    def _add_actions(self) -> None:
        self.new_act = self._act(_("New event"), "Ctrl+Shift+E", self.new_event)
        self.delete_act = self._act(_("Delete event"), "Ctrl+Shift+Del", self.delete_event)
        self.capture_act = self._act(_("Live capture"), "Ctrl+Shift+L", self.show_capture)
        self.details_act = self._act(_("Event details"), "Ctrl+Shift+D", self.show_details)
        self.new_button.setToolTip(self.new_act.shortcut().toString())
        self.delete_button.setToolTip(self.delete_act.shortcut().toString())

    def _act(self, text: str, keys: str, slot: object) -> QAction:
        act = QAction(text, self)
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(_LOCAL)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    def menu_actions(self) -> list[QAction]:
        """Commands of the diary with their shortcuts, for the window's menus."""
        own = [self.new_act, self.delete_act, self.capture_act, self.details_act]
        return own + self.capture.menu_actions()

    # -- page protocol --------------------------------------------------------------------

    def show_partnership(self, pk: int | None) -> None:
        self.form.flush()
        self._partnership = pk
        self.events.set_partnership(pk)
        self.new_button.setEnabled(pk is not None)
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

    def show_event(self, pk: int, entry: int | None = None) -> None:
        """Select an event (and one of its entries) and show it in the live capture view."""
        if entry is None and HistoryPage.opening and HistoryPage.opening[0] == pk:
            entry = HistoryPage.opening[1]
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
        self.form.set_event(self._partnership, pk)
        self.capture.set_event(self._partnership, pk)
        self.delete_button.setEnabled(pk is not None)

    def new_event(self) -> None:
        """Create the next meeting now and show its details with the actions to review."""
        if self._partnership is None:
            return
        now = datetime.now()
        at = time(now.hour, 0)
        e = Event(EventKind.MEETING, _("New meeting"), format_when(date.today(), at), 60)
        try:
            pk = self.editor.create_event(self._partnership, e)
        except ValidationError as exc:
            self.status.setText(str(exc))
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

    def show_capture(self) -> None:
        self.tabs.setCurrentWidget(self.capture)
        self.capture.field.setFocus()

    def show_details(self) -> None:
        self.tabs.setCurrentIndex(1)
