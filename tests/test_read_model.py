"""The partnership read model: one snapshot, one as-of rule, read once and shared.

The as-of rule is checked the way a facilitator relies on it: a diary looked at "as of" a day
says exactly what a copy of the diary holding only what was known that day says — in the early
warnings, in every chart and in the feedback report.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.backup.opening import open_diary_file
from app.domain import ActionStatus
from app.domain.snapshot import RATINGS_ONLY, Include
from app.persistence import actions, events, partnerships, records
from app.persistence.diary import Diary
from app.persistence.shared import SharedView
from app.persistence.snapshots import SnapshotCache, load_snapshot
from app.report import ReportOptions, assemble_report
from app.rules import evaluate
from app.series import commitment_series, measures
from app.services.demo import load_demo

AS_OF = date(2024, 10, 20)  # the demonstration partnership runs from 2024-01 to 2025-12


def _forget_after(diary: Diary, pk: int, day: date) -> None:
    """Make the diary hold only what was known at the end of ``day``."""
    db = diary.db
    with diary.write():
        for e in events.list_events(db, pk):
            if e.day > day:
                events.set_event_deleted(db, e.pk or 0, True)
        for a in actions.list_actions(db, pk):
            if a.created_on > day:
                actions.set_action_deleted(db, a.pk or 0, True)
            elif a.done_on is not None and a.done_on > day:
                actions.update_action(
                    db, dataclasses.replace(a, status=ActionStatus.OPEN, done_on=None)
                )
        for move in partnerships.list_phases(db, pk):
            if move.from_on > day:
                partnerships.delete_phase(db, move.pk or 0)
        for report in records.list_feedback_reports(db, pk):
            if report.generated_on > day:
                records.delete_feedback_report(db, report.pk or 0)
        for mark in records.list_checklist_marks(db, pk):
            if mark.marked_on > day:
                records.delete_checklist_mark(db, pk, mark.item)


@pytest.fixture
def full_and_known(tmp_path: Path) -> Iterator[tuple[Diary, Diary, int]]:
    """The demonstration diary, and a copy that holds only what was known on ``AS_OF``."""
    first = open_diary_file(tmp_path / "full.sqlite3", create=True)
    pk = load_demo(first)
    first.close()
    shutil.copyfile(tmp_path / "full.sqlite3", tmp_path / "known.sqlite3")
    full = open_diary_file(tmp_path / "full.sqlite3")
    known = open_diary_file(tmp_path / "known.sqlite3")
    _forget_after(known, pk, AS_OF)
    yield full, known, pk
    full.close()
    known.close()


def test_the_snapshot_as_of_a_day_is_the_diary_of_that_day(
    full_and_known: tuple[Diary, Diary, int],
) -> None:
    full, known, pk = full_and_known
    full_snap, known_snap = load_snapshot(full.db, pk), load_snapshot(known.db, pk)
    assert full_snap is not None and known_snap is not None
    cut = full_snap.until(AS_OF)
    assert len(cut.events) < len(full_snap.events)
    assert cut.events == known_snap.events
    assert cut.entries == known_snap.entries
    assert cut.reports == known_snap.reports
    assert cut.partnership.phases == known_snap.partnership.phases
    # An action done after the day was still open on it.
    assert [(a.pk, a.status, a.done_on) for a in cut.actions] == [
        (a.pk, a.status, a.done_on) for a in known_snap.actions
    ]


def test_warnings_as_of_a_day_ignore_what_came_later(
    full_and_known: tuple[Diary, Diary, int],
) -> None:
    full, known, pk = full_and_known
    full_snap, known_snap = load_snapshot(full.db, pk), load_snapshot(known.db, pk)
    assert full_snap is not None and known_snap is not None
    said = [w.as_json() for w in evaluate(full_snap, AS_OF, full_snap.thresholds)]
    assert said  # the demonstration partnership has warnings on that day
    assert said == [w.as_json() for w in evaluate(known_snap, AS_OF, known_snap.thresholds)]


def test_every_chart_as_of_a_day_ignores_what_came_later(
    full_and_known: tuple[Diary, Diary, int],
) -> None:
    full, known, pk = full_and_known
    for measure, _label in measures():
        as_of = commitment_series(full.db, pk, measure, as_of=AS_OF)
        assert as_of is not None
        assert as_of.end <= AS_OF
        assert as_of == commitment_series(known.db, pk, measure), measure
    # Without a date the chart goes on: the later facts are there, just not as of the day.
    assert commitment_series(full.db, pk).end > AS_OF  # type: ignore[union-attr]


def test_the_report_as_of_a_day_ignores_what_came_later(
    full_and_known: tuple[Diary, Diary, int],
) -> None:
    full, known, pk = full_and_known
    options = ReportOptions(generated_on=AS_OF)
    from_full = assemble_report(SharedView(full.db, pk), options)
    from_known = assemble_report(SharedView(known.db, pk), options)
    # Only "upcoming" looks past the day: it lists the meetings planned after it.
    assert from_full.upcoming and not from_known.upcoming
    assert dataclasses.replace(from_full, upcoming=()) == from_known


def test_one_loader_gives_one_immutable_snapshot(diary: Diary) -> None:
    pk = load_demo(diary)
    snapshot = load_snapshot(diary.db, pk)
    assert snapshot is not None
    assert isinstance(snapshot.events, tuple) and isinstance(snapshot.entries, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        snapshot.events = ()  # type: ignore[misc]
    assert all(n.text == "" for n in snapshot.entries)  # no entry text unless asked for
    with_texts = load_snapshot(diary.db, pk, Include(texts=True))
    assert with_texts is not None and any(n.text for n in with_texts.entries)
    ratings_only = load_snapshot(diary.db, pk, RATINGS_ONLY)
    assert ratings_only is not None and ratings_only.actions == () and ratings_only.entries == ()
    assert load_snapshot(diary.db, 999) is None


def test_the_cache_reuses_a_snapshot_until_the_diary_is_written(diary: Diary) -> None:
    pk = load_demo(diary)
    cache = SnapshotCache(diary)
    first = cache.get(pk)
    assert cache.get(pk) is first
    assert cache.get(pk, RATINGS_ONLY) is first  # loaded with more, it serves a request for less
    assert cache.loads == 1
    with diary.write() as db:
        partnerships.set_thresholds(db, pk, {"overdue-actions": {"enabled": False}})
    again = cache.get(pk)
    assert again is not first and again is not None
    assert again.thresholds == {"overdue-actions": {"enabled": False}}
    assert cache.loads == 2
