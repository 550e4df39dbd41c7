"""The window's merge: check the file, show the preview and conflicts, then merge."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _
from app.persistence.errors import DiaryError

if TYPE_CHECKING:
    from ui.main_window_base import WindowBase


def merge_with_preview(window: WindowBase, path: Path, inform: Callable[[str], None]) -> None:
    from app.exchange import ExchangeError
    from app.services.merge import merge_file, prepare
    from ui.dialogs.merge_dialog import MergeDialog

    diary = window.context.diary
    try:
        preview, _ours = prepare(diary, path)
        if not preview.written:
            inform(_("Nothing to merge: the diary already has everything in the file."))
            return
        dialog = MergeDialog(preview, window)
        if dialog.exec() != MergeDialog.DialogCode.Accepted:
            return
        guard = getattr(window, "safety", None)
        result = merge_file(
            diary, path, choices=dialog.choices(), policy=getattr(guard, "policy", None)
        )
    except ExchangeError as exc:
        inform(str(exc))
        return
    except DiaryError as exc:
        from ui.dialogs.error_dialog import show_diary_error

        show_diary_error(window, exc)
        return
    # The partnership was stored anew: its old undo steps cannot be replayed.
    window.context.undo.clear()
    window.select_partnership(result.partnership_pk)
    window.statusBar().showMessage(_("Merged; a backup was made first."), 8000)
