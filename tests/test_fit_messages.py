"""What the user is told instead of a raw SQLite message, a GUI phrase in a terminal, a wait
without end, or 30,000 lines of problems."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.backup.opening import open_diary_file
from app.backup.policy import BackupPolicy
from app.lock import lock_path
from app.persistence.errors import BackupFolderLink, DiaryImmutable, DiskFull, NotADiary
from tests.safety_helpers import count_entries, make_diary
from ui.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/null"])
def test_a_link_to_a_device_is_refused_before_sqlite_opens_it(
    tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "diary.sqlite3"
    link.symlink_to(target)
    before = set(Path(target).parent.iterdir())
    with pytest.raises(NotADiary) as caught:
        open_diary_file(link, create=True)
    assert "character device" in caught.value.details
    assert set(Path(target).parent.iterdir()) == before  # no /dev/zero-journal
    assert main(["--db", str(link), "status", "--partnership", "x"]) == 2
    err = capsys.readouterr().err
    assert "is not a Kumppani diary" in err and "disk I/O" not in err


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "diary.sqlite3"
    os.mkfifo(fifo)
    # Run in a child: reading a FIFO without a writer would block this test forever.
    code = (
        "import sys; from ui.cli import main; "
        f"sys.exit(main(['--db', {str(fifo)!r}, 'status', '--partnership', 'x']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "is not a Kumppani diary" in done.stderr and "Traceback" not in done.stderr


def test_an_immutable_diary_says_so(tmp_path: Path) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("chattr +i is not possible here")
    try:
        with pytest.raises(DiaryImmutable) as caught:
            open_diary_file(path)
        assert "unchangeable (immutable)" in caught.value.message
        assert "disk I/O" not in caught.value.message
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    assert count_entries(path) == 12


def test_the_command_lines_disk_full_message_speaks_of_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.services import imports

    def full(*args: object, **kwargs: object) -> int:
        raise DiskFull(tmp_path / "diary.sqlite3", "SQLITE_FULL")

    monkeypatch.setattr(imports, "import_partnership", full)
    db = tmp_path / "diary.sqlite3"
    code = main(["--db", str(db), "import", str(ROOT / "tests/fixtures/edge-case.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert "The disk is full" in err and "run the command again" in err
    assert "field" not in err


@pytest.fixture
def foreign_process() -> Iterator[int]:
    """A live process that is not Kumppani (as when a pid is reused after a reboot)."""
    proc = subprocess.Popen(["sleep", "60"])
    yield proc.pid
    proc.kill()
    proc.wait()


def test_a_lock_naming_a_live_process_that_is_not_kumppani_is_taken_over(
    tmp_path: Path, foreign_process: int
) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    holder = {"pid": foreign_process, "host": socket.gethostname(), "user": "x", "since": "then"}
    lock_path(path).write_text(json.dumps(holder), encoding="utf-8")
    diary = open_diary_file(path)  # not refused: that process holds nothing
    diary.close()


def test_a_lock_whose_pid_was_reused_by_another_python_is_taken_over(tmp_path: Path) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        holder = {
            "pid": proc.pid,
            "host": socket.gethostname(),
            "user": "x",
            "since": "then",
            "started": "1",  # the process that wrote the lock started at another time
        }
        if not Path(f"/proc/{proc.pid}/stat").exists():
            pytest.skip("no /proc here")
        lock_path(path).write_text(json.dumps(holder), encoding="utf-8")
        open_diary_file(path).close()
    finally:
        proc.kill()
        proc.wait()


def test_a_backup_folder_that_is_a_link_is_refused_with_a_message(tmp_path: Path) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "backups").symlink_to(elsewhere)
    diary = open_diary_file(path)
    try:
        with pytest.raises(BackupFolderLink) as caught:
            BackupPolicy(diary).backup_now()
    finally:
        diary.close()
    assert f"is a link to {elsewhere}" in caught.value.message
    assert list(elsewhere.iterdir()) == []


def test_the_csv_problem_list_shows_the_first_problems_and_a_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    csv = tmp_path / "bad.csv"
    rows = "".join(f"Nobody Oy {i},9\n" for i in range(5000))
    csv.write_text("organization,commitment\n" + rows, encoding="utf-8")
    capsys.readouterr()
    argv = ["--db", str(db), "responses", "import", "--partnership"]
    code = main([*argv, "demo-pohjolan-tukku-lahde", "--date", "2025-01-01", str(csv)])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.splitlines()) <= 12
    assert "… and 9990 more problems." in err


def test_a_live_holder_the_system_cannot_identify_comes_with_what_to_do(
    tmp_path: Path, foreign_process: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.lock
    import app.persistence.connection as connection
    from app.persistence.errors import DiaryLocked

    # As on a system without /proc: whether that process is Kumppani cannot be told.
    monkeypatch.setattr(app.lock, "runs_kumppani", lambda info: None)
    monkeypatch.setattr(connection, "runs_kumppani", lambda info: None)
    path = make_diary(tmp_path / "diary.sqlite3")
    holder = {"pid": foreign_process, "host": socket.gethostname(), "user": "x", "since": "then"}
    lock_path(path).write_text(json.dumps(holder), encoding="utf-8")
    with pytest.raises(DiaryLocked) as caught:
        open_diary_file(path)
    assert f"delete {lock_path(path)} and try again" in caught.value.message
