"""The questionnaire waves of a partnership and the results of one (the Commitment page).

Above: every wave with its date, instrument and responses per side. Below, for the chosen
wave: a table with one row per dimension of its instrument (Kumppani's or its own), a column
per side with the mean and n — or "fewer than N answers" below the partnership's minimum group
size — and the change from the baseline and from the previous wave; optionally one row per
level. Beside it, a bar chart of the shown means per side on the instrument's scale. Everything
comes from ``app.services.questionnaires.wave_results``.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import Level, Organization, Role
from app.domain.labels import level_name
from app.i18n import _, language, ngettext
from app.persistence.diary import Diary
from app.persistence.read.partnerships import list_organizations
from app.persistence.read.questionnaires import stored_instruments
from app.scores import InstrumentError, parse_instrument
from app.scores.questionnaire_results import Group, WaveResult
from app.services.questionnaires import list_wave_summaries, wave_results
from ui.style import ROLE_COLORS, short_date

OTHER_COLOR = "#6B7B8C"


def group_text(group: Group | None, min_group: int) -> str:
    """A side's result as a cell shows it."""
    if group is None or group.n == 0:
        return _("no answers")
    if group.mean is None:
        return ngettext(
            "fewer than {min} answers (n = {n})", "fewer than {min} answers (n = {n})", min_group
        ).format(min=min_group, n=group.n)
    return f"{group.mean:.2f} (n = {group.n})"


def change_text(change: float | None) -> str:
    return "" if change is None else f"{change:+.2f}"


