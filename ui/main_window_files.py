"""The File menu of the main window: new and open diary, import and export a partnership.

Switching diaries is left to the composition root (the window emits ``diary_requested``);
import and export go through ``app.exchange``. Every failure ends in a message box that says
what happened and that nothing was changed, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app.i18n import _
from app.persistence.errors import DiaryError

if TYPE_CHECKING:
    from app.exchange import Mode
    from ui.main_window_base import WindowBase

DIARY_FILTER = "Kumppani diaries (*.sqlite3 *.db);;All files (*)"
EXCHANGE_FILTER = "Kumppani partnership files (*.json);;All files (*)"


class FileActions:
    """The actions of the File menu and what they do."""

    def __init__(self, window: WindowBase) -> None:
        self.window = window
        self.new_diary = self._action(_("New &diary…"), self.new_diary_file)
        self.open_diary = self._action(
            _("&Open diary…"), self.open_diary_file, QKeySequence.StandardKey.Open
        )
        self.import_action = self._action(
            _("&Import partnership…"), self.import_partnership, "Ctrl+I"
        )
        self.export_action = self._action(
            _("&Export partnership…"), self.export_partnership, "Ctrl+Shift+E"
        )
        self.export_action.setEnabled(False)
        self.research_action = self._action(_("Export for &research…"), self.export_research)
        self.research_action.setEnabled(False)
        self.merge_action = self._action(_("&Merge a colleague's file…"), self.merge_file)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addAction(self.new_diary)
        menu.addAction(self.open_diary)
        menu.addSeparator()
        menu.addAction(self.import_action)
        menu.addAction(self.merge_action)
        menu.addAction(self.export_action)
        menu.addAction(self.research_action)

    def partnership_changed(self, pk: int | None) -> None:
        self.export_action.setEnabled(pk is not None)
        self.research_action.setEnabled(pk is not None)

    # -- diaries ------------------------------------------------------------------------

    def _folder(self) -> str:
        return str(self.window.context.diary.path.parent)

    def new_diary_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            _("New diary"),
            str(Path(self._folder()) / "diary.sqlite3"),
            DIARY_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return
        path = Path(name)
        if path.exists():
            self._inform(
                _(
                    "There is already a file {path}. Nothing was changed; choose another name, "
                    "or open it with File ▸ Open diary…"
                ).format(path=path)
            )
            return
        self.window.diary_requested.emit(str(path), True)

    def open_diary_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self.window, _("Open diary"), self._folder(), DIARY_FILTER
        )
        if name and Path(name) != self.window.context.diary.path:
            self.window.diary_requested.emit(name, False)

    # -- exchange files -----------------------------------------------------------------

    def import_partnership(self) -> None:
        from app.exchange import ExchangeError, check_file
        from app.services.imports import import_partnership_file

        name, _filter = QFileDialog.getOpenFileName(
            self.window, _("Import partnership"), self._folder(), EXCHANGE_FILTER
        )
        if not name:
            return
        diary = self.window.context.diary
        try:
            parsed = check_file(name)  # record by record: any size in flat memory
            from app.persistence.read.partnerships import partnership_pk_by_id

            mode: Mode = "refuse"
            if partnership_pk_by_id(diary.db, parsed.partnership.id) is not None:
                chosen = self._ask_duplicate(parsed.partnership.name)
                if chosen is None:
                    return
                mode = chosen
            # A backup first, with the window's policy (its second folder) when there is one.
            guard = getattr(self.window, "safety", None)
            pk = import_partnership_file(diary, parsed, mode, policy=getattr(guard, "policy", None))
        except ExchangeError as exc:
            self._inform(str(exc))
            return
        except DiaryError as exc:
            from ui.dialogs.error_dialog import show_diary_error

            show_diary_error(self.window, exc)
            return
        if mode == "replace":
            # The replaced partnership's records are gone; their undo steps cannot be replayed.
            self.window.context.undo.clear()
        self.window.select_partnership(pk)
        self.window.statusBar().showMessage(_("Partnership imported."), 5000)

    def _ask_duplicate(self, name: str) -> Mode | None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Import partnership"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            _(
                'The diary already has the partnership "{name}". Import the file as a separate '
                "copy, or replace the partnership in the diary with the file's content?"
            ).format(name=name)
        )
        copy = box.addButton(_("Import as a copy"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(_("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is copy:
            return "copy"
        if clicked is replace:
            return "replace"
        return None

    def export_partnership(self) -> None:
        from app.exchange import ExchangeError, export_stream, save_file

        pk = self.window.current_pk
        if pk is None:
            return
        # The events are read one at a time as the file is written (any size, flat memory).
        diary = self.window.context.diary
        document = export_stream(diary.db, pk, exporter=diary.author)
        suggested = _safe_file_name(str(document.get("partnership", {}).get("name", ""))) + ".json"
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            _("Export partnership"),
            str(Path(self._folder()) / suggested),
            EXCHANGE_FILTER,
        )
        if not name:
            return
        try:
            save_file(document, name)
        except ExchangeError as exc:
            self._inform(str(exc))
            return
        self.window.statusBar().showMessage(
            _("Partnership exported to {path}.").format(path=name), 5000
        )

    def export_research(self) -> None:
        """File ▸ Export for research…: the partnership pseudonymized (ui.dialogs.research_dialog)."""
        from app.persistence.read.partnerships import get_partnership
        from ui.dialogs.research_dialog import ResearchDialog

        pk = self.window.current_pk
        context = self.window.context
        partnership = get_partnership(context.diary.db, pk) if pk is not None else None
        if pk is None or partnership is None:
            return
        dialog = ResearchDialog(self.window, context.diary, pk, partnership.name, context.settings)
        if dialog.exec() == ResearchDialog.DialogCode.Accepted:
            self.window.statusBar().showMessage(dialog.summary, 8000)

    def merge_file(self) -> None:
        """File ▸ Merge a colleague's file…: preview, conflicts, then the merge (ui.merging)."""
        name, _filter = QFileDialog.getOpenFileName(
            self.window, _("Merge a colleague's file"), self._folder(), EXCHANGE_FILTER
        )
        if name:
            from ui.merging import merge_with_preview

            merge_with_preview(self.window, Path(name), self._inform)

    def _inform(self, message: str) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Kumppani"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(message)
        box.exec()


def _safe_file_name(name: str) -> str:
    """A file name made of the partnership's name, without characters file systems refuse."""
    cleaned = "".join(c if c.isalnum() or c in " -_." else "_" for c in name).strip(" .")
    return cleaned[:80] or "partnership"
