"""Attendance and answers split by organizational level: two small read-only tables.

Shown on the commitment page when "Split by level" is on (``app.scores.levels``): the share of
invitations each level attended in each phase, and each level's answers in the latest round of
answers (hidden for a group smaller than the partnership's minimum, as the report does).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.labels import dimension_name, level_name, phase_name
from app.i18n import _
from app.scores.levels import Attendance, LevelSplit
from ui.style import short_date
from ui.widgets.card import plain_label
from ui.widgets.ratings_editor import short_dimension


def attendance_text(a: Attendance) -> str:
    """ "75 % (9 of 12)", or a dash when nobody of the level was invited."""
    if a.share is None:
        return "–"
    return _("{share} % ({attended} of {invited})").format(
        share=round(100 * a.share), attended=a.attended, invited=a.invited
    )


def _table(name: str, headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setWordWrap(True)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setMinimumSectionSize(72)
    table.resizeRowsToContents()
    height = header.height() + sum(table.rowHeight(i) for i in range(len(rows))) + 6
    table.setFixedHeight(height)
    return table


class LevelTable(QWidget):
    """The split of one partnership by level; ``set_split(None)`` shows an empty state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelTable")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.attendance: QTableWidget | None = None
        self.answers: QTableWidget | None = None
        self.set_split(None)

    def _clear(self) -> None:
        while self.box.count():
            item = self.box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.attendance = self.answers = None

    def set_split(self, split: LevelSplit | None) -> None:
        self._clear()
        if split is None or split.is_empty:
            self.box.addWidget(
                plain_label(
                    _("No one with an organizational level has been invited or answered yet."),
                    "muted",
                    wrap=True,
                )
            )
            self.box.addStretch(1)
            return
        self.box.addWidget(plain_label(_("Invitations attended, by level"), "cardTitle"))
        self.attendance = _table(
            "levelAttendance",
            [_("Level"), *(phase_name(p) for p in split.phases)],
            [
                [level_name(r.level), *(attendance_text(r.attendance_in(p)) for p in split.phases)]
                for r in split.rows
            ],
        )
        self.box.addWidget(self.attendance)
        if split.round_day is not None:
            title = _("Answers by level: {event} ({day})").format(
                event=split.round_title, day=short_date(split.round_day)
            )
            self.box.addWidget(plain_label(title, "cardTitle", wrap=True))
            self.answers = _table(
                "levelAnswers",
                [_("Level"), _("Answered"), *(short_dimension(d) for d in split.dimensions)],
                [
                    [
                        level_name(r.level),
                        str(r.answered),
                        *(
                            f"{s.mean:.1f}" if (s := r.answer(d)) is not None else "–"
                            for d in split.dimensions
                        ),
                    ]
                    for r in split.rows
                ],
            )
            for i, d in enumerate(split.dimensions):
                header = self.answers.horizontalHeaderItem(i + 2)
                if header is not None:
                    header.setToolTip(dimension_name(d))
            self.box.addWidget(self.answers)
            note = _(
                "Means 1–5. A level's mean is shown when at least {n} of its people answered; "
                "a dash means fewer did, or none."
            ).format(n=split.min_group)
            self.box.addWidget(plain_label(note, "muted", wrap=True))
        self.box.addStretch(1)
