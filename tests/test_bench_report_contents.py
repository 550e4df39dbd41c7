"""The one-pass table of contents of long reports (made for the benchmark's 1,000-page report).

The contents page is written when the document is saved; these tests read a long report back
and check that every entry names a section and the page it really starts on, and links there.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from bench import generator
from ui.cli import main as kumppani

SIZES = generator.Sizes(partnerships=1, events=30, entries=400, actions=40, waves=1, years=1.0)


@pytest.fixture(scope="module")
def long_report(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    folder = tmp_path_factory.mktemp("report")
    diary = generator.generate(folder / "d.sqlite3", SIZES)
    out = folder / "report.pdf"
    import sqlite3

    conn = sqlite3.connect(diary)
    ref = conn.execute("SELECT id FROM partnerships").fetchone()[0]
    conn.close()
    command = ["--db", str(diary), "report", "--partnership", ref, "--lang", "en"]
    assert kumppani([*command, "--out", str(out)]) == 0
    return PdfReader(out)


def _contents_page(reader: PdfReader) -> int:
    """The index of the contents page: after "At a glance", which may run to a second page."""
    for i, page in enumerate(reader.pages[1:4], start=1):
        if "Contents" in (line.strip() for line in page.extract_text().splitlines()):
            return i
    raise AssertionError("no contents page")


def _entries(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page number) of each contents line on the contents page."""
    lines = reader.pages[_contents_page(reader)].extract_text().splitlines()
    found = []
    for i, line in enumerate(lines):
        if re.fullmatch(r"\d+", line.strip()) and i > 0:
            found.append((lines[i - 1].strip(), int(line)))
    return found


def test_every_contents_entry_points_at_the_page_where_its_section_starts(
    long_report: PdfReader,
) -> None:
    assert len(long_report.pages) > 4
    assert "At a glance" in long_report.pages[1].extract_text()
    assert _contents_page(long_report) >= 2
    entries = _entries(long_report)
    outline = [item.title for item in long_report.outline if not isinstance(item, list)]
    assert [title for title, _page in entries] == outline
    pages = [page for _title, page in entries]
    assert pages == sorted(pages) and pages[0] == 2
    for title, page in entries:
        assert title in long_report.pages[page - 1].extract_text(), (title, page)


def test_contents_lines_are_links_to_their_sections(long_report: PdfReader) -> None:
    contents = long_report.pages[_contents_page(long_report)]
    annotations = [a.get_object() for a in contents.get("/Annots") or []]
    links = [a for a in annotations if a.get("/Subtype") == "/Link"]
    assert len(links) == len(_entries(long_report))
