"""Actions made from private entries stay private, and the partner report says it left them out;
a checklist item marked "not met" is never printed as completed."""

from __future__ import annotations

from datetime import date

import pytest
from test_report_support import pdf_text, plant

from app.domain import ChecklistMark, Entry, EntryType, ValidationError, Visibility
from app.domain.enums import MarkStatus
from app.persistence import actions, events, records
from app.persistence.diary import Diary
from app.report import SECTIONS, ReportOptions
from app.services import feedback
from app.services.editing import Editor
from app.services.undo import UndoStack
from reports.feedback import build_feedback_pdf

TODAY = date(2025, 11, 20)
CANARY = "PRIVcanaryideaQ99"


def _pdf(diary: Diary, pk: int, **options: object) -> str:
    opts = ReportOptions(generated_on=TODAY, **options)  # type: ignore[arg-type]
    return pdf_text(build_feedback_pdf(feedback.report_data(diary, pk, opts)))


def _private_idea(diary: Diary, editor: Editor, pk: int) -> int:
    event = events.list_events(diary.db, pk)[0]
    idea = Entry(event.pk or 0, EntryType.IDEA, CANARY, Visibility.PRIVATE)
    return editor.create_entry(pk, idea)


@pytest.mark.parametrize("language", ["en", "fi"])
@pytest.mark.parametrize("hide", [False, True])
def test_a_private_idea_made_into_an_action_never_reaches_the_pdf(
    diary: Diary, language: str, hide: bool
) -> None:
    planted = plant(diary)
    editor = Editor(diary, UndoStack(diary))
    entry = _private_idea(diary, editor, planted.pk)
    pk = editor.make_action(planted.pk, entry, today=date(2025, 2, 1))
    action = actions.get_action(diary.db, pk)
    assert action is not None and action.visibility is Visibility.PRIVATE
    text = _pdf(diary, planted.pk, language=language, hide_names=hide, sections=SECTIONS)
    assert CANARY not in text
    if language == "en":
        assert "1 private action of the facilitator is not shown." in " ".join(text.split())


def test_a_shared_action_from_a_private_entry_needs_its_own_wording(diary: Diary) -> None:
    planted = plant(diary)
    editor = Editor(diary, UndoStack(diary))
    entry = _private_idea(diary, editor, planted.pk)
    for copied in (None, CANARY, f"  {CANARY} "):
        with pytest.raises(ValidationError, match="write the action's wording"):
            editor.make_action(
                planted.pk,
                entry,
                today=date(2025, 2, 1),
                text=copied,
                visibility=Visibility.SHARED,
            )
    pk = editor.make_action(
        planted.pk,
        entry,
        today=date(2025, 2, 1),
        text="SHRDrewordedQ98",
        visibility=Visibility.SHARED,
    )
    assert actions.get_action(diary.db, pk).visibility is Visibility.SHARED  # type: ignore[union-attr]
    # Reworded and shared by the facilitator, the action prints with its own words only.
    text = " ".join(_pdf(diary, planted.pk, sections=("actions",)).split())
    assert CANARY not in text and "SHRDrewordedQ98" in text
    assert "private action" not in text


def test_a_shared_action_edited_back_to_the_private_words_stays_out(diary: Diary) -> None:
    planted = plant(diary)
    editor = Editor(diary, UndoStack(diary))
    entry = _private_idea(diary, editor, planted.pk)
    pk = editor.make_action(
        planted.pk, entry, today=date(2025, 2, 1), text="Reworded", visibility=Visibility.SHARED
    )
    action = actions.get_action(diary.db, pk)
    assert action is not None
    action.text = f"Reworded: {CANARY.lower()}"
    editor.edit_action(action)
    text = " ".join(_pdf(diary, planted.pk, sections=("actions",)).split())
    assert CANARY.lower() not in text.lower()
    assert "1 private action of the facilitator is not shown." in text


def test_a_not_met_checklist_item_is_not_listed_as_completed(diary: Diary) -> None:
    planted = plant(diary)
    with diary.write() as db:
        records.upsert_checklist_mark(
            db,
            planted.pk,
            ChecklistMark(
                "SHRDnotmetitemQ97",
                date(2025, 5, 3),
                status=MarkStatus.NOT_MET,
                text="SHRDnotmettextQ96",
            ),
        )
    text = " ".join(_pdf(diary, planted.pk, sections=SECTIONS).split())
    assert "ShrdchecklistQ6".lower() in text.lower()  # a done item still prints
    completed, not_met = text.split("Checklist items not met", 1)
    assert "notmet" not in completed.split("Checklist items completed", 1)[1].lower()
    assert "SHRDnotmettextQ96" in not_met  # printed, as not met
