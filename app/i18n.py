"""The one translation machinery of every layer: the standard library's ``gettext``.

Messages live in one catalogue per language, ``resources/i18n/<lang>/LC_MESSAGES/kumppani.po``,
extracted from the code and compiled to ``kumppani.mo`` with Babel (``make i18n``; see
docs/architecture.md "Translations"). At run time only the compiled ``.mo`` is read: no other
file in ``resources/i18n`` is looked at.

``_()`` translates into the current language, ``ngettext()`` chooses the plural form for a count,
``pgettext()`` tells apart the same English word that needs different words in another language,
and ``N_()`` marks a message for extraction that is translated later (a table of labels).
Reports switch language per document with ``translator(lang)``, a :class:`Translator` offering
the same four functions without touching the global language.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path

DOMAIN = "kumppani"
LANGUAGES = ("en", "fi")

_current = "en"


def locale_dir() -> Path:
    """The folder holding ``<lang>/LC_MESSAGES/kumppani.mo`` of every language."""
    return Path(str(resources.files("resources").joinpath("i18n")))


class Translator:
    """The translation functions of one language; calling it is ``gettext``."""

    def __init__(self, lang: str, table: gettext.NullTranslations) -> None:
        self.lang = lang
        self._table = table

    def __call__(self, message: str) -> str:
        return self._table.gettext(message)

    def gettext(self, message: str) -> str:
        return self._table.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form of ``singular``/``plural`` for the count ``n`` (format ``{n}`` yourself)."""
        return self._table.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """``message`` as meant in ``context`` (e.g. ``pgettext("spreadsheet column", "Date")``)."""
        return self._table.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._table.npgettext(context, singular, plural, n)


@cache
def translator(lang: str) -> Translator:
    """The translation functions bound to ``lang``, for documents written in a chosen language.

    English and an unknown language get the English texts (with English plural rules).
    """
    table = gettext.translation(
        DOMAIN, localedir=locale_dir(), languages=[lang], fallback=True
    )  # English has no catalogue: fallback gives the msgids back
    return Translator(lang, table)


def catalogue(lang: str) -> Mapping[str, str]:
    """The translated messages without plural or context of ``lang``, as msgid → text."""
    table = translator(lang)._table
    messages: dict[object, str] = getattr(table, "_catalog", {})
    return {k: v for k, v in messages.items() if isinstance(k, str) and k and "\x04" not in k}


def set_language(lang: str) -> None:
    """Choose the language of the user interface (``en`` or ``fi``)."""
    global _current
    _current = lang


def language() -> str:
    return _current


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return translator(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The current language's form of a message with the count ``n``."""
    return translator(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` as meant in ``context`` into the current language."""
    return translator(_current).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return translator(_current).npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction only; it is translated where it is shown."""
    return message
