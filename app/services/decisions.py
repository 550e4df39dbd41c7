"""Decisions as records: where a decision stands, which sides agreed, when to review it.

The paper asks for the ability to disagree, not for full consensus: a decision can be agreed by
one side and contested by the other, with the disagreement written down. Each change is one
undoable step that writes back the entry and the sides that agreed together.
"""

from __future__ import annotations

import copy
from datetime import date

from app.domain import EntryType, Problem, ValidationError
from app.domain.enums import DecisionStatus
from app.domain.model import DecisionRecord, Entry
from app.domain.validation import check_entry, ensure
from app.i18n import _
from app.persistence import entries
from app.persistence.changes import ENTRIES, ChangeSet
from app.services.command import Command
from app.services.editing import Editor


def record_decision(
    editor: Editor,
    entry_pk: int,
    status: DecisionStatus,
    agreed_by: list[int],
    review_on: date | None = None,
    disagreement: str | None = None,
) -> Entry:
    """Set a decision entry's record (``agreed_by``: organization keys); returns the entry as
    stored. A contested decision needs the disagreement written down."""
    db = editor.db
    before = entries.get_entry(db, entry_pk)
    if before is None:
        raise ValidationError([Problem("entry", _("this record no longer exists"))])
    if before.type is not EntryType.DECISION:
        raise ValidationError([Problem("entry", _("only a decision has a decision record"))])
    note = (disagreement or "").strip() or None
    if status is DecisionStatus.CONTESTED and note is None:
        raise ValidationError(
            [Problem("disagreement", _("write down what was not agreed, and by whom"))]
        )
    after = copy.deepcopy(before)
    after.decision = DecisionRecord(status, list(dict.fromkeys(agreed_by)), review_on, note)
    ensure(check_entry(after))
    if after == before:
        return after
    old, new = copy.deepcopy(before), copy.deepcopy(after)
    changes = ChangeSet.of(ENTRIES, records=[(ENTRIES, entry_pk)])
    editor.undo.push(
        Command(
            _("record decision"),
            lambda: entries.update_decision(db, copy.deepcopy(new)),
            lambda: entries.update_decision(db, copy.deepcopy(old)),
            changes,
        )
    )
    return after
