"""An open diary: the database, its file, and the one way to write to it.

Every write goes through ``Diary.write()``: one transaction, SQLite errors turned into the
``DiaryError`` a user can act on, and listeners told afterwards with the ``ChangeSet`` the writer
declared (the GUI refreshes what it touched, the backup scheduler counts changes). Nothing here is global: the composition root creates a ``Diary`` and
passes it to whoever needs it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from app.domain.authors import Author
from app.persistence.changes import EVERYTHING, ChangeSet
from app.persistence.connection import close_diary, full_check, open_diary, translate_error
from app.persistence.errors import DamagedDiary

Listener = Callable[[ChangeSet], None]
CloseListener = Callable[[], None]


class Diary:
    """An open diary file."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.path = path
        # Counts committed writes; backups compare it to decide whether anything changed.
        self.changes = 0
        self._listeners: list[Listener] = []
        self._close_listeners: list[CloseListener] = []
        self._depth = 0
        self._pending: ChangeSet | None = None  # what the open transaction has declared so far
        self._closed = False
        # The full integrity check runs once, before the first write of the session (opening
        # runs only quick_check, which does not compare indexes with their tables).
        self._verified = False
        self._damage: DamagedDiary | None = None
        # Set by the opening layer: turns a DamagedDiary into one naming the newest backup.
        self.explain_damage: Callable[[DamagedDiary], DamagedDiary] = lambda e: e
        # Who writes (``set_author``): stamped on every record created or changed.
        self._author: Author | None = None

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        before_migrate: Callable[[Database], object] | None = None,
    ) -> Diary:
        """Open ``path`` through the safe open path; ``before_migrate`` runs before an upgrade.

        Callers outside the persistence layer open diaries through
        ``app.backup.opening.open_diary_file``, which passes the pre-migration backup.
        """
        path = Path(path)
        db = open_diary(path, create=create, before_migrate=before_migrate)
        return cls(db, path)

    @property
    def verified(self) -> bool:
        """True once the full integrity check has passed in this session."""
        return self._verified

    def verify(self) -> None:
        """Run the full integrity check now, unless it ran; ``DamagedDiary`` (naming the newest
        backup) if the file is damaged, and then every later write is refused the same way."""
        if self._damage is not None:
            raise self._damage
        if self._verified:
            return
        try:
            full_check(self.db.conn, self.path)
        except DamagedDiary as exc:
            self._damage = self.explain_damage(exc)
            raise self._damage from None
        self._verified = True

    @property
    def author(self) -> Author | None:
        """The facilitator whose writes this diary stamps, or None (records stay unattributed)."""
        return self._author

    def set_author(self, author: Author | None) -> None:
        """Stamp the records written from now on with ``author`` (``app.persistence.authors``);
        the author's name is recorded in the diary with each write (once it is there, that
        changes nothing)."""
        from app.persistence.authors import install_stamps

        self._author = author
        install_stamps(self.db.conn, author.id if author else None)

    @contextmanager
    def write(self, changes: ChangeSet = EVERYTHING) -> Iterator[Database]:
        """One transaction; nested calls join the outer one. Listeners run after the commit.

        ``changes`` declares what the write touches; without it, everything changed. Nested
        writes add theirs to the outer one's, and listeners get them all together. The first
        write of a session waits for the full integrity check: a damaged diary is never
        written to.
        """
        if self._depth == 0:
            self.verify()
        self._pending = changes if self._pending is None else self._pending | changes
        self._depth += 1
        try:
            with self.db.atomic():
                if self._author is not None and self._depth == 1:
                    from app.persistence.authors import register

                    register(self.db, self._author)  # nothing changes when already there
                yield self.db
        except (sqlite3.Error, UnicodeEncodeError) as exc:
            # UnicodeEncodeError: pasted text with a lone surrogate; nothing was written.
            raise translate_error(exc, self.path) from exc
        finally:
            self._depth -= 1
            done = self._pending if self._depth == 0 else None
            if self._depth == 0:
                self._pending = None
        if done is not None:
            self.changes += 1
            for listener in list(self._listeners):
                listener(done)

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` with the ``ChangeSet`` after every committed write."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @property
    def closed(self) -> bool:
        """True once ``close()`` has run: deferred work checks it before reading."""
        return self._closed

    def on_close(self, listener: CloseListener) -> None:
        """Call ``listener`` just before the diary closes (to stop timers that would read it)."""
        self._close_listeners.append(listener)

    def close(self) -> None:
        """Close the file; closing again does nothing."""
        if self._closed:
            return
        self._closed = True
        for listener in list(self._close_listeners):
            listener()
        self._close_listeners.clear()
        close_diary(self.db)
