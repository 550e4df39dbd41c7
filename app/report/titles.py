"""Events' titles as a report prints them, each hidden on first use.

The name hiding looks at every text it is given and remembers it for the review of names, so it
goes over the titles of the events the report prints, not over every event of a long
partnership.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from app.persistence.shared import SharedEvent


class Titles:
    """``get(event pk)``: the event's title as printed ("" for an event only counted)."""

    def __init__(
        self, events: Iterable[SharedEvent], counted: set[int], text: Callable[[str], str]
    ) -> None:
        self._raw = {e.pk: "" if e.pk in counted else e.title for e in events}
        self._text = text
        self._printed: dict[int, str] = {}

    def get(self, pk: int, default: str = "") -> str:
        raw = self._raw.get(pk)
        if raw is None:
            return default
        if pk not in self._printed:
            self._printed[pk] = self._text(raw) if raw else ""
        return self._printed[pk]
