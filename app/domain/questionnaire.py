"""Questionnaire waves and the responses collected in them (plain records)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.enums import Level
from app.domain.model import new_id


@dataclass
class Response:
    """One respondent's answers in one wave; anonymous unless ``person`` or ``pseudonym``."""

    organization: int  # the respondent's side: an organization's key
    answers: dict[str, float]  # item id → answer on the instrument's scale (unanswered: absent)
    level: Level | None = None
    person: int | None = None
    pseudonym: str | None = None
    comment: str | None = None
    form: str | None = None  # the id of the paper or PDF form it came from
    id: str = field(default_factory=new_id)
    pk: int | None = None


@dataclass
class Wave:
    """One round of a questionnaire: an instrument given on a day, in a language."""

    title: str
    instrument: str  # the instrument's id
    held_on: date
    language: str | None = None  # "en" or "fi": the forms' language
    event: int | None = None  # key of the questionnaire event its ratings are kept on
    id: str = field(default_factory=new_id)
    pk: int | None = None


# The fields of a fillable questionnaire form (reports.questionnaire_form writes them, the
# collecting use case reads them back). The three ids are hidden fields.
FIELD_PARTNERSHIP = "kumppani_partnership"
FIELD_WAVE = "kumppani_wave"
FIELD_FORM = "kumppani_form"
FIELD_ORGANIZATION = "organization"
FIELD_LEVEL = "level"
FIELD_NAME = "name"
FIELD_COMMENT = "comment"
ITEM_PREFIX = "item_"
