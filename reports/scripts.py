"""Text in scripts the report's font lacks: right-to-left order and fallback fonts.

DejaVu Sans, the report's font, has the letters of Hebrew and Arabic but not CJK ideographs,
kana or emoji, and reportlab lays out every line left to right. So, before a paragraph is laid
out, its text is

1. put in visual order where it holds Hebrew or Arabic: Arabic letters take their joined forms
   (arabic-reshaper) and right-to-left runs are reversed by the Unicode bidi algorithm
   (python-bidi), so "שלום" is read right to left, not with reversed letters;
2. split into runs by font: characters DejaVu lacks are set in a fallback font that has them,
   Droid Sans Fallback (CJK, Debian package fonts-droid-fallback) or Symbola (emoji,
   fonts-symbola), found at run time. Without them the characters print in DejaVu as
   empty boxes: ``.ci/run`` installs both; ``missing_fonts()`` names what is not there.

Invisible joiners and emoji variation selectors are dropped: the fallback fonts draw one glyph
per character, in black. Korean Hangul is in neither font and still prints as boxes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from reports.fonts import FAMILY, register_fonts

# Fallback fonts by name, each with the places it is installed (Debian first).
FALLBACKS: dict[str, tuple[str, ...]] = {
    "KumppaniCJK": (
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
    ),
    "KumppaniSymbols": (
        "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
        "/usr/share/fonts/truetype/ancient-scripts/Symbola.ttf",
    ),
}
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# Zero-width joiner and variation selectors: shaping hints no fallback font draws.
_INVISIBLE = re.compile(r"[\u200d\ufe0e\ufe0f]")


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


_make_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond the BMP (emoji) written as UTF-16
    surrogate pairs as PDF requires; reportlab 5.1 writes them as odd-length hex, so readers
    and copy-paste got a wrong character or none."""
    cmap: str = _make_cmap(fontname, subset)
    for i, code in enumerate(subset):
        if code > 0xFFFF:
            cmap = cmap.replace(f"<{i:02X}> <{code:04X}>", f"<{i:02X}> <{_utf16_hex(code)}>")
    return cmap


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@cache
def _covered(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


@cache
def _fallbacks() -> tuple[str, ...]:
    """The fallback fonts found on this machine, registered, in the order they are tried."""
    found = []
    for name, places in FALLBACKS.items():
        path = next((p for p in places if Path(p).is_file()), None)
        if path is not None:
            pdfmetrics.registerFont(TTFont(name, path))
            # One face for all: a bold or italic run in CJK or emoji keeps the regular face.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
            found.append(name)
    return tuple(found)


def missing_fonts() -> list[str]:
    """The fallback fonts not installed (their text would print as empty boxes)."""
    return [name for name in FALLBACKS if name not in _fallbacks()]


def visual(text: str) -> str:
    """``text`` in the order it is drawn left to right (unchanged without Hebrew or Arabic)."""
    if not _RTL.search(text):
        return text
    if _ARABIC.search(text):
        text = arabic_reshaper.reshape(text)
    return "\n".join(get_display(line) for line in text.split("\n"))


def _font_of(char: str) -> str:
    code = ord(char)
    register_fonts()
    if code in _covered(FAMILY) or char.isspace():
        return FAMILY
    for name in _fallbacks():
        if code in _covered(name):
            return name
    return FAMILY


def _runs(text: str) -> Iterator[tuple[str, str]]:
    run, font = "", FAMILY
    for char in text:
        f = _font_of(char)
        if f != font and run:
            yield font, run
            run = ""
        run, font = run + char, f
    if run:
        yield font, run


def script_markup(text: str) -> str:
    """Plain text as escaped paragraph markup, in visual order, with fallback-font runs."""
    text = visual(_INVISIBLE.sub("", text))
    if text.isascii():
        return escape(text)
    return "".join(
        escape(run) if font == FAMILY else f'<font name="{font}">{escape(run)}</font>'
        for font, run in _runs(text)
    )


def _canvas_runs(text: str, font: str) -> list[tuple[str, str]]:
    text = visual(_INVISIBLE.sub("", text))
    if text.isascii():
        return [(font, text)]
    return [(font if f == FAMILY else f, run) for f, run in _runs(text)]


def text_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` drawn by ``draw_text``."""
    return float(sum(pdfmetrics.stringWidth(r, f, size) for f, r in _canvas_runs(text, font)))


def draw_text(canvas: Any, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw a line of user text on a canvas (running header, contents) as paragraphs are:
    in visual order, with fallback fonts for what ``font`` lacks."""
    for f, run in _canvas_runs(text, font):
        canvas.setFont(f, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, f, size)
    canvas.setFont(font, size)
