"""Build a meeting's minutes as PDF from ``MinutesData``, in the feedback report's look: its
palette, fonts, paragraph and table styles, hyphenation and page numbers (``reports.styles``,
``reports.blocks``, ``reports.feedback``).

One page for most meetings: a band of the accent colour, what the meeting was, then the
sections in the order partners read minutes — who was there, the agenda, the decisions, what
else was discussed, who does what by when, what is still open, and when we meet next.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate

from app.report.minutes import labels as lb
from app.report.minutes.model import MinutesData
from app.report.model import ActionLine
from reports.blocks import Para, cell, gap, markup, para, rich, subheading, table
from reports.feedback import _numbered_canvas
from reports.fonts import BOLD, FAMILY
from reports.scripts import draw_text
from reports.styles import ACCENT, INK, LANGUAGE, MARGIN, MUTED, PAGE, RULE, SHADE, styles

Flow = list[Flowable]
Tr = lb.Tr
# The running header cuts a long partnership name, as the feedback report's does.
_HEADER_NAME = 70


class _Document(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    def __init__(self, out: io.BytesIO, data: MinutesData, tr: Tr) -> None:
        super().__init__(
            out,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 4 * mm,
            bottomMargin=MARGIN,
            title=lb.title(data, tr),
            author="",
            subject=tr("Minutes for the partners") + " – " + data.partnership,
            keywords=[],
            creator="Kumppani",
            invariant=1,
            initialFontName=FAMILY,
            lang=data.options.language,
        )
        self._data, self._tr = data, tr
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        later = PageTemplate("later", [frame], onPage=self._header)
        self.addPageTemplates(
            [PageTemplate("first", [frame], onPage=self._band, autoNextPageTemplate="later"), later]
        )

    def _band(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        width, height = PAGE
        canv.setFillColor(ACCENT)
        canv.rect(0, height - 12 * mm, width, 12 * mm, stroke=0, fill=1)
        canv.setFillColor(SHADE)
        canv.rect(0, height - 14 * mm, width, 2 * mm, stroke=0, fill=1)
        canv.restoreState()

    def _header(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        width, height = PAGE
        y = height - MARGIN + 2 * mm
        canv.setFont(FAMILY, 8)
        canv.setFillColor(INK)
        name = self._data.partnership
        name = name if len(name) <= _HEADER_NAME else name[: _HEADER_NAME - 1] + "…"
        draw_text(canv, MARGIN, y, name, FAMILY, 8)
        canv.setFillColor(MUTED)
        right = (
            self._tr("Meeting minutes")
            + " · "
            + lb.when_text(self._data.when, self._data.options.language)
        )
        canv.drawRightString(width - MARGIN, y, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN, y - 2.5 * mm, width - MARGIN, y - 2.5 * mm)
        canv.restoreState()


def _title_style() -> ParagraphStyle:
    return ParagraphStyle(
        "minutes_title",
        parent=styles()["body"],
        fontName=BOLD,
        fontSize=20,
        leading=25,
        spaceAfter=4,
    )


def _top(data: MinutesData, tr: Tr) -> Flow:
    return [
        para(tr("Minutes for the partners"), "cover_kicker"),
        gap(3),
        Para(markup(data.title), _title_style()),
        para(data.partnership, "cover_line"),
        para(lb.meta_line(data, tr), "muted"),
        gap(4 * mm),
    ]


def _people(data: MinutesData, tr: Tr) -> Flow:
    out: Flow = []
    for key, people in (("attendees", data.attendees), ("absent", data.absent)):
        if people:
            out.append(subheading(lb.section(key, tr)))
            for org, names in lb.attendee_groups(people):
                text = f"<b>{markup(org)}:</b> {markup(names)}" if org else markup(names)
                out.append(rich(text, "quote"))
    return out


def agenda(data: MinutesData, tr: Tr) -> Flow:
    """The agenda section: nothing at all when the meeting has no agenda."""
    if not data.agenda:
        return []
    rows = [
        [
            cell(str(n)),
            cell(item.title + (f"\n{item.purpose}" if item.purpose else "")),
            cell(lb.duration_text(item.minutes, tr) if item.minutes else None),
            cell(item.presenter),
        ]
        for n, item in enumerate(data.agenda, 1)
    ]
    head = ["#", tr("Item"), tr("Time"), tr("Presenter")]
    return [subheading(lb.section("agenda", tr)), table(head, rows, (0.06, 0.6, 0.12, 0.22))]


def _decisions(data: MinutesData, tr: Tr) -> Flow:
    out: Flow = [subheading(lb.section("decisions", tr))]
    if not data.decisions:
        return [*out, para(tr("No decisions recorded."), "muted")]
    lang = data.options.language
    rows = []
    for n, d in enumerate(data.decisions, 1):
        details = lb.decision_details(d, tr, lang)
        status = f"<b>{escape(lb.status(d, tr))}</b>"
        status += "".join(f"<br/>{markup(line)}" for line in details)
        rows.append([cell(str(n)), cell(d.text), rich(status, "cell")])
    return [*out, table(["#", tr("Decision"), tr("Status")], rows, (0.06, 0.6, 0.34))]


def _notes(data: MinutesData, tr: Tr) -> Flow:
    if not data.notes:
        return []
    rows = [[cell(lb.entry_type(e.type, tr)), cell(e.text)] for e in data.notes]
    return [
        subheading(lb.section("notes", tr)),
        table([tr("Type"), tr("Entry")], rows, (0.18, 0.82)),
    ]


def _actions(
    actions: tuple[ActionLine, ...], heading: str, none: str | None, data: MinutesData, tr: Tr
) -> Flow:
    if not actions and none is None:
        return []
    out: Flow = [subheading(heading)]
    if not actions:
        return [*out, para(none or "", "muted")]
    lang = data.options.language
    rows = []
    for a in actions:
        due = lb.due(a, tr, lang)
        rows.append(
            [
                cell(a.text),
                cell(lb.owner(a, tr)),
                rich(f"<b>{escape(due)}</b>", "cell") if a.overdue else cell(due),
            ]
        )
    return [*out, table([tr("Action"), tr("Owner"), tr("Due")], rows, (0.56, 0.28, 0.16))]


def _next(data: MinutesData, tr: Tr) -> Flow:
    if data.next_meeting is None:
        return []
    line = lb.next_line(data.next_meeting, tr, data.options.language)
    return [KeepTogether([subheading(lb.section("next", tr)), para(line)])]


def story(data: MinutesData, tr: Tr) -> Flow:
    return [
        *_top(data, tr),
        *_people(data, tr),
        *agenda(data, tr),
        *_decisions(data, tr),
        *_notes(data, tr),
        *_actions(data.new_actions, lb.section("new_actions", tr), tr("No new actions."), data, tr),
        *_actions(data.carried_over, lb.section("carried_over", tr), None, data, tr),
        *_next(data, tr),
        gap(8 * mm),
        para(lb.footer(tr), "muted"),
    ]


def build_minutes_pdf(data: MinutesData) -> bytes:
    """The minutes as PDF bytes, in the minutes' language."""
    token = LANGUAGE.set(data.options.language)
    try:
        tr = lb.tr_of(data)
        out = io.BytesIO()
        doc = _Document(out, data, tr)
        doc.build(story(data, tr), canvasmaker=_numbered_canvas(tr))
        return out.getvalue()
    finally:
        LANGUAGE.reset(token)
