"""``kumppani check`` and ``kumppani backup``, the checks at open, and deleted text really gone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.backup.files import list_backups
from app.backup.opening import open_diary_file
from app.persistence import entries, trash
from app.persistence.diary import Diary
from app.persistence.integrity import check_file, purge_deleted_text
from tests.safety_helpers import fill, make_diary
from ui.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_check_of_a_healthy_diary_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    before = path.read_bytes()
    code, out, _err = _run(capsys, "--db", str(path), "check")
    assert code == 0
    assert out == f"The diary {path} is healthy: 1 partnership, 3 events. Newest backup: none."
    assert path.read_bytes() == before


def test_check_of_a_damaged_diary_names_the_backup_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    code, backup, _err = _run(capsys, "--db", str(path), "backup")
    assert code == 0 and Path(backup).parent == tmp_path / "backups"
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size - 4096 * 3)
    before = path.read_bytes()
    code, out, err = _run(capsys, "--db", str(path), "check")
    assert code != 0 and out == ""
    [made] = list_backups(tmp_path / "backups", "diary")
    assert err.startswith(f"kumppani: The diary {path} is damaged")
    assert f"Your data is safe in the backup of {made.local_time()}" in err
    assert path.read_bytes() == before


def test_check_of_a_diary_open_elsewhere_names_its_owner(
    diary: Diary, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "--db", str(diary.path), "check")
    assert code == 2
    assert err.startswith(f"kumppani: The diary {diary.path} is already open in Kumppani (process")


def test_check_after_a_crash_reads_the_log_without_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    d = open_diary_file(path)
    fill(d)
    # Simulate the crash: copy the file and its log as they are while open.
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in ("diary.sqlite3", "diary.sqlite3-wal"):
        (crashed / name).write_bytes((tmp_path / name).read_bytes())
    d.close()
    before = (crashed / "diary.sqlite3").read_bytes()
    code, out, _err = _run(capsys, "--db", str(crashed / "diary.sqlite3"), "check")
    assert code == 0 and "2 partnerships, 6 events" in out
    assert (crashed / "diary.sqlite3").read_bytes() == before


def test_backup_to_a_chosen_folder(
    diary: Diary, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(diary)
    diary.close()
    code, out, _err = _run(capsys, "--db", str(diary.path), "backup", "--to", str(tmp_path / "usb"))
    assert code == 0
    made = Path(out)
    assert made.parent == tmp_path / "usb" and check_file(made) == []
    assert made.stat().st_mode & 0o777 == 0o600


def test_a_foreign_key_break_is_damage_at_open(tmp_path: Path) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    conn = sqlite3.connect(path)  # another program, without foreign keys switched on
    conn.execute("DELETE FROM partnerships")
    conn.commit()
    conn.close()
    from app.persistence.errors import DamagedDiary

    with pytest.raises(DamagedDiary) as caught:
        open_diary_file(path)
    assert "foreign key: events row 1 refers to a missing partnerships row" in caught.value.details


def test_emptied_deleted_entries_leave_no_trace_in_the_file(diary: Diary) -> None:
    pk = fill(diary)
    marker = "Zyxqvmarkertext"
    with diary.write() as db:
        [first, *_rest] = entries.list_partnership_entries(db, pk)
        entry = first[1]
        entry.text = f"private remark {marker} about a person"
        entries.update_entry(db, entry)
        assert entry.pk is not None
        entries.set_entry_deleted(db, entry.pk, True)
    with diary.write() as db:
        trash.empty(db, pk)
        # FTS5 keeps removed tokens in its segments until they are merged.
        purge_deleted_text(db.conn)
    diary.close()
    for f in diary.path.parent.iterdir():
        if f.name.startswith("diary.sqlite3"):
            assert marker.encode() not in f.read_bytes(), f.name
            assert marker.lower().encode() not in f.read_bytes(), f.name
