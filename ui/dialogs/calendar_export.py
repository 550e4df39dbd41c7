"""Partnership ▸ Export calendar…: the planned events and action due dates of the partnership
as an iCalendar file, saved where the user says (``app.services.minutes.calendar_file``).

Importing the file again into a calendar updates its items instead of adding copies.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from app.domain.labels import os_reason
from app.i18n import _, ngettext
from app.persistence.diary import Diary
from app.persistence.read.partnerships import get_partnership
from app.safety.output import write_output
from app.services.minutes import MinutesError, calendar_file
from ui import settings as st


def default_name(diary: Diary, partnership_pk: int) -> str:
    p = get_partnership(diary.db, partnership_pk)
    words = re.sub(r"[^\w-]+", "-", (p.name if p else "").lower()).strip("-")[:60]
    return (words or "kumppani") + ".ics"


def export_calendar(
    parent: QWidget,
    diary: Diary,
    partnership_pk: int,
    settings: QSettings,
    path: Path | None = None,
    today: date | None = None,
) -> str | None:
    """Ask for the file (unless ``path`` is given), write it; returns what to tell the user
    (None when the user cancelled)."""
    if path is None:
        folder = st.MINUTES_FOLDER.read(settings) or Path.home()
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            _("Export the calendar"),
            str(folder / default_name(diary, partnership_pk)),
            _("Calendar files (*.ics)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    try:
        document, events, actions = calendar_file(diary, partnership_pk, today or date.today())
        write_output(path, document, private=False)
    except MinutesError as exc:
        return str(exc)
    except OSError as exc:
        return _("Cannot write {path}: {reason}").format(path=path, reason=os_reason(exc))
    st.MINUTES_FOLDER.write(settings, path.parent)
    planned = ngettext("{n} planned event", "{n} planned events", events).format(n=events)
    due = ngettext("{n} action due date", "{n} action due dates", actions).format(n=actions)
    return _("Wrote {events} and {actions} to {path}.").format(
        events=planned, actions=due, path=path
    )
