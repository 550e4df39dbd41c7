"""One owner per diary: a second instance is refused by name, a stale lock is taken over."""

from __future__ import annotations

import gc
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.backup.opening import open_diary_file
from app.lock import lock_path, read_lock
from app.persistence.diary import Diary
from app.persistence.errors import DiaryLocked
from tests.safety_helpers import make_diary

ROOT = Path(__file__).resolve().parent.parent

_HOLDER = """
import sys
from app.backup.opening import open_diary_file
d = open_diary_file(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
d.close()
"""


@pytest.fixture
def other_instance(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """A second Kumppani process holding a diary open until told to quit."""
    path = make_diary(tmp_path / "diary.sqlite3")
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    yield path, proc
    proc.communicate("quit\n", timeout=30)


def _expected(path: Path, who: str) -> str:
    return (
        f"The diary {path} is already open in {who}. Your data is safe. Close it there first; "
        "a diary has one owner at a time so that nothing is overwritten."
    )


def test_second_instance_is_refused_naming_the_first(
    other_instance: tuple[Path, subprocess.Popen[str]],
) -> None:
    path, proc = other_instance
    before = path.read_bytes()
    with pytest.raises(DiaryLocked) as caught:
        open_diary_file(path)
    info = read_lock(lock_path(path))
    assert info is not None and info.pid == proc.pid and info.host == socket.gethostname()
    assert str(caught.value) == _expected(path, info.describe())
    assert f"process {proc.pid}" in str(caught.value)
    assert path.read_bytes() == before
    assert read_lock(lock_path(path)) == info  # the refused open did not touch the lock


def test_exclusive_lock_is_the_backstop_without_a_lock_file(
    other_instance: tuple[Path, subprocess.Popen[str]],
) -> None:
    path, _proc = other_instance
    lock_path(path).unlink()  # someone deleted it, or a sync tool did not copy it
    with pytest.raises(DiaryLocked) as caught:
        open_diary_file(path)
    assert str(caught.value) == _expected(path, "another program")
    assert "SQLITE_BUSY" in caught.value.details


def test_second_open_in_the_same_process_is_refused(diary: Diary) -> None:
    with pytest.raises(DiaryLocked):
        open_diary_file(diary.path)
    diary.db.execute("SELECT count(*) FROM partnerships")  # the first one still works


def test_lock_file_is_private_and_removed_at_close(diary_path: Path) -> None:
    d = open_diary_file(diary_path, create=True)
    lock = lock_path(diary_path)
    assert lock.stat().st_mode & 0o077 == 0
    d.close()
    assert not lock.exists()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.parametrize(
    "content",
    [
        lambda: {"pid": _dead_pid(), "host": socket.gethostname(), "user": "x", "since": "then"},
        lambda: "{half-written",
    ],
    ids=["dead process", "garbled file"],
)
def test_stale_lock_is_taken_over(tmp_path: Path, content: object) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    value = content()  # type: ignore[operator]
    lock_path(path).write_text(value if isinstance(value, str) else json.dumps(value))
    d = open_diary_file(path)
    info = read_lock(lock_path(path))
    assert info is not None and info.pid == os.getpid()
    d.close()


def test_lock_of_a_forgotten_connection_in_this_process_is_taken_over(diary_path: Path) -> None:
    d = open_diary_file(diary_path, create=True)
    d.db.conn.close()  # closed without close_diary, then dropped
    del d
    gc.collect()
    open_diary_file(diary_path).close()


def test_lock_held_on_another_computer_is_respected(tmp_path: Path) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    holder = {"pid": 1, "host": "laptop-of-aino", "user": "aino", "since": "2026-01-05 09:12"}
    lock_path(path).write_text(json.dumps(holder))
    with pytest.raises(DiaryLocked) as caught:
        open_diary_file(path)
    assert "aino on laptop-of-aino, since 2026-01-05 09:12" in str(caught.value)
