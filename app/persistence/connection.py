"""Opening a diary file: the owner lock, the connection settings, the checks and the migrations.

One connection per diary, on one thread, in exclusive locking mode: Kumppani is the only owner of
an open diary. A lock file next to the diary names the owner (``app.lock``); SQLite's exclusive
lock is the backstop and is taken at open, so a second process is refused at once.

A file is checked (identity, version, ``quick_check``, foreign keys) before anything is written
to it: turning on WAL rewrites the header, so a damaged, foreign or newer file is refused first.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from app.i18n import _
from app.lock import DiaryLock, LockHeld, current_holder, lock_path, runs_kumppani
from app.persistence.errors import (
    DamagedDiary,
    DiaryError,
    DiaryImmutable,
    DiaryLocked,
    DiaryReadOnly,
    DiskFull,
    InvalidText,
    NewerDiary,
    NoDiary,
    NotADiary,
)
from app.persistence.integrity import full_problems, is_damage, quick_problems
from app.persistence.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

_SQLITE_MAGIC = b"SQLite format 3\x00"

# Lock files of open diaries, by connection id; released by close_diary.
_locks: dict[int, DiaryLock] = {}


def _make_private_file(path: Path) -> None:
    """Create the folder and an empty file readable only by the user."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def translate_error(exc: Exception, path: Path | str) -> DiaryError:
    """Map an SQLite (or text encoding) error to the diary error a user can act on."""
    if isinstance(exc, DiaryError):
        return exc
    if isinstance(exc, UnicodeError):
        return InvalidText(path, f"{type(exc).__name__}: {exc}")
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorname", "") or ""
    details = f"{type(exc).__name__}: {exc} ({code or 'no code'}) — {path}"
    if "full" in text or code == "SQLITE_FULL":
        return DiskFull(path, details)
    if (
        "readonly" in text.replace(" ", "")
        or "read-only" in text
        or code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM"))
        or "unable to open" in text
    ):
        return DiaryReadOnly(path, details)
    if "locked" in text or "busy" in text or code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DiaryLocked(path, details=details)
    if "not a database" in text or code == "SQLITE_NOTADB":
        return NotADiary(path, details)
    if isinstance(exc, sqlite3.Error) and is_damage(exc):
        return DamagedDiary(path, details)
    return DiaryError(str(exc), path, details)


def _check_header(path: Path) -> None:
    """Tell a damaged diary (zeroed header) from a file that never was a database."""
    with path.open("rb") as f:
        head = f.read(100)
    if head.startswith(_SQLITE_MAGIC):
        return
    if head and head.count(0) == len(head):
        raise DamagedDiary(path, "the first page of the file is all zeros")
    raise NotADiary(path, f"the file does not start with the SQLite header ({head[:16]!r})")


def _identity(conn: sqlite3.Connection) -> tuple[int, int, bool]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    return app_id, version, has_tables


def _verify(conn: sqlite3.Connection, path: Path, check: bool = True) -> tuple[int, bool]:
    """Identity, version and (with ``check``) health, all read-only.

    Returns (schema version, has tables)."""
    try:
        app_id, version, has_tables = _identity(conn)
    except UnicodeDecodeError as exc:
        raise DamagedDiary(path, f"{type(exc).__name__}: {exc}") from exc
    if app_id != APPLICATION_ID and (app_id != 0 or has_tables):
        raise NotADiary(path, f"application_id={app_id:#x}")
    if version > SCHEMA_VERSION:
        raise NewerDiary(path, version, SCHEMA_VERSION)
    if has_tables and check:
        _refuse_damage(conn, path, quick_problems)
    return version, has_tables


def _refuse_damage(
    conn: sqlite3.Connection, path: Path, find: Callable[[sqlite3.Connection], list[str]]
) -> None:
    """``DamagedDiary`` when ``find`` reports problems (or cannot finish reading the file)."""
    # A damaged page can hold invalid UTF-8 in names and in the check's own messages.
    conn.text_factory = lambda b: b.decode("utf-8", "replace")
    try:
        problems = find(conn)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        problems = [f"{type(exc).__name__}: {exc}"]
    finally:
        conn.text_factory = str
    if problems:
        raise DamagedDiary(path, "\n".join(problems[:20]))


def full_check(conn: sqlite3.Connection, path: Path) -> None:
    """``PRAGMA integrity_check`` (indexes compared with their tables, which ``quick_check``
    skips) and the foreign keys; ``DamagedDiary`` when anything is wrong. Read-only."""
    _refuse_damage(conn, path, full_problems)


def _verify_left_log(path: Path) -> bool:
    """After a crash the -wal file is still there. Closing a writable connection would fold it
    into the main file, so the check happens first over a read-only connection, which never
    writes. Returns whether the check ran."""
    if not path.with_name(path.name + "-wal").exists():
        return False
    try:
        ro = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return False
    try:
        _verify(ro, path)
    except sqlite3.Error as exc:
        # Locked or unreadable this way: the writable connection's own checks decide.
        if is_damage(exc):
            raise DamagedDiary(path, f"{type(exc).__name__}: {exc}") from exc
        return False
    finally:
        ro.close()
    return True


