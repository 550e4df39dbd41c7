"""Print quality of the report: long Finnish words in a narrow column break at a syllable with
a hyphen, never cut mid-syllable without one."""

from __future__ import annotations

import io
import os
from datetime import date

import pytest
from pypdf import PdfReader
from test_report_support import pdf_text, plant

from app.domain import Entry, EntryType, Event, EventKind, Objective, Visibility
from app.persistence import entries, events, partnerships
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.services import feedback
from reports.feedback import build_feedback_pdf
from reports.hyphenation import hyphenator
from reports.scripts import missing_fonts

LONG = "Työterveyshuoltoyhteistyösopimus"


def _finnish_objectives(diary: Diary) -> str:
    planted = plant(diary)
    with diary.write() as db:
        # The target column is the narrowest of the objectives table (about 2 cm of text).
        partnerships.insert_objective(db, planted.pk, Objective("Tavoite", target=LONG))
    options = ReportOptions(generated_on=date(2025, 11, 20), language="fi", sections=("phase",))
    return pdf_text(build_feedback_pdf(feedback.report_data(diary, planted.pk, options)))


def test_a_long_finnish_compound_hyphenates_at_syllables_in_a_narrow_column(
    diary: Diary,
) -> None:
    text = _finnish_objectives(diary)
    lines = [line.strip() for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if LONG.startswith(line.rstrip("-")) and line)
    pieces: list[str] = []
    while "".join(p.rstrip("-") for p in pieces) != LONG:
        pieces.append(lines[start + len(pieces)])
    assert len(pieces) > 1, "the word should not fit the column"
    # Every line but the last ends with a hyphen, and every break falls between syllables.
    assert all(p.endswith("-") for p in pieces[:-1])
    syllables = ["Työ", "ter", "veys", "huol", "to", "yh", "teis", "työ", "so", "pi", "mus"]
    ends = {len("".join(syllables[: i + 1])) for i in range(len(syllables))}
    joined = 0
    for piece in pieces[:-1]:
        joined += len(piece) - 1
        assert joined in ends, f"cut mid-syllable: {pieces}"


def _runs_by_font(pdf: bytes) -> list[tuple[str, str]]:
    """(font, text) of every text run the PDF draws, as pypdf reads them back."""
    runs: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if text.strip() and isinstance(font, dict):
            runs.append((str(font.get("/BaseFont", "")), text))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return runs


@pytest.mark.skipif(
    bool(missing_fonts()) and not os.environ.get("CI"),
    reason="the fallback fonts are not installed (.ci/run installs fonts-droid-fallback and "
    "fonts-symbola; on CI this test always runs)",
)
def test_cjk_emoji_hebrew_and_arabic_print_in_a_font_that_has_them(diary: Diary) -> None:
    planted = plant(diary)
    note = "Kiitos 你好 こんにちは 🎉🤝 — שלום עולם — مرحبا"
    with diary.write() as db:
        ev = events.insert_event(db, planted.pk, Event(EventKind.MEETING, "Työpaja", "2025-08-01"))
        entries.insert_entry(db, planted.pk, Entry(ev, EntryType.NOTE, note, Visibility.SHARED))
        p = partnerships.get_partnership(db, planted.pk)
        assert p is not None
        p.name = "Kumppanuus 合作 שותפות"
        partnerships.update_partnership(db, p)
    options = ReportOptions(generated_on=date(2025, 11, 20), sections=("observations",))
    runs = _runs_by_font(build_feedback_pdf(feedback.report_data(diary, planted.pk, options)))

    def font_of(piece: str) -> str:
        return next(font for font, text in runs if piece in text)

    assert "DroidSansFallback" in font_of("你好") and "DroidSansFallback" in font_of("こんにちは")
    assert "Symbola" in font_of("🎉")
    # Right to left: drawn in visual order, which pypdf reads back in reading order (text
    # drawn in typing order comes back with its letters reversed); Arabic letters joined
    # (the initial, medial and final forms of م ر ح ب ا).
    assert "DejaVuSans" in font_of("שלום עולם")
    assert "DejaVuSans" in font_of("\ufee3\ufeae\ufea3\ufe92\ufe8e")
    assert "DejaVuSans" in font_of("Kiitos")
    # On the cover and in the running header of every other page alike.
    named = [font for font, text in runs if "合作" in text]
    assert len(named) >= 2 and all("DroidSansFallback" in font for font in named)
    assert all("DejaVuSans" in font for font, text in runs if "שותפות" in text)


def test_an_english_report_breaks_finnish_words_at_finnish_syllables() -> None:
    english = hyphenator("en")
    assert english is not None
    heads = [head for head, _tail in english("Työterveyshuoltoyhteistyösopimus")]
    assert "Työterveyshuoltoy" not in heads and "Työterveyshuolto" in heads
    assert "hyphen" in [head for head, _tail in english("hyphenation")]
