"""A damaged diary is never written to, and every reader says which backup holds the data.

Opening runs ``quick_check``, which does not compare indexes with their tables: a diary whose
index page was damaged opens. The full ``integrity_check`` runs before the first write of the
session; a value the schema should never hold (a date damaged to ``2024,11-27``) is damage too,
reported by every command instead of a traceback or a wrong cause.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.backup.opening import open_diary_file
from app.backup.policy import BackupPolicy
from app.domain import Entry, EntryType
from app.exchange import import_partnership
from app.persistence.diary import Diary
from app.persistence.errors import DamagedDiary
from app.persistence.integrity import check_file
from app.services.editing import Editor
from app.services.undo import UndoStack
from ui.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
EDGE: dict[str, Any] = json.loads((FIXTURES / "edge-case.json").read_text("utf-8"))
MARK = "marker-partnership-0001"
DEMO_ID = "demo-pohjolan-tukku-lahde"


def _diary_with_backup(path: Path) -> str:
    """A diary holding one partnership and a verified backup of it; returns the backup time."""
    doc = copy.deepcopy(EDGE)
    doc["partnership"]["id"] = MARK
    diary = open_diary_file(path, create=True)
    try:
        import_partnership(diary, doc)
        BackupPolicy(diary).backup_now()
    finally:
        diary.close()
    with pytest.raises(DamagedDiary) as probe:
        raise DamagedDiary(path)
    from app.backup.restore import explain_damage

    when = explain_damage(probe.value).backup_time
    assert when
    return when


def _damage_index_page(path: Path) -> None:
    """Change the partnership id inside the page of its unique index only (not the table)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'partnerships'"
    ).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    page = data[start : start + page_size]
    at = page.find(MARK.encode())
    assert at >= 0, "the id is not in the index page"
    data[start + at + len(MARK) - 1] = ord("2")  # ...0001 → ...0002: well-formed, but wrong
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "diary.sqlite3"
    when = _diary_with_backup(path)
    _damage_index_page(path)
    # The class of the defect: the quick check at open passes, the full check does not.
    assert check_file(path, full=False) == []
    assert check_file(path, full=True)
    return path, when


def _first_event(diary: Diary) -> tuple[int, int]:
    row = diary.db.execute("SELECT partnership_pk, pk FROM events ORDER BY pk LIMIT 1").fetchone()
    return int(row[0]), int(row[1])


def test_a_diary_with_a_damaged_index_opens_but_is_never_written_to(
    damaged: tuple[Path, str],
) -> None:
    path, when = damaged
    before = path.read_bytes()
    diary = open_diary_file(path)  # opens: quick_check cannot see it
    try:
        partnership_pk, event_pk = _first_event(diary)
        editor = Editor(diary, UndoStack(diary))
        entry = Entry(event=event_pk, type=EntryType.NOTE, text="written to a damaged file?")
        for _attempt in range(2):  # the second write is refused the same way
            with pytest.raises(DamagedDiary) as caught:
                editor.create_entry(partnership_pk, entry)
            assert caught.value.backup_time == when
            assert f"backup of {when}" in caught.value.message
    finally:
        diary.close()
    assert path.read_bytes() == before


