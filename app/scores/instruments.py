"""Questionnaire instruments as data, and scoring one respondent's answers.

An instrument is a JSON file (``resources/instruments/*.json``, or a facilitator's own file in
the ``instruments`` folder of the data folder) listing its items, the rating dimension each item
belongs to, which items are reverse-scored, the answer scale and the missing-answer rule. The
wording of licensed instruments is the facilitator's to enter; Kumppani ships only its own
seven-item pulse, which is labelled as not validated.

A respondent's score on a dimension is the mean of their answered items of that dimension
(reverse items turned round first), provided they answered enough of them; it is then placed on
the diary's 1–5 rating scale so that waves of different instruments can be compared.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from app.domain import Dimension
from app.i18n import _

PULSE_ID = "kumppani-pulse"
# The diary stores every rating on this scale (exchange format: 1 to 5).
RATING_MIN = 1.0
RATING_MAX = 5.0


class InstrumentError(ValueError):
    """An instrument file that cannot be used; the message says what is wrong with it."""


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    dimension: Dimension
    text: str = ""
    reverse: bool = False


@dataclass(frozen=True, slots=True)
class Instrument:
    """Items, scale and missing-answer rule of one questionnaire."""

    id: str
    name: str
    items: tuple[Item, ...]
    scale_min: float = 1.0
    scale_max: float = 5.0
    min_label: str = ""
    max_label: str = ""
    validated: bool = False
    note: str = ""
    # A dimension is scored only when at least max(min_items, ceil(min_share × its items)) of
    # its items were answered; otherwise the respondent has no score on it.
    min_items: int = 1
    min_share: float = 0.0

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def dimensions(self) -> tuple[Dimension, ...]:
        """The dimensions the instrument measures, in the order of their first item."""
        return tuple(dict.fromkeys(i.dimension for i in self.items))

    def required_answers(self, dimension: Dimension) -> int:
        count = sum(1 for i in self.items if i.dimension == dimension)
        return max(self.min_items, math.ceil(self.min_share * count))

    def in_scale(self, value: float) -> bool:
        return self.scale_min <= value <= self.scale_max


def parse_instrument(data: Mapping[str, Any]) -> Instrument:
    """Build an instrument from its JSON object, with a clear message for every mistake."""
    try:
        scale = data.get("scale", {})
        missing = data.get("missing", {})
        items = tuple(
            Item(
                id=str(raw["id"]),
                dimension=Dimension(raw["dimension"]),
                text=str(raw.get("text", "")),
                reverse=bool(raw.get("reverse", False)),
            )
            for raw in data["items"]
        )
        instrument = Instrument(
            id=str(data["id"]),
            name=str(data.get("name", data["id"])),
            items=items,
            scale_min=float(scale.get("min", 1)),
            scale_max=float(scale.get("max", 5)),
            min_label=str(scale.get("min_label", "")),
            max_label=str(scale.get("max_label", "")),
            validated=bool(data.get("validated", False)),
            note=str(data.get("note", "")),
            min_items=int(missing.get("min_items", 1)),
            min_share=float(missing.get("min_share", 0.0)),
        )
    except KeyError as exc:
        raise InstrumentError(
            _("The instrument lacks the field {field}.").format(field=exc)
        ) from exc
    except (TypeError, ValueError) as exc:
        raise InstrumentError(_("The instrument is not valid: {error}").format(error=exc)) from exc
    _check(instrument)
    return instrument


def _check(instrument: Instrument) -> None:
    if not instrument.items:
        raise InstrumentError(_("The instrument has no items."))
    if instrument.scale_max <= instrument.scale_min:
        raise InstrumentError(_("The instrument's scale maximum must be above its minimum."))
    ids = [i.id for i in instrument.items]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise InstrumentError(
            _("The instrument repeats the item {item}.").format(item=", ".join(duplicates))
        )
    if instrument.min_items < 1 or not 0.0 <= instrument.min_share <= 1.0:
        raise InstrumentError(_("The instrument's missing-answer rule is not valid."))


def _user_folder() -> Path | None:
    try:
        from app.paths import data_dir

        folder = data_dir() / "instruments"
    except OSError:
        return None
    return folder if folder.is_dir() else None


def load_instruments(extra_folders: Iterable[Path] = ()) -> dict[str, Instrument]:
    """Every shipped instrument plus the facilitator's own files, by id (own files win)."""
    found: dict[str, Instrument] = {}
    shipped = resources.files("resources").joinpath("instruments")
    texts = [f.read_text("utf-8") for f in shipped.iterdir() if f.name.endswith(".json")]
    user = _user_folder()
    folders = [*([user] if user else []), *extra_folders]
    for folder in folders:
        texts.extend(p.read_text("utf-8") for p in sorted(folder.glob("*.json")))
    for text in texts:
        instrument = parse_instrument(json.loads(text))
        found[instrument.id] = instrument
    return found


def pulse() -> Instrument:
    """Kumppani's own seven-item pulse (one item per rating dimension; not validated)."""
    shipped = resources.files("resources").joinpath(f"instruments/{PULSE_ID}.json")
    return parse_instrument(json.loads(shipped.read_text("utf-8")))


def to_rating_scale(instrument: Instrument, value: float) -> float:
    """Place a value of the instrument's scale on the diary's 1–5 scale (linear)."""
    share = (value - instrument.scale_min) / (instrument.scale_max - instrument.scale_min)
    return RATING_MIN + share * (RATING_MAX - RATING_MIN)


def score_respondent(
    instrument: Instrument, answers: Mapping[str, float | None]
) -> dict[Dimension, float]:
    """One respondent's score per dimension on the 1–5 scale; dimensions short of answers are left out.

    ``answers`` maps item ids to the answer on the instrument's scale, or None for no answer.
    Raises ``ValueError`` for an unknown item or a value outside the scale.
    """
    per_dimension: dict[Dimension, list[float]] = {}
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
        dimension: to_rating_scale(instrument, sum(values) / len(values))
        for dimension, values in per_dimension.items()
        if len(values) >= instrument.required_answers(dimension)
    }
