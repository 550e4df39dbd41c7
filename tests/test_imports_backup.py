"""Every import (a partnership file, a wave of answers) leaves a verified backup taken first."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.backup.files import BackupFile, default_backup_dir, list_backups
from app.backup.opening import open_diary_file
from app.exchange import export_partnership, save_file
from app.persistence import partnerships
from app.persistence.diary import Diary
from app.persistence.integrity import check_file, record_counts
from app.services.demo import load_demo
from app.services.undo import UndoStack
from tests.safety_helpers import fill
from ui.application import build_main_window
from ui.cli import main
from ui.context import AppContext
from ui.dialogs.responses_import_dialog import ResponsesImportDialog
from ui.main_window import MainWindow

ANSWERS = "organization,commitment\nOy Tukku Ab,4\nTyöterveys Oy,3\n"


def _backups(diary_path: Path) -> list[BackupFile]:
    return list_backups(default_backup_dir(diary_path), diary_path.stem)


def _partnerships_in(backup: Path) -> int:
    """Partnerships held by a backup that passes the full integrity check."""
    assert check_file(backup) == []
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        return record_counts(conn)[0]
    finally:
        conn.close()


@pytest.fixture
def exchange_file(tmp_path: Path) -> Path:
    """The demonstration partnership as an exchange file, made in a diary of its own."""
    source = open_diary_file(tmp_path / "source.sqlite3", create=True)
    try:
        out = tmp_path / "demo.json"
        save_file(export_partnership(source.db, load_demo(source)), out)
    finally:
        source.close()
    return out


def _with_organizations(diary: Diary) -> int:
    """A partnership whose organizations can answer a questionnaire."""
    from app.domain import Organization, Role

    pk = fill(diary, events_count=1, entries_per_event=1)
    with diary.write() as db:
        partnerships.insert_organization(db, pk, Organization("Oy Tukku Ab", Role.CUSTOMER))
        partnerships.insert_organization(db, pk, Organization("Työterveys Oy", Role.PROVIDER))
    return pk


def test_cli_import_backs_up_the_diary_as_it_was(diary_path: Path, exchange_file: Path) -> None:
    diary = open_diary_file(diary_path, create=True)
    fill(diary)
    diary.close()
    assert _backups(diary_path) == []
    assert main(["--db", str(diary_path), "import", str(exchange_file)]) == 0
    [backup] = _backups(diary_path)
    assert _partnerships_in(backup.path) == 1  # taken before the import added the second
    # A file refused as a duplicate changes nothing and needs no backup.
    assert main(["--db", str(diary_path), "import", str(exchange_file)]) == 2
    assert len(_backups(diary_path)) == 1


def test_cli_import_of_a_bad_file_makes_no_backup(diary_path: Path, tmp_path: Path) -> None:
    open_diary_file(diary_path, create=True).close()
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "kumppani-partnership", "version": 1,', "utf-8")
    assert main(["--db", str(diary_path), "import", str(broken)]) == 2
    assert _backups(diary_path) == []


def test_cli_responses_import_backs_up_first(diary_path: Path, tmp_path: Path) -> None:
    diary = open_diary_file(diary_path, create=True)
    _with_organizations(diary)
    diary.close()
    answers = tmp_path / "answers.csv"
    command = ["--db", str(diary_path), "responses", "import", "--partnership", "Wholesale & OH"]
    answers.write_text(ANSWERS.replace(",4", ",7"), "utf-8")
    assert main([*command, "--date", "2024-05-01", str(answers)]) == 2
    assert _backups(diary_path) == []  # a refused file costs no backup
    answers.write_text(ANSWERS, "utf-8")
    assert main([*command, "--date", "2024-05-01", str(answers)]) == 0
    [backup] = _backups(diary_path)
    assert _partnerships_in(backup.path) == 1


@pytest.fixture
def window(qtbot: QtBot, diary: Diary, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = build_main_window(AppContext(diary, UndoStack(diary), settings))
    qtbot.addWidget(win)
    yield win
    win.close()


def test_gui_import_backs_up_first(
    window: MainWindow,
    diary: Diary,
    exchange_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill(diary)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(exchange_file), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    window.files.import_action.trigger()
    assert window.model.rowCount() == 2
    [backup] = _backups(diary.path)
    assert _partnerships_in(backup.path) == 1


def test_gui_responses_import_backs_up_first(qtbot: QtBot, diary: Diary, tmp_path: Path) -> None:
    pk = _with_organizations(diary)
    answers = tmp_path / "answers.csv"
    answers.write_text(ANSWERS, "utf-8")
    dialog = ResponsesImportDialog(diary, pk, UndoStack(diary))
    qtbot.addWidget(dialog)
    dialog.load_file(answers)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.event_pk is not None
    [backup] = _backups(diary.path)
    conn = sqlite3.connect(f"file:{backup.path}?mode=ro", uri=True)
    try:  # the backup holds the diary before the wave
        assert conn.execute("SELECT count(*) FROM ratings").fetchone()[0] == 0
    finally:
        conn.close()
    assert diary.db.execute("SELECT count(*) FROM ratings").fetchone()[0] == 2
