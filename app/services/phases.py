"""The phase history of a partnership: move on, return to negotiation, correct a date.

Partnerships move negotiation → commitment → execution and may return to negotiation at any
time (renegotiation, Ring & Van de Ven). Moving while items of the checklist in force are still
open needs the facilitator's confirmation; the open items confirmed are stored with the move.
"""

from __future__ import annotations

from datetime import date

from app.checklists import ChecklistItem
from app.dates import sentence_date
from app.domain import Phase, PhaseMove, Problem, ValidationError
from app.i18n import _, language, ngettext
from app.persistence import partnerships
from app.persistence.diary import Diary
from app.services import checklist
from app.services.command import Command
from app.services.undo import UndoStack

_ORDER = (Phase.NEGOTIATION, Phase.COMMITMENT, Phase.EXECUTION)
NOTE_MAX = 10_000


class OpenItemsError(Exception):
    """Items of the phase in force are still open: ask before moving on."""

    def __init__(self, items: list[ChecklistItem]) -> None:
        self.items = items
        super().__init__(
            ngettext(
                "{n} checklist item of the current phase is still open.",
                "{n} checklist items of the current phase are still open.",
                len(items),
            ).format(n=len(items))
        )


def next_phase(phase: Phase | None) -> Phase | None:
    """The phase that follows ``phase`` (None after execution: return to negotiation; None
    after the end: an ended partnership moves no further)."""
    if phase is None:
        return Phase.NEGOTIATION
    if phase not in _ORDER:
        return None
    i = _ORDER.index(phase)
    return _ORDER[i + 1] if i + 1 < len(_ORDER) else None


def allowed_moves(phase: Phase | None) -> list[Phase]:
    """Where a partnership can go from ``phase``: the next phase, or back to negotiation."""
    moves = [p for p in (next_phase(phase),) if p is not None]
    if phase in (Phase.COMMITMENT, Phase.EXECUTION):
        moves.append(Phase.NEGOTIATION)
    return moves


def open_items(diary: Diary, partnership_pk: int, on: date) -> list[ChecklistItem]:
    """The items still open on ``on`` in the checklist of the phase in force then."""
    return checklist.status(diary.db, partnership_pk, on).open


def move(
    diary: Diary,
    partnership_pk: int,
    to: Phase,
    on: date,
    note: str | None = None,
    *,
    confirmed: bool = False,
    undo: UndoStack | None = None,
) -> PhaseMove:
    """Add a move to ``to`` from ``on`` on; ``OpenItemsError`` unless open items are confirmed.

    Given ``undo``, the move is one undoable step ("change phase") that takes it back out.
    """
    to = Phase(to)
    p = partnerships.get_partnership(diary.db, partnership_pk)
    if p is None:
        raise LookupError(partnership_pk)
    history = sorted(p.phases, key=lambda m: m.from_on)
    current = history[-1].phase if history else None
    problems = _check_note(note)
    if to not in allowed_moves(current):
        problems.append(Problem("phase", _("cannot move from this phase to that one")))
    # A move on the day of the latest one is allowed (the later move holds on that day): a
    # partnership created today can move on today.
    if history and on < history[-1].from_on:
        problems.append(
            Problem(
                "date",
                _("must not be before the latest phase change ({day})").format(
                    day=sentence_date(history[-1].from_on, language())
                ),
            )
        )
    if problems:
        raise ValidationError(problems)
    still_open = open_items(diary, partnership_pk, on) if current else []
    if still_open and not confirmed:
        raise OpenItemsError(still_open)
    new = PhaseMove(
        phase=to,
        from_on=on,
        note=(note or "").strip() or None,
        confirmed_open=tuple(i.id for i in still_open),
    )
    with diary.write() as db:
        partnerships.add_phase(db, partnership_pk, new)
    if undo is not None:
        # Already written; undo takes the move out, redo adds it again (under a new key).

        def redo() -> None:
            partnerships.add_phase(diary.db, partnership_pk, new)

        undo.push(
            Command(_("change phase"), redo, lambda: undo_move(diary, new.pk or 0)), apply=False
        )
    return new


def correct_date(
    diary: Diary, partnership_pk: int, move_pk: int, on: date, note: str | None = None
) -> PhaseMove:
    """Change the date of one move, keeping the history in order; ``note`` replaces its note."""
    p = partnerships.get_partnership(diary.db, partnership_pk)
    if p is None:
        raise LookupError(partnership_pk)
    history = sorted(p.phases, key=lambda m: m.from_on)
    index = next((i for i, m in enumerate(history) if m.pk == move_pk), None)
    if index is None:
        raise ValidationError([Problem("phase", _("no such phase change"))])
    problems = _check_note(note)
    before = history[index - 1].from_on if index > 0 else None
    after = history[index + 1].from_on if index + 1 < len(history) else None
    if (before and on < before) or (after and on > after):
        problems.append(
            Problem("date", _("must fall between the phase changes before and after it"))
        )
    if problems:
        raise ValidationError(problems)
    changed = history[index]
    changed.from_on = on
    if note is not None:
        changed.note = note.strip() or None
    with diary.write() as db:
        partnerships.update_phase(db, changed)
    return changed


def undo_move(diary: Diary, move_pk: int) -> None:
    """Take a move back out of the history (the undo of ``move``)."""
    with diary.write() as db:
        partnerships.delete_phase(db, move_pk)


def _check_note(note: str | None) -> list[Problem]:
    if note is not None and len(note) > NOTE_MAX:
        return [
            Problem(
                "note",
                ngettext(
                    "must be at most {n} character", "must be at most {n} characters", NOTE_MAX
                ).format(n=NOTE_MAX),
            )
        ]
    return []
