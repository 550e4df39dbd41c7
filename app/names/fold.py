"""Fold text for matching names: lower case, no diacritics, no invisible characters — and keep
the way back to the original text, so a name is replaced where it was typed and nothing else
changes.

``fold("Pa\u0308i\u00advi")`` gives ``"paivi"`` and, for every folded character, the index of
the original character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters a word may hide inside: soft hyphen, zero-width spaces and joiners, word joiner,
# byte-order mark. They are dropped before matching.
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# Letters Unicode does not decompose into a base letter and a mark.
_EXTRA = {"ø": "o", "æ": "a", "œ": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "t", "ı": "i"}
# Anything that is a combining mark or invisible sends the text down the slow, mapped path.
_SLOW = re.compile(
    "[\u00ad\u200b-\u200d\u2060\ufeff\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


def fold_char(ch: str) -> str:
    """One character folded to one character (or to "" for a combining mark or invisible)."""
    if ch in INVISIBLE or unicodedata.combining(ch):
        return ""
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = unicodedata.normalize("NFD", low)[0]
    return _EXTRA.get(base, base)


class _Table(dict[int, str]):
    """``str.translate`` table filled on demand: each character folds once per process."""

    def __missing__(self, key: int) -> str:
        folded = fold_char(chr(key)) or chr(key)
        self[key] = folded
        return folded


_TABLE = _Table()


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and, when characters were dropped, where each folded character came from."""

    text: str
    origin: tuple[int, ...] | None = None

    def span(self, start: int, end: int, original: str) -> tuple[int, int]:
        """The original text's span of the folded span ``start:end`` (marks at its end included)."""
        if self.origin is None:
            return start, end
        first = self.origin[start]
        last = self.origin[end - 1] + 1
        while last < len(original) and not fold_char(original[last]):
            # A combining mark belongs to the letter before it (an invisible one goes along).
            if original[last] in INVISIBLE:
                break
            last += 1
        return first, last


def fold(text: str) -> Folded:
    """``text`` folded for matching; one folded character per original one when possible."""
    if not _SLOW.search(text):
        return Folded(text.translate(_TABLE))
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        if folded:
            chars.append(folded)
            origin.append(i)
    return Folded("".join(chars), tuple(origin))


def fold_word(text: str) -> str:
    """A name or word folded, for comparing and as a pattern."""
    return fold(unicodedata.normalize("NFC", text)).text


def fold_light(text: str) -> str:
    """Lower case without invisible characters, diacritics kept (for telling "lähdin" from
    "Lahti", which fold alike)."""
    kept = "".join(c for c in text if c not in INVISIBLE)
    return unicodedata.normalize("NFC", kept).lower()


def adds_diacritics(written: str, name: str) -> bool:
    """Whether ``written`` (light-folded) carries a diacritic where ``name`` has the plain
    letter: then it is another word, not the name typed without its diacritics."""
    for w, n in zip(written, name, strict=False):
        if w != n and fold_char(w) == fold_char(n) and w != fold_char(w):
            return True
    return False
