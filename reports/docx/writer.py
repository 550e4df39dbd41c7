"""A small writer over python-docx with the report's look: A4 pages, the PDF's palette, named
paragraph styles (so a facilitator restyles the whole document in Word at once), tables with
light rules and a header row that repeats, pictures with alternative text, and page numbers.

User text goes in as plain text (never markup); characters XML cannot hold are dropped.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK, WD_PARAGRAPH_ALIGNMENT, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl
from docx.shared import Emu, Mm, Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

# The PDF's palette (reports.styles), as hex.
INK, MUTED, ACCENT, RULE, SHADE, WARN = "1f2933", "5f6b7a", "1d4e89", "c4ccd6", "eef2f6", "a32020"
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(210), Mm(297), Mm(20)
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
# What XML 1.0 cannot hold (tab and newline stay; python-docx writes them as tab and break).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_LANGUAGE_TAGS = {"en": "en-GB", "fi": "fi-FI"}


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with the report's own emphasis."""

    text: str
    bold: bool = False
    colour: str | None = None


Cell = str | Sequence[Run]

# name: (size in points, bold, italic, colour, space before, space after, left indent in mm)
_STYLES: dict[str, tuple[float, bool, bool, str, float, float, float]] = {
    "Kumppani Muted": (8.5, False, False, MUTED, 0, 4, 0),
    "Kumppani Meta": (8, False, True, MUTED, 4, 0, 0),
    "Kumppani Entry": (9.5, False, False, INK, 0, 3, 3),
    "Kumppani Cell": (8.5, False, False, INK, 0, 0, 0),
    "Kumppani Kicker": (11, True, False, ACCENT, 0, 6, 0),
    "Kumppani Cover Title": (26, True, False, INK, 0, 10, 0),
    "Kumppani Cover Line": (11, False, False, INK, 0, 3, 0),
}


