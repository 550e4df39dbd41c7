"""Backups: made from the live connection, verified, private; when they are made; restoring."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations

from app.backup.files import default_backup_dir, list_backups
from app.backup.make import make_backup
from app.backup.opening import open_diary_file
from app.backup.policy import BackupPolicy
from app.backup.restore import available_backups, explain_damage, replace_with_backup, restore
from app.persistence.diary import Diary
from app.persistence.errors import BackupFailed, DamagedDiary
from app.persistence.integrity import check_file
from app.persistence.schema import MIGRATIONS, SCHEMA_VERSION
from tests.safety_helpers import count_entries, fill, make_diary

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_backup_holds_the_latest_commit_and_is_one_private_file(diary: Diary) -> None:
    fill(diary)  # still in the -wal file: a file copy of diary.sqlite3 would miss it
    folder = diary.path.parent / "backups"
    path = make_backup(diary.db.conn, folder, "diary", T0)
    assert path.name == "diary-20260302T093000.000Z.sqlite3"
    assert path.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    assert sorted(f.name for f in folder.iterdir()) == [path.name]  # no -wal, no temp file
    assert check_file(path) == []
    assert count_entries(path) == 12
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


BACKUP_FAILED = (
    "The backup could not be written to {p}. The diary itself is unchanged and safe, and older "
    "backups are untouched. Check that the folder exists, is writable and has free space, then "
    "try again."
)


def test_backup_into_an_impossible_folder_fails_clearly(diary: Diary, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(BackupFailed) as caught:
        make_backup(diary.db.conn, blocker, "diary", T0)
    assert str(caught.value) == BACKUP_FAILED.format(p=blocker)
    assert blocker.read_text() == "a file where the folder should be"


def test_policy_backs_up_at_start_on_change_and_at_exit(diary: Diary) -> None:
    clock = Clock()
    policy = BackupPolicy(diary, clock=clock)
    assert policy.at_start() is not None  # no backup yet
    clock.now += timedelta(hours=3)
    assert policy.at_start() is None  # the newest is younger than a day
    assert policy.on_timer() is None  # nothing changed
    fill(diary)
    clock.now += timedelta(minutes=30)
    assert policy.on_timer() is not None
    assert policy.at_exit() is None
    with diary.write() as db:
        db.execute("UPDATE partnerships SET name = 'Renamed'")
    clock.now += timedelta(minutes=5)
    made = policy.at_exit()
    assert made is not None and count_entries(made) == 12
    clock.now += timedelta(days=1, minutes=1)
    assert policy.at_start() is not None
    assert len(list_backups(policy.folder, "diary")) == 4


def test_clock_set_back_still_backs_up_at_start(diary: Diary) -> None:
    clock = Clock()
    policy = BackupPolicy(diary, clock=clock)
    policy.backup_now()
    clock.now -= timedelta(days=400)
    assert policy.at_start() is not None
    assert len(list_backups(policy.folder, "diary")) == 2  # the "future" one is kept


def test_second_folder_gets_a_copy_and_its_failure_is_reported_apart(
    diary: Diary, tmp_path: Path
) -> None:
    second = tmp_path / "usb" / "kumppani"
    policy = BackupPolicy(diary, second_folder=second, clock=Clock())
    made = policy.backup_now()
    assert (second / made.name).read_bytes() == made.read_bytes()
    (tmp_path / "usb").rename(tmp_path / "unplugged")
    (tmp_path / "usb").write_text("not a folder any more")
    policy.clock = Clock(T0 + timedelta(hours=1))
    made = policy.backup_now()
    assert made.exists()
    assert isinstance(policy.last_error, BackupFailed)


def test_thinning_deletes_old_backups_but_never_the_newest(diary: Diary) -> None:
    clock = Clock()
    policy = BackupPolicy(diary, clock=clock)
    for _ in range(60):
        policy.backup_now()
        clock.now += timedelta(hours=12)
    kept = list_backups(policy.folder, "diary")
    assert len(kept) < 60
    clock.now += timedelta(days=3000)
    policy.thin(policy.folder)
    assert list_backups(policy.folder, "diary")[0] == kept[0]


# The newest shipped diary: an older one needs an upgrade before it can be counted read-only.
FIXTURE = Path(__file__).parent / "fixtures" / f"schema-v{SCHEMA_VERSION}.sqlite3"


@pytest.mark.parametrize("source", ["made now", "shipped fixture"])
def test_every_migration_is_preceded_by_a_backup(
    diary_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    if source == "made now":
        make_diary(diary_path)
    else:
        if not FIXTURE.exists():
            pytest.skip(f"{FIXTURE.name} is not committed yet")
        shutil.copyfile(FIXTURE, diary_path)
    expected = _raw_count(diary_path)

    def m0099(db: Database) -> None:
        db.execute("CREATE TABLE later_feature (x)")

    extra = [*MIGRATIONS._migrations, Migrations._Migration("0099_test", m0099)]
    monkeypatch.setattr(MIGRATIONS, "_migrations", extra)
    d = open_diary_file(diary_path)
    d.close()
    [backup] = list_backups(default_backup_dir(diary_path), "diary")
    conn = sqlite3.connect(f"file:{backup.path}?mode=ro&immutable=1", uri=True)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "entries" in tables and "later_feature" not in tables
    # The backup is of the diary as it was: an older schema may need upgrading to be opened,
    # so its entries are counted with SQLite alone.
    assert _raw_count(backup.path) == expected
    assert check_file(backup.path) == []


def _raw_count(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        conn.close()


def test_restore_keeps_the_current_file_and_reopens(diary: Diary) -> None:
    fill(diary)
    first = BackupPolicy(diary, clock=Clock()).backup_now()
    fill(diary)  # a second partnership after the backup
    path = diary.path
    restored, kept = restore(diary, first)
    try:
        assert restored.db.execute("SELECT count(*) FROM entries").fetchone()[0] == 12
        assert kept is not None and kept.name.startswith("diary.replaced-")
        assert count_entries(kept) == 24  # nothing lost: the replaced diary is all there
        infos = available_backups(path)
        assert [i.partnerships for i in infos][-1] == 1
        assert infos[0].partnerships == 2  # the safety backup taken just before restoring
        assert all(i.size > 0 and i.events is not None for i in infos)
    finally:
        restored.close()


def test_a_damaged_diary_names_its_backup_and_is_replaced_without_loss(tmp_path: Path) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    d = open_diary_file(path)
    BackupPolicy(d, clock=Clock()).backup_now()
    d.close()
    with path.open("r+b") as f:
        f.write(b"\0" * 4096)
    damaged_bytes = path.read_bytes()
    with pytest.raises(DamagedDiary) as caught:
        open_diary_file(path)
    explained = explain_damage(caught.value)
    local = T0.astimezone().strftime("%Y-%m-%d %H:%M")
    assert str(explained) == (
        f"The diary {path} is damaged and cannot be opened safely. Kumppani has not written to "
        f"it. Your data is safe in the backup of {local}: choose Restore to continue from it, or "
        "open the data folder to look at the files."
    )
    [info] = available_backups(path)
    kept = replace_with_backup(path, info.backup.path)
    assert kept is not None and kept.read_bytes() == damaged_bytes
    d = open_diary_file(path)
    assert d.db.execute("SELECT count(*) FROM entries").fetchone()[0] == 12
    d.close()
