"""What a page of the history, a search or the commitment plot reads: a bounded amount, however
large the diary (issue 18). These tests count the work SQLite does (virtual-machine steps through
a progress handler), look at the query plans of the statements a page runs, and watch which
columns are read (an authorizer); they never time anything.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from app.backup.opening import open_diary_file
from app.domain import Entry, EntryType, Visibility
from app.persistence import entries as entry_repo
from app.persistence import events as event_repo
from app.persistence.diary import Diary
from app.persistence.paging import COUNT_LIMIT, RANK_LIMIT, Order, Pages
from app.persistence.snapshots import load_snapshot
from app.series import include_for
from bench.generator import Sizes, generate

SMALL, LARGE = 2_000, 8_000
RARE = "quokkaseminar"


def _sizes(entries: int) -> Sizes:
    return Sizes(
        partnerships=1,
        events=entries // 25,
        entries=entries,
        actions=entries // 20,
        waves=3,
        years=4.0,
        largest_share=1.0,
    )


@pytest.fixture(scope="module")
def diaries(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[int, Diary]]:
    """One partnership of 2,000 and one of 8,000 entries, each with a few rare-word entries."""
    folder = tmp_path_factory.mktemp("shape")
    opened: dict[int, Diary] = {}
    for size in (SMALL, LARGE):
        path = generate(folder / f"d{size}.sqlite3", _sizes(size))
        diary = open_diary_file(path)
        with diary.write() as db:
            first = event_repo.list_events(db, 1)[0]
            for k in range(3):
                entry = Entry(first.pk or 0, EntryType.NOTE, f"{RARE} {k}", Visibility.PRIVATE)
                entry_repo.insert_entry(db, 1, entry)
        opened[size] = diary
    yield opened
    for diary in opened.values():
        diary.close()


def _steps(conn: sqlite3.Connection, work: Callable[[], object]) -> int:
    """The virtual-machine steps SQLite takes for ``work`` (counted in hundreds)."""
    count = 0

    def tick() -> int:
        nonlocal count
        count += 1
        return 0

    conn.set_progress_handler(tick, 100)
    try:
        work()
    finally:
        conn.set_progress_handler(None, 0)
    return count


@contextmanager
def _statements(conn: sqlite3.Connection) -> Iterator[list[str]]:
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        conn.set_trace_callback(None)


def _first_page(diary: Diary, text: str = "") -> Callable[[], object]:
    return lambda: Pages(diary.db, 1, text).next_page()


def test_the_history_opens_on_its_first_page_at_the_same_cost_in_a_diary_four_times_larger(
    diaries: dict[int, Diary],
) -> None:
    small = _steps(diaries[SMALL].db.conn, _first_page(diaries[SMALL]))
    large = _steps(diaries[LARGE].db.conn, _first_page(diaries[LARGE]))
    # Reading every key, as before, costs four times as much in the larger diary.
    assert large < 1.5 * small, (small, large)
    pages = Pages(diaries[LARGE].db, 1, "")
    assert pages.order is Order.NEWEST and pages.total is None and pages.more_than == COUNT_LIMIT


def test_scrolling_deep_into_the_history_costs_what_the_first_page_costs(
    diaries: dict[int, Diary],
) -> None:
    diary = diaries[LARGE]
    pages = Pages(diary.db, 1, "", count=False)
    first = _steps(diary.db.conn, pages.next_page)
    for _ in range(60):
        pages.next_page()
    deep = _steps(diary.db.conn, pages.next_page)
    assert deep <= 1.5 * first + 2, (first, deep)


def test_every_page_of_the_listing_and_of_a_common_word_is_read_through_an_index_in_order(
    diaries: dict[int, Diary],
) -> None:
    conn = diaries[LARGE].db.conn
    for text in ("", "että", "m"):
        pages = Pages(diaries[LARGE].db, 1, text)
        assert pages.order is not Order.BEST, text
        with _statements(conn) as seen:
            pages.next_page()
            pages.next_page()
        selects = [sql for sql in seen if sql.startswith("SELECT")]  # not FTS5's own
        assert selects
        for sql in selects:
            plan = " / ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
            # No sort of the rows found (temp B-tree) and no scan of a whole table.
            assert "TEMP B-TREE" not in plan and "SCAN n" not in plan, (sql, plan)
            assert "SCAN e " not in plan + " ", (sql, plan)


@pytest.mark.parametrize("text", ["että", "sovittiin", "m", "jo"])
def test_a_common_word_shows_the_newest_first_at_the_same_cost_in_a_larger_diary(
    diaries: dict[int, Diary], text: str
) -> None:
    small = _steps(diaries[SMALL].db.conn, _first_page(diaries[SMALL], text))
    large = _steps(diaries[LARGE].db.conn, _first_page(diaries[LARGE], text))
    assert large < 1.5 * small + 2, (text, small, large)
    pages = Pages(diaries[LARGE].db, 1, text)
    assert pages.order is Order.RECENT
    keys = [entry for _, entry in pages.next_page() if entry is not None]
    # Most recently written first: entry keys go down.
    assert keys == sorted(keys, reverse=True) and keys


def test_a_rare_word_is_ranked_and_counted_exactly(diaries: dict[int, Diary]) -> None:
    for prefix in (RARE, RARE[:5]):
        pages = Pages(diaries[LARGE].db, 1, prefix)
        assert pages.order is Order.BEST and pages.total == 3
        assert len(pages.next_page()) == 3 and pages.exhausted


def test_every_key_is_listed_exactly_once_in_order_across_pages(diaries: dict[int, Diary]) -> None:
    db = diaries[SMALL].db
    pages = Pages(db, 1, "", count=False)
    keys: list[tuple[int, int | None]] = []
    while page := pages.next_page(97):
        keys += page
    expected = [
        (r[0], r[1])
        for r in db.conn.execute(
            "SELECT e.pk, n.pk FROM events e JOIN entries n ON n.event_pk = e.pk "
            "WHERE e.partnership_pk = 1 AND n.deleted_at IS NULL AND e.deleted_at IS NULL "
            "ORDER BY e.date DESC, e.pk DESC, n.seq"
        )
    ]
    assert keys == expected and len(keys) == SMALL + 3


def test_every_hit_of_a_common_word_is_found_once_across_pages(diaries: dict[int, Diary]) -> None:
    db = diaries[LARGE].db
    pages = Pages(db, 1, "sovittiin", count=False)
    assert pages.order is Order.RECENT
    keys: list[tuple[int, int | None]] = []
    while page := pages.next_page():
        keys += page
    entries = {
        r[0]
        for r in db.conn.execute(
            "SELECT rowid FROM entries_fts WHERE entries_fts MATCH '\"sovittiin\"*'"
        )
    }
    events = {
        r[0]
        for r in db.conn.execute(
            "SELECT rowid FROM events_fts WHERE events_fts MATCH '\"sovittiin\"*'"
        )
    }
    assert len(keys) == len(set(keys)) > RANK_LIMIT
    assert {n for _, n in keys if n is not None} == entries
    assert {e for e, n in keys if n is None} == events


def _columns_read(conn: sqlite3.Connection, work: Callable[[], Any]) -> set[tuple[str, str]]:
    read: set[tuple[str, str]] = set()

    def authorize(action: int, table: str | None, column: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table and column:
            read.add((table, column))
        return sqlite3.SQLITE_OK

    conn.set_authorizer(authorize)
    try:
        work()
    finally:
        conn.set_authorizer(None)
    return read


@pytest.mark.parametrize("measure", ["commitment", "idea_conversion", "sponsor_attendance"])
def test_the_commitment_plot_loader_reads_no_entry_text(
    diaries: dict[int, Diary], measure: str
) -> None:
    db = diaries[SMALL].db
    read = _columns_read(db.conn, lambda: load_snapshot(db, 1, include_for(measure)))
    assert ("entries", "text") not in read
    if measure == "idea_conversion":
        assert ("entries", "type") in read  # the indicator does count the entries


def test_the_commitment_page_reads_no_entry_text(
    qtbot: Any, diaries: dict[int, Diary], tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from app.services.undo import UndoStack
    from ui.context import AppContext
    from ui.pages.commitment_page import CommitmentPage

    diary = diaries[SMALL]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(diary=diary, undo=UndoStack(diary), settings=settings)
    page = CommitmentPage(context)
    qtbot.addWidget(page)

    def show_both() -> None:
        page.show_partnership(1)
        page.measure.setCurrentIndex(page.measure.findData("idea_conversion"))

    read = _columns_read(diary.db.conn, show_both)
    assert page.series is not None and page.series.measure == "idea_conversion"
    assert ("entries", "text") not in read and ("entries", "type") in read
