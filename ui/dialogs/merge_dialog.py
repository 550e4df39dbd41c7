"""File ▸ Merge a colleague's file…: what the merge would change, and its conflicts.

The top lists, per kind of record, how many the merge adds, updates and deletes. Below it, each
conflict (a record edited in both diaries since they last met) shows both versions side by side,
the file's named by its author and diary; the newer edit is chosen, and the user may choose the
other. The version not kept is stored as an earlier version, so nothing is lost either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, pgettext

if TYPE_CHECKING:
    from app.services.merge import MergeResult


def _kinds() -> dict[str, str]:
    return {
        "partnership": _("Partnership"),
        "organization": _("Organizations"),
        "person": _("People"),
        "objective": _("Objectives"),
        "event": _("Events"),
        "entry": _("Entries"),
        "action": _("Actions"),
        "checklist": _("Checklist marks"),
        "report": _("Reports"),
        "acknowledgement": _("Acknowledged warnings"),
    }


def _shown(record: dict[str, Any]) -> str:
    return str(record.get("text") or record.get("title") or record.get("id") or "")


class MergeDialog(QDialog):
    """Preview of a merge; ``choices()`` after acceptance: (kind, id) → "ours" / "theirs"."""

    def __init__(self, result: MergeResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.merge = result
        self.setWindowTitle(_("Merge a colleague's file"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        who = result.their_author or _("an unknown author")
        diary = result.their_diary or "?"
        self.theirs_label = _("{author}'s diary ({diary})").format(author=who, diary=diary[:8])
        intro = QLabel(
            _('Merging "{name}" with the file from {source}.').format(
                name=result.name, source=self.theirs_label
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.counts = QTableWidget(0, 4)
        self.counts.setHorizontalHeaderLabels(
            [
                _("Records"),
                pgettext("merge counts", "Added"),
                pgettext("merge counts", "Updated"),
                pgettext("merge counts", "Deleted"),
            ]
        )
        self.counts.verticalHeader().hide()
        self.counts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        p = result.plan
        for kind, label in _kinds().items():
            numbers = (p.added[kind], p.updated[kind], p.deleted[kind])
            if any(numbers):
                row = self.counts.rowCount()
                self.counts.insertRow(row)
                self.counts.setItem(row, 0, QTableWidgetItem(label))
                for col, n in enumerate(numbers, start=1):
                    item = QTableWidgetItem(str(n))
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    self.counts.setItem(row, col, item)
        self.counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts.setMaximumHeight(40 + 30 * max(self.counts.rowCount(), 1))
        layout.addWidget(self.counts)
        self.combos: list[QComboBox] = []
        if p.conflicts:
            note = QLabel(
                _(
                    "Edited in both diaries since they last met. The newer edit is kept; choose "
                    "the other where it is the right one. The version not kept is saved as an "
                    "earlier version and can be brought back."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            self.table = QTableWidget(len(p.conflicts), 4)
            self.table.setHorizontalHeaderLabels(
                [
                    pgettext("merge conflict", "Record"),
                    _("This diary"),
                    self.theirs_label,
                    _("Keep"),
                ]
            )
            self.table.verticalHeader().hide()
            self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            self.table.setWordWrap(True)
            singular = {"event": _("Event"), "entry": _("Entry"), "action": _("Action")}
            for row, c in enumerate(p.conflicts):
                self.table.setItem(row, 0, QTableWidgetItem(singular.get(c.kind, c.kind)))
                self.table.setItem(row, 1, QTableWidgetItem(_shown(c.ours)))
                self.table.setItem(row, 2, QTableWidgetItem(_shown(c.theirs)))
                combo = QComboBox()
                newer = _("(newer)")
                ours = _("This diary's")
                theirs = _("The file's")
                combo.addItem(f"{ours} {newer}" if c.kept == "ours" else ours, "ours")
                combo.addItem(f"{theirs} {newer}" if c.kept == "theirs" else theirs, "theirs")
                combo.setCurrentIndex(0 if c.kept == "ours" else 1)
                self.table.setCellWidget(row, 3, combo)
                self.combos.append(combo)
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
            self.table.resizeRowsToContents()
            layout.addWidget(self.table, 1)
        else:
            layout.addStretch(1)
        backup = QLabel(_("A backup of the diary is made first; the merge is all or nothing."))
        backup.setWordWrap(True)
        layout.addWidget(backup)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(_("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choices(self) -> dict[tuple[str, str], str]:
        return {
            (c.kind, c.id): str(combo.currentData())
            for c, combo in zip(self.merge.plan.conflicts, self.combos, strict=True)
        }
