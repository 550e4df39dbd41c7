"""Hyphenation of report text in the report's language, through reportlab and pyphen.

reportlab hyphenates a paragraph when its style's ``hyphenationLang`` is a callable giving the
(head, tail) splits of a word. pyphen ships English patterns but none for Finnish; Kumppani
ships its own (``resources/hyphenation/hyph_fi_FI.dic``, the syllable rules of Finnish), so
"Ryhmähaastattelu" breaks as "Ryhmä-haastattelu" or "Ryhmähaas-tattelu" in a narrow column,
never mid-syllable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources

import pyphen
from reportlab.pdfbase.pdfmetrics import stringWidth

Hyphenator = Callable[[str], Iterator[tuple[str, str]]]

_SHIPPED = {"fi": "hyph_fi_FI.dic"}
_PYPHEN = {"en": "en_US"}
_FINNISH_LETTER = re.compile("[äöåÄÖÅ]")


@cache
def hyphenator(language: str) -> Hyphenator | None:
    """The splits of a word, longest head first, or None for a language without patterns."""
    if language in _SHIPPED:
        folder = resources.files("resources").joinpath("hyphenation")
        with resources.as_file(folder.joinpath(_SHIPPED[language])) as path:
            dictionary = pyphen.Pyphen(filename=str(path), left=2, right=2)
    elif language in _PYPHEN:
        dictionary = pyphen.Pyphen(lang=_PYPHEN[language], left=2, right=3)
    else:
        return None
    iterate: Hyphenator = dictionary.iterate
    finnish = hyphenator("fi") if language != "fi" else None
    if finnish is None:
        return iterate
    # A diary kept in Finnish gives an English report Finnish words: a word with a Finnish
    # letter breaks at Finnish syllables ("Työter-veys", not "Työter-veyshuoltoy-hteistyö").
    return lambda word: (finnish if _FINNISH_LETTER.search(word) else iterate)(word)


def only_longer_than(hyphenate: Hyphenator, width: float, font: str, size: float) -> Hyphenator:
    """``hyphenate`` for words wider than ``width`` only: a word that fits a line moves whole
    to the next one, as in the rest of the report; only a word that fits no line is broken."""

    def splits(word: str) -> Iterator[tuple[str, str]]:
        if stringWidth(word, font, size) > width:
            yield from hyphenate(word)

    return splits
