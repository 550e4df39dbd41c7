"""Counting the SQL statements the desktop application issues, on the diary's own connection.

``Statements`` records every statement SQLite runs on a connection (``set_trace_callback``).
``overview_refresh`` and ``captured_line`` drive the real widgets the way a user does and say
how many statements one overview refresh and one captured line of live capture cost; the
benchmark probe ``bench.probes.statements`` and the tests both use them, so the numbers in
``bench/results.json`` are the ones the tests pin.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

# A read of one partnership's own row (its fields, or its thresholds), by key.
PARTNERSHIP_ROW = re.compile(r"\bFROM partnerships\s+WHERE\s+pk\s*=", re.IGNORECASE)
SETTLE_S = 1.0  # longer than the window's deferred work (the badge is counted after 400 ms)


class Statements:
    """The statements run on ``conn`` while the ``with`` block runs."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.sql: list[str] = []

    def __enter__(self) -> Statements:
        self.conn.set_trace_callback(self.sql.append)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.conn.set_trace_callback(None)

    def __len__(self) -> int:
        return len(self.sql)

    def partnership_reads(self, since: int = 0) -> int:
        return sum(1 for s in self.sql[since:] if PARTNERSHIP_ROW.search(s))

    def queries(self, since: int = 0) -> list[str]:
        """Statements after position ``since``, without transaction control."""
        control = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
        return [s for s in self.sql[since:] if not s.lstrip().upper().startswith(control)]


def settle(app: Any, seconds: float = SETTLE_S) -> None:
    """Let the event loop run the window's deferred work (refresh timers, badge counts)."""
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.005)


def badges_counted(app: Any, window: Any, limit_s: float = 30.0) -> None:
    """Let the partnership list count every badge first (start-up counts one partnership per
    turn of the event loop): a count still running would be taken for the write's work."""
    counter = window.context.warning_counter
    until = time.perf_counter() + limit_s
    while (counter.pending or counter.busy) and time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.005)


def overview_refresh(context: Any, pk: int) -> Statements:
    """Statements of showing partnership ``pk`` on an Overview page that has not read it yet."""
    from ui.pages.overview import OverviewPage

    page = OverviewPage(context)
    try:
        with Statements(context.diary.db.conn) as seen:
            page.show_partnership(pk)
        return seen
    finally:
        page.deleteLater()


def captured_line(
    app: Any, window: Any, event_pk: int, text: str, wait: Callable[[], None] | None = None
) -> tuple[Statements, int]:
    """Write one line in live capture on the Diary page; returns the statements and the
    position after which the write was committed (what follows is the window catching up)."""
    diary = window.context.diary
    page = window.show_page("diary")
    page.show_event(event_pk)
    settle(app)
    badges_counted(app, window)
    committed: list[int] = []
    with Statements(diary.db.conn) as seen:
        # Told right after the commit, after the window's own listener (subscribed earlier).
        diary.subscribe(on_commit := lambda *_changes: committed.append(len(seen.sql)))
        page.capture.field.setPlainText(text)
        page.capture.save_line()
        diary.unsubscribe(on_commit)
        (wait or (lambda: settle(app)))()
    return seen, committed[0] if committed else len(seen.sql)
