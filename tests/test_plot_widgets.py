"""The ratings editor, the small multiples, the answers import dialog and the Commitment page,
driven through real widgets on the demonstration partnership."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain import Dimension, Event, EventKind, Role
from app.persistence import events as event_repo
from app.persistence import partnerships as partnership_repo
from app.persistence.diary import Diary
from app.persistence.snapshots import load_snapshot
from app.series import questionnaire_waves
from app.services.demo import load_demo
from ui.context import AppContext
from ui.settings import COMMITMENT_MEASURE


@pytest.fixture
def demo(diary: Diary) -> int:
    return load_demo(diary)


def new_meeting(diary: Diary, pk: int) -> int:
    with diary.write() as db:
        return event_repo.insert_event(db, pk, Event(EventKind.MEETING, "Extra", "2025-12-01"))


def test_ratings_editor_types_saves_undoes_and_clears(
    qtbot, diary: Diary, demo: int, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.ratings_editor import RatingsEditor

    event_pk = new_meeting(diary, demo)
    editor = RatingsEditor(diary, context.undo)
    qtbot.addWidget(editor)
    editor.set_event(event_pk)
    editor.show()
    customer = next(
        i for i, o in enumerate(editor._orgs) if o.role == Role.CUSTOMER
    )  # row of the customer
    editor.table.setCurrentCell(customer, 0)
    editor.table.setFocus()
    with qtbot.waitSignal(editor.rating_saved):
        qtbot.keyClick(editor.table, Qt.Key.Key_4)
    qtbot.keyClick(editor.table, Qt.Key.Key_2)  # the cursor moved on to partner commitment
    qtbot.keyClick(editor.table, Qt.Key.Key_9)  # not a rating: ignored
    stored = {(r.dimension, r.value) for r in event_repo.list_ratings(diary.db, event_pk)}
    assert stored == {(Dimension.COMMITMENT, 4.0), (Dimension.PARTNER_COMMITMENT, 2.0)}
    assert context.undo.undo_text == "rate organization"
    context.undo.undo()
    editor.refresh()
    assert editor.value_at(customer, 1) is None and editor.value_at(customer, 0) == 4.0
    editor.table.setCurrentCell(customer, 0)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert event_repo.list_ratings(diary.db, event_pk) == []


def test_ratings_editor_is_read_only_on_a_questionnaire(qtbot, diary: Diary, demo: int) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.ratings_editor import RatingsEditor

    wave = next(
        e for e in event_repo.list_events(diary.db, demo) if e.kind == EventKind.QUESTIONNAIRE
    )
    editor = RatingsEditor(diary)
    qtbot.addWidget(editor)
    editor.set_event(wave.pk)
    assert not editor.table.isEnabled()
    assert "questionnaire" in editor.hint.text()


def test_small_multiples_show_each_sides_mean_and_n(qtbot, diary: Diary, demo: int) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.small_multiples import SmallMultiples

    snapshot = load_snapshot(diary.db, demo)
    assert snapshot is not None
    wave = questionnaire_waves(snapshot)[-1]
    widget = SmallMultiples()
    qtbot.addWidget(widget)
    widget.set_wave(wave)
    assert set(widget.bars) == {d.dimension for d in wave.dimensions}
    for score in wave.dimensions:
        bars = widget.bars[score.dimension]
        means = [s.mean if s else 1 for s in (score.customer, score.provider)]
        assert list(bars.opts["x1"]) == means
        assert widget.labels[score.dimension][0] == (
            f"{score.customer.mean:.1f} (n = {score.customer.n})"
            if score.customer
            else "no answers"
        )
    widget.set_wave(None)
    assert widget.bars == {}


def test_import_dialog_previews_refuses_bad_files_and_imports(
    qtbot, diary: Diary, demo: int, context: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.responses_import_dialog import ResponsesImportDialog

    orgs = partnership_repo.list_organizations(diary.db, demo)
    customer = next(o for o in orgs if o.role == Role.CUSTOMER)
    bad = tmp_path / "bad.csv"
    bad.write_text(f"organization;equity\n{customer.name};7\nMars;3\n", "utf-8")
    good = tmp_path / "good.csv"
    good.write_text(f"organization;equity\n{customer.name};2\n{customer.id};4\n", "utf-8")
    dialog = ResponsesImportDialog(diary, demo, context.undo)
    qtbot.addWidget(dialog)
    dialog.load_file(bad)
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems == [
        "row 2, column equity: 7 is not a number from 1 to 5",
        "row 3, column organization: unknown organization Mars",
    ]
    assert not dialog.import_button.isEnabled()
    dialog.load_file(good)
    assert dialog.preview.rowCount() == 2 and dialog.import_button.isEnabled()
    dialog.title.setText("Quick pulse")
    before = len(event_repo.list_events(diary.db, demo))
    dialog.import_button.click()
    assert dialog.event_pk is not None
    event = event_repo.get_event(diary.db, dialog.event_pk)
    assert event is not None and event.title == "Quick pulse"
    assert sorted(r.value for r in event.ratings) == [2.0, 4.0]
    context.undo.undo()
    assert len(event_repo.list_events(diary.db, demo)) == before


def test_commitment_page_draws_chosen_measure_and_remembers_it(
    qtbot, diary: Diary, demo: int, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.commitment_page import CommitmentPage

    page = CommitmentPage(context)
    qtbot.addWidget(page)
    page.show_partnership(demo)
    assert page.series is not None and page.series.measure == "commitment"
    assert page.plot.line_items and page.wave.count() >= 1
    assert page.multiples.bars
    page.measure.setCurrentIndex(page.measure.findData("sponsor_attendance"))
    assert page.series.measure == "sponsor_attendance"
    assert COMMITMENT_MEASURE.read(context.settings) == "sponsor_attendance"
    point = next(p for ln in page.series.lines for p in ln.points)
    with qtbot.waitSignal(page.event_activated) as blocker:
        page.plot.event_activated.emit(point.event_pk)
    assert blocker.args == [point.event_pk]
    page.show_partnership(None)
    assert page.series is None and not page.export_button.isEnabled()


def test_answers_typed_in_the_grid_become_a_wave(
    qtbot, diary: Diary, demo: int, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.responses_import_dialog import ResponsesImportDialog

    people = partnership_repo.list_people(diary.db, demo)
    dialog = ResponsesImportDialog(diary, demo, context.undo)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.grid)
    grid = dialog.grid
    row = grid.add_row(0)
    who = grid.table.cellWidget(row, 1)
    who.setCurrentIndex(1)  # the first person of the first organization
    grid.table.setFocus()
    grid.table.setCurrentCell(row, grid.FIRST)
    for key in (Qt.Key.Key_4, Qt.Key.Key_3, Qt.Key.Key_7):  # 7 is not a rating: ignored
        qtbot.keyClick(grid.table, key)
    # the same person twice is refused with a problem worded for the grid
    grid.add_row(0)
    grid.table.cellWidget(1, 1).setCurrentIndex(1)
    grid.table.setCurrentCell(1, grid.FIRST + 2)
    qtbot.keyClick(grid.table, Qt.Key.Key_5)
    assert not dialog.import_button.isEnabled()
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems == [f"respondent 2: {who.currentText()} answered twice"]
    grid.table.cellWidget(1, 1).setCurrentIndex(0)  # anonymous instead
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    event = event_repo.get_event(diary.db, dialog.event_pk or 0)
    assert event is not None and event.kind == EventKind.QUESTIONNAIRE
    person = next(p for p in people if p.name == who.currentText())
    assert sorted((r.dimension.value, r.value, r.respondent) for r in event.ratings) == sorted(
        [
            ("commitment", 4.0, person.pk),
            ("partner_commitment", 3.0, person.pk),
            ("equity", 5.0, None),
        ]
    )


def test_overview_shows_the_small_plot_and_forwards_clicks(
    qtbot, diary: Diary, demo: int, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.commitment_page import CommitmentOverviewPanel
    from ui.pages.overview import OverviewPage

    overview = OverviewPage(context)
    qtbot.addWidget(overview)
    panel = overview.findChild(CommitmentOverviewPanel, "commitmentPanel")
    assert panel is not None and panel.plot is None  # nothing drawn before a partnership
    overview.show_partnership(demo)
    # Drawn right after the rest of the page has shown the partnership.
    qtbot.waitUntil(lambda: panel.plot is not None)
    assert panel.plot is not None and panel.plot.compact
    series = panel.plot.series
    assert series is not None and series.measure == "commitment"
    assert {pk for pk in panel.plot.line_items} == {ln.organization_pk for ln in series.lines}
    with qtbot.waitSignal(overview.event_activated) as blocker:
        panel.plot.event_activated.emit(series.lines[0].points[0].event_pk)
    assert blocker.args == [series.lines[0].points[0].event_pk]


def test_page_exports_the_plot_as_png(
    qtbot,
    diary: Diary,
    demo: int,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog

    from ui.pages.commitment_page import CommitmentPage

    target = tmp_path / "chart"  # the suffix is added when missing
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    page = CommitmentPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show_partnership(demo)
    page.show()
    qtbot.waitExposed(page)
    page.export_button.click()
    image = QImage(str(target) + ".png")
    assert (image.width(), image.height()) == (page.plot.width(), page.plot.height())
