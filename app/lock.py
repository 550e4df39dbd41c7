"""One owner per diary: a lock file next to the diary names the program that has it open.

SQLite's exclusive locking mode is the backstop that really keeps a second writer out; this file
exists so that the refusal can say *who* has the diary (process, computer, user, since when) and
so that a lock left behind by a crash is recognised and taken over. A lock is stale when its
process no longer runs on this computer, or when it was written by this very process for a
connection that has since been garbage collected.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import weakref
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.i18n import _


@dataclass(frozen=True, slots=True)
class LockInfo:
    """Who holds a diary open."""

    pid: int
    host: str
    user: str
    since: str
    # When the process started (Linux: clock ticks after boot, from /proc); tells a process
    # that reused the pid after a crash or reboot from the one that wrote the lock.
    started: str = ""

    def describe(self) -> str:
        """Names the holder in words a user recognises ("Kumppani (process 42, user on host...")."""
        return _("Kumppani (process {pid}, {user} on {host}, since {since})").format(
            pid=self.pid, user=self.user, host=self.host, since=self.since
        )


class LockHeld(Exception):
    """Another running Kumppani has the diary open."""

    def __init__(self, info: LockInfo) -> None:
        self.info = info
        super().__init__(info.describe())


def lock_path(diary: Path) -> Path:
    return diary.with_name(diary.name + ".lock")


def _this_holder() -> LockInfo:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name in containers without a passwd entry
        user = str(os.getuid()) if hasattr(os, "getuid") else "?"
    since = datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    pid = os.getpid()
    return LockInfo(pid, socket.gethostname(), user, since, _process_start(pid) or "")


def _process_start(pid: int) -> str | None:
    """The start time of process ``pid`` where the system tells it (Linux), else None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text("utf-8", "replace")
        return text.rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _process_command(pid: int) -> str | None:
    """The command line of process ``pid`` in lower case where the system tells it, else None."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return raw.replace(b"\0", b" ").decode("utf-8", "replace").lower() or None


def runs_kumppani(info: LockInfo) -> bool | None:
    """Whether the live process named by a lock on this computer is the Kumppani that wrote
    it: False for a process that reused the pid (another start time, or a program that is not
    Python), None when the system does not tell."""
    started = _process_start(info.pid)
    if info.started and started is not None:
        return started == info.started
    command = _process_command(info.pid)
    if command is None:
        return None
    return "python" in command or "kumppani" in command


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but another user's process
        return True
    except OSError:
        return False
    return True


def read_lock(path: Path) -> LockInfo | None:
    """The holder recorded in a lock file, or None when it is missing or unreadable."""
    try:
        data = json.loads(path.read_text("utf-8"))
        return LockInfo(
            int(data["pid"]),
            str(data["host"]),
            str(data["user"]),
            str(data["since"]),
            str(data.get("started") or ""),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


# Locks this process holds, by lock path, each tied to the object that owns the diary.
_held: dict[str, weakref.ref[object]] = {}


def _is_stale(info: LockInfo | None) -> bool:
    if info is None:
        return True  # half-written by a crash: nobody can be named as its holder
    if info.host != socket.gethostname():
        return False  # a process on another computer cannot be checked; trust it
    if info.pid == os.getpid():
        return True  # ours but no longer registered in _held: its owner is gone
    # A live process that is not the Kumppani that wrote the lock (the pid was reused after a
    # crash or a reboot) holds nothing; SQLite's exclusive lock still keeps a real owner safe.
    return not _pid_alive(info.pid) or runs_kumppani(info) is False


def current_holder(diary: Path) -> LockInfo | None:
    """The running program holding ``diary``'s lock, or None when the lock is free or stale."""
    path = lock_path(diary)
    if not path.exists():
        return None
    info = read_lock(path)
    if info is not None and info.pid == os.getpid():
        ref = _held.get(str(path.resolve()))
        return info if ref is not None and ref() is not None else None
    return None if _is_stale(info) else info


class DiaryLock:
    """The lock file of one open diary; ``release()`` removes it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def acquire(cls, diary: Path, owner: object) -> DiaryLock:
        """Take the lock of ``diary`` for ``owner`` (typically its connection).

        Raises ``LockHeld`` naming the running holder; raises ``OSError`` when the folder cannot
        be written to.
        """
        path = lock_path(diary)
        key = str(path.resolve())
        ref = _held.get(key)
        if ref is not None and ref() is not None:
            info = read_lock(path)
            raise LockHeld(info or _this_holder())
        for _attempt in range(2):
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                info = read_lock(path)
                if not _is_stale(info):
                    assert info is not None
                    raise LockHeld(info) from None
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(asdict(_this_holder()), f)
                f.flush()
                os.fsync(f.fileno())
            _held[key] = weakref.ref(owner)
            return cls(path)
        raise LockHeld(read_lock(path) or _this_holder())

    def release(self) -> None:
        """Remove the lock file (only if it is still ours)."""
        key = str(self.path.resolve())
        _held.pop(key, None)
        info = read_lock(self.path)
        if info is not None and info.pid == os.getpid() and info.host == socket.gethostname():
            with contextlib.suppress(OSError):
                self.path.unlink()
