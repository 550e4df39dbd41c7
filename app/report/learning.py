"""The learning log: the shared assessments of the period, and the partners' vision beside the
scope of the pilot that tests it (how the pilot compares with the original vision).

Assessments are the facilitator's and the partners' judgements of what worked; only shared
ones are read (``SharedView``), so a private assessment never reaches the log.
"""

from __future__ import annotations

from app.domain.model import parse_when
from app.persistence.shared import SharedEntry, SharedPartnership
from app.report.facts import Facts
from app.report.names import Namer
from app.report.parts import Learning


def learning(f: Facts, p: SharedPartnership, namer: Namer, assessed: list[SharedEntry]) -> Learning:
    """The log of ``assessed``: the period's most recent shared assessments with some text (the
    caller reads them, at most the report's listing limit); the vision beside the pilot."""
    entries = tuple(
        (e.event_when, f.titles.get(e.event, ""), namer.text(e.text))
        for e in assessed
        if f.holds(parse_when(e.event_when)[0]) and e.text.strip()
    )
    both = bool(p.vision and p.vision.strip() and p.pilot_scope and p.pilot_scope.strip())
    return Learning(
        entries,
        namer.text(p.vision or "") if both else None,
        namer.text(p.pilot_scope or "") if both else None,
    )
