"""Whether the words of an action repeat what a private entry said.

An action made from a private entry may be shared with the partners only in the facilitator's
own words. It repeats the entry when it holds the entry's whole text, or any of the entry's
distinctive words (six letters or more, compared without regard to case: names, places and
code words are long, "their" and "with" are not). The make-action use case refuses to share
such a wording, and the partner outputs leave such an action out even if it was marked shared.
"""

from __future__ import annotations

import re
import unicodedata

DISTINCTIVE = 6
_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def shared_words(wording: str, private_text: str) -> list[str]:
    """The distinctive words of ``private_text`` that ``wording`` uses too, in entry order."""
    used = set(_WORD.findall(_fold(wording)))
    found: list[str] = []
    for word in _WORD.findall(_fold(private_text)):
        if len(word) >= DISTINCTIVE and word in used and word not in found:
            found.append(word)
    return found


def repeats(wording: str, private_text: str) -> bool:
    """Whether ``wording`` is empty or repeats the private entry: its whole text or any of its
    distinctive words."""
    said, secret = _fold(wording), _fold(private_text)
    if not said:
        return True
    return (bool(secret) and secret in said) or bool(shared_words(wording, private_text))
