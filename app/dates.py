"""Dates written for people, in the language of the text around them, from Babel's CLDR data.

Month names and date patterns are the locale's own (``babel.dates``), never hand-written lists.
Babel is imported on first use only: the application starts without it.

English uses the British patterns ("3 March 2026") for written-out dates and ISO 8601
("2026-03-03") for compact ones, since CLDR's English short date ("3/3/26") reads differently on
each side of the Atlantic; Finnish uses its CLDR patterns throughout ("3. maaliskuuta 2026",
"3.3.2026").
"""

from __future__ import annotations

import re
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


# -- dates typed by people ------------------------------------------------------------------

# A typed ISO date: four-digit year, month and day with or without their leading zeros.
_TYPED_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
# The fields of a short date pattern (Qt and CLDR spell them alike: d, M, y).
_FIELD = re.compile(r"d+|M+|y+")
EXAMPLE_DAY = date(2027, 1, 15)


def read_typed_date(text: str, pattern: str) -> date:
    """A date typed by a person: ISO (``2027-01-15``) or the locale's short date ``pattern``
    (``dd/MM/yyyy``: 15/01/2027, ``d.M.yyyy``: 15.1.2027), leading zeros optional, the year
    in four digits. ``ValueError`` for anything else: nothing is guessed, nothing clamped
    (31 February, a two-digit year or the month and day the other way round are refused).
    """
    typed = text.strip()
    iso = _TYPED_ISO.fullmatch(typed)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return date(year, month, day)
    fields = _FIELD.findall(pattern)
    if sorted(f[0] for f in fields) != ["M", "d", "y"]:
        raise ValueError(f"not a date pattern: {pattern!r}")
    regex, order, at = "", [], 0
    for found in _FIELD.finditer(pattern):
        regex += _separator(pattern[at : found.start()])
        regex += r"(\d{4})" if found.group()[0] == "y" else r"(\d{1,2})"
        order.append(found.group()[0])
        at = found.end()
    regex += _separator(pattern[at:])
    match = re.fullmatch(regex, typed, re.ASCII)
    if not match:
        raise ValueError(f"not a date of the form {pattern}: {text!r}")
    values = dict(zip(order, (int(g) for g in match.groups()), strict=True))
    return date(values["y"], values["M"], values["d"])


def _separator(between: str) -> str:
    """The pattern's text between two fields, spaces around it optional (``15. 1. 2027``);
    a trailing separator may be left out (``15.1.2027`` for ``d.M.yyyy.``)."""
    if not between:
        return ""
    core = between.strip()
    return r"\s*" + re.escape(core) + r"\s*" if core else r"\s+"


def date_example(pattern: str, day: date = EXAMPLE_DAY) -> str:
    """``day`` written in the short date ``pattern`` (``dd/MM/yyyy`` → ``15/01/2027``)."""
    values = {"d": day.day, "M": day.month, "y": day.year}

    def field(m: re.Match[str]) -> str:
        text = m.group()
        return f"{values[text[0]]:0{len(text) if text[0] != 'y' else 4}d}"

    return _FIELD.sub(field, pattern)
