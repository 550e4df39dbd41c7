"""Undoable editing of the diary: events, entries, actions and objectives.

Every change is an ``app.services.undo.Command`` built from snapshots of the record before and
after, so undo writes back the very same row (same ``pk``, same ``id``). Creating a record is
undone by a soft delete and redone by restoring it; deleting is a soft delete that undo reverts.
Field edits made while typing are merged: a second edit of the same field of the same record,
while that edit is still the newest on the undo stack, updates the existing command instead of
pushing another one, so one "Undo edit entry" takes back the whole typing burst.

Each use case validates first (``ValidationError`` before anything is written) and runs in one
transaction through ``UndoStack.push``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any, Generic, TypeVar

from sqlite_utils import Database

from app.domain import (
    Action,
    ActionStatus,
    Entry,
    Event,
    Objective,
    Person,
    Phase,
    Problem,
    ValidationError,
    Visibility,
)
from app.domain.validation import (
    check_action,
    check_entry,
    check_event,
    check_objective,
    check_person,
    ensure,
)
from app.i18n import _
from app.persistence import actions, entries, events, partnerships
from app.persistence.changes import (
    ACTIONS,
    ENTRIES,
    EVENTS,
    OBJECTIVES,
    PARTICIPANTS,
    PEOPLE,
    RATINGS,
    ChangeSet,
)
from app.persistence.diary import Diary
from app.services import ideas
from app.services.command import Command
from app.services.ideas import ACTIONABLE
from app.services.undo import UndoStack

T = TypeVar("T")

# What writing an event touches: its row, its participants and its ratings.
_EVENT = (EVENTS, PARTICIPANTS, RATINGS)

__all__ = ["ACTIONABLE", "Editor", "default_phase", "open_actions_for_review"]


class _Edit(Generic[T]):
    """Before/after snapshots of one record; ``after`` is replaced when edits are merged."""

    def __init__(self, db: Database, store: Callable[[Database, T], None], before: T, after: T):
        self._db = db
        self._store = store
        self.before = copy.deepcopy(before)
        self.after = copy.deepcopy(after)

    def redo(self) -> None:
        self._store(self._db, copy.deepcopy(self.after))

    def undo(self) -> None:
        self._store(self._db, copy.deepcopy(self.before))


class Editor:
    """The use cases that change a diary, each one undoable."""

    def __init__(self, diary: Diary, undo: UndoStack) -> None:
        self.diary = diary
        self.undo = undo
        self._merge_key: tuple[str, int, str] | None = None
        self._merge_edit: _Edit[Any] | None = None
        # Any change of the undo stack (a push, undo, redo) ends the current typing burst.
        undo.subscribe(self._stack_changed)

    @property
    def db(self) -> Database:
        return self.diary.db

    # -- machinery ------------------------------------------------------------------------

    def _stack_changed(self) -> None:
        self._merge_key = None
        self._merge_edit = None

    def _push(
        self,
        label: str,
        redo: Callable[[], None],
        undo: Callable[[], None],
        changes: ChangeSet,
    ) -> None:
        self.undo.push(Command(label, redo, undo, changes))

    def _edit(
        self,
        label: str,
        key: tuple[str, int, str] | None,
        store: Callable[[Database, T], None],
        before: T,
        after: T,
        changes: ChangeSet,
    ) -> None:
        """Store ``after``; merge into the newest command when ``key`` continues a burst."""
        if key is not None and key == self._merge_key and self._merge_edit is not None:
            edit = self._merge_edit
            edit.after = copy.deepcopy(after)
            with self.diary.write(changes):
                edit.redo()
            return
        fresh: _Edit[T] = _Edit(self.db, store, before, after)
        self._push(label, fresh.redo, fresh.undo, changes)
        if key is not None:
            self._merge_key, self._merge_edit = key, fresh

    def _soft(
        self,
        label: str,
        setter: Callable[[Database, int, bool], None],
        pk: int,
        changes: ChangeSet,
    ) -> None:
        """Delete softly (undo restores the very same row)."""
        self._push(
            label, lambda: setter(self.db, pk, True), lambda: setter(self.db, pk, False), changes
        )

    # -- events ---------------------------------------------------------------------------

    def create_event(self, partnership_pk: int, event: Event) -> int:
        """Store a new event; its phase defaults to the phase in force on its date."""
        ensure(check_event(event))
        if event.phase is None:
            p = partnerships.get_partnership(self.db, partnership_pk)
            event.phase = p.phase_on(event.day) if p else None
        snapshot = copy.deepcopy(event)

        def redo() -> None:
            if event.pk is None:
                events.insert_event(self.db, partnership_pk, snapshot)
                event.pk = snapshot.pk
            else:
                events.set_event_deleted(self.db, event.pk, False)

        undo = lambda: events.set_event_deleted(self.db, _pk(event), True)  # noqa: E731
        self._push(_("add event"), redo, undo, ChangeSet.of(*_EVENT, partnership=partnership_pk))
        return _pk(event)

    def edit_event(self, event: Event, field: str | None = None) -> None:
        """Store an edited event (participants included); ``field`` merges typing bursts."""
        ensure(check_event(event))
        before = _found(events.get_event(self.db, _pk(event)))
        if _same(before, event):
            return
        key = _key("event", event, field)
        self._edit(_("edit event"), key, events.update_event, before, event, _record(_EVENT, event))

    def delete_event(self, pk: int) -> None:
        # The event's entries go (and come back) with it.
        changes = ChangeSet.of(*_EVENT, ENTRIES, records=[(EVENTS, pk)])
        self._soft(_("delete event"), events.set_event_deleted, pk, changes)

    # -- people ---------------------------------------------------------------------------

    def add_person(self, partnership_pk: int, person: Person) -> int:
        """Add a person to one of the partnership's organizations (people are not undone)."""
        ensure(check_person(person))
        with self.diary.write(ChangeSet.of(PEOPLE, partnership=partnership_pk)) as db:
            return partnerships.insert_person(db, partnership_pk, person)

    # -- entries --------------------------------------------------------------------------

    def create_entry(self, partnership_pk: int, entry: Entry) -> int:
        """Store a new entry in its event, committed before this returns."""
        ensure(check_entry(entry))
        snapshot = copy.deepcopy(entry)

        def redo() -> None:
            if entry.pk is None:
                entries.insert_entry(self.db, partnership_pk, snapshot)
                entry.pk = snapshot.pk
            else:
                entries.set_entry_deleted(self.db, entry.pk, False)

        undo = lambda: entries.set_entry_deleted(self.db, _pk(entry), True)  # noqa: E731
        self._push(_("add entry"), redo, undo, ChangeSet.of(ENTRIES, partnership=partnership_pk))
        return _pk(entry)

    def edit_entry(self, entry: Entry, field: str | None = None) -> None:
        ensure(check_entry(entry))
        before = _found(entries.get_entry(self.db, _pk(entry)))
        if _same(before, entry):
            return
        key = _key("entry", entry, field)
        changes = _record((ENTRIES,), entry)
        self._edit(_("edit entry"), key, entries.update_entry, before, entry, changes)

    def delete_entry(self, pk: int) -> None:
        changes = ChangeSet.of(ENTRIES, records=[(ENTRIES, pk)])
        self._soft(_("delete entry"), entries.set_entry_deleted, pk, changes)

    # -- actions --------------------------------------------------------------------------

    def create_action(self, partnership_pk: int, action: Action, label: str = "") -> int:
        ensure(check_action(action))
        snapshot = copy.deepcopy(action)

        def redo() -> None:
            if action.pk is None:
                actions.insert_action(self.db, partnership_pk, snapshot)
                action.pk = snapshot.pk
            else:
                actions.set_action_deleted(self.db, action.pk, False)

        undo = lambda: actions.set_action_deleted(self.db, _pk(action), True)  # noqa: E731
        changes = ChangeSet.of(ACTIONS, partnership=partnership_pk)
        self._push(label or _("add action"), redo, undo, changes)
        return _pk(action)

    def make_action(
        self,
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
        """Turn an idea or decision into an action of the plan (``app.services.ideas``)."""
        return ideas.make_action(
            self,
            partnership_pk,
            entry_pk,
            today=today,
            text=text,
            owner=owner,
            due_on=due_on,
            status=status,
            visibility=visibility,
        )

    def edit_action(self, action: Action, field: str | None = None) -> None:
        ensure(check_action(action))
        before = _found(actions.get_action(self.db, _pk(action)))
        if _same(before, action):
            return
        key, changes = _key("action", action, field), _record((ACTIONS,), action)
        self._edit(_("edit action"), key, actions.update_action, before, action, changes)

    def set_action_status(self, pk: int, status: ActionStatus, day: date) -> None:
        """Change an action's status; closing it records ``day``, reopening clears it."""
        action = _found(actions.get_action(self.db, pk))
        if action.status == status:
            return
        before = copy.deepcopy(action)
        action.status = status
        if not status.is_closed:
            action.done_on = None
        elif not before.status.is_closed or action.done_on is None:
            action.done_on = max(day, action.created_on)
        ensure(check_action(action))
        changes = _record((ACTIONS,), action)
        self._edit(_("change action status"), None, actions.update_action, before, action, changes)

    def delete_action(self, pk: int) -> None:
        changes = ChangeSet.of(ACTIONS, records=[(ACTIONS, pk)])
        self._soft(_("delete action"), actions.set_action_deleted, pk, changes)

    # -- objectives -----------------------------------------------------------------------

    def create_objective(self, partnership_pk: int, objective: Objective) -> int:
        ensure(check_objective(objective))
        snapshot = copy.deepcopy(objective)

        def redo() -> None:
            if objective.pk is None:
                partnerships.insert_objective(self.db, partnership_pk, snapshot)
                objective.pk = snapshot.pk
            else:
                partnerships.set_objective_deleted(self.db, objective.pk, False)

        undo = lambda: partnerships.set_objective_deleted(self.db, _pk(objective), True)  # noqa: E731
        changes = ChangeSet.of(OBJECTIVES, partnership=partnership_pk)
        self._push(_("add objective"), redo, undo, changes)
        return _pk(objective)

    def edit_objective(
        self, partnership_pk: int, objective: Objective, field: str | None = None
    ) -> None:
        ensure(check_objective(objective))
        stored = partnerships.list_objectives(self.db, partnership_pk)
        before = next((o for o in stored if o.pk == objective.pk), None)
        if before is None or _same(before, objective):
            return
        key = _key("objective", objective, field)
        changes = ChangeSet.of(OBJECTIVES, partnership=partnership_pk)
        store = partnerships.update_objective
        self._edit(_("edit objective"), key, store, before, objective, changes)

    def delete_objective(self, pk: int) -> None:
        changes = ChangeSet.of(OBJECTIVES, records=[(OBJECTIVES, pk)])
        self._soft(_("delete objective"), partnerships.set_objective_deleted, pk, changes)


# -- queries used by the editing views ------------------------------------------------------


def open_actions_for_review(db: Database, partnership_pk: int, day: date) -> list[Action]:
    """Open actions to review before the next meeting: overdue first, then by due date."""
    found = [a for a in actions.list_actions(db, partnership_pk) if a.is_open_on(day)]
    return sorted(
        found,
        key=lambda a: (not a.is_overdue_on(day), a.due_on or date.max, a.created_on),
    )


def default_phase(db: Database, partnership_pk: int, day: date) -> Phase | None:
    """The phase in force on ``day`` (None before the first phase move)."""
    p = partnerships.get_partnership(db, partnership_pk)
    return p.phase_on(day) if p else None


# -- helpers --------------------------------------------------------------------------------


def _record(tables: tuple[str, ...], record: Any) -> ChangeSet:
    """Changes to one stored record (its partnership is not known here: any partnership)."""
    return ChangeSet.of(*tables, records=[(tables[0], _pk(record))])


def _pk(record: Any) -> int:
    if record.pk is None:
        raise ValueError("record is not stored")
    return int(record.pk)


def _found(record: T | None) -> T:
    if record is None:
        raise ValidationError([Problem("record", _("this record no longer exists"))])
    return record


def _same(a: Any, b: Any) -> bool:
    return bool(a == b)


def _key(table: str, record: Any, field: str | None) -> tuple[str, int, str] | None:
    return (table, _pk(record), field) if field else None
