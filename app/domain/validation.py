"""Validation rules of the domain: one place that says what a valid record is.

Each ``check_*`` function returns the problems it finds, each naming the field; ``ensure`` turns
them into one ``ValidationError`` whose message a dialog or the command line shows as it is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.model import parse_when
from app.i18n import _, ngettext

if TYPE_CHECKING:
    from app.domain.model import (
        Action,
        AgendaItem,
        CycleDecision,
        DecisionRecord,
        Entry,
        Event,
        IdeaFate,
        Measurement,
        Objective,
        Organization,
        Partnership,
        Person,
        Rating,
    )

NAME_MAX = 200
TEXT_MAX = 1_000_000
LANGUAGES = ("en", "fi")
# The longest event: a year (a pilot can run for months; anything longer is a typing mistake).
DURATION_MAX = 525_600
# A meeting's place (a room or a link) and the longest agenda item (ten hours).
PLACE_MAX = 500
AGENDA_MINUTES_MAX = 600
RATING_MIN, RATING_MAX = 1, 5
UNIT_MAX = 40
# A partner report prints a questionnaire result for a side only with this many respondents.
MIN_GROUP_SIZE = (2, 50)
# Objectives' targets and measured values: finite and at most this large either way.
VALUE_LIMIT = 1e12


@dataclass(frozen=True, slots=True)
class Problem:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    """One or more problems with a record; ``str()`` lists them, one per line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def ensure(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _required_text(value: str | None, name: str, limit: int = NAME_MAX) -> list[Problem]:
    if value is None or not value.strip():
        return [Problem(name, _("must not be empty"))]
    if len(value) > limit:
        return [
            Problem(
                name,
                ngettext(
                    "must be at most {n} character", "must be at most {n} characters", limit
                ).format(n=limit),
            )
        ]
    return []


def _optional_text(value: str | None, name: str, limit: int = TEXT_MAX) -> list[Problem]:
    if value is not None and len(value) > limit:
        return [
            Problem(
                name,
                ngettext(
                    "must be at most {n} character", "must be at most {n} characters", limit
                ).format(n=limit),
            )
        ]
    return []


def check_partnership(p: Partnership) -> list[Problem]:
    problems = _required_text(p.name, "name")
    problems += _optional_text(p.description, "description")
    if p.language not in LANGUAGES:
        problems.append(Problem("language", _("must be 'en' or 'fi'")))
    if not p.phases:
        problems.append(Problem("phases", _("a partnership needs at least one phase")))
    for i, (a, b) in enumerate(zip(p.phases, p.phases[1:], strict=False)):
        if b.from_on < a.from_on:
            problems.append(
                Problem(f"phases[{i + 1}].from", _("phases must be in chronological order"))
            )
    problems += _optional_text(p.vision, "vision") + _optional_text(p.pilot_scope, "pilot_scope")
    low, high = MIN_GROUP_SIZE
    if not low <= p.min_group_size <= high:
        problems.append(
            Problem(
                "min_group_size",
                _("must be a whole number from {low} to {high}").format(low=low, high=high),
            )
        )
    if p.planned_end_on is not None and p.planned_end_on < p.started_on:
        problems.append(Problem("planned_end_on", _("must not be before the partnership started")))
    return problems


def check_value(value: float | None, name: str) -> list[Problem]:
    """A target or measured value: a finite number within ±10¹²."""
    if value is None or (math.isfinite(value) and abs(value) <= VALUE_LIMIT):
        return []
    return [Problem(name, _("must be a finite number between -10^12 and 10^12"))]


def check_objective(o: Objective) -> list[Problem]:
    problems = _required_text(o.text, "text", TEXT_MAX)
    problems += check_value(o.target_value, "target_value")
    if o.unit is not None:
        problems += _required_text(o.unit, "unit", UNIT_MAX)
    for i, m in enumerate(o.measurements):
        problems += [
            Problem(f"measurements[{i}].{p.field}", p.message) for p in check_measurement(m)
        ]
    return problems


def check_measurement(m: Measurement) -> list[Problem]:
    return check_value(m.value, "value") + _optional_text(m.note, "note")


def check_fate(f: IdeaFate) -> list[Problem]:
    """A parked idea needs a date to revisit it (on or after it was parked), any fate a reason."""
    problems = _required_text(f.reason, "reason", TEXT_MAX)
    if f.status.value == "parked" and f.revisit_on is None:
        problems.append(Problem("revisit_on", _("a parked idea needs a date to revisit it")))
    if f.status.value == "declined" and f.revisit_on is not None:
        problems.append(Problem("revisit_on", _("a declined idea is not revisited")))
    if f.revisit_on is not None and f.revisit_on < f.on:
        problems.append(Problem("revisit_on", _("must not be before the idea was parked")))
    return problems


def check_decision(d: DecisionRecord) -> list[Problem]:
    problems = _optional_text(d.disagreement, "disagreement")
    if len(set(d.agreed_by)) != len(d.agreed_by):
        problems.append(Problem("agreed_by", _("an organization is listed twice")))
    return problems


def check_cycle_decision(c: CycleDecision, p: Partnership) -> list[Problem]:
    """``renegotiate`` goes with a step back to negotiation on the same day, ``end`` with a step
    to ended."""
    step = {"renegotiate": "negotiation", "end": "ended"}.get(c.outcome.value)
    problems = _optional_text(c.note, "note")
    if step and not any(m.phase.value == step and m.from_on == c.decided_on for m in p.phases):
        problems.append(
            Problem(
                "outcome",
                _('"{outcome}" needs a phase step to "{phase}" on {day}').format(
                    outcome=c.outcome.value, phase=step, day=c.decided_on.isoformat()
                ),
            )
        )
    return problems


def check_organization(o: Organization) -> list[Problem]:
    return _required_text(o.name, "name")


# An e-mail address as calendars take it: one @, something before it, a dotted domain after
# it, no spaces or angle brackets (a display name "Anna <anna@x.fi>" is not an address).
EMAIL_MAX = 254
_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]{2,}$")


