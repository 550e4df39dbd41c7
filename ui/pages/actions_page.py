"""The action plan page: every action of the partnership, and its objectives.

Actions are filtered by organization, owner, status and overdue, sorted by due date, and edited
in place (status from a drop-down, due date from a calendar, text by typing); each change is
one undoable step. Objectives without an indicator are marked "not yet specific".
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import Action, ActionStatus, Objective, ValidationError
from app.domain.labels import status_name
from app.i18n import _
from app.persistence.read import changes as tbl
from app.persistence.read import partnerships
from app.persistence.read.changes import ChangeSet
from app.services.editing import Editor
from ui.context import AppContext
from ui.models.actions import (
    PK_ROLE,
    ActionFilterModel,
    ActionTableModel,
    ObjectiveTableModel,
)
from ui.style import DANGER
from ui.widgets.author_filter import AuthorFilter
from ui.widgets.cell_editors import DateDelegate, OwnerDelegate, StatusDelegate

Index = QModelIndex | QPersistentModelIndex
_LOCAL = Qt.ShortcutContext.WidgetWithChildrenShortcut


ACTION_PLAN_TABLES = frozenset(
    {tbl.ACTIONS, tbl.OBJECTIVES, tbl.PEOPLE, tbl.ORGANIZATIONS, tbl.PARTNERSHIPS}
)


class ActionsPage(QWidget):
    """The partnership's action plan and objectives."""

    def __init__(self, context: AppContext, today: date | None = None) -> None:
        super().__init__()
        self.setObjectName("actionsPage")
        self.title = _("Action plan")
        self.context = context
        self.editor = Editor(context.diary, context.undo)
        self._partnership: int | None = None
        self.actions_model = ActionTableModel(self.editor, today)
        self.proxy = ActionFilterModel(self.actions_model)
        self.objectives = ObjectiveTableModel(self.editor)
        self._build()
        self._add_actions()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        top = QWidget()
        lay = QVBoxLayout(top)
        lay.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(_("Action plan"))
        heading.setObjectName("pageTitle")
        filters = self._filter_row()  # makes the buttons, which stand beside the heading
        top_row = QHBoxLayout()
        top_row.addWidget(heading)
        top_row.addStretch(1)
        top_row.addWidget(self.new_button)
        top_row.addWidget(self.delete_button)
        lay.addLayout(top_row)
        lay.addLayout(filters)
        self.table = QTableView()
        self.table.setObjectName("actionTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ActionTableModel.DUE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(ActionTableModel.STATUS, StatusDelegate(self.table))
        self.due_delegate = DateDelegate(self.table)
        self.table.setItemDelegateForColumn(ActionTableModel.DUE, self.due_delegate)
        self.table.setItemDelegateForColumn(
            ActionTableModel.OWNER, OwnerDelegate(self.actions_model, self.table)
        )
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ActionTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 7):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self._objectives_box())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(split, 1)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.status)
        self.status.setWordWrap(True)
        # A date the due cells could not read: said in the status line, in the danger colour.
        for delegate in (self.due_delegate, self.objective_due_delegate):
            delegate.refused.connect(self._refused)

    def _refused(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet(f"color: {DANGER};")

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.organization = QComboBox()
        self.organization.setObjectName("filterOrganization")
        self.owner = QComboBox()
        self.owner.setObjectName("filterOwner")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("filterStatus")
        self.status_filter.addItem(_("Any status"), None)
        for s in ActionStatus:
            self.status_filter.addItem(status_name(s), s.value)
        self.overdue = QCheckBox(_("Only overdue"))
        self.overdue.setObjectName("filterOverdue")
        self.author = AuthorFilter()
        for box in (self.organization, self.owner, self.status_filter, self.author):
            box.currentIndexChanged.connect(self._apply_filter)
            row.addWidget(box)
        self.overdue.toggled.connect(self._apply_filter)
        row.addWidget(self.overdue)
        row.addStretch(1)
        # Beside the heading, not in this row: five filters and two buttons would not fit a
        # 1366-pixel window in Finnish.
        self.new_button = QPushButton(_("New action"))
        self.new_button.clicked.connect(self.new_action)
        self.delete_button = QPushButton(_("Delete action"))
        self.delete_button.clicked.connect(self.delete_action)
        return row

    def _objectives_box(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        title = QLabel(_("Objectives"))
        title.setObjectName("cardTitle")
        row.addWidget(title)
        row.addStretch(1)
        new = QPushButton(_("New objective"))
        new.clicked.connect(self.new_objective)
        delete = QPushButton(_("Delete objective"))
        delete.clicked.connect(self.delete_objective)
        measures = QPushButton(_("&Measurements…"))
        measures.setObjectName("measurementsButton")
        measures.setToolTip(_("The objective's target value and its dated measurements"))
        measures.clicked.connect(self.edit_measurements)
        row.addWidget(new)
        row.addWidget(delete)
        row.addWidget(measures)
        lay.addLayout(row)
        self.objective_table = QTableView()
        self.objective_table.setObjectName("objectiveTable")
        self.objective_table.setModel(self.objectives)
        self.objective_table.setWordWrap(True)
        self.objective_table.verticalHeader().hide()
        self.objective_table.verticalHeader().setMinimumSectionSize(30)
        self.objective_due_delegate = DateDelegate(self.objective_table)
        self.objective_table.setItemDelegateForColumn(
            ObjectiveTableModel.DUE, self.objective_due_delegate
        )
        self.objective_table.setItemDelegateForColumn(
            ObjectiveTableModel.OWNER, OwnerDelegate(self.objectives, self.objective_table)
        )
        self.objective_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.objective_table.horizontalHeader()
        # The objective, its indicator and what it still lacks share the width and wrap: the
        # "not yet specific" note names up to four missing parts and must not squeeze the
        # objective itself to a column of single words.
        for col in (ObjectiveTableModel.TEXT, ObjectiveTableModel.INDICATOR, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.objective_table, 1)
        self.objectives.modelReset.connect(self.objective_table.resizeRowsToContents)
        return box

    def _add_actions(self) -> None:
        self.new_act = self._act(_("New action"), "Ctrl+Shift+K", self.new_action)
        self.delete_act = self._act(_("Delete action"), "Ctrl+Shift+Del", self.delete_action)
        self.overdue_act = self._act(_("Only overdue"), "Ctrl+Shift+O", self.overdue.toggle)
        # The commands and their keys are listed in the table's context menu.
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.new_act, self.delete_act, self.overdue_act])
        for act, button in ((self.new_act, self.new_button), (self.delete_act, self.delete_button)):
            button.setToolTip(act.shortcut().toString(QKeySequence.SequenceFormat.NativeText))

    def _act(self, text: str, keys: str, slot: Any) -> QAction:
        act = QAction(text, self)
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(_LOCAL)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    def menu_actions(self) -> list[QAction]:
        return [self.new_act, self.delete_act, self.overdue_act]

    # -- page protocol --------------------------------------------------------------------

    def show_partnership(self, pk: int | None) -> None:
        self._partnership = pk
        self._fill_filters()
        self.refresh()

    def affected_by(self, changes: ChangeSet) -> bool:
        """The plan shows actions, objectives, people and organizations; never entries."""
        return changes.touches(ACTION_PLAN_TABLES, self._partnership)

    def refresh(self) -> None:
        self.objectives.set_partnership(self._partnership)
        self.actions_model.set_partnership(self._partnership)
        self.author.fill(self.editor.db, self._partnership)  # a colleague's merge adds authors
        self.new_button.setEnabled(self._partnership is not None)

    def _fill_filters(self) -> None:
        db, pk = self.editor.db, self._partnership
        for box, anyone in (
            (self.organization, _("Any organization")),
            (self.owner, _("Any owner")),
        ):
            box.blockSignals(True)
            box.clear()
            box.addItem(anyone, None)
        if pk is not None:
            for o in partnerships.list_organizations(db, pk):
                self.organization.addItem(o.name, o.pk)
            for p in partnerships.list_people(db, pk):
                self.owner.addItem(p.name, p.pk)
        for box in (self.organization, self.owner):
            box.blockSignals(False)
        self.author.fill(db, pk)
        self._apply_filter()

    def _apply_filter(self) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_filter(
            organization=self.organization.currentData(),
            owner=self.owner.currentData(),
            status=ActionStatus(status) if status else None,
            overdue_only=self.overdue.isChecked(),
            author=self.author.chosen(),
        )

    # -- commands -------------------------------------------------------------------------

    def _selected_pk(self, view: QTableView) -> int | None:
        index = view.currentIndex()
        value = index.siblingAtColumn(0).data(PK_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def new_action(self) -> None:
        if self._partnership is None:
            return
        today = self.actions_model.today
        pk = self.editor.create_action(self._partnership, Action(_("New action"), today))
        self.actions_model.reload()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, ActionTableModel.TEXT)
            if index.data(PK_ROLE) == pk:
                self.table.setCurrentIndex(index)
                self.table.edit(index)

    def delete_action(self) -> None:
        pk = self._selected_pk(self.table)
        if pk is not None:
            self.editor.delete_action(pk)
            self.status.setStyleSheet("")
            self.status.setText(_("Action deleted. Undo brings it back (Ctrl+Z)."))
            self.actions_model.reload()

    def new_objective(self) -> None:
        if self._partnership is None:
            return
        try:
            self.editor.create_objective(self._partnership, Objective(_("New objective")))
        except ValidationError as exc:
            self.status.setText(str(exc))
            return
        self.objectives.reload()
        index = self.objectives.index(self.objectives.rowCount() - 1, ObjectiveTableModel.TEXT)
        self.objective_table.setCurrentIndex(index)
        self.objective_table.edit(index)

    def edit_measurements(self) -> None:
        """The selected objective's target and measurements, in a dialog."""
        pk = self._selected_pk(self.objective_table)
        if self._partnership is None or pk is None:
            self.status.setText(_("Select an objective first."))
            return
        found = next(
            (
                o
                for o in partnerships.list_objectives(self.editor.db, self._partnership)
                if o.pk == pk
            ),
            None,
        )
        if found is None:
            return
        from ui.dialogs.measurements_dialog import MeasurementsDialog

        MeasurementsDialog(self.editor, self._partnership, found, self).exec()
        self.objectives.reload()

    def delete_objective(self) -> None:
        pk = self._selected_pk(self.objective_table)
        if pk is not None:
            self.editor.delete_objective(pk)
            self.objectives.reload()
