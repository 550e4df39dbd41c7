"""Entering an objective's dated measurements, each one an undoable step.

The value of the objective's indicator on a date, with an optional note: what "At a glance"
compares with the target (``app.report.standing``). Measurements are added and deleted, not
edited: a wrong one is deleted and entered again. Undo brings a deleted one back as it was.
"""

from __future__ import annotations

import copy

from app.domain.model import Measurement
from app.domain.validation import check_measurement, ensure
from app.i18n import _
from app.persistence import measurements
from app.persistence.changes import MEASUREMENTS, OBJECTIVES, ChangeSet
from app.services.command import Command
from app.services.editing import Editor


def _changes(partnership_pk: int) -> ChangeSet:
    return ChangeSet.of(MEASUREMENTS, OBJECTIVES, partnership=partnership_pk)


def add_measurement(
    editor: Editor, partnership_pk: int, objective_pk: int, measurement: Measurement
) -> int:
    """Store ``measurement`` of the objective; raises ``ValidationError`` on a bad value."""
    ensure(check_measurement(measurement))
    stored = copy.deepcopy(measurement)
    stored.pk = None

    def redo() -> None:
        measurements.insert_measurement(editor.db, partnership_pk, objective_pk, stored)

    def undo() -> None:
        if stored.pk is not None:
            measurements.delete_measurement(editor.db, stored.pk)
            stored.pk = None

    editor.undo.push(Command(_("add measurement"), redo, undo, _changes(partnership_pk)))
    measurement.pk = stored.pk
    return int(stored.pk or 0)


def delete_measurement(
    editor: Editor, partnership_pk: int, objective_pk: int, measurement: Measurement
) -> None:
    """Delete a stored measurement; undo stores it again with the same id, date and value."""
    kept = copy.deepcopy(measurement)

    def redo() -> None:
        if kept.pk is not None:
            measurements.delete_measurement(editor.db, kept.pk)
            kept.pk = None

    def undo() -> None:
        measurements.insert_measurement(editor.db, partnership_pk, objective_pk, kept)

    editor.undo.push(Command(_("delete measurement"), redo, undo, _changes(partnership_pk)))
