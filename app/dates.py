"""Dates written for people, in the language of the text around them, from Babel's CLDR data.

Month names and date patterns are the locale's own (``babel.dates``), never hand-written lists.
Babel is imported on first use only: the application starts without it.

English uses the British patterns ("3 March 2026") for written-out dates and ISO 8601
("2026-03-03") for compact ones, since CLDR's English short date ("3/3/26") reads differently on
each side of the Atlantic; Finnish uses its CLDR patterns throughout ("3. maaliskuuta 2026",
"3.3.2026").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

_LOCALES = {"en": "en_GB", "fi": "fi_FI"}


def _locale(lang: str) -> str:
    return _LOCALES.get(lang, "en_GB")


def long_date(day: date, lang: str) -> str:
    """A date written out: "3 March 2026", "3. maaliskuuta 2026"."""
    from babel.dates import format_date

    return format_date(day, "long", locale=_locale(lang))


def short_date(day: date, lang: str) -> str:
    """A compact date for tables and sentences: "2026-03-03", "3.3.2026"."""
    if lang != "fi":
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, "short", locale=_locale(lang))


# A date inside a message of the core (a warning, its evidence, a refused phase change) is read
# beside the interface's own dates: the desktop app installs its writer (the user's locale) so
# that the two never differ; without one (the command line) the UI language's short date.
_interface_dates: Callable[[date], str] | None = None


def set_interface_dates(writer: Callable[[date], str] | None) -> None:
    """Write the core's sentence dates with ``writer`` from now on (None: ``short_date``)."""
    global _interface_dates
    _interface_dates = writer


def sentence_date(day: date, lang: str) -> str:
    """``day`` for a message the interface shows (in language ``lang``): as the interface
    writes its dates when it installed a writer, else ``short_date``."""
    if _interface_dates is not None:
        return _interface_dates(day)
    return short_date(day, lang)


def short_time(at: time, lang: str) -> str:
    """A time of day: "09:05", "9.05"."""
    from babel.dates import format_time

    return format_time(at, "short", locale=_locale(lang))


def month_year(day: date, lang: str) -> str:
    """A month and its year for a time axis: "Mar 2026", "maalis 2026"."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMy", day, locale=_locale(lang))


def month_abbreviations(lang: str) -> dict[int, str]:
    """The months' short stand-alone names by number: {1: "Jan", …}, {1: "tammi", …}."""
    from babel.dates import get_month_names

    names = get_month_names("abbreviated", "stand-alone", locale=_locale(lang))
    return {int(k): str(v) for k, v in names.items()}
