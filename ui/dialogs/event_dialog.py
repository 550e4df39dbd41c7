"""The event form: edits one event in place, with its participants picker.

No Save button: a field being typed is stored about a second after the last key (or at once
when focus leaves it), choices are stored as they are made, and each change is one undoable
step (typing bursts merge). A value the rules refuse is shown under the form and is not
stored; the typed text stays in its field. The form lists the open and overdue actions to
review before the meeting, and leaves the ``meetingChecklist`` slot for checklist reminders.

The participants are edited by ``ui.widgets.participants_editor``; the agenda by
``ui.widgets.agenda_editor`` (the same editor as in the New event dialog).
"""

from __future__ import annotations

import copy
import itertools
from datetime import date, time

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import (
    Event,
    EventKind,
    Phase,
    ValidationError,
)
from app.domain.labels import event_kind_name, phase_name
from app.domain.model import format_when
from app.domain.validation import PLACE_MAX
from app.i18n import _, ngettext
from app.persistence.read import events, partnerships
from app.services.editing import Editor, default_phase, open_actions_for_review
from ui.models.look import locale_date
from ui.widgets.agenda_editor import AgendaEditor
from ui.widgets.checklist_panel import MeetingChecklist
from ui.widgets.date_field import DateRow
from ui.widgets.participants_editor import ParticipantsEditor
from ui.widgets.ratings_editor import RatingsEditor

