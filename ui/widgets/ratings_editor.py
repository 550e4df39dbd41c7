"""A compact, keyboard-first grid for the facilitator's ratings at an event.

Rows are the partnership's organizations, columns the six dimensions. Type 1–5 in a cell to
rate (the cursor moves on to the next cell), Delete, Backspace or 0 to clear; arrow keys and Tab
move. Each change is saved at once through the diary, one transaction and one undo step.
Questionnaire events hold respondents' answers instead, so the grid is read-only there.

API: ``RatingsEditor(diary, undo=None)``, ``set_event(event_pk | None)``, ``refresh()``;
signal ``rating_saved()`` after every stored change, ``problem(str)`` on a refused one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import Dimension, EventKind, Organization, Role
from app.i18n import _
from app.persistence import events as event_repo
from app.persistence import partnerships as partnership_repo
from app.persistence.errors import DiaryError
from app.scores.ratings import facilitator_ratings, set_facilitator_rating
from app.series import dimension_label
from app.services.diary import Diary
from app.services.undo import UndoStack

CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0, Qt.Key.Key_Space)


def short_dimension(dimension: Dimension) -> str:
    return {
        Dimension.COMMITMENT: _("Commitment"),
        Dimension.PARTNER_COMMITMENT: _("Partner"),
        Dimension.EQUITY: _("Equity"),
        Dimension.EFFICIENCY: _("Efficiency"),
        Dimension.CLARITY: _("Clarity"),
        Dimension.ACTION_CONFIDENCE: _("Idea→action"),
    }[dimension]


def scale_hint(dimension: Dimension) -> str:
    """What 1 and 5 mean on a dimension (the header's tooltip)."""
    return {
        Dimension.COMMITMENT: _("1 = not committed at all … 5 = fully committed"),
        Dimension.PARTNER_COMMITMENT: _(
            "How committed the other side seems: 1 = not at all … 5 = fully"
        ),
        Dimension.EQUITY: _("1 = very unfair for this side … 5 = fair: gets what it puts in"),
        Dimension.EFFICIENCY: _("1 = no results for the effort … 5 = clear results for the effort"),
        Dimension.CLARITY: _("1 = objectives and roles unclear … 5 = fully clear"),
        Dimension.ACTION_CONFIDENCE: _("1 = ideas go nowhere … 5 = ideas reliably become actions"),
    }[dimension]


class RatingsEditor(QWidget):
    """The facilitator's ratings of one event."""

    rating_saved = Signal()
    problem = Signal(str)

    def __init__(
        self, diary: Diary, undo: UndoStack | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ratingsEditor")
        self._diary, self._undo = diary, undo
        self._event_pk: int | None = None
        self._orgs: list[Organization] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(
            _("Type 1–5 (1 = not at all, 5 = fully); Delete clears. Hover a column for its scale.")
        )
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("muted")
        layout.addWidget(self.hint)
        self.table = QTableWidget(0, len(Dimension))
        self.table.setObjectName("ratingsGrid")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(True)
        self.table.installEventFilter(self)
        for column, dimension in enumerate(Dimension):
            header = QTableWidgetItem(short_dimension(dimension))
            header.setToolTip(f"{dimension_label(dimension)}\n{scale_hint(dimension)}")
            self.table.setHorizontalHeaderItem(column, header)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        layout.addStretch(1)
        self.set_event(None)

    # -- showing ----------------------------------------------------------------------------

    def set_event(self, event_pk: int | None) -> None:
        """Show (and edit) the facilitator's ratings of ``event_pk``; None empties the grid."""
        self._event_pk = event_pk
        self.refresh()

    def refresh(self) -> None:
        db = self._diary.db
        event = event_repo.get_event(db, self._event_pk) if self._event_pk is not None else None
        partnership = event_repo.event_partnership(db, event.pk) if event and event.pk else None
        self._orgs = [
            o
            for o in (partnership_repo.list_organizations(db, partnership) if partnership else [])
            if o.role != Role.FACILITATOR
        ]
        questionnaire = event is not None and event.kind == EventKind.QUESTIONNAIRE
        values = facilitator_ratings(db, event.pk) if event and event.pk else {}
        self.table.setRowCount(len(self._orgs))
        self.table.setVerticalHeaderLabels([o.name for o in self._orgs])
        for row, org in enumerate(self._orgs):
            for column, dimension in enumerate(Dimension):
                value = values.get((org.pk or 0, dimension))
                item = QTableWidgetItem("" if value is None else f"{value:g}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(f"{org.name} — {dimension_label(dimension)}")
                self.table.setItem(row, column, item)
        self.table.setEnabled(event is not None and not questionnaire)
        if questionnaire:
            self.hint.setText(
                _("A questionnaire holds the respondents' answers; see the Commitment page.")
            )
        self.table.resizeRowsToContents()
        # As tall as its rows: the grid sits inside a form and should not claim empty space.
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height + 2)

    def value_at(self, row: int, column: int) -> float | None:
        item = self.table.item(row, column)
        return float(item.text()) if item is not None and item.text() else None

    # -- keyboard ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._key(event):
                return True
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        row, column = self.table.currentRow(), self.table.currentColumn()
        if row < 0 or column < 0:
            return False
        if Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_5:
            self._rate(row, column, float(event.key() - Qt.Key.Key_0))
            self._advance(row, column)
            return True
        if event.key() in CLEAR_KEYS:
            self._rate(row, column, None)
            return True
        return False

    def _advance(self, row: int, column: int) -> None:
        if column + 1 < self.table.columnCount():
            self.table.setCurrentCell(row, column + 1)
        elif row + 1 < self.table.rowCount():
            self.table.setCurrentCell(row + 1, 0)

    def _rate(self, row: int, column: int, value: float | None) -> None:
        if self._event_pk is None or self.value_at(row, column) == value:
            return
        org, dimension = self._orgs[row], list(Dimension)[column]
        try:
            set_facilitator_rating(
                self._diary, self._event_pk, org.pk or 0, dimension, value, self._undo
            )
        except (ValueError, DiaryError) as exc:
            self.problem.emit(str(exc))
            return
        item = self.table.item(row, column)
        if item is not None:
            item.setText("" if value is None else f"{value:g}")
        self.rating_saved.emit()
