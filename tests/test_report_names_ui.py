"""Hiding names from the two places a report is made: ``kumppani report --anonymous`` and the
report dialog's Anonymous box with its review of names (add as a person, or dismiss)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from test_report_support import Planted, pdf_text, plant

from app.backup.opening import open_diary_file
from app.domain import Entry, EntryType, Event, EventKind, Visibility
from app.persistence import entries, events, partnerships
from app.persistence.diary import Diary
from app.services import feedback
from ui.cli import main
from ui.dialogs.report_dialog import ReportDialog
from ui.widgets import name_review

UNKNOWN = "Workshop notes: we met Kaisa Rantala there, and Helsinki was the venue."


def _with_unknown_name(diary: Diary) -> Planted:
    planted = plant(diary)
    with diary.write() as db:
        ev = Event(EventKind.WORKSHOP, "Venue visit", "2025-08-01")
        event_pk = events.insert_event(db, planted.pk, ev)
        entry = Entry(event_pk, EntryType.OBSERVATION, UNKNOWN, Visibility.SHARED)
        entries.insert_entry(db, planted.pk, entry)
    return planted


def test_the_anonymous_option_of_the_command_line(diary_path: Path, tmp_path: Path) -> None:
    diary = open_diary_file(diary_path, create=True)
    try:
        pk = plant(diary).pk
    finally:
        diary.close()
    out = tmp_path / "seminar.pdf"
    argv = ["--db", str(diary_path), "report", "--partnership", "Marker Partnership"]
    assert main([*argv, "--out", str(out), "--anonymous", "--date", "2025-11-20"]) == 0
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert "Haapaniemi" not in text and "Tehdas Oy" not in text and "Terveys Ab" not in text
    assert "Marker Partnership" not in text and "A co-creation partnership" in text
    assert "the customer's HR director" in text
    diary = open_diary_file(diary_path)
    try:
        given = feedback.list_given(diary, pk)
    finally:
        diary.close()
    assert given[0].options is not None and given[0].options["anonymous"] is True


def _ready(qtbot: QtBot, dialog: ReportDialog, before: bytes | None = None) -> bytes:
    dialog.generate()
    qtbot.waitUntil(
        lambda: not dialog.is_busy() and dialog.pdf is not None and dialog.pdf != before,
        timeout=20_000,
    )
    assert dialog.pdf is not None
    return dialog.pdf


def _unknown_words(dialog: ReportDialog) -> list[str]:
    items = (dialog.review.unknown_list.item(i) for i in range(dialog.review.unknown_list.count()))
    return [str(item.data(name_review._WORD)) for item in items]


def test_anonymous_in_the_dialog_hides_organizations_and_names_can_be_reviewed(
    qtbot: QtBot, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = _with_unknown_name(diary)
    dialog = ReportDialog(diary, planted.pk)
    qtbot.addWidget(dialog)
    first = _ready(qtbot, dialog)
    # The whole partnership (by default a report starts six months back; these are older).
    dialog.from_check.setChecked(False)
    first = _ready(qtbot, dialog, first)
    assert not dialog.side_tabs.isTabVisible(0)  # nothing to review while names are shown
    dialog.anonymous.setChecked(True)
    assert dialog.hide_names.isChecked() and not dialog.hide_names.isEnabled()
    pdf = _ready(qtbot, dialog, first)
    text = pdf_text(pdf)
    assert "Tehdas Oy" not in text and "Haapaniemi" not in text
    assert dialog.side_tabs.isTabVisible(0) and dialog.side_tabs.currentWidget() is dialog.review
    assert dialog.review.replaced_list.count() > 0
    assert _unknown_words(dialog) == ["Helsinki", "Kaisa", "Rantala"]

    dialog.review.unknown_list.setCurrentRow(0)
    dialog.review.dismiss_button.click()
    assert _unknown_words(dialog) == ["Kaisa", "Rantala"]

    def accept(self: name_review.AddPersonDialog) -> QDialog.DialogCode:
        self.name_edit.setText("Kaisa Rantala")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(name_review.AddPersonDialog, "exec", accept)
    dialog.review.unknown_list.setCurrentRow(0)
    dialog.review.add_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.pdf != pdf, timeout=20_000)
    assert dialog.pdf is not None and "Rantala" not in pdf_text(dialog.pdf)
    assert _unknown_words(dialog) == []  # Helsinki stays dismissed
    added = [p.name for p in partnerships.list_people(diary.db, planted.pk)]
    assert "Kaisa Rantala" in added