AUTOSAVE_MS = 800
REVIEW_LINES = 5


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
            self.kind.addItem(event_kind_name(k), k.value)
        self.day_row = DateRow(optional=False)
        self.day = self.day_row.field
        self.day.setObjectName("eventDate")
        self.has_time = QCheckBox(_("at"))
        self.at = QTimeEdit()
        self.at.setDisplayFormat("HH:mm")
        when = QHBoxLayout()
        when.addWidget(self.day_row)
        for w in (self.has_time, self.at):
            when.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        when.addStretch(1)
        self.duration = QSpinBox()
        self.duration.setRange(-1, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSpecialValueText(_("not set"))
        self.duration.setSuffix(" " + _("min"))
        self.phase = QComboBox()
        self.phase.addItem(_("none"), None)
        for p in Phase.working():
            self.phase.addItem(phase_name(p), p.value)
        self.title = QLineEdit()
        self.title.setObjectName("eventTitle")
        self.purpose = QPlainTextEdit()
        self.purpose.setObjectName("eventPurpose")
        self.purpose.setTabChangesFocus(True)
        self.purpose.setFixedHeight(70)
        for box in (self.kind, self.duration):
            box.setMaximumWidth(260)
        # "none (in force then: Execution)" is longer, in Finnish most of all: fit the text.
        self.phase.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.phase.setMaximumWidth(420)
        form.addRow(_("Title"), self.title)
        # Only a feedback meeting can be the final evaluation of the cycle.
        self.final_evaluation = QCheckBox(_("Final evaluation of the cycle"))
        self.final_evaluation.setObjectName("finalEvaluationCheck")
        self.final_evaluation.setToolTip(
            _(
                "The partners assess the cycle at this meeting. Some time after it, a warning "
                "asks for their decision: continue, renegotiate, make it routine or end."
            )
        )
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addWidget(self.final_evaluation)
        kind_row.addStretch(1)
        form.addRow(_("Kind"), kind_row)
        form.addRow(_("Date"), when)
        form.addRow(_("Duration"), self.duration)
        form.addRow(_("Phase"), self.phase)
        self.place = QLineEdit()
        self.place.setObjectName("eventPlace")
        self.place.setMaxLength(PLACE_MAX)
        self.place.setPlaceholderText(_("A room, an address or a meeting link"))
        form.addRow(_("Place"), self.place)
        form.addRow(_("Purpose"), self.purpose)
        self.agenda = AgendaEditor()
        self.agenda.setObjectName("eventAgenda")
        form.addRow(_("Agenda"), self.agenda)
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
        checklist_layout = QVBoxLayout(self.checklist)
        checklist_layout.setContentsMargins(0, 0, 0, 0)
        self.meeting_reminders = MeetingChecklist()
        checklist_layout.addWidget(self.meeting_reminders)
        outer = QVBoxLayout(self)
        # The open and overdue actions come first: a meeting starts by reviewing them.
        review_title = QLabel(_("Open actions to review"))
        review_title.setObjectName("cardTitle")
        outer.addWidget(review_title)
        outer.addWidget(self.review)
        outer.addSpacing(10)
        outer.addLayout(form)
        outer.addWidget(self.error)
        outer.addWidget(self.checklist)
        outer.addStretch(1)
        self._connect()
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab follows the form from top to bottom (widgets were not created in that order)."""
        people = self.participants
        chain = [
            self.title,
            self.kind,
            self.final_evaluation,
            self.day,
            self.has_time,
            self.at,
            self.duration,
            self.phase,
            self.place,
            self.purpose,
            self.agenda.table,
            self.agenda.add_button,
            people.table,
            people.pick,
            people.add_button,
            people.remove_button,
            people.new_name,
            people.new_org,
            people.new_button,
            self.ratings,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.title.textEdited.connect(lambda: self._typed("title"))
        self.title.editingFinished.connect(self.flush)
        self.purpose.textChanged.connect(lambda: self._typed("purpose"))
        self.place.textEdited.connect(lambda: self._typed("place"))
        self.place.editingFinished.connect(self.flush)
        self.agenda.changed.connect(lambda: self._store("agenda"))
        self.duration.valueChanged.connect(
            lambda v: self.agenda.set_duration(v if v >= 0 else None)
        )
        self.purpose.installEventFilter(self)
        self.kind.activated.connect(lambda: self._store("kind"))
        self.final_evaluation.toggled.connect(lambda: self._store("final_evaluation"))
        self.phase.activated.connect(lambda: self._store("phase"))
        # A typed date is stored when typing ends, and only once it reads as a date: an
        # unreadable one is refused under the field and the stored date stays.
        self.day.editingFinished.connect(self._day_finished)
        self.day.date_chosen.connect(self._day_finished)
        self.at.timeChanged.connect(lambda: self._store("date"))
        self.has_time.toggled.connect(self._time_toggled)
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

    def event_pk(self) -> int | None:
        """The key of the event shown (None when none is)."""
        return self._event.pk if self._event is not None else None

    def reload(self) -> None:
        """Show the stored event again (after undo, or a change made elsewhere)."""
        if self._pending is not None or self._event is None or self._event.pk is None:
            return
        self._event = events.get_event(self._editor.db, self._event.pk)
        self._load()

    def _load(self) -> None:
        e = self._event
        self.setEnabled(e is not None)
        widgets = (
            self.kind,
            self.final_evaluation,
            self.at,
            self.has_time,
            self.duration,
            self.phase,
        )
        for w in (*widgets, self.title, self.purpose):
            w.blockSignals(True)
        p = self._partnership
        people = partnerships.list_people(self._editor.db, p) if e and p is not None else []
        self.agenda.set_people({p.pk: p.name for p in people if p.pk is not None})
        self.agenda.set_items(e.agenda if e else [])
        if self.place.text() != ((e.place or "") if e else ""):
            self.place.setText((e.place or "") if e else "")
        if e is not None:
            self.kind.setCurrentIndex(self.kind.findData(e.kind.value))
            self.final_evaluation.setChecked(e.final_evaluation)
            self.day.set_date(e.day)
            self.has_time.setChecked(e.time is not None)
            self.at.setEnabled(e.time is not None)
            t = e.time or time(9, 0)
            self.at.setTime(QTime(t.hour, t.minute))
            self.duration.setValue(e.duration_minutes if e.duration_minutes is not None else -1)
            in_force = default_phase(self._editor.db, p, e.day) if p is not None else None
            none = _("none (in force then: {phase})") if in_force else _("none")
            self.phase.setItemText(0, none.format(phase=phase_name(in_force) if in_force else ""))
            self.phase.setCurrentIndex(self.phase.findData(e.phase.value if e.phase else None))
            if self.title.text() != e.title:
                self.title.setText(e.title)
            if self.purpose.toPlainText() != (e.purpose or ""):
                self.purpose.setPlainText(e.purpose or "")
        else:  # no event: nothing of the one shown before may stay (another client's data)
            self.title.clear()
            self.purpose.clear()
            self.day.set_date(date.today())
            self.duration.setValue(-1)
            self.has_time.setChecked(False)
            self.phase.setCurrentIndex(0)
            self.phase.setItemText(0, _("none"))
        for w in (*widgets, self.title, self.purpose):
            w.blockSignals(False)
        self.agenda.set_duration(e.duration_minutes if e else None)
        self._show_final_evaluation()
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
        if len(lines) > REVIEW_LINES:
            rest = len(lines) - REVIEW_LINES + 1
            lines = lines[: REVIEW_LINES - 1]
            more = ngettext(
                "… and {n} more in the action plan", "… and {n} more in the action plan", rest
            )
            lines.append(more.format(n=rest))
        self.review.setText("\n".join(lines) if lines else _("No open actions."))

    # -- storing --------------------------------------------------------------------------

    def _show_final_evaluation(self) -> None:
        feedback = self.kind.currentData() == EventKind.FEEDBACK_MEETING.value
        self.final_evaluation.setVisible(feedback)

    def _day_finished(self) -> None:
        day = self.day.date()
        if self._event is not None and day is not None and day != self._event.day:
            self._store("date")

    def _time_toggled(self, on: bool) -> None:
        self.at.setEnabled(on)
        self._store("date")

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
        e.final_evaluation = (
            e.kind == EventKind.FEEDBACK_MEETING and self.final_evaluation.isChecked()
        )
        day = self.day.date() or e.day  # an unreadable date leaves the stored one
        at = self.at.time()
        e.when = format_when(
            day, time(at.hour(), at.minute()) if self.has_time.isChecked() else None
        )
        e.duration_minutes = self.duration.value() if self.duration.value() >= 0 else None
        phase = self.phase.currentData()
        e.phase = Phase(phase) if phase else None
        e.title = self.title.text()
        e.purpose = self.purpose.toPlainText() or None
        e.place = self.place.text().strip() or None
        e.agenda = self.agenda.items()
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
        self._show_final_evaluation()
        self._show_review()
        self.saved.emit()
