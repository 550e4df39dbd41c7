"""Icons and labels a reader can tell apart, and shortened titles that can be read whole."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.domain import EntryType
from app.i18n import set_language
from app.persistence import actions, events, partnerships
from app.services.demo import load_demo
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.models.look import entry_icon, entry_letter
from ui.pages.overview import OverviewPage


def _pixels(kind: EntryType) -> QImage:
    return entry_icon(kind, 24).pixmap(24, 24).toImage()


def test_every_entry_type_has_its_own_icon_letters_in_both_languages(qtbot: QtBot) -> None:
    try:
        for language in ("en", "fi"):
            set_language(language)
            letters = [entry_letter(kind) for kind in EntryType]
            assert len(set(letters)) == len(letters), (language, letters)
        set_language("en")
        assert entry_letter(EntryType.ACCOMPLISHMENT) != entry_letter(EntryType.ASSESSMENT)
        assert entry_letter(EntryType.OBSTACLE) != entry_letter(EntryType.OBSERVATION)
        # Colours differ anyway; the letters drawn differ too.
        assert _pixels(EntryType.ACCOMPLISHMENT) != _pixels(EntryType.ASSESSMENT)
    finally:
        set_language("en")


def test_shortened_evidence_titles_are_whole_in_the_tooltip(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    demo = load_demo(context.diary)
    win = build()
    win.select_partnership(demo)
    page = win.show_page("overview")
    assert isinstance(page, OverviewPage)
    labels = [label for label in page.findChildren(QLabel) if label.objectName() == "evidenceLinks"]
    assert labels
    shortened = 0
    for label in labels:
        for part in label.text().split("</a>"):
            if "…" not in part:
                continue
            shortened += 1
            kind, pk = part.split('href="')[1].split('"')[0].split(":")
            db = context.diary.db
            record = events.get_event(db, int(pk)) if kind == "event" else None
            whole = record.title if record else None
            if kind == "action":
                action = actions.get_action(db, int(pk))
                whole = action.text if action else None
            if kind == "objective":
                found = [o.text for o in partnerships.list_objectives(db, demo) if o.pk == int(pk)]
                whole = found[0] if found else None
            assert whole is not None and html.escape(whole) in label.toolTip(), kind
    assert shortened > 0  # the demo has long titles: the case is exercised
