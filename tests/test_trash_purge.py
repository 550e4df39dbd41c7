"""Emptying the deleted items takes their text out of the file, full-text index included."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.domain import Entry, EntryType, Event, EventKind
from app.persistence import search, trash
from app.persistence.diary import Diary
from app.services.editing import Editor
from app.services.undo import UndoStack
from tests.safety_helpers import fill
from ui.pages.diary_page import DeletedItemsDialog

ENTRY_MARKER = "Qwzentrymarkerxy"
EVENT_MARKER = "Qwzeventmarkerxy"


def _file_bytes(diary: Diary) -> bytes:
    """The diary's bytes on disk, the write-ahead log folded in first."""
    diary.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return b"".join(
        f.read_bytes() for f in diary.path.parent.iterdir() if f.name.startswith(diary.path.name)
    )


def _plant(editor: Editor, pk: int) -> None:
    """A kept event holding a deleted private entry, and a deleted event with a marker title."""
    kept = editor.create_event(pk, Event(EventKind.MEETING, "Steering", "2024-03-01"))
    entry = editor.create_entry(
        pk, Entry(kept, EntryType.OBSERVATION, f"private remark {ENTRY_MARKER} about a person")
    )
    gone = editor.create_event(
        pk, Event(EventKind.WORKSHOP, f"Workshop {EVENT_MARKER}", "2024-03-05")
    )
    editor.delete_entry(entry)
    editor.delete_event(gone)


def _assert_markers(diary: Diary, present: bool) -> None:
    data = _file_bytes(diary)
    for marker in (ENTRY_MARKER, EVENT_MARKER):
        for form in (marker, marker.lower()):  # FTS5 stores lower-cased tokens
            assert (form.encode() in data) is present, form


def test_emptying_leaves_no_deleted_text_in_the_file(diary: Diary) -> None:
    pk = fill(diary)
    editor = Editor(diary, UndoStack(diary))
    _plant(editor, pk)
    _assert_markers(diary, present=True)
    with diary.write() as db:
        assert trash.empty(db, pk) == 2
    _assert_markers(diary, present=False)
    # The rest of the diary is still found.
    assert search.search(diary.db, pk, "observation")
    assert diary.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_deleted_items_dialog_empties_for_good(
    qtbot: QtBot, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    pk = fill(diary)
    editor = Editor(diary, UndoStack(diary))
    _plant(editor, pk)
    dialog = DeletedItemsDialog(editor, pk)
    qtbot.addWidget(dialog)
    assert dialog.items.count() == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.empty_button.click()
    assert dialog.items.count() == 0
    assert editor.undo.undo_text is None
    _assert_markers(diary, present=False)
    assert len(search.search(diary.db, pk, "observation")) == 12
