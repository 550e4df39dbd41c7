"""A compact, keyboard-first grid for the facilitator's ratings at an event.

Rows are the partnership's organizations, columns the six dimensions. Type 1–5 in a cell to
rate (the cursor moves on to the next cell), Delete, Backspace or 0 to clear; arrow keys and Tab
move. Each change is saved at once through the diary, one transaction and one undo step.
Questionnaire events hold respondents' answers instead, so the grid is read-only there.

API: ``RatingsEditor(diary, undo=None)``, ``set_event(event_pk | None)``, ``refresh()``;
signal ``rating_saved()`` after every stored change, ``problem(str)`` on a refused one.

``AnswersGrid`` is the same keyboard grid for a questionnaire wave's respondents (used by the
answers import dialog).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import Dimension, EventKind, Organization, Role
from app.domain.labels import dimension_name
from app.i18n import _
from app.persistence.diary import Diary
from app.persistence.errors import DiaryError
from app.persistence.read import events as event_repo
from app.persistence.read import partnerships as partnership_repo
from app.scores.ratings import facilitator_ratings
from app.services.ratings import set_facilitator_rating
from app.services.responses_csv import CsvProblem
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
        Dimension.TRUST: _("Trust"),
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
        Dimension.TRUST: _("1 = cannot rely on the other side … 5 = it acts as agreed"),
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
            header.setToolTip(f"{dimension_name(dimension)}\n{scale_hint(dimension)}")
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
                item.setToolTip(f"{org.name} — {dimension_name(dimension)}")
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


class AnswersGrid(QWidget):
    """Respondents' answers typed in a grid: one row per respondent, 1–5 per dimension.

    Digits 1–5 fill a cell and move on (past the last cell of the last row a new row is added),
    Delete clears. ``to_csv()`` gives the rows as the CSV the import reads, so typed answers
    pass exactly the same checks as a file; ``describe(problem)`` words a problem for the grid.
    """

    changed = Signal()
    FIRST = 2  # columns 0 and 1 hold the organization and the respondent

    def __init__(self, diary: Diary, partnership_pk: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answersGrid")
        db = diary.db
        self._orgs = [
            o
            for o in partnership_repo.list_organizations(db, partnership_pk)
            if o.role != Role.FACILITATOR
        ]
        self._people = partnership_repo.list_people(db, partnership_pk)
        self.table = QTableWidget(0, self.FIRST + len(Dimension))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalHeaderLabels(
            [_("Organization"), _("Respondent"), *(short_dimension(d) for d in Dimension)]
        )
        for column, dimension in enumerate(Dimension, self.FIRST):
            header = self.table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(f"{dimension_name(dimension)}\n{scale_hint(dimension)}")
        self.table.installEventFilter(self)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 1):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, 160)
        add = QPushButton(_("Add respondent"))
        add.clicked.connect(lambda: self.add_row())
        remove = QPushButton(_("Remove respondent"))
        remove.clicked.connect(self._remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        hint = QLabel(_("Type 1–5 in the cells (Delete clears); leave a cell empty for no answer."))
        hint.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_row(self, organization: int = 0) -> int:
        """Add a respondent row (anonymous, of the given organization index); returns its row."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        orgs = QComboBox()
        for org in self._orgs:
            orgs.addItem(org.name, org.id)
        orgs.setCurrentIndex(organization)
        who = QComboBox()
        self.table.setCellWidget(row, 0, orgs)
        self.table.setCellWidget(row, 1, who)
        for column in range(self.FIRST, self.table.columnCount()):
            item = QTableWidgetItem("")
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, column, item)
        self._fill_people(orgs, who)
        orgs.currentIndexChanged.connect(lambda: self._fill_people(orgs, who))
        who.currentIndexChanged.connect(self.changed)
        self.table.setCurrentCell(row, self.FIRST)
        self.changed.emit()
        return row

    def _fill_people(self, orgs: QComboBox, who: QComboBox) -> None:
        org = next((o for o in self._orgs if o.id == orgs.currentData()), None)
        who.blockSignals(True)
        who.clear()
        who.addItem(_("(anonymous)"), "")
        for person in self._people:
            if org is not None and person.organization == org.pk:
                who.addItem(person.name, person.id)
        who.blockSignals(False)
        self.changed.emit()

    def _remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())
            self.changed.emit()

    def set_value(self, row: int, dimension: Dimension, value: float | None) -> None:
        item = self.table.item(row, self.FIRST + list(Dimension).index(dimension))
        if item is not None:
            item.setText("" if value is None else f"{value:g}")
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            row, column = self.table.currentRow(), self.table.currentColumn()
            if row >= 0 and column >= self.FIRST:
                dimension = list(Dimension)[column - self.FIRST]
                if Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_5:
                    self.set_value(row, dimension, float(event.key() - Qt.Key.Key_0))
                    self._advance(row, column)
                    return True
                if event.key() in CLEAR_KEYS:
                    self.set_value(row, dimension, None)
                    return True
        return super().eventFilter(watched, event)

    def _advance(self, row: int, column: int) -> None:
        if column + 1 < self.table.columnCount():
            self.table.setCurrentCell(row, column + 1)
        else:
            if row + 1 == self.table.rowCount():
                organization = self.table.cellWidget(row, 0)
                self.add_row(
                    organization.currentIndex() if isinstance(organization, QComboBox) else 0
                )
            self.table.setCurrentCell(row + 1, self.FIRST)

    def has_answers(self) -> bool:
        """Whether any answer has been typed (before that, the grid has nothing to complain of)."""
        return any(
            (item := self.table.item(row, column)) is not None and item.text().strip() != ""
            for row in range(self.table.rowCount())
            for column in range(self.FIRST, self.table.columnCount())
        )

    def to_csv(self) -> bytes:
        """The typed rows as the CSV the import reads (ids for organizations and people)."""
        lines = [",".join(["organization", "respondent", *(d.value for d in Dimension)])]
        for row in range(self.table.rowCount()):
            orgs, who = self.table.cellWidget(row, 0), self.table.cellWidget(row, 1)
            if not (isinstance(orgs, QComboBox) and isinstance(who, QComboBox)):
                continue  # a row still being built
            values = []
            for column in range(self.FIRST, self.table.columnCount()):
                item = self.table.item(row, column)
                values.append(item.text() if item is not None else "")
            lines.append(",".join([str(orgs.currentData()), str(who.currentData()), *values]))
        return ("\n".join(lines) + "\n").encode("utf-8")

    def describe(self, problem: CsvProblem) -> str:
        """A problem worded for the grid: "respondent 2" instead of the CSV's "row 3"."""
        if problem.row is None:
            return _("No answers typed yet.")
        if problem.row < 2:
            return problem.message
        return _("respondent {n}: {message}").format(n=problem.row - 1, message=problem.message)
