"""File ▸ Merge a colleague's file…: the preview counts, the conflict with both versions side by
side (the file's named by its author), and the user's choice of the older version kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from test_merge import Side, clock, pair  # noqa: F401  (fixtures)

from app.persistence import merges
from app.services.editing import Editor
from app.services.merge import merge_file, prepare
from app.services.undo import UndoStack
from ui.dialogs.merge_dialog import MergeDialog
from ui.dialogs.revisions_dialog import RevisionsDialog

SHOTS = Path("/tmp/shots/merge")


def test_conflict_dialog_keeps_the_chosen_version(
    qtbot: QtBot,
    pair: tuple[Side, Side, dict[str, str]],  # noqa: F811
    tmp_path: Path,
    language: str,
) -> None:
    a, b, ids = pair
    b_file = b.export(tmp_path / "b.json")
    preview, _ours = prepare(a.diary, b_file)
    dialog = MergeDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    counts = {
        dialog.counts.item(row, 0).text(): dialog.counts.item(row, 1).text()
        for row in range(dialog.counts.rowCount())
    }
    events, entries = ("Tilaisuudet", "Merkinnät") if language == "fi" else ("Events", "Entries")
    assert counts[events] == "1" and counts[entries] == "2"
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Anna's wording"
    assert dialog.table.item(0, 2).text() == "Bert's wording"
    header = dialog.table.horizontalHeaderItem(2).text()
    assert "Bert" in header
    combo = dialog.table.cellWidget(0, 3)
    assert isinstance(combo, QComboBox) and combo.currentData() == "theirs"  # the newer
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / f"conflict-dialog-{language}.png"))
    combo.setCurrentIndex(combo.findData("ours"))
    assert dialog.choices() == {("entry", ids["edited"]): "ours"}
    result = merge_file(a.diary, b_file, choices=dialog.choices())
    assert result.written
    texts = a.texts()
    assert "Anna's wording" in texts and "Bert's wording" not in texts
    saved = merges.revisions(a.diary.db, a.content()["partnership"]["id"], "entry", ids["edited"])
    assert [r.body["text"] for r in saved if r.reason == "conflict"] == ["Bert's wording"]


def test_an_earlier_version_is_brought_back_and_undone(
    qtbot: QtBot,
    pair: tuple[Side, Side, dict[str, str]],  # noqa: F811
    tmp_path: Path,
    language: str,
) -> None:
    a, b, ids = pair
    merge_file(a.diary, b.export(tmp_path / "b.json"))  # Bert's newer wording is kept
    undo = UndoStack(a.diary)
    editor = Editor(a.diary, undo)
    dialog = RevisionsDialog(editor, a.entry(ids["edited"]))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Anna's wording"
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / f"earlier-versions-{language}.png"))
    dialog.bring_back_button.click()
    assert a.entry(ids["edited"]).text == "Anna's wording"
    undo.undo()
    assert a.entry(ids["edited"]).text == "Bert's wording"
