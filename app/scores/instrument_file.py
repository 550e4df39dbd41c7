"""Reading an instrument file: every field checked, every mistake named by its place in the file.

The file format is documented in ``docs/instruments.md`` and as a JSON Schema in
``resources/schema/instrument.schema.json`` (a test keeps the two in agreement). The checks here
go further than the schema can (an item's dimension must be one the file declares, the scale's
labels must be points of the scale) and name the field as a path, for example
``items[2].dimension: no dimension "synergi" among dimensions``.

Older instrument files (Kumppani 0.1: item texts as plain strings, items pointing straight at
Kumppani's rating dimensions, no ``dimensions`` list) still load: a plain string is the English
text, and a missing ``dimensions`` list declares Kumppani's dimensions that the items use.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.domain import Dimension
from app.i18n import _
from app.scores.instrument_model import (
    LANGUAGES,
    Instrument,
    InstrumentDimension,
    InstrumentError,
    Item,
    Scale,
    Text,
)

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}$")
_TOP = {"id", "name", "validated", "note", "source", "instructions", "scale", "missing"}
_TOP |= {"dimensions", "items", "$schema"}
_DEFAULT_LABELS = {
    "yes_no": {"0": {"en": "no", "fi": "ei"}, "1": {"en": "yes", "fi": "kyllä"}},
}


def _fail(path: str, message: str) -> InstrumentError:
    return InstrumentError(f"{path}: {message}")


def _object(value: Any, path: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path or "instrument", _("must be an object"))
    unknown = sorted(set(value) - allowed)
    if unknown:
        where = f"{path}.{unknown[0]}" if path else str(unknown[0])
        raise _fail(where, _("is not a field of an instrument file"))
    return value


def _required(data: Mapping[str, Any], name: str, path: str) -> Any:
    if name not in data or data[name] is None:
        raise _fail(f"{path}.{name}" if path else name, _("the field is missing"))
    return data[name]


def _ident(value: Any, path: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise _fail(
            path, _("must be an id: letters, digits, '-', '_' or '.', at most 80 characters")
        )
    return value


def _text(value: Any, path: str, required: bool = True) -> Text:
    """A text in one or both languages: ``"…"`` (English) or ``{"en": "…", "fi": "…"}``."""
    if value is None and not required:
        return {}
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict):
        raise _fail(path, _('must be a text or an object {"en": …, "fi": …}'))
    result: Text = {}
    for lang, text in value.items():
        if lang not in LANGUAGES:
            raise _fail(f"{path}.{lang}", _("is not a language Kumppani knows (en, fi)"))
        if not isinstance(text, str) or (required and not text.strip()):
            raise _fail(f"{path}.{lang}", _("must be a text that is not empty"))
        if len(text) > 2000:
            raise _fail(f"{path}.{lang}", _("is longer than 2,000 characters"))
        result[lang] = text.strip()
    if required and not result:
        raise _fail(path, _("must hold the text in at least one language"))
    return result


def _number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise _fail(path, _("must be a number"))
    return float(value)


def _scale(value: Any) -> Scale:
    data = _object(value, "scale", {"kind", "min", "max", "labels", "min_label", "max_label"})
    kind = data.get("kind", "points")
    if kind not in ("points", "yes_no"):
        raise _fail("scale.kind", _('must be "points" or "yes_no"'))
    if kind == "yes_no":
        low, high = 0, 1
    else:
        low = int(_number(_required(data, "min", "scale"), "scale.min"))
        high = int(_number(_required(data, "max", "scale"), "scale.max"))
        if data["min"] != low or data["max"] != high:
            raise _fail("scale", _("the scale's points must be whole numbers"))
        if high <= low:
            raise _fail("scale.max", _("must be above scale.min"))
        if high - low > 10:
            raise _fail("scale.max", _("a scale has at most 11 points"))
    raw_labels = data.get("labels", _DEFAULT_LABELS.get(kind, {}))
    if not isinstance(raw_labels, dict):
        raise _fail("scale.labels", _('must be an object {"1": {"en": …, "fi": …}, …}'))
    labels: dict[int, Text] = {}
    for key, text in raw_labels.items():
        if not key.lstrip("-").isdigit() or not low <= int(key) <= high:
            raise _fail(f"scale.labels.{key}", _("is not a point of the scale"))
        labels[int(key)] = _text(text, f"scale.labels.{key}")
    # Kumppani 0.1 files: labels of the two ends only.
    for key, point in (("min_label", low), ("max_label", high)):
        if data.get(key):
            labels.setdefault(point, _text(data[key], f"scale.{key}"))
    return Scale(kind=kind, low=low, high=high, labels=labels)


def _dimensions(value: Any, items: list[Any]) -> tuple[InstrumentDimension, ...]:
    if value is None:  # Kumppani 0.1: the items name Kumppani's dimensions directly.
        used = [i.get("dimension") for i in items if isinstance(i, dict)]
        known = {d.value for d in Dimension}
        return tuple(
            InstrumentDimension(id=d, label={}, maps_to=Dimension(d))
            for d in dict.fromkeys(used)
            if isinstance(d, str) and d in known
        )
    if not isinstance(value, list) or not value:
        raise _fail("dimensions", _("must be a list of at least one dimension"))
    found: list[InstrumentDimension] = []
    for n, raw in enumerate(value):
        path = f"dimensions[{n}]"
        data = _object(raw, path, {"id", "label", "maps_to", "scoring"})
        dim_id = _ident(_required(data, "id", path), f"{path}.id")
        if any(d.id == dim_id for d in found):
            raise _fail(f"{path}.id", _('the dimension "{id}" is declared twice').format(id=dim_id))
        maps_to = data.get("maps_to")
        if maps_to is not None and maps_to not in {d.value for d in Dimension}:
            choices = ", ".join(d.value for d in Dimension)
            raise _fail(f"{path}.maps_to", _("must be one of: {choices}").format(choices=choices))
        if data.get("scoring", "mean") != "mean":
            raise _fail(f"{path}.scoring", _('must be "mean" (the mean of its items)'))
        found.append(
            InstrumentDimension(
                id=dim_id,
                label=_text(_required(data, "label", path), f"{path}.label"),
                maps_to=Dimension(maps_to) if maps_to else None,
            )
        )
    return tuple(found)


def _items(value: Any, dimensions: tuple[InstrumentDimension, ...]) -> tuple[Item, ...]:
    if not isinstance(value, list) or not value:
        raise _fail("items", _("must be a list of at least one item"))
    declared = {d.id for d in dimensions}
    items: list[Item] = []
    for n, raw in enumerate(value):
        path = f"items[{n}]"
        data = _object(raw, path, {"id", "dimension", "text", "reverse", "required"})
        item_id = _ident(_required(data, "id", path), f"{path}.id")
        if any(i.id == item_id for i in items):
            raise _fail(
                f"{path}.id", _('the instrument repeats the item "{id}"').format(id=item_id)
            )
        dimension = _required(data, "dimension", path)
        if dimension not in declared:
            raise _fail(
                f"{path}.dimension",
                _('no dimension "{id}" among dimensions').format(id=str(dimension)[:80]),
            )
        for flag in ("reverse", "required"):
            if not isinstance(data.get(flag, False), bool):
                raise _fail(f"{path}.{flag}", _("must be true or false"))
        items.append(
            Item(
                id=item_id,
                dimension=dimension,
                text=_text(data.get("text"), f"{path}.text", required=False),
                reverse=data.get("reverse", False),
                required=data.get("required", False),
            )
        )
    return tuple(items)


def _missing(value: Any) -> tuple[int, float]:
    data = _object(value or {}, "missing", {"min_items", "min_share"})
    min_items = data.get("min_items", 1)
    if isinstance(min_items, bool) or not isinstance(min_items, int) or min_items < 1:
        raise _fail("missing.min_items", _("must be a whole number of at least 1"))
    share = _number(data.get("min_share", 0.0), "missing.min_share")
    if not 0.0 <= share <= 1.0:
        raise _fail("missing.min_share", _("must be a number from 0 to 1"))
    return min_items, share


def parse_instrument(data: Any) -> Instrument:
    """Build an instrument from its JSON object; ``InstrumentError`` names the field at fault."""
    top = _object(data, "", _TOP)
    instrument_id = _ident(_required(top, "id", ""), "id")
    raw_items = _required(top, "items", "")
    dimensions = _dimensions(
        top.get("dimensions"), raw_items if isinstance(raw_items, list) else []
    )
    items = _items(raw_items, dimensions)
    validated = top.get("validated", False)
    if not isinstance(validated, bool):
        raise _fail("validated", _("must be true or false"))
    min_items, min_share = _missing(top.get("missing"))
    used = {i.dimension for i in items}
    unused = [d.id for d in dimensions if d.id not in used]
    if unused:
        raise _fail("dimensions", _('the dimension "{id}" has no items').format(id=unused[0]))
    return Instrument(
        id=instrument_id,
        name=_text(top.get("name", instrument_id), "name"),
        items=items,
        dimension_defs=dimensions,
        scale=_scale(top.get("scale", {"min": 1, "max": 5})),
        validated=validated,
        note_text=_text(top.get("note"), "note", required=False),
        source=_text(top.get("source"), "source", required=False),
        instructions=_text(top.get("instructions"), "instructions", required=False),
        min_items=min_items,
        min_share=min_share,
    )
