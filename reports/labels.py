"""The report's fixed wording of the domain's vocabularies, translated in the report's language.

Phases, action statuses and entry types read as in the application (``app.domain.labels``);
roles, event kinds, dimensions and tensions are worded for partners who never saw the app.

Every message here is an English msgid with its Finnish text in ``resources/i18n/fi/reports.po``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.domain import Dimension, EventKind, Role, Tension
from app.domain.labels import ENTRY_TYPES as ENTRY_TYPES
from app.domain.labels import PHASES as PHASES
from app.domain.labels import STATUSES as STATUSES

Tr = Callable[[str], str]

ROLES = {
    Role.CUSTOMER: "Customer",
    Role.PROVIDER: "Provider",
    Role.FACILITATOR: "Facilitator",
    Role.OTHER: "Other partner",
}
KINDS = {
    EventKind.MEETING: "Meeting",
    EventKind.WORKSHOP: "Workshop",
    EventKind.INTERVIEW: "Interview",
    EventKind.FOCUS_GROUP: "Focus group",
    EventKind.QUESTIONNAIRE: "Questionnaire",
    EventKind.PILOT: "Pilot",
    EventKind.FEEDBACK_MEETING: "Feedback meeting",
    EventKind.OTHER: "Other event",
}
DIMENSIONS = {
    Dimension.COMMITMENT: "Own commitment",
    Dimension.PARTNER_COMMITMENT: "Partner's commitment",
    Dimension.EQUITY: "Equity",
    Dimension.EFFICIENCY: "Efficiency",
    Dimension.CLARITY: "Clarity of objectives and roles",
    Dimension.ACTION_CONFIDENCE: "Confidence that ideas become actions",
}
TENSIONS = {
    Tension.ROLES: "Asymmetric roles of customer and provider",
    Tension.EXPLORATION: "Established practice versus exploring new methods",
    Tension.LOGICS: "Operational logic versus co-creation logic",
}
SECTION_TITLES = {
    "contents": "Contents",
    "phase": "Where we are",
    "accomplishments": "What we have achieved so far",
    "actions": "Decisions and the action plan",
    "commitment": "Commitment over time",
    "observations": "Shared observations and tensions",
    "next": "Open questions and next steps",
}

_MONTHS_FI = (
    "tammikuuta",
    "helmikuuta",
    "maaliskuuta",
    "huhtikuuta",
    "toukokuuta",
    "kesäkuuta",
    "heinäkuuta",
    "elokuuta",
    "syyskuuta",
    "lokakuuta",
    "marraskuuta",
    "joulukuuta",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date, language: str) -> str:
    """A date written out ("3 March 2026", "3. maaliskuuta 2026") for the cover."""
    if language == "fi":
        return f"{day.day}. {_MONTHS_FI[day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def short_date(day: date | None, language: str) -> str:
    """A compact date for tables ("2026-03-03", "3.3.2026")."""
    if day is None:
        return "–"
    if language == "fi":
        return f"{day.day}.{day.month}.{day.year}"
    return day.isoformat()


def when_text(when: str, language: str) -> str:
    """An event's date (and time, when it has one) in the report's style."""
    day = date.fromisoformat(when[:10])
    text = short_date(day, language)
    if "T" in when:
        clock = when[11:16]
        text += f" {clock.replace(':', '.')}" if language == "fi" else f" {clock}"
    return text


def number(value: float, language: str) -> str:
    """One decimal, with the decimal comma in Finnish."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "fi" else text


def signed(value: float, language: str) -> str:
    text = f"{value:+.1f}".replace("-", "−")
    return text.replace(".", ",") if language == "fi" else text
