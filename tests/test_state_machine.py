"""A Hypothesis state machine of the repository layer against a plain model of it.

Steps: add, edit and delete entries (each an undoable command, as the app records them), undo,
close and reopen, back up, restore a backup. After every step the diary's visible entries equal
the model's dictionary of entry key → text.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from app.backup.opening import open_diary_file
from app.backup.policy import BackupPolicy
from app.backup.restore import restore
from app.domain import Entry, EntryType
from app.persistence import entries
from app.services.command import Command
from app.services.undo import UndoStack
from tests.safety_helpers import fill

texts = st.text(min_size=1, max_size=40)
Model = dict[int, str]


class DiaryMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="kumppani-sm-"))
        self.diary = open_diary_file(self.folder / "diary.sqlite3", create=True)
        fill(self.diary, events_count=1, entries_per_event=0)
        self.event = 1
        self.undo = UndoStack(self.diary)
        self.model: Model = {}
        self.history: list[Model] = []  # the model before each undoable command
        self.backups: list[tuple[Path, Model]] = []
        self.clock = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def _push(self, label: str, redo: object, undo: object) -> None:
        self.history.append(dict(self.model))
        self.undo.push(Command(label, redo, undo))  # type: ignore[arg-type]

    @rule(text=texts)
    def add(self, text: str) -> None:
        entry = Entry(self.event, EntryType.NOTE, text)

        def redo() -> None:
            if entry.pk is None:
                entries.insert_entry(self.diary.db, 1, entry)
            else:
                entries.set_entry_deleted(self.diary.db, entry.pk, False)

        def undo() -> None:
            assert entry.pk is not None
            entries.set_entry_deleted(self.diary.db, entry.pk, True)

        self._push("add", redo, undo)
        assert entry.pk is not None
        self.model[entry.pk] = text

    @precondition(lambda self: self.model)
    @rule(data=st.data(), text=texts)
    def edit(self, data: st.DataObject, text: str) -> None:
        pk = data.draw(st.sampled_from(sorted(self.model)))
        entry = entries.get_entry(self.diary.db, pk)
        assert entry is not None
        old = entry.text

        def set_text(value: str) -> None:
            entry.text = value
            entries.update_entry(self.diary.db, entry)

        self._push("edit", lambda: set_text(text), lambda: set_text(old))
        self.model[pk] = text

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        pk = data.draw(st.sampled_from(sorted(self.model)))
        self._push(
            "delete",
            lambda: entries.set_entry_deleted(self.diary.db, pk, True),
            lambda: entries.set_entry_deleted(self.diary.db, pk, False),
        )
        del self.model[pk]

    @precondition(lambda self: self.history)
    @rule()
    def undo_last(self) -> None:
        assert self.undo.undo() is not None
        self.model = self.history.pop()

    def _fresh_history(self) -> None:
        self.undo = UndoStack(self.diary)
        self.history = []

    @rule()
    def close_and_reopen(self) -> None:
        self.diary.close()
        self.diary = open_diary_file(self.diary.path)
        self._fresh_history()

    @rule()
    def backup(self) -> None:
        self.clock += timedelta(minutes=1)
        policy = BackupPolicy(self.diary, clock=lambda: self.clock)
        self.backups.append((policy.backup_now(), dict(self.model)))

    @precondition(lambda self: self.backups)
    @rule(data=st.data())
    def restore_backup(self, data: st.DataObject) -> None:
        path, model = data.draw(st.sampled_from(self.backups))
        self.diary, _kept = restore(self.diary, path)
        self.model = dict(model)
        self._fresh_history()

    @invariant()
    def diary_equals_model(self) -> None:
        found = {e.pk: e.text for e in entries.list_entries(self.diary.db, self.event)}
        assert found == self.model

    def teardown(self) -> None:
        self.diary.close()
        shutil.rmtree(self.folder, ignore_errors=True)


DiaryMachine.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_repository_layer_matches_its_model = DiaryMachine.TestCase
