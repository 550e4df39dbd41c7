"""Build the feedback report PDF from ``ReportData``: page templates, running header, page
numbers, outline, table of contents when the report runs past four pages, progress and cancel.

``build_feedback_pdf(data)`` returns the PDF's bytes. The output is byte-identical for the same
data and options (reportlab's invariant mode), so tests can pin it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
)

from app.i18n import translator
from app.report.model import ReportData
from reports import labels as lb
from reports.blocks import para
from reports.contents import ContentsSpace, draw_contents, note_entry
from reports.equity import equity, learning
from reports.fonts import FAMILY
from reports.glance import at_a_glance
from reports.results import commitment, observations
from reports.scripts import draw_text
from reports.sections import (
    Flow,
    Tr,
    accomplishments,
    appendix,
    cover,
    decisions_and_actions,
    next_steps,
    where_we_are,
)
from reports.styles import ACCENT, INK, LANGUAGE, MARGIN, MUTED, PAGE, RULE, SHADE, styles

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]

_SECTION_BUILDERS: dict[str, Callable[[ReportData, Tr], Flow]] = {
    "glance": at_a_glance,
    "phase": where_we_are,
    "accomplishments": accomplishments,
    "actions": decisions_and_actions,
    "commitment": commitment,
    "equity": equity,
    "observations": observations,
    "learning": learning,
    "next": next_steps,
}
# Where on the canvas the section headings' pages are kept until the pages are written.
BOOKMARKS = "_kumppani_bookmarks"
# A table of contents is worth its page only in a longer report.
TOC_AFTER_PAGES = 4


class BuildCancelled(Exception):
    """The user cancelled the report while it was being built."""


class _LongEnough(Exception):
    """A trial build reached more than ``TOC_AFTER_PAGES`` pages: no need to lay out the rest."""


def _numbered_canvas(tr: Tr) -> type[Canvas]:
    """A canvas that writes "Page n of m" once the number of pages is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                number = self.getPageNumber()
                # Only now does the PDF document know which page this is: a bookmark made
                # while laying out would point at the first page.
                for key in self.__dict__.get(BOOKMARKS, {}).get(number, ()):
                    self.bookmarkPage(key)
                draw_contents(self, number, styles()["toc1"], INK)
                if number > 1:
                    self.setFont(FAMILY, 8)
                    self.setFillColor(MUTED)
                    text = tr("Page {page} of {pages}").format(page=number, pages=total)
                    self.drawRightString(PAGE[0] - MARGIN, 12 * mm, text)
                super().showPage()
            super().save()

    return NumberedCanvas


class _Document(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """Two page templates (cover, body); section headings become outline and contents entries."""

    def __init__(self, out: io.BytesIO, data: ReportData, tr: Tr, trial: bool = False) -> None:
        title = tr("Feedback report") + " – " + data.partnership
        super().__init__(
            out,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 4 * mm,
            bottomMargin=MARGIN,
            title=title,
            author=data.author,
            subject=tr("Feedback report for the partners"),
            keywords=[],
            creator="Kumppani",
            invariant=1,
            # Pages start in our font, so no page selects the unembedded Helvetica.
            initialFontName=FAMILY,
            lang=data.options.language,
        )
        self._data, self._tr = data, tr
        self.page_count = 0
        # A trial build only finds out whether the report is long; it stops once it knows.
        self.trial = trial
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body", showBoundary=0
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._cover),
                PageTemplate("body", [frame], onPage=self._header),
            ]
        )

    def _count(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self.page_count = canv.getPageNumber()
        if self.trial and self.page_count > TOC_AFTER_PAGES:
            raise _LongEnough

    def _cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """A band of the accent colour across the top of the cover."""
        self._count(canv, doc)
        canv.saveState()
        width, height = PAGE
        canv.setFillColor(ACCENT)
        canv.rect(0, height - 18 * mm, width, 18 * mm, stroke=0, fill=1)
        canv.setFillColor(SHADE)
        canv.rect(0, height - 21 * mm, width, 3 * mm, stroke=0, fill=1)
        canv.restoreState()

    def _header(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._count(canv, doc)
        canv.saveState()
        width, height = PAGE
        y = height - MARGIN + 2 * mm
        canv.setFont(FAMILY, 8)
        canv.setFillColor(INK)
        name = self._data.partnership
        name = name if len(name) <= 70 else name[:69] + "…"
        draw_text(canv, MARGIN, y, name, FAMILY, 8)
        canv.setFillColor(MUTED)
        made = lb.short_date(self._data.options.generated_on, self._data.options.language)
        canv.drawRightString(width - MARGIN, y, self._tr("Feedback report") + " · " + made)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN, y - 2.5 * mm, width - MARGIN, y - 2.5 * mm)
        canv.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "_kumppani_key", None)
        if key is None:
            return
        text = flowable.getPlainText()
        # The numbering canvas holds the pages until the end; it sets the destination then.
        self.canv.__dict__.setdefault(BOOKMARKS, {}).setdefault(self.page, []).append(key)
        self.canv.addOutlineEntry(text, key, level=0)
        note_entry(self.canv, text, self.page, key)


