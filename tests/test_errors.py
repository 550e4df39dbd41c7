"""Every way a diary file can be unusable ends in its exact message, and the file is unchanged."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from pathlib import Path

import pytest

from app.backup.opening import open_diary_file
from app.domain import Entry, EntryType
from app.persistence import entries, events
from app.persistence.connection import open_diary
from app.persistence.diary import Diary
from app.persistence.errors import (
    DamagedDiary,
    DiaryError,
    DiaryReadOnly,
    DiskFull,
    InvalidText,
    NewerDiary,
    NotADiary,
)
from app.persistence.schema import SCHEMA_VERSION
from app.safety.text import clean, problems
from tests.safety_helpers import count_entries, fill, make_diary

DAMAGED = (
    "The diary {p} is damaged and cannot be opened safely. Kumppani has not written to it. "
    "No backup of it was found. Open the data folder and keep a copy of the file; do not "
    "delete it."
)
NOT_A_DIARY = (
    "{p} is not a Kumppani diary. Nothing was changed in it; choose a diary file (usually "
    "named diary.sqlite3)."
)


def _truncate(p: Path) -> None:
    with p.open("r+b") as f:
        f.truncate(p.stat().st_size // 2)


def _zero_first_page(p: Path) -> None:
    with p.open("r+b") as f:
        f.write(b"\0" * 4096)


def _flip_bytes(p: Path) -> None:
    # Flips inside the first page's schema records: SQLite has no checksums, so flips in plain
    # text would go unnoticed; flips in the structure it reads first are always caught.
    data = bytearray(p.read_bytes())
    rng = random.Random(7)
    for _ in range(64):
        data[rng.randrange(2048, 4096)] ^= 0xFF
    p.write_bytes(bytes(data))


def _empty(p: Path) -> None:
    p.write_bytes(b"")


def _text_file(p: Path) -> None:
    p.write_text("Minutes of the kick-off meeting\n" * 50, encoding="utf-8")


def _other_sqlite_app(p: Path) -> None:
    p.unlink()
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()


CASES: list[tuple[str, Callable[[Path], None], type[DiaryError], str]] = [
    ("truncated", _truncate, DamagedDiary, DAMAGED),
    ("zeroed first page", _zero_first_page, DamagedDiary, DAMAGED),
    ("bytes flipped", _flip_bytes, DamagedDiary, DAMAGED),
    ("empty file", _empty, NotADiary, NOT_A_DIARY),
    ("text file", _text_file, NotADiary, NOT_A_DIARY),
    ("another program's database", _other_sqlite_app, NotADiary, NOT_A_DIARY),
]


@pytest.mark.parametrize(("name", "spoil", "kind", "message"), CASES, ids=[c[0] for c in CASES])
def test_unusable_file_is_refused_untouched(
    tmp_path: Path,
    name: str,
    spoil: Callable[[Path], None],
    kind: type[DiaryError],
    message: str,
) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    spoil(path)
    before = path.read_bytes()
    with pytest.raises(kind) as caught:
        open_diary_file(path)
    assert str(caught.value) == message.format(p=path)
    assert caught.value.details  # the technical part is there for the Details button
    assert path.read_bytes() == before
    # No journal, WAL or lock file was left behind either.
    assert sorted(f.name for f in tmp_path.iterdir()) == ["diary.sqlite3"]


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerDiary) as caught:
        open_diary_file(path)
    assert str(caught.value) == (
        f"The diary {path} was written by a newer version of Kumppani (schema {SCHEMA_VERSION + 1}; this version "
        f"reads up to {SCHEMA_VERSION}). Nothing was changed; update Kumppani to open it."
    )
    assert path.read_bytes() == before


def _big_entry(diary: Diary, text: str) -> None:
    with diary.write() as db:
        ev = events.list_events(db, 1)[0]
        assert ev.pk is not None
        entries.insert_entry(db, 1, Entry(ev.pk, EntryType.NOTE, text))


DISK_FULL = (
    "The disk is full, so the last change was not saved. Everything saved before it is safe. "
    "Free some space and try again; your text is still in its field."
)


def test_disk_full_by_page_limit(diary: Diary) -> None:
    fill(diary)
    pages = diary.db.execute("PRAGMA page_count").fetchone()[0]
    diary.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull) as caught:
        _big_entry(diary, "x" * 200_000)
    assert str(caught.value) == DISK_FULL
    assert "SQLITE_FULL" in caught.value.details
    diary.close()
    assert count_entries(diary.path) == 12  # everything saved before is there, nothing half


@pytest.mark.skipif(os.geteuid() != 0 if hasattr(os, "geteuid") else True, reason="needs root")
def test_disk_full_on_a_small_tmpfs(tmp_path: Path) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    # 1 MiB: a fresh diary (every migration applied, its write-ahead log) and one entry fit;
    # forty entries of 50,000 characters do not.
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        d = open_diary_file(mount / "diary.sqlite3", create=True)
        fill(d, events_count=1, entries_per_event=1)
        with pytest.raises(DiskFull) as caught:
            for _ in range(40):
                _big_entry(d, "y" * 50_000)
        assert str(caught.value) == DISK_FULL
        saved = d.db.execute("SELECT count(*) FROM entries").fetchone()[0]
        d.close()  # the final checkpoint may not fit either; the -wal file then stays
        # As a user would: move the diary (and its log) somewhere with space, then open it.
        rescued = tmp_path / "rescued"
        rescued.mkdir()
        for f in mount.iterdir():
            if f.name.startswith("diary.sqlite3") and not f.name.endswith(".lock"):
                shutil.copy(f, rescued / f.name)
        assert count_entries(rescued / "diary.sqlite3") == saved
    finally:
        with contextlib.suppress(Exception):
            d.close()
        subprocess.run(["umount", str(mount)], check=False)


READ_ONLY = (
    "Kumppani cannot write to {p}: the file or its folder is read-only. Your data is safe; "
    "nothing was changed. Copy the diary to a folder you can write to."
)


def test_read_only_open_refuses_writes(tmp_path: Path) -> None:
    path = make_diary(tmp_path / "diary.sqlite3")
    before = path.read_bytes()
    d = Diary(open_diary(path, read_only=True), path)
    with pytest.raises(DiaryReadOnly) as caught:
        _big_entry(d, "a change")
    d.close()
    assert str(caught.value) == READ_ONLY.format(p=path)
    assert path.read_bytes() == before


_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
_AS_NOBODY = """
import sys
import sysconfig
from app.backup.opening import open_diary_file
from app.persistence.schema import SCHEMA_VERSION
from app.persistence.errors import DiaryError
try:
    open_diary_file(sys.argv[1])
