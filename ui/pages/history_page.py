"""The history page: the partnership's events on a timeline with the phase bands behind them,
and a filtered, searchable list of everything written.

Search goes through ``app.persistence.search`` (user text is never FTS syntax). Results are
painted by ``ui.widgets.search_hits.HitDelegate`` as plain text with the matched words
highlighted, so an entry
containing ``<b>`` shows those characters. Opening a result asks the window to show the event
with the entry selected (``event_activated`` / ``entry_activated``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from app.domain import Entry, EntryType, EventKind, Phase, Tension, Visibility
from app.domain.labels import entry_type_name, event_kind_name, phase_name, tension_name
from app.i18n import _, ngettext
from app.persistence.read import entries, events, partnerships
from app.persistence.read.ideas import IdeaOutcome, idea_outcomes
from app.persistence.search import Filters, Order
from app.services.editing import Editor
from ui.context import AppContext
from ui.models.look import visibility_name
from ui.models.search import SearchResultModel
from ui.widgets.author_filter import AuthorFilter
from ui.widgets.idea_commands import IdeaCommands
from ui.widgets.phase_timeline import PhaseTimeline, timeline_end
from ui.widgets.reports_given import ReportsGiven
from ui.widgets.search_hits import HitDelegate

Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 200


class HistoryPage(QWidget):
    """Timeline, filters, search box and results of one partnership."""

    event_activated = Signal(int)
    entry_activated = Signal(int, int)  # event, entry

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("historyPage")
        self.title = _("History")
        self.context = context
        self._partnership: int | None = None
        self.results = SearchResultModel(context.diary)
        self.editor = Editor(context.diary, context.undo)
        self._outcomes: dict[int, IdeaOutcome] = {}
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.run_search)
        self._build()
        find = QAction(_("Search the history"), self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self._focus_search)
        self.addAction(find)
        self.find_act = find
        self.open_act = QAction(_("Open in the diary"), self)
        self.open_act.setShortcut(QKeySequence("Return"))
        self.open_act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_act.triggered.connect(lambda _c=False: self._open(self.list.currentIndex()))
        self.list.addAction(self.open_act)
        self.minutes_act = QAction(_("Minutes of this event…"), self)
        self.minutes_act.triggered.connect(lambda _c=False: self.make_minutes())
        self.list.addAction(self.minutes_act)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.addAction(find)
        # An idea found here can be made into an action, parked, declined or reopened.
        self.ideas = IdeaCommands(self.editor, self, self)
        self.ideas.message.connect(self.status.setText)
        self.list.addActions(self.ideas.actions())
        self.list.selectionModel().currentChanged.connect(lambda *_: self.ideas.update())
        self.results.modelReset.connect(self._read_outcomes)
        self.results.rowsInserted.connect(lambda *_: self._read_outcomes())

    def menu_actions(self) -> list[QAction]:
        return [self.find_act, self.open_act, self.minutes_act, *self.ideas.actions()]

    def make_minutes(self) -> None:
        """The minutes of the event of the selected result (the minutes dialog)."""
        hit = self.results.hit_at(self.list.currentIndex().row())
        if hit is None or self._partnership is None:
            return
        from ui.dialogs.minutes_dialog import MinutesDialog

        dialog = MinutesDialog(
            self.context.diary, self._partnership, hit.event_pk, self.context.settings, self
        )
        dialog.exec()

    # -- the view protocol of IdeaCommands ------------------------------------------------

    def selected_entry(self) -> Entry | None:
        hit = self.results.hit_at(self.list.currentIndex().row())
        if hit is None or hit.entry_pk is None:
            return None
        return entries.get_entry(self.context.diary.db, hit.entry_pk)

    def partnership(self) -> int | None:
        return self._partnership

    def outcome_of(self, pk: int) -> IdeaOutcome | None:
        return self._outcomes.get(pk)

    def entry_changed(self, pk: int) -> None:
        self._read_outcomes()
        self.ideas.update()

    def _read_outcomes(self) -> None:
        hits = (self.results.hit_at(row) for row in range(self.results.rowCount()))
        pks = [h.entry_pk for h in hits if h is not None and h.entry_pk is not None]
        self._outcomes = idea_outcomes(self.context.diary.db, pks) if pks else {}
        self.list.viewport().update()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        heading = QLabel(_("History"))
        heading.setObjectName("pageTitle")
        outer.addWidget(heading)
        self.timeline = PhaseTimeline()
        outer.addWidget(self.timeline)
        self.reports_given = ReportsGiven(self.context.diary, compact=True)
        self.reports_given.setObjectName("historyReportsGiven")
        self.reports_given.heading.setText(_("Feedback reports given to the partners:"))
        outer.addWidget(self.reports_given)
        self.search = QLineEdit()
        self.search.setObjectName("historySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Search entries, titles and purposes (Ctrl+F)"))
        self.search.textChanged.connect(lambda: self._delay.start())
        self.search.returnPressed.connect(self.run_search)
        outer.addWidget(self.search)
        outer.addLayout(self._filters())
        self.count = QLabel()
        self.count.setObjectName("muted")
        outer.addWidget(self.count)
        self.list = QListView()
        self.list.setObjectName("historyResults")
        self.list.setModel(self.results)
        self.list.setItemDelegate(HitDelegate(self.list, self.outcome_of))
        self.list.setUniformItemSizes(True)
        # A count above the counting limit becomes exact once the last page is read.
        self.results.rowsInserted.connect(self._show_count)
        self.list.activated.connect(self._open)
        outer.addWidget(self.list, 1)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        outer.addWidget(self.status)

    def _combo(self, name: str, anything: str, items: list[tuple[str, Any]]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(anything, None)
        for text, value in items:
            box.addItem(text, value)
        box.currentIndexChanged.connect(self.run_search)
        return box

    def _filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.kind = self._combo(
            "filterKind", _("Any kind"), [(event_kind_name(k), k) for k in EventKind]
        )
        self.phase = self._combo(
            "filterPhase", _("Any phase"), [(phase_name(p), p) for p in Phase.working()]
        )
        self.organization = self._combo("filterOrganization", _("Any organization"), [])
        self.person = self._combo("filterPerson", _("Anyone"), [])
        self.entry_type = self._combo(
            "filterType", _("Any type"), [(entry_type_name(t), t) for t in EntryType]
        )
        self.tension = self._combo(
            "filterTension", _("Any tension"), [(tension_name(t), t) for t in Tension]
        )
        self.visibility = self._combo(
            "filterVisibility",
            _("Shared and private"),
            [(visibility_name(v), v) for v in Visibility],
        )
        self.author = AuthorFilter()
        self.author.currentIndexChanged.connect(self.run_search)
        boxes = [
            self.kind,
            self.phase,
            self.organization,
            self.person,
            self.entry_type,
            self.tension,
            self.visibility,
            self.author,
        ]
        # Two rows: eight filters side by side would not fit a 1366-pixel window in Finnish.
        for i, box in enumerate(boxes):
            grid.addWidget(box, i // 4, i % 4)
        return grid

    # -- page protocol --------------------------------------------------------------------

    def show_partnership(self, pk: int | None) -> None:
        self._partnership = pk
        db = self.context.diary.db
        for box, items in (
            (self.organization, partnerships.list_organizations(db, pk) if pk else []),
            (self.person, partnerships.list_people(db, pk) if pk else []),
        ):
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for item in items:
                box.addItem(item.name, item.pk)
            box.blockSignals(False)
        self.author.fill(db, pk)
        self.refresh()

    def refresh(self) -> None:
        self.author.fill(self.context.diary.db, self._partnership)
        self._show_timeline()
        self.reports_given.show_partnership(self._partnership)
        self.run_search()

    def _show_timeline(self) -> None:
        db, pk = self.context.diary.db, self._partnership
        p = partnerships.get_partnership(db, pk) if pk is not None else None
        if p is None or pk is None:
            self.timeline.clear()
            return
        days = events.event_days(db, pk)
        today = date.today()
        end = timeline_end(today)
        self.timeline.set_history(p.phases, p.started_on, end, today=today, markers=days)

    def filters(self) -> Filters:
        return Filters(
            kind=self.kind.currentData(),
            phase=self.phase.currentData(),
            organization=self.organization.currentData(),
            person=self.person.currentData(),
            entry_type=self.entry_type.currentData(),
            tension=self.tension.currentData(),
            visibility=self.visibility.currentData(),
            author=self.author.chosen(),
        )

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> None:
        self._delay.stop()
        self.results.set_query(self._partnership, self.search.text(), self.filters())
        self._show_count()

    def _show_count(self) -> None:
        """How many results and in which order: the order depends on how common the words are."""
        total, order = self.results.total, self.results.order
        if total is None:  # counting stopped at the limit
            n = self.results.more_than
            if order is Order.NEWEST:
                self.count.setText(_("More than {n} entries, newest first").format(n=n))
            else:
                text = _("More than {n} results, most recently written first")
                self.count.setText(text.format(n=n))
            return
        if order is Order.NEWEST:
            text = ngettext("{n} entry, newest first", "{n} entries, newest first", total)
        elif order is Order.BEST:
            text = ngettext("{n} result, best match first", "{n} results, best match first", total)
        else:
            text = ngettext(
                "{n} result, most recently written first",
                "{n} results, most recently written first",
                total,
            )
        self.count.setText(text.format(n=total))

    def _open(self, index: QModelIndex) -> None:
        hit = self.results.hit_at(index.row())
        if hit is None:
            return
        # One signal per result: an entry opens its event with the entry selected.
        if hit.entry_pk is not None:
            self.entry_activated.emit(hit.event_pk, hit.entry_pk)
        else:
            self.event_activated.emit(hit.event_pk)
