"""``kumppani report`` end to end: a real diary file, a PDF read back, the record of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_report_support import pdf_text, plant

from app.backup.opening import open_diary_file
from app.services import feedback
from ui.cli import main


def _planted_file(diary_path: Path) -> int:
    diary = open_diary_file(diary_path, create=True)
    try:
        return plant(diary).pk
    finally:
        diary.close()


def test_report_command_writes_the_pdf_and_records_it(diary_path: Path, tmp_path: Path) -> None:
    pk = _planted_file(diary_path)
    out = tmp_path / "raportti.pdf"
    argv = ["--db", str(diary_path), "report", "--partnership", "Marker Partnership"]
    options = ["--out", str(out), "--lang", "fi", "--hide-names", "--date", "2025-11-20"]
    assert main([*argv, *options, "--sections", "phase,actions"]) == 0
    text = pdf_text(out.read_bytes())
    assert "Missä olemme" in text and "Päätökset ja toimintasuunnitelma" in text
    assert "Sitoutuminen ajan mittaan" not in text
    assert "Haapaniemi" not in text and "PRIVdecisionQ14" not in text
    diary = open_diary_file(diary_path)
    try:
        given = feedback.list_given(diary, pk)
    finally:
        diary.close()
    assert [g.sha256 for g in given] == [feedback.sha256(out.read_bytes())]
    assert given[0].sections == ("phase", "actions")


def test_a_draft_is_not_recorded(diary_path: Path, tmp_path: Path) -> None:
    pk = _planted_file(diary_path)
    out = tmp_path / "draft.pdf"
    argv = ["--db", str(diary_path), "report", "--partnership", "Marker Partnership"]
    assert main([*argv, "--out", str(out), "--draft"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    diary = open_diary_file(diary_path)
    try:
        assert feedback.list_given(diary, pk) == []
    finally:
        diary.close()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--partnership", "Nobody"], "There is no partnership Nobody in this diary."),
        (["--sections", "phase,gossip"], "Unknown report section: gossip."),
        (["--from", "2025-13-01"], "The date 2025-13-01 is not a date of the form YYYY-MM-DD."),
        (["--from", "2025-10-01", "--to", "2025-01-01"], "The period ends before it starts."),
    ],
)
def test_mistakes_give_a_message_and_write_nothing(
    diary_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    _planted_file(diary_path)
    out = tmp_path / "x.pdf"
    argv = ["--db", str(diary_path), "report", "--partnership", "Marker Partnership"]
    assert main([*argv, "--out", str(out), *extra]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_an_unwritable_destination_is_a_clear_error(
    diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pk = _planted_file(diary_path)
    out = tmp_path / "missing-folder" / "x.pdf"
    argv = ["--db", str(diary_path), "report", "--partnership", "Marker Partnership"]
    assert main([*argv, "--out", str(out)]) == 2
    assert "Cannot write" in capsys.readouterr().err
    diary = open_diary_file(diary_path)
    try:
        assert feedback.list_given(diary, pk) == []
    finally:
        diary.close()
