"""Backup preferences: where backups go, and an optional second folder (an external drive).

The second folder is a property of this computer (a drive letter or mount point), so it is kept
in the user's settings (``QSettings``), not in the diary.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _

SECOND_FOLDER = "backup/second_folder"


def second_folder(settings: QSettings) -> Path | None:
    """The second backup folder chosen in the preferences, or None."""
    value = settings.value(SECOND_FOLDER)
    return Path(str(value)) if value else None


class PreferencesDialog(QDialog):
    """Shows the backup folder and lets the user choose a second one."""

    def __init__(self, parent: QWidget | None, settings: QSettings, backup_folder: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Backup preferences"))
        self.setObjectName("preferencesDialog")
        self.settings = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        folder = QLabel(str(backup_folder))
        folder.setTextFormat(Qt.TextFormat.PlainText)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(_("Backups are kept in"), folder)
        row = QHBoxLayout()
        current = second_folder(settings)
        self.second = QLineEdit(str(current) if current else "")
        self.second.setObjectName("secondFolder")
        self.second.setPlaceholderText(_("none — for example a folder on an external drive"))
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.second, 1)
        row.addWidget(browse)
        form.addRow(_("Second backup folder"), row)
        layout.addLayout(form)
        note = QLabel(
            _(
                "Every backup is also copied to the second folder. When the drive is not "
                "plugged in, backups still go to the first folder and you are told once."
            )
        )
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(note)
        layout.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 200)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Second backup folder"))
        if chosen:
            self.second.setText(chosen)

    def _save(self) -> None:
        text = self.second.text().strip()
        if text:
            self.settings.setValue(SECOND_FOLDER, str(Path(text).expanduser()))
        else:
            self.settings.remove(SECOND_FOLDER)
        self.accept()
