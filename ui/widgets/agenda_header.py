"""The small header of live capture that follows the agenda: the current item and its time left.

The facilitator moves to the next item with Alt+Right (and back with Alt+Left); the time of an
item runs from the moment it became current. Entries written are linked to the current item.
The current item of each event is remembered while the window is open, so leaving an event and
coming back keeps the place in its agenda. Hidden when the event has no agenda.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from app.domain.model import AgendaItem
from app.i18n import _
from ui.style import DANGER


class AgendaHeader(QFrame):
    """Shows one event's current agenda item; ``moved`` after the item changes."""

    moved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._event: int | None = None
        self._items: list[AgendaItem] = []
        self._current: dict[int, int] = {}  # event key → index of its current item
        self._running = True  # the event is today: its items' time runs
        self._elapsed = QElapsedTimer()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(_("Previous agenda item (Alt+Left)"))
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(_("Next agenda item (Alt+Right)"))
        self.next_button.clicked.connect(self.next)
        self.item_label = QLabel()
        self.item_label.setObjectName("agendaCurrent")
        self.item_label.setTextFormat(Qt.TextFormat.PlainText)
        self.item_label.setWordWrap(True)
        font = self.item_label.font()
        font.setBold(True)
        self.item_label.setFont(font)
        self.time_label = QLabel()
        self.time_label.setObjectName("agendaTimeLeft")
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.previous_button)
        lay.addWidget(self.item_label, 1)
        lay.addWidget(self.time_label)
        lay.addWidget(self.next_button)
        self.setVisible(False)

    def set_event(self, event: int | None, items: list[AgendaItem], running: bool) -> None:
        changed = event != self._event
        self._event, self._items, self._running = event, items, running
        if changed:
            self._elapsed.start()
        if event is not None and self._current.get(event, 0) >= len(items):
            self._current[event] = max(0, len(items) - 1)
        self.setVisible(bool(items))
        self.tick()

    def index(self) -> int:
        return self._current.get(self._event, 0) if self._event is not None else 0

    def current(self) -> AgendaItem | None:
        return self._items[self.index()] if self._items else None

    def current_pk(self) -> int | None:
        item = self.current()
        return item.pk if item is not None else None

    def next(self) -> None:
        self._go(1)

    def previous(self) -> None:
        self._go(-1)

    def _go(self, step: int) -> None:
        if self._event is None or not self._items:
            return
        target = self.index() + step
        if not 0 <= target < len(self._items):
            return
        self._current[self._event] = target
        self._elapsed.start()
        self.tick()
        self.moved.emit()

    def tick(self) -> None:
        item = self.current()
        if item is None:
            return
        self.item_label.setText(
            _("{n}/{total} · {title}").format(
                n=self.index() + 1, total=len(self._items), title=item.title
            )
        )
        self.item_label.setToolTip(item.purpose or "")
        self.previous_button.setEnabled(self.index() > 0)
        self.next_button.setEnabled(self.index() < len(self._items) - 1)
        if not self._running:  # written up another day: the planned minutes only
            self.time_label.setText(_("{n} min").format(n=item.minutes))
            self.time_label.setStyleSheet("")
            return
        left = item.minutes * 60 - self._elapsed.elapsed() // 1000
        minutes = (abs(left) + 59) // 60
        if left >= 0:
            self.time_label.setText(_("{n} min left").format(n=minutes))
            self.time_label.setStyleSheet("")
        else:
            self.time_label.setText(_("{n} min over").format(n=minutes))
            self.time_label.setStyleSheet(f"color: {DANGER}; font-weight: 600;")
