"""Questionnaire instruments as data, and scoring one respondent's answers.

An instrument is a JSON file (``resources/instruments/*.json``, or a facilitator's own file in
the ``instruments`` folder of the data folder; format in ``docs/instruments.md``) with its items
in English and Finnish, its own dimensions, its answer scale, reverse-scored items and the
missing-answer rule. Kumppani ships its own seven-item pulse (labelled as not validated) and one
worked example laid out the way a published instrument is; the wording of licensed instruments
is the facilitator's to enter.

A respondent's score on a dimension is the mean of their answered items of that dimension
(reverse items turned round first), provided they answered enough of them. Every dimension's
score is kept on the instrument's own scale; a dimension that maps to one of Kumppani's rating
dimensions is also placed on the diary's 1–5 scale for the commitment plot.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path

from app.domain import Dimension
from app.i18n import _
from app.scores.instrument_file import parse_instrument as _parse
from app.scores.instrument_model import Instrument, InstrumentError

PULSE_ID = "kumppani-pulse"
# The diary stores every rating on this scale (exchange format: 1 to 5).
RATING_MIN = 1.0
RATING_MAX = 5.0


def parse_instrument(data: object) -> Instrument:
    """Build an instrument from its JSON object, with a message naming the field at fault."""
    instrument = _parse(data)
    assert isinstance(data, dict)  # _parse refuses anything else
    return _with_definition(instrument, data)


def _with_definition(instrument: Instrument, data: dict[str, object]) -> Instrument:
    object.__setattr__(instrument, "definition", dict(data))
    return instrument


def read_instrument_file(path: Path) -> Instrument:
    """One instrument file; ``InstrumentError`` names the file and the field at fault."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InstrumentError(
            _("{file}: not a readable JSON file ({error})").format(file=path.name, error=exc)
        ) from exc
    try:
        return parse_instrument(data)
    except InstrumentError as exc:
        raise InstrumentError(f"{path.name}: {exc}") from exc


def _user_folder() -> Path | None:
    try:
        from app.paths import data_dir

        folder = data_dir() / "instruments"
    except OSError:
        return None
    return folder if folder.is_dir() else None


def shipped_instruments() -> dict[str, Instrument]:
    found: dict[str, Instrument] = {}
    shipped = resources.files("resources").joinpath("instruments")
    for f in sorted(shipped.iterdir(), key=lambda f: f.name):
        if f.name.endswith(".json"):
            instrument = parse_instrument(json.loads(f.read_text("utf-8")))
            found[instrument.id] = instrument
    return found


def load_instruments(
    extra_folders: Iterable[Path] = (), problems: list[str] | None = None
) -> dict[str, Instrument]:
    """Every shipped instrument plus the facilitator's own files, by id (own files win).

    A broken file of the facilitator's is left out; its message goes to ``problems`` when given,
    otherwise its ``InstrumentError`` is raised.
    """
    found = shipped_instruments()
    user = _user_folder()
    for folder in [*([user] if user else []), *extra_folders]:
        for path in sorted(folder.glob("*.json")):
            try:
                instrument = read_instrument_file(path)
            except InstrumentError as exc:
                if problems is None:
                    raise
                problems.append(str(exc))
                continue
            found[instrument.id] = instrument
    return found


def pulse() -> Instrument:
    """Kumppani's own seven-item pulse (one item per rating dimension; not validated)."""
    return shipped_instruments()[PULSE_ID]


def to_rating_scale(instrument: Instrument, value: float) -> float:
    """Place a value of the instrument's scale on the diary's 1–5 scale (linear)."""
    share = (value - instrument.scale_min) / (instrument.scale_max - instrument.scale_min)
    return RATING_MIN + share * (RATING_MAX - RATING_MIN)


def dimension_means(
    instrument: Instrument, answers: Mapping[str, float | None]
) -> dict[str, float]:
    """One respondent's score per instrument dimension, on the instrument's own scale.

    ``answers`` maps item ids to the answer on the instrument's scale, or None for no answer.
    Dimensions short of answers (the missing-answer rule) are left out. Raises ``ValueError``
    for an unknown item or a value outside the scale.
    """
    per_dimension: dict[str, list[float]] = {}
    for item_id, value in answers.items():
        item = instrument.item(item_id)
        if item is None:
            raise ValueError(_("unknown item {item}").format(item=item_id))
        if value is None:
            continue
        if not instrument.in_scale(value):
            raise ValueError(_("{value} is outside the scale").format(value=value))
        if item.reverse:
            value = instrument.scale_min + instrument.scale_max - value
        per_dimension.setdefault(item.dimension, []).append(value)
    return {
        dimension: sum(values) / len(values)
        for dimension, values in per_dimension.items()
        if len(values) >= instrument.required_answers(dimension)
    }


def score_respondent(
    instrument: Instrument, answers: Mapping[str, float | None]
) -> dict[Dimension, float]:
    """One respondent's ratings: the dimensions that map to Kumppani's, on the 1–5 scale."""
    result: dict[Dimension, float] = {}
    for dimension_id, mean in dimension_means(instrument, answers).items():
        dimension = instrument.dimension(dimension_id)
        if dimension is not None and dimension.maps_to is not None:
            result[dimension.maps_to] = to_rating_scale(instrument, mean)
    return result
