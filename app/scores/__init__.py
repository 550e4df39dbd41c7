"""Scoring: instruments as data, respondents' scores, and per-wave side scores with the gap.

Public API (plain data; the report builder reuses it):

- ``pulse()``, ``load_instruments()``, ``score_respondent(instrument, answers)``
- ``score_wave(event_pk, day, title, ratings, roles, gap_flag) -> WaveScores``
- ``score_dimension(dimension, ratings, roles, gap_flag) -> DimensionScore``
- ``facilitator_ratings``, ``with_rating`` (``app.scores.ratings``) — the facilitator's ratings; the
  undoable change of one is the use case ``app.services.ratings.set_facilitator_rating``.

Series over time for charts live in ``app.series`` (``commitment_series``, ``build_series``,
``questionnaire_waves``, ``latest_wave``) and ``app.indicators``.
"""

from app.scores.instrument_model import (
    Instrument,
    InstrumentDimension,
    InstrumentError,
    Item,
    Scale,
)
from app.scores.instruments import (
    PULSE_ID,
    dimension_means,
    load_instruments,
    parse_instrument,
    pulse,
    read_instrument_file,
    score_respondent,
    shipped_instruments,
    to_rating_scale,
)
from app.scores.waves import (
    DEFAULT_GAP_FLAG,
    GAP_FLAG_KEY,
    DimensionScore,
    Summary,
    WaveScores,
    score_dimension,
    score_wave,
    summarize,
)

__all__ = [
    "DEFAULT_GAP_FLAG",
    "GAP_FLAG_KEY",
    "PULSE_ID",
    "DimensionScore",
    "Instrument",
    "InstrumentDimension",
    "InstrumentError",
    "Item",
    "Scale",
    "Summary",
    "WaveScores",
    "dimension_means",
    "load_instruments",
    "parse_instrument",
    "pulse",
    "read_instrument_file",
    "score_dimension",
    "score_respondent",
    "score_wave",
    "shipped_instruments",
    "summarize",
    "to_rating_scale",
]
