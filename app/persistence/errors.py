"""Errors of the diary file, each with a message a facilitator can act on.

``message`` says what happened, whether the data is safe and what to do; ``details`` holds the
technical part (error name, path, version) that a dialog puts behind a "Details" button.
``str(error)`` is the message alone, so a command line prints no traceback.
"""

from __future__ import annotations

from pathlib import Path

from app.i18n import _


class DiaryError(Exception):
    """A problem with a diary file that the user can understand and act on."""

    def __init__(self, message: str, path: Path | str | None = None, details: str = "") -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        self.details = details
        super().__init__(message)


class NoDiary(DiaryError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            _(
                "There is no diary at {path}. Check the path, or start Kumppani once to create it."
            ).format(path=path),
            path,
        )


class NotADiary(DiaryError):
    def __init__(self, path: Path | str, details: str = "") -> None:
        super().__init__(
            _(
                "{path} is not a Kumppani diary. Nothing was changed in it; choose a diary file "
                "(usually named diary.sqlite3)."
            ).format(path=path),
            path,
            details,
        )


class DamagedDiary(DiaryError):
    """The file fails SQLite's checks. ``backup_time`` names the newest good backup, if known."""

    def __init__(self, path: Path | str, details: str = "", backup_time: str | None = None) -> None:
        self.backup_time = backup_time
        text = _(
            "The diary {path} is damaged and cannot be opened safely. Kumppani has not written "
            "to it."
        ).format(path=path)
        if backup_time:
            text += " " + _(
                "Your data is safe in the backup of {time}: choose Restore to continue from it, "
                "or open the data folder to look at the files."
            ).format(time=backup_time)
        else:
            text += " " + _(
                "No backup of it was found. Open the data folder and keep a copy of the file; "
                "do not delete it."
            )
        super().__init__(text, path, details)


class NewerDiary(DiaryError):
    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        super().__init__(
            _(
                "The diary {path} was written by a newer version of Kumppani (schema {found}; this "
                "version reads up to {supported}). Nothing was changed; update Kumppani to open it."
            ).format(path=path, found=found, supported=supported),
            path,
            f"user_version={found} supported={supported}",
        )


class DiaryLocked(DiaryError):
    """``stale_lock``: the lock file to delete when the holder cannot be verified (the system
    does not tell what program runs under that process number)."""

    def __init__(
        self,
        path: Path | str,
        holder: str = "",
        details: str = "",
        stale_lock: Path | str | None = None,
    ) -> None:
        who = holder or _("another program")
        text = _(
            "The diary {path} is already open in {who}. Your data is safe. Close it there "
            "first; a diary has one owner at a time so that nothing is overwritten."
        ).format(path=path, who=who)
        if stale_lock is not None:
            text += " " + _(
                "If no Kumppani is running there, the lock was left behind by a crash: delete "
                "{lock} and try again."
            ).format(lock=stale_lock)
        super().__init__(text, path, details)


class DiaryReadOnly(DiaryError):
    def __init__(self, path: Path | str, details: str = "") -> None:
        super().__init__(
            _(
                "Kumppani cannot write to {path}: the file or its folder is read-only. Your data is "
                "safe; nothing was changed. Copy the diary to a folder you can write to."
            ).format(path=path),
            path,
            details,
        )


class DiaryImmutable(DiaryReadOnly):
    """The file is marked unchangeable (``chattr +i``): not even its owner may write it."""

    def __init__(self, path: Path | str, details: str = "") -> None:
        DiaryError.__init__(
            self,
            _(
                "Kumppani cannot write to {path}: the file is marked as unchangeable "
                "(immutable), which even its owner cannot override. Your data is safe; nothing "
                "was changed. Remove the mark (chattr -i) or copy the diary to a new file."
            ).format(path=path),
            path,
            details,
        )


class DiskFull(DiaryError):
    def __init__(self, path: Path | str, details: str = "") -> None:
        super().__init__(
            _(
                "The disk is full, so the last change was not saved. Everything saved before it is "
                "safe. Free some space and try again; your text is still in its field."
            ).format(path=path),
            path,
            details,
        )


class InvalidText(DiaryError):
    """Text with characters SQLite cannot store (a NUL or half of a broken character pair)."""

    def __init__(self, path: Path | str | None = None, details: str = "") -> None:
        super().__init__(
            _(
                "The text contains a character that cannot be saved (an invisible control "
                "character or a broken character, often from pasting). Nothing was saved and your "
                "text is still in its field; remove or retype that part and save again."
            ),
            path,
            details,
        )


class BackupFailed(DiaryError):
    def __init__(self, path: Path | str, details: str = "") -> None:
        super().__init__(
            _(
                "The backup could not be written to {path}. The diary itself is unchanged and "
                "safe, and older backups are untouched. Check that the folder exists, is "
                "writable and has free space, then try again."
            ).format(path=path),
            path,
            details,
        )


class BackupFolderLink(BackupFailed):
    """The backup folder is a symbolic link: Kumppani does not write backups through it."""

    def __init__(self, path: Path | str, target: str) -> None:
        DiaryError.__init__(
            self,
            _(
                "The backup folder {path} is a link to {target}, so no backup was written "
                "there: a link can lead anywhere, such as a synced or shared folder. The diary "
                "itself is unchanged and safe. Replace the link with a real folder, or choose a "
                "second backup folder in the preferences."
            ).format(path=path, target=target),
            path,
            f"symbolic link → {target}",
        )
