"""What partners may see of questionnaire waves: the waves held by a day, their instruments and
each response's side, level and answers.

A response's person, pseudonym, comment and form id are never selected: a comment may say who
wrote it, and the report prints only the means of groups of at least the minimum size.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from app.domain.enums import Level
from app.domain.questionnaire import Response, Wave
from app.persistence.rows import rows, s2d
from app.persistence.shared import SharedView


def shared_instruments(view: SharedView) -> dict[str, dict[str, Any]]:
    """The definitions of the instruments the partnership's waves were answered on."""
    return {
        r["id"]: json.loads(r["definition"])
        for r in rows(
            view.db,
            "SELECT id, definition FROM questionnaire_instruments WHERE partnership_pk = ? "
            "ORDER BY seq",
            [view.pk],
        )
    }


def shared_waves(view: SharedView, until: date) -> list[tuple[Wave, list[Response]]]:
    """The waves held on or before ``until``, oldest first, each with its anonymous answers."""
    waves = [
        Wave(
            title=r["title"],
            instrument=r["instrument"],
            held_on=s2d(r["held_on"]) or date.min,
            language=r["language"],
            id=r["id"],
            pk=r["pk"],
        )
        for r in rows(
            view.db,
            "SELECT w.pk, w.id, w.title, w.held_on, w.language, i.id AS instrument "
            "FROM questionnaire_waves w JOIN questionnaire_instruments i "
            "ON i.pk = w.instrument_pk WHERE w.partnership_pk = ? AND w.held_on <= ? "
            "ORDER BY w.held_on, w.seq",
            [view.pk, until.isoformat()],
        )
    ]
    return [(w, _responses(view, w.pk or 0)) for w in waves]


def _responses(view: SharedView, wave_pk: int) -> list[Response]:
    answers: dict[int, dict[str, float]] = {}
    for a in rows(
        view.db,
        "SELECT a.response_pk, a.item, a.value FROM questionnaire_answers a "
        "JOIN questionnaire_responses r ON r.pk = a.response_pk WHERE r.wave_pk = ?",
        [wave_pk],
    ):
        answers.setdefault(a["response_pk"], {})[a["item"]] = float(a["value"])
    return [
        Response(
            organization=r["organization_pk"],
            answers=answers.get(r["pk"], {}),
            level=Level(r["level"]) if r["level"] else None,
            id=r["id"],
        )
        for r in rows(
            view.db,
            "SELECT pk, id, organization_pk, level FROM questionnaire_responses "
            "WHERE wave_pk = ? ORDER BY seq",
            [wave_pk],
        )
    ]
