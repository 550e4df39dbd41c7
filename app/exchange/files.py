"""Reading and writing partnership files on disk, with messages a user can act on."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from app.domain.labels import file_kind_name, os_reason
from app.domain.validation import Problem
from app.exchange.errors import ExchangeError, single
from app.exchange.reader import child, printable
from app.i18n import _
from app.safety.output import NotARegularFile, require_regular_input, write_output


def _no_constants(name: str) -> Any:
    # JSON has no NaN or Infinity; Python's reader would accept them silently.
    raise ValueError(name)


class _Repeated(dict[str, Any]):
    """A JSON object in which a key appears more than once (the last value was kept)."""

    repeated: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d: dict[str, Any] = {}
    repeated = []
    for key, value in pairs:
        if key in d:
            repeated.append(key)
        d[key] = value
    if not repeated:
        return d
    marked = _Repeated(d)
    marked.repeated = repeated
    return marked


def _repeated_keys(document: Any) -> list[Problem]:
    """Every key that appears twice in one object, with its JSON path."""
    problems = []
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Repeated):
            problems += [
                Problem(printable(child(path, key)), _("the field appears more than once"))
                for key in dict.fromkeys(value.repeated)
            ]
        if isinstance(value, dict):
            stack += [(child(path, k), v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(child(path, i), v) for i, v in enumerate(value)]
    return sorted(problems, key=lambda p: p.field)


def load_file(path: Path | str) -> Any:
    """The parsed JSON of a partnership file; ``ExchangeError`` says why it cannot be read."""
    path = Path(path)
    try:
        require_regular_input(path)  # a pipe or a device would be read for ever
        raw = path.read_bytes()
    except FileNotFoundError:
        raise single(_("There is no file {path}.").format(path=path)) from None
    except IsADirectoryError:
        raise single(_("{path} is a folder, not a partnership file.").format(path=path)) from None
    except NotARegularFile as exc:
        raise single(
            _("{path} is {kind}, not a file.").format(path=path, kind=file_kind_name(exc.kind))
        ) from None
    except OSError as exc:
        raise single(
            _("The file {path} cannot be read: {reason}.").format(path=path, reason=exc.strerror)
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise single(
            _("{path} is not a text file in UTF-8, so it is not a partnership file.").format(
                path=path
            )
        ) from None
    try:
        document = json.loads(text, parse_constant=_no_constants, object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        raise single(
            _("{path} is not valid JSON: {reason} at line {line}, column {column}.").format(
                path=path, reason=exc.msg, line=exc.lineno, column=exc.colno
            )
        ) from None
    except (ValueError, RecursionError):
        raise single(_("{path} is not valid JSON.").format(path=path)) from None
    # Python keeps the last of two equal keys silently; the file is ambiguous, so say where.
    repeated = _repeated_keys(document)
    if repeated:
        raise ExchangeError(repeated)
    return document


def dumps(document: dict[str, Any]) -> str:
    """The canonical text of a partnership file: UTF-8 JSON, two-space indents, final newline."""
    if not isinstance(document.get("events", []), list):
        document = {**document, "events": list(document["events"])}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


_PLACE = "\x00events\x00"


def write_document(document: dict[str, Any], out: TextIO) -> None:
    """Write ``dumps(document)`` to ``out`` piece by piece: an ``events`` given as an iterable
    (``export.EventStream``) is written one event at a time, in the same canonical text."""
    stream = document.get("events", [])
    events = iter(stream)
    first = None if isinstance(stream, list) else next(events, None)
    if first is None:  # a list, or no events at all: written whole
        out.write(dumps({**document, "events": list(stream) if isinstance(stream, list) else []}))
        return
    text = dumps({**document, "events": [_PLACE]})
    head, tail = text.split("    " + json.dumps(_PLACE) + "\n", 1)
    out.write(head)
    for i, event in enumerate(itertools.chain([first], events)):
        piece = json.dumps(event, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        out.write(("    " if i == 0 else ",\n    ") + piece)
    out.write("\n" + tail)


def _write_utf8(document: dict[str, Any], out: BinaryIO) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    write_document(document, text)  # events one at a time when they come from the diary
    text.flush()
    text.detach()  # the caller closes the file


def save_file(document: dict[str, Any], path: Path | str) -> None:
    """Write a partnership file atomically and readable by the user only (it holds private
    entries): a crash or a full disk leaves the old file or the new, never half."""
    path = Path(path)
    try:
        write_output(path, lambda out: _write_utf8(document, out), private=True)
    except OSError as exc:
        raise single(
            _("Cannot write {path}: {reason}.").format(path=path, reason=os_reason(exc))
        ) from None
