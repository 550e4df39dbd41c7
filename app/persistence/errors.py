"""Errors of the diary file, each with a message a facilitator can act on.

``message`` says what happened, whether the data is safe and what to do; ``details`` holds the
technical part (error name, path, version) that a dialog puts behind a "Details" button.
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
    def __init__(self, path: Path | str, details: str = "") -> None:
        super().__init__(
            _(
                "The diary {path} is damaged and cannot be opened safely. Kumppani has not written "
                "to it. Restore the newest backup, or open the data folder to look at the file."
            ).format(path=path),
            path,
            details,
        )


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
    def __init__(self, path: Path | str, holder: str = "") -> None:
        who = holder or _("another program")
        super().__init__(
            _(
                "The diary {path} is already open in {who}. Close it there first; a diary has "
                "one owner at a time so that nothing is overwritten."
            ).format(path=path, who=who),
            path,
        )


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
