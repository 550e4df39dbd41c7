"""Choosing a backup to restore: date, size and what each backup holds.

The dialog only chooses; ``app.backup.restore`` does the work (the current diary is kept under a
new name, never deleted). Unreadable backups are listed but cannot be chosen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backup.restore import BackupInfo, available_backups
from app.i18n import _


def columns() -> tuple[str, ...]:
    # Built when asked: the language is chosen after this module is imported.
    return (_("Taken"), _("Size"), _("Partnerships"), _("Events"), _("Folder"))


def human_size(size: int) -> str:
    if size < 1024 * 1024:
        return _("{n} kB").format(n=max(1, round(size / 1024)))
    return _("{n} MB").format(n=f"{size / (1024 * 1024):.1f}")


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class RestoreDialog(QDialog):
    """Lists the backups of ``diary``; ``chosen`` is the picked backup after ``accept``."""

    def __init__(
        self, parent: QWidget | None, diary: Path, extra_folders: list[Path] | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from a backup"))
        self.setObjectName("restoreDialog")
        self.chosen: BackupInfo | None = None
        self.backups = available_backups(diary, extra_folders)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Choose the backup to continue from. The diary as it is now is kept beside it "
                "under a new name ({name}), and a backup of it is made first: nothing is deleted."
            ).format(name=f"{diary.stem}.replaced-….sqlite3")
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        self.empty = QLabel(_("There are no backups of this diary yet."))
        self.empty.setVisible(not self.backups)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            _("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._accept())
        if self.backups and self.backups[0].readable:
            self.table.selectRow(0)
        self.resize(640, 380)

    def _table(self) -> QTableWidget:
        labels = columns()
        table = QTableWidget(len(self.backups), len(labels))
        table.setObjectName("backupTable")
        table.setHorizontalHeaderLabels(list(labels))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        unreadable = _("unreadable")
        for row, info in enumerate(self.backups):
            counts = (
                (str(info.partnerships), str(info.events))
                if info.readable
                else (unreadable, unreadable)
            )
            table.setItem(row, 0, _item(info.backup.local_time()))
            table.setItem(row, 1, _item(human_size(info.size), True))
            table.setItem(row, 2, _item(counts[0], True))
            table.setItem(row, 3, _item(counts[1], True))
            table.setItem(row, 4, _item(str(info.backup.path.parent)))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(labels) - 1, QHeaderView.ResizeMode.Stretch)
        return table

    def _selected(self) -> BackupInfo | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        info = self.backups[rows.pop()]
        return info if info.readable else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def _accept(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self.chosen = chosen
        self.accept()
