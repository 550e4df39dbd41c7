"""The report's look: page geometry, a restrained palette that prints well in grey, and the
paragraph and table styles every section uses."""

from __future__ import annotations

from contextvars import ContextVar
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from reports.fonts import BOLD, FAMILY, ITALIC, register_fonts
from reports.hyphenation import hyphenator

PAGE = A4
MARGIN = 20 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#c4ccd6")
SHADE = colors.HexColor("#eef2f6")


# The language of the report being built (set by ``reports.feedback``): words hyphenate by it.
LANGUAGE: ContextVar[str] = ContextVar("report_language", default="en")


def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles by name for the report's language; fonts are registered on first use."""
    return _styles(LANGUAGE.get())


@cache
def _styles(language: str) -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=FAMILY,
        fontSize=9.5,
        leading=13,
        textColor=INK,
        # A word wider than its column breaks at a syllable with a hyphen
        # ("Ryhmä-haastattelu"; "Määrä-aika" at its own hyphen), a web address at a slash;
        # only a word with no such place is cut. See ``reports.blocks.Para``.
        hyphenationLang=hyphenator(language) or "",
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
        splitLongWords=True,
    )
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10.5),
        "muted": ParagraphStyle("muted", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11),
        "cell_right": ParagraphStyle(
            "cell_right", parent=body, fontSize=8.5, leading=11, alignment=TA_RIGHT
        ),
        "cell_head": ParagraphStyle(
            "cell_head", parent=body, fontName=BOLD, fontSize=8.5, leading=11, textColor=INK
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=16,
            leading=20,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=8,
            keepWithNext=True,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=True,
        ),
        # A subheading whose table may split right under it (kept by a CondPageBreak instead).
        "h2_free": ParagraphStyle(
            "h2_free",
            parent=body,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "quote": ParagraphStyle("quote", parent=body, leftIndent=8, spaceAfter=2),
        "meta": ParagraphStyle(
            "meta", parent=body, fontName=ITALIC, fontSize=8, textColor=MUTED, keepWithNext=True
        ),
        "cover_kicker": ParagraphStyle(
            "cover_kicker", parent=body, fontName=BOLD, fontSize=11, leading=14, textColor=ACCENT
        ),
        "cover_title": ParagraphStyle(
            "cover_title", parent=body, fontName=BOLD, fontSize=26, leading=32, spaceAfter=10
        ),
        "cover_line": ParagraphStyle("cover_line", parent=body, fontSize=11, leading=16),
        "toc1": ParagraphStyle("toc1", parent=body, fontSize=10.5, leading=18, alignment=TA_LEFT),
    }


def table_style(header: bool = True) -> TableStyle:
    """Light rules, a shaded header row, and rows that never split across a page mid-cell."""
    commands: list[tuple[object, ...]] = [
        # Cells hold Paragraphs, but a table still selects its own font: make it ours.
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ]
    return TableStyle(commands)


__all__ = ["FRAME_WIDTH", "MARGIN", "PAGE", "mm", "styles", "table_style"]
