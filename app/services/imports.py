"""Imports that write many records at once, each preceded by a verified backup.

A whole partnership from an exchange file, or a whole questionnaire wave from a CSV file, is
the kind of change a user may want to take back as a whole: the backup policy promises a backup
"always before an import". The command line and the window both import through here, so the
promise is kept in one place. The file is checked first: a file that would be refused anyway
costs no backup, and a backup that fails stops the import (the error says why).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from app.backup.policy import BackupPolicy
from app.exchange import CheckedFile, Mode, Parsed, import_partnership, parse
from app.i18n import _
from app.persistence import events
from app.persistence.diary import Diary
from app.persistence.partnerships import partnership_pk_by_id
from app.scores.instrument_model import Instrument
from app.services.command import Command
from app.services.responses_csv import ResponsesError, import_responses, parse_for_partnership
from app.services.undo import UndoStack


def _backup(diary: Diary, policy: BackupPolicy | None) -> None:
    # The window passes its own policy (with the second backup folder from the preferences).
    (policy or BackupPolicy(diary)).before_risky()


def import_partnership_file(
    diary: Diary, data: Any, mode: Mode = "refuse", *, policy: BackupPolicy | None = None
) -> int:
    """Back up the diary, then import a partnership file's content; returns its key.

    ``data`` is the parsed JSON, the ``Parsed`` result of ``parse`` or a ``CheckedFile``. Raises ``ExchangeError``
    (nothing changed, no backup made) when the file has problems or, with ``mode="refuse"``,
    the partnership is already in the diary; ``BackupFailed`` when no backup could be made.
    """
    parsed = data if isinstance(data, (Parsed, CheckedFile)) else parse(data)
    refused = mode == "refuse" and partnership_pk_by_id(diary.db, parsed.partnership.id) is not None
    if not refused:
        _backup(diary, policy)
    return import_partnership(diary, parsed, mode)


def import_responses_file(
    diary: Diary,
    partnership_pk: int,
    data: bytes | Path,
    day: date,
    title: str | None = None,
    *,
    instrument: Instrument | None = None,
    policy: BackupPolicy | None = None,
    undo: UndoStack | None = None,
) -> int:
    """Back up the diary, then add a questionnaire wave from CSV bytes; returns the event's key.

    Raises ``ResponsesError`` (nothing changed, no backup made) when any row is wrong. Given
    ``undo``, the import is one undoable step: undo moves the new wave to the deleted items,
    redo brings it back.
    """
    parsed = parse_for_partnership(diary, partnership_pk, data, instrument)
    if not parsed.ok:
        raise ResponsesError(parsed.problems)
    _backup(diary, policy)
    pk = import_responses(diary, partnership_pk, data, day, title, instrument)
    if undo is not None:
        undo.push(
            Command(
                _("import questionnaire answers"),
                lambda: events.set_event_deleted(diary.db, pk, False),
                lambda: events.set_event_deleted(diary.db, pk, True),
            ),
            apply=False,
        )
    return pk
