"""The Minutes… dialog and Partnership ▸ Export calendar…: real widgets on a real diary, the
saved files read back, the clipboard read, and what was recorded as given."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from docx_support import docx_text
from icalendar import Calendar
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot
from test_minutes import PRIVATE, _plant
from test_report_support import pdf_text

from app.domain.enums import ReportKind
from app.persistence import records
from app.persistence.diary import Diary
from ui import settings as st
from ui.dialogs.calendar_export import export_calendar
from ui.dialogs.minutes_dialog import MinutesDialog
from ui.main_window import MainWindow
from ui.pages.diary_page import DiaryPage


def _dialog(qtbot: QtBot, diary: Diary, settings: QSettings) -> tuple[MinutesDialog, int]:
    m = _plant(diary)
    dialog = MinutesDialog(diary, m.partnership, m.event, settings, today=date(2025, 4, 11))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, m.partnership


def test_save_as_pdf_with_names_hidden_in_finnish_and_record_as_given(
    qtbot: QtBot, diary: Diary, settings: QSettings, tmp_path: Path
) -> None:
    dialog, pk = _dialog(qtbot, diary, settings)
    assert dialog.windowTitle() == "Minutes for the partners"
    assert dialog.format_box.currentData() == "pdf"  # the default before anything is chosen
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("fi"))
    dialog.hide_names.setChecked(True)
    dialog.given.setChecked(True)
    assert dialog.save(tmp_path / "poytakirja") is True  # the extension is added
    text = pdf_text((tmp_path / "poytakirja.pdf").read_bytes())
    assert "SHRDdecisionQ1" in text and "Mikko" not in text
    assert not any(marker in text for marker in PRIVATE)
    assert "recorded as given" in dialog.message.text()
    given = records.list_feedback_reports(diary.db, pk)
    assert [(g.kind, g.language) for g in given] == [(ReportKind.MINUTES, "fi")]
    # The choices are remembered for the next minutes.
    assert st.MINUTES_HIDE_NAMES.read(settings) is True
    assert st.MINUTES_FOLDER.read(settings) == tmp_path


def test_save_as_docx_and_copy_as_text_without_recording(
    qtbot: QtBot, diary: Diary, settings: QSettings, tmp_path: Path
) -> None:
    dialog, pk = _dialog(qtbot, diary, settings)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("docx"))
    assert dialog.default_name() == "minutes-steering-group.docx"
    assert dialog.save(tmp_path / "m.docx")
    assert "SHRDactionQ7" in docx_text((tmp_path / "m.docx").read_bytes())
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Minutes: Steering group\n")
    assert "SHRDnoteQ4" in copied and "PRIVideaQ5" not in copied
    assert dialog.message.text() == "Copied to the clipboard: paste it into an e-mail."
    assert records.list_feedback_reports(diary.db, pk) == []
    assert st.MINUTES_FORMAT.read(settings) == "docx"


def test_a_folder_that_cannot_be_written_is_a_message(
    qtbot: QtBot, diary: Diary, settings: QSettings, tmp_path: Path
) -> None:
    dialog, pk = _dialog(qtbot, diary, settings)
    dialog.given.setChecked(True)
    assert not dialog.save(tmp_path / "missing" / "m.pdf")
    assert dialog.message.text().startswith("Cannot write")
    assert records.list_feedback_reports(diary.db, pk) == []  # nothing given was written


def test_the_diary_offers_minutes_on_an_event(qtbot: QtBot, context: object) -> None:
    page = DiaryPage(context)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    assert page.minutes_act in page.list.actions()
    assert page.minutes_act.shortcut().toString() == "Ctrl+Shift+M"
    assert page.minutes_act in page.menu_actions()


def test_export_calendar_writes_the_chosen_file(
    qtbot: QtBot, diary: Diary, settings: QSettings, tmp_path: Path
) -> None:
    m = _plant(diary)
    done = export_calendar(
        None,  # type: ignore[arg-type]
        diary,
        m.partnership,
        settings,
        tmp_path / "plan",
        today=date(2025, 4, 20),
    )
    assert done is not None and "2 planned events and 2 action due dates" in done
    cal = Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
    assert len(list(cal.walk("VEVENT"))) == 4


def test_the_partnership_menu_exports_the_calendar(
    build: Callable[[], MainWindow], diary: Diary, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    m = _plant(diary)
    window = build()
    window.select_partnership(None)
    assert not window.calendar_action.isEnabled()
    window.select_partnership(m.partnership)
    assert window.calendar_action in window.partnership_menu.actions()
    assert window.calendar_action.isEnabled()
    chosen = str(tmp_path / "kumppanuus.ics")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (chosen, ""))
    window.calendar_action.trigger()
    assert "planned event" in window.statusBar().currentMessage()
    assert Calendar.from_ical((tmp_path / "kumppanuus.ics").read_bytes()).walk("VEVENT")
