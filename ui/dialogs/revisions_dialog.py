"""An entry's earlier versions (kept when a merge chose another), and bringing one back."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import Entry
from app.i18n import _
from app.services.editing import Editor
from app.services.revisions import bring_back, earlier_versions


class RevisionsDialog(QDialog):
    def __init__(self, editor: Editor, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor, self.entry = editor, entry
        self.versions = earlier_versions(editor.db, entry)
        self.setWindowTitle(_("Earlier versions"))
        self.resize(760, 360)
        layout = QVBoxLayout(self)
        if not self.versions:
            layout.addWidget(QLabel(_("This entry has no earlier versions.")))
        self.table = QTableWidget(len(self.versions), 2)
        self.table.setHorizontalHeaderLabels([_("Saved"), _("Text")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        for row, v in enumerate(self.versions):
            self.table.setItem(row, 0, QTableWidgetItem(v.saved_at[:16].replace("T", " ")))
            self.table.setItem(row, 1, QTableWidgetItem(str(v.body.get("text", ""))))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.bring_back_button = buttons.addButton(
            _("&Bring back"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.bring_back_button.setEnabled(bool(self.versions))
        if self.versions:
            self.table.selectRow(0)
        buttons.accepted.connect(self.bring_back_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def bring_back_selected(self) -> None:
        """The chosen version becomes the entry's text again (Edit ▸ Undo takes it back)."""
        row = self.table.currentRow()
        if 0 <= row < len(self.versions):
            bring_back(self.editor, self.entry, self.versions[row])
            self.accept()
