"""Questionnaire instruments used, waves, responses and their answers (issue 13)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.domain.enums import Level
from app.domain.questionnaire import Response, Wave
from app.persistence.rows import d2s, next_seq, one, rows, s2d


def stored_instruments(db: Database, partnership_pk: int) -> dict[str, dict[str, Any]]:
    """The definitions (instrument files' JSON) of the instruments the partnership used."""
    found: dict[str, dict[str, Any]] = {}
    for r in rows(
        db,
        "SELECT id, definition FROM questionnaire_instruments WHERE partnership_pk = ? "
        "ORDER BY seq",
        [partnership_pk],
    ):
        found[r["id"]] = json.loads(r["definition"])
    return found


def keep_instrument(db: Database, partnership_pk: int, definition: dict[str, Any]) -> int:
    """Store the instrument a wave uses; one already stored under its id is kept as it was,
    so earlier waves keep being scored by the instrument they were answered on."""
    found = one(
        db,
        "SELECT pk FROM questionnaire_instruments WHERE partnership_pk = ? AND id = ?",
        [partnership_pk, definition["id"]],
    )
    if found is not None:
        return int(found["pk"])
    cur = db.execute(
        "INSERT INTO questionnaire_instruments (partnership_pk, id, seq, definition) "
        "VALUES (?, ?, ?, ?)",
        [
            partnership_pk,
            definition["id"],
            next_seq(db, "questionnaire_instruments", "partnership_pk", partnership_pk),
            json.dumps(definition, ensure_ascii=False, sort_keys=True),
        ],
    )
    return int(cur.lastrowid or 0)


def _wave(r: dict[str, Any]) -> Wave:
    return Wave(
        title=r["title"],
        instrument=r["instrument"],
        held_on=s2d(r["held_on"]),  # type: ignore[arg-type]
        language=r["language"],
        event=r["event_pk"],
        id=r["id"],
        pk=r["pk"],
    )


_WAVES = (
    "SELECT w.*, i.id AS instrument FROM questionnaire_waves w "
    "JOIN questionnaire_instruments i ON i.pk = w.instrument_pk "
)


def list_waves(db: Database, partnership_pk: int) -> list[Wave]:
    """The partnership's waves, oldest first (by date, then as created)."""
    return [
        _wave(r)
        for r in rows(
            db, _WAVES + "WHERE w.partnership_pk = ? ORDER BY w.held_on, w.seq", [partnership_pk]
        )
    ]


def get_wave(db: Database, partnership_pk: int, wave_id: str) -> Wave | None:
    r = one(db, _WAVES + "WHERE w.partnership_pk = ? AND w.id = ?", [partnership_pk, wave_id])
    return _wave(r) if r else None


def insert_wave(db: Database, partnership_pk: int, wave: Wave, definition: dict[str, Any]) -> int:
    instrument_pk = keep_instrument(db, partnership_pk, definition)
    cur = db.execute(
        "INSERT INTO questionnaire_waves (partnership_pk, id, seq, title, instrument_pk, held_on, "
        "event_pk, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            wave.id,
            next_seq(db, "questionnaire_waves", "partnership_pk", partnership_pk),
            wave.title,
            instrument_pk,
            d2s(wave.held_on),
            wave.event,
            wave.language,
        ],
    )
    wave.pk = int(cur.lastrowid or 0)
    return wave.pk


def set_wave_event(db: Database, wave_pk: int, event_pk: int | None) -> None:
    db.execute("UPDATE questionnaire_waves SET event_pk = ? WHERE pk = ?", [event_pk, wave_pk])


def delete_wave(db: Database, wave_pk: int) -> None:
    db.execute("DELETE FROM questionnaire_waves WHERE pk = ?", [wave_pk])


def list_responses(db: Database, wave_pk: int) -> list[Response]:
    """A wave's responses in the order collected, each with its answers."""
    answers: dict[int, dict[str, float]] = {}
    for a in rows(
        db,
        "SELECT a.response_pk, a.item, a.value FROM questionnaire_answers a "
        "JOIN questionnaire_responses r ON r.pk = a.response_pk WHERE r.wave_pk = ? "
        "ORDER BY a.response_pk, a.seq",
        [wave_pk],
    ):
        answers.setdefault(a["response_pk"], {})[a["item"]] = float(a["value"])
    return [
        Response(
            organization=r["organization_pk"],
            answers=answers.get(r["pk"], {}),
            level=Level(r["level"]) if r["level"] else None,
            person=r["person_pk"],
            pseudonym=r["pseudonym"],
            comment=r["comment"],
            form=r["form"],
            id=r["id"],
            pk=r["pk"],
        )
        for r in rows(
            db, "SELECT * FROM questionnaire_responses WHERE wave_pk = ? ORDER BY seq", [wave_pk]
        )
    ]


def collected_forms(db: Database, wave_pk: int) -> set[str]:
    """The form ids already collected in a wave."""
    return {
        r["form"]
        for r in rows(
            db,
            "SELECT form FROM questionnaire_responses WHERE wave_pk = ? AND form IS NOT NULL",
            [wave_pk],
        )
    }


def insert_response(db: Database, wave_pk: int, response: Response) -> int:
    cur = db.execute(
        "INSERT INTO questionnaire_responses (wave_pk, id, seq, form, organization_pk, level, "
        "person_pk, pseudonym, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            wave_pk,
            response.id,
            next_seq(db, "questionnaire_responses", "wave_pk", wave_pk),
            response.form,
            response.organization,
            response.level.value if response.level else None,
            response.person,
            response.pseudonym,
            response.comment,
        ],
    )
    pk = int(cur.lastrowid or 0)
    for seq, (item, value) in enumerate(response.answers.items(), 1):
        db.execute(
            "INSERT INTO questionnaire_answers (response_pk, seq, item, value) VALUES (?, ?, ?, ?)",
            [pk, seq, item, value],
        )
    response.pk = pk
    return pk


def delete_responses(db: Database, wave_pk: int, response_ids: list[str]) -> None:
    """Remove responses of a wave (their answers go with them)."""
    for response_id in response_ids:
        db.execute(
            "DELETE FROM questionnaire_responses WHERE wave_pk = ? AND id = ?",
            [wave_pk, response_id],
        )


def response_counts(db: Database, partnership_pk: int) -> dict[int, dict[int, int]]:
    """Responses per wave and organization: wave key → organization key → count."""
    found: dict[int, dict[int, int]] = {}
    for r in rows(
        db,
        "SELECT r.wave_pk, r.organization_pk, count(*) AS n FROM questionnaire_responses r "
        "JOIN questionnaire_waves w ON w.pk = r.wave_pk WHERE w.partnership_pk = ? "
        "GROUP BY r.wave_pk, r.organization_pk",
        [partnership_pk],
    ):
        found.setdefault(r["wave_pk"], {})[r["organization_pk"]] = int(r["n"])
    return found
