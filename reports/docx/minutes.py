"""``build_minutes_docx(data)``: a meeting's minutes as an editable Word document.

The same ``MinutesData`` as the PDF and in the same order, with the feedback report's styles
(``reports.docx.writer``): facilitators who edit minutes before sending them restyle the whole
document at once in Word.
"""

from __future__ import annotations

from app.report.minutes import labels as lb
from app.report.minutes.model import MinutesData
from app.report.model import ActionLine
from reports.docx.writer import WARN, Cell, DocWriter, Run

Tr = lb.Tr
_HEADER_NAME = 70


def build_minutes_docx(data: MinutesData) -> bytes:
    tr, lang = lb.tr_of(data), data.options.language
    w = DocWriter(lang)
    name = data.partnership
    name = name if len(name) <= _HEADER_NAME else name[: _HEADER_NAME - 1] + "…"
    w.running_header(name, tr("Meeting minutes") + " · " + lb.when_text(data.when, lang))
    w.page_numbers(tr("Page {page} of {pages}"))
    w.properties(
        title=lb.title(data, tr),
        subject=tr("Minutes for the partners") + " – " + data.partnership,
        author="",
        made=data.options.generated_on,
    )
    w.para(tr("Minutes for the partners"), "Kumppani Kicker")
    w.heading(data.title, 1)
    w.para(data.partnership, "Kumppani Cover Line")
    w.para(lb.meta_line(data, tr), "Kumppani Muted")
    for key, people in (("attendees", data.attendees), ("absent", data.absent)):
        if people:
            w.heading(lb.section(key, tr), 2)
            for org, names in lb.attendee_groups(people):
                runs = [Run(org + ": ", bold=True), Run(names)] if org else [Run(names)]
                w.runs(runs, "Kumppani Entry")
    agenda(w, data, tr)
    _decisions(w, data, tr)
    if data.notes:
        w.heading(lb.section("notes", tr), 2)
        w.table(
            [tr("Type"), tr("Entry")],
            ([lb.entry_type(e.type, tr), e.text] for e in data.notes),
            (0.18, 0.82),
        )
    _actions(w, data.new_actions, lb.section("new_actions", tr), tr("No new actions."), data)
    if data.carried_over:
        _actions(w, data.carried_over, lb.section("carried_over", tr), "", data)
    if data.next_meeting is not None:
        w.heading(lb.section("next", tr), 2)
        w.para(lb.next_line(data.next_meeting, tr, lang))
    w.para(lb.footer(tr), "Kumppani Muted", before=18)
    return w.to_bytes()


def agenda(w: DocWriter, data: MinutesData, tr: Tr) -> None:
    """The agenda section: nothing at all when the meeting has no agenda."""
    if not data.agenda:
        return
    w.heading(lb.section("agenda", tr), 2)
    w.table(
        ["#", tr("Item"), tr("Time"), tr("Presenter")],
        (
            [
                str(n),
                item.title + (f"\n{item.purpose}" if item.purpose else ""),
                lb.duration_text(item.minutes, tr) if item.minutes else "",
                item.presenter or "",
            ]
            for n, item in enumerate(data.agenda, 1)
        ),
        (0.06, 0.6, 0.12, 0.22),
    )


def _decisions(w: DocWriter, data: MinutesData, tr: Tr) -> None:
    w.heading(lb.section("decisions", tr), 2)
    if not data.decisions:
        w.para(tr("No decisions recorded."), "Kumppani Muted")
        return
    lang = data.options.language
    rows: list[list[Cell]] = []
    for n, d in enumerate(data.decisions, 1):
        details = lb.decision_details(d, tr, lang)
        status = [Run(lb.status(d, tr), bold=True), *(Run("\n" + line) for line in details)]
        rows.append([str(n), d.text, status])
    w.table(["#", tr("Decision"), tr("Status")], rows, (0.06, 0.6, 0.34))


def _actions(
    w: DocWriter, actions: tuple[ActionLine, ...], heading: str, none: str, data: MinutesData
) -> None:
    tr, lang = lb.tr_of(data), data.options.language
    w.heading(heading, 2)
    if not actions:
        w.para(none, "Kumppani Muted")
        return
    w.table(
        [tr("Action"), tr("Owner"), tr("Due")],
        (
            [
                a.text,
                lb.owner(a, tr),
                [Run(lb.due(a, tr, lang), bold=a.overdue, colour=WARN if a.overdue else None)],
            ]
            for a in actions
        ),
        (0.56, 0.28, 0.16),
    )
