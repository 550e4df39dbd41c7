"""Reading a DOCX back as its reader (and a word processor) can: the text of the body, tables,
headers and footers, the pictures' alternative text, the file's properties, and the raw XML of
every part. Not a test module: the DOCX report tests import it."""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.document import Document as DocumentObject
from docx.table import Table


def read(content: bytes) -> DocumentObject:
    return Document(io.BytesIO(content))


def _table_text(table: Table) -> list[str]:
    return [
        paragraph.text for row in table.rows for cell in row.cells for paragraph in cell.paragraphs
    ] + [
        t
        for row in table.rows
        for cell in row.cells
        for inner in cell.tables
        for t in _table_text(inner)
    ]


def docx_text(content: bytes) -> str:
    """Every text a reader of the document gets at, one paragraph or cell a line."""
    doc = read(content)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += _table_text(table)
    for section in doc.sections:
        for story in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
        ):
            parts += [p.text for p in story.paragraphs]
    for shape in doc.inline_shapes:
        parts += [shape._inline.docPr.get("descr", ""), shape._inline.docPr.get("title", "")]
    props = doc.core_properties
    parts += [props.title, props.subject, props.author, props.keywords, props.comments]
    parts += [props.last_modified_by, props.category]
    return "\n".join(parts)


def raw_xml(content: bytes) -> str:
    """The XML of every part of the package, as stored (for markers that must be nowhere)."""
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return "\n".join(
            z.read(name).decode("utf-8", "replace")
            for name in z.namelist()
            if name.endswith((".xml", ".rels"))
        )


def headings(content: bytes, level: int = 1) -> list[str]:
    style = f"Heading {level}"
    return [
        p.text for p in read(content).paragraphs if p.style is not None and p.style.name == style
    ]


def pictures(content: bytes) -> list[bytes]:
    """The images the document shows, in order."""
    doc = read(content)
    out = []
    for shape in doc.inline_shapes:
        rid = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        out.append(doc.part.related_parts[rid].blob)
    return out
