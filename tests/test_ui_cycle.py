"""The end of a cycle in the interface: the planned end in the partnership dialog, the final
evaluation mark of a feedback meeting, the dialog recording the partners' decision (undoable),
and the ended phase on the overview's timeline."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from app.domain import Event, EventKind, Organization, Partnership, Phase, PhaseMove, Role
from app.domain.enums import Outcome
from app.persistence import events, partnerships
from app.persistence.diary import Diary
from app.services import cycle
from app.services.editing import Editor
from ui.context import AppContext
from ui.dialogs.cycle_decision_dialog import CycleDecisionDialog
from ui.dialogs.event_dialog import EventForm
from ui.dialogs.partnership_dialog import PartnershipDialog
from ui.pages.overview import OverviewPage


def _partnership(diary: Diary) -> int:
    p = Partnership(name="Cycle", started_on=date(2025, 1, 1))
    p.phases = [
        PhaseMove(Phase.NEGOTIATION, date(2025, 1, 1)),
        PhaseMove(Phase.EXECUTION, date(2025, 3, 1)),
    ]
    with diary.write() as db:
        pk = partnerships.insert_partnership(db, p)
        partnerships.insert_organization(db, pk, Organization("Tehdas Oy", Role.CUSTOMER))
        return pk


def test_the_planned_end_is_optional_and_stored(qtbot: QtBot, diary: Diary) -> None:
    pk = _partnership(diary)
    dialog = PartnershipDialog(diary, pk=pk)
    qtbot.addWidget(dialog)
    assert not dialog.has_end.isChecked() and not dialog.planned_end.isEnabled()
    dialog.has_end.setChecked(True)
    dialog.planned_end.set_date(date(2024, 6, 1))
    dialog.validate()  # before the start: refused, said so
    assert not dialog.ok_button.isEnabled()
    assert dialog.errors["planned_end_on"].text() == "must not be before the partnership started"
    dialog.planned_end.set_date(date(2025, 12, 31))
    dialog.validate()
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    stored = partnerships.get_partnership(diary.db, pk)
    assert stored is not None and stored.planned_end_on == date(2025, 12, 31)
    again = PartnershipDialog(diary, pk=pk)
    qtbot.addWidget(again)
    assert again.has_end.isChecked()
    again.has_end.setChecked(False)
    again.accept()
    stored = partnerships.get_partnership(diary.db, pk)
    assert stored is not None and stored.planned_end_on is None


def test_a_feedback_meeting_can_be_marked_as_the_final_evaluation(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = _partnership(context.diary)
    editor = Editor(context.diary, context.undo)
    meeting = editor.create_event(pk, Event(EventKind.MEETING, "Check-in", "2025-10-01"))
    feedback = editor.create_event(
        pk, Event(EventKind.FEEDBACK_MEETING, "Final evaluation", "2025-11-01")
    )
    form = EventForm(editor)
    qtbot.addWidget(form)
    form.show()
    form.set_event(pk, meeting)
    assert form.final_evaluation.isHidden()  # only a feedback meeting can be it
    form.set_event(pk, feedback)
    assert not form.final_evaluation.isHidden()
    form.final_evaluation.setChecked(True)
    stored = events.get_event(context.diary.db, feedback)
    assert stored is not None and stored.final_evaluation
    context.undo.undo()
    stored = events.get_event(context.diary.db, feedback)
    assert stored is not None and not stored.final_evaluation


def test_the_decision_dialog_records_the_end_and_the_overview_shows_it(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = _partnership(context.diary)
    dialog = CycleDecisionDialog(context, pk, date(2026, 1, 5))
    qtbot.addWidget(dialog)
    assert dialog.outcome() == Outcome.CONTINUE
    dialog.findChild(type(dialog.outcomes.button(0)), "outcome_end").setChecked(True)
    assert "ended" in dialog.effect.text()
    dialog.note.setPlainText("Back to the ordinary contract")
    dialog.accept()
    assert [d.outcome for d in cycle.decisions(context.diary, pk)] == [Outcome.END]
    page = OverviewPage(context)
    qtbot.addWidget(page)
    page.set_as_of(date(2026, 2, 1))
    page.show_partnership(pk)
    assert page.phase_chip.text() == "Ended"
    assert "partners' decision" in page.phase_since.text()
    assert [b.phase for b in page.timeline._bands][-1] == Phase.ENDED
    context.undo.undo()
    assert cycle.decisions(context.diary, pk) == []


def test_bad_input_in_the_decision_dialog_is_said_and_changes_nothing(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = _partnership(context.diary)
    dialog = CycleDecisionDialog(context, pk, date(2025, 2, 1))  # before the latest phase change
    qtbot.addWidget(dialog)
    dialog.findChild(type(dialog.outcomes.button(0)), "outcome_renegotiate").setChecked(True)
    dialog.accept()
    assert "must not be before the latest phase change" in dialog.error.text()
    assert dialog.result() == 0 and cycle.decisions(context.diary, pk) == []
