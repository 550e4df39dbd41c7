"""A partnership's checklists: which items apply, which are done, and changes to them.

Items come from the shipped templates plus the partnership's own; hidden ones drop out. The
items that apply on a date are those of the checklists shown in the phase in force then
(``meeting`` reminders excepted: they are not done once for a phase). A mark counts from its
date on, so the checklist can be read as of any past date like the warnings.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlite_utils import Database

from app.checklists import ChecklistItem, template_items
from app.domain import ChecklistMark, Partnership, Phase, Problem, ValidationError
from app.domain.enums import MarkStatus
from app.domain.validation import NAME_MAX
from app.i18n import _, ngettext
from app.persistence import checklist, partnerships, records
from app.persistence.changes import CHECKLIST, CHECKLIST_CUSTOM, ChangeSet
from app.persistence.checklist import CustomItem
from app.persistence.diary import Diary
from app.services.command import Command
from app.services.undo import UndoStack

NOTE_MAX = 10_000


@dataclass(slots=True)
class ChecklistStatus:
    """The checklist of the phase in force on ``as_of``."""

    phase: Phase | None
    done: list[tuple[ChecklistItem, ChecklistMark]] = field(default_factory=list)
    # Not done: unmarked items and items marked "not met" (those are also in ``not_met``).
    open: list[ChecklistItem] = field(default_factory=list)
    not_met: list[tuple[ChecklistItem, ChecklistMark]] = field(default_factory=list)
    # Template items the partnership has hidden (read with the rest: one query, not two).
    hidden: list[ChecklistItem] = field(default_factory=list)

    def mark_of(self, item: ChecklistItem) -> ChecklistMark | None:
        """The "not met" mark of an open item (None: not looked at yet)."""
        return next((m for i, m in self.not_met if i.id == item.id), None)

    def as_json(self) -> dict[str, object]:
        return {
            "phase": self.phase.value if self.phase else None,
            "done": len(self.done),
            "open": len(self.open),
            "not_met": len(self.not_met),
            "open_items": [
                {"id": i.id, "checklist": i.checklist, "text": i.text()} for i in self.open
            ],
        }


def all_items(
    db: Database, partnership_pk: int, custom: list[CustomItem] | None = None
) -> list[ChecklistItem]:
    """Every visible item of the partnership: template items, then its own (``custom``: the
    partnership's own and hidden items, when already read)."""
    if custom is None:
        custom = checklist.list_custom(db, partnership_pk)
    hidden = {c.item for c in custom if c.hidden}
    items = [i for i in template_items().values() if i.id not in hidden]
    for c in custom:
        if c.text is not None and not c.hidden:
            items.append(
                ChecklistItem(
                    id=c.item,
                    checklist=c.phase,
                    shown_in=(Phase(c.phase),),
                    texts={"en": c.text},
                    whys={},
                    custom=True,
                )
            )
    return items


def hidden_items(
    db: Database, partnership_pk: int, custom: list[CustomItem] | None = None
) -> list[ChecklistItem]:
    """Template items the partnership has hidden (so they can be shown again)."""
    known = template_items()
    if custom is None:
        custom = checklist.list_custom(db, partnership_pk)
    return [known[c.item] for c in custom if c.hidden and c.item in known]


def items_for_phase(
    db: Database, partnership_pk: int, phase: Phase, custom: list[CustomItem] | None = None
) -> list[ChecklistItem]:
    """The items to do while ``phase`` is in force (meeting reminders excepted)."""
    return [
        i
        for i in all_items(db, partnership_pk, custom)
        if phase in i.shown_in and i.scope != "meeting"
    ]


def status(
    db: Database, partnership_pk: int, as_of: date, partnership: Partnership | None = None
) -> ChecklistStatus:
    """Done and open items of the phase in force on ``as_of``, marks counted by their date.

    ``partnership``: the partnership already read (from a snapshot), so it is not read again.
    """
    p = partnership or partnerships.get_partnership(db, partnership_pk)
    phase = p.phase_on(as_of) if p else None
    custom = checklist.list_custom(db, partnership_pk)
    result = ChecklistStatus(phase, hidden=hidden_items(db, partnership_pk, custom))
    if phase is None:
        return result
    marks = {
        m.item: m for m in records.list_checklist_marks(db, partnership_pk) if m.marked_on <= as_of
    }
    for item in items_for_phase(db, partnership_pk, phase, custom):
        mark = marks.get(item.id)
        if mark is not None and mark.done:
            result.done.append((item, mark))
        else:
            result.open.append(item)
            if mark is not None:
                result.not_met.append((item, mark))
    return result


def mark_done(
    diary: Diary,
    partnership_pk: int,
    item_id: str,
    on: date,
    note: str | None = None,
    evidence: str | None = None,
) -> ChecklistMark:
    """Mark an item done; ``evidence`` is the id of an event or entry of the partnership."""
    return mark(diary, partnership_pk, item_id, on, MarkStatus.DONE, note, evidence)


def mark(
    diary: Diary,
    partnership_pk: int,
    item_id: str,
    on: date,
    status: MarkStatus,
    note: str | None = None,
    evidence: str | None = None,
    *,
    undo: UndoStack | None = None,
) -> ChecklistMark:
    """Mark an item done or not met (or change its mark); the note is the facilitator's own.

    Given ``undo``, one undoable step: undo puts back the mark the item had before (or none).
    """
    note = (note or "").strip() or None
    evidence = (evidence or "").strip() or None
    problems = []
    if item_id not in {i.id for i in all_items(diary.db, partnership_pk)}:
        problems.append(Problem("item", _("no such checklist item")))
    if note is not None and len(note) > NOTE_MAX:
        problems.append(
            Problem(
                "note",
                ngettext(
                    "must be at most {n} character", "must be at most {n} characters", NOTE_MAX
                ).format(n=NOTE_MAX),
            )
        )
    if evidence is not None and checklist.find_evidence(diary.db, partnership_pk, evidence) is None:
        problems.append(Problem("evidence", _("no event or entry with this id")))
    if problems:
        raise ValidationError(problems)
    made = ChecklistMark(
        item=item_id, marked_on=on, note=note, evidence=evidence, status=MarkStatus(status)
    )
    before = _mark_of(diary, partnership_pk, item_id)
    if before is not None and before.text is not None:
        made.text = before.text  # the wording of an item of the partnership's own stays
    _replace(diary, partnership_pk, item_id, before, made, _("mark checklist item"), undo)
    return made


def unmark(
    diary: Diary, partnership_pk: int, item_id: str, *, undo: UndoStack | None = None
) -> None:
    """Take an item's mark away (done or not met): it is open again."""
    before = _mark_of(diary, partnership_pk, item_id)
    _replace(diary, partnership_pk, item_id, before, None, _("unmark checklist item"), undo)


def _mark_of(diary: Diary, partnership_pk: int, item_id: str) -> ChecklistMark | None:
    found = records.list_checklist_marks(diary.db, partnership_pk)
    return next((m for m in found if m.item == item_id), None)


def _replace(
    diary: Diary,
    partnership_pk: int,
    item_id: str,
    before: ChecklistMark | None,
    after: ChecklistMark | None,
    label: str,
    undo: UndoStack | None,
) -> None:
    """Write ``after`` (None: no mark) in place of ``before``, as one undoable step if asked."""

    def put(value: ChecklistMark | None) -> None:
        if value is None:
            records.delete_checklist_mark(diary.db, partnership_pk, item_id)
        else:
            records.upsert_checklist_mark(diary.db, partnership_pk, value)

    changes = ChangeSet.of(CHECKLIST, partnership=partnership_pk)
    if undo is not None:
        undo.push(Command(label, lambda: put(after), lambda: put(before), changes))
    else:
        with diary.write(changes):
            put(after)


def add_custom(diary: Diary, partnership_pk: int, phase: Phase, text: str) -> ChecklistItem:
    """Add the partnership's own item to the checklist of ``phase``."""
    text = " ".join(text.split())
    if not text:
        raise ValidationError([Problem("text", _("must not be empty"))])
    if len(text) > NAME_MAX:
        raise ValidationError(
            [
                Problem(
                    "text",
                    ngettext(
                        "must be at most {n} character", "must be at most {n} characters", NAME_MAX
                    ).format(n=NAME_MAX),
                )
            ]
        )
    item_id = f"custom.{uuid.uuid4().hex[:12]}"
    with diary.write(ChangeSet.of(CHECKLIST_CUSTOM, partnership=partnership_pk)) as db:
        checklist.add_custom(db, partnership_pk, item_id, phase.value, text)
    return ChecklistItem(item_id, phase.value, (phase,), {"en": text}, {}, custom=True)


def set_hidden(diary: Diary, partnership_pk: int, item: ChecklistItem, hidden: bool) -> None:
    """Hide an item from the partnership's checklist, or show a hidden one again."""
    with diary.write(ChangeSet.of(CHECKLIST_CUSTOM, partnership=partnership_pk)) as db:
        checklist.set_hidden(db, partnership_pk, item.id, item.checklist, hidden)


def meeting_reminders() -> list[ChecklistItem]:
    """The per-meeting items, shown when a new event is opened."""
    return [i for i in template_items().values() if i.scope == "meeting"]
