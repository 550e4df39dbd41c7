"""File ▸ Export for research…: the partnership pseudonymized for qualitative analysis.

The dialog says what the file will hold (pseudonyms, roles, names hidden in the texts), lets
the facilitator choose the format and whether the private entries go too (off unless asked
for each time, and then the file is readable by the user only), and where to write it. The
format and the folder are remembered (``ui.settings``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.persistence.diary import Diary
from app.research import ResearchError, export_research
from ui.settings import RESEARCH_FOLDER, RESEARCH_FORMAT


def formats() -> list[tuple[str, str]]:
    return [
        (_("REFI-QDA project (.qdpx): NVivo, ATLAS.ti, MAXQDA, QualCoder"), ".qdpx"),
        (_("Excel workbook (.xlsx): one row per entry"), ".xlsx"),
        (_("CSV file (.csv): one row per entry"), ".csv"),
    ]


class ResearchDialog(QDialog):
    """Choose the format, the private entries and the file; Export writes it."""

    def __init__(
        self,
        parent: QWidget | None,
        diary: Diary,
        partnership_pk: int,
        partnership_name: str,
        settings: QSettings,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export for research"))
        self.setObjectName("researchDialog")
        self.diary, self.pk, self.settings = diary, partnership_pk, settings
        self.written: Path | None = None
        self.summary = ""
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "“{name}” for qualitative analysis. People are replaced by pseudonyms "
                "(P01, P02…) with their title, side and level kept; organizations by their "
                "roles; names written in the entries are hidden in every form they take. Each "
                "event becomes one document, its entries coded by type and tension."
            ).format(name=partnership_name)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.format_box = QComboBox()
        self.format_box.setObjectName("researchFormat")
        for label, suffix in formats():
            self.format_box.addItem(label, suffix)
        self.format_box.setCurrentIndex(
            max(0, self.format_box.findData(RESEARCH_FORMAT.read(settings)))
        )
        self.format_box.currentIndexChanged.connect(self._format_changed)
        form.addRow(_("Format"), self.format_box)
        row = QHBoxLayout()
        folder = RESEARCH_FOLDER.read(settings) or Path(diary.path).parent
        # A neutral file name: the partnership's own name may name the partners.
        stem = _("research-export")
        self.path_edit = QLineEdit(str(folder / f"{stem}{self.suffix}"))
        self.path_edit.setObjectName("researchPath")
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(_("File"), row)
        layout.addLayout(form)
        self.private_box = QCheckBox(_("Include the private entries (marked as private)"))
        self.private_box.setObjectName("researchPrivate")
        self.private_note = QLabel(
            _(
                "The file then holds your own notes too: keep it as safe as the diary, and "
                "do not share it with the partners."
            )
        )
        self.private_note.setWordWrap(True)
        self.private_note.setTextFormat(Qt.TextFormat.PlainText)
        self.private_note.setVisible(False)
        self.private_box.toggled.connect(self.private_note.setVisible)
        layout.addWidget(self.private_box)
        layout.addWidget(self.private_note)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(_("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    @property
    def suffix(self) -> str:
        return str(self.format_box.currentData())

    def _format_changed(self) -> None:
        path = Path(self.path_edit.text().strip() or "study")
        self.path_edit.setText(str(path.with_suffix(self.suffix)))

    def _browse(self) -> None:
        label = self.format_box.currentText()
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export for research"), self.path_edit.text(), f"{label} (*{self.suffix})"
        )
        if name:
            path = Path(name)
            self.path_edit.setText(str(path if path.suffix else path.with_suffix(self.suffix)))

    def export(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self._warn(_("Give the file to write."))
            return
        path = Path(text).expanduser()
        if path.suffix.lower() != self.suffix:
            path = path.with_name(path.name + self.suffix)
        try:
            study = export_research(
                self.diary.db, self.pk, path, include_private=self.private_box.isChecked()
            )
        except ResearchError as exc:
            self._warn(str(exc))
            return
        RESEARCH_FORMAT.write(self.settings, self.suffix)
        RESEARCH_FOLDER.write(self.settings, path.parent)
        self.written = path
        self.summary = ngettext(
            "Exported {n} entry for research to {path}.",
            "Exported {n} entries for research to {path}.",
            study.entry_count,
        ).format(n=study.entry_count, path=path)
        self.accept()

    def _warn(self, message: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Export for research"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(message + "\n" + _("Nothing was written."))
        box.exec()
