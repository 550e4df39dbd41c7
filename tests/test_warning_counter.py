"""The partnership list's warning counter never reads a diary after it has closed."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.backup.opening import open_diary_file
from app.persistence.diary import Diary
from app.persistence.snapshots import SnapshotCache
from app.services.demo import load_demo
from ui.warning_counter import WarningCounter


def test_the_diary_knows_it_is_closed(diary_path: Path) -> None:
    diary = open_diary_file(diary_path, create=True)
    assert not diary.closed
    diary.close()
    assert diary.closed
    diary.close()  # a second close does nothing (and does not raise)


def test_closing_the_diary_stops_a_waiting_count(qtbot: QtBot, diary_path: Path) -> None:
    diary = open_diary_file(diary_path, create=True)
    pk = load_demo(diary)
    counter = WarningCounter(diary, SnapshotCache(diary))
    ready: list[bool] = []
    counter.on_ready = lambda: ready.append(True)
    assert counter.count(pk, pk) == 0  # not known yet: counted a moment later
    assert counter.pending == {pk}
    diary.close()
    assert counter.pending == set()
    assert not counter._timer.isActive()
    # Had the timer survived, it would fire now and read a closed connection; pytest-qt fails
    # the test on any exception raised inside a Qt callback.
    qtbot.wait(WarningCounter.DEFERRED_MS + 100)
    assert ready == [] and counter.counts == {}
    assert counter.count(pk, pk) == 0 and not counter._timer.isActive()


def test_a_count_already_due_after_close_reads_nothing(diary: Diary) -> None:
    pk = load_demo(diary)
    counter = WarningCounter(diary, SnapshotCache(diary))
    diary.close()
    counter.pending.add(pk)  # as if the timer's turn came after all
    counter._count_pending()
    assert counter.counts == {} and counter.pending == set()
