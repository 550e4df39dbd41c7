"""The as-of control of the overview: see what Kumppani would have said on any past date.

A slider over the partnership's life (from its start to today) and a date field (typed in the
locale's format or ISO; what cannot be read is refused on a line under it) move together;
``as_of_changed`` carries the chosen date, or None for "today" so the overview keeps following
the calendar. Dragging the slider only previews the date; the overview is re-evaluated when it
is released, so a long partnership does not recompute on every pixel.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from app.i18n import _
from app.persistence.read import changes as tbl
from app.persistence.read.changes import ChangeSet
from ui.context import AppContext
from ui.style import DANGER
from ui.widgets.date_field import DateField


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class AsOfControl(QWidget):
    """Slider and date field for the day the overview is evaluated at."""

    as_of_changed = Signal(object)  # date | None (None: today)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pk: int | None = None
        self.setObjectName("asOfControl")
        self.start = date.today()
        self.day: date | None = None
        label = QLabel(_("As of"))
        label.setObjectName("cardTitle")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("asOfSlider")
        self.slider.setTracking(False)
        self.slider.setAccessibleName(_("Show the partnership as of a past date"))
        self.slider.setToolTip(
            _("Drag to see which warnings and checklist items the partnership had on that day")
        )
        self.edit = DateField(optional=False)
        self.edit.setObjectName("asOfDate")
        self.edit.setAccessibleName(_("As of date"))
        self.today_button = QPushButton(_("Today"))
        self.today_button.setObjectName("asOfToday")
        self.today_button.setToolTip(_("Follow today's date again"))
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        # A date that cannot be read is refused on a line of its own under the control (the
        # row beside the slider has no room for the message).
        self.refusal = QLabel()
        self.refusal.setObjectName("asOfRefusal")
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(f"color: {DANGER};")
        self.refusal.hide()
        self.edit.problem_changed.connect(self._refused)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        layout = QHBoxLayout()
        layout.setSpacing(8)
        layout.addWidget(label)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.edit)
        layout.addWidget(self.today_button)
        layout.addWidget(self.note)
        outer.addLayout(layout)
        outer.addWidget(self.refusal)
        self.slider.sliderMoved.connect(self._previewed)
        self.slider.valueChanged.connect(self._slid)
        self.edit.editingFinished.connect(self._edited)
        self.edit.date_chosen.connect(self._edited)
        self.today_button.clicked.connect(lambda: self.choose(None))
        self._sync()

    # -- told by the overview -----------------------------------------------------------

    def affected_by(self, changes: ChangeSet) -> bool:
        return changes.touches((tbl.PARTNERSHIPS, tbl.PHASES), self.pk)

    def show_partnership(self, pk: int | None) -> None:
        self.pk = pk
        snapshot = self.context.snapshots.get(pk) if pk is not None else None
        p = snapshot.partnership if snapshot is not None else None
        self.setEnabled(p is not None)
        starts = [p.started_on, *(m.from_on for m in p.phases)] if p else [date.today()]
        self.start = min(min(starts), date.today())
        self._sync()

    def set_as_of(self, day: date | None) -> None:
        """Show ``day`` without announcing it (the overview already knows)."""
        self.day = day
        self._sync()

    # -- the user's choice --------------------------------------------------------------

    def choose(self, day: date | None) -> None:
        """Pick ``day`` (None: today) and announce it."""
        if day is not None and day >= date.today():
            day = None
        if day is not None and day < self.start:
            day = self.start
        if day == self.day:
            self._sync()
            return
        self.day = day
        self._sync()
        self.as_of_changed.emit(day)

    @property
    def shown(self) -> date:
        return self.day or date.today()

    def _sync(self) -> None:
        today = date.today()
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, (today - self.start).days))
        self.slider.setValue((self.shown - self.start).days)
        self.slider.blockSignals(False)
        self.edit.set_date(self.shown)
        self.today_button.setEnabled(self.day is not None)
        self.note.setText(_("(today)") if self.day is None else _("(looking back)"))

    def _previewed(self, value: int) -> None:
        self.edit.set_date(self.start + timedelta(days=value))

    def _slid(self, value: int) -> None:
        self.choose(self.start + timedelta(days=value))

    def _refused(self, problem: str) -> None:
        self.refusal.setText(problem)
        self.refusal.setVisible(bool(problem))

    def _edited(self) -> None:
        day, problem = self.edit.read()
        if problem or day is None:  # refused under the field; the overview stays where it was
            self.edit.check()
            return
        self.choose(day)
