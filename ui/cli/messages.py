"""Diary errors in the words of the command line.

The shared messages of ``app.persistence.errors`` speak to the window's user ("your text is
still in its field", "choose Restore"); a terminal has neither. These say the same for a
command: what happened, that the data is safe, and what to run or do next.
"""

from __future__ import annotations

from app.i18n import _
from app.persistence.errors import DamagedDiary, DiaryError, DiskFull, InvalidText


def _damaged(exc: DamagedDiary) -> str:
    from app.backup.files import default_backup_dir, newest_backup

    text = _(
        "The diary {path} is damaged and cannot be used safely. Kumppani has not written to it."
    ).format(path=exc.path)
    newest = None
    if exc.path is not None:
        newest = newest_backup([default_backup_dir(exc.path)], exc.path.stem)
    if newest is None:
        return (
            text + " " + _("No backup of it was found. Keep a copy of the file; do not delete it.")
        )
    return (
        text
        + " "
        + _(
            "Your data is safe in the backup of {time}: {backup}. Start Kumppani and choose "
            "Restore, or copy that file over the diary."
        ).format(time=newest.local_time(), backup=newest.path)
    )


def cli_message(exc: DiaryError) -> str:
    """The message of ``exc`` for a terminal."""
    if isinstance(exc, DamagedDiary):
        return _damaged(exc)
    if isinstance(exc, DiskFull):
        return _(
            "The disk is full, so the last change was not saved. Everything saved before it is "
            "safe. Free some space and run the command again."
        )
    if isinstance(exc, InvalidText):
        return _(
            "The text contains a character that cannot be saved (an invisible control "
            "character or a broken character). Nothing was saved; remove that character and "
            "run the command again."
        )
    return str(exc)
