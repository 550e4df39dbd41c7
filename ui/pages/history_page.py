"""The history page: the partnership's events on a timeline with the phase bands behind them,
and a filtered, searchable list of everything written.

Search goes through ``app.persistence.search`` (user text is never FTS syntax). Results are
painted by ``HitDelegate`` as plain text with the matched words highlighted, so an entry
containing ``<b>`` shows those characters. Opening a result asks the window to show the event
with the entry selected (``event_activated`` / ``entry_activated``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import EntryType, EventKind, Phase, Tension, Visibility
from app.domain.labels import entry_type_name, event_kind_name, phase_name, tension_name
from app.i18n import _, ngettext
from app.persistence.read import events, partnerships
from app.persistence.search import Filters, Hit, Order
from ui.context import AppContext
from ui.models.look import entry_icon, event_icon, locale_when, visibility_icon, visibility_name
from ui.models.search import AUTHOR_ROLE, HIT_ROLE, SearchResultModel
from ui.style import ACCENT_LIGHT, MUTED
from ui.widgets.author_filter import AuthorFilter
from ui.widgets.phase_timeline import PhaseTimeline, timeline_end
from ui.widgets.reports_given import ReportsGiven

Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 200
HIGHLIGHT = "#FFE08A"


class HitDelegate(QStyledItemDelegate):
    """Two lines per hit: where it was written, then the snippet with matches highlighted."""

    PAD = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(400, 3 * line + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, Hit):
            return
        rect = QRectF(option.rect)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, QColor(ACCENT_LIGHT) if selected else option.palette.base())
        painter.setPen(QColor("#E3E7EB"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.lineSpacing()
        x, y = rect.left() + self.PAD, rect.top() + self.PAD
        icon = entry_icon(hit.entry_type) if hit.entry_type else event_icon()
        icon.paint(painter, int(x), int(y), 16, 16)
        label = (
            entry_type_name(hit.entry_type) if hit.entry_type else event_kind_name(hit.event_kind)
        )
        head = f"{label} · {locale_when(hit.when)} · {hit.event_title}"
        author = index.data(AUTHOR_ROLE)
        if author:
            head += f" · {author}"
        painter.setPen(QColor(MUTED))
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        right = rect.right() - self.PAD
        if hit.visibility is not None:
            vis = visibility_name(hit.visibility)
            width = metrics.horizontalAdvance(vis) + 24
            visibility_icon(hit.visibility).paint(painter, int(right - width), int(y), 16, 16)
            painter.drawText(QRectF(right - width + 20, y, width, line), vis)
            right -= width + 8
        head = QFontMetrics(bold).elidedText(head, Qt.TextElideMode.ElideRight, int(right - x - 22))
        painter.drawText(QRectF(x + 22, y, right - x - 22, line), head)
        painter.setFont(font)
        painter.setPen(option.palette.text().color())
        self._paint_snippet(
            painter, hit, QRectF(x, y + line + 2, rect.width() - 2 * self.PAD, 2 * line), font
        )
        painter.restore()

    def _paint_snippet(self, painter: QPainter, hit: Hit, box: QRectF, font: QFont) -> None:
        layout = QTextLayout(hit.snippet.text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        ranges = []
        for start, end in hit.snippet.highlights:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(HIGHLIGHT))
            fmt.setFontWeight(QFont.Weight.Bold)
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, end - start, fmt
            ranges.append(r)
        layout.setFormats(ranges)
        layout.beginLayout()
        height = 0.0
        while True:
            text_line = layout.createLine()
            if not text_line.isValid():
                break
            text_line.setLineWidth(box.width())
            if height + text_line.height() > box.height() + 0.5:
                break
            text_line.setPosition(QPointF(0, height))
            height += text_line.height()
        layout.endLayout()
        layout.draw(painter, box.topLeft())


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

    def menu_actions(self) -> list[QAction]:
        return [self.find_act, self.open_act, self.minutes_act]

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
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setUniformItemSizes(True)
        # A count above the counting limit becomes exact once the last page is read.
        self.results.rowsInserted.connect(self._show_count)
        self.list.activated.connect(self._open)
        outer.addWidget(self.list, 1)

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
