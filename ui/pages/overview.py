"""The Overview page: where a partnership stands, at a glance.

Shows the name, description, phase in force and phase timeline, the organizations with their
people and sponsors, counts of events and open/overdue actions, and the latest events. Other
parts plug panels into three named slots (``warnings_slot``, ``checklist_slot``, ``plot_slot``)
with ``add_panel``; a panel with ``show_partnership(pk)`` is told of every partnership shown,
and one with ``set_as_of(day)`` of the day the overview is evaluated at. After a write, a panel
with ``affected_by(changes)`` is told again only when the change touches what it shows.

The page and its panels read the partnership from the context's ``SnapshotCache``: one refresh
loads the partnership once, and the partnership list's badge reuses that load.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import Event, Phase
from app.domain.labels import event_kind_name, level_name, outcome_name, phase_name, role_name
from app.i18n import _
from app.persistence.read import changes as tbl
from app.persistence.read.changes import EVERYTHING, ChangeSet
from app.rules import EvidenceKind
from app.services.partnerships import OrganizationSummary, Overview, overview_of
from ui.context import AppContext
from ui.pages.commitment_page import CommitmentOverviewPanel
from ui.style import MUTED, PHASE_COLORS, ROLE_COLORS, short_date
from ui.widgets.as_of import AsOfControl
from ui.widgets.card import Card, Stat, chip, plain_label, row, set_chip
from ui.widgets.checklist_panel import ChecklistPanel
from ui.widgets.decisions_due import DecisionsDuePanel
from ui.widgets.phase_timeline import PhaseTimeline, timeline_end
from ui.widgets.warnings_panel import WarningsPanel

# What the page itself shows (its panels say for themselves what they read).
OVERVIEW_TABLES = frozenset(
    {tbl.PARTNERSHIPS, tbl.PHASES, tbl.ORGANIZATIONS, tbl.PEOPLE, tbl.EVENTS, tbl.ACTIONS}
)


def _slot(name: str) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setObjectName(name)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    return layout


class OverviewPage(QScrollArea):
    """Tab 0: the partnership at a glance."""

    event_activated = Signal(int)
    edit_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = _("Overview")
        self.pk: int | None = None
        self.as_of: date | None = None  # None: today
        self.data: Overview | None = None
        self.panels: list[QWidget] = []
        self.setObjectName("pageScroll")
        self.setWidgetResizable(True)
        # The page grows downwards only: a wide panel is squeezed, never scrolled sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("pageBody")
        self.setWidget(body)
        self._build(body)
        self._install_panels(context)
        # Panels were told "no partnership" as they were added; only the page itself remains.
        self._show_empty()

    # -- construction -------------------------------------------------------------------

    def _build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 20)
        layout.setSpacing(12)
        layout.addLayout(self._build_header())
        self.description = plain_label("", wrap=True)
        layout.addWidget(self.description)
        self.empty = plain_label("", "muted", wrap=True)
        layout.addWidget(self.empty)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(12)
        self.timeline_card = Card(_("Phases"))
        self.timeline = PhaseTimeline()
        self.timeline_card.body.addWidget(self.timeline)
        content.addWidget(self.timeline_card)
        content.addLayout(self._build_stats())
        self.warnings_slot = _slot("warningsSlot")
        content.addLayout(self.warnings_slot)
        content.addLayout(self._build_columns())
        # The plot spans the page under both columns: in one column it was cramped (legend
        # and last months cut off) with empty space beside it.
        self.plot_slot = _slot("plotSlot")
        content.addLayout(self.plot_slot)
        layout.addWidget(self.content)
        layout.addStretch(1)

    def _build_header(self) -> QHBoxLayout:
        self.name_label = plain_label("", "pageTitle", wrap=True)
        self.phase_chip = QLabel()
        self.phase_chip.setObjectName("phaseChip")
        self.phase_since = plain_label("", "muted")
        self.edit_button = QPushButton(_("Edit partnership…"))
        self.edit_button.setObjectName("editPartnershipButton")
        self.edit_button.clicked.connect(self.edit_requested)
        header = QHBoxLayout()
        header.setSpacing(10)
        header.addWidget(self.name_label, 1)
        header.addWidget(self.phase_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.phase_since, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addSpacing(8)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    def _build_stats(self) -> QHBoxLayout:
        self.events_stat = Stat(_("Events"))
        self.open_stat = Stat(_("Open actions"))
        self.overdue_stat = Stat(_("Overdue actions"))
        stats = QHBoxLayout()
        stats.setSpacing(12)
        for stat in (self.events_stat, self.open_stat, self.overdue_stat):
            stats.addWidget(stat, 1)
        return stats

    def _build_columns(self) -> QHBoxLayout:
        self.organizations_card = Card(_("Organizations and people"))
        self.organizations_box = QVBoxLayout()
        self.organizations_box.setSpacing(10)
        self.organizations_card.body.addLayout(self.organizations_box)
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.organizations_card)
        left.addStretch(1)

        self.events_card = Card(_("Latest events"))
        self.latest = QTreeWidget()
        self.latest.setObjectName("latestEvents")
        self.latest.setHeaderLabels([_("Date"), _("Kind"), _("Title")])
        self.latest.setRootIsDecorated(False)
        self.latest.setUniformRowHeights(True)
        self.latest.setAlternatingRowColors(True)
        self.latest.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.latest.setToolTip(_("Double-click an event to open it"))
        self.latest.itemActivated.connect(self._event_activated)
        self.events_card.body.addWidget(self.latest)
        self.checklist_slot = _slot("checklistSlot")
        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(self.events_card)
        right.addLayout(self.checklist_slot)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        return columns

    def _install_panels(self, context: AppContext) -> None:
        """The as-of control, the early warnings, the checklist and the small plot."""
        as_of = AsOfControl(context)
        as_of.as_of_changed.connect(self.set_as_of)
        warnings = WarningsPanel(context)
        warnings.evidence_activated.connect(self.open_evidence)
        checklist = ChecklistPanel(context)
        checklist.phase_move_requested.connect(self.change_phase)
        decisions = DecisionsDuePanel(context)
        decisions.entry_activated.connect(lambda event, _entry: self.event_activated.emit(event))
        plot = CommitmentOverviewPanel(context)
        plot.event_activated.connect(self.event_activated)
        self.add_panel(self.warnings_slot, as_of)
        self.add_panel(self.warnings_slot, warnings)
        self.add_panel(self.checklist_slot, decisions)
        self.add_panel(self.checklist_slot, checklist)
        self.add_panel(self.plot_slot, plot)

    def change_phase(self) -> None:
        from ui.dialogs.phase_dialog import change_phase

        change_phase(self, self.context)

    def open_evidence(self, kind: str, pk: int) -> None:
        """Open the record a warning points at, wherever the window can show it."""
        if kind == EvidenceKind.EVENT.value:
            self.event_activated.emit(pk)
        elif kind in (EvidenceKind.PERSON.value, EvidenceKind.ORGANIZATION.value):
            self.edit_requested.emit()  # people and organizations are edited with the partnership
        else:
            show_page = getattr(self.window(), "show_page", None)
            target = show_page("actions") if callable(show_page) else None
            opener = getattr(target, f"show_{kind}", None)
            if callable(opener):
                opener(pk)

    # -- extension points ---------------------------------------------------------------

    def add_panel(self, slot: QVBoxLayout, panel: QWidget) -> None:
        """Put ``panel`` into one of the slots and keep it told of what the page shows."""
        slot.addWidget(panel)
        self.panels.append(panel)
        self._tell_panel(panel)

    def set_as_of(self, day: date | None) -> None:
        """Evaluate the overview as of ``day`` (None: today)."""
        self.as_of = day
        self.refresh()

    def _tell_panel(self, panel: QWidget) -> None:
        set_as_of = getattr(panel, "set_as_of", None)
        if callable(set_as_of):
            set_as_of(self.as_of)
        show = getattr(panel, "show_partnership", None)
        if callable(show):
            show(self.pk)

    # -- showing ------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        body = self.widget()
        if body is not None:
            body.setFixedWidth(self.viewport().width())
        super().resizeEvent(event)

    def show_partnership(self, pk: int | None) -> None:
        self.pk = pk
        self.refresh()

    def affected_by(self, changes: ChangeSet) -> bool:
        return changes.touches(OVERVIEW_TABLES, self.pk) or any(
            _panel_affected(panel, changes) for panel in self.panels
        )

    def refresh(self) -> None:
        self.refresh_for(EVERYTHING)

    def refresh_for(self, changes: ChangeSet) -> None:
        """Show the partnership again; after a write only what ``changes`` touches."""
        if changes.touches(OVERVIEW_TABLES, self.pk):
            day = self.as_of or date.today()
            snapshot = self.context.snapshots.get(self.pk) if self.pk is not None else None
            self.data = overview_of(snapshot, day) if snapshot is not None else None
            if self.data is None:
                self._show_empty()
            else:
                self._show(self.data)
        for panel in self.panels:
            if _panel_affected(panel, changes):
                self._tell_panel(panel)

    def _show_empty(self) -> None:
        self.name_label.setText(_("No partnership selected"))
        self.description.hide()
        self.phase_chip.hide()
        self.phase_since.hide()
        self.edit_button.hide()
        self.content.hide()
        self.empty.setText(
            _(
                "Choose a partnership in the list on the left, create one with "
                "Partnership ▸ New partnership… (Ctrl+N), or bring one in with "
                "File ▸ Import partnership… (Ctrl+I)."
            )
        )
        self.empty.show()

    def _show(self, data: Overview) -> None:
        p = data.partnership
        self.empty.hide()
        self.content.show()
        self.edit_button.show()
        self.name_label.setText(p.name)
        self.description.setText(p.description or "")
        self.description.setVisible(bool(p.description))
        self._show_phase(data)
        end = timeline_end(data.as_of)
        self.timeline.set_history(
            p.phases,
            p.started_on,
            end,
            today=data.as_of,
            markers=data.event_days,
        )
        self._show_stats(data)
        self._show_organizations(data.organizations)
        self._show_latest(data.latest_events)

    def _show_phase(self, data: Overview) -> None:
        if data.phase is None:
            self.phase_chip.hide()
            self.phase_since.setText(
                _("Starts {day}").format(day=short_date(data.partnership.started_on))
            )
            self.phase_since.show()
            return
        since = max(m.from_on for m in data.partnership.phases if m.from_on <= data.as_of)
        set_chip(self.phase_chip, phase_name(data.phase), PHASE_COLORS[data.phase])
        self.phase_chip.setToolTip(_("The phase in force"))
        self.phase_chip.show()
        parts = [_("since {day}").format(day=short_date(since))]
        planned = data.partnership.planned_end_on
        if planned is not None and data.phase != Phase.ENDED:
            parts.append(_("planned end {day}").format(day=short_date(planned)))
        if data.decision is not None:
            parts.append(
                _("partners' decision {day}: {outcome}").format(
                    day=short_date(data.decision.decided_on),
                    outcome=outcome_name(data.decision.outcome).lower(),
                )
            )
        self.phase_since.setText(" · ".join(parts))
        self.phase_since.show()

    def _show_stats(self, data: Overview) -> None:
        last = (
            _("latest on {day}").format(day=short_date(data.last_event_on))
            if data.last_event_on
            else _("none recorded yet")
        )
        self.events_stat.set_value(data.events, last)
        self.open_stat.set_value(data.open_actions, _("not yet done or dropped"))
        self.overdue_stat.set_value(
            data.overdue_actions,
            _("past their due date") if data.overdue_actions else _("none past its due date"),
            alert=data.overdue_actions > 0,
        )

    def _show_organizations(self, organizations: list[OrganizationSummary]) -> None:
        _clear_layout(self.organizations_box)
        if not organizations:
            self.organizations_box.addWidget(
                plain_label(_("No organizations yet. Add them with Edit partnership…"), "muted")
            )
        for summary in organizations:
            self.organizations_box.addWidget(_organization_block(summary))

    def _show_latest(self, events: list[Event]) -> None:
        self.latest.clear()
        for event in events:
            when = short_date(event.day)
            if event.time is not None:
                when += " " + event.time.strftime("%H:%M")
            item = QTreeWidgetItem([when, event_kind_name(event.kind), event.title])
            item.setData(0, Qt.ItemDataRole.UserRole, event.pk)
            item.setToolTip(2, event.title)
            self.latest.addTopLevelItem(item)
        for column in (0, 1):
            self.latest.resizeColumnToContents(column)
        if not events:
            placeholder = QTreeWidgetItem(["", "", _("No events recorded yet")])
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.latest.addTopLevelItem(placeholder)
        row_height = self.latest.sizeHintForRow(0)
        if row_height <= 0:
            row_height = self.latest.fontMetrics().height() + 4
        height = self.latest.header().sizeHint().height() + max(1, len(events)) * row_height
        self.latest.setFixedHeight(height + 4)

    def _event_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        pk = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(pk, int):
            self.event_activated.emit(pk)


def _organization_block(summary: OrganizationSummary) -> QWidget:
    org = summary.organization
    block = QWidget()
    layout = QVBoxLayout(block)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(3)
    name = plain_label(org.name)
    font = name.font()
    font.setBold(True)
    name.setFont(font)
    layout.addLayout(row(name, chip(role_name(org.role), ROLE_COLORS[org.role])))
    if not summary.people:
        layout.addWidget(plain_label(_("No people named yet"), "muted"))
    for person in summary.people:
        details = [d for d in (person.title, level_name(person.level) if person.level else "") if d]
        text = person.name + (f" — {', '.join(details)}" if details else "")
        if person.sponsor:
            text += "  ★ " + _("sponsor")
        label = plain_label(text, wrap=True)
        label.setIndent(12)
        layout.addWidget(label)
    if org.role.value in ("customer", "provider") and not summary.sponsors:
        missing = plain_label(_("No sponsor named"), wrap=True)
        missing.setStyleSheet(f"color: {MUTED}; font-style: italic;")
        missing.setIndent(12)
        layout.addWidget(missing)
    return block


def _panel_affected(panel: QWidget, changes: ChangeSet) -> bool:
    affected_by = getattr(panel, "affected_by", None)
    return bool(affected_by(changes)) if callable(affected_by) else True


def _clear_layout(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            # Hidden now: deletion waits for the event loop, and must not show meanwhile.
            widget.hide()
            widget.deleteLater()
