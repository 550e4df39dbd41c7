"""A checklist item marked "not met" with a note: undoable, listed as not met on the checklist
page with its note, and in the report printed as not met, never as completed, without the
facilitator's note."""

from __future__ import annotations

from datetime import date

from docx_support import docx_text
from pytestqt.qtbot import QtBot
from test_report_support import pdf_text, plant

from app.domain.enums import MarkStatus
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.services import checklist, feedback
from app.services.undo import UndoStack
from reports.docx.build import build_feedback_docx
from reports.feedback import build_feedback_pdf
from ui.context import AppContext
from ui.widgets.checklist_panel import ChecklistPanel

ITEM = "execution.pilot_data_collected"
NOTE = "PRIVchecknoteQ7 only one team answered"


def test_not_met_is_undoable_and_stays_open(diary: Diary) -> None:
    pk = plant(diary).pk
    undo = UndoStack(diary)
    on = date(2025, 10, 1)
    checklist.mark(diary, pk, ITEM, on, MarkStatus.NOT_MET, NOTE, undo=undo)
    status = checklist.status(diary.db, pk, on)
    assert ITEM in {i.id for i in status.open}
    assert ITEM not in {i.id for i, _m in status.done}
    assert [(i.id, m.note) for i, m in status.not_met] == [(ITEM, NOTE)]
    checklist.mark(diary, pk, ITEM, on, MarkStatus.DONE, "met after all", undo=undo)
    assert ITEM in {i.id for i, _m in checklist.status(diary.db, pk, on).done}
    undo.undo()  # back to not met, with its note
    assert [m.note for _i, m in checklist.status(diary.db, pk, on).not_met] == [NOTE]
    undo.undo()  # no mark at all
    back = checklist.status(diary.db, pk, on)
    assert back.not_met == [] and ITEM in {i.id for i in back.open}


def test_the_report_prints_not_met_never_as_completed(diary: Diary) -> None:
    pk = plant(diary).pk
    checklist.mark(diary, pk, ITEM, date(2025, 10, 1), MarkStatus.NOT_MET, NOTE)
    data = feedback.report_data(diary, pk, ReportOptions(generated_on=date(2025, 11, 20)))
    texts = [t for _d, t in data.checklist_done]
    assert not any("pilot" in t.lower() and "data" in t.lower() for t in texts)
    assert len(data.checklist_not_met) == 1
    for text in (
        " ".join(pdf_text(build_feedback_pdf(data)).split()),
        " ".join(docx_text(build_feedback_docx(data)).split()),
    ):
        assert "Checklist items not met" in text
        assert "PRIVchecknoteQ7" not in text
        completed = text.split("Checklist items completed", 1)[1].split("not met", 1)[0]
        assert data.checklist_not_met[0][1] not in completed


def test_the_checklist_panel_shows_the_item_as_not_met_with_its_note(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = plant(context.diary).pk
    checklist.mark(context.diary, pk, ITEM, date(2025, 10, 1), MarkStatus.NOT_MET, NOTE)
    panel = ChecklistPanel(context)
    qtbot.addWidget(panel)
    panel.set_as_of(date(2025, 10, 2))
    panel.show_partnership(pk)
    rows = [panel.items.item(i).text() for i in range(panel.items.count())]
    shown = [r for r in rows if r.startswith("✗ ")]
    assert len(shown) == 1 and "not met (2025-10-01)" in shown[0] and NOTE in shown[0]
    panel.unmark(panel.status.not_met[0][0])  # type: ignore[union-attr]
    context.undo.undo()
    panel.show_partnership(pk)
    assert any(
        r.startswith("✗ ") for r in (panel.items.item(i).text() for i in range(panel.items.count()))
    )
