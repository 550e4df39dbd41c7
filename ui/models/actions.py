"""Table models of the action plan: actions (with a filtering proxy) and objectives.

Edits go through the ``Editor`` so each is one undoable step; a value the rules refuse is not
stored and the model keeps the stored value. ``SORT_ROLE`` gives sortable keys (ISO dates, with
"no due date" sorted last).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from app.domain import (
    Action,
    ActionStatus,
    EntryType,
    Objective,
    Person,
    ValidationError,
    Visibility,
)
from app.domain.labels import objective_lacks, status_name
from app.i18n import _
from app.persistence.read import actions, partnerships
from app.persistence.read.authors import Stamp, author_names, record_authors
from app.persistence.read.ideas import source_texts
from app.services.editing import Editor
from ui.models.look import (
    OVERDUE_COLOR,
    locale_date,
    pydate,
    qdate,
    visibility_icon,
    warning_icon,
)
from ui.widgets.author_filter import passes, written_by

Index = QModelIndex | QPersistentModelIndex
PK_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4
_NO_INDEX = QModelIndex()


class ActionTableModel(QAbstractTableModel):
    """All live actions of a partnership."""

    TEXT, OWNER, ORGANIZATION, DUE, STATUS, DONE, AUTHOR = range(7)

    def __init__(self, editor: Editor, today: date | None = None) -> None:
        super().__init__()
        self._editor = editor
        self._partnership: int | None = None
        self._actions: list[Action] = []
        # Who wrote each action and who changed it last, and the authors' names.
        self.stamps: dict[int, Stamp] = {}
        self._author_names: dict[str, str] = {}
        self._people: dict[int, Person] = {}
        self._orgs: dict[int, str] = {}
        # The entry each action was made from (type, text, visibility), by action.
        self._sources: dict[int, tuple[EntryType, str, Visibility]] = {}
        self.today = today or date.today()

    def set_partnership(self, pk: int | None) -> None:
        self._partnership = pk
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        pk, db = self._partnership, self._editor.db
        self._actions = actions.list_actions(db, pk) if pk is not None else []
        self._people = (
            {p.pk: p for p in partnerships.list_people(db, pk) if p.pk is not None} if pk else {}
        )
        self._orgs = (
            {o.pk: o.name for o in partnerships.list_organizations(db, pk) if o.pk is not None}
            if pk
            else {}
        )
        self.stamps = record_authors(db, "actions", [a.pk for a in self._actions if a.pk])
        self._author_names = author_names(db)
        made = [a.pk for a in self._actions if a.pk is not None and a.source_entry is not None]
        self._sources = source_texts(db, made) if made else {}
        self.endResetModel()

    def source_of(self, a: Action) -> str:
        """Where the action came from, for its tooltip ("" when not made from an entry)."""
        found = self._sources.get(a.pk) if a.pk is not None else None
        if found is None:
            return ""
        kind, text, vis = found
        line = (
            _("Made from the idea: {text}")
            if kind is EntryType.IDEA
            else _("Made from the decision: {text}")
        ).format(text=text)
        if vis is Visibility.PRIVATE:
            line += " " + _("(a private entry)")
        return line

    def action_at(self, row: int) -> Action | None:
        return self._actions[row] if 0 <= row < len(self._actions) else None

    def people(self) -> list[tuple[int, str]]:
        """(key, "name (organization)") of everyone who can own an action."""
        return [
            (pk, f"{p.name} ({self._orgs.get(p.organization, '')})")
            for pk, p in self._people.items()
        ]

    def organization_of(self, a: Action) -> int | None:
        if a.organization is not None:
            return a.organization
        person = self._people.get(a.owner) if a.owner is not None else None
        return person.organization if person else None

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._actions)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                _("Action"),
                _("Owner"),
                _("Organization"),
                _("Due"),
                _("Status"),
                _("Done"),
                _("Written by"),
            ][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (self.TEXT, self.OWNER, self.DUE, self.STATUS):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _display(self, a: Action, col: int) -> str:
        if col == self.TEXT:
            return a.text
        if col == self.OWNER:
            person = self._people.get(a.owner) if a.owner is not None else None
            return person.name if person else ""
        if col == self.ORGANIZATION:
            org = self.organization_of(a)
            return self._orgs.get(org, "") if org is not None else ""
        if col == self.DUE:
            return locale_date(a.due_on)
        if col == self.STATUS:
            text = status_name(a.status)
            return text + " · " + _("overdue") if a.is_overdue_on(self.today) else text
        if col == self.AUTHOR:
            return written_by(self.stamps.get(a.pk or 0), self._author_names)
        return locale_date(a.done_on)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._actions):
            return None
        a = self._actions[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT:
            notes = [a.text, self.source_of(a)]
            if a.visibility is Visibility.PRIVATE:
                notes.append(_("Private action: it is not in partner reports."))
            return "\n\n".join(n for n in notes if n)
        if role == Qt.ItemDataRole.DecorationRole and col == self.TEXT:
            return (
                visibility_icon(Visibility.PRIVATE) if a.visibility is Visibility.PRIVATE else None
            )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(a, col)
        if role == Qt.ItemDataRole.EditRole:
            if col == self.TEXT:
                return a.text
            if col == self.OWNER:
                return a.owner
            if col == self.DUE:
                return qdate(a.due_on) if a.due_on else None
            if col == self.STATUS:
                return a.status.value
        if role == SORT_ROLE:
            if col == self.DUE:
                return a.due_on.isoformat() if a.due_on else "9999"
            return self._display(a, col).casefold()
        if role == Qt.ItemDataRole.ForegroundRole and a.is_overdue_on(self.today):
            return QColor(OVERDUE_COLOR)
        if role == PK_ROLE:
            return a.pk
        if role == STATUS_ROLE:
            return a.status.value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        a = self._actions[index.row()]
        try:
            if index.column() == self.STATUS:
                self._editor.set_action_status(_pk(a), ActionStatus(value), self.today)
            elif index.column() == self.TEXT:
                a.text = str(value)
                self._editor.edit_action(a)
            elif index.column() == self.OWNER:
                a.owner = int(value) if value is not None else None
                person = self._people.get(a.owner) if a.owner is not None else None
                a.organization = person.organization if person else None
                self._editor.edit_action(a)
            elif index.column() == self.DUE:
                a.due_on = pydate(value) if value is not None and value.isValid() else None
                self._editor.edit_action(a)
            else:
                return False
        except (ValidationError, ValueError):
            return False
        finally:
            stored = actions.get_action(self._editor.db, _pk(a))
            if stored is not None:
                self._actions[index.row()] = stored
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 5))
        return True


class ActionFilterModel(QSortFilterProxyModel):
    """Filters the action plan by organization, owner, status, overdue and author."""

    def __init__(self, source: ActionTableModel) -> None:
        super().__init__()
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self._actions = source
        self.organization: int | None = None
        self.owner: int | None = None
        self.status: ActionStatus | None = None
        self.overdue_only = False
        self.author: str | None = None

    def set_filter(
        self,
        *,
        organization: int | None = None,
        owner: int | None = None,
        status: ActionStatus | None = None,
        overdue_only: bool = False,
        author: str | None = None,
    ) -> None:
        self.beginFilterChange()
        self.organization, self.owner = organization, owner
        self.status, self.overdue_only = status, overdue_only
        self.author = author
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        a = self._actions.action_at(source_row)
        if a is None:
            return False
        if self.organization is not None and self._actions.organization_of(a) != self.organization:
            return False
        if self.owner is not None and a.owner != self.owner:
            return False
        if self.status is not None and a.status != self.status:
            return False
        if not passes(self.author, self._actions.stamps.get(a.pk or 0)):
            return False
        return not (self.overdue_only and not a.is_overdue_on(self._actions.today))


class ObjectiveTableModel(QAbstractTableModel):
    """A partnership's objectives; one without an indicator is marked "not yet specific"."""

    TEXT, INDICATOR, TARGET, DUE, OWNER, SPECIFIC = range(6)

    def __init__(self, editor: Editor) -> None:
        super().__init__()
        self._editor = editor
        self._partnership: int | None = None
        self._objectives: list[Objective] = []
        self._people: dict[int, str] = {}
        self._labels: list[tuple[int, str]] = []

    def people(self) -> list[tuple[int, str]]:
        """(key, "name (organization)") of everyone who can own an objective."""
        return list(self._labels)

    def set_partnership(self, pk: int | None) -> None:
        self._partnership = pk
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        pk, db = self._partnership, self._editor.db
        self._objectives = partnerships.list_objectives(db, pk) if pk is not None else []
        people = partnerships.list_people(db, pk) if pk is not None else []
        orgs = {o.pk: o.name for o in partnerships.list_organizations(db, pk)} if pk else {}
        self._people = {p.pk: p.name for p in people if p.pk is not None}
        self._labels = [
            (p.pk, f"{p.name} ({orgs.get(p.organization, '')})") for p in people if p.pk is not None
        ]
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._objectives)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [_("Objective"), _("Indicator"), _("Target"), _("Due"), _("Owner"), ""][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() != self.SPECIFIC:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._objectives):
            return None
        o = self._objectives[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.EditRole and col == self.DUE:
            return qdate(o.due_on) if o.due_on else None
        if role == Qt.ItemDataRole.EditRole and col == self.OWNER:
            return o.owner
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.SPECIFIC:
                return (
                    ""
                    if o.is_specific
                    else _("Not yet specific: {lacks}").format(lacks=objective_lacks(o.lacks()))
                )
            owner = self._people.get(o.owner, "") if o.owner is not None else ""
            return [o.text, o.indicator or "", o.target or "", locale_date(o.due_on), owner][col]
        if role == Qt.ItemDataRole.DecorationRole and col == self.SPECIFIC and not o.is_specific:
            return warning_icon()
        if role == Qt.ItemDataRole.ToolTipRole and col == self.SPECIFIC and not o.is_specific:
            return _(
                "A specific objective has an indicator, a target, an owner and a due date: "
                "how will you know it is reached, by when, and who sees to it?"
            )
        if role == PK_ROLE:
            return o.pk
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self._partnership is None:
            return False
        o = self._objectives[index.row()]
        text = str(value).strip() if isinstance(value, str) else ""
        if index.column() == self.DUE:
            o.due_on = pydate(value) if value is not None and value.isValid() else None
        elif index.column() == self.OWNER:
            o.owner = int(value) if value is not None else None
        elif index.column() == self.TEXT:
            o.text = text
        elif index.column() == self.INDICATOR:
            o.indicator = text or None
        elif index.column() == self.TARGET:
            o.target = text or None
        else:
            return False
        try:
            self._editor.edit_objective(self._partnership, o)
        except ValidationError:
            self.reload()
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 5))
        return True


def _pk(a: Action) -> int:
    assert a.pk is not None
    return a.pk
