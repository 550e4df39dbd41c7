"""The questionnaire in the window: the wizard writes a wave's forms to a folder and opens it;
the Collect answers dialog previews dropped forms and collects them all or none; the Commitment
page lists the waves with responses per side and the results of every dimension."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.domain import Role
from app.i18n import _
from app.persistence import events as event_repo
from app.persistence import partnerships as partnership_repo
from app.persistence import questionnaires as repo
from app.persistence.diary import Diary
from app.scores import pulse
from app.services.questionnaires import start_wave
from reports.questionnaire_form import FormContext, write_forms
from tests.pdf_forms import fill, pulse_answers
from tests.questionnaire_support import small_partnership
from ui.context import AppContext
from ui.dialogs.collect_dialog import CollectDialog
from ui.dialogs.questionnaire_wizard import QuestionnaireWizard
from ui.pages.commitment_page import CommitmentPage

SHOTS = Path(os.environ.get("KUMPPANI_SHOTS", "")) if os.environ.get("KUMPPANI_SHOTS") else None


def _shot(widget: object, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def _forms(diary: Diary, pk: int, folder: Path, copies: int = 3) -> list[Path]:
    wave = start_wave(diary, pk, pulse(), day=date(2025, 3, 1), title="Spring", language="en")
    p = partnership_repo.get_partnership(diary.db, pk)
    assert p is not None
    orgs = [
        o
        for o in partnership_repo.list_organizations(diary.db, pk)
        if o.role is not Role.FACILITATOR
    ]
    return write_forms(folder, FormContext(p.id, p.name, orgs, wave, pulse(), "en"), copies)


def test_the_wizard_writes_the_forms_of_a_new_wave_and_opens_the_folder(
    qtbot: QtBot, context: AppContext, tmp_path: Path, language: str
) -> None:
    pk = small_partnership(context.diary)
    opened: list[Path] = []
    wizard = QuestionnaireWizard(context.diary, pk, context.settings, opener=opened.append)
    qtbot.addWidget(wizard)
    wizard.show()
    items = [
        wizard.instrument_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(wizard.instrument_list.count())
    ]
    assert {"kumppani-pulse", "example-collaboration-climate"} <= set(items)
    wizard.instrument_list.setCurrentRow(items.index("example-collaboration-climate"))
    _shot(wizard, f"wizard-1-instrument-{language}.png")
    wizard.next()
    wizard.copies.setValue(2)
    wizard.language.setCurrentIndex(wizard.language.findData(language))
    _shot(wizard, f"wizard-2-wave-{language}.png")
    wizard.next()
    wizard.folder.setText(str(tmp_path / "forms"))
    _shot(wizard, f"wizard-3-folder-{language}.png")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert opened == [tmp_path / "forms"]
    assert len(wizard.written) == 2 and all(p.is_file() for p in wizard.written)
    (wave,) = repo.list_waves(context.diary.db, pk)
    assert wave.instrument == "example-collaboration-climate" and wave.language == language
    again = QuestionnaireWizard(context.diary, pk, context.settings, opener=opened.append)
    qtbot.addWidget(again)
    assert again.instrument() is not None
    assert again.instrument().id == "example-collaboration-climate"  # type: ignore[union-attr]
    assert again.copies.value() == 2 and again.folder.text() == str(tmp_path / "forms")


def test_a_folder_that_cannot_be_written_keeps_the_wizard_open(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    pk = small_partnership(context.diary)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    wizard = QuestionnaireWizard(context.diary, pk, context.settings, opener=lambda _p: None)
    qtbot.addWidget(wizard)
    wizard.folder.setText(str(blocker / "forms"))
    assert not wizard.write()
    assert "Cannot write to" in wizard.outcome.text()
    assert repo.list_waves(context.diary.db, pk) == []


def _drop(dialog: CollectDialog, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(event)


def test_collect_dialog_previews_dropped_forms_and_collects_all_or_none(
    qtbot: QtBot, context: AppContext, tmp_path: Path, language: str
) -> None:
    pk = small_partnership(context.diary)
    a, b, c = _forms(context.diary, pk, tmp_path / "forms")
    good = [
        fill(a, tmp_path / "anna.pdf", pulse_answers("org-emp", 4, level="top")),
        fill(b, tmp_path / "olli.pdf", pulse_answers("org-ohs", 3, name="Olli")),
    ]
    dialog = CollectDialog(context.diary, pk, undo=context.undo)
    qtbot.addWidget(dialog)
    dialog.show()
    _drop(dialog, [*good, c])  # c was never filled in
    assert dialog.table.rowCount() == 3
    refused = _("Refused: {why}").split("{why}")[0]
    assert dialog.table.item(2, 3).text().startswith(refused)
    assert dialog.table.item(2, 0).text() == c.name
    assert not dialog.table.item(0, 3).text().startswith(refused)
    assert not dialog.collect_button.isEnabled()
    _shot(dialog, f"collect-refused-{language}.png")
    dialog.clear()
    _drop(dialog, good)
    assert dialog.collect_button.isEnabled()
    assert dialog.table.item(0, 1).text() == "Työnantaja Oy"
    assert dialog.table.item(0, 2).text() == "7/7"
    _shot(dialog, f"collect-preview-{language}.png")
    qtbot.mouseClick(dialog.collect_button, Qt.MouseButton.LeftButton)
    assert dialog.added == 2
    (wave,) = repo.list_waves(context.diary.db, pk)
    assert len(repo.list_responses(context.diary.db, wave.pk or 0)) == 2
    event = event_repo.get_event(context.diary.db, wave.event or 0)
    assert event is not None and len(event.ratings) == 14
    context.undo.undo()  # one step takes the whole collection back, ratings included
    assert repo.list_responses(context.diary.db, wave.pk or 0) == []
    event = event_repo.get_event(context.diary.db, wave.event or 0)
    assert event is not None and event.ratings == []
    context.undo.redo()
    assert len(repo.list_responses(context.diary.db, wave.pk or 0)) == 2


def test_commitment_page_shows_waves_and_results_with_the_minimum_group_size(
    qtbot: QtBot, context: AppContext, tmp_path: Path, language: str
) -> None:
    pk = small_partnership(context.diary, min_group_size=2)
    a, b, c = _forms(context.diary, pk, tmp_path / "forms")
    dialog = CollectDialog(context.diary, pk)
    qtbot.addWidget(dialog)
    dialog.add_files(
        [
            fill(a, tmp_path / "1.pdf", pulse_answers("org-emp", 5)),
            fill(b, tmp_path / "2.pdf", pulse_answers("org-emp", 3)),
            fill(c, tmp_path / "3.pdf", pulse_answers("org-ohs", 2)),
        ]
    )
    dialog.collect()
    page = CommitmentPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show_partnership(pk)
    page.show()
    page.lower_tabs.setCurrentWidget(page.results)
    waves = page.results.waves
    assert waves.rowCount() == 1
    assert [waves.item(0, c).text() for c in (3, 4)] == ["2", "1"]
    table = page.results.table
    assert table.rowCount() == 7
    assert table.item(6, 1).text() == "4.00 (n = 2)"
    assert "2" in table.item(6, 2).text() and "n = 1" in table.item(6, 2).text()
    page.results.by_level.setChecked(True)
    assert table.rowCount() == 28
    page.results.by_level.setChecked(False)
    _shot(page, f"commitment-results-{language}.png")


def test_the_wizard_writes_a_spreadsheet_and_the_dialog_collects_it(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    pk = small_partnership(context.diary)
    wizard = QuestionnaireWizard(context.diary, pk, context.settings, opener=lambda _p: None)
    qtbot.addWidget(wizard)
    wizard.instrument_list.setCurrentRow(
        next(
            i
            for i in range(wizard.instrument_list.count())
            if wizard.instrument_list.item(i).data(Qt.ItemDataRole.UserRole) == "kumppani-pulse"
        )
    )
    wizard.kind.setCurrentIndex(wizard.kind.findData("xlsx"))
    wizard.copies.setValue(4)
    wizard.folder.setText(str(tmp_path / "out"))
    assert wizard.write()
    (sheet_path,) = wizard.written
    assert sheet_path.suffix == ".xlsx"
    book = load_workbook(sheet_path)
    sheet = book.worksheets[0]
    for column, value in enumerate(["Terveyspalvelu", "", "", *[4] * 7], 2):
        sheet.cell(row=3, column=column, value=value)
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    dialog = CollectDialog(context.diary, pk)
    qtbot.addWidget(dialog)
    dialog.add_files([filled])
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == _("{file}, row {row}").format(
        file="filled.xlsx", row=3
    )
    assert dialog.collect_button.isEnabled()
    dialog.collect()
    (wave,) = repo.list_waves(context.diary.db, pk)
    assert [r.answers["trust"] for r in repo.list_responses(context.diary.db, wave.pk or 0)] == [
        4.0
    ]
