"""The window's content in partner view: the band, then the partner-facing pages in tabs.

Each page is drawn from the ``PartnerSource`` alone: the overview (phase, partners, objectives,
agreed decisions, accomplishments), the diary (events with their shared entries, search and
live capture), the action plan (shared actions) and the commitment plot per side.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.dates import sentence_date
from app.domain.labels import phase_name, role_name, status_name
from app.i18n import _
from app.report import ReportData
from ui.partner.band import PartnerBand
from ui.partner.diary import PartnerDiary
from ui.partner.plot import commitment_plot
from ui.partner.source import PartnerSource

PAGE_FONT_POINTS = 15


class PartnerView(QWidget):
    """Band and pages; ``refresh()`` reads the source again after a write."""

    def __init__(self, source: PartnerSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerView")
        self.source = source
        font = QFont(self.font())
        font.setPointSize(PAGE_FONT_POINTS)
        self.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.band = PartnerBand()
        layout.addWidget(self.band)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("partnerTabs")
        layout.addWidget(self.tabs, 1)
        self.overview = QWidget()
        self.diary = PartnerDiary(source)
        self.action_table = QTableWidget(0, 4)
        self.action_table.setObjectName("partnerActions")
        self.action_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.action_table.setHorizontalHeaderLabels(
            [_("Action"), _("Owner"), _("Due"), _("Status")]
        )
        self.action_table.horizontalHeader().setStretchLastSection(True)
        self.action_table.verticalHeader().hide()
        self.commitment = QWidget()
        QVBoxLayout(self.commitment)
        self.tabs.addTab(self.overview, _("Overview"))
        self.tabs.addTab(self.diary, _("Diary"))
        self.tabs.addTab(self.action_table, _("Action plan"))
        self.tabs.addTab(self.commitment, _("Commitment"))
        self._overview_layout = QVBoxLayout(self.overview)
        self.refresh()

    def refresh(self) -> None:
        data = self.source.report()
        self._fill_overview(data)
        self._fill_actions(data)
        self._fill_commitment(data)
        self.diary.refresh()

    def _fill_overview(self, data: ReportData) -> None:
        layout = self._overview_layout
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        lang = self.source.language
        title = _plain(data.partnership)
        big = QFont(title.font())
        big.setPointSize(24)
        big.setBold(True)
        title.setFont(big)
        layout.addWidget(title)
        if data.phase_now is not None:
            layout.addWidget(_plain(_("Phase: {phase}").format(phase=phase_name(data.phase_now))))
        partners = ", ".join(f"{p.name} ({role_name(p.role)})" for p in data.partners)
        layout.addWidget(_plain(_("Partners: {names}").format(names=partners)))
        layout.addWidget(_heading(_("Objectives")))
        layout.addWidget(_list("partnerObjectives", [o.text for o in data.objectives]))
        layout.addWidget(_heading(_("Agreed decisions")))
        decisions = [f"{sentence_date(_day(d.when), lang)}  {d.text}" for d in data.decisions]
        layout.addWidget(_list("partnerDecisions", decisions))
        layout.addWidget(_heading(_("Accomplishments")))
        done = [f"{sentence_date(_day(d.when), lang)}  {d.text}" for d in data.accomplishments]
        layout.addWidget(_list("partnerAccomplishments", done))

    def _fill_actions(self, data: ReportData) -> None:
        self.action_table.setRowCount(len(data.action_plan))
        lang = self.source.language
        for row, a in enumerate(data.action_plan):
            due = sentence_date(a.due_on, lang) if a.due_on else ""
            cells = (a.text, a.owner or a.organization or "", due, status_name(a.status))
            for col, text in enumerate(cells):
                self.action_table.setItem(row, col, QTableWidgetItem(text))
        self.action_table.resizeColumnsToContents()

    def _fill_commitment(self, data: ReportData) -> None:
        layout = self.commitment.layout()
        assert layout is not None
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if data.commitment:
            layout.addWidget(commitment_plot(data.commitment, _, self.source.language))
        else:
            layout.addWidget(_plain(_("No commitment ratings yet.")))


def empty_partner_view() -> QWidget:
    """Partner view with no partnership selected: the band, and a line saying so."""
    widget = QWidget()
    widget.setObjectName("partnerView")
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(PartnerBand())
    label = _plain(_("No partnership is selected."))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(label, 1)
    return widget


def _day(when: str) -> date:
    return date.fromisoformat(when[:10])


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _heading(text: str) -> QLabel:
    label = _plain(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSize(18)
    label.setFont(font)
    return label


def _list(name: str, lines: list[str]) -> QListWidget:
    widget = QListWidget()
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.addItems(lines or [_("None yet.")])
    return widget
