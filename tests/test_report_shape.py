"""The default report of a large partnership stays a summary of tens of pages (issue 18): it
counts the period's entries in SQLite and reads only the entries it prints, so the entry rows
read, the texts the name hiding looks at and the pages do not grow with the diary. These tests
count what is read and printed; they never time anything.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from pypdf import PdfReader
from test_report_support import pdf_text

from app.backup.opening import open_diary_file
from app.domain import EntryType
from app.persistence import shared_lists
from app.persistence.diary import Diary
from app.persistence.shared import SharedEntry, SharedView
from app.report import ReportData, ReportOptions
from app.report.extent import DEFAULT_MONTHS, months_back
from app.report.names import Namer
from app.services import feedback
from bench.generator import Sizes, generate
from reports.docx.build import build_feedback_docx
from reports.feedback import build_feedback_pdf

SMALL, LARGE = 3_000, 12_000


def _sizes(entries: int) -> Sizes:
    return Sizes(
        partnerships=1,
        events=entries // 25,
        entries=entries,
        actions=entries // 20,
        waves=3,
        years=2.0,
        largest_share=1.0,
    )


@pytest.fixture(scope="module")
def diaries(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[int, Diary]]:
    folder = tmp_path_factory.mktemp("report-shape")
    opened = {
        size: open_diary_file(generate(folder / f"d{size}.sqlite3", _sizes(size)))
        for size in (SMALL, LARGE)
    }
    yield opened
    for diary in opened.values():
        diary.close()


def _made_on(diary: Diary) -> date:
    """A day well inside the generated history: most of the diary lies before it."""
    first, last = diary.db.conn.execute("SELECT min(date), max(date) FROM events").fetchone()
    start, end = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    return start + timedelta(days=(end - start).days * 3 // 4)


def _options(diary: Diary, language: str = "en") -> ReportOptions:
    # The default period when no report was given yet: the last six months.
    made_on = _made_on(diary)
    since = months_back(made_on, DEFAULT_MONTHS)
    return ReportOptions(generated_on=made_on, period_from=since, language=language)


def _read(
    diary: Diary, monkeypatch: pytest.MonkeyPatch, options: ReportOptions
) -> tuple[ReportData, int, int]:
    """The report's data, the entry rows read into records and the texts the names went over."""
    counted = {"entries": 0, "texts": 0}

    def entry(*args: Any, **kwargs: Any) -> SharedEntry:
        counted["entries"] += 1
        return SharedEntry(*args, **kwargs)

    original = Namer.text

    def text(self: Namer, value: str) -> str:
        counted["texts"] += 1
        return original(self, value)

    monkeypatch.setattr(shared_lists, "SharedEntry", entry)
    monkeypatch.setattr("app.persistence.shared.SharedEntry", entry)
    monkeypatch.setattr(Namer, "text", text)
    data = feedback.report_data(diary, 1, options)
    monkeypatch.undo()
    return data, counted["entries"], counted["texts"]


def _in_period(diary: Diary, options: ReportOptions) -> int:
    found = diary.db.conn.execute(
        "SELECT count(*) FROM events e JOIN shared_entries s ON s.event_pk = e.pk "
        "WHERE e.partnership_pk = 1 AND e.deleted_at IS NULL AND e.date >= ? AND e.date < ?",
        [options.period_from, options.as_of + timedelta(1)],
    ).fetchone()
    return int(found[0])


