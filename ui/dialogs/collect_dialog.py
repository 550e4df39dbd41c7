"""The "Collect answers" dialog: drop filled questionnaire forms, see what each holds, collect.

Files are dropped onto the dialog (or chosen with Add forms…). Each one gets a row in the
preview: the file, the respondent's organization, how many statements it answers, and either
"will be collected", "counts once" or what is wrong with it and what to do. Collect stays
disabled while any file has a problem: a wave is collected all at once or not at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.persistence.diary import Diary
from app.persistence.errors import DiaryError
from app.services.collect_forms import (
    CollectError,
    CollectPreview,
    collect_forms,
    preview_forms,
)
from app.services.questionnaire_xlsx import preview_sheet
from app.services.undo import UndoStack

DANGER = QColor("#B42318")


class CollectDialog(QDialog):
    """Collect filled forms into their wave; ``added`` is how many responses were added."""

    def __init__(
        self,
        diary: Diary,
        partnership_pk: int,
        parent: QWidget | None = None,
        undo: UndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.undo = undo
        self.setObjectName("collectDialog")
        self.setWindowTitle(_("Collect answers"))
        self.setAcceptDrops(True)
        self.resize(860, 480)
        self.diary, self.pk = diary, partnership_pk
        self.paths: list[Path] = []
        self.preview: CollectPreview | None = None
        self.added = 0
        self.drop_hint = QLabel(
            _(
                "Drop the filled forms (PDF) or a filled spreadsheet (XLSX) here, or choose them "
                "with “Add forms…”. Nothing is collected until every form can be."
            )
        )
        self.drop_hint.setObjectName("dropHint")
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setStyleSheet(
            "QLabel#dropHint { border: 2px dashed #9AA5B1; border-radius: 6px; padding: 14px; }"
        )
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("collectPreview")
        self.table.setHorizontalHeaderLabels(
            [_("File"), _("Organization"), _("Answers"), _("What happens")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setObjectName("collectSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 3)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        add = QPushButton(_("Add forms…"))
        add.clicked.connect(self._browse)
        clear = QPushButton(_("Clear"))
        clear.clicked.connect(self.clear)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.collect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.collect_button.setText(_("Collect"))
        self.collect_button.setEnabled(False)
        self.buttons.accepted.connect(self.collect)
        self.buttons.rejected.connect(self.reject)
        tools = QHBoxLayout()
        tools.addWidget(add)
        tools.addWidget(clear)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_hint)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    # -- files ------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_files(paths)
        event.acceptProposedAction()

    def _browse(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            _("Filled forms"),
            "",
            _("PDF forms and spreadsheets (*.pdf *.xlsx);;All files (*)"),
        )
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Add files (a dropped folder adds the PDFs in it) and read the whole batch again."""
        for path in paths:
            found = sorted(path.glob("*.pdf")) if path.is_dir() else [path]
            self.paths.extend(p for p in found if p not in self.paths)
        self._read()

    def clear(self) -> None:
        self.paths = []
        self._read()

    def _read(self) -> None:
        sheets = [p for p in self.paths if p.suffix.lower() == ".xlsx"]
        if not self.paths:
            self.preview = None
        elif sheets and len(self.paths) == 1:
            self.preview = preview_sheet(self.diary, self.pk, sheets[0])
        else:
            self.preview = preview_forms(self.diary, self.pk, self.paths)
            for row in self.preview.rows:
                if row.path in sheets:
                    row.problem = _("collect a spreadsheet on its own, without other files")
        self._show()

    # -- preview ----------------------------------------------------------------------------

    def _show(self) -> None:
        preview = self.preview
        rows = preview.rows if preview else []
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            if row.problem:
                status = _("Refused: {why}").format(why=row.problem)
            elif row.passed_over:
                status = row.passed_over
            else:
                status = _("will be collected")
            total = len(preview.instrument.items) if preview and preview.instrument else 0
            answers = f"{row.answered}/{total}" if row.form and total else ""
            for column, text in enumerate([row.name, row.organization, answers, status]):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if row.problem:
                    item.setForeground(DANGER)
                self.table.setItem(i, column, item)
        self.table.resizeRowsToContents()
        ok = preview is not None and preview.ok and bool(preview.new_responses)
        self.collect_button.setEnabled(ok)
        self.summary.setText(self._summary(preview))

    @staticmethod
    def _summary(preview: CollectPreview | None) -> str:
        if preview is None:
            return _("No forms yet.")
        refused = len(preview.problems)
        if refused:
            return ngettext(
                "{n} form cannot be collected: see to it, or remove it with Clear and add the "
                "others again. Nothing is collected until every form can be.",
                "{n} forms cannot be collected: see to them, or remove them with Clear and add "
                "the others again. Nothing is collected until every form can be.",
                refused,
            ).format(n=refused)
        new = len(preview.new_responses)
        wave = preview.wave.title if preview.wave else ""
        if not new:
            return _("Every form here has been collected already.")
        return ngettext(
            "{n} response will be added to the wave {wave}.",
            "{n} responses will be added to the wave {wave}.",
            new,
        ).format(n=new, wave=wave)

    def collect(self) -> None:
        if self.preview is None:
            return
        try:
            self.added = collect_forms(self.diary, self.preview, undo=self.undo)
        except (CollectError, DiaryError) as exc:  # BackupFailed is a DiaryError
            self.summary.setText(str(exc))
            return
        self.accept()
