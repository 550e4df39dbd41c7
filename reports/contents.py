"""The table of contents of a long report, laid out in a single pass.

reportlab's ``TableOfContents`` needs ``multiBuild``: one whole layout pass to learn the page
numbers and another to print them, which doubles the time of a 1,000-page report. Here the
contents page only reserves its lines (``ContentsSpace``); the section headings are collected
while the document is laid out, and the numbering canvas — which already holds every page until
the document is saved, to write "page n of m" — draws the entries onto the reserved space then.
The page numbers are the same as a second pass would find, because the contents page has the
same height either way (a heading line per section, then a page break).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from reports.scripts import draw_text, text_width

# reportlab's contents table adds cell padding to the style's leading; keep its spacing.
ROW_PADDING = 6.0
DOT = " . "
# Where on the canvas the collected entries and the reserved space are kept while building.
ENTRIES = "_kumppani_contents_entries"
SPACE = "_kumppani_contents_space"


def note_entry(canvas: Any, text: str, page: int, key: str) -> None:
    """Remember a section heading for the contents (called as each heading is laid out)."""
    # The numbering canvas copies its attributes per page; one shared list survives that.
    canvas.__dict__.setdefault(ENTRIES, []).append((text, page, key))


class ContentsSpace(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Room for ``lines`` contents entries; remembers where on which page it was placed."""

    def __init__(self, lines: int, style: ParagraphStyle) -> None:
        super().__init__()
        self.lines = lines
        self.style = style

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.lines * (self.style.leading + ROW_PADDING)
        return self.width, self.height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        setattr(canvas, SPACE, (canvas.getPageNumber(), x, y + self.height, self.width))

    def draw(self) -> None:  # pragma: no cover - drawOn does the work
        pass


def draw_contents(canvas: Any, page: int, style: ParagraphStyle, color: Any) -> None:
    """On the page that holds the reserved space, write the entries with dot leaders and links."""
    space = getattr(canvas, SPACE, None)
    if space is None or space[0] != page:
        return
    _page, x, top, width = space
    font, size = style.fontName, style.fontSize
    row = style.leading + ROW_PADDING
    dot_width = stringWidth(DOT, font, size)
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.setFillColor(color)
    for i, (text, number, key) in enumerate(getattr(canvas, ENTRIES, [])):
        baseline = top - (i + 1) * row + (row - size) / 2
        label, numeral = str(text), str(number)
        draw_text(canvas, x, baseline, label, font, size)
        canvas.drawRightString(x + width, baseline, numeral)
        start = x + text_width(label, font, size) + size / 2
        end = x + width - stringWidth(numeral, font, size) - size / 2
        dots = int((end - start) / dot_width) if end > start else 0
        if dots > 0:
            canvas.drawRightString(end, baseline, DOT * dots)
        canvas.linkRect("", key, (x, baseline - 3, x + width, baseline + size), relative=0)
    canvas.restoreState()
