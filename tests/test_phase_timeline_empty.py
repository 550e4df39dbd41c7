"""A partnership with no phase history gets an empty timeline with a hint, never an error."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.domain import Partnership, Phase, PhaseMove
from app.i18n import catalogue
from app.persistence import partnerships
from app.persistence.diary import Diary
from app.services.undo import UndoStack
from ui.context import AppContext
from ui.pages.overview import OverviewPage
from ui.widgets.phase_timeline import PhaseTimeline, no_phases_hint, phase_bands


def test_no_moves_give_no_bands() -> None:
    assert phase_bands([], date(2024, 6, 1)) == []
    later = [PhaseMove(Phase.COMMITMENT, date(2024, 7, 1))]
    assert phase_bands(later, date(2024, 6, 1)) == []  # every move after the end


def test_an_empty_history_draws_the_axis_and_the_hint(qtbot: QtBot) -> None:
    timeline = PhaseTimeline()
    qtbot.addWidget(timeline)
    timeline.resize(600, timeline.sizeHint().height())
    timeline.set_history([], date(2024, 1, 1), date(2025, 3, 1), today=date(2024, 9, 1))
    assert timeline.bands() == []
    assert timeline.band_at(300) is None
    assert timeline.accessibleDescription() == no_phases_hint()
    image = timeline.grab().toImage()
    assert image.width() == 600
    timeline.grab().save("/tmp/shots/fixes-core/empty-timeline.png")


def test_the_hint_has_its_finnish_translation() -> None:
    assert no_phases_hint() in catalogue("fi")


def test_overview_of_a_partnership_without_phases(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    with diary.write() as db:
        pk = partnerships.insert_partnership(db, Partnership("No phases yet", date(2024, 1, 10)))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page = OverviewPage(AppContext(diary, UndoStack(diary), settings))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show_partnership(pk)
    assert page.name_label.text() == "No phases yet"
    assert page.timeline.bands() == []
    assert page.timeline.accessibleDescription() == no_phases_hint()
    page.grab().save("/tmp/shots/fixes-core/overview-no-phases.png")
