"""Partner view's diary: events with their shared entries, a search, and live capture.

New entries default to shared. A private one can still be written (the "Private" toggle,
Ctrl+Shift+K): it is stored as private and shown here only as a neutral placeholder line, the
same for every type, which tells the room neither its text nor its type. Only entries written
in this partner view session get a placeholder: the view never learns of other private entries.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.dates import sentence_date
from app.domain import EntryType, ValidationError
from app.domain.labels import entry_type_name, event_kind_name
from app.i18n import _
from app.persistence.errors import DiaryError
from ui.partner.source import PartnerEvent, PartnerSource

PLACEHOLDER = "· · ·"  # a captured private entry: the same line whatever it says or is
EVENT_ROLE = Qt.ItemDataRole.UserRole


class PartnerDiary(QWidget):
    def __init__(self, source: PartnerSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerDiary")
        self.source = source
        self._events: list[PartnerEvent] = []
        self._placeholders: dict[int, int] = {}  # event pk -> private entries written here
        self.search = QLineEdit()
        self.search.setObjectName("partnerSearch")
        self.search.setPlaceholderText(_("Search shared entries…"))
        self.search.textChanged.connect(self._search)
        self.results = QListWidget()
        self.results.setObjectName("partnerSearchResults")
        self.results.hide()
        self.events = QListWidget()
        self.events.setObjectName("partnerEvents")
        self.events.currentRowChanged.connect(self._show_entries)
        self.entries = QListWidget()
        self.entries.setObjectName("partnerEntries")
        self.entries.setWordWrap(True)
        split = QSplitter()
        split.addWidget(self.events)
        split.addWidget(self.entries)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(split, 1)
        layout.addLayout(self._capture_row())
        self.message = QLabel()
        self.message.setObjectName("partnerCaptureMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)

    def _capture_row(self) -> QHBoxLayout:
        self.kind = QComboBox()
        self.kind.setObjectName("partnerCaptureType")
        for kind in EntryType:
            self.kind.addItem(entry_type_name(kind), kind)
        self.line = QLineEdit()
        self.line.setObjectName("partnerCaptureLine")
        self.line.setPlaceholderText(_("Write an entry for the selected event and press Enter"))
        self.line.returnPressed.connect(self.capture)
        self.private = QCheckBox(_("Private"))
        self.private.setObjectName("partnerCapturePrivate")
        self.private.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.private.setToolTip(_("Keep this entry to yourself (Ctrl+Shift+K)"))
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.line, 1)
        row.addWidget(self.private)
        return row

    def refresh(self) -> None:
        current = self.current_event()
        self._events = self.source.events()
        self.events.blockSignals(True)
        self.events.clear()
        lang = self.source.language
        for ev in self._events:
            label = f"{sentence_date(ev.day, lang)}  {ev.title} ({event_kind_name(ev.kind)})"
            item = QListWidgetItem(label)
            item.setData(EVENT_ROLE, ev.pk)
            self.events.addItem(item)
        self.events.blockSignals(False)
        pks = [ev.pk for ev in self._events]
        if pks:
            row = pks.index(current) if current in pks else len(pks) - 1
            self.events.setCurrentRow(row)
        self._show_entries(self.events.currentRow())
        self._search(self.search.text())

    def current_event(self) -> int | None:
        item = self.events.currentItem()
        pk = item.data(EVENT_ROLE) if item is not None else None
        return pk if isinstance(pk, int) else None

    def _show_entries(self, row: int) -> None:
        self.entries.clear()
        if not 0 <= row < len(self._events):
            return
        ev = self._events[row]
        for entry in ev.entries:
            self.entries.addItem(f"{entry_type_name(entry.type)}: {entry.text}")
        for _n in range(self._placeholders.get(ev.pk, 0)):
            self.entries.addItem(PLACEHOLDER)

    def _search(self, text: str) -> None:
        self.results.clear()
        found = self.source.search(text)
        lang = self.source.language
        for ev, entry in found:
            self.results.addItem(f"{sentence_date(ev.day, lang)}  {ev.title}: {entry.text}")
        self.results.setVisible(bool(text.strip()))

    def capture(self) -> None:
        """Store the typed line in the selected event: shared unless "Private" is on."""
        event = self.current_event()
        text = self.line.text().strip()
        if event is None:
            self.message.setText(_("Choose an event first."))
            return
        private = self.private.isChecked()
        try:
            kind = EntryType(self.kind.currentData())
            self.source.capture(event, kind, text, private=private)
        except (ValidationError, DiaryError) as exc:
            self.message.setText(str(exc))  # bad input or a full disk: said, nothing stored
            return
        self.line.clear()
        self.private.setChecked(False)  # the next entry is shared again
        self.message.clear()
        if private:
            self._placeholders[event] = self._placeholders.get(event, 0) + 1
            self._show_entries(self.events.currentRow())