def email_problem(value: str | None) -> str | None:
    """Why ``value`` is not an e-mail address (None: it is one, or it is left empty)."""
    if value is None or value == "":
        return None
    if len(value) > EMAIL_MAX:
        return ngettext(
            "must be at most {n} character", "must be at most {n} characters", EMAIL_MAX
        ).format(n=EMAIL_MAX)
    if not _EMAIL.match(value) or ".." in value:
        return _("is not an e-mail address (like name@example.fi)")
    return None


def check_person(p: Person) -> list[Problem]:
    problems = _required_text(p.name, "name") + _optional_text(p.title, "title", NAME_MAX)
    wrong = email_problem(p.email)
    if wrong:
        problems.append(Problem("email", wrong))
    return problems


def check_when(value: str, name: str = "date") -> list[Problem]:
    try:
        parse_when(value)
    except (ValueError, TypeError):
        return [Problem(name, _("must be a date YYYY-MM-DD or YYYY-MM-DDTHH:MM"))]
    return []


def check_event(e: Event) -> list[Problem]:
    problems = _required_text(e.title, "title", NAME_MAX)
    problems += check_when(e.when)
    if e.duration_minutes is not None and e.duration_minutes < 0:
        problems.append(Problem("duration_minutes", _("must not be negative")))
    elif e.duration_minutes is not None and e.duration_minutes > DURATION_MAX:
        problems.append(
            Problem(
                "duration_minutes",
                ngettext(
                    "must be at most {n} minute", "must be at most {n} minutes", DURATION_MAX
                ).format(n=DURATION_MAX),
            )
        )
    problems += _optional_text(e.purpose, "purpose")
    problems += _optional_text(e.place, "place", PLACE_MAX)
    ids: set[str] = set()
    for i, item in enumerate(e.agenda):
        problems += [Problem(f"agenda[{i}].{p.field}", p.message) for p in check_agenda_item(item)]
        if item.id in ids:
            problems.append(Problem(f"agenda[{i}].id", _("this agenda item is listed twice")))
        ids.add(item.id)
    seen: set[int] = set()
    for i, part in enumerate(e.participants):
        if part.person in seen:
            problems.append(Problem(f"participants[{i}]", _("this person is listed twice")))
        seen.add(part.person)
    for i, r in enumerate(e.ratings):
        problems += [Problem(f"ratings[{i}].{p.field}", p.message) for p in check_rating(r)]
    return problems


def check_agenda_item(a: AgendaItem) -> list[Problem]:
    """A title of 1–200 characters and a whole number of minutes from 0 to 600."""
    problems = _required_text(a.title, "title", NAME_MAX)
    if isinstance(a.minutes, bool) or not isinstance(a.minutes, int):
        problems.append(Problem("minutes", _("must be a whole number of minutes")))
    elif not 0 <= a.minutes <= AGENDA_MINUTES_MAX:
        problems.append(
            Problem(
                "minutes",
                _("must be from 0 to {n} minutes").format(n=AGENDA_MINUTES_MAX),
            )
        )
    return problems + _optional_text(a.purpose, "purpose")


def check_rating(r: Rating) -> list[Problem]:
    if not isinstance(r.value, (int, float)) or isinstance(r.value, bool):
        return [Problem("value", _("must be a number from 1 to 5"))]
    if not 1 <= r.value <= 5:
        return [Problem("value", _("must be from 1 to 5, not {v}").format(v=r.value))]
    return []


def check_entry(e: Entry) -> list[Problem]:
    problems = _required_text(e.text, "text", TEXT_MAX)
    if len(set(e.tensions)) != len(e.tensions):
        problems.append(Problem("tensions", _("a tension is listed twice")))
    if e.fate is not None:
        if e.type.value != "idea":
            problems.append(Problem("fate", _("only an idea has a fate")))
        problems += [Problem(f"fate.{p.field}", p.message) for p in check_fate(e.fate)]
    if e.decision is not None:
        if e.type.value != "decision":
            problems.append(Problem("decision", _("only a decision has a decision record")))
        problems += [Problem(f"decision.{p.field}", p.message) for p in check_decision(e.decision)]
    return problems


def check_action(a: Action) -> list[Problem]:
    problems = _required_text(a.text, "text", TEXT_MAX)
    if a.due_on is not None and a.due_on < a.created_on:
        problems.append(Problem("due_on", _("must not be before the action was created")))
    if a.status.is_closed and a.done_on is None:
        problems.append(Problem("done_on", _("a done or dropped action needs the date it ended")))
    if a.done_on is not None and a.done_on < a.created_on:
        problems.append(Problem("done_on", _("must not be before the action was created")))
    return problems
