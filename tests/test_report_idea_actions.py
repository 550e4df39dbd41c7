"""Canary: a private idea made into an action through the make-action dialog never reaches the
partner report's action lists (read back from the real PDF with pypdf), in English and Finnish,
with names shown or hidden, unless the facilitator rewrote the action and shared it; then only
the rewritten words print."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from test_report_support import pdf_text, plant

from app.domain import Entry, EntryType, Visibility
from app.i18n import set_language
from app.persistence import actions, events
from app.persistence.diary import Diary
from app.report import SECTIONS, ReportOptions
from app.services import feedback
from app.services.editing import Editor
from app.services.undo import UndoStack
from reports.feedback import build_feedback_pdf
from ui.dialogs.make_action_dialog import MakeActionDialog

CANARY = "PRIVideacanaryZ71"
REWORDED = "SHRDrewordedactionZ72"


def _pdf(diary: Diary, pk: int, language: str, hide: bool) -> str:
    opts = ReportOptions(
        generated_on=date(2025, 11, 20), language=language, hide_names=hide, sections=SECTIONS
    )
    return " ".join(pdf_text(build_feedback_pdf(feedback.report_data(diary, pk, opts))).split())


def _private_idea(diary: Diary, editor: Editor, pk: int) -> Entry:
    event = events.list_events(diary.db, pk)[0]
    idea = Entry(event.pk or 0, EntryType.IDEA, f"Ask about {CANARY}", Visibility.PRIVATE)
    editor.create_entry(pk, idea)
    return idea


@pytest.mark.parametrize("language", ["en", "fi"])
@pytest.mark.parametrize("hide", [False, True])
def test_a_private_idea_made_into_an_action_stays_out_of_the_report(
    qtbot: QtBot, diary: Diary, language: str, hide: bool
) -> None:
    planted = plant(diary)
    editor = Editor(diary, UndoStack(diary))
    idea = _private_idea(diary, editor, planted.pk)
    set_language(language)
    try:
        dialog = MakeActionDialog(editor, planted.pk, idea, today=date(2025, 2, 1))
        qtbot.addWidget(dialog)
        # The facilitator only adds a due date: the wording is the private idea's own.
        dialog.due.field.setText("2025-03-01")
        dialog.accept()
        assert dialog.result() == dialog.DialogCode.Accepted
        [made] = [a for a in actions.list_actions(diary.db, planted.pk) if a.source_entry]
        assert made.visibility is Visibility.PRIVATE and CANARY in made.text
        text = _pdf(diary, planted.pk, language, hide)
    finally:
        set_language("en")
    assert CANARY.lower() not in text.lower()


@pytest.mark.parametrize("language", ["en", "fi"])
def test_only_the_rewritten_and_shared_wording_prints(
    qtbot: QtBot, diary: Diary, language: str
) -> None:
    planted = plant(diary)
    editor = Editor(diary, UndoStack(diary))
    idea = _private_idea(diary, editor, planted.pk)
    set_language(language)
    try:
        dialog = MakeActionDialog(editor, planted.pk, idea, today=date(2025, 2, 1))
        qtbot.addWidget(dialog)
        dialog.wording.setPlainText(REWORDED)
        dialog.share.setChecked(True)
        dialog.accept()
        text = _pdf(diary, planted.pk, language, False)
    finally:
        set_language("en")
    assert REWORDED in text and CANARY.lower() not in text.lower()
