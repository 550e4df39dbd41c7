"""The end of a cycle: recording the partners' decision (Ring & Van de Ven).

At the end of a cycle the partners decide to continue, to renegotiate, to make the work routine
or to end the partnership. ``record_decision`` stores that decision as one undoable step:
"renegotiate" also moves the partnership back to negotiation on the day of the decision, and
"end" moves it into the phase "ended", the decision's note becoming the note of that step. The
note is the facilitator's own: it never reaches partner output.
"""

from __future__ import annotations

from datetime import date

from app.dates import sentence_date
from app.domain import Phase, PhaseMove, Problem, ValidationError
from app.domain.enums import Outcome
from app.domain.model import CycleDecision
from app.i18n import _, language, ngettext
from app.persistence import events, measurements, partnerships
from app.persistence.changes import CHECKLIST, CYCLE_DECISIONS, PHASES, ChangeSet
from app.persistence.diary import Diary
from app.services import checklist
from app.services.command import Command
from app.services.undo import UndoStack

NOTE_MAX = 10_000
# The phase step that goes with an outcome (none for "continue" and "routine").
STEPS = {Outcome.RENEGOTIATE: Phase.NEGOTIATION, Outcome.END: Phase.ENDED}


def decisions(diary: Diary, partnership_pk: int) -> list[CycleDecision]:
    """The partners' decisions recorded so far, oldest first."""
    return measurements.list_cycle_decisions(diary.db, partnership_pk)


def record_decision(
    diary: Diary,
    partnership_pk: int,
    outcome: Outcome,
    on: date,
    note: str | None = None,
    event: int | None = None,
    *,
    undo: UndoStack | None = None,
) -> CycleDecision:
    """Record the partners' decision on ``on`` (with its phase step); ``event``: where taken.

    Bad input (a date before the latest phase change when the outcome moves the phase, an
    event of another partnership, a partnership already ended) raises ``ValidationError`` and
    changes nothing. Given ``undo``, the decision and its step are one undoable step.
    """
    outcome = Outcome(outcome)
    p = partnerships.get_partnership(diary.db, partnership_pk)
    if p is None:
        raise LookupError(partnership_pk)
    note = (note or "").strip() or None
    problems: list[Problem] = []
    history = sorted(p.phases, key=lambda m: m.from_on)
    if history and history[-1].phase == Phase.ENDED:
        problems.append(Problem("outcome", _("the partnership has already ended")))
    if on < p.started_on:
        problems.append(Problem("date", _("must not be before the partnership started")))
    step = STEPS.get(outcome)
    if step is not None and history and on < history[-1].from_on:
        problems.append(
            Problem(
                "date",
                _("must not be before the latest phase change ({day})").format(
                    day=sentence_date(history[-1].from_on, language())
                ),
            )
        )
    if note is not None and len(note) > NOTE_MAX:
        problems.append(
            Problem(
                "note",
                ngettext(
                    "must be at most {n} character", "must be at most {n} characters", NOTE_MAX
                ).format(n=NOTE_MAX),
            )
        )
    if event is not None:
        found = events.get_event(diary.db, event)
        if found is None or found.pk not in {
            e.pk for e in events.list_events(diary.db, partnership_pk)
        }:
            problems.append(Problem("event", _("no such event in this partnership")))
    if problems:
        raise ValidationError(problems)
    decision = CycleDecision(decided_on=on, outcome=outcome, note=note, event=event)
    move: PhaseMove | None = None
    if step is not None:
        still_open = checklist.status(diary.db, partnership_pk, on).open
        move = PhaseMove(
            phase=step, from_on=on, note=note, confirmed_open=tuple(i.id for i in still_open)
        )
    changes = ChangeSet.of(CYCLE_DECISIONS, PHASES, CHECKLIST, partnership=partnership_pk)

    def redo() -> None:
        measurements.insert_cycle_decision(diary.db, partnership_pk, decision)
        if move is not None:
            partnerships.add_phase(diary.db, partnership_pk, move)

    def revert() -> None:
        measurements.delete_cycle_decision(diary.db, decision.pk or 0)
        if move is not None:
            partnerships.delete_phase(diary.db, move.pk or 0)

    if undo is not None:
        undo.push(Command(_("record the partners' decision"), redo, revert, changes))
    else:
        with diary.write(changes):
            redo()
    return decision
