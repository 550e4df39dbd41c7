"""Bookmarks and contents links of a long report lead to the pages of their sections."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination
from test_report_support import Planted, plant

from app.domain import Entry, EntryType, Event, EventKind, Visibility
from app.persistence import entries, events
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.services import feedback
from reports.feedback import build_feedback_pdf


@pytest.fixture
def long_report(diary: Diary) -> PdfReader:
    planted: Planted = plant(diary)
    with diary.write() as db:
        ev = events.insert_event(db, planted.pk, Event(EventKind.MEETING, "Long", "2025-08-01"))
        filler = " ".join(f"filler{i}" for i in range(15_000))
        entries.insert_entry(db, planted.pk, Entry(ev, EntryType.NOTE, filler, Visibility.SHARED))
    options = ReportOptions(generated_on=date(2025, 11, 20))
    pdf = build_feedback_pdf(feedback.report_data(diary, planted.pk, options))
    return PdfReader(io.BytesIO(pdf))


def _heading_page(reader: PdfReader, title: str) -> int:
    """The first page after the cover, other than the contents, where ``title`` stands on a
    line of its own."""
    for number, page in enumerate(reader.pages[1:], start=1):
        lines = [line.strip() for line in page.extract_text().splitlines()]
        if title in lines and "Contents" not in lines:
            return number
    raise AssertionError(f"no page has the heading {title!r}")


def test_every_bookmark_goes_to_the_page_of_its_section(long_report: PdfReader) -> None:
    marks = [m for m in long_report.outline if isinstance(m, Destination)]
    assert len(marks) == 9
    pages = [long_report.get_destination_page_number(m) for m in marks]
    assert pages == [_heading_page(long_report, str(m.title)) for m in marks]
    assert len(set(pages)) > 1 and 0 not in pages


def test_every_contents_line_links_to_the_page_of_its_section(long_report: PdfReader) -> None:
    # "At a glance" comes first, then the contents.
    contents = long_report.pages[2]
    assert "Contents" in contents.extract_text()
    refs = [page.indirect_reference for page in long_report.pages]
    links = [a.get_object() for a in contents.get("/Annots", [])]
    # reportlab writes each link's destination as [page, /Fit].
    linked = [refs.index(a["/Dest"][0]) for a in links if a.get("/Subtype") == "/Link"]
    marks = [m for m in long_report.outline if isinstance(m, Destination)]
    assert linked == [_heading_page(long_report, str(m.title)) for m in marks]
