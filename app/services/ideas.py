"""What becomes of an idea: an action made from it, or parked (to revisit) or declined.

An idea is open until the partners deal with it. Made into an action, it is linked from the
action's side (``Action.source_entry``) and shows "→ action"; the action shows its source.
Parked, it carries a reason and a date to revisit it; declined, a reason. Each change is one
undoable step written through ``Diary.write(ChangeSet)`` by ``UndoStack.push``; making an action
of a parked or declined idea reopens it in the same step, so one undo takes back both.

An action made from a private entry starts private. Shared, it needs the facilitator's own
wording for the partners: the words written in confidence are never copied into it.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Protocol

from sqlite_utils import Database

from app.domain import (
    Action,
    ActionStatus,
    Entry,
    EntryType,
    Problem,
    ValidationError,
    Visibility,
)
from app.domain.enums import Fate
from app.domain.model import IdeaFate
from app.domain.validation import check_action, check_entry, ensure
from app.domain.wording import repeats
from app.i18n import _
from app.persistence import actions, entries, partnerships
from app.persistence.changes import ACTIONS, ENTRIES, ChangeSet
from app.persistence.ideas import idea_outcomes
from app.services.command import Command
from app.services.undo import UndoStack

# Entry types that can become an action of the plan.
ACTIONABLE = (EntryType.IDEA, EntryType.DECISION)


class Editor(Protocol):
    """What the use cases need of ``app.services.editing.Editor``: the diary and its undo
    history (a protocol, so that ``editing`` can offer ``make_action`` without a cycle)."""

    @property
    def db(self) -> Database: ...

    @property
    def undo(self) -> UndoStack: ...


def make_action(
    editor: Editor,
    partnership_pk: int,
    entry_pk: int,
    *,
    today: date,
    text: str | None = None,
    owner: int | None = None,
    due_on: date | None = None,
    status: ActionStatus = ActionStatus.OPEN,
    visibility: Visibility | None = None,
) -> int:
    """Turn an idea or decision entry into an action of the plan (``source_entry`` set).

    The action starts with the entry's visibility: one made from a private entry is private.
    A shared action made from a private entry needs its own, partner-facing ``text`` that does
    not repeat the entry's words. An idea that was parked or declined is reopened with it.
    """
    db = editor.db
    entry = entries.get_entry(db, entry_pk)
    if entry is None or entry.type not in ACTIONABLE:
        raise ValidationError(
            [Problem("entry", _("only an idea or a decision can become an action"))]
        )
    private_entry = entry.visibility is Visibility.PRIVATE
    if visibility is None:
        visibility = Visibility.PRIVATE if private_entry else Visibility.SHARED
    wording = (text if text is not None else entry.text).strip()
    if private_entry and visibility is Visibility.SHARED and repeats(wording, entry.text):
        raise ValidationError(
            [
                Problem(
                    "text",
                    _(
                        "the entry is private: write the action's wording for the partners "
                        "before sharing it"
                    ),
                )
            ]
        )
    organization = None
    if owner is not None:
        person = next(
            (p for p in partnerships.list_people(db, partnership_pk) if p.pk == owner), None
        )
        if person is None:
            raise ValidationError([Problem("owner", _("this person is not in the partnership"))])
        organization = person.organization
    action = Action(
        text=wording,
        created_on=today,
        status=status,
        owner=owner,
        organization=organization,
        due_on=due_on,
        done_on=today if status.is_closed else None,
        source_entry=entry_pk,
        visibility=visibility,
    )
    ensure(check_action(action))
    snapshot = copy.deepcopy(action)
    fated_before = copy.deepcopy(entry) if entry.fate is not None else None

    def redo() -> None:
        if action.pk is None:
            actions.insert_action(db, partnership_pk, snapshot)
            action.pk = snapshot.pk
        else:
            actions.set_action_deleted(db, action.pk, False)
        if fated_before is not None:
            reopened = copy.deepcopy(fated_before)
            reopened.fate = None
            entries.update_entry(db, reopened)

    def undo() -> None:
        actions.set_action_deleted(db, _pk(action), True)
        if fated_before is not None:
            entries.update_entry(db, copy.deepcopy(fated_before))

    changes = ChangeSet.of(ACTIONS, ENTRIES, partnership=partnership_pk)
    editor.undo.push(Command(_("make action"), redo, undo, changes))
    return _pk(action)


def park_idea(
    editor: Editor, entry_pk: int, *, reason: str, revisit_on: date | None, today: date
) -> None:
    """Set an idea aside, with the reason and the date the partners will look at it again."""
    _set_fate(editor, entry_pk, IdeaFate(Fate.PARKED, reason.strip(), today, revisit_on))


def decline_idea(editor: Editor, entry_pk: int, *, reason: str, today: date) -> None:
    """Record that the partners decided not to pursue an idea, and why."""
    _set_fate(editor, entry_pk, IdeaFate(Fate.DECLINED, reason.strip(), today))


def reopen_idea(editor: Editor, entry_pk: int) -> None:
    """A parked or declined idea is open again."""
    entry = _idea(editor, entry_pk)
    if entry.fate is None:
        return
    _store(editor, entry, None, _("reopen idea"))


def _set_fate(editor: Editor, entry_pk: int, fate: IdeaFate) -> None:
    entry = _idea(editor, entry_pk)
    outcome = idea_outcomes(editor.db, [entry_pk]).get(entry_pk)
    if outcome is not None and outcome.action_pk is not None:
        raise ValidationError(
            [Problem("fate", _("an action has been made from this idea: it is not open"))]
        )
    label = _("park idea") if fate.status is Fate.PARKED else _("decline idea")
    _store(editor, entry, fate, label)


def _idea(editor: Editor, entry_pk: int) -> Entry:
    entry = entries.get_entry(editor.db, entry_pk)
    if entry is None:
        raise ValidationError([Problem("record", _("this record no longer exists"))])
    if entry.type is not EntryType.IDEA:
        raise ValidationError([Problem("fate", _("only an idea has a fate"))])
    return entry


def _store(editor: Editor, entry: Entry, fate: IdeaFate | None, label: str) -> None:
    before = copy.deepcopy(entry)
    after = copy.deepcopy(entry)
    after.fate = fate
    ensure(check_entry(after))
    db = editor.db
    changes = ChangeSet.of(ENTRIES, records=[(ENTRIES, _pk(entry))])
    editor.undo.push(
        Command(
            label,
            lambda: entries.update_entry(db, copy.deepcopy(after)),
            lambda: entries.update_entry(db, copy.deepcopy(before)),
            changes,
        )
    )


def _pk(record: Action | Entry) -> int:
    if record.pk is None:
        raise ValueError("record is not stored")
    return int(record.pk)
