"""Preferences: the facilitator's name (with the short id that marks what they write), the
language of the interface, where backups go, and an optional second backup
folder (an external drive).

Both are properties of this computer (a drive letter or mount point), so they are kept in the
user's settings (``ui.settings``), not in the diary. The language is read once at start, so a
change applies at the next start, as the dialog says.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
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

from app.i18n import _, language
from ui.settings import AUTHOR_NAME, LANGUAGE, SECOND_BACKUP_FOLDER, author_of

# Each language is named in itself, so it can be found whatever the interface shows now.
LANGUAGES = [("English", "en"), ("Suomi", "fi")]


def second_folder(settings: QSettings) -> Path | None:
    """The second backup folder chosen in the preferences, or None."""
    return SECOND_BACKUP_FOLDER.read(settings)


class PreferencesDialog(QDialog):
    """The interface language, the backup folder and a second backup folder."""

    def __init__(self, parent: QWidget | None, settings: QSettings, backup_folder: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        self.setObjectName("preferencesDialog")
        self.settings = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self._author_row(form)
        self._language_row(form)
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
        self.resize(660, 330)

    def _author_row(self, form: QFormLayout) -> None:
        author = author_of(self.settings)
        self.author_name = QLineEdit(author.name)
        self.author_name.setObjectName("authorName")
        self.author_name.setMaxLength(200)
        self.author_name.setPlaceholderText(_("as your colleagues should see it"))
        form.addRow(_("Your name"), self.author_name)
        note = QLabel(
            _(
                "Every entry, event and action you write carries your name and your id "
                "{id}; partnership files keep them, so a team sees who wrote what."
            ).format(id=author.id)
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("", note)

    def _language_row(self, form: QFormLayout) -> None:
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.setMaximumWidth(240)  # two short names: no need for the full width
        for name, code in LANGUAGES:
            self.language.addItem(name, code)
        chosen = LANGUAGE.read(self.settings) or language()
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        form.addRow(_("Language"), self.language)
        later = QLabel(_("A new language is used the next time Kumppani starts."))
        later.setObjectName("muted")
        later.setWordWrap(True)
        form.addRow("", later)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Second backup folder"))
        if chosen:
            self.second.setText(chosen)

    def _save(self) -> None:
        AUTHOR_NAME.write(self.settings, " ".join(self.author_name.text().split()))
        LANGUAGE.write(self.settings, str(self.language.currentData()))
        text = self.second.text().strip()
        SECOND_BACKUP_FOLDER.write(self.settings, Path(text).expanduser() if text else None)
        self.accept()