except DiaryError as exc:
    print(type(exc).__name__, str(exc), sep="|")
"""


def _closed_to_others(path: Path) -> Path | None:
    """The first folder on the way to ``path`` that a user other than its owner cannot enter."""
    for folder in reversed([path, *path.parents]):
        if folder.is_dir() and not folder.stat().st_mode & 0o001:
            return folder
    return None


def _unreachable_by_nobody(root: Path) -> str | None:
    """Why "nobody" cannot run Kumppani from this checkout, or None when it can.

    A fresh clone in a 0700 temporary folder (or under /root) holds the code and, with the
    virtual environment, the libraries: "nobody" cannot even import them there.
    """
    probe = subprocess.run(
        [*_NOBODY, sys.executable, "-c", "import app.backup.opening"],
        cwd="/",
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    if probe.returncode == 0:
        return None
    for needed in (root, Path(sys.executable), Path(sysconfig.get_paths()["purelib"])):
        closed = _closed_to_others(needed)
        if closed is not None:
            return f"the unprivileged user cannot enter {closed}, which holds {needed}"
    return None  # reachable, so let the test itself show what went wrong


@pytest.mark.skipif(not Path("/usr/bin/setpriv").exists(), reason="needs setpriv")
@pytest.mark.skipif(os.geteuid() != 0 if hasattr(os, "geteuid") else True, reason="needs root")
def test_read_only_folder_as_an_ordinary_user(tmp_path: Path) -> None:
    # Root ignores permissions, so the refusal is checked as the unprivileged user "nobody".
    root = Path(__file__).resolve().parent.parent
    why_not = _unreachable_by_nobody(root)
    if why_not:
        pytest.skip(why_not)
    folder = tmp_path / "ro"
    folder.mkdir()
    path = make_diary(folder / "diary.sqlite3")
    path.chmod(0o644)
    folder.chmod(0o755)
    for parent in [tmp_path, *tmp_path.parents]:
        parent.chmod(parent.stat().st_mode | 0o005)
    before = path.read_bytes()
    result = subprocess.run(
        [*_NOBODY, sys.executable, "-c", _AS_NOBODY, str(path)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root), "HOME": str(tmp_path)},
    )
    if "Permission denied" in result.stderr and "python" in result.stderr.lower():
        pytest.skip("the interpreter is not readable by nobody")
    assert result.stdout.strip() == "DiaryReadOnly|" + READ_ONLY.format(p=path), result.stderr
    assert path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() != 0 if hasattr(os, "geteuid") else True, reason="needs root")
def test_read_only_mount(tmp_path: Path) -> None:
    # A read-only bind mount refuses even root (EROFS), unlike file permissions.
    folder = tmp_path / "ro"
    folder.mkdir()
    path = make_diary(folder / "diary.sqlite3")
    if subprocess.run(["mount", "--bind", str(folder), str(folder)]).returncode:
        pytest.skip("cannot bind-mount here")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)]).returncode:
            pytest.skip("cannot remount read-only here")
        before = path.read_bytes()
        with pytest.raises(DiaryReadOnly) as caught:
            open_diary_file(path)
        assert str(caught.value) == READ_ONLY.format(p=path)
        assert path.read_bytes() == before
        assert sorted(f.name for f in folder.iterdir()) == ["diary.sqlite3"]
    finally:
        subprocess.run(["umount", str(folder)], check=False)


INVALID_TEXT = (
    "The text contains a character that cannot be saved (an invisible control character or a "
    "broken character, often from pasting). Nothing was saved and your text is still in its "
    "field; remove or retype that part and save again."
)


def test_pasted_lone_surrogate_is_refused_and_nothing_saved(diary: Diary) -> None:
    fill(diary)
    changes = diary.changes
    with pytest.raises(InvalidText) as caught:
        _big_entry(diary, "broken emoji \ud83d here")
    assert str(caught.value) == INVALID_TEXT
    assert diary.changes == changes
    assert diary.db.execute("SELECT count(*) FROM entries").fetchone()[0] == 12


def test_text_cleaning_keeps_line_breaks_and_drops_what_cannot_be_stored() -> None:
    pasted = "Line one\r\n\tindented\x00 and \ud83d cut \x1b[0m emoji 😀 ok"
    assert problems(pasted) == [19, 25, 31]
    assert clean(pasted) == "Line one\r\n\tindented and  cut [0m emoji 😀 ok"
    assert problems(clean(pasted)) == []


def test_damaged_diary_left_with_its_log_after_a_crash_is_not_written(tmp_path: Path) -> None:
    # The crash left diary.sqlite3-wal behind; folding it in would write to the damaged file.
    path = make_diary(tmp_path / "live.sqlite3")
    d = open_diary_file(path)
    fill(d)
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{path}{suffix}", crashed / f"diary.sqlite3{suffix}")
    d.close()
    target = crashed / "diary.sqlite3"
    _truncate(target)
    before = target.read_bytes(), (crashed / "diary.sqlite3-wal").read_bytes()
    with pytest.raises(DamagedDiary) as caught:
        open_diary_file(target)
    assert str(caught.value) == DAMAGED.format(p=target)
    assert (target.read_bytes(), (crashed / "diary.sqlite3-wal").read_bytes()) == before


def test_healthy_diary_left_with_its_log_after_a_crash_opens_with_everything(
    tmp_path: Path,
) -> None:
    path = make_diary(tmp_path / "live.sqlite3")
    d = open_diary_file(path)
    fill(d)
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{path}{suffix}", crashed / f"diary.sqlite3{suffix}")
    d.close()
    reopened = open_diary_file(crashed / "diary.sqlite3")
    assert reopened.db.execute("SELECT count(*) FROM entries").fetchone()[0] == 24
    reopened.close()
