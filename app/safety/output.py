"""The one way Kumppani writes a file the user asked for: whole or not at all, never through a
link, private when it can hold private text.

``write_output`` writes to a new temporary file beside the target, flushes it to the disk and
renames it over the target. A full disk or a crash leaves the old file (or nothing) under the
final name, never a truncated PDF or an empty PNG. A symbolic link at the target is replaced by
the file, never followed (``report --out ~/x.pdf`` cannot overwrite what the link points to).
Files that can hold private text (exports, entry spreadsheets) are created readable by the
user only (0600); the others get the usual permissions of the user's umask.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

# Temporary files start with this, so that a leftover after a power cut is recognisable.
TEMP_PREFIX = ".kumppani-"


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system can sync a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _create_beside(path: Path, private: bool) -> tuple[int, Path]:
    """A new file next to ``path``; O_EXCL and O_NOFOLLOW: never an existing file or link."""
    mode = 0o600 if private else 0o666  # the umask narrows 0o666 as for any new file
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for _attempt in range(100):
        tmp = path.with_name(f"{TEMP_PREFIX}{secrets.token_hex(6)}-{path.name}.part")
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


class NotARegularFile(OSError):
    """A folder, device, pipe or socket where a file was expected. ``kind`` is one of
    ``FILE_KINDS`` (``app.domain.labels.file_kind_name`` says it in the user's language)."""

    def __init__(self, kind: str, path: Path) -> None:
        super().__init__(errno.EINVAL, FILE_KINDS[kind], str(path))
        self.kind = kind


# What a path can be instead of a regular file, in English (for logs and details).
FILE_KINDS = {
    "folder": "a folder",
    "device": "a device",
    "pipe": "a named pipe",
    "other": "not a regular file",
}


def refuse_special(path: Path) -> None:
    """Raise ``NotARegularFile`` when ``path`` itself (not a link's target) is a folder, a
    device, a named pipe or a socket: a rename would replace ``/dev/null``, a read of a pipe
    would wait for ever. A missing path and a link are fine."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
        return
    kind = (
        "folder"
        if stat.S_ISDIR(mode)
        else "device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "pipe"
        if stat.S_ISFIFO(mode)
        else "other"
    )
    raise NotARegularFile(kind, path)


def require_regular_input(path: Path) -> None:
    """Like ``refuse_special`` for a file to be read, following a link to what it names."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # the reader says it is missing
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        refuse_special(Path(os.path.realpath(path)))


def write_output(
    path: Path | str, data: bytes | Callable[[BinaryIO], None], *, private: bool
) -> None:
    """Write ``data`` to ``path`` atomically (see the module). Raises ``OSError`` (with
    ``strerror``) when it cannot; then nothing under ``path`` has changed. ``data`` may be a
    function that writes to the open file (a large document written piece by piece)."""
    path = Path(path)
    refuse_special(path)
    fd, tmp = _create_beside(path, private)
    try:
        with os.fdopen(fd, "wb") as out:
            if callable(data):
                data(out)
            else:
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if private:
            os.chmod(tmp, 0o600)  # even where the file system ignored the mode at creation
        os.replace(tmp, path)  # a link at ``path`` is replaced, not followed
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)
