"""The list of partnerships on the left of the main window: a thin model and its delegate.

Each row shows the name, the phase in force (a coloured dot and its name) and, when there are
warnings, a count badge. The count comes from a function the window passes in, so the list
knows nothing of how warnings are computed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.domain import Partnership, Phase
from app.domain.labels import phase_name
from app.i18n import _, ngettext
from ui.style import DANGER, MUTED, phase_color, plain_tooltip

PK_ROLE = Qt.ItemDataRole.UserRole + 1
PHASE_ROLE = Qt.ItemDataRole.UserRole + 2
WARNINGS_ROLE = Qt.ItemDataRole.UserRole + 3
ID_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PartnershipRow:
    pk: int
    id: str
    name: str
    phase: Phase | None
    warnings: int


class PartnershipListModel(QAbstractListModel):
    """Partnerships of the diary, one row each, in the order the repository gives them."""

    def __init__(self, warning_count: Callable[[int], int] | None = None) -> None:
        super().__init__()
        self._rows: list[PartnershipRow] = []
        self._warning_count = warning_count or (lambda pk: 0)

    def set_partnerships(self, partnerships: list[Partnership], today: date) -> None:
        self.beginResetModel()
        self._rows = [
            PartnershipRow(p.pk, p.id, p.name, p.phase_on(today), self._warning_count(p.pk))
            for p in partnerships
            if p.pk is not None
        ]
        self.endResetModel()

    def update_warnings(self) -> None:
        """Ask the badge numbers again and redraw the rows whose number changed."""
        for i, r in enumerate(self._rows):
            count = self._warning_count(r.pk)
            if count != r.warnings:
                self._rows[i] = dataclasses.replace(r, warnings=count)
                self.dataChanged.emit(self.index(i), self.index(i), [WARNINGS_ROLE])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return r.name
        if role == Qt.ItemDataRole.ToolTipRole:
            phase = phase_name(r.phase) if r.phase else _("not started")
            tip = r.name + "\n" + _("Phase: {phase}").format(phase=phase)
            if r.warnings:
                tip += "\n" + ngettext("{n} warning", "{n} warnings", r.warnings).format(
                    n=r.warnings
                )
            return plain_tooltip(tip)
        return {PK_ROLE: r.pk, PHASE_ROLE: r.phase, WARNINGS_ROLE: r.warnings, ID_ROLE: r.id}.get(
            role
        )

    def row_of(self, pk: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.pk == pk:
                return i
        return None

    def row_of_id(self, stable_id: str) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == stable_id:
                return i
        return None


class PartnershipDelegate(QStyledItemDelegate):
    """Two lines per partnership: the name in bold, the phase under it; a badge for warnings."""

    PADDING = 10

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(200, 2 * height + 2 * self.PADDING + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect
        if selected:
            painter.fillRect(rect, option.palette.highlight())
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, QColor("#EEF3F6"))
        fg = option.palette.highlightedText().color() if selected else option.palette.text().color()
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        inner = rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING)
        badge_width = self._paint_badge(painter, inner, index, option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(fg)
        name = QFontMetrics(bold).elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, inner.width() - badge_width
        )
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line), 0, name)
        self._paint_phase(painter, inner, line, index, option.font, selected, fg)
        painter.restore()

    def _paint_phase(
        self,
        painter: QPainter,
        inner: QRect,
        line: int,
        index: Index,
        font: QFont,
        selected: bool,
        fg: QColor,
    ) -> None:
        # Qt hands a StrEnum back as its plain string value.
        value = index.data(PHASE_ROLE)
        phase = Phase(value) if value in {p.value for p in Phase} else None
        top = inner.top() + line + 4
        painter.setFont(font)
        if phase is not None:
            painter.setPen(QColor("#FFFFFF") if selected else Qt.PenStyle.NoPen)
            painter.setBrush(phase_color(phase))
            dot = line // 2
            painter.drawEllipse(QRect(inner.left(), top + (line - dot) // 2, dot, dot))
            text = phase_name(phase)
            left = inner.left() + dot + 6
        else:
            text, left = _("not started"), inner.left()
        painter.setPen(fg if selected else QColor(MUTED))
        painter.drawText(QRect(left, top, inner.right() - left, line), 0, text)

    def _paint_badge(self, painter: QPainter, inner: QRect, index: Index, font: QFont) -> int:
        count = index.data(WARNINGS_ROLE)
        if not count:
            return 0
        text = str(count)
        metrics = QFontMetrics(font)
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + 12)
        badge = QRect(inner.right() - width, inner.top(), width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(DANGER))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor("#FFFFFF"))
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        return width + 6
