"""One date editor for the whole interface: typed in the user's locale format or ISO.

A ``DateField`` reads what is typed with ``app.dates.read_typed_date``: the locale's short date
(15/01/2027 in British English, 15.1.2027 in Finnish, leading zeros optional) or ISO
(2027-01-15). What it cannot read is refused with a message naming both accepted forms; the
typed text stays in the field to be corrected (never guessed, never clamped to a nearby day).
A calendar button beside the text picks a day with the mouse. ``DateRow`` puts the field and
its message together for forms and dialogs.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app.dates import date_example, read_typed_date
from app.i18n import _
from ui.models.look import locale_date, pydate, qdate
from ui.style import DANGER, date_edit_format

_INVALID = f"QLineEdit {{ border: 2px solid {DANGER}; border-radius: 3px; }}"


def refusal(text: str) -> str:
    """The message for a date that could not be read, naming the two forms accepted."""
    pattern = date_edit_format()
    return _("\u201c{text}\u201d is not a date. Type it as {example} or {iso}.").format(
        text=text.strip(), example=date_example(pattern), iso=date_example("yyyy-MM-dd")
    )


def _calendar_icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setPen(Qt.GlobalColor.darkGray)
    p.drawRect(1, 3, 13, 11)
    p.fillRect(1, 3, 14, 3, Qt.GlobalColor.darkGray)
    for x in (4, 8, 12):
        for y in (8, 11):
            p.drawPoint(x, y)
    p.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """A date typed in the locale's format or ISO; empty means "no date" when ``optional``."""

    problem_changed = Signal(str)  # the refusal message, or "" once the text reads as a date
    date_chosen = Signal()  # a day picked from the calendar

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("dateField")
        self.optional = optional
        self._problem = ""
        example = date_example(date_edit_format())
        self.setPlaceholderText(example)
        self.setToolTip(
            _("Type the date as {example} or {iso}.").format(
                example=example, iso=date_example("yyyy-MM-dd")
            )
        )
        self.calendar_act = QAction(_calendar_icon(), _("Choose from a calendar"), self)
        self.calendar_act.triggered.connect(lambda _c=False: self.pick_from_calendar())
        self.addAction(self.calendar_act, QLineEdit.ActionPosition.TrailingPosition)
        # While typing, the red mark goes as soon as the text reads as a date.
        self.textEdited.connect(lambda _t: self._problem and self.check())
        self.editingFinished.connect(self.check)

    # -- value ----------------------------------------------------------------------------

    def set_date(self, day: date | None) -> None:
        self.setText(locale_date(day))
        self._set_problem("")

    def read(self) -> tuple[date | None, str]:
        """(the date typed or None, "") or (None, the message) when it cannot be read."""
        text = self.text().strip()
        if not text:
            return None, "" if self.optional else _("Type a date.")
        try:
            return read_typed_date(text, date_edit_format()), ""
        except ValueError:
            return None, refusal(text)

    def date(self) -> date | None:
        """The date typed (None: empty or unreadable; ``check`` says which)."""
        return self.read()[0]

    def check(self) -> bool:
        """Whether the text reads as a date (or is an allowed empty); marks the field if not."""
        problem = self.read()[1]
        self._set_problem(problem)
        return not problem

    def problem(self) -> str:
        return self._problem

    def _set_problem(self, problem: str) -> None:
        if problem == self._problem:
            return
        self._problem = problem
        self.setStyleSheet(_INVALID if problem else "")
        self.problem_changed.emit(problem)

    # -- calendar -------------------------------------------------------------------------

    def pick_from_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setObjectName("dateFieldCalendar")
        calendar.setSelectedDate(qdate(self.date() or date.today()))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def chosen(day: QDate) -> None:
            self.set_date(pydate(day))
            menu.close()
            self.date_chosen.emit()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.exec(self.mapToGlobal(self.rect().bottomLeft()))

    # -- size -----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        """Wide enough for the longest date of the format, the calendar button and a margin."""
        hint = super().sizeHint()
        sample = date_example(date_edit_format(), date(2028, 12, 28)) + "00"
        text = max(
            self.fontMetrics().horizontalAdvance(sample),
            self.fontMetrics().horizontalAdvance(self.placeholderText() + "00"),
        )
        margins = self.textMargins()
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        inner = QSize(text + margins.left() + margins.right() + 28, hint.height())
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, inner, self)
        return QSize(max(hint.width(), size.width()), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class DateRow(QWidget):
    """A ``DateField`` with its refusal message under it, for forms and dialogs."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        row = QHBoxLayout()
        self.field = DateField(self, optional=optional)
        row.addWidget(self.field)
        row.addStretch(1)
        lay.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("dateMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {DANGER};")
        self.message.hide()
        lay.addWidget(self.message)
        self.field.problem_changed.connect(self._show)

    def _show(self, problem: str) -> None:
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
