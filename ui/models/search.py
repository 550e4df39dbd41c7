"""The history list: search results read lazily, one page at a time, as the view scrolls.

Each row is an ``app.persistence.search.Hit``; the view's delegate paints its snippet as plain
text with the highlight ranges, so nothing the user wrote is ever read as markup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.labels import entry_type_name, event_kind_name
from app.persistence import search
from app.persistence.diary import Diary
from app.persistence.search import Filters, Hit
from ui.models.look import locale_when

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 5
_NO_INDEX = QModelIndex()


class SearchResultModel(QAbstractListModel):
    """Hits of the current query and filters for one partnership."""

    PAGE = 100

    def __init__(self, diary: Diary) -> None:
        super().__init__()
        self._diary = diary
        self._partnership: int | None = None
        self._text = ""
        self._filters = Filters()
        self._hits: list[Hit] = []
        self._keys: list[search.Key] = []
        self._read = 0
        self._exhausted = True
        self._fetching = False

    def set_query(self, partnership: int | None, text: str, filters: Filters) -> None:
        self._partnership, self._text, self._filters = partnership, text, filters
        self.reload()

    def reload(self) -> None:
        """Run the query again: all keys at once, hits for the first page."""
        self.beginResetModel()
        self._hits = []
        self._read = 0
        self._keys = (
            search.search_keys(self._diary.db, self._partnership, self._text, self._filters)
            if self._partnership is not None
            else []
        )
        self._exhausted = not self._keys
        self.endResetModel()
        if not self._exhausted:
            self.fetchMore()

    @property
    def total(self) -> int:
        """How many results the query has in all (rows are read as the view scrolls)."""
        return len(self._keys)

    @property
    def text(self) -> str:
        return self._text

    def hit_at(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def canFetchMore(self, parent: Index = _NO_INDEX) -> bool:
        # Not while a page is being inserted: a view (or tester) asking again from a
        # rowsAboutToBeInserted handler would read the same page twice.
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = _NO_INDEX) -> None:
        if parent.isValid() or self._partnership is None or not self.canFetchMore():
            return
        # Keys read so far and rows shown can differ if a record vanished in between.
        page = self._keys[self._read : self._read + self.PAGE]
        self._read += len(page)
        self._exhausted = self._read >= len(self._keys)
        more = search.hits(self._diary.db, self._text, page)
        start = len(self._hits)
        if more:
            self._fetching = True
            try:
                self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
                self._hits.extend(more)
                self.endInsertRows()
            finally:
                self._fetching = False

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            kind = (
                entry_type_name(hit.entry_type)
                if hit.entry_type
                else event_kind_name(hit.event_kind)
            )
            return f"{locale_when(hit.when)} · {hit.event_title} · {kind}\n{hit.snippet.text}"
        if role == HIT_ROLE:
            return hit
        return None
