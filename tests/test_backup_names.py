"""Backups taken in the same second (or with a clock that stands still) never replace each other."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.backup.files import list_backups
from app.backup.make import make_backup
from app.backup.opening import open_diary_file
from app.backup.policy import BackupPolicy
from app.backup.restore import replace_with_backup
from app.exchange import export_partnership, save_file
from app.persistence.diary import Diary
from app.persistence.integrity import check_file
from app.services.demo import load_demo
from tests.safety_helpers import count_entries, fill, make_diary
from ui.cli import main

T0 = datetime(2026, 3, 2, 9, 30, 0, 250_000, tzinfo=UTC)


def test_names_carry_milliseconds_and_parse_back(diary: Diary) -> None:
    folder = diary.path.parent / "backups"
    made = make_backup(diary.db.conn, folder, "diary", T0)
    assert made.name == "diary-20260302T093000.250Z.sqlite3"
    [listed] = list_backups(folder, "diary")
    assert listed.path == made and listed.taken_at == T0


def test_two_backups_at_the_same_moment_both_stay(diary: Diary) -> None:
    folder = diary.path.parent / "backups"
    first = make_backup(diary.db.conn, folder, "diary", T0)
    fill(diary)
    second = make_backup(diary.db.conn, folder, "diary", T0)
    assert first != second
    assert (count_entries(first), count_entries(second)) == (0, 12)
    newest, older = list_backups(folder, "diary")
    assert (newest.path, older.path) == (second, first)  # the later one sorts as newer
    assert newest.taken_at - older.taken_at == timedelta(milliseconds=1)
    assert check_file(first) == [] and check_file(second) == []


def test_a_policy_on_a_clock_that_stands_still_keeps_every_backup(diary: Diary) -> None:
    policy = BackupPolicy(diary, clock=lambda: T0)
    made = [policy.backup_now() for _ in range(3)]
    assert len(set(made)) == 3
    assert [b.path for b in list_backups(policy.folder, "diary")] == made[::-1]


def test_two_imports_in_a_row_each_keep_their_backup(diary_path: Path, tmp_path: Path) -> None:
    # Real clock: the backups before two quick imports fall in the same second.
    source = open_diary_file(tmp_path / "source.sqlite3", create=True)
    try:
        exchange = tmp_path / "demo.json"
        save_file(export_partnership(source.db, load_demo(source)), exchange)
    finally:
        source.close()
    open_diary_file(diary_path, create=True).close()
    db = ["--db", str(diary_path)]
    assert main([*db, "import", str(exchange)]) == 0
    assert main([*db, "import", "--copy", str(exchange)]) == 0
    backups = list_backups(diary_path.parent / "backups", "diary")
    assert [_partnerships(b.path) for b in backups] == [1, 0]


def _partnerships(backup: Path) -> int:
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM partnerships").fetchone()[0])
    finally:
        conn.close()


def test_names_from_before_milliseconds_are_still_read_and_thinned(diary: Diary) -> None:
    folder = diary.path.parent / "backups"
    evening = datetime(2025, 1, 1, 20, 0, 0, 500_000, tzinfo=UTC)
    later = make_backup(diary.db.conn, folder, "diary", evening)
    newest = make_backup(diary.db.conn, folder, "diary", T0)
    old = folder / "diary-20250101T080000Z.sqlite3"
    shutil.copyfile(later, old)
    listed = list_backups(folder, "diary")
    assert [b.path for b in listed] == [newest, later, old]
    assert listed[2].taken_at == datetime(2025, 1, 1, 8, tzinfo=UTC)
    # Of one day long ago only the day's newest stays.
    policy = BackupPolicy(diary, clock=lambda: T0 + timedelta(days=3))
    assert policy.thin(folder) == [old]


def test_restoring_twice_in_one_second_keeps_both_replaced_files(tmp_path: Path) -> None:
    diary = make_diary(tmp_path / "diary.sqlite3")
    empty = tmp_path / "empty.sqlite3"
    open_diary_file(empty, create=True).close()
    original = diary.read_bytes()
    kept_first = replace_with_backup(diary, empty, now=T0)
    kept_second = replace_with_backup(diary, empty, now=T0)
    assert kept_first is not None and kept_second is not None
    assert kept_first != kept_second
    assert kept_first.read_bytes() == original
    assert count_entries(kept_first) == 12 and count_entries(kept_second) == 0
