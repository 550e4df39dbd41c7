"""Earlier versions of an entry (kept by merges) and bringing one back, as an undoable edit."""

from __future__ import annotations

from sqlite_utils import Database

from app.domain import Entry, EntryType, Visibility
from app.domain.enums import Tension
from app.persistence.merges import Revision, entry_revisions
from app.services.editing import Editor


def earlier_versions(db: Database, entry: Entry) -> list[Revision]:
    """The versions of the entry a merge did not keep, newest first."""
    return entry_revisions(db, entry.pk) if entry.pk is not None else []


def bring_back(editor: Editor, entry: Entry, revision: Revision) -> None:
    """Make the entry read as the earlier version again (type, text, visibility, tensions)."""
    body = revision.body
    entry.type = EntryType(body["type"])
    entry.text = str(body["text"])
    entry.visibility = Visibility(body["visibility"])
    entry.tensions = tuple(Tension(t) for t in body.get("tensions", []))
    editor.edit_entry(entry)