def _contents(data: ReportData, tr: Tr) -> Flow:
    # One line per section heading; the canvas writes them once the pages are numbered.
    lines = sum(1 for key in _SECTION_BUILDERS if key in data.options.sections)
    lines += 1 if data.appendix else 0
    space = ContentsSpace(lines, styles()["toc1"])
    return [para(lb.section_title("contents", tr), "h1"), space, PageBreak()]


def _glance(data: ReportData, tr: Tr) -> Flow:
    """The page the managers read first: right after the cover, before the contents."""
    return at_a_glance(data, tr) if "glance" in data.options.sections else []


def _sections(data: ReportData, tr: Tr) -> Flow:
    story: Flow = []
    chosen = (s for s in _SECTION_BUILDERS if s in data.options.sections and s != "glance")
    for i, key in enumerate(chosen):
        if i:
            # A new section starts on a fresh page only when little room is left on this one.
            story += [Spacer(1, 8 * mm), CondPageBreak(70 * mm)]
        story += _SECTION_BUILDERS[key](data, tr)
    return story + appendix(data, tr)


def _watch(doc: _Document, progress: Progress | None, cancelled: Cancelled | None) -> None:
    """Report progress per flowable laid out; stop at the next flowable once cancelled."""
    total = [1]

    def on_progress(kind: str, value: int) -> None:
        if cancelled is not None and cancelled():
            raise BuildCancelled
        if kind == "SIZE_EST":
            total[0] = max(value, 1)
        elif kind == "PROGRESS" and progress is not None:
            progress(min(value / total[0], 1.0))

    doc.setProgressCallBack(on_progress)


def build_feedback_pdf(
    data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> bytes:
    """The report as PDF bytes; raises ``BuildCancelled`` when ``cancelled()`` turns true."""
    token = LANGUAGE.set(data.options.language)
    try:
        return _build(data, progress, cancelled)
    finally:
        LANGUAGE.reset(token)


def _build(data: ReportData, progress: Progress | None, cancelled: Cancelled | None) -> bytes:
    tr = translator(data.options.language)
    canvas = _numbered_canvas(tr)
    out = io.BytesIO()
    may_need_contents = len(data.options.sections) > 1
    doc = _Document(out, data, tr, trial=may_need_contents)
    _watch(doc, progress, cancelled)
    try:
        # Fresh flowables for every build: a trial build leaves split state behind in them.
        doc.build([*cover(data, tr), *_glance(data, tr), *_sections(data, tr)], canvasmaker=canvas)
        long = False
    except _LongEnough:
        # Laying out a 1,000-page report once more just to count its pages costs seconds.
        long = True
    if long:
        out = io.BytesIO()
        doc = _Document(out, data, tr)
        _watch(doc, progress, cancelled)
        # One pass: the contents are written when the document is saved (reports.contents).
        story = [*cover(data, tr), *_glance(data, tr), *_contents(data, tr)]
        doc.build([*story, *_sections(data, tr)], canvasmaker=canvas)
    if progress is not None:
        progress(1.0)
    return out.getvalue()
