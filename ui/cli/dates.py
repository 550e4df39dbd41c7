"""Dates typed on the command line: ``YYYY-MM-DD`` or the user's own locale format, nothing else.

The locale format is the short date of the user's ``LC_TIME`` (``15.1.2025`` in Finland,
``1/15/2025`` in the United States), always with a four-digit year; the C locale has none.
``20250101`` and week dates (``2025-W01-1``) are refused with the message, never guessed.
"""

from __future__ import annotations

import locale
import re
from datetime import date, datetime

from app.domain.days import iso_day
from app.i18n import _

# strptime directives a short date format may use; anything else means "no locale format".
_FIELDS = {"%d": r"\d{1,2}", "%m": r"\d{1,2}", "%Y": r"\d{4}", "%y": r"\d{4}"}


def locale_date_format() -> str | None:
    """The user's short date format for ``strptime`` (year as ``%Y``), or None in C/POSIX."""
    try:
        saved = locale.setlocale(locale.LC_TIME)
        try:
            name = locale.setlocale(locale.LC_TIME, "")
            fmt = locale.nl_langinfo(locale.D_FMT)
        finally:
            locale.setlocale(locale.LC_TIME, saved)
    except (locale.Error, AttributeError, ValueError):
        return None
    if name.split(".")[0] in ("C", "POSIX"):
        return None
    fmt = fmt.replace("%y", "%Y")
    pieces = re.split(r"(%.)", fmt)
    if sorted(p for p in pieces if p.startswith("%")) != ["%Y", "%d", "%m"]:
        return None
    if any(not p.startswith("%") and re.search(r"[\w%]", p) for p in pieces):
        return None
    return fmt


def _pattern(fmt: str) -> re.Pattern[str]:
    parts = re.split(r"(%.)", fmt)
    return re.compile("".join(_FIELDS.get(p, re.escape(p)) for p in parts), re.ASCII)


def _example(fmt: str) -> str:
    return date(2025, 1, 31).strftime(fmt)


def parse_day(text: str) -> date:
    """``text`` as a date; ``UserError`` naming the accepted forms for anything else."""
    from ui.cli import UserError

    try:
        return iso_day(text)
    except ValueError:
        pass
    fmt = locale_date_format()
    if fmt is not None and _pattern(fmt).fullmatch(text):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    if fmt is None:
        raise UserError(
            _("The date {text} is not a date of the form YYYY-MM-DD.").format(text=text)
        )
    raise UserError(
        _("The date {text} is not a date of the form YYYY-MM-DD or {example}.").format(
            text=text, example=_example(fmt)
        )
    )


def optional_day(text: str | None) -> date | None:
    """``parse_day`` of an option that may be left out."""
    return None if text is None else parse_day(text)