class QuestionnaireResults(QWidget):
    """Waves and results; ``set_partnership`` (re)reads them from the diary."""

    wave_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaireResults")
        self.diary: Diary | None = None
        self.pk: int | None = None
        self.orgs: list[Organization] = []
        self.result: WaveResult | None = None
        self.waves = QTableWidget(0, 3)
        self.waves.setObjectName("wavesTable")
        self.waves.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.waves.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.waves.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.waves.verticalHeader().hide()
        self.waves.itemSelectionChanged.connect(self._wave_changed)
        self.by_level = QCheckBox(_("Split by level"))
        self.by_level.setObjectName("splitByLevel")
        self.by_level.toggled.connect(self._show_result)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("resultsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("resultsPlot")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.getAxis("left").setWidth(175)
        self.bars: list[pg.BarGraphItem] = []
        self.legend = QLabel()
        self.legend.setObjectName("resultsLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.by_level)
        chart = QWidget()
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.legend)
        chart_layout.addWidget(self.plot, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.table)
        lower.addWidget(chart)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([600, 400])
        self.waves.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.waves, 1)
        layout.addLayout(bar)
        layout.addWidget(lower, 4)

    # -- reading ----------------------------------------------------------------------------

    def set_partnership(self, diary: Diary | None, pk: int | None) -> None:
        self.diary, self.pk = diary, pk
        chosen = self.current_wave()
        self.orgs = [
            o
            for o in (list_organizations(diary.db, pk) if diary and pk else [])
            if o.role is not Role.FACILITATOR
        ]
        summaries = list_wave_summaries(diary, pk) if diary and pk else []
        names = self._instrument_names(diary, pk)
        self.waves.blockSignals(True)
        self.waves.clear()
        headers = [_("Date"), _("Wave"), _("Questionnaire")] + [o.name for o in self.orgs]
        self.waves.setColumnCount(len(headers))
        self.waves.setHorizontalHeaderLabels(headers)
        self.waves.setRowCount(len(summaries))
        for row, s in enumerate(reversed(summaries)):
            cells = [short_date(s.date), s.title, names.get(s.instrument, s.instrument)]
            cells += [str(s.responses.get(o.id, 0)) for o in self.orgs]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                if column >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.waves.setItem(row, column, item)
        header = self.waves.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.waves.blockSignals(False)
        ids = [s.id for s in reversed(summaries)]
        self.waves.selectRow(ids.index(chosen) if chosen in ids else 0)
        if not summaries:
            self._wave_changed()

    @staticmethod
    def _instrument_names(diary: Diary | None, pk: int | None) -> dict[str, str]:
        if diary is None or pk is None:
            return {}
        found = {}
        for ident, definition in stored_instruments(diary.db, pk).items():
            try:
                found[ident] = parse_instrument(definition).title(language())
            except InstrumentError:
                found[ident] = ident
        return found

    def current_wave(self) -> str | None:
        items = self.waves.selectedItems()
        value = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        return str(value) if value else None

    def _wave_changed(self) -> None:
        wave_id = self.current_wave()
        if self.diary is None or self.pk is None or wave_id is None:
            self.result = None
        else:
            self.result = wave_results(self.diary, self.pk, wave_id, by_level=True)
            self.wave_chosen.emit(wave_id)
        self._show_result()

    # -- showing ----------------------------------------------------------------------------

    def _show_result(self) -> None:
        result = self.result
        self.table.clear()
        self._draw(result)
        if result is None:
            self.heading.setText(
                _("No questionnaire waves yet: write the forms with Questionnaire forms…")
                if self.pk is not None
                else ""
            )
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        lang = language()
        inst = result.instrument
        note = "" if inst.validated else " " + _("(not validated)")
        baseline = (
            _("compared with {wave} ({date})").format(
                wave=result.baseline.title, date=short_date(result.baseline.held_on)
            )
            if result.baseline
            else _("the first wave of this questionnaire (the baseline)")
        )
        self.heading.setText(
            _(
                "{instrument}{note}, scale {low}–{high}; results shown with at least {min} "
                "answers per side; {baseline}."
            ).format(
                instrument=inst.title(lang),
                note=note,
                low=inst.scale.low,
                high=inst.scale.high,
                min=result.min_group_size,
                baseline=baseline,
            )
        )
        levels: list[Level | None] = [None]
        if self.by_level.isChecked():
            levels += list(Level)
        changes = result.baseline is not None
        headers = [_("Dimension")]
        for o in self.orgs:
            headers += [o.name]
            if changes:
                headers += [_("since baseline"), _("since previous")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        rows = [(d, level) for d in result.dimensions for level in levels]
        self.table.setRowCount(len(rows))
        for row, (dim, level) in enumerate(rows):
            label = dim.dimension.label_in(lang)
            if level is not None:
                label = "    " + level_name(level)
            cells = [label]
            for o in self.orgs:
                assert o.pk is not None
                if level is None:
                    cells.append(group_text(dim.sides.get(o.pk), result.min_group_size))
                    if changes:
                        cells += [
                            change_text(dim.from_baseline.get(o.pk)),
                            change_text(dim.from_previous.get(o.pk)),
                        ]
                else:
                    cells.append(group_text(dim.levels.get((o.pk, level)), result.min_group_size))
                    if changes:
                        cells += ["", ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _draw(self, result: WaveResult | None) -> None:
        """Horizontal bars: one row per dimension (first at the top), one bar per side."""
        for bar in self.bars:
            self.plot.removeItem(bar)
        self.bars = []
        self.legend.setText(
            "&nbsp;&nbsp;".join(
                f'<span style="color:{ROLE_COLORS.get(o.role, OTHER_COLOR)}">&#9632;</span> '
                f"{html.escape(o.name)}"
                for o in self.orgs
            )
        )
        if result is None:
            return
        lang = language()
        dims = result.dimensions
        low = result.instrument.scale.low
        height = 0.8 / max(1, len(self.orgs))
        for i, o in enumerate(self.orgs):
            assert o.pk is not None
            ys, widths = [], []
            for row, d in enumerate(dims):
                group = d.sides.get(o.pk)
                if group is not None and group.mean is not None:
                    ys.append(-row - 0.4 + height * (i + 0.5))
                    widths.append(group.mean - low)
            color = QColor(ROLE_COLORS.get(o.role, OTHER_COLOR))
            bar = pg.BarGraphItem(
                x0=low, y=ys, width=widths, height=height * 0.9, brush=color, pen=color
            )
            self.plot.addItem(bar)
            self.bars.append(bar)
        ticks = [(-row, _short(d.dimension.label_in(lang))) for row, d in enumerate(dims)]
        self.plot.getAxis("left").setTicks([ticks])
        self.plot.setYRange(-len(dims) + 0.4, 0.6, padding=0)
        self.plot.setXRange(low, result.instrument.scale.high, padding=0.02)


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
