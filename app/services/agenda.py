"""Agendas: the templates shipped in ``resources/agenda`` and what the next meeting remembers.

A template is one kind of session of the paper's Table 1 (values workshop, focus group,
plan-of-action meeting, feedback meeting) with timed items in English and Finnish. The next
meeting of a partnership is proposed agenda items for what is due by its date: open actions,
decisions due for review and ideas parked to be revisited. An agenda is partner-facing (the
minutes print it), so a proposal made from a private entry or action never carries its words:
it gets a neutral title and is proposed unticked; the facilitator sees the text only as a hint.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from sqlite_utils import Database

from app.domain import EventKind, Visibility
from app.domain.model import AgendaItem
from app.domain.validation import AGENDA_MINUTES_MAX, NAME_MAX
from app.i18n import _, language
from app.persistence import actions, entries

TEMPLATE_NAMES = ("values_workshop", "focus_group", "plan_of_action", "feedback_meeting")
# Minutes proposed for an item the next meeting remembers.
PROPOSAL_MINUTES = 5
# The overview lists decisions due for review up to this many days ahead.
REVIEW_HORIZON_DAYS = 14


class AgendaTemplateError(Exception):
    """An agenda template file is missing or malformed; the message says which."""


@dataclass(frozen=True, slots=True)
class TemplateItem:
    titles: dict[str, str]
    minutes: int
    purposes: dict[str, str]


@dataclass(frozen=True, slots=True)
class AgendaTemplate:
    name: str
    kind: EventKind
    titles: dict[str, str]
    duration_minutes: int
    items: tuple[TemplateItem, ...]

    def title(self, lang: str | None = None) -> str:
        return _pick(self.titles, lang)

    def agenda(self, lang: str | None = None) -> list[AgendaItem]:
        """Fresh agenda items (new ids) in ``lang`` (the interface's language by default)."""
        return [
            AgendaItem(_pick(i.titles, lang), i.minutes, _pick(i.purposes, lang) or None)
            for i in self.items
        ]


def _pick(texts: dict[str, str], lang: str | None) -> str:
    return texts.get(lang or language()) or texts.get("en", "")


def _texts(value: Any, where: str, required: bool = True) -> dict[str, str]:
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or not isinstance(value.get("en"), str):
        raise AgendaTemplateError(where)
    return {k: v for k, v in value.items() if isinstance(v, str)}


def _parse(name: str, data: Any) -> AgendaTemplate:
    try:
        if data.get("format") != "kumppani-agenda" or data.get("version") != 1:
            raise AgendaTemplateError("format")
        items = []
        for i, raw in enumerate(data["items"]):
            minutes = raw["minutes"]
            if not isinstance(minutes, int) or not 0 <= minutes <= AGENDA_MINUTES_MAX:
                raise AgendaTemplateError(f"items[{i}].minutes")
            titles = _texts(raw.get("title"), f"items[{i}].title")
            items.append(TemplateItem(titles, minutes, _texts(raw.get("purpose"), "", False)))
        return AgendaTemplate(
            name,
            EventKind(data["kind"]),
            _texts(data.get("title"), "title"),
            int(data["duration_minutes"]),
            tuple(items),
        )
    except (AgendaTemplateError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise AgendaTemplateError(
            _("The agenda template {name}.json is damaged ({where}). Reinstall Kumppani.").format(
                name=name, where=exc
            )
        ) from exc


@cache
def templates() -> tuple[AgendaTemplate, ...]:
    """The agenda templates, in the order of the process (raises ``AgendaTemplateError``)."""
    found = []
    for name in TEMPLATE_NAMES:
        path = resources.files("resources").joinpath(f"agenda/{name}.json")
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise AgendaTemplateError(
                _("The agenda template {name}.json cannot be read. Reinstall Kumppani.").format(
                    name=name
                )
            ) from exc
        found.append(_parse(name, data))
    return tuple(found)


# -- what the next meeting remembers ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Proposal:
    """An agenda item proposed for the next meeting; ``detail`` is for the facilitator only."""

    source: str  # "action", "decision" or "idea"
    pk: int
    title: str
    detail: str
    private: bool
    minutes: int = PROPOSAL_MINUTES

    def item(self) -> AgendaItem:
        return AgendaItem(self.title, self.minutes)


def _title(prefix: str, text: str) -> str:
    line = " ".join(text.split())
    title = prefix.format(text=line)
    return title if len(title) <= NAME_MAX else title[: NAME_MAX - 1] + "…"


def proposals(db: Database, partnership_pk: int, day: date) -> list[Proposal]:
    """Agenda items for a meeting on ``day``: open actions due by then, decisions due for
    review and ideas parked to be revisited by then."""
    found: list[Proposal] = []
    for a in actions.list_actions(db, partnership_pk):
        if a.pk is None or not a.is_open_on(day) or a.due_on is None or a.due_on > day:
            continue
        private = a.visibility is Visibility.PRIVATE
        title = _("Follow up a private action") if private else _title(_("Action: {text}"), a.text)
        found.append(Proposal("action", a.pk, title, a.text, private))
    for e in entries.decisions_for_review(db, partnership_pk, day):
        private = e.visibility is Visibility.PRIVATE
        title = _("Review a private decision") if private else _title(_("Review: {text}"), e.text)
        found.append(Proposal("decision", e.pk or 0, title, e.text, private))
    for e in entries.ideas_to_revisit(db, partnership_pk, day):
        private = e.visibility is Visibility.PRIVATE
        title = (
            _("Revisit a private idea") if private else _title(_("Revisit idea: {text}"), e.text)
        )
        found.append(Proposal("idea", e.pk or 0, title, e.text, private))
    return found


def review_horizon(day: date) -> date:
    """The last day the overview looks ahead to for decisions due for review."""
    return day + timedelta(days=REVIEW_HORIZON_DAYS)
