"""Writes say what they changed, and the window refreshes only that (SQL statements counted).

Statements are counted on the diary's own connection (``sqlite3.set_trace_callback``) while the
real widgets do what a facilitator does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.checklists import template_items
from app.domain import Entry, EntryType
from app.persistence import entries, events, partnerships
from app.persistence.changes import ENTRIES, EVENTS, EVERYTHING, ChangeSet
from app.persistence.diary import Diary
from app.persistence.errors import DiaryError
from app.services import checklist, warnings
from app.services.demo import load_demo
from app.services.editing import Editor
from app.services.undo import UndoStack
from bench.statements import Statements, captured_line, overview_refresh
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.warning_counter import WarningCounter


def _listen(diary: Diary) -> list[ChangeSet]:
    told: list[ChangeSet] = []
    diary.subscribe(told.append)
    return told


def test_listeners_get_what_the_write_declared(diary: Diary) -> None:
    pk = load_demo(diary)
    told = _listen(diary)
    # The inner write joins the outer one: one commit, one call, both declarations.
    with (
        diary.write(ChangeSet.of(ENTRIES, partnership=pk)),
        diary.write(ChangeSet.of(EVENTS, partnership=pk)),
    ):
        pass
    assert told == [ChangeSet(frozenset({ENTRIES, EVENTS}), frozenset({pk}))]
    assert told[0].touches({EVENTS}, pk) and not told[0].touches({EVENTS}, pk + 1)
    assert not told[0].touches({"checklist_marks"}, pk)


def test_an_undeclared_write_changed_everything(diary: Diary) -> None:
    pk = load_demo(diary)
    told = _listen(diary)
    with diary.write() as db:
        partnerships.set_thresholds(db, pk, {})
    with diary.write(ChangeSet.of(ENTRIES, partnership=pk)), diary.write():
        pass  # a nested write that declares nothing makes the whole write undeclared
    assert told == [EVERYTHING, EVERYTHING]
    assert told[0].touches({"anything"}, 12345)


def test_a_failed_write_tells_nobody(diary: Diary) -> None:
    told = _listen(diary)
    with pytest.raises(DiaryError), diary.write(ChangeSet.of(ENTRIES)) as db:
        db.execute("INSERT INTO no_such_table VALUES (1)")
    with diary.write(ChangeSet.of(EVENTS)):
        pass
    assert told == [ChangeSet.of(EVENTS)]  # the failed write's tables were not carried over


def test_a_captured_entry_and_its_undo_declare_the_entries_of_the_partnership(
    diary: Diary,
) -> None:
    pk = load_demo(diary)
    event = events.list_events(diary.db, pk)[-1].pk or 0
    undo = UndoStack(diary)
    told = _listen(diary)
    Editor(diary, undo).create_entry(pk, Entry(event, EntryType.IDEA, "Ask the sponsor"))
    undo.undo()
    assert told == [ChangeSet.of(ENTRIES, partnership=pk)] * 2


# -- the window ---------------------------------------------------------------------------


def test_one_overview_refresh_reads_the_partnership_row_once(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = load_demo(context.diary)
    seen = overview_refresh(context, pk)
    assert seen.partnership_reads() == 1
    assert context.snapshots.loads == 1  # the page and all its panels share one snapshot


def test_one_overview_refresh_runs_no_statement_twice(qtbot: QtBot, context: AppContext) -> None:
    """The checklist's own and hidden items come from one read (they were read twice)."""
    pk = load_demo(context.diary)
    checklist.set_hidden(context.diary, pk, next(iter(template_items().values())), True)
    queries = overview_refresh(context, pk).queries()
    assert len(queries) == len(set(queries))
    assert sum("checklist_custom" in q for q in queries) == 1


def test_the_badge_reuses_the_snapshot_the_overview_loaded(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = load_demo(context.diary)
    overview_refresh(context, pk)
    expected = warnings.warning_count(context.diary.db, pk, date.today())
    counter = context.warning_counter
    with Statements(context.diary.db.conn) as seen:
        counter.count(pk, pk)
        qtbot.waitUntil(lambda: pk in counter.counts)
    assert seen.queries() == []
    assert counter.count(pk, pk) == expected > 0


def test_a_captured_line_refreshes_no_page_it_did_not_change(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    diary = context.diary
    pk = load_demo(diary)
    win = build()
    win.select_partnership(pk)
    for key in ("overview", "commitment", "actions", "history"):
        win.show_page(key)  # built and shown once: each holds what it read
    latest = events.list_events(context.diary.db, pk)[-1].pk or 0
    app = QApplication.instance()
    counter = context.warning_counter

    def caught_up() -> None:  # the window refreshed and counted the badge again
        qtbot.waitUntil(lambda: counter.counts.get(pk, (-1, 0))[0] == diary.changes, timeout=10_000)
        qtbot.wait(50)

    seen, committed = captured_line(app, win, latest, "Sponsor asks for numbers", caught_up)
    after = " ".join(seen.queries(committed))
    for read in ("checklist_marks", "checklist_custom", "FROM partnerships WHERE deleted"):
        assert read not in after  # neither the checklist nor the partnership list is read again
    # The line is in the diary, and its badge was counted again from one fresh snapshot.
    assert "Sponsor asks for numbers" in [e.text for e in entries.list_entries(diary.db, latest)]
    for key in ("commitment", "actions"):
        with Statements(context.diary.db.conn) as switching:
            win.show_page(key)
        assert switching.queries() == [], key  # nothing it shows changed: not read again
    with Statements(context.diary.db.conn) as switching:
        win.show_page("overview")
    assert switching.queries() == []  # its warnings come from the badge's snapshot


def test_an_acknowledgement_refreshes_the_warnings_not_the_checklist(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    pk = load_demo(context.diary)
    win = build()
    win.select_partnership(pk)
    win.show_page("overview")
    warning = warnings.review(context.diary.db, pk, date.today())[0].warning
    with Statements(context.diary.db.conn) as seen:
        warnings.acknowledge(context.diary, pk, warning, date.today(), None)
        qtbot.wait(50)
    after = " ".join(seen.queries())
    assert "warning_acks" in after and "checklist_marks" not in after


def test_a_counter_of_its_own_diary_per_context(qtbot: QtBot, context: AppContext) -> None:
    assert isinstance(context.warning_counter, WarningCounter)
    assert context.warning_counter is context.warning_counter
    assert context.warning_counter.snapshots is context.snapshots
