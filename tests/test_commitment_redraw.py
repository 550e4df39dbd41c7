"""The Commitment page shown again without a write in between keeps what it drew: no query, no
plot built anew (a large partnership's chart takes a good part of a second to compute and
draw); after a write it is drawn again from the fresh snapshot."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.persistence import partnerships
from app.services.demo import load_demo
from bench.statements import Statements
from ui.context import AppContext
from ui.pages.commitment_page import CommitmentPage


def test_the_page_shown_again_unchanged_reads_and_draws_nothing(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = load_demo(context.diary)
    page = CommitmentPage(context)
    qtbot.addWidget(page)
    page.show_partnership(None)
    page.show_partnership(pk)
    drawn = dict(page.multiples.plots)
    series = page.series
    assert drawn and series is not None
    with Statements(context.diary.db.conn) as seen:
        page.show_partnership(pk)
    assert seen.queries() == []
    assert page.series is series
    assert all(page.multiples.plots[d] is plot for d, plot in drawn.items())
    with context.diary.write() as db:
        partnerships.set_thresholds(db, pk, {"idle_days": 30})
    page.show_partnership(pk)
    assert page.series is not series and page.series == series  # drawn again, the same data
    assert all(page.multiples.plots[d] is not plot for d, plot in drawn.items())
