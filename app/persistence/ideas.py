"""What became of ideas: the action made from each (the link from the action's side) and its
fate (parked or declined), read together for the views that show an idea's fate."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from app.domain import EntryType, Visibility
from app.domain.model import IdeaFate
from app.persistence.entries import _fate
from app.persistence.rows import rows

# SQLite allows at most 999 parameters in older builds: read in slices.
_SLICE = 500


@dataclass(frozen=True, slots=True)
class IdeaOutcome:
    """An entry's fate and the live action made from it (``action_pk`` None: none)."""

    fate: IdeaFate | None = None
    action_pk: int | None = None
    action_text: str = ""
    action_visibility: Visibility | None = None

    @property
    def is_open(self) -> bool:
        return self.fate is None and self.action_pk is None


def idea_outcomes(db: Database, entry_pks: Iterable[int]) -> dict[int, IdeaOutcome]:
    """The outcome of each of ``entry_pks`` that has one (a fate or an action made from it);
    an entry left out is still open. The newest live action names an entry made into two."""
    wanted = sorted(set(entry_pks))
    found: dict[int, IdeaOutcome] = {}
    for start in range(0, len(wanted), _SLICE):
        part = wanted[start : start + _SLICE]
        marks = ", ".join("?" * len(part))
        for r in rows(
            db,
            "SELECT n.pk, n.fate, n.fate_reason, n.fate_on, n.revisit_on, "
            "a.pk AS action_pk, a.text AS action_text, a.visibility AS action_visibility "
            "FROM entries n LEFT JOIN actions a ON a.pk = ("
            "  SELECT max(x.pk) FROM actions x "
            "  WHERE x.source_entry_pk = n.pk AND x.deleted_at IS NULL) "
            f"WHERE n.pk IN ({marks}) AND (n.fate IS NOT NULL OR a.pk IS NOT NULL)",
            part,
        ):
            found[r["pk"]] = IdeaOutcome(
                fate=_fate(r) if r["fate"] else None,
                action_pk=r["action_pk"],
                action_text=r["action_text"] or "",
                action_visibility=(
                    Visibility(r["action_visibility"]) if r["action_visibility"] else None
                ),
            )
    return found


def source_texts(
    db: Database, action_pks: Iterable[int]
) -> dict[int, tuple[EntryType, str, Visibility]]:
    """The entry each of ``action_pks`` was made from: its type, text and visibility."""
    wanted = sorted(set(action_pks))
    found: dict[int, tuple[EntryType, str, Visibility]] = {}
    for start in range(0, len(wanted), _SLICE):
        part = wanted[start : start + _SLICE]
        marks = ", ".join("?" * len(part))
        for r in rows(
            db,
            "SELECT a.pk, n.type, n.text, n.visibility FROM actions a "
            "JOIN entries n ON n.pk = a.source_entry_pk AND n.deleted_at IS NULL "
            f"WHERE a.pk IN ({marks})",
            part,
        ):
            found[r["pk"]] = (EntryType(r["type"]), r["text"], Visibility(r["visibility"]))
    return found
