"""The commitment plots as a user sees them: nothing drawn over anything, nothing cut off
(issue 16, items 10 and 11). Checked on the plot items and their geometry, in English and
Finnish, at the sizes of 1280×800 and 1366×768 screens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from app.domain import Dimension, Event, EventKind, Phase, Rating, Role
from app.persistence import partnerships
from app.services import phases
from app.services.demo import load_demo
from app.services.editing import Editor
from app.services.partnerships import OrganizationDraft, PartnershipDraft, create_partnership
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.commitment_page import CommitmentOverviewPanel, CommitmentPage
from ui.widgets.commitment_plot import DAY, CommitmentPlot, to_x
from ui.widgets.small_multiples import SmallMultiples

SCREENS = [(1280, 800), (1366, 768)]


def _window(build: Callable[[], MainWindow], screen: tuple[int, int], pk: int) -> MainWindow:
    win = build()
    win.resize(screen[0] - 20, screen[1] - 60)
    win.show()
    win.select_partnership(pk)
    return win


def _overview_plot(qtbot: QtBot, win: MainWindow) -> CommitmentPlot:
    page = win.show_page("overview")
    assert page is not None
    panel = page.findChild(CommitmentOverviewPanel)
    assert panel is not None
    qtbot.waitUntil(lambda: panel.plot is not None and panel.plot.series is not None)
    assert panel.plot is not None
    qtbot.wait(20)
    return panel.plot


def _scene(item: pg.GraphicsObject) -> QRectF:
    return item.mapRectToScene(item.boundingRect())


def _fits(plot: CommitmentPlot) -> None:
    """Legend, plot area and gap panel inside the widget; the whole series in view."""
    width = plot.view.viewport().width()
    assert plot.legend.sceneBoundingRect().right() <= width + 1
    for panel in (plot.main, plot.gap_plot):
        if panel.isVisible():
            assert panel.getViewBox().sceneBoundingRect().right() <= width + 1
    assert plot.series is not None
    (left, right), _y = plot.main.getViewBox().viewRange()
    start, end = to_x(plot.series.start), to_x(plot.series.end)
    assert left <= start and right >= end  # the first and the last months are shown
    assert right - end <= 30 * DAY and start - left <= 30 * DAY  # and no empty year beside


# -- item 10: a new partnership ---------------------------------------------------------------


def _new_partnership(context: AppContext) -> int:
    draft = PartnershipDraft(
        name="New client",
        started_on=date.today() - timedelta(days=3),
        organizations=[
            OrganizationDraft("Tukku Oy", Role.CUSTOMER),
            OrganizationDraft("Työterveys Ab", Role.PROVIDER),
        ],
    )
    return create_partnership(context.diary, draft)


def test_a_new_partnerships_plot_as_it_fills(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    pk = _new_partnership(context)
    win = _window(build, SCREENS[0], pk)
    plot = _overview_plot(qtbot, win)
    assert "Nothing to show yet" in plot.message.toPlainText()
    # The first meeting is rated: points, and no "nothing to show" over them.
    customer, provider = partnerships.list_organizations(context.diary.db, pk)
    event = Event(EventKind.MEETING, "Kick-off", date.today().isoformat(), 60)
    event.ratings = [
        Rating(customer.pk or 0, Dimension.COMMITMENT, 4.0),
        Rating(provider.pk or 0, Dimension.COMMITMENT, 2.0),
    ]
    Editor(context.diary, context.undo).create_event(pk, event)
    qtbot.waitUntil(lambda: plot.series is not None and not plot.series.is_empty)
    assert plot.message.toPlainText() == "" or not plot.message.isVisible()
    assert sum(len(p.data) for p in plot.point_items.values()) == 2
    # Moving on today: the two phase names are never printed over each other.
    phases.move(context.diary, pk, Phase.COMMITMENT, date.today(), confirmed=True)
    qtbot.waitUntil(lambda: plot.series is not None and len(plot.series.bands) == 2)
    qtbot.wait(20)
    shown = [label for _band, label in plot.phase_labels if label.isVisible()]
    for i, first in enumerate(shown):
        for second in shown[i + 1 :]:
            assert not _scene(first).intersects(_scene(second))
    box = plot.main.getViewBox()
    for band, label in plot.phase_labels:
        if label.isVisible():  # inside its own band
            band_right = box.mapViewToScene(pg.Point(to_x(band.end), 0)).x()
            assert _scene(label).right() <= band_right
    # The gap of that one meeting is a thin bar, not a block across the panel.
    assert plot.gap_item is not None
    gap_box = plot.gap_plot.getViewBox()
    bar_pixels = plot.gap_item.opts["width"] / gap_box.viewPixelSize()[0]
    assert bar_pixels <= gap_box.sceneBoundingRect().width() * 0.03
    _fits(plot)


# -- item 11: the demo's plots fit, in both languages, on both screens ------------------------


@pytest.mark.parametrize("screen", SCREENS)
def test_the_demo_plots_fit_their_cards(
    qtbot: QtBot,
    context: AppContext,
    build: Callable[[], MainWindow],
    language: str,
    screen: tuple[int, int],
) -> None:
    demo = load_demo(context.diary)
    other = _new_partnership(context)  # shown first: its range must not leak into the demo's
    win = _window(build, screen, other)
    _overview_plot(qtbot, win)
    win.select_partnership(demo)
    _fits(_overview_plot(qtbot, win))
    page = win.show_page("commitment")
    assert isinstance(page, CommitmentPage)
    qtbot.wait(20)
    _fits(page.plot)
    _small_multiples_fit(page.multiples)


def _small_multiples_fit(widget: SmallMultiples) -> None:
    assert widget.plots  # the demo has questionnaire waves
    width = widget.scroller.viewport().width()
    for dimension, plot in widget.plots.items():
        assert plot.sceneBoundingRect().right() <= width + 1, dimension
        assert plot.titleLabel.sceneBoundingRect().right() <= width + 1, dimension
        box = plot.getViewBox().sceneBoundingRect()
        axis = plot.getAxis("bottom").sceneBoundingRect()
        texts = [i for i in plot.items if isinstance(i, pg.TextItem)]
        assert len(texts) == 2
        for text in texts:
            rect = _scene(text)
            assert box.contains(rect), (dimension, text.toPlainText())  # not clipped
            assert not rect.intersects(axis), (dimension, text.toPlainText())