class DocWriter:
    """One Word document being written, top to bottom."""

    def __init__(self, language: str) -> None:
        self.doc = Document()
        self.language = language
        section = self.doc.sections[0]
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        self._styles()
        end = self.doc.element.body.sectPr
        assert end is not None  # the template's body ends with its section properties
        self._end = end
        # Style ids by name, looked up once: python-docx looks a name up anew for every
        # paragraph, which made a report of thousands of entries take a minute.
        self._ids = {
            style.name: style.style_id
            for style in self.doc.styles
            if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name is not None
        }

    # -- styles ----------------------------------------------------------------------------

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        assert isinstance(normal, ParagraphStyle)
        normal.font.size, normal.font.color.rgb = Pt(9.5), RGBColor.from_string(INK)
        normal.paragraph_format.space_after = Pt(4)
        _language(normal, _LANGUAGE_TAGS.get(self.language, "en-GB"))
        for name, size, colour in (("Heading 1", 16, ACCENT), ("Heading 2", 11.5, INK)):
            heading = styles[name]
            assert isinstance(heading, ParagraphStyle)
            heading.font.size, heading.font.bold = Pt(size), True
            heading.font.color.rgb = RGBColor.from_string(colour)
            heading.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 10)
            heading.paragraph_format.space_after = Pt(6 if name == "Heading 1" else 3)
        for name, (size, bold, italic, colour, before, after, indent) in _STYLES.items():
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            assert isinstance(style, ParagraphStyle)
            style.base_style = normal
            style.font.size, style.font.bold, style.font.italic = Pt(size), bold, italic
            style.font.color.rgb = RGBColor.from_string(colour)
            fmt = style.paragraph_format
            fmt.space_before, fmt.space_after, fmt.left_indent = Pt(before), Pt(after), Mm(indent)
        meta = styles["Kumppani Meta"]
        assert isinstance(meta, ParagraphStyle)
        meta.paragraph_format.keep_with_next = True

    # -- text ------------------------------------------------------------------------------

    def paragraph(self, style: str = "Normal") -> Paragraph:
        """A new, empty paragraph of the named style at the end of the document."""
        # Before the body's section properties, found once: python-docx's own add_paragraph
        # searches the whole body for them each time, quadratic in a long report.
        element = OxmlElement("w:p")
        self._end.addprevious(element)
        p = Paragraph(element, self.doc._body)
        self.set_style(p, style)
        return p

    def set_style(self, p: Paragraph, style: str) -> None:
        if style != "Normal":
            p._p.style = self._ids[style]

    def heading(self, text: str, level: int = 1) -> Paragraph:
        p = self.paragraph(f"Heading {level}")
        p.add_run(clean(text))
        return p

    def para(self, text: str, style: str = "Normal", *, before: float | None = None) -> Paragraph:
        p = self.paragraph(style)
        if text:
            p.add_run(clean(text))
        if before is not None:
            p.paragraph_format.space_before = Pt(before)
        return p

    def runs(self, runs: Iterable[Run], style: str = "Normal") -> Paragraph:
        p = self.paragraph(style)
        _add_runs(p, runs)
        return p

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- tables and pictures -----------------------------------------------------------------

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[Cell]],
        widths: Sequence[float],
        right: Sequence[int] = (),
    ) -> None:
        """A full-width table; ``widths`` are fractions of the text width; the header repeats
        on every page; the columns numbered in ``right`` are aligned right."""
        body = [list(r) for r in rows]
        table = self.doc.add_table(rows=1 + len(body), cols=len(header))
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        _rules(table._tbl)
        columns = [int(FRAME_WIDTH * w) for w in widths]
        for column, width in zip(table.columns, columns, strict=True):
            column.width = width
        head = table.rows[0]
        _repeat_header(head._tr)
        for i, (c, text) in enumerate(zip(head.cells, header, strict=True)):
            self._fill(c, [Run(text, bold=True)], columns[i], i in right, shade=True)
        for row, values in zip(table.rows[1:], body, strict=True):
            for i, (c, value) in enumerate(zip(row.cells, values, strict=True)):
                runs = [Run(value or "–")] if isinstance(value, str) else value
                self._fill(c, runs, columns[i], i in right)
        self.paragraph("Kumppani Cell")  # room under the table

    def picture(self, png: bytes, width: int, alt: str) -> None:
        """A picture at ``width`` (EMU) on a line of its own, with ``alt`` for screen readers."""
        self.doc.add_picture(io.BytesIO(png), width=width)
        inline = self.doc.inline_shapes[-1]._inline
        inline.docPr.set("descr", clean(alt))
        inline.docPr.set("title", clean(alt))

    def _fill(
        self, c: _Cell, runs: Sequence[Run], width: int, right: bool, shade: bool = False
    ) -> None:
        c.width = Emu(width)
        p = c.paragraphs[0]
        self.set_style(p, "Kumppani Cell")
        if right:
            p.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
        _add_runs(p, runs)
        if shade:
            shd = OxmlElement("w:shd")
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:color"), "auto")
            shd.set(qn("w:fill"), SHADE)
            below = OxmlElement("w:tcBorders")
            line = OxmlElement("w:bottom")
            for key, value in (("val", "single"), ("sz", "8"), ("color", INK)):
                line.set(qn(f"w:{key}"), value)
            below.append(line)
            props = c._tc.get_or_add_tcPr()
            props.append(below)
            props.append(shd)

    # -- pages and properties -------------------------------------------------------------

    def running_header(self, left: str, right: str) -> None:
        """The body pages' header (name left, ``right`` at the margin); none on the cover."""
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        p = section.header.paragraphs[0]
        tabs = p.paragraph_format.tab_stops
        for position in (4680, 9360):  # the template's centre and right tabs, for Letter
            tabs.add_tab_stop(Twips(position), WD_TAB_ALIGNMENT.CLEAR)
        tabs.add_tab_stop(FRAME_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        _add_runs(p, [Run(clean(left) + "\t"), Run(clean(right), colour=MUTED)], size=8)

    def page_numbers(self, template: str) -> None:
        """The footer of the body pages: ``template`` with ``{page}`` and ``{pages}`` as the
        word processor's page fields ("Page 2 of 7")."""
        p = self.doc.sections[0].footer.paragraphs[0]
        p.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
        for piece in re.split(r"(\{page\}|\{pages\})", template):
            if piece in ("{page}", "{pages}"):
                _field(p, "PAGE" if piece == "{page}" else "NUMPAGES")
            elif piece:
                _add_runs(p, [Run(piece, colour=MUTED)], size=8)

    def properties(self, title: str, subject: str, author: str, made: date) -> None:
        """The file's properties: only what the report prints, nothing of the template's."""
        props = self.doc.core_properties
        props.title, props.subject, props.author = clean(title), clean(subject), clean(author)
        props.keywords = props.comments = props.category = props.last_modified_by = ""
        props.language = _LANGUAGE_TAGS.get(self.language, "en-GB")
        props.revision = 1
        props.created = props.modified = datetime(made.year, made.month, made.day, tzinfo=UTC)

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _add_runs(p: Paragraph, runs: Iterable[Run], size: float | None = None) -> None:
    for r in runs:
        run = p.add_run(clean(r.text))
        run.bold = r.bold or None
        if r.colour:
            run.font.color.rgb = RGBColor.from_string(r.colour)
        if size:
            run.font.size = Pt(size)


def _rules(tbl: CT_Tbl) -> None:
    """Light rules under every row and a darker one under the header, as in the PDF."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        visible = edge in ("bottom", "insideH")
        element.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            element.set(qn("w:sz"), "4")
            element.set(qn("w:color"), RULE)
        borders.append(element)
    # The schema orders a table's properties: the borders go before these (Word insists).
    later = {qn(f"w:{tag}") for tag in ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption")}
    successor = next((child for child in tbl.tblPr if child.tag in later), None)
    if successor is None:
        tbl.tblPr.append(borders)
    else:
        successor.addprevious(borders)


def _repeat_header(tr: CT_Row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(flag)


def _field(p: Paragraph, instruction: str) -> None:
    """A simple field (PAGE, NUMPAGES) the word processor fills in."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)


def _language(style: ParagraphStyle, tag: str) -> None:
    """The proofing language of ``style`` (Word then checks the spelling in Finnish)."""
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    style.element.get_or_add_rPr().append(lang)
