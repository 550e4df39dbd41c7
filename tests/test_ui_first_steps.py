"""What a new user meets in the first minutes, driven through the real widgets (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.domain import Phase, Role
from app.domain.labels import phase_name
from app.persistence import partnerships
from app.services.partnerships import OrganizationDraft, PartnershipDraft, create_partnership
from ui.context import AppContext
from ui.dialogs.phase_dialog import PhaseDialog
from ui.main_window import MainWindow
from ui.pages.overview import OverviewPage
from ui.widgets.checklist_panel import ChecklistPanel


def _created_today(context: AppContext, name: str = "Started today") -> int:
    draft = PartnershipDraft(
        name=name,
        started_on=date.today(),
        organizations=[
            OrganizationDraft("Tukku Oy", Role.CUSTOMER),
            OrganizationDraft("Työterveys Ab", Role.PROVIDER),
        ],
    )
    return create_partnership(context.diary, draft)


# -- item 13: the phase change of a partnership created today takes effect today ---------------


def test_a_phase_change_defaults_to_today_and_the_badge_shows_it(
    qtbot: QtBot,
    context: AppContext,
    build: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.dialogs import phase_dialog

    pk = _created_today(context)
    win = build()
    win.select_partnership(pk)
    page = win.show_page("overview")
    assert isinstance(page, OverviewPage)
    assert page.phase_chip.text() == phase_name(Phase.NEGOTIATION)
    proposed: list[date] = []

    def accept_as_proposed(dialog: PhaseDialog) -> int:
        proposed.append(dialog.day.date().toPython())
        dialog.confirm.setChecked(True)  # the new partnership's checklist is all open
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(phase_dialog.PhaseDialog, "exec", accept_as_proposed)
    page.findChild(ChecklistPanel).phase_button.click()
    assert proposed == [date.today()]
    moves = partnerships.list_phases(context.diary.db, pk)
    assert [(m.phase, m.from_on) for m in moves][-1] == (Phase.COMMITMENT, date.today())
    qtbot.waitUntil(lambda: page.phase_chip.text() == phase_name(Phase.COMMITMENT), timeout=2000)


def test_the_proposed_day_is_never_before_the_latest_move(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = _created_today(context)
    dialog = PhaseDialog(context, pk, date(2020, 1, 1))  # an overview shown as of long ago
    qtbot.addWidget(dialog)
    assert dialog.day.date().toPython() == date.today()
