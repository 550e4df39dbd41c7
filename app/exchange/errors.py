"""The one error of the exchange format: a file that cannot be read or imported, and why."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.validation import Problem
from app.i18n import _, ngettext

# How many problems a message lists before it says how many more there are.
SHOWN_PROBLEMS = 10


class ExchangeError(ValueError):
    """A partnership file that cannot be imported; nothing was changed in the diary.

    ``problems`` holds every problem found, each with the JSON path of the field; ``str()`` is a
    message for the user that lists the first few.
    """

    def __init__(self, problems: Iterable[Problem], headline: str | None = None) -> None:
        self.problems = list(problems)
        self.headline = headline or _("The file cannot be imported; nothing was changed.")
        super().__init__(self._message())

    def _message(self) -> str:
        lines = [self.headline]
        lines += [f"  {p}" for p in self.problems[:SHOWN_PROBLEMS]]
        hidden = len(self.problems) - SHOWN_PROBLEMS
        if hidden > 0:
            more = ngettext("… and {n} more problem.", "… and {n} more problems.", hidden)
            lines.append("  " + more.format(n=hidden))
        return "\n".join(lines)


def single(message: str) -> ExchangeError:
    """An error that is one sentence, not a list of problems in the file."""
    return ExchangeError([], message)


class AlreadyInDiary(ExchangeError):
    """The file's partnership is already in the diary; the caller may offer a copy or replace."""

    def __init__(self, name: str, partnership_id: str, existing_pk: int) -> None:
        self.existing_pk = existing_pk
        super().__init__(
            [],
            _(
                'The diary already has the partnership "{name}" (id {id}), so nothing was imported.'
            ).format(name=" ".join(name.split()), id=partnership_id),
        )
