"""The Commitment page (large plot, measure chooser, PNG export, questionnaire waves) and the
small commitment plot the Overview page shows (``CommitmentOverviewPanel``; the overview puts
it into its plot slot).

The page draws ``app.series.commitment_series`` for the chosen rating dimension or indicator
and, below it, the small multiples of a chosen questionnaire wave. Answers are imported from
here (CSV, with a preview). Clicking a point or marker asks the window to open its event.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import Role
from app.domain.snapshot import RATINGS_ONLY, Snapshot
from app.i18n import _
from app.indicators import INDICATORS
from app.persistence.read import changes as tbl
from app.persistence.read.changes import ChangeSet
from app.scores.levels import split_by_level
from app.series import Series, build_series, include_for, measures, questionnaire_waves
from ui.context import AppContext
from ui.settings import COMMITMENT_BY_LEVEL, COMMITMENT_MEASURE
from ui.style import short_date
from ui.widgets.card import Card
from ui.widgets.level_table import LevelTable

if TYPE_CHECKING:
    from ui.widgets.commitment_plot import CommitmentPlot

# What a rating dimension's chart and the questionnaire waves read; an indicator reads more.
CHART_TABLES = frozenset(
    {
        tbl.PARTNERSHIPS,
        tbl.PHASES,
        tbl.ORGANIZATIONS,
        tbl.EVENTS,
        tbl.RATINGS,
        tbl.REPORTS,
        tbl.QUESTIONNAIRES,
    }
)
INDICATOR_TABLES = CHART_TABLES | {
    tbl.PEOPLE,
    tbl.PARTICIPANTS,
    tbl.ENTRIES,
    tbl.ACTIONS,
}


def _label(text: str = "", name: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class CommitmentPage(QWidget):
    """Commitment over time for the selected partnership."""

    event_activated = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = _("Commitment")
        self.pk: int | None = None
        self.series: Series | None = None
        # The snapshot and measure drawn last: shown again unchanged (the partnership selected
        # again, no write since), the page keeps what it drew instead of drawing it anew.
        self._drawn: tuple[Snapshot | None, object] = (None, None)
        self._build()
        self.show_partnership(None)

    def _build(self) -> None:
        # pyqtgraph is imported only once a plot is built (start-up stays fast).
        from ui.widgets.commitment_plot import CommitmentPlot
        from ui.widgets.questionnaire_results import QuestionnaireResults
        from ui.widgets.small_multiples import SmallMultiples

        self.measure = QComboBox()
        self.measure.setObjectName("measureChooser")
        for key, label in measures():
            self.measure.addItem(label, key)
        saved = COMMITMENT_MEASURE.read(self.context.settings)
        self.measure.setCurrentIndex(max(0, self.measure.findData(saved)))
        self.measure.currentIndexChanged.connect(self._measure_changed)
        self.export_button = QPushButton(_("Export PNG…"))
        self.export_button.clicked.connect(self.export_png)
        self.by_level = QCheckBox(_("Split by &level"))
        self.by_level.setObjectName("splitByLevel")
        self.by_level.setToolTip(
            _(
                "Attendance and answers of top management, middle management and the "
                "operational level side by side"
            )
        )
        self.by_level.setChecked(COMMITMENT_BY_LEVEL.read(self.context.settings))
        self.by_level.toggled.connect(self._by_level_toggled)
        # The questionnaire commands share one menu button: beside the measure, the level
        # split and the export, four buttons made the page wider than a 1280-pixel screen.
        self.import_button = QAction(_("Questionnaire answers…"), self)
        self.import_button.setToolTip(_("Import a wave's answers from a spreadsheet"))
        self.import_button.triggered.connect(lambda _c=False: self.import_answers())
        self.forms_button = QAction(_("Questionnaire forms…"), self)
        self.forms_button.setObjectName("questionnaireForms")
        self.forms_button.setToolTip(_("Write fillable PDF forms for a new questionnaire wave"))
        self.forms_button.triggered.connect(lambda _c=False: self.write_forms())
        self.collect_button = QAction(_("Collect answers…"), self)
        self.collect_button.setObjectName("collectAnswers")
        self.collect_button.setToolTip(_("Collect the filled forms of a wave"))
        self.collect_button.triggered.connect(lambda _c=False: self.collect_answers())
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        menu.addActions([self.forms_button, self.collect_button, self.import_button])
        self.questionnaire_button = QPushButton(_("Questionnaire"))
        self.questionnaire_button.setObjectName("questionnaireMenu")
        self.questionnaire_button.setMenu(menu)
        bar = QHBoxLayout()
        bar.addWidget(_label(_("Show")))
        bar.addWidget(self.measure, 1)
        bar.addStretch(1)
        bar.addWidget(self.by_level)
        bar.addWidget(self.questionnaire_button)
        bar.addWidget(self.export_button)
        self.note = _label("", "muted")
        self.plot = CommitmentPlot()
        self.plot.event_activated.connect(self.event_activated)
        self.wave = QComboBox()
        self.wave.setObjectName("waveChooser")
        self.wave.currentIndexChanged.connect(self._wave_changed)
        self.multiples = SmallMultiples()
        waves = QWidget()
        waves_layout = QVBoxLayout(waves)
        waves_layout.setContentsMargins(0, 0, 0, 0)
        wave_bar = QHBoxLayout()
        wave_bar.addWidget(_label(_("Questionnaire wave")))
        wave_bar.addWidget(self.wave, 1)
        waves_layout.addLayout(wave_bar)
        waves_layout.addWidget(self.multiples, 1)
        self.waves = waves
        self.levels = LevelTable()
        # The split by level takes the place of the pulse by dimension when it is chosen.
        pulse = QWidget()
        pulse_layout = QVBoxLayout(pulse)
        pulse_layout.setContentsMargins(0, 0, 0, 0)
        pulse_layout.addWidget(waves)
        pulse_layout.addWidget(self.levels)
        self.results = QuestionnaireResults()
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setObjectName("commitmentLower")
        self.lower_tabs.addTab(pulse, _("Pulse by dimension"))
        self.lower_tabs.addTab(self.results, _("Questionnaire results"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.plot)
        split.addWidget(self.lower_tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)

    # -- showing ----------------------------------------------------------------------------

    def show_partnership(self, pk: int | None) -> None:
        self.pk = pk
        self.refresh()

    def affected_by(self, changes: ChangeSet) -> bool:
        """A captured line changes an indicator's chart, never a rating dimension's; the split
        by level also reads the people and who attended."""
        wide = self.measure.currentData() in INDICATORS or self.by_level.isChecked()
        return changes.touches(INDICATOR_TABLES if wide else CHART_TABLES, self.pk)

    def refresh(self) -> None:
        key = self.measure.currentData()
        snapshot = (
            self.context.snapshots.get(self.pk, include_for(key)) if self.pk is not None else None
        )
        if snapshot is not None and self._drawn[0] is snapshot and self._drawn[1] == key:
            return
        self._drawn = (snapshot, key)
        self.series = build_series(snapshot, key) if snapshot is not None else None
        self.plot.set_series(self.series)
        for w in (
            self.export_button,
            self.questionnaire_button,
            self.measure,
            self.wave,
            self.by_level,
        ):
            w.setEnabled(snapshot is not None)
        self.results.set_partnership(self.context.diary if self.pk else None, self.pk)
        self._show_levels()
        self.note.setText(self._note(self.series))
        self._waves = questionnaire_waves(snapshot) if snapshot is not None else []
        self._names = (
            {
                role: ", ".join(o.name for o in snapshot.organizations if o.role == role)
                for role in (Role.CUSTOMER, Role.PROVIDER)
            }
            if snapshot is not None
            else {}
        )
        current = self.wave.currentData()
        self.wave.blockSignals(True)
        self.wave.clear()
        for wave in reversed(self._waves):
            self.wave.addItem(f"{short_date(wave.day)} — {wave.title}", wave.event_pk)
        self.wave.setCurrentIndex(max(0, self.wave.findData(current)))
        self.wave.blockSignals(False)
        self._wave_changed()

    @staticmethod
    def _note(series: Series | None) -> str:
        if series is None:
            return _("Choose a partnership to see its commitment over time.")
        if series.unit:
            return _("Computed from the diary. Click a point to open its event.")
        return _(
            "Ratings 1–5 per organization: the facilitator's ratings and questionnaire waves "
            "(Kumppani's pulse is not a validated instrument). Click a point to open its event."
        )

    def _by_level_toggled(self, on: bool) -> None:
        COMMITMENT_BY_LEVEL.write(self.context.settings, on)
        self._show_levels()

    def _show_levels(self) -> None:
        """The split by level in place of the questionnaire waves, when it is chosen."""
        on = self.by_level.isChecked()
        self.waves.setVisible(not on)
        self.levels.setVisible(on)
        if not on:
            return
        snapshot = self.context.snapshots.get(self.pk) if self.pk is not None else None
        self.levels.set_split(split_by_level(snapshot) if snapshot is not None else None)

    def _measure_changed(self) -> None:
        COMMITMENT_MEASURE.write(self.context.settings, str(self.measure.currentData()))
        self.refresh()

    def _wave_changed(self) -> None:
        pk = self.wave.currentData()
        wave = next((w for w in self._waves if w.event_pk == pk), None)
        self.multiples.set_wave(wave, self._names)

    # -- actions ----------------------------------------------------------------------------

    def export_png(self) -> None:
        if self.series is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the plot"), f"{self.series.measure}.png", _("PNG images (*.png)")
        )
        if name:
            if not name.lower().endswith(".png"):
                name += ".png"
            if not self.plot.export_png(name):
                self.note.setText(_("Could not write {path}.").format(path=name))

    def import_answers(self) -> None:
        if self.pk is None:
            return
        from ui.dialogs.responses_import_dialog import ResponsesImportDialog

        dialog = ResponsesImportDialog(self.context.diary, self.pk, self.context.undo, self)
        if dialog.exec() and dialog.event_pk is not None:
            self.refresh()

    def write_forms(self) -> None:
        if self.pk is None:
            return
        from ui.dialogs.questionnaire_wizard import QuestionnaireWizard

        wizard = QuestionnaireWizard(self.context.diary, self.pk, self.context.settings, self)
        if wizard.exec():
            self.refresh()
            self.lower_tabs.setCurrentWidget(self.results)

    def collect_answers(self) -> None:
        if self.pk is None:
            return
        from ui.dialogs.collect_dialog import CollectDialog

        dialog = CollectDialog(self.context.diary, self.pk, self, self.context.undo)
        if dialog.exec():
            self.refresh()
            self.lower_tabs.setCurrentWidget(self.results)


class CommitmentOverviewPanel(Card):
    """The small plot on the Overview page: commitment per organization, as of its day.

    The plot (and pyqtgraph with it) is built the first time a partnership is shown, right
    after the rest of the Overview has shown it.
    """

    event_activated = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Commitment over time"), parent)
        self.setObjectName("commitmentPanel")
        self.context = context
        self.pk: int | None = None
        self.as_of: date | None = None
        self.plot: CommitmentPlot | None = None
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.setInterval(0)
        self._due.timeout.connect(self.draw)
        self.hide()

    def set_as_of(self, day: date | None) -> None:
        self.as_of = day

    def affected_by(self, changes: ChangeSet) -> bool:
        return changes.touches(CHART_TABLES, self.pk)

    def show_partnership(self, pk: int | None) -> None:
        # Drawn right after the overview shows the partnership (a zero timer): the plot reads
        # every event's ratings and, the first time, imports pyqtgraph.
        self.pk = pk
        if pk is None:
            self._due.stop()
            self.hide()
        else:
            self._due.start()

    def draw(self) -> None:
        """Read and draw the plot of the partnership shown now (also run by the timer)."""
        self._due.stop()
        if self.context.diary.closed:
            return  # the timer outlived the diary (the window closed meanwhile)
        pk = self.pk
        snapshot = self.context.snapshots.get(pk, RATINGS_ONLY) if pk is not None else None
        series = build_series(snapshot.until(self.as_of), "commitment") if snapshot else None
        self.setVisible(series is not None)
        if series is None:
            return
        if self.plot is None:
            from ui.widgets.commitment_plot import CommitmentPlot

            self.plot = CommitmentPlot(compact=True)
            self.plot.setMinimumHeight(260)
            self.plot.event_activated.connect(self.event_activated)
            self.body.addWidget(self.plot)
        self.plot.set_series(series)
