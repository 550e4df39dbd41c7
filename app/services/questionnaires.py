"""Questionnaire waves: starting one, adding the answers collected, and reading its results.

``wave_results`` is the one function for "the results of a wave" (the commitment page, the
command line and report sections use it): every dimension of the wave's instrument, per side
with n and the minimum group size, the change from the baseline and the previous wave, and
optionally split by level.

Answers are kept per item on the instrument's scale (``questionnaire_answers``). The wave's
dimensions that map to Kumppani's rating dimensions are also kept as ratings of a
questionnaire event of the wave (one per respondent, on the 1–5 scale), so the commitment plot,
the warnings and the reports that read ratings see the wave without knowing about instruments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from app.domain import Event, EventKind, Rating
from app.domain.questionnaire import Response, Wave
from app.i18n import _
from app.persistence import events as event_repo
from app.persistence import partnerships as partnership_repo
from app.persistence import questionnaires as repo
from app.persistence.changes import EVENTS, QUESTIONNAIRES, RATINGS, ChangeSet
from app.persistence.diary import Diary
from app.scores.instrument_model import Instrument, InstrumentError
from app.scores.instruments import parse_instrument, score_respondent
from app.scores.questionnaire_results import WaveResult, wave_result
from app.services.command import Command
from app.services.undo import UndoStack


def stored_instrument(db: Database, partnership_pk: int, instrument_id: str) -> Instrument:
    """The instrument a partnership's waves were answered on, as the diary keeps it."""
    definitions = repo.stored_instruments(db, partnership_pk)
    if instrument_id not in definitions:
        raise InstrumentError(
            _("The diary does not hold the instrument {id}.").format(id=instrument_id)
        )
    return parse_instrument(definitions[instrument_id])


def start_wave(
    diary: Diary,
    partnership_pk: int,
    instrument: Instrument,
    *,
    day: date,
    title: str | None = None,
    language: str | None = None,
) -> Wave:
    """A new wave of ``instrument`` (forms are written for it; answers are collected into it)."""
    wave = Wave(
        title=(title or "").strip() or instrument.title(language or "en"),
        instrument=instrument.id,
        held_on=day,
        language=language,
    )
    if not instrument.definition:  # made in code, not read from a file
        raise InstrumentError(
            _("The instrument {id} has no file to keep.").format(id=instrument.id)
        )
    with diary.write(ChangeSet.of(QUESTIONNAIRES, partnership=partnership_pk)) as db:
        repo.insert_wave(db, partnership_pk, wave, instrument.definition)
    return wave


def _ratings(instrument: Instrument, responses: Sequence[Response]) -> list[Rating]:
    return [
        Rating(organization=r.organization, dimension=d, value=v, respondent=r.person)
        for r in responses
        for d, v in score_respondent(instrument, r.answers).items()
    ]


def _refresh_ratings(db: Database, partnership_pk: int, wave: Wave) -> None:
    """Give the wave's questionnaire event (made the first time) the ratings of its responses."""
    assert wave.pk is not None
    instrument = stored_instrument(db, partnership_pk, wave.instrument)
    ratings = _ratings(instrument, repo.list_responses(db, wave.pk))
    if wave.event is None or event_repo.get_event(db, wave.event) is None:
        event = Event(
            kind=EventKind.QUESTIONNAIRE,
            title=wave.title,
            when=wave.held_on.isoformat(),
            ratings=ratings,
        )
        wave.event = event_repo.insert_event(db, partnership_pk, event)
        repo.set_wave_event(db, wave.pk, wave.event)
    else:
        event_repo.set_ratings(db, wave.event, ratings)


def add_responses(
    diary: Diary,
    partnership_pk: int,
    wave: Wave,
    responses: Sequence[Response],
    undo: UndoStack | None = None,
) -> int:
    """Add collected responses to a wave in one transaction; returns how many were added.

    The wave's questionnaire event (made on the first collection) gets the ratings of every
    response of the wave. Given ``undo``, the collection is one undoable step: undo removes
    these responses again (and their ratings), redo brings them back.
    """
    assert wave.pk is not None
    wave_pk = wave.pk
    changes = ChangeSet.of(QUESTIONNAIRES, EVENTS, RATINGS, partnership=partnership_pk)

    def redo() -> None:
        with diary.write(changes) as db:
            for response in responses:
                response.pk = None
                repo.insert_response(db, wave_pk, response)
            _refresh_ratings(db, partnership_pk, wave)

    def take_back() -> None:
        with diary.write(changes) as db:
            repo.delete_responses(db, wave_pk, [r.id for r in responses])
            _refresh_ratings(db, partnership_pk, wave)

    redo()
    if undo is not None:
        label = _("collect questionnaire answers")
        undo.push(Command(label, redo, take_back, changes), apply=False)
    return len(responses)


def wave_results(
    db: Database | Diary,
    partnership_pk: int,
    wave_id: str | None = None,
    *,
    by_level: bool = False,
) -> WaveResult | None:
    """The results of one wave (the latest when ``wave_id`` is None); None without waves."""
    database = db.db if isinstance(db, Diary) else db
    waves = repo.list_waves(database, partnership_pk)
    index = next(
        (i for i, w in enumerate(waves) if w.id == wave_id),
        len(waves) - 1 if wave_id is None else None,
    )
    if index is None or index < 0:
        return None
    wave = waves[index]
    partnership = partnership_repo.get_partnership(database, partnership_pk)
    min_group = partnership.min_group_size if partnership else 3
    instrument = stored_instrument(database, partnership_pk, wave.instrument)
    assert wave.pk is not None
    earlier = [(w, repo.list_responses(database, w.pk or 0)) for w in waves[:index]]
    return wave_result(
        instrument,
        wave,
        repo.list_responses(database, wave.pk),
        min_group,
        earlier,
        by_level,
    )


@dataclass(frozen=True, slots=True)
class WaveSummary:
    """One line of the list of waves: what the command line and the waves view show."""

    id: str
    title: str
    date: date
    instrument: str
    responses: dict[str, int]  # organization id → responses collected

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat(),
            "instrument": self.instrument,
            "responses": dict(self.responses),
        }


def list_wave_summaries(db: Database | Diary, partnership_pk: int) -> list[WaveSummary]:
    """The partnership's waves, oldest first, with responses per organization."""
    database = db.db if isinstance(db, Diary) else db
    orgs = {o.pk: o.id for o in partnership_repo.list_organizations(database, partnership_pk)}
    counts = repo.response_counts(database, partnership_pk)
    return [
        WaveSummary(
            id=w.id,
            title=w.title,
            date=w.held_on,
            instrument=w.instrument,
            responses={
                orgs[pk]: n for pk, n in sorted(counts.get(w.pk or 0, {}).items()) if pk in orgs
            },
        )
        for w in repo.list_waves(database, partnership_pk)
    ]
