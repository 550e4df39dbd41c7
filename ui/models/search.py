"""The history list: search results read lazily, one page at a time, as the view scrolls.

Pages come from ``app.persistence.paging``: each costs the same however deep the view has
scrolled and however large the diary is; no query reads every key up front.

Each row is an ``app.persistence.search.Hit``; the view's delegate paints its snippet as plain
text with the highlight ranges, so nothing the user wrote is ever read as markup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.labels import entry_type_name, event_kind_name
from app.persistence import search
from app.persistence.diary import Diary
from app.persistence.read.authors import Stamp, author_names, record_authors
from app.persistence.search import Filters, Hit, Order, Pages
from ui.models.look import locale_when
from ui.widgets.author_filter import written_by

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 5
AUTHOR_ROLE = Qt.ItemDataRole.UserRole + 6  # "Anna · changed by Bert" ("" when unknown)
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
        self._pages: Pages | None = None
        self._fetching = False
        # Who wrote each entry hit (an event hit shows none), and the authors' names.
        self._stamps: dict[int, Stamp] = {}
        self._author_names: dict[str, str] = {}

    def set_query(self, partnership: int | None, text: str, filters: Filters) -> None:
        self._partnership, self._text, self._filters = partnership, text, filters
        self.reload()

    def reload(self) -> None:
        """Run the query again and read its first page."""
        self.beginResetModel()
        self._hits = []
        self._stamps = {}
        self._author_names = author_names(self._diary.db)
        self._pages = (
            Pages(self._diary.db, self._partnership, self._text, self._filters)
            if self._partnership is not None
            else None
        )
        self.endResetModel()
        self.fetchMore()

    @property
    def total(self) -> int | None:
        """How many results the query has in all; None when only ``more_than`` is known."""
        if self._pages is None:
            return 0
        if self._pages.total is None and self._pages.exhausted:
            return len(self._hits)
        return self._pages.total

    @property
    def more_than(self) -> int:
        """A lower bound of the results when ``total`` is None (counting stops there)."""
        return self._pages.more_than if self._pages is not None else 0

    @property
    def order(self) -> Order:
        return self._pages.order if self._pages is not None else Order.NEWEST

    @property
    def text(self) -> str:
        return self._text

    def author_of(self, hit: Hit) -> str:
        """Who wrote an entry hit and who changed it last ("" for an event, or unknown)."""
        if hit.entry_pk is None:
            return ""
        return written_by(self._stamps.get(hit.entry_pk), self._author_names)

    def hit_at(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def canFetchMore(self, parent: Index = _NO_INDEX) -> bool:
        # Not while a page is being inserted: a view (or tester) asking again from a
        # rowsAboutToBeInserted handler would read the same page twice.
        return (
            not parent.isValid()
            and self._pages is not None
            and not self._pages.exhausted
            and not self._fetching
        )

    def fetchMore(self, parent: Index = _NO_INDEX) -> None:
        if parent.isValid() or self._pages is None or not self.canFetchMore():
            return
        # Keys read and rows shown can differ if a record vanished in between.
        more = search.hits(self._diary.db, self._text, self._pages.next_page(self.PAGE))
        pks = [h.entry_pk for h in more if h.entry_pk is not None]
        self._stamps.update(record_authors(self._diary.db, "entries", pks))
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
            author = self.author_of(hit)
            by = f" · {author}" if author else ""
            return f"{locale_when(hit.when)} · {hit.event_title} · {kind}{by}\n{hit.snippet.text}"
        if role == HIT_ROLE:
            return hit
        if role == AUTHOR_ROLE:
            return self.author_of(hit)
        return None
