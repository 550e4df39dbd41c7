"""The questionnaire part of version 2 of the partnership file: ``instruments``, ``waves``,
``responses`` (docs/exchange-format.md).

An instrument is embedded whole, in the instrument file format (docs/instruments.md), so the
file can be scored anywhere. A wave is ``{"id", "title", "instrument", "date", "event"?,
"language"?}``; a response ``{"id", "wave", "form"?, "organization", "level"?, "person"?,
"pseudonym"?, "answers", "comment"?}`` with ``answers`` an object from item id to a value on the
instrument's scale. Both import paths (``parse`` and the streaming ``check_file``) read them
with ``read_questionnaires`` and store them with ``store_questionnaires``; ``export_questionnaires``
writes them (only when the partnership has waves).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.domain.enums import Level
from app.domain.questionnaire import Response, Wave
from app.exchange.reader import Reader, child
from app.i18n import _
from app.persistence import questionnaires as repo
from app.scores.instrument_model import Instrument, InstrumentError
from app.scores.instruments import parse_instrument

TOP = ("instruments", "waves", "responses")
_LANGUAGES = ("en", "fi")


@dataclass
class FileQuestionnaires:
    """What a file holds; references are positions in the file until stored."""

    instruments: list[dict[str, Any]] = field(default_factory=list)
    waves: list[Wave] = field(default_factory=list)  # ``event``: an event's position
    responses: list[tuple[int, Response]] = field(default_factory=list)  # (wave position, …)


def _instruments(r: Reader, top: Mapping[str, Any]) -> dict[str, Instrument]:
    found: dict[str, Instrument] = {}
    for i, value in enumerate(r.array(top, "instruments", "", required=False)):
        at = child("instruments", i)
        try:
            instrument = parse_instrument(value)
        except InstrumentError as exc:
            r.add(at, str(exc))
            continue
        if instrument.id in found:
            r.add(child(at, "id"), _('the id "{id}" is used twice').format(id=instrument.id))
        found[instrument.id] = instrument
    return found


def _wave(
    r: Reader, value: Any, at: str, instruments: Mapping[str, Instrument], events: Mapping[str, int]
) -> Wave | None:
    d = r.obj(value, at, ("id", "title", "instrument", "date"), ("event", "language"))
    if d is None:
        return None
    before = len(r.problems)
    wave_id = r.ident(d, "id", at)
    title = r.text(d, "title", at, breaks=False)
    if title is not None and not (0 < len(title.strip()) <= 200):
        r.add(child(at, "title"), _("must be 1–200 characters"))
    instrument = r.ident(d, "instrument", at)
    if instrument is not None and instrument not in instruments:
        r.add(child(at, "instrument"), _('no instrument "{id}"').format(id=instrument))
    day = r.day(d, "date", at)
    event = r.ref(d, "event", at, events, _('no event "{id}"'), required=False)
    language = d.get("language")
    if language is not None and language not in _LANGUAGES:
        r.add(child(at, "language"), _('must be "en" or "fi"'))
    if len(r.problems) > before or wave_id is None or title is None or day is None:
        return None
    assert instrument is not None
    return Wave(title.strip(), instrument, day, language, event, wave_id)


def _answers(r: Reader, value: Any, at: str, instrument: Instrument | None) -> dict[str, float]:
    if not isinstance(value, dict):
        r.add(at, _("must be an object {…}"))
        return {}
    answers: dict[str, float] = {}
    for item, answer in value.items():
        where = child(at, item)
        if isinstance(answer, bool) or not isinstance(answer, (int, float)) or answer != answer:
            r.add(where, _("must be a number"))
            continue
        if instrument is not None:
            if instrument.item(item) is None:
                r.add(where, _('the instrument "{id}" has no such item').format(id=instrument.id))
                continue
            if not instrument.in_scale(answer):
                r.add(
                    where,
                    _("must be on the instrument's scale, {low:g} to {high:g}").format(
                        low=instrument.scale_min, high=instrument.scale_max
                    ),
                )
                continue
        answers[item] = float(answer)
    return answers


def _response(
    r: Reader,
    value: Any,
    at: str,
    waves: Mapping[str, tuple[int, Instrument | None]],
    refs: tuple[Mapping[str, int], Mapping[str, int]],
) -> tuple[int, Response] | None:
    orgs, people = refs
    optional = ("form", "level", "person", "pseudonym", "comment")
    d = r.obj(value, at, ("id", "wave", "organization", "answers"), optional)
    if d is None:
        return None
    before = len(r.problems)
    response_id = r.ident(d, "id", at)
    wave_ref = r.ident(d, "wave", at)
    if wave_ref is not None and wave_ref not in waves:
        r.add(child(at, "wave"), _('no wave "{id}"').format(id=wave_ref))
    position, instrument = waves.get(wave_ref or "", (-1, None))
    organization = r.ref(d, "organization", at, orgs, _('no organization "{id}"'))
    person = r.ref(d, "person", at, people, _('no person "{id}"'), required=False)
    level = r.enum(d, "level", at, Level, required=False)
    form = r.text(d, "form", at, required=False, breaks=False)
    pseudonym = r.text(d, "pseudonym", at, required=False, breaks=False)
    comment = r.text(d, "comment", at, required=False)
    answers = _answers(r, d.get("answers"), child(at, "answers"), instrument)
    if len(r.problems) > before or response_id is None or organization is None:
        return None
    return position, Response(
        organization, answers, level, person, pseudonym, comment, form, response_id
    )


def read_questionnaires(
    r: Reader,
    top: Mapping[str, Any],
    orgs: Mapping[str, int],
    people: Mapping[str, int],
    events: Mapping[str, int],
) -> FileQuestionnaires:
    """Check the three arrays, reporting problems with their paths; ids unique in the file."""
    instruments = _instruments(r, top)
    result = FileQuestionnaires(instruments=[i.definition for i in instruments.values()])
    wave_index: dict[str, tuple[int, Instrument | None]] = {}
    for i, value in enumerate(r.array(top, "waves", "", required=False)):
        at = child("waves", i)
        wave = _wave(r, value, at, instruments, events)
        wave_id = value.get("id") if isinstance(value, dict) else None
        if isinstance(wave_id, str):
            if wave_id in wave_index:
                r.add(child(at, "id"), _('the id "{id}" is used twice').format(id=wave_id))
            instrument = instruments.get(str(value.get("instrument")))
            wave_index[wave_id] = (i, instrument)
        if wave is not None:
            result.waves.append(wave)
    seen: set[str] = set()
    forms: set[tuple[int, str]] = set()
    for i, value in enumerate(r.array(top, "responses", "", required=False)):
        at = child("responses", i)
        found = _response(r, value, at, wave_index, (orgs, people))
        if found is None:
            continue
        position, response = found
        if response.id in seen:
            r.add(child(at, "id"), _('the id "{id}" is used twice').format(id=response.id))
        seen.add(response.id)
        if response.form is not None:
            if (position, response.form) in forms:
                r.add(child(at, "form"), _("the same form is in the wave twice"))
            forms.add((position, response.form))
        result.responses.append(found)
    return result


def store_questionnaires(
    db: Database,
    pk: int,
    found: FileQuestionnaires,
    keys: tuple[Sequence[int], Sequence[int], Sequence[int]],
    fresh: Callable[[str], str],
) -> None:
    """Store a checked file's questionnaires; ``keys`` are the organizations', people's and
    events' database keys by position in the file."""
    org_pks, person_pks, event_pks = keys
    for definition in found.instruments:
        repo.keep_instrument(db, pk, definition)
    definitions = {d["id"]: d for d in found.instruments}
    wave_pks: list[int] = []
    for wave in found.waves:
        wave.event = event_pks[wave.event] if wave.event is not None else None
        wave.id = fresh(wave.id)
        wave_pks.append(repo.insert_wave(db, pk, wave, definitions[wave.instrument]))
    for position, response in found.responses:
        response.organization = org_pks[response.organization]
        response.person = person_pks[response.person] if response.person is not None else None
        response.id = fresh(response.id)
        repo.insert_response(db, wave_pks[position], response)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def export_questionnaires(
    db: Database,
    pk: int,
    orgs: Mapping[int, str],
    people: Mapping[int, str],
    events: Mapping[int, str],
) -> dict[str, Any]:
    """The three arrays of a partnership with waves (an empty dict without)."""
    waves = repo.list_waves(db, pk)
    if not waves:
        return {}
    instruments = repo.stored_instruments(db, pk)
    responses: list[dict[str, Any]] = []
    for wave in waves:
        for x in repo.list_responses(db, wave.pk or 0):
            row: dict[str, Any] = {"id": x.id, "wave": wave.id}
            if x.form is not None:
                row["form"] = x.form
            row["organization"] = orgs[x.organization]
            if x.level is not None:
                row["level"] = x.level.value
            if x.person is not None:
                row["person"] = people[x.person]
            if x.pseudonym is not None:
                row["pseudonym"] = x.pseudonym
            row["answers"] = {k: _number(v) for k, v in x.answers.items()}
            if x.comment is not None:
                row["comment"] = x.comment
            responses.append(row)
    return {
        "instruments": list(instruments.values()),
        "waves": [
            {
                "id": w.id,
                "title": w.title,
                "instrument": w.instrument,
                "date": w.held_on.isoformat(),
                **({"event": events[w.event]} if w.event is not None and w.event in events else {}),
                **({"language": w.language} if w.language else {}),
            }
            for w in waves
        ],
        "responses": responses,
    }