def test_the_default_report_reads_the_same_bounded_rows_in_a_diary_four_times_larger(
    diaries: dict[int, Diary], monkeypatch: pytest.MonkeyPatch
) -> None:
    read = {}
    for size, diary in diaries.items():
        options = _options(diary)
        data, entries, texts = _read(diary, monkeypatch, options)
        period = _in_period(diary, options)
        counts = {c.what: c.in_period for c in data.counts}
        # The period's entries are all counted, each type and tension …
        assert counts["entries"] == period
        by_type = diary.db.conn.execute(
            "SELECT count(*) FROM events e JOIN shared_entries s ON s.event_pk = e.pk "
            "WHERE e.partnership_pk = 1 AND e.deleted_at IS NULL AND s.type = 'decision' "
            "AND e.date >= ? AND e.date < ?",
            [options.period_from, options.as_of + timedelta(1)],
        ).fetchone()[0]
        assert counts["decisions"] == by_type == len(data.decisions) + data.left_out("decisions")
        assert sum(n for _t, n in data.tensions) > 0
        # The actions completed are the ones done last, in the order they were done.
        done = [a.done_on or date.min for a in data.done_actions]
        assert data.left_out("done_actions") > 0 and done == sorted(done), done
        # … but only the lines printed are read: every list is full and cut.
        for name in ("decisions", "observations", "open_questions"):
            assert data.left_out(name) > 0, (size, name)
        if size == LARGE:
            assert data.left_out("learning") > 0
            assert len(data.learning.entries) == options.listing_limit
        read[size] = (entries, texts, period)
    (small, small_texts, _), (large, large_texts, large_period) = read[SMALL], read[LARGE]
    # About ten lists of at most 25 lines, and the few lines of the first page.
    assert large <= small + 25 and large <= 300, read
    assert large_texts <= small_texts + 25 and large_texts <= 500, read
    assert large < large_period / 4, read  # reading the period's entries would be far more


def test_the_default_report_of_a_larger_diary_has_about_as_many_pages(
    diaries: dict[int, Diary],
) -> None:
    pages = {}
    for size, diary in diaries.items():
        data = feedback.report_data(diary, 1, _options(diary))
        pdf = build_feedback_pdf(data)
        pages[size] = len(PdfReader(io.BytesIO(pdf)).pages)
        text = pdf_text(pdf)
        assert "earlier in this period, not listed here" in text
        estimate = feedback.page_estimate(diary, 1, data).report
        assert pages[size] / 2 <= estimate <= pages[size] * 2, (estimate, pages[size])
    assert pages[LARGE] <= pages[SMALL] + 3 and pages[LARGE] < 60, pages


def test_the_learning_log_is_cut_in_finnish_and_in_the_word_document_too(
    diaries: dict[int, Diary],
) -> None:
    diary = diaries[LARGE]
    data = feedback.report_data(diary, 1, _options(diary, "fi"))
    more = data.left_out("learning")
    assert more > 0
    number = f"{more:,}".replace(",", "\u00a0")
    assert f"… ja {number} aiempaa tällä jaksolla" in pdf_text(build_feedback_pdf(data))
    from docx import Document

    document = Document(io.BytesIO(build_feedback_docx(data)))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert f"… ja {number} aiempaa tällä jaksolla" in paragraphs


def test_the_open_ideas_to_decide_leave_out_those_made_actions_and_parked(
    diaries: dict[int, Diary],
) -> None:
    diary = diaries[SMALL]
    options = _options(diary)
    day = options.as_of
    view = SharedView(diary.db, 1)
    every = view.entries(None, day, (EntryType.IDEA,))
    converted = {a.source_entry for a in view.actions() if a.created_on <= day}
    expected = [
        e.pk
        for e in every
        if e.pk not in converted and (e.fate is None or (e.fate_on is not None and e.fate_on > day))
    ]
    pick = shared_lists.Pick(until=day, types=(EntryType.IDEA,), open_on=day, undecided_on=day)
    found, total = shared_lists.listed(view, pick, 6, first=True)
    assert total == len(expected) and [e.pk for e in found] == expected[:6]
    assert len(expected) < len(every)  # some ideas were made actions or parked


@pytest.mark.parametrize(("language", "grouped"), [("en", "20,873"), ("fi", "20\u00a0873")])
def test_the_glance_page_groups_thousands_as_the_lists_do(language: str, grouped: str) -> None:
    from reports import summary_text

    assert grouped in summary_text.more(20_873, language)
