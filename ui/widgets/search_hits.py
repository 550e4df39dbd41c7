"""How the history's search results are painted: where each hit was written, its snippet with
the matched words highlighted (user text painted as plain text, so ``<b>`` shows as typed),
its visibility and, for an idea, what became of it (tooltip: the action, or the reason)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from app.domain.labels import entry_type_name, event_kind_name
from app.persistence.read.ideas import IdeaOutcome
from app.persistence.search import Hit
from ui.models.idea_look import Shown, fate_icon, fate_label, fate_tooltip, shown
from ui.models.look import entry_icon, event_icon, locale_when, visibility_icon, visibility_name
from ui.models.search import AUTHOR_ROLE, HIT_ROLE
from ui.style import ACCENT_LIGHT, MUTED

Index = QModelIndex | QPersistentModelIndex
HIGHLIGHT = "#FFE08A"


class HitDelegate(QStyledItemDelegate):
    """Two lines per hit: where it was written, then the snippet with matches highlighted."""

    PAD = 6

    def __init__(
        self, parent: QWidget, outcome_of: Callable[[int], IdeaOutcome | None] | None = None
    ) -> None:
        super().__init__(parent)
        # What became of an idea hit (an action made, parked, declined), by entry.
        self._outcome_of = outcome_of or (lambda _pk: None)

    def _fate(self, hit: Hit) -> tuple[Shown | None, IdeaOutcome | None]:
        outcome = self._outcome_of(hit.entry_pk) if hit.entry_pk is not None else None
        kind = shown(hit.entry_type, outcome) if hit.entry_pk is not None else None
        return kind, outcome

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        """The tooltip of an idea hit tells its fate: the action, or why it was set aside."""
        hit = index.data(HIT_ROLE)
        if event is not None and isinstance(hit, Hit):
            kind, outcome = self._fate(hit)
            if kind is not None:
                QToolTip.showText(event.globalPos(), fate_tooltip(hit.entry_type, outcome), view)
                return True
        return bool(super().helpEvent(event, view, option, index))

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
        kind, outcome = self._fate(hit)
        if kind is not None:
            fate = fate_label(hit.entry_type, outcome, short=True)
            width = int(min(QFontMetrics(bold).horizontalAdvance(fate) + 24, (right - x) / 2))
            fate_icon(kind).paint(painter, int(right - width), int(y), 16, 16)
            fate = metrics.elidedText(fate, Qt.TextElideMode.ElideRight, int(width - 20))
            painter.drawText(QRectF(right - width + 20, y, width, line), fate)
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
