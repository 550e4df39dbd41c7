"""Table models of the diary page: a partnership's events and one event's entries.

Thin adapters over the repositories. The entry model is lazy (``canFetchMore``/``fetchMore``
read one page at a time), so an event with thousands of entries opens at once. Entry text is
edited in place through the ``Editor`` so the change is undoable; user text is returned as
plain data and shown by views as plain text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain import Entry, Event, ValidationError
from app.domain.labels import (
    decision_status_name,
    entry_type_name,
    event_kind_name,
    phase_name,
    tension_name,
)
from app.i18n import _
from app.persistence.read import entries, events
from app.persistence.read.authors import Stamp, author_names, record_authors
from app.persistence.read.ideas import IdeaOutcome, idea_outcomes
from app.services.editing import ACTIONABLE, Editor
from ui.models.idea_look import fate_icon, fate_label, fate_tooltip, shown
from ui.models.look import (
    entry_icon,
    locale_when,
    visibility_color,
    visibility_icon,
    visibility_name,
)
from ui.widgets.author_filter import written_by

Index = QModelIndex | QPersistentModelIndex
PK_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
FATE_ROLE = Qt.ItemDataRole.UserRole + 3
_NO_INDEX = QModelIndex()


class EventTableModel(QAbstractTableModel):
    """A partnership's events, newest first."""

    DATE, KIND, TITLE, PHASE = range(4)

    def __init__(self, editor: Editor) -> None:
        super().__init__()
        self._editor = editor
        self._partnership: int | None = None
        self._events: list[Event] = []

    def set_partnership(self, pk: int | None) -> None:
        self._partnership = pk
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        found = (
            events.list_events(self._editor.db, self._partnership)
            if self._partnership is not None
            else []
        )
        self._events = list(reversed(found))
        self.endResetModel()

    def row_of(self, pk: int) -> int:
        return next((i for i, e in enumerate(self._events) if e.pk == pk), -1)

    def event_at(self, row: int) -> Event | None:
        return self._events[row] if 0 <= row < len(self._events) else None

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [_("Date"), _("Kind"), _("Title"), _("Phase")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        e = self._events[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            phase = phase_name(e.phase) if e.phase else ""
            return " · ".join(x for x in (event_kind_name(e.kind), phase, e.title) if x)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DATE:
                return locale_when(e.when)
            if col == self.KIND:
                return event_kind_name(e.kind)
            if col == self.TITLE:
                return e.title
            if col == self.PHASE:
                return phase_name(e.phase) if e.phase else ""
        if role == PK_ROLE:
            return e.pk
        return None


class EntryTableModel(QAbstractTableModel):
    """The entries of one event, read a page at a time; text and type editable in place."""

    TYPE, TEXT, VISIBILITY, TENSIONS, AGENDA, AUTHOR, FATE = range(7)
    PAGE = 200

    def __init__(self, editor: Editor) -> None:
        super().__init__()
        self._editor = editor
        self._event: int | None = None
        self._entries: list[Entry] = []
        self._agenda: dict[int, str] = {}  # agenda item key → its title
        # Only the entries this author wrote or changed last (None: everyone's).
        self.author: str | None = None
        self._stamps: dict[int, Stamp] = {}
        self._author_names: dict[str, str] = {}
        # What became of the ideas shown (an action made, parked, declined), by entry.
        self._outcomes: dict[int, IdeaOutcome] = {}
        self._exhausted = True
        self._fetching = False

    def set_event(self, pk: int | None) -> None:
        self._event = pk
        self.reload()

    def set_author(self, author: str | None) -> None:
        self.author = author
        self.reload()

    def _stamp(self, page: list[Entry]) -> None:
        pks = [e.pk for e in page if e.pk is not None]
        self._stamps.update(record_authors(self._editor.db, "entries", pks))

    def reload(self) -> None:
        """Read again, keeping at least as many rows as were shown."""
        keep = max(len(self._entries), self.PAGE)
        self.beginResetModel()
        self._entries = []
        self._stamps = {}
        self._author_names = author_names(self._editor.db)
        self._exhausted = self._event is None
        self._agenda = {}
        if self._event is not None:
            agenda = events.list_agenda(self._editor.db, self._event)
            self._agenda = {a.pk: a.title for a in agenda if a.pk is not None}
            self._entries = entries.list_entries(
                self._editor.db, self._event, limit=keep, author=self.author
            )
            self._exhausted = len(self._entries) < keep
            self._stamp(self._entries)
        self._outcomes = self._read_outcomes(self._entries)
        self.endResetModel()

    def _read_outcomes(self, found: list[Entry]) -> dict[int, IdeaOutcome]:
        pks = [e.pk for e in found if e.pk is not None and e.type in ACTIONABLE]
        return idea_outcomes(self._editor.db, pks) if pks else {}

    def outcome_of(self, pk: int) -> IdeaOutcome | None:
        return self._outcomes.get(pk)

    def canFetchMore(self, parent: Index = _NO_INDEX) -> bool:
        # Not while a page is being inserted: a view (or tester) asking again from a
        # rowsAboutToBeInserted handler would read the same page twice.
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = _NO_INDEX) -> None:
        if parent.isValid() or self._event is None or not self.canFetchMore():
            return
        more = entries.list_entries(
            self._editor.db,
            self._event,
            limit=self.PAGE,
            offset=len(self._entries),
            author=self.author,
        )
        self._exhausted = len(more) < self.PAGE
        self._stamp(more)
        if more:
            start = len(self._entries)
            self._fetching = True
            try:
                self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
                self._entries.extend(more)
                self._outcomes.update(self._read_outcomes(more))
                self.endInsertRows()
            finally:
                self._fetching = False

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    def row_of(self, pk: int) -> int:
        self.fetch_all()
        return next((i for i, e in enumerate(self._entries) if e.pk == pk), -1)

    def entry_at(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def agenda_title(self, row: int) -> str:
        """The title of the agenda item the entry was written under ("" for none)."""
        e = self.entry_at(row)
        return self._agenda.get(e.agenda_item, "") if e and e.agenda_item is not None else ""

    def _group_title(self, row: int) -> str:
        """The agenda item's title on the first entry of each run written under it: the list
        reads as grouped by agenda item."""
        title = self.agenda_title(row)
        e, before = self.entry_at(row), self.entry_at(row - 1)
        same = before is not None and e is not None and before.agenda_item == e.agenda_item
        return "" if same else title

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = [
                _("Type"),
                _("Entry"),
                _("Visibility"),
                _("Tensions"),
                _("Agenda item"),
                _("Written by"),
                _("What became of it"),
            ]
            return names[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.TEXT:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        col = index.column()
        vis = e.visibility or e.type.default_visibility
        if col == self.FATE:
            return self._fate_data(e, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            kind = entry_type_name(e.type)
            if e.decision is not None:  # where the decision stands, at a glance (with its icon)
                status = decision_status_name(e.decision.status)
                tip = role == Qt.ItemDataRole.ToolTipRole
                kind = f"{kind} · {status}" if tip else status
            agenda = (
                self._group_title(index.row())
                if role == Qt.ItemDataRole.DisplayRole
                else self.agenda_title(index.row())
            )
            return [
                kind,
                e.text,
                visibility_name(vis),
                ", ".join(tension_name(t) for t in e.tensions),
                agenda,
                written_by(self._stamps.get(e.pk or 0), self._author_names),
            ][col]
        if role == Qt.ItemDataRole.EditRole and col == self.TEXT:
            return e.text
        if role == Qt.ItemDataRole.DecorationRole:
            if col == self.TYPE:
                return entry_icon(e.type)
            if col == self.VISIBILITY:
                return visibility_icon(vis)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.VISIBILITY:
            return visibility_color(vis)
        if role == PK_ROLE:
            return e.pk
        if role == RECORD_ROLE:
            return e
        return None

    def _fate_data(self, e: Entry, role: int) -> Any:
        outcome = self._outcomes.get(e.pk) if e.pk is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return fate_label(e.type, outcome)
        if role == Qt.ItemDataRole.ToolTipRole:
            return fate_tooltip(e.type, outcome) or None
        if role == Qt.ItemDataRole.DecorationRole:
            kind = shown(e.type, outcome)
            return fate_icon(kind) if kind is not None else None
        if role == FATE_ROLE:
            return shown(e.type, outcome)
        if role == PK_ROLE:
            return e.pk
        if role == RECORD_ROLE:
            return e
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.TEXT or role != Qt.ItemDataRole.EditRole:
            return False
        e = self._entries[index.row()]
        text = str(value)
        if text == e.text:
            return False
        old = e.text
        e.text = text
        try:
            self._editor.edit_entry(e)
        except ValidationError:
            e.text = old
            return False
        self.dataChanged.emit(index, index)
        return True
