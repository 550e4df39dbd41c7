"""The checklist templates shipped in ``resources/checklists``: loaded, validated, looked up.

Each template file holds one checklist of the process model (negotiation, commitment,
execution, assessment). Items have stable ids that marks in the diary refer to, text and a
"why" in English and Finnish, and a scope: ``phase`` items are done once, ``periodic`` ones are
revisited, ``meeting`` items are reminders shown when a meeting is opened.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from app.checklists.schema import SchemaProblem, validate
from app.domain import Phase
from app.i18n import _, language

TEMPLATE_NAMES = ("negotiation", "commitment", "execution", "assessment")


class TemplateError(Exception):
    """A checklist template is missing or malformed; the message says which and where."""


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One item; ``custom`` items are the partnership's own and have only one text."""

    id: str
    checklist: str
    shown_in: tuple[Phase, ...]
    texts: dict[str, str]
    whys: dict[str, str]
    source: str = ""
    scope: str = "phase"
    custom: bool = False

    def text(self, lang: str | None = None) -> str:
        lang = lang or language()
        return self.texts.get(lang) or self.texts.get("en") or next(iter(self.texts.values()))

    def why(self, lang: str | None = None) -> str:
        lang = lang or language()
        return self.whys.get(lang) or self.whys.get("en", "")


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    titles: dict[str, str]
    shown_in: tuple[Phase, ...]
    items: tuple[ChecklistItem, ...]


def _read(name: str) -> Any:
    path = resources.files("resources").joinpath(f"checklists/{name}.json")
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise TemplateError(
            _("The checklist file {name}.json is missing. Reinstall Kumppani.").format(name=name)
        ) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise TemplateError(
            _(
                "The checklist file {name}.json is not valid JSON ({error}). Reinstall Kumppani."
            ).format(name=name, error=exc)
        ) from exc


def parse_template(name: str, data: Any, schema: dict[str, Any]) -> Template:
    """Validate one template document and build it (``TemplateError`` names the problem)."""
    try:
        validate(data, schema)
    except SchemaProblem as exc:
        raise TemplateError(
            _("The checklist file {name}.json is damaged at {path}: {problem}.").format(
                name=name, path=exc.path, problem=exc.message
            )
        ) from exc
    if data["checklist"] != name:
        raise TemplateError(
            _("The checklist file {name}.json holds the {other} checklist.").format(
                name=name, other=data["checklist"]
            )
        )
    shown = tuple(Phase(p) for p in data["shown_in"])
    items = tuple(
        ChecklistItem(
            id=i["id"],
            checklist=name,
            shown_in=shown,
            texts=dict(i["text"]),
            whys=dict(i["why"]),
            source=i["source"],
            scope=i.get("scope", "phase"),
        )
        for i in data["items"]
    )
    return Template(name, dict(data["title"]), shown, items)


@cache
def load_templates() -> tuple[Template, ...]:
    """Every shipped template, validated; raises ``TemplateError`` for a broken one."""
    schema = _read("schema")
    templates = tuple(parse_template(n, _read(n), schema) for n in TEMPLATE_NAMES)
    seen: set[str] = set()
    for template in templates:
        for item in template.items:
            if item.id in seen:
                raise TemplateError(
                    _("The checklist item id {id} appears twice. Reinstall Kumppani.").format(
                        id=item.id
                    )
                )
            seen.add(item.id)
    return templates


def template_items() -> dict[str, ChecklistItem]:
    """Every template item by its id."""
    return {item.id: item for t in load_templates() for item in t.items}


def meeting_items() -> list[ChecklistItem]:
    """The reminders shown when a meeting is opened."""
    return [i for i in template_items().values() if i.scope == "meeting"]
