"""Text that SQLite and the reports cannot store faithfully.

Pasting from some programs brings a NUL or other control characters, or half of a UTF-16
surrogate pair (an emoji cut in two). SQLite refuses lone surrogates outright and many readers cut
text at a NUL. ``problems`` says what is wrong; ``clean`` removes it (tab and line breaks stay).
"""

from __future__ import annotations

import unicodedata

_KEEP = {"\t", "\n", "\r"}


def _bad(ch: str) -> bool:
    if ch in _KEEP:
        return False
    category = unicodedata.category(ch)
    # Cc: control characters (NUL, escape, ...); Cs: a surrogate on its own.
    return category in ("Cc", "Cs")


def problems(text: str) -> list[int]:
    """Positions of characters that cannot be stored or shown faithfully."""
    return [i for i, ch in enumerate(text) if _bad(ch)]


def clean(text: str) -> str:
    """``text`` without control characters and broken surrogates; line breaks and tabs kept."""
    return "".join(ch for ch in text if not _bad(ch))