def test_the_command_line_refuses_to_import_into_it_and_names_the_backup(
    damaged: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, when = damaged
    before = path.read_bytes()
    code = main(["--db", str(path), "import", "--copy", str(FIXTURES / "edge-case.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert "is damaged" in err and f"backup of {when}" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_the_window_checks_after_the_first_paint_and_offers_the_backup(
    damaged: tuple[Path, str], qtbot: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.undo import UndoStack as Undo
    from ui.application import build_main_window
    from ui.context import AppContext
    from ui.dialogs.error_dialog import ErrorDialog
    from ui.dialogs.restore_dialog import RestoreDialog
    from ui.safety import SafetyGuard

    path, when = damaged
    damaged_bytes = path.read_bytes()
    shown: list[str] = []
    reopened: list[Path] = []

    def choose_restore(dialog: ErrorDialog) -> str:
        shown.append(dialog.text())
        qtbot.addWidget(dialog)
        return "restore"

    def pick_newest(dialog: RestoreDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.restore_button.click()
        return 1

    monkeypatch.setattr(ErrorDialog, "run", choose_restore)
    monkeypatch.setattr(RestoreDialog, "exec", pick_newest)
    diary = open_diary_file(path)
    try:
        window = build_main_window(AppContext(diary=diary, undo=Undo(diary), settings=settings))
        qtbot.addWidget(window)
        guard = SafetyGuard(window, diary, settings, reopened.append)
        window.show()
        guard.start(delay_ms=60_000)
        qtbot.waitUntil(lambda: bool(reopened), timeout=10_000)
        assert "is damaged" in shown[0] and f"backup of {when}" in shown[0]
        assert not guard.active  # no backup is made of a damaged file
        window.close()
    finally:
        diary.close()
    # The backup is in place, the damaged file kept aside untouched.
    assert check_file(path, full=True) == []
    kept = [p for p in path.parent.iterdir() if ".replaced-" in p.name and p.suffix == ".sqlite3"]
    assert [k.read_bytes() for k in kept] == [damaged_bytes]


def test_a_healthy_diary_is_checked_once_and_written(diary: Diary) -> None:
    assert not diary.verified
    with diary.write():
        pass
    assert diary.verified


# -- a stored value the schema should never hold ----------------------------------------


@pytest.fixture
def damaged_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    assert main(["--db", str(path), "backup"]) == 0
    capsys.readouterr()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE events SET date = '2024,11-27' WHERE pk = (SELECT min(pk) FROM events)")
    conn.commit()
    conn.close()
    from app.backup.restore import explain_damage

    when = explain_damage(DamagedDiary(path)).backup_time
    assert when
    return path, when


@pytest.mark.parametrize(
    "argv",
    [
        ["status", "--partnership", DEMO_ID],
        ["backup"],
        ["import", "--copy", str(FIXTURES / "edge-case.json")],
        ["export", "--partnership", DEMO_ID, "--out", "-"],
        ["check"],
    ],
    ids=lambda a: a[0],
)
def test_every_command_reports_a_damaged_value_as_damage(
    damaged_date: tuple[Path, str], capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    path, when = damaged_date
    before = path.read_bytes()
    code = main(["--db", str(path), *argv])
    err = capsys.readouterr().err
    assert code != 0
    assert "is damaged" in err and f"backup of {when}" in err, err
    assert "Traceback" not in err and "backup folder" not in err
    assert path.read_bytes() == before


def test_damage_only_the_full_check_reads_is_still_reported_as_damage(
    damaged_date: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Tensions are checked before the first write, not at every open (reading every entry
    # costs too much there); a command that meets one is told the cause all the same.
    path, when = damaged_date
    conn = sqlite3.connect(path)
    conn.execute("UPDATE events SET date = '2024-11-27' WHERE date = '2024,11-27'")
    conn.execute("UPDATE entries SET tensions = 'roles,rolez' WHERE pk = 1")
    conn.commit()
    conn.close()
    out = tmp_path / "entries.csv"
    argv = ["csv", "--partnership", DEMO_ID, "--what", "entries", "--out", str(out)]
    code = main(["--db", str(path), *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert "is damaged" in err and f"backup of {when}" in err and "Traceback" not in err
    assert not out.exists()


def test_the_window_explains_an_unexpected_error_from_a_damaged_value_as_damage(
    damaged_date: tuple[Path, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    from app.backup.restore import explain_damage
    from app.persistence.connection import full_check
    from ui.dialogs.error_dialog import ErrorDialog, install_excepthook

    path, when = damaged_date
    conn = sqlite3.connect(path)
    conn.execute("UPDATE events SET date = '2024-11-27' WHERE date = '2024,11-27'")
    conn.execute("UPDATE entries SET tensions = 'rolez' WHERE pk = 1")
    conn.commit()
    conn.close()
    diary = open_diary_file(path)
    shown: list[str] = []
    monkeypatch.setattr(ErrorDialog, "run", lambda d: shown.append(d.text()) or None)
    previous = sys.excepthook

    def damage() -> DamagedDiary | None:
        try:
            full_check(diary.db.conn, diary.path)
        except DamagedDiary as exc:
            return explain_damage(exc)
        return None

    try:
        hook = install_excepthook(lambda: tmp_path / "logs", damage)
        try:
            raise ValueError("'rolez' is not a valid Tension")
        except ValueError as exc:
            hook(ValueError, exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
        diary.close()
    assert len(shown) == 1
    assert "is damaged" in shown[0] and f"backup of {when}" in shown[0]
    assert not (tmp_path / "logs").exists()  # not reported as a bug
