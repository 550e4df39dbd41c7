"""A small JSON Schema checker for the keywords the checklist schema uses.

The templates are validated against ``resources/checklists/schema.json`` every time they are
loaded. The ``jsonschema`` package is a test dependency only, so this covers the subset the
schema needs — ``type``, ``const``, ``enum``, ``required``, ``properties``,
``additionalProperties: false``, ``items``, ``minItems``, ``minLength``, ``pattern`` and local
``$ref`` — and refuses a schema that uses anything else, so the two can never silently differ.
A test checks that it agrees with ``jsonschema`` on good and broken templates.
"""

from __future__ import annotations

import re
from typing import Any

from app.i18n import _, ngettext

_KNOWN = {"$schema", "$id", "$defs", "title", "description", "type", "const", "enum"}
_KNOWN |= {"required", "properties", "additionalProperties", "items", "minItems"}
_KNOWN |= {"minLength", "pattern", "$ref"}

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


class SchemaProblem(ValueError):
    """The first place where a document breaks its schema: a JSON path and what is wrong."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


def validate(document: Any, schema: dict[str, Any]) -> None:
    """Raise ``SchemaProblem`` at the first place ``document`` breaks ``schema``."""
    _check(document, schema, schema, "$")


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    if not ref.startswith("#/$defs/"):
        raise ValueError(f"unsupported $ref {ref}")
    return _resolve(root["$defs"][ref.removeprefix("#/$defs/")], root)


def _check(value: Any, node: dict[str, Any], root: dict[str, Any], path: str) -> None:
    node = _resolve(node, root)
    unknown = set(node) - _KNOWN
    if unknown:
        raise ValueError(f"unsupported schema keywords {sorted(unknown)}")
    _check_scalar(value, node, path)
    if isinstance(value, dict):
        _check_object(value, node, root, path)
    elif isinstance(value, list):
        if len(value) < node.get("minItems", 0):
            raise SchemaProblem(
                path,
                ngettext(
                    "needs at least {n} item", "needs at least {n} items", node["minItems"]
                ).format(n=node["minItems"]),
            )
        if "items" in node:
            for i, item in enumerate(value):
                _check(item, node["items"], root, f"{path}[{i}]")


def _check_scalar(value: Any, node: dict[str, Any], path: str) -> None:
    kind = node.get("type")
    if kind is not None:
        is_bool = isinstance(value, bool)
        if not isinstance(value, _TYPES[kind]) or (is_bool and kind != "boolean"):
            raise SchemaProblem(path, _("must be of type {kind}").format(kind=kind))
    if "const" in node and not _same(value, node["const"]):
        raise SchemaProblem(path, _("must be {value!r}").format(value=node["const"]))
    if "enum" in node and not any(_same(value, v) for v in node["enum"]):
        choices = ", ".join(str(v) for v in node["enum"])
        raise SchemaProblem(path, _("must be one of: {choices}").format(choices=choices))
    if isinstance(value, str):
        if len(value) < node.get("minLength", 0):
            raise SchemaProblem(path, _("must not be empty"))
        if "pattern" in node and not re.search(node["pattern"], value):
            raise SchemaProblem(path, _("is not a valid id"))


def _same(a: Any, b: Any) -> bool:
    """JSON equality: ``true`` is not ``1`` (Python says it is)."""
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def _check_object(
    value: dict[str, Any], node: dict[str, Any], root: dict[str, Any], path: str
) -> None:
    for name in node.get("required", []):
        if name not in value:
            raise SchemaProblem(path, _("the field {name!r} is missing").format(name=name))
    properties = node.get("properties", {})
    for name, item in value.items():
        if name in properties:
            _check(item, properties[name], root, f"{path}.{name}")
        elif node.get("additionalProperties", True) is False:
            raise SchemaProblem(path, _("unknown field {name!r}").format(name=name))
