"""Small building blocks of report pages: escaped paragraphs, long text split into pieces that
paginate, tables whose cells wrap, and the heading that feeds the table of contents."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from reports.hyphenation import only_longer_than
from reports.scripts import script_markup
from reports.styles import FRAME_WIDTH, styles, table_style

# Control characters other than tab and newline break PDF text and reportlab's parser.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A table row must fit on one page, so cell text is capped; entries print in full elsewhere.
CELL_LIMIT = 1500
# Paragraphs longer than this are cut at a space so a huge note paginates quickly.
_CHUNK = 3000


class Para(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A paragraph that hyphenates only the words wider than the width it is laid out in."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.style = _fitted(self.style, avail_width)  # type: ignore[has-type]
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        return size


_FITTED: dict[tuple[int, float], ParagraphStyle] = {}


def _fitted(style: ParagraphStyle, width: float) -> ParagraphStyle:
    base = getattr(style, "_kumppani_base", style)
    hyphenate = base.hyphenationLang
    if not callable(hyphenate):
        return style
    key = (id(base), round(width, 1))
    if key not in _FITTED:
        line = width - base.leftIndent - base.rightIndent
        fitted = ParagraphStyle(base.name, parent=base)
        # Bold runs are a little wider: leave them a margin.
        limited = only_longer_than(hyphenate, line * 0.95, base.fontName, base.fontSize)
        fitted.hyphenationLang = limited
        fitted._kumppani_base = base
        _FITTED[key] = fitted
    return _FITTED[key]


def clean(text: str) -> str:
    return _CONTROL.sub("", text)


def markup(text: str) -> str:
    """User text as Paragraph markup: escaped, so ``<b>`` prints as typed; newlines kept."""
    return script_markup(clean(text)).replace("\n", "<br/>")


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain (user or translated) text."""
    return Para(markup(text), styles()[style])


def rich(markup_text: str, style: str = "body") -> Paragraph:
    """A paragraph of markup built by the report itself (user parts already escaped)."""
    return Para(markup_text, styles()[style])


def long_text(text: str, style: str = "quote") -> list[Flowable]:
    """Text of any length as paragraphs: split at blank lines, long ones cut at spaces."""
    out: list[Flowable] = []
    for block in re.split(r"\n\s*\n", clean(text).strip()):
        while len(block) > _CHUNK:
            cut = block.rfind(" ", 0, _CHUNK)
            cut = cut if cut > _CHUNK // 2 else _CHUNK
            out.append(para(block[:cut], style))
            block = block[cut:].lstrip()
        if block:
            out.append(para(block, style))
    return out


def cell(text: str | None, style: str = "cell") -> Paragraph:
    value = text or "–"
    if len(value) > CELL_LIMIT:
        value = value[: CELL_LIMIT - 1] + "…"
    return para(value, style)


def heading(text: str, key: str) -> Paragraph:
    """A section title; the document template turns it into an outline and contents entry."""
    p = para(text, "h1")
    p._kumppani_key = key
    return p


def subheading(text: str) -> Paragraph:
    return para(text, "h2")


def table(
    header: Sequence[str], body: Iterable[Sequence[Paragraph]], widths: Sequence[float]
) -> Table:
    """A full-width table; ``widths`` are fractions of the frame; the header repeats."""
    rows: list[list[Paragraph]] = [[para(h, "cell_head") for h in header]]
    rows += [list(r) for r in body]
    t = Table(
        rows,
        colWidths=[FRAME_WIDTH * w for w in widths],
        repeatRows=1,
        hAlign="LEFT",
        splitByRow=True,
    )
    t.setStyle(table_style())
    return t


def gap(height: float = 6) -> Spacer:
    return Spacer(1, height)
