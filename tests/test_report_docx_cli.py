"""``kumppani report --out FILE.docx`` and the dialog's Save as DOCX: a Word document read back,
recorded like the PDF (the SHA-256 of the file given), written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx_support import docx_text, headings, pictures
from pytestqt.qtbot import QtBot
from test_report_support import plant

from app.backup.opening import open_diary_file
from app.persistence.diary import Diary
from app.safety.output import TEMP_PREFIX
from app.services import feedback
from ui.cli import main
from ui.dialogs import report_file
from ui.dialogs.report_dialog import ReportDialog

ARGV = ["report", "--partnership", "Marker Partnership", "--date", "2025-11-20"]


def _planted_file(diary_path: Path) -> int:
    diary = open_diary_file(diary_path, create=True)
    try:
        return plant(diary).pk
    finally:
        diary.close()


def _given(diary_path: Path, pk: int) -> list[str]:
    diary = open_diary_file(diary_path)
    try:
        return [g.sha256 for g in feedback.list_given(diary, pk)]
    finally:
        diary.close()


def test_a_docx_name_gives_a_word_document_recorded_as_given(
    diary_path: Path, tmp_path: Path
) -> None:
    pk = _planted_file(diary_path)
    out = tmp_path / "Raportti.DOCX"
    options = ["--out", str(out), "--lang", "fi", "--hide-names", "--from", "2025-02-01"]
    assert main(["--db", str(diary_path), *ARGV, *options]) == 0
    content = out.read_bytes()
    assert content.startswith(b"PK")  # a Word document is a zip package, not a PDF
    assert headings(content)[:2] == ["Yhdellä silmäyksellä", "Missä olemme"]
    text = docx_text(content)
    assert "Jakso: 1. helmikuuta 2025 alkaen" in text  # the dates and language as asked
    assert "Haapaniemi" not in text and "PRIVdecisionQ14" not in text
    assert "SHRDdecisionQ15" in text and len(pictures(content)) == 2
    assert _given(diary_path, pk) == [feedback.sha256(content)]


def test_anonymous_docx_and_a_draft(diary_path: Path, tmp_path: Path) -> None:
    pk = _planted_file(diary_path)
    out = tmp_path / "r.docx"
    assert main(["--db", str(diary_path), *ARGV, "--out", str(out), "--anonymous", "--draft"]) == 0
    text = docx_text(out.read_bytes())
    assert "Marker Partnership" not in text and "Tehdas Oy" not in text
    assert _given(diary_path, pk) == []


def test_a_failed_write_leaves_the_old_file_and_records_nothing(
    diary_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pk = _planted_file(diary_path)
    out = tmp_path / "report.docx"
    out.write_bytes(b"the facilitator's edited copy")
    real_replace = os.replace

    def disk_full(src: object, dst: object) -> None:
        if str(dst) == str(out):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", disk_full)
    assert main(["--db", str(diary_path), *ARGV, "--out", str(out)]) == 2
    assert "Cannot write" in capsys.readouterr().err
    assert out.read_bytes() == b"the facilitator's edited copy"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)] == []
    assert _given(diary_path, pk) == []


def test_the_dialog_saves_the_shown_report_as_docx(
    qtbot: QtBot, diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = plant(diary)
    dialog = ReportDialog(diary, planted.pk)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.pdf is not None, timeout=20_000)
    dialog.hide_names.setChecked(True)
    dialog.from_check.setChecked(False)  # the whole partnership: its entries are from 2025
    dialog.generate()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.save_button.isEnabled(), timeout=20_000)
    chosen = tmp_path / "feedback-report.pdf"  # the name offered, with the DOCX type chosen

    def ask(*args: object, **kwargs: object) -> tuple[str, str]:
        filters = str(args[3]).split(";;")
        assert filters == ["PDF files (*.pdf)", "Word documents, editable (*.docx)"]
        return str(chosen), filters[1]

    monkeypatch.setattr(report_file.QFileDialog, "getSaveFileName", ask)
    dialog.save_button.click()
    saved = tmp_path / "feedback-report.docx"
    assert not chosen.exists()
    text = docx_text(saved.read_bytes())
    assert "Where we are" in text and "SHRDdecisionQ15" in text and "Haapaniemi" not in text
    given = feedback.list_given(diary, planted.pk)
    assert [g.sha256 for g in given] == [feedback.sha256(saved.read_bytes())]
    assert given[0].options["hide_names"] is True
