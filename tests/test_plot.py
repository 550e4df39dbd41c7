"""The commitment plot's data items, its interactions, and ``kumppani plot``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from app.domain import (
    Dimension,
    Event,
    EventKind,
    Organization,
    Partnership,
    Phase,
    PhaseMove,
    Rating,
    Role,
)
from app.i18n import set_language
from app.persistence import events as event_repo
from app.persistence import partnerships as partnership_repo
from app.persistence.diary import Diary
from app.series import Series, commitment_series
from ui.cli import main

NAME = "Kone & Työterveys"


def build(diary: Diary) -> int:
    with diary.write() as db:
        phases = [
            PhaseMove(Phase.NEGOTIATION, date(2024, 1, 8)),
            PhaseMove(Phase.COMMITMENT, date(2024, 5, 6)),
            PhaseMove(Phase.EXECUTION, date(2024, 11, 4)),
        ]
        pk = partnership_repo.insert_partnership(
            db, Partnership(NAME, date(2024, 1, 8), phases=phases)
        )
        c, p = Organization("Kone Oy", Role.CUSTOMER), Organization("Työterveys", Role.PROVIDER)
        partnership_repo.insert_organization(db, pk, c)
        partnership_repo.insert_organization(db, pk, p)
        values = [(4, 4), (3.5, 4), (3, 4.5), (2, 4.5)]
        days = ["2024-02-01", "2024-06-01", "2024-10-01", "2025-02-01"]
        for i, (day, (cv, pv)) in enumerate(zip(days, values, strict=True)):
            kind = EventKind.FEEDBACK_MEETING if i == 2 else EventKind.MEETING
            ratings = [
                Rating(c.pk or 0, Dimension.COMMITMENT, cv),
                Rating(p.pk or 0, Dimension.COMMITMENT, pv),
            ]
            event_repo.insert_event(db, pk, Event(kind, f"Meeting {i + 1}", day, ratings=ratings))
    return pk


@pytest.fixture
def series(diary: Diary) -> Series:
    pk = build(diary)
    found = commitment_series(diary.db, pk, "commitment")
    assert found is not None
    return found


@pytest.fixture
def finnish() -> Iterator[None]:
    set_language("fi")
    yield
    set_language("en")


def make_plot(qtbot, series: Series):  # type: ignore[no-untyped-def]
    from ui.widgets.commitment_plot import CommitmentPlot

    plot = CommitmentPlot()
    qtbot.addWidget(plot)
    plot.resize(900, 560)
    plot.set_series(series)
    plot.show()
    qtbot.waitExposed(plot)
    return plot


def test_lines_match_the_series(qtbot, series: Series) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.commitment_plot import to_x

    plot = make_plot(qtbot, series)
    assert set(plot.line_items) == {ln.organization_pk for ln in series.lines}
    for line in series.lines:
        xs, ys = plot.line_items[line.organization_pk].getData()
        assert list(ys) == [p.value for p in line.points]
        assert list(xs) == [to_x(p.day) for p in line.points]
    customer = series.lines[0]
    assert [p.value for p in customer.points] == [4, 3.5, 3, 2]
    assert plot.gap_item is not None
    assert (
        list(plot.gap_item.opts["height"]) == [g.gap for g in series.gap] == [0, -0.5, -1.5, -2.5]
    )


def test_bands_match_the_phase_history(qtbot, series: Series) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.commitment_plot import to_x

    plot = make_plot(qtbot, series)
    drawn = [(band.phase, region.getRegion()) for band, region in plot.band_items]
    assert drawn == [
        ("negotiation", (to_x(date(2024, 1, 8)), to_x(date(2024, 5, 6)))),
        ("commitment", (to_x(date(2024, 5, 6)), to_x(date(2024, 11, 4)))),
        ("execution", (to_x(date(2024, 11, 4)), to_x(date(2025, 2, 1)))),
    ]


def test_tooltip_of_a_point(qtbot, series: Series) -> None:  # type: ignore[no-untyped-def]
    plot = make_plot(qtbot, series)
    customer_pk = series.lines[0].organization_pk
    scatter = plot.point_items[customer_pk]
    spot = scatter.points()[1]
    text = scatter.opts["tip"](x=spot.pos().x(), y=spot.pos().y(), data=spot.data())
    assert text == "Kone Oy\n2024-06-01: 3.5 (n = 1)\nMeeting 2"


def test_clicking_a_point_opens_its_event(qtbot, series: Series) -> None:  # type: ignore[no-untyped-def]
    plot = make_plot(qtbot, series)
    point = series.lines[1].points[2]
    spot = plot.point_items[series.lines[1].organization_pk].points()[2]
    scene_pos = plot.main.getViewBox().mapViewToScene(QPointF(spot.pos()))
    widget_pos = plot.view.mapFromScene(scene_pos)
    with qtbot.waitSignal(plot.event_activated, timeout=2000) as blocker:
        qtbot.mouseClick(plot.view.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos)
    assert blocker.args == [point.event_pk]


def test_markers_svg_export_and_indicator_without_gap(qtbot, series: Series, diary: Diary) -> None:  # type: ignore[no-untyped-def]
    from pyqtgraph.exporters import Exporter, SVGExporter

    plot = make_plot(qtbot, series)
    assert SVGExporter not in Exporter.Exporters
    assert plot.marker_item is not None
    tips = [s.data()[0] for s in plot.marker_item.points()]
    assert any(t.startswith("Feedback meeting\n2024-10-01") for t in tips)
    indicator = commitment_series(diary.db, 1, "days_since_feedback")
    plot.set_series(indicator)
    assert plot.gap_item is None and not plot.gap_plot.isVisible()
    plot.set_series(None)
    assert plot.line_items == {}


def test_month_names_follow_the_language(qtbot, finnish: None) -> None:  # type: ignore[no-untyped-def]
    from pyqtgraph.graphicsItems.DateAxisItem import YEAR_MONTH_ZOOM_LEVEL

    from ui.widgets.commitment_plot import LocalDateAxis, to_x

    axis = LocalDateAxis()
    axis.zoomLevel = YEAR_MONTH_ZOOM_LEVEL  # years and months, as for a partnership's span
    spacing = next(s.spacing for s in YEAR_MONTH_ZOOM_LEVEL.tickSpecs if s.format == "%b")
    labels = axis.tickStrings([to_x(date(2025, 1, 1)), to_x(date(2025, 7, 1))], 1, spacing)
    assert labels == ["tammi", "heinä"]


def test_cli_writes_a_png_of_the_requested_size(
    diary: Diary, diary_path: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    build(diary)
    diary.close()
    out = tmp_path / "plot.png"
    args = ["--db", str(diary_path), "plot", "--partnership", NAME, "--out", str(out)]
    assert main([*args, "--width", "800", "--height", "500", "--dimension", "equity"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 500)
    assert main([*args, "--dimension", "loyalty"]) == 2
    assert "Unknown dimension loyalty" in capsys.readouterr().err
    assert main([*args[:4], "Nobody", *args[5:]]) == 2
    assert "There is no partnership Nobody" in capsys.readouterr().err


def test_cli_plots_the_demonstration_partnership(
    diary: Diary, diary_path: Path, tmp_path: Path
) -> None:
    from app.persistence.partnerships import get_partnership
    from app.services.demo import load_demo

    partnership = get_partnership(diary.db, load_demo(diary))
    assert partnership is not None
    diary.close()
    for measure, size in (("commitment", (1366, 768)), ("actions_on_time", (640, 360))):
        out = tmp_path / f"{measure}.png"
        args = ["--db", str(diary_path), "plot", "--partnership", partnership.id]
        args += ["--out", str(out), "--dimension", measure]
        assert main([*args, "--width", str(size[0]), "--height", str(size[1])]) == 0
        image = QImage(str(out))
        assert (image.width(), image.height()) == size
