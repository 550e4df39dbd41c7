"""The end of a cycle: the ``cycle-decision`` warning from its two triggers until the partners'
decision is recorded, and the decision recorded through the service (undoable, with its phase
step)."""

from __future__ import annotations

from datetime import date

import pytest
from test_rules_support import Build, day

from app.domain import EventKind, Partnership, Phase, PhaseMove, ValidationError
from app.domain.enums import Outcome
from app.domain.model import CycleDecision
from app.persistence import partnerships
from app.persistence.diary import Diary
from app.rules import Severity, evaluate
from app.services import cycle, warnings
from app.services.undo import UndoStack

NEG, COM, EXE = Phase.NEGOTIATION, Phase.COMMITMENT, Phase.EXECUTION


def cycle_warning(b: Build, on: date):  # type: ignore[no-untyped-def]
    return {w.id: w for w in evaluate(b.snap, on)}.get("cycle-decision")


def executing() -> Build:
    return Build((NEG, 0), (COM, 30), (EXE, 100))


def test_from_30_days_before_the_planned_end_until_the_decision() -> None:
    b = executing()
    b.snap.partnership.planned_end_on = day(300)
    assert cycle_warning(b, day(269)) is None
    before = cycle_warning(b, day(270))
    assert before is not None and before.severity == Severity.INFO
    assert before.message == (
        "The partnership is planned to end on 2025-10-28. "
        "The partners' decision on how to go on is not recorded."
    )
    after = cycle_warning(b, day(301))
    assert after is not None and after.severity == Severity.WARNING
    assert after.message.startswith("The partnership's planned end, 2025-10-28, has passed.")
    b.snap.cycle_decisions.append(CycleDecision(day(310), Outcome.CONTINUE))
    assert cycle_warning(b, day(309)) is not None  # not yet decided on that day
    assert cycle_warning(b, day(310)) is None
    assert cycle_warning(b, day(500)) is None


def test_a_decision_of_an_earlier_cycle_does_not_answer_the_planned_end() -> None:
    b = executing()
    b.snap.partnership.planned_end_on = day(300)
    b.snap.cycle_decisions.append(CycleDecision(day(200), Outcome.CONTINUE))
    assert cycle_warning(b, day(280)) is not None


def test_60_days_after_a_final_evaluation_in_execution() -> None:
    b = executing()
    final = b.event(200, EventKind.FEEDBACK_MEETING)
    assert cycle_warning(b, day(300)) is None  # not marked as the final evaluation
    final.final_evaluation = True
    assert cycle_warning(b, day(259)) is None
    w = cycle_warning(b, day(260))
    assert w is not None and w.severity == Severity.WARNING
    assert w.message == (
        "The final evaluation, Event on day 200 (2025-07-20), was held 60 days ago. "
        "The partners' decision on how to go on is not recorded."
    )
    assert [e.pk for e in w.evidence] == [final.pk]
    b.snap.cycle_decisions.append(CycleDecision(day(200), Outcome.ROUTINE))
    assert cycle_warning(b, day(260)) is None


def test_a_final_evaluation_outside_execution_does_not_ask() -> None:
    b = Build((NEG, 0), (COM, 30))
    b.event(200, EventKind.FEEDBACK_MEETING).final_evaluation = True
    assert cycle_warning(b, day(400)) is None


def test_an_ended_partnership_gets_no_warnings() -> None:
    b = executing()
    b.snap.partnership.planned_end_on = day(300)
    b.event(200, EventKind.FEEDBACK_MEETING, participants=((1, False), (2, False)))
    assert evaluate(b.snap, day(400))
    b.snap.partnership.phases.append(PhaseMove(Phase.ENDED, day(350)))
    b.snap.cycle_decisions.append(CycleDecision(day(350), Outcome.END))
    assert evaluate(b.snap, day(400)) == []
    assert evaluate(b.snap, day(349))  # before the end it still warned


@pytest.fixture
def partnership(diary: Diary) -> int:
    p = Partnership(name="Cycle", started_on=date(2025, 1, 1), planned_end_on=date(2025, 12, 31))
    p.phases = [PhaseMove(NEG, date(2025, 1, 1)), PhaseMove(EXE, date(2025, 3, 1))]
    with diary.write() as db:
        return partnerships.insert_partnership(db, p)


