"""The one translation function of every layer.

``_()`` looks a message up in the catalogue of the current language (every ``.po`` file in
``resources/i18n/<lang>/``, read with a small parser so no compile step is needed) and falls back
to the English text. Each part of the program keeps its own ``.po`` file there.
Reports switch language per document with ``translator(lang)``, without touching the global one.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from functools import cache
from importlib import resources

_current = "en"


def _unquote(line: str) -> str:
    return str(ast.literal_eval(line))


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Messages of ``lang`` as msgid → msgstr; empty for English or a missing catalogue."""
    if lang == "en":
        return {}
    folder = resources.files("resources").joinpath(f"i18n/{lang}")
    messages: dict[str, str] = {}
    if not folder.is_dir():
        return messages
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if item.name.endswith(".po"):
            messages.update(_parse_po(item.read_text("utf-8")))
    return messages


def _parse_po(text: str) -> dict[str, str]:
    messages: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    current: list[str] | None = None

    def flush() -> None:
        if msgid is not None and msgstr is not None and "".join(msgstr):
            messages["".join(msgid)] = "".join(msgstr)

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("msgid "):
            flush()
            msgid, msgstr = [_unquote(line[6:])], None
            current = msgid
        elif line.startswith("msgstr "):
            msgstr = [_unquote(line[7:])]
            current = msgstr
        elif line.startswith('"') and current is not None:
            current.append(_unquote(line))
    flush()
    return messages


def set_language(lang: str) -> None:
    """Choose the language of the user interface (``en`` or ``fi``)."""
    global _current
    _current = lang


def language() -> str:
    return _current


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return catalogue(_current).get(message, message)


def translator(lang: str) -> Callable[[str], str]:
    """A translation function bound to ``lang``, for documents written in a chosen language."""
    table = catalogue(lang)
    return lambda message: table.get(message, message)
