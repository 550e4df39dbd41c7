"""The error dialog, the unexpected-error hook, the restore dialog and the backup menu."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.backup.files import list_backups
from app.backup.opening import open_diary_file
from app.backup.policy import BackupPolicy
from app.persistence.diary import Diary
from app.persistence.errors import DamagedDiary, DiskFull
from tests.safety_helpers import fill, make_diary
from ui.dialogs.error_dialog import ErrorDialog, diary_error_dialog, install_excepthook
from ui.dialogs.preferences_dialog import PreferencesDialog, second_folder
from ui.dialogs.restore_dialog import RestoreDialog


def test_error_dialog_shows_plain_text_and_details_with_a_copyable_report(
    qtbot: QtBot, tmp_path: Path
) -> None:
    exc = DiskFull(tmp_path / "<b>diary</b>.sqlite3", "OperationalError: database or disk is full")
    dialog = diary_error_dialog(None, exc, [("retry", "Try again")])
    qtbot.addWidget(dialog)
    assert dialog.textFormat() == Qt.TextFormat.PlainText
    assert dialog.text() == exc.message
    assert "DiskFull" in dialog.detailedText() and "<b>diary</b>" in dialog.detailedText()
    assert dialog.copy_button is not None
    dialog.copy_report()
    assert QApplication.clipboard().text().startswith("The disk is full")
    assert "database or disk is full" in QApplication.clipboard().text()


def test_run_returns_the_action_pressed(qtbot: QtBot) -> None:
    dialog = ErrorDialog(None, "Something", "", [("restore", "Restore…"), ("folder", "Open")])
    qtbot.addWidget(dialog)
    QTimer.singleShot(0, dialog.action_buttons["folder"].click)
    assert dialog.run() == "folder"


def test_unexpected_exception_goes_to_a_log_and_a_dialog(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[ErrorDialog] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda d: shown.append(d) or 0)
    monkeypatch.setattr(sys, "__excepthook__", lambda *a: None)
    previous = sys.excepthook
    try:
        hook = install_excepthook(lambda: tmp_path / "logs")
        try:
            raise RuntimeError("a bug in a page")
        except RuntimeError as exc:
            hook(RuntimeError, exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    [log] = list((tmp_path / "logs").iterdir())
    assert log.stat().st_mode & 0o777 == 0o600
    assert "RuntimeError: a bug in a page" in log.read_text()
    [dialog] = shown
    qtbot.addWidget(dialog)
    assert dialog.text().startswith("Something unexpected went wrong in Kumppani.")
    assert str(log) in dialog.text() and "Traceback" not in dialog.text()
    assert "RuntimeError: a bug in a page" in dialog.detailedText()


def test_restore_dialog_lists_backups_with_what_they_hold(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    times = iter([datetime(2026, 3, 1, 8, tzinfo=UTC) + timedelta(hours=h) for h in range(5)])
    policy = BackupPolicy(diary, clock=lambda: next(times))
    policy.backup_now()
    fill(diary)
    policy.backup_now()
    (policy.folder / "diary-20200101T000000Z.sqlite3").write_text("not a backup at all")
    dialog = RestoreDialog(None, diary.path)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 3
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(3)]
    assert rows[0][2:] == ["1", "3"] and rows[1][2:] == ["0", "0"]
    assert rows[2][2:] == ["unreadable", "unreadable"]
    assert dialog.restore_button.isEnabled()  # the newest is preselected
    table.selectRow(2)
    assert not dialog.restore_button.isEnabled()
    table.selectRow(1)
    dialog.restore_button.click()
    assert dialog.chosen is not None and dialog.chosen.partnerships == 0
    dialog.grab().save(str(_shots() / "restore_dialog.png"))


def _shots() -> Path:
    folder = Path("/tmp/shots/safety")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_preferences_store_the_second_folder(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    dialog = PreferencesDialog(None, settings, tmp_path / "backups")
    qtbot.addWidget(dialog)
    dialog.second.setText(str(tmp_path / "usb"))
    dialog._save()
    assert second_folder(settings) == tmp_path / "usb"


def test_launcher_offers_the_backup_of_a_damaged_diary_and_restores_it(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.application import Launcher
    from ui.dialogs.welcome_dialog import WelcomeDialog

    path = make_diary(tmp_path / "diary.sqlite3")
    d = open_diary_file(path)
    BackupPolicy(d).backup_now()
    d.close()
    with path.open("r+b") as f:
        f.write(b"\0" * 4096)
    damaged = path.read_bytes()
    messages: list[str] = []

    def choose_restore(dialog: ErrorDialog) -> str | None:
        messages.append(dialog.text())
        qtbot.addWidget(dialog)
        return "restore"

    def pick_newest(dialog: RestoreDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.restore_button.click()
        return 1

    monkeypatch.setattr(ErrorDialog, "run", choose_restore)
    monkeypatch.setattr(RestoreDialog, "exec", pick_newest)
    monkeypatch.setattr(WelcomeDialog, "exec", lambda d: 0)
    monkeypatch.setattr(QMessageBox, "exec", lambda b: 0)
    launcher = Launcher(settings)
    assert launcher.open(path)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    assert "Your data is safe in the backup of" in messages[0]
    assert window.context.diary.db.execute("SELECT count(*) FROM entries").fetchone()[0] == 12
    [kept] = [f for f in tmp_path.iterdir() if ".replaced-" in f.name]
    assert kept.read_bytes() == damaged
    labels = [a.text() for a in window.file_menu.actions()]
    assert "&Back up now" in labels and "&Restore from a backup…" in labels
    with window.context.diary.write() as db:
        db.execute("UPDATE partnerships SET name = 'changed at the end'")
    launcher.close()
    window.close()
    newest = list_backups(tmp_path / "backups", "diary")[0]  # made at the clean exit
    conn = sqlite3.connect(f"file:{newest.path}?mode=ro&immutable=1", uri=True)
    assert conn.execute("SELECT name FROM partnerships").fetchone() == ("changed at the end",)
    conn.close()


def test_screenshot_of_the_damaged_diary_message(qtbot: QtBot, tmp_path: Path) -> None:
    exc = DamagedDiary(
        tmp_path / "diary.sqlite3",
        "DatabaseError: database disk image is malformed (SQLITE_CORRUPT)",
        "2026-03-02 11:30",
    )
    dialog = diary_error_dialog(
        None, exc, [("restore", "Restore…"), ("folder", "Open data folder")]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab().save(str(_shots() / "error_dialog.png"))
    assert set(dialog.action_buttons) == {"restore", "folder"}


def _guard_in_dropbox(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, reopened: list[Path]
) -> tuple[object, Diary]:
    from PySide6.QtWidgets import QWidget

    from ui.safety import SafetyGuard

    path = make_diary(tmp_path / "Dropbox" / "diary.sqlite3")
    diary = open_diary_file(path)
    window = QWidget()
    qtbot.addWidget(window)
    return SafetyGuard(window, diary, settings, reopened.append), diary


def test_a_diary_in_a_sync_folder_is_backed_up_and_the_risk_explained(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts: list[str] = []

    def keep(dialog: ErrorDialog) -> str:
        texts.append(dialog.text())
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.grab().save(str(_shots() / "sync_folder_warning.png"))
        return "keep"

    monkeypatch.setattr(ErrorDialog, "run", keep)
    reopened: list[Path] = []
    guard, diary = _guard_in_dropbox(qtbot, tmp_path, settings, reopened)
    guard.start_now()  # type: ignore[attr-defined]
    assert len(list_backups(tmp_path / "Dropbox" / "backups", "diary")) == 1
    [text] = texts
    assert text.startswith("The diary is in a folder managed by Dropbox.")
    assert reopened == [] and diary.path.exists()
    guard.at_exit()  # type: ignore[attr-defined]
    diary.close()


def test_moving_a_diary_out_of_a_sync_folder_keeps_the_old_file(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.paths import data_dir

    monkeypatch.setattr(ErrorDialog, "run", lambda d: "move")
    reopened: list[Path] = []
    guard, diary = _guard_in_dropbox(qtbot, tmp_path, settings, reopened)
    guard.warn_if_risky()  # type: ignore[attr-defined]
    target = data_dir() / "diary.sqlite3"
    assert reopened == [target]
    moved = open_diary_file(target)
    assert moved.db.execute("SELECT count(*) FROM entries").fetchone()[0] == 12
    moved.close()
    assert target.stat().st_mode & 0o777 == 0o600
    [kept] = [f for f in (tmp_path / "Dropbox").iterdir() if "moved-away" in f.name]
    assert kept.stat().st_size > 0 and not diary.path.exists()