def ids(diary: Diary, pk: int, on: date) -> set[str]:
    return {r.warning.id for r in warnings.review(diary.db, pk, on)}


def test_recording_the_decision_silences_the_warning_and_undo_brings_it_back(
    diary: Diary, partnership: int
) -> None:
    undo = UndoStack(diary)
    assert "cycle-decision" in ids(diary, partnership, date(2026, 1, 10))
    cycle.record_decision(
        diary, partnership, Outcome.CONTINUE, date(2026, 1, 5), "Another year", undo=undo
    )
    assert "cycle-decision" not in ids(diary, partnership, date(2026, 1, 10))
    assert "cycle-decision" in ids(diary, partnership, date(2026, 1, 4))  # before it was taken
    undo.undo()
    assert cycle.decisions(diary, partnership) == []
    assert "cycle-decision" in ids(diary, partnership, date(2026, 1, 10))
    undo.redo()
    assert [d.outcome for d in cycle.decisions(diary, partnership)] == [Outcome.CONTINUE]


def test_renegotiate_steps_back_to_negotiation_the_same_day(diary: Diary, partnership: int) -> None:
    cycle.record_decision(diary, partnership, Outcome.RENEGOTIATE, date(2026, 1, 5))
    p = partnerships.get_partnership(diary.db, partnership)
    assert p is not None and p.phase_on(date(2026, 1, 5)) == NEG
    assert p.phase_on(date(2026, 1, 4)) == EXE


def test_end_moves_into_the_phase_ended_with_the_note_and_undo_takes_it_out(
    diary: Diary, partnership: int
) -> None:
    undo = UndoStack(diary)
    cycle.record_decision(
        diary, partnership, Outcome.END, date(2026, 1, 5), "  Back to the contract  ", undo=undo
    )
    p = partnerships.get_partnership(diary.db, partnership)
    assert p is not None
    last = p.phases[-1]
    assert (last.phase, last.from_on, last.note) == (
        Phase.ENDED,
        date(2026, 1, 5),
        "Back to the contract",
    )
    assert cycle.decisions(diary, partnership)[0].note == "Back to the contract"
    with pytest.raises(ValidationError):  # nothing to decide once it has ended
        cycle.record_decision(diary, partnership, Outcome.CONTINUE, date(2026, 2, 1))
    undo.undo()
    p = partnerships.get_partnership(diary.db, partnership)
    assert p is not None and [m.phase for m in p.phases] == [NEG, EXE]


def test_bad_input_changes_nothing(diary: Diary, partnership: int) -> None:
    with pytest.raises(ValidationError) as raised:
        cycle.record_decision(diary, partnership, Outcome.END, date(2025, 2, 1), "x" * 10_001)
    fields = {p.field for p in raised.value.problems}
    assert fields == {"date", "note"}
    with pytest.raises(ValidationError):
        cycle.record_decision(diary, partnership, Outcome.CONTINUE, date(2026, 1, 5), event=999)
    assert cycle.decisions(diary, partnership) == []
    p = partnerships.get_partnership(diary.db, partnership)
    assert p is not None and len(p.phases) == 2


def test_status_json_tells_the_planned_end_the_decision_and_the_warning(
    diary: Diary, partnership: int
) -> None:
    from app.services.status import partnership_status

    before = partnership_status(diary.db, partnership, date(2026, 1, 10))
    assert before["planned_end_on"] == "2025-12-31" and before["cycle_decisions"] == []
    assert "cycle-decision" in {w["id"] for w in before["warnings"]}
    made = cycle.record_decision(diary, partnership, Outcome.END, date(2026, 1, 12), "private")
    after = partnership_status(diary.db, partnership, date(2026, 1, 12))
    assert after["phase"] == "ended"
    assert after["cycle_decisions"] == [
        {"id": made.id, "decided_on": "2026-01-12", "outcome": "end"}
    ]
    assert after["warnings"] == [] and "private" not in str(after)
