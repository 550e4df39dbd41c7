"""Dates as Kumppani writes them: ``YYYY-MM-DD`` and ``YYYY-MM-DDTHH:MM``, nothing else.

Python's ``fromisoformat`` also reads ``20250101``, ``2025-W01-1`` (a week date, stored as
2024-12-30) and digits of other scripts; a diary, a file or a command line that says
YYYY-MM-DD means exactly that, so every date read from outside goes through here.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_MINUTE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", re.ASCII)
# An exchange file's moment: a date, a time to the minute or finer, and optionally a zone.
_MOMENT = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?", re.ASCII
)


def iso_day(text: object) -> date:
    """``text`` as a ``YYYY-MM-DD`` date; ``ValueError`` for anything else."""
    if not isinstance(text, str) or not _DAY.fullmatch(text):
        raise ValueError(f"not a date YYYY-MM-DD: {text!r}")
    return date.fromisoformat(text)


def iso_minute(text: str) -> datetime:
    """``text`` as a ``YYYY-MM-DDTHH:MM`` date-time; ``ValueError`` for anything else."""
    if not _MINUTE.fullmatch(text):
        raise ValueError(f"not a date-time YYYY-MM-DDTHH:MM: {text!r}")
    # The pattern matched, so fromisoformat reads exactly what strptime would (and checks the
    # same ranges), many times faster: a large diary has thousands of such moments.
    return datetime.fromisoformat(text)


def iso_moment(text: object) -> datetime:
    """An ISO 8601 date-time with at least hours and minutes (a date alone is refused)."""
    if not isinstance(text, str) or not _MOMENT.fullmatch(text):
        raise ValueError(f"not an ISO 8601 date-time: {text!r}")
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
