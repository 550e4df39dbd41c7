"""The History page lists the feedback reports given to the partners and can take one back."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.report import ReportOptions
from app.services import feedback
from app.services.demo import load_demo
from ui.context import AppContext
from ui.pages.history_page import HistoryPage


def test_history_lists_reports_given_and_removes_one_never_handed_out(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    pk = load_demo(context.diary)
    before = len(feedback.list_given(context.diary, pk))
    feedback.record_given(
        context.diary, pk, b"%PDF-1.4 test", ReportOptions(generated_on=date(2026, 1, 20))
    )
    page = HistoryPage(context)
    qtbot.addWidget(page)
    page.show_partnership(pk)
    listed = page.reports_given.given_list
    assert listed.count() == before + 1
    assert "All partners" in listed.item(0).text()  # newest first

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    listed.setCurrentRow(0)
    page.reports_given.remove_button.click()
    assert listed.count() == before
    assert len(feedback.list_given(context.diary, pk)) == before
