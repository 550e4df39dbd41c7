"""The report dialog driven with qtbot: generation in the worker finishes with a preview of the
real pages; saving and printing record the report; a record can be removed; cancel works."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from test_report_support import Planted, pdf_text, plant

from app.domain.enums import ReportStatus
from app.persistence.diary import Diary
from app.services import feedback
from ui.dialogs import report_dialog, report_file
from ui.dialogs.report_dialog import ReportDialog


@pytest.fixture
def planted(diary: Diary) -> Planted:
    return plant(diary)


def _dialog(qtbot: QtBot, diary: Diary, planted: Planted) -> ReportDialog:
    dialog = ReportDialog(diary, planted.pk)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.pdf is not None, timeout=20_000)
    return dialog


def test_generation_finishes_with_a_preview_of_every_page(
    qtbot: QtBot, diary: Diary, planted: Planted
) -> None:
    dialog = _dialog(qtbot, diary, planted)
    assert dialog.pdf is not None
    pages = len(PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert len(dialog.preview.page_labels) == pages
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    assert feedback.list_given(diary, planted.pk) == []  # a preview is not a report given


def test_changing_options_rebuilds_the_report(qtbot: QtBot, diary: Diary, planted: Planted) -> None:
    dialog = _dialog(qtbot, diary, planted)
    first = dialog.pdf
    dialog.hide_names.setChecked(True)
    dialog.language_box.setCurrentIndex(1)
    assert not dialog.save_button.isEnabled()  # the preview no longer matches the options
    dialog.generate()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.pdf != first, timeout=20_000)
    assert dialog.pdf is not None
    text = pdf_text(dialog.pdf)
    assert "Missä olemme" in text and "Haapaniemi" not in text


def test_save_writes_the_file_and_records_it(
    qtbot: QtBot, diary: Diary, planted: Planted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, diary, planted)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(
        report_file.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
    )
    dialog.save_button.click()
    assert target.read_bytes() == dialog.pdf
    given = feedback.list_given(diary, planted.pk)
    assert [g.sha256 for g in given] == [feedback.sha256(target.read_bytes())]
    assert dialog.given.given_list.count() == 1
    # Saving is not giving: without the choice ticked the saved copy is a draft.
    assert given[0].status is ReportStatus.DRAFT and not given[0].given
    assert "draft" in dialog.given.given_list.item(0).text()
    dialog.saved_is_given.setChecked(True)
    dialog.save_button.click()
    latest = feedback.list_given(diary, planted.pk)[-1]
    assert latest.status is ReportStatus.GIVEN and latest.language == "en"


def test_print_paints_every_page_and_records_it(
    qtbot: QtBot, diary: Diary, planted: Planted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, diary, planted)
    printed = tmp_path / "printed.pdf"

    class FakePrintDialog:
        def __init__(self, printer: QPrinter, parent: object) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))
            printer.setResolution(100)

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(report_dialog, "QPrintDialog", FakePrintDialog)
    dialog.print_button.click()
    assert dialog.pdf is not None
    assert len(PdfReader(printed).pages) == len(PdfReader(io.BytesIO(dialog.pdf)).pages)
    [printed_record] = feedback.list_given(diary, planted.pk)
    assert printed_record.given  # printing is handing over


def test_a_record_never_handed_out_can_be_removed(
    qtbot: QtBot, diary: Diary, planted: Planted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, diary, planted)
    monkeypatch.setattr(
        report_file.QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "r.pdf"), "")
    )
    dialog.save_button.click()
    dialog.given.given_list.setCurrentRow(0)
    monkeypatch.setattr(
        report_dialog.QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    dialog.given.remove_button.click()
    assert feedback.list_given(diary, planted.pk) == []
    assert dialog.given.given_list.count() == 0


def test_cancel_stops_the_build_and_offers_nothing_to_save(
    qtbot: QtBot, diary: Diary, planted: Planted
) -> None:
    dialog = _dialog(qtbot, diary, planted)
    dialog.author_edit.setText("Someone")
    dialog.generate()
    dialog.cancel()
    assert not dialog.is_busy()
    assert not dialog.save_button.isEnabled()
    assert dialog.status_label.text() == "Cancelled."
    dialog._pool.waitForDone(20_000)
    qtbot.wait(50)  # let queued results of the cancelled job arrive and be ignored
    assert not dialog.save_button.isEnabled()


def test_no_section_chosen_is_a_message_not_a_build(
    qtbot: QtBot, diary: Diary, planted: Planted
) -> None:
    dialog = _dialog(qtbot, diary, planted)
    for box in dialog.section_checks.values():
        box.setChecked(False)
    dialog.generate()
    assert not dialog.is_busy()
    assert dialog.status_label.text() == "Choose at least one section."
