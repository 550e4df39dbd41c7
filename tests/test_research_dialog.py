"""File ▸ Export for research…: the dialog writes the chosen format, private entries only when
asked, and remembers the format and folder."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from research_support import PRIVATE_MARK, plant

from app.persistence.diary import Diary
from ui.dialogs.research_dialog import ResearchDialog
from ui.main_window import MainWindow
from ui.settings import RESEARCH_FOLDER, RESEARCH_FORMAT


def _dialog(qtbot: QtBot, diary: Diary, settings: QSettings) -> ResearchDialog:
    pk = plant(diary).pk
    dialog = ResearchDialog(None, diary, pk, "Pohjolan Tukku × Lähde", settings)
    qtbot.addWidget(dialog)
    return dialog


def test_exports_the_chosen_format_and_remembers_it(
    qtbot: QtBot, diary: Diary, settings: QSettings, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, diary, settings)
    assert dialog.suffix == ".qdpx"  # the default: a project a QDA program opens coded
    assert not dialog.private_box.isChecked()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".xlsx"))
    assert dialog.path_edit.text().endswith(".xlsx")
    dialog.path_edit.setText(str(tmp_path / "out" / "study"))
    (tmp_path / "out").mkdir()
    dialog.export_button.click()
    assert dialog.written == tmp_path / "out" / "study.xlsx" and dialog.written.is_file()
    assert "4 entries" in dialog.summary
    assert RESEARCH_FORMAT.read(settings) == ".xlsx"
    assert RESEARCH_FOLDER.read(settings) == tmp_path / "out"


def test_private_entries_only_when_ticked(
    qtbot: QtBot, diary: Diary, settings: QSettings, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, diary, settings)
    dialog.path_edit.setText(str(tmp_path / "shared.qdpx"))
    dialog.export_button.click()
    archive = zipfile.ZipFile(tmp_path / "shared.qdpx")
    assert not any(PRIVATE_MARK.encode() in archive.read(n) for n in archive.namelist())
    again = ResearchDialog(None, diary, dialog.pk, "x", settings)
    qtbot.addWidget(again)
    assert not again.private_box.isChecked()  # never remembered: asked for each time
    again.show()
    again.private_box.setChecked(True)
    assert again.private_note.isVisible()
    again.path_edit.setText(str(tmp_path / "all.qdpx"))
    again.export_button.click()
    archive = zipfile.ZipFile(tmp_path / "all.qdpx")
    assert any(PRIVATE_MARK.encode() in archive.read(n) for n in archive.namelist())


def test_a_folder_as_the_file_is_refused_with_a_message(
    qtbot: QtBot, diary: Diary, settings: QSettings, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, diary, settings)
    (tmp_path / "taken.qdpx").mkdir()
    dialog.path_edit.setText(str(tmp_path / "taken.qdpx"))
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close_box)

    QTimer.singleShot(0, close_box)
    dialog.export_button.click()
    assert seen and "is a folder" in seen[0] and "Nothing was written" in seen[0]
    assert dialog.written is None and dialog.result() == 0


def test_the_file_menu_offers_it_for_the_open_partnership(
    build: Callable[[], MainWindow], diary: Diary
) -> None:
    window = build()
    assert not window.files.research_action.isEnabled()
    window.select_partnership(plant(diary).pk)
    assert window.files.research_action.isEnabled()
    assert window.files.research_action in window.file_menu.actions()