def _kind_of(mode: int) -> str:
    for test, name in (
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _refuse_special(path: Path) -> None:
    """A device (a link to /dev/zero or /dev/null), a pipe or a socket is no diary: refused
    before SQLite opens it (and creates /dev/zero-journal beside it) or a read blocks."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing (or a dangling link): the caller says so
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        target = f" (a link to {os.path.realpath(path)})" if path.is_symlink() else ""
        raise NotADiary(path, f"the path is {_kind_of(mode)}{target}")


def _refuse_unwritable(path: Path) -> None:
    """An immutable file (``chattr +i``) refuses even root, with SQLite's bare "disk I/O
    error" later; opening it for writing here says what it is."""
    try:
        fd = os.open(path, os.O_WRONLY)
    except PermissionError as exc:
        if exc.errno == errno.EPERM:
            raise DiaryImmutable(path, f"{type(exc).__name__}: {exc}") from exc
        raise DiaryReadOnly(path, f"{type(exc).__name__}: {exc}") from exc
    except OSError as exc:
        if exc.errno == errno.EROFS:
            raise DiaryReadOnly(path, f"{type(exc).__name__}: {exc}") from exc
        return  # anything else: SQLite's own open decides
    os.close(fd)


def _prepare_path(path: Path, create: bool, read_only: bool) -> bool:
    """Check the path before SQLite sees it; returns whether a fresh file was made."""
    _refuse_special(path)
    if path.is_dir():
        raise NotADiary(path, "the path is a folder")
    if not path.exists():
        if not create or read_only:
            raise NoDiary(path)
        try:
            _make_private_file(path)
        except OSError as exc:
            raise DiaryReadOnly(path, f"{type(exc).__name__}: {exc}") from exc
        return True
    if not read_only:
        _refuse_unwritable(path)
    if path.stat().st_size == 0:
        if not create:
            raise NotADiary(path, "the file is empty")
        return True
    _check_header(path)
    return False


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    mode = "?mode=rw"
    if read_only:
        # A WAL-mode file without its -wal file cannot be opened read-only unless SQLite is
        # told that nobody writes it; with a -wal file present it reads the log normally.
        wal = path.with_name(path.name + "-wal")
        mode = "?mode=ro" if wal.exists() else "?mode=ro&immutable=1"
    conn = sqlite3.connect(f"file:{path.resolve().as_posix()}{mode}", uri=True, timeout=0.2)
    if not read_only:
        # Exclusive locking must be chosen before the first access to the file. (A read-only
        # connection cannot take it on a WAL file: SQLite answers with SQLITE_IOERR_LOCK.)
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    # Deleted text is overwritten in the file, not just unlinked from the b-tree.
    conn.execute("PRAGMA secure_delete = ON")
    return conn


def _start_writing(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: an entry acknowledged to the user survives a power cut (NORMAL does not in WAL).
    conn.execute("PRAGMA synchronous = FULL")


def _take_lock(path: Path, db: Database) -> None:
    try:
        _locks[id(db.conn)] = DiaryLock.acquire(path, db)
    except LockHeld as exc:
        info = exc.info
        # Where the system cannot tell whether that process is Kumppani, say what to do.
        here = info.host == socket.gethostname() and info.pid != os.getpid()
        unsure = here and runs_kumppani(info) is None
        raise DiaryLocked(
            path,
            info.describe(),
            f"lock file: {path}.lock",
            stale_lock=lock_path(path) if unsure else None,
        ) from exc
    except OSError as exc:
        raise DiaryReadOnly(path, f"lock file: {type(exc).__name__}: {exc}") from exc


def open_diary(
    path: Path | str,
    *,
    create: bool = False,
    read_only: bool = False,
    before_migrate: Callable[[Database], object] | None = None,
) -> Database:
    """Open (or with ``create`` make) the diary at ``path``, checked and migrated.

    Raises a ``DiaryError`` subclass for every problem a user can meet: no file, not a diary,
    a damaged file, a newer schema, a diary already open elsewhere, a read-only file or folder.
    A file that is refused is never written to. ``before_migrate`` runs on the opened database
    before any pending migration (the place for a safety backup).
    """
    path = Path(path)
    fresh = _prepare_path(path, create, read_only)
    try:
        conn = _connect(path, read_only)
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from exc
    db = Database(conn, execute_plugins=False)
    try:
        if not read_only:
            _take_lock(path, db)
        elif (holder := current_holder(path)) is not None:
            raise DiaryLocked(path, holder.describe(), f"lock file: {path}.lock")
        checked = not read_only and _verify_left_log(path)
        version, has_tables = _verify(conn, path, check=not checked)
        if read_only:
            if version < SCHEMA_VERSION:
                raise DiaryError(
                    _("{path} needs an upgrade, which cannot be done read-only.").format(path=path),
                    path,
                )
            return db
        _start_writing(conn)
        if not has_tables:
            fresh = True
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if MIGRATIONS.pending(db):
            if before_migrate is not None and not fresh:
                before_migrate(db)
            MIGRATIONS.apply(db)
        # A write transaction takes SQLite's exclusive lock now and keeps it until close.
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("COMMIT")
        return db
    except BaseException as exc:
        _abandon(db)
        if isinstance(exc, sqlite3.Error):
            raise translate_error(exc, path) from exc
        raise


def _abandon(db: Database) -> None:
    """Close a connection that failed to open, without checkpointing into a refused file."""
    lock = _locks.pop(id(db.conn), None)
    with contextlib.suppress(sqlite3.Error):
        db.conn.close()
    if lock is not None:
        lock.release()


def close_diary(db: Database) -> None:
    """Checkpoint the write-ahead log into the main file and close, leaving one self-contained
    file behind; then give up the lock file."""
    with contextlib.suppress(sqlite3.Error):
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with contextlib.suppress(sqlite3.Error):
        db.conn.close()
    lock = _locks.pop(id(db.conn), None)
    if lock is not None:
        lock.release()
