"""What an instrument is: its items, its own dimensions and its scale (plain data, no I/O)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from app.domain import Dimension

LANGUAGES = ("en", "fi")
Text = dict[str, str]  # language → wording


def text_in(text: Text, language: str) -> str:
    """The wording in ``language``, else in English, else in whichever language there is."""
    return text.get(language) or text.get("en") or next(iter(text.values()), "")


class InstrumentError(ValueError):
    """An instrument file that cannot be used; the message names the field that is wrong."""


@dataclass(frozen=True, slots=True)
class Scale:
    """The answer scale: whole points ``low``..``high``; yes/no is 0 (no) and 1 (yes)."""

    kind: str  # "points" or "yes_no"
    low: int
    high: int
    labels: dict[int, Text] = field(default_factory=dict)

    def points(self) -> tuple[int, ...]:
        return tuple(range(self.low, self.high + 1))

    def label(self, point: int, language: str) -> str:
        text = self.labels.get(point)
        return text_in(text, language) if text else ""


@dataclass(frozen=True, slots=True)
class InstrumentDimension:
    """One of the instrument's own dimensions; ``maps_to`` places it in Kumppani's plot."""

    id: str
    label: Text
    maps_to: Dimension | None = None

    def label_in(self, language: str) -> str:
        return text_in(self.label, language) or self.id


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    dimension: str
    text: Text = field(default_factory=dict)
    reverse: bool = False
    required: bool = False

    def text_in(self, language: str) -> str:
        return text_in(self.text, language) or self.id


@dataclass(frozen=True, slots=True)
class Instrument:
    """Items, dimensions, scale and missing-answer rule of one questionnaire."""

    id: str
    name: Text
    items: tuple[Item, ...]
    dimension_defs: tuple[InstrumentDimension, ...]
    scale: Scale
    validated: bool = False
    note_text: Text = field(default_factory=dict)
    source: Text = field(default_factory=dict)
    instructions: Text = field(default_factory=dict)
    # A dimension is scored only when at least max(min_items, ceil(min_share × its items)) of
    # its items were answered; otherwise the respondent has no score on it.
    min_items: int = 1
    min_share: float = 0.0
    # The file's own JSON object, kept as it was so a diary can carry the instrument it used.
    definition: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def note(self) -> str:
        return text_in(self.note_text, "en")

    @property
    def scale_min(self) -> float:
        return float(self.scale.low)

    @property
    def scale_max(self) -> float:
        return float(self.scale.high)

    def title(self, language: str = "en") -> str:
        return text_in(self.name, language) or self.id

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def dimension(self, dimension_id: str) -> InstrumentDimension | None:
        return next((d for d in self.dimension_defs if d.id == dimension_id), None)

    def dimensions(self) -> tuple[str, ...]:
        """The dimensions the instrument measures, in the order they are declared."""
        return tuple(d.id for d in self.dimension_defs)

    def required_answers(self, dimension: str) -> int:
        count = sum(1 for i in self.items if i.dimension == dimension)
        return max(self.min_items, math.ceil(self.min_share * count))

    def in_scale(self, value: float) -> bool:
        return self.scale_min <= value <= self.scale_max

    def languages(self) -> tuple[str, ...]:
        """The languages every item is worded in."""
        return tuple(lang for lang in LANGUAGES if all(lang in i.text for i in self.items))
