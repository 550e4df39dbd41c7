"""The overview's list of decisions due for review (up to two weeks ahead of the day shown).

A decision recorded with a review date comes back here when that date nears; the next meeting
proposes it as an agenda item too. Double-clicking one opens its event with it selected.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.domain.labels import decision_status_name
from app.i18n import _, ngettext
from app.persistence.read import changes as tbl
from app.persistence.read import entries
from app.persistence.read.changes import ChangeSet
from app.services.agenda import review_horizon
from ui.context import AppContext
from ui.models.look import locale_date
from ui.style import DANGER
from ui.widgets.card import Card, plain_label

EVENT_ROLE = Qt.ItemDataRole.UserRole
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class DecisionsDuePanel(Card):
    """Decisions whose review date is past or within the next two weeks."""

    entry_activated = Signal(int, int)  # event key, entry key

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Decisions to review"), parent)
        self.context = context
        self.pk: int | None = None
        self.as_of: date | None = None
        self.list = QListWidget()
        self.list.setObjectName("decisionsDueList")
        self.list.setToolTip(_("Double-click a decision to open it"))
        self.list.itemActivated.connect(self._activated)
        self.none = plain_label(_("No decision is due for review."), "muted")
        self.body.addWidget(self.list)
        self.body.addWidget(self.none)

    def show_partnership(self, pk: int | None) -> None:
        self.pk = pk
        self.refresh()

    def set_as_of(self, day: date | None) -> None:
        self.as_of = day
        self.refresh()

    def affected_by(self, changes: ChangeSet) -> bool:
        """Lines captured in a meeting do not concern it: a new entry has no review date (a
        decision gets one through its record, an edit that names the entry). Edits, deletions,
        decision records and event changes do."""
        if not changes.touches((tbl.ENTRIES, tbl.EVENTS), self.pk):
            return False
        tables = changes.tables
        return tables is None or tbl.EVENTS in tables or bool(changes.records)

    def refresh(self) -> None:
        self.list.clear()
        day = self.as_of or date.today()
        found = (
            entries.decisions_for_review(self.context.diary.db, self.pk, review_horizon(day))
            if self.pk is not None
            else []
        )
        for e in found:
            record = e.decision
            if record is None or record.review_on is None:
                continue
            late = record.review_on < day
            when = (_("review was due {day}") if late else _("review on {day}")).format(
                day=locale_date(record.review_on)
            )
            line = f"{e.text}  —  {decision_status_name(record.status)}, {when}"
            item = QListWidgetItem(" ".join(line.split()))
            item.setData(EVENT_ROLE, e.event)
            item.setData(ENTRY_ROLE, e.pk)
            item.setToolTip(e.text)
            if late:
                item.setForeground(QColor(DANGER))
            self.list.addItem(item)
        count = self.list.count()
        self.title_label.setText(
            ngettext("Decisions to review ({n})", "Decisions to review ({n})", count).format(
                n=count
            )
            if count
            else _("Decisions to review")
        )
        self.list.setVisible(count > 0)
        self.none.setVisible(count == 0)
        rows = min(max(count, 1), 6)
        self.list.setFixedHeight(rows * (self.list.fontMetrics().height() + 8) + 6)

    def _activated(self, item: QListWidgetItem) -> None:
        event, entry = item.data(EVENT_ROLE), item.data(ENTRY_ROLE)
        if isinstance(event, int) and isinstance(entry, int):
            self.entry_activated.emit(event, entry)
