"""The dialog that adds a questionnaire wave: answers from a CSV file (with a preview) or
typed into a grid.

From a file: the dialog reads it at once and shows either a preview table (one row per
respondent, the values that will be stored) or the list of every problem found, in which case
Import stays disabled. Typed: one row per respondent (organization, respondent or anonymous,
1–5 per dimension from the keyboard); the grid goes through the very same checks as a file.
Either way Import creates one questionnaire event in one transaction, undoable as one step.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.persistence.diary import Diary
from app.persistence.errors import DiaryError
from app.safety.output import require_regular_input
from app.services.imports import import_responses_file
from app.services.responses_csv import (
    MAX_FILE_BYTES,
    ParsedResponses,
    ResponsesError,
    parse_for_partnership,
)
from app.services.undo import UndoStack
from ui.widgets.date_field import DateRow
from ui.widgets.ratings_editor import AnswersGrid


def respondents_text(n: int) -> str:
    """How many respondents an import will add."""
    return ngettext(
        "{n} respondent will be imported.", "{n} respondents will be imported.", n
    ).format(n=n)


class ResponsesImportDialog(QDialog):
    """Import a wave of answers into one partnership; ``event_pk`` is set after an import."""

    def __init__(
        self,
        diary: Diary,
        partnership_pk: int,
        undo: UndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add questionnaire answers"))
        self.setObjectName("responsesImportDialog")
        self.resize(900, 580)
        self._diary, self._pk, self._undo = diary, partnership_pk, undo
        self.data: bytes | None = None
        self.parsed: ParsedResponses | None = None
        self.event_pk: int | None = None
        self._build()

    def _build(self) -> None:
        self.day_row = DateRow(optional=False)
        self.day = self.day_row.field
        self.day.set_date(date.today())
        self.title = QLineEdit(_("Questionnaire"))
        form = QFormLayout()
        form.addRow(_("Date"), self.day_row)
        form.addRow(_("Title"), self.title)
        self.grid = AnswersGrid(self._diary, self._pk)
        self.grid.changed.connect(self._grid_changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_file_tab(), _("From a CSV file"))
        self.tabs.addTab(self.grid, _("Type the answers"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 2)
        self._build_outcome(layout)

    def _build_file_tab(self) -> QWidget:
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(_("Choose a CSV file…"))
        browse = QPushButton(_("Choose file…"))
        browse.clicked.connect(self._browse)
        picker = QHBoxLayout()
        picker.addWidget(self.path, 1)
        picker.addWidget(browse)
        help_text = QLabel(
            _(
                "Columns: respondent (a person's id or name, or empty), organization (id or "
                "name) and any of: commitment, partner_commitment, equity, efficiency, clarity, "
                "action_confidence. Values 1–5 or empty. Comma or semicolon separated."
            )
        )
        help_text.setTextFormat(Qt.TextFormat.PlainText)
        help_text.setWordWrap(True)
        tab = QWidget()
        tab_layout = QVBoxLayout(tab)
        tab_layout.addLayout(picker)
        tab_layout.addWidget(help_text)
        tab_layout.addStretch(1)
        return tab

    def _build_outcome(self, layout: QVBoxLayout) -> None:
        """The summary, the preview or the problems, and the buttons."""
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("responsesPreview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.problems = QListWidget()
        self.problems.setObjectName("responsesProblems")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(_("Import"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.problems, 3)
        layout.addWidget(self.buttons)
        self.problems.hide()
        self.preview.hide()

    # -- reading ----------------------------------------------------------------------------

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Questionnaire answers"), "", _("CSV files (*.csv *.txt);;All files (*)")
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Read ``path`` and show its preview or its problems."""
        self.path.setText(str(path))
        try:
            require_regular_input(path)  # a pipe would be read for ever
            with path.open("rb") as f:
                self.data = f.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            self.data = None
            self._show_problems([_("Cannot read the file: {reason}").format(reason=exc.strerror)])
            return
        if len(self.data) > MAX_FILE_BYTES:
            self.data = None
            limit = MAX_FILE_BYTES // (1024 * 1024)
            self._show_problems(
                [
                    ngettext(
                        "The file is larger than {n} MB; a questionnaire wave is far smaller.",
                        "The file is larger than {n} MB; a questionnaire wave is far smaller.",
                        limit,
                    ).format(n=limit)
                ]
            )
            return
        self.parsed = parse_for_partnership(self._diary, self._pk, self.data)
        if self.parsed.ok:
            self._show_preview(self.parsed)
        else:
            self._show_problems([str(p) for p in self.parsed.problems])

    def _show_problems(self, problems: list[str]) -> None:
        if self.tabs.currentWidget() is self.grid:
            heading = _("The typed answers cannot be imported yet. Please correct them:")
        else:
            heading = ngettext(
                "Nothing can be imported from this file. Please correct it: {n} problem.",
                "Nothing can be imported from this file. Please correct it: {n} problems.",
                len(problems),
            ).format(n=len(problems))
        self.summary.setText(heading)
        self.problems.clear()
        self.problems.addItems(problems)
        self.problems.show()
        self.preview.setRowCount(0)
        self.preview.hide()
        self.import_button.setEnabled(False)

    def _show_preview(self, parsed: ParsedResponses) -> None:
        self.problems.hide()
        self.preview.show()
        skipped = (
            _(" Rows without answers are skipped: {rows}.").format(
                rows=", ".join(map(str, parsed.skipped))
            )
            if parsed.skipped
            else ""
        )
        self.summary.setText(respondents_text(len(parsed.rows)) + skipped)
        headers = [_("Row"), _("Organization"), _("Respondent"), *parsed.columns]
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(headers)
        self.preview.setRowCount(len(parsed.rows))
        for i, r in enumerate(parsed.rows):
            answers = [
                "" if r.answers.get(c) is None else f"{r.answers[c]:g}" for c in parsed.columns
            ]
            cells = [str(r.row), r.organization, r.respondent or _("(anonymous)"), *answers]
            for j, text in enumerate(cells):
                self.preview.setItem(i, j, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()
        self.import_button.setEnabled(True)

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.grid:
            self._grid_changed()
        elif self.path.text():
            self.load_file(Path(self.path.text()))
        else:
            self.data = self.parsed = None
            self.summary.clear()
            self.problems.hide()
            self.preview.hide()
            self.import_button.setEnabled(False)

    def _grid_changed(self) -> None:
        # The typed answers go through the same checks as a file; they need no preview.
        self.data = self.grid.to_csv()
        self.parsed = parse_for_partnership(self._diary, self._pk, self.data)
        if not self.grid.has_answers():
            # Nothing typed yet: say what to do, not what is wrong.
            self.problems.hide()
            self.summary.setText(
                _("Add a respondent and type the answers; Import is possible once one is typed.")
            )
            self.import_button.setEnabled(False)
        elif self.parsed.ok:
            self.problems.hide()
            self.summary.setText(respondents_text(len(self.parsed.rows)))
            self.import_button.setEnabled(True)
        else:
            self._show_problems([self.grid.describe(p) for p in self.parsed.problems])
        self.preview.hide()

    # -- importing --------------------------------------------------------------------------

    def selected_day(self) -> date | None:
        """The date typed, or None (the field then says why) when it cannot be read."""
        day = self.day.date()
        if day is None:
            self.day.check()
        return day

    def _import(self) -> None:
        if self.data is None:
            return
        day = self.selected_day()
        if day is None:
            self.day.setFocus()  # the message is under the field; the text stays
            return
        try:
            self.event_pk = self._store(self.data, day)
        except ResponsesError as exc:
            self._show_problems([str(p) for p in exc.problems])
            return
        except DiaryError as exc:
            self._show_problems([str(exc)])
            return
        self.accept()

    def _store(self, data: bytes, day: date) -> int:
        # A backup first, with the window's policy (its second folder) when there is one.
        guard = getattr(self.window(), "safety", None)
        return import_responses_file(
            self._diary,
            self._pk,
            data,
            day,
            self.title.text(),
            policy=getattr(guard, "policy", None),
            undo=self._undo,
        )
