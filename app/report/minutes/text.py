"""The minutes as plain text, for the body of an e-mail to the partners.

The same sections in the same order as the PDF and the DOCX; a section with nothing in it is
left out, except decisions and new actions, which say so (the partners look for them).
"""

from __future__ import annotations

from app.report.minutes import labels as lb
from app.report.minutes.model import MinutesData

Lines = list[str]


def minutes_text(data: MinutesData) -> str:
    tr = lb.tr_of(data)
    lang = data.options.language
    out: Lines = [lb.title(data, tr), data.partnership, lb.meta_line(data, tr)]
    if data.attendees:
        out += _section(lb.section("attendees", tr), lb.attendee_lines(data.attendees))
    if data.absent:
        out += _section(lb.section("absent", tr), lb.attendee_lines(data.absent))
    out += agenda(data)
    decisions: Lines = []
    for n, d in enumerate(data.decisions, 1):
        decisions.append(f"{n}. {_indented(d.text)}")
        decisions.append(f"   {lb.status(d, tr)}")
        decisions += [f"   {line}" for line in lb.decision_details(d, tr, lang)]
    out += _block(lb.section("decisions", tr), decisions or [tr("No decisions recorded.")])
    notes = [f"- {lb.entry_type(e.type, tr)}: {_indented(e.text, 2)}" for e in data.notes]
    if notes:
        out += _block(lb.section("notes", tr), notes)
    out += _actions(data, "new_actions", tr("No new actions."))
    if data.carried_over:
        out += _actions(data, "carried_over", "")
    if data.next_meeting is not None:
        out += _section(lb.section("next", tr), [lb.next_line(data.next_meeting, tr, lang)], "")
    out += ["", lb.footer(tr)]
    return "\n".join(out) + "\n"


def agenda(data: MinutesData) -> Lines:
    """The agenda section: nothing at all when the meeting has no agenda."""
    if not data.agenda:
        return []
    tr = lb.tr_of(data)
    items = []
    for n, item in enumerate(data.agenda, 1):
        items.append(f"{n}. {_indented(lb.agenda_line(item, tr))}")
        if item.purpose:
            items.append(f"   {_indented(item.purpose)}")
    return _block(lb.section("agenda", tr), items)


def _actions(data: MinutesData, key: str, none: str) -> Lines:
    tr, lang = lb.tr_of(data), data.options.language
    actions = data.new_actions if key == "new_actions" else data.carried_over
    lines = [
        f"- {_indented(a.text, 2)}\n  "
        + tr("Owner: {owner} · Due: {due}").format(owner=lb.owner(a, tr), due=lb.due(a, tr, lang))
        for a in actions
    ]
    return _block(lb.section(key, tr), lines or [none])


def _section(heading: str, items: list[str], bullet: str = "- ") -> Lines:
    return _block(heading, [f"{bullet}{item}" for item in items])


def _block(heading: str, lines: Lines) -> Lines:
    return ["", heading, "-" * len(heading), *lines]


def _indented(text: str, width: int = 3) -> str:
    """Text whose later lines line up under its first (after a number or a bullet)."""
    return ("\n" + " " * width).join(text.strip().splitlines())
