"""The report's fixed wording of the domain's vocabularies, translated in the report's language.

Phases, action statuses and entry types read as in the application (``app.domain.labels``);
roles, event kinds, dimensions and tensions are worded for partners who never saw the app.

Every message here is an English msgid marked with ``N_`` for extraction into the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from app import dates
from app.domain import Dimension, EventKind, Phase, Role, Tension
from app.domain.enums import Outcome
from app.domain.labels import ENTRY_TYPES as ENTRY_TYPES
from app.domain.labels import PHASES as PHASES
from app.domain.labels import STATUSES as STATUSES
from app.i18n import N_

Tr = Callable[[str], str]

# The partners' end-of-cycle decision, as a report says it after "On {date} the partners".
DECIDED = {
    Outcome.CONTINUE: N_("On {date} the partners decided to continue the partnership."),
    Outcome.RENEGOTIATE: N_(
        "On {date} the partners decided to renegotiate: the partnership went back to negotiation."
    ),
    Outcome.ROUTINE: N_("On {date} the partners decided to make the work part of their routine."),
    Outcome.END: N_("On {date} the partners decided to end the partnership."),
}


def phase_sentences(
    phase_now: Phase | None, outcomes: tuple[tuple[date, Outcome], ...], tr: Tr, language: str
) -> str:
    """Where the partnership stands and the partners' end-of-cycle decisions, in sentences."""
    out = []
    if phase_now == Phase.ENDED:
        out.append(tr("The partnership has ended."))
    elif phase_now is not None:
        out.append(tr("The phase in force is {phase}.").format(phase=tr(PHASES[phase_now]).lower()))
    out += [tr(DECIDED[o]).format(date=long_date(d, language)) for d, o in outcomes]
    return " ".join(out)


ROLES = {
    Role.CUSTOMER: N_("Customer"),
    Role.PROVIDER: N_("Provider"),
    Role.FACILITATOR: N_("Facilitator"),
    Role.OTHER: N_("Other partner"),
}
KINDS = {
    EventKind.MEETING: N_("Meeting"),
    EventKind.WORKSHOP: N_("Workshop"),
    EventKind.INTERVIEW: N_("Interview"),
    EventKind.FOCUS_GROUP: N_("Focus group"),
    EventKind.QUESTIONNAIRE: N_("Questionnaire"),
    EventKind.PILOT: N_("Pilot"),
    EventKind.FEEDBACK_MEETING: N_("Feedback meeting"),
    EventKind.OTHER: N_("Other event"),
}
DIMENSIONS = {
    Dimension.COMMITMENT: N_("Own commitment"),
    Dimension.PARTNER_COMMITMENT: N_("Partner's commitment"),
    Dimension.EQUITY: N_("Equity"),
    Dimension.EFFICIENCY: N_("Efficiency"),
    Dimension.CLARITY: N_("Clarity of objectives and roles"),
    Dimension.ACTION_CONFIDENCE: N_("Confidence that ideas become actions"),
    Dimension.TRUST: N_("Trust"),
}
TENSIONS = {
    Tension.ROLES: N_("Asymmetric roles of customer and provider"),
    Tension.EXPLORATION: N_("Established practice versus exploring new methods"),
    Tension.LOGICS: N_("Operational logic versus co-creation logic"),
}
SECTION_TITLES = {
    "contents": N_("Contents"),
    "glance": N_("At a glance"),
    "phase": N_("Where we are"),
    "accomplishments": N_("What we have achieved so far"),
    "actions": N_("Decisions and the action plan"),
    "commitment": N_("Commitment over time"),
    "equity": N_("Equity as the partners see it"),
    "observations": N_("Shared observations and tensions"),
    "learning": N_("Learning log"),
    "next": N_("Open questions and next steps"),
}


def section_title(key: str, tr: Tr) -> str:
    """The heading of the report section ``key`` in the report's language."""
    return tr(SECTION_TITLES[key])


def long_date(day: date, language: str) -> str:
    """A date written out ("3 March 2026", "3. maaliskuuta 2026") for the cover."""
    return dates.long_date(day, language)


def short_date(day: date | None, language: str) -> str:
    """A compact date for tables ("2026-03-03", "3.3.2026")."""
    if day is None:
        return "–"
    return dates.short_date(day, language)


def when_text(when: str, language: str) -> str:
    """An event's date (and time, when it has one) in the report's style."""
    day = date.fromisoformat(when[:10])
    text = short_date(day, language)
    if "T" in when:
        text += " " + dates.short_time(time.fromisoformat(when[11:16]), language)
    return text


def count(n: int, language: str) -> str:
    """A whole number with its thousands grouped: 17,705 in English, 17 705 in Finnish."""
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if language == "fi" else text


def number(value: float, language: str) -> str:
    """One decimal, with the decimal comma in Finnish."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "fi" else text


def signed(value: float, language: str) -> str:
    text = f"{value:+.1f}".replace("-", "−")
    return text.replace(".", ",") if language == "fi" else text
