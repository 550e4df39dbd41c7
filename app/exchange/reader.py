"""Reading untrusted JSON values field by field, collecting every problem with its JSON path.

A ``Reader`` never raises for bad data: each method returns ``None`` (or an empty list) when the
value is missing or has the wrong type, and records a ``Problem`` whose field is the JSON path
(``events[3].participants[0].person``). The parser builds records only from clean values, so
one bad field does not hide the problems of the rest of the file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from app.domain.days import iso_day, iso_moment
from app.domain.model import parse_when
from app.domain.validation import TEXT_MAX, Problem
from app.i18n import _, ngettext

E = TypeVar("E", bound=StrEnum)

_MISSING = object()

# The longest text of any field: the domain's limit of an entry's text.
TEXT_LIMIT = TEXT_MAX


# Control characters (Unicode category Cc) other than tab and line breaks, and lone halves of
# surrogate pairs (Cs): what the app's own text check (``app.safety.text``) refuses.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSTORABLE_IN_IDS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# What a message must not carry from the file: any control character (an ESC would drive the
# terminal, a line break would split the message), line separators, broken surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` (a path or a message quoting the file) with unprintable characters spelled as
    JSON escapes (``\\u001b``), so that it stays one harmless line."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def child(path: str, key: str | int) -> str:
    """The JSON path of a field or an array element below ``path``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class Reader:
    """Collects problems while values are taken out of parsed JSON."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._seen: set[Problem] = set()

    def add(self, path: str, message: str) -> None:
        problem = Problem(printable(path) or "(file)", printable(message))
        # A field can be looked at twice (its presence, then its content); say it once.
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    def obj(
        self, value: object, path: str, required: Collection[str], optional: Collection[str] = ()
    ) -> dict[str, Any] | None:
        """``value`` as an object with exactly the allowed fields, else None (and problems)."""
        if not isinstance(value, dict):
            self.add(path, _("must be an object {…}"))
            return None
        clean = True
        for key in value:
            if key not in required and key not in optional:
                self.add(child(path, key), _("unknown field"))
                clean = False
        for key in required:
            if key not in value:
                self.add(child(path, key), _("missing field"))
                clean = False
        return value if clean else None

    def _get(self, d: Mapping[str, Any], key: str, path: str, required: bool) -> Any:
        value = d.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.add(child(path, key), _("missing value") if key in d else _("missing field"))
            return _MISSING
        return value

    def text(
        self,
        d: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = True,
        breaks: bool = True,
    ) -> str | None:
        """A text string as the app would store it: no control characters (NUL, ESC, BEL, …);
        tab and line breaks only where ``breaks`` allows them (not in ids)."""
        value = self._get(d, key, path, required)
        if value is _MISSING:
            return None
        if not isinstance(value, str):
            self.add(child(path, key), _("must be a text string"))
            return None
        return self.clean_text(value, child(path, key), breaks=breaks)

    def clean_text(self, value: str, path: str, *, breaks: bool = True) -> str | None:
        """``value`` if it holds only characters the diary stores faithfully, else a problem."""
        if len(value) > TEXT_LIMIT:
            message = ngettext(
                "must be at most {n} character", "must be at most {n} characters", TEXT_LIMIT
            )
            self.add(path, message.format(n=TEXT_LIMIT))
            return None
        found = (_UNSTORABLE if breaks else _UNSTORABLE_IN_IDS).search(value)
        if found is None:
            return value
        bad = found.group()
        if unicodedata.category(bad) == "Cs":
            # JSON can spell half of a character pair (\ud800); SQLite cannot store it.
            self.add(path, _("contains a broken character (a lone surrogate)"))
        else:
            self.add(
                path,
                _("contains the control character U+{code:04X}, which a text cannot hold").format(
                    code=ord(bad)
                ),
            )
        return None

    def ident(self, d: Mapping[str, Any], key: str, path: str) -> str | None:
        """A record id: a non-empty string without control characters."""
        value = self.text(d, key, path, breaks=False)
        if value is not None and not value.strip():
            self.add(child(path, key), _("must not be empty"))
            return None
        return value

    def enum(
        self, d: Mapping[str, Any], key: str, path: str, kind: type[E], *, required: bool = True
    ) -> E | None:
        value = self._get(d, key, path, required)
        if value is _MISSING:
            return None
        return self.member(value, child(path, key), kind)

    def member(self, value: object, path: str, kind: type[E]) -> E | None:
        """``value`` as a member of a closed vocabulary."""
        if isinstance(value, str):
            try:
                return kind(value)
            except ValueError:
                pass
        allowed = ", ".join(f'"{m.value}"' for m in kind)
        self.add(
            path, _("must be one of {allowed}, not {v}").format(allowed=allowed, v=_shown(value))
        )
        return None

    def day(
        self, d: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> date | None:
        value = self._get(d, key, path, required)
        if value is _MISSING:
            return None
        try:
            return iso_day(value)
        except ValueError:
            pass
        self.add(child(path, key), _("must be a date YYYY-MM-DD, not {v}").format(v=_shown(value)))
        return None

    def when(self, d: Mapping[str, Any], key: str, path: str) -> str | None:
        """An event's date or date-time, in its canonical text form."""
        value = self._get(d, key, path, True)
        if value is _MISSING:
            return None
        if isinstance(value, str) and len(value) in (10, 16):
            try:
                parse_when(value)
                return value
            except ValueError:
                pass
        self.add(
            child(path, key),
            _("must be a date YYYY-MM-DD or YYYY-MM-DDTHH:MM, not {v}").format(v=_shown(value)),
        )
        return None

    def moment(self, d: Mapping[str, Any], key: str, path: str) -> None:
        """An optional ISO 8601 date-time; only checked, never stored."""
        value = self._get(d, key, path, False)
        if value is _MISSING:
            return
        try:
            iso_moment(value)
        except ValueError:
            self.add(
                child(path, key),
                _("must be an ISO 8601 date-time, not {v}").format(v=_shown(value)),
            )

    def integer(
        self,
        d: Mapping[str, Any],
        key: str,
        path: str,
        low: int,
        high: int,
        *,
        required: bool = True,
    ) -> int | None:
        """A whole number from ``low`` to ``high``, checked before anything is stored."""
        value = self._get(d, key, path, required)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(child(path, key), _("must be a whole number, not {v}").format(v=_shown(value)))
            return None
        if not low <= value <= high:
            self._out_of_range(child(path, key), value, low, high)
            return None
        return value

    def number(
        self, d: Mapping[str, Any], key: str, path: str, low: float, high: float
    ) -> float | None:
        """A number from ``low`` to ``high`` (compared before it becomes a float: a 400-digit
        integer does not fit in one)."""
        value = self._get(d, key, path, True)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(child(path, key), _("must be a number, not {v}").format(v=_shown(value)))
            return None
        if not low <= value <= high:  # NaN fails this too
            self._out_of_range(child(path, key), value, low, high)
            return None
        return float(value)

    def _out_of_range(self, path: str, value: float, low: float, high: float) -> None:
        self.add(
            path,
            _("must be from {low:g} to {high:g}, not {v}").format(
                low=low, high=high, v=_shown(value)
            ),
        )

    def flag(self, d: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
        value = self._get(d, key, path, False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.add(child(path, key), _("must be true or false, not {v}").format(v=_shown(value)))
            return default
        return value

    def array(
        self, d: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> list[Any]:
        value = self._get(d, key, path, required)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self.add(child(path, key), _("must be an array […]"))
            return []
        return value

    def ref(
        self,
        d: Mapping[str, Any],
        key: str,
        path: str,
        targets: Mapping[str, int],
        missing: str,
        *,
        required: bool = True,
    ) -> int | None:
        """A reference to another record by id; returns the target's index in the file.

        ``missing`` is the message when no record has that id, with ``{id}`` in it.
        """
        value = self.text(d, key, path, required=required, breaks=False)
        if value is None:
            return None
        if value not in targets:
            self.add(child(path, key), missing.format(id=value))
            return None
        return targets[value]


def _shown(value: object) -> str:
    """A short rendering of a bad value for a message, spelled as in JSON."""
    if isinstance(value, dict):
        return _("an object")
    if isinstance(value, list):
        return _("an array")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**30:
        digits = len(str(abs(value)))
        return ngettext("a number of {n} digit", "a number of {n} digits", digits).format(n=digits)
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"
