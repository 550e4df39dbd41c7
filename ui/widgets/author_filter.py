"""Who wrote what, in the lists: the author filter combo and the words that name authors.

``AuthorFilter`` offers "Any author" and every facilitator who wrote in the diary (its authors
table: you, and the colleagues whose work came in with their files); a record passes when the chosen author created it or changed it last
(``passes``). ``written_by`` says it in a tooltip: "Anna · changed by Bert".
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget
from sqlite_utils import Database

from app.i18n import _
from app.persistence.read.authors import Stamp, list_authors


class AuthorFilter(QComboBox):
    """A combo box of the partnership's authors, "Any author" first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterAuthor")
        self.setToolTip(_("Show only what this facilitator wrote or changed last"))
        self.addItem(_("Any author"), None)

    def fill(self, db: Database, partnership_pk: int | None) -> None:
        """List the diary's authors (a handful: read at once, whatever the diary's size),
        keeping the one chosen when still there."""
        chosen = self.chosen()
        self.blockSignals(True)
        self.clear()
        self.addItem(_("Any author"), None)
        if partnership_pk is not None:
            for author in sorted(list_authors(db), key=lambda a: (a.label.lower(), a.id)):
                self.addItem(author.label, author.id)
        index = self.findData(chosen) if chosen is not None else 0
        self.setCurrentIndex(max(0, index))
        self.blockSignals(False)
        if chosen is not None and index < 0:
            self.currentIndexChanged.emit(0)  # the chosen author is gone: show everything

    def chosen(self) -> str | None:
        value = self.currentData()
        return str(value) if value is not None else None


def passes(author: str | None, stamp: Stamp | None) -> bool:
    """Whether a record with ``stamp`` passes the filter for ``author`` (None: anyone)."""
    return author is None or (stamp is not None and author in stamp)


def written_by(stamp: Stamp | None, names: dict[str, str]) -> str:
    """The author of a record and who changed it last, for a column or a tooltip."""
    if stamp is None or stamp[0] is None:
        return ""
    created = names.get(stamp[0], stamp[0])
    if stamp[1] is None or stamp[1] == stamp[0]:
        return created
    changed = names.get(stamp[1], stamp[1])
    return _("{author} · changed by {editor}").format(author=created, editor=changed)
