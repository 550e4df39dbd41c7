"""Every file the command line writes is written whole or not at all, never through a link, and
private when it can hold private text."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.safety.output import TEMP_PREFIX, write_output
from ui.cli import main

DEMO_ID = "demo-pohjolan-tukku-lahde"

# Each command that writes a file, with the option naming it.
OUTPUTS = {
    "report": ["report", "--partnership", DEMO_ID, "--draft", "--out"],
    "plot": ["plot", "--partnership", DEMO_ID, "--out"],
    "csv": ["csv", "--partnership", DEMO_ID, "--what", "entries", "--out"],
    "export": ["export", "--partnership", DEMO_ID, "--out"],
}
SUFFIX = {"report": ".pdf", "plot": ".png", "csv": ".csv", "export": ".json"}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("outputs") / "demo.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    return db


def _write(db: Path, command: str, out: Path) -> int:
    return main(["--db", str(db), *OUTPUTS[command], str(out)])


@pytest.mark.parametrize("command", list(OUTPUTS))
def test_a_link_at_the_target_is_replaced_never_followed(
    demo_db: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / f"out{SUFFIX[command]}"
    link.symlink_to(victim)
    assert _write(demo_db, command, link) == 0, capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.stat().st_size > 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


@pytest.mark.parametrize(
    ("command", "extra", "private"),
    [
        ("csv", [], True),  # entries, private ones included
        ("csv", ["--shared-only"], False),
        ("export", [], True),  # the facilitator's copy, private entries included
        ("report", [], False),  # partner output: shared entries only
    ],
)
def test_files_that_can_hold_private_text_are_readable_by_the_user_only(
    demo_db: Path, tmp_path: Path, command: str, extra: list[str], private: bool
) -> None:
    out = tmp_path / f"out{SUFFIX[command]}"
    old = os.umask(0o022)
    try:
        assert main(["--db", str(demo_db), *OUTPUTS[command], str(out), *extra]) == 0
    finally:
        os.umask(old)
    mode = stat.S_IMODE(out.stat().st_mode)
    assert mode == (0o600 if private else 0o644)


@contextlib.contextmanager
def _nearly_full_disk(folder: Path, free_kb: int) -> Iterator[Path]:
    mount = folder / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        filler = mount / "filler"
        with filler.open("wb") as f, contextlib.suppress(OSError):
            f.write(b"\0" * (1024 * 1024))
        size = filler.stat().st_size
        os.truncate(filler, max(0, size - free_kb * 1024))
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.parametrize("command", list(OUTPUTS))
def test_a_full_disk_leaves_no_truncated_file_under_the_final_name(
    demo_db: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with _nearly_full_disk(tmp_path, free_kb=8) as mount:
        out = mount / f"out{SUFFIX[command]}"
        code = _write(demo_db, command, out)
        err = capsys.readouterr().err
        assert code == 2 and err.startswith("kumppani: ") and "Traceback" not in err
        assert not out.exists()
        assert sorted(p.name for p in mount.iterdir()) == ["filler"]


def test_an_old_file_survives_a_failed_write(tmp_path: Path) -> None:
    with _nearly_full_disk(tmp_path, free_kb=16) as mount:
        out = mount / "report.pdf"
        write_output(out, b"old report", private=False)
        with pytest.raises(OSError):
            write_output(out, b"x" * 200_000, private=False)
        assert out.read_bytes() == b"old report"
        assert sorted(p.name for p in mount.iterdir()) == ["filler", "report.pdf"]


@pytest.mark.parametrize("command", ["report", "csv", "export"])
def test_a_device_at_the_target_is_refused_never_replaced(
    demo_db: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / f"out{SUFFIX[command]}"
    os.mkfifo(fifo)  # stands for /dev/null: a rename over it would replace it
    assert _write(demo_db, command, fifo) == 2
    err = capsys.readouterr().err
    assert "a named pipe" in err and "Traceback" not in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


@pytest.mark.parametrize("command", ["import", "responses"])
def test_reading_a_pipe_is_refused_without_waiting(
    demo_db: Path, tmp_path: Path, command: str
) -> None:
    fifo = tmp_path / "input"
    os.mkfifo(fifo)
    argv = {
        "import": ["import", str(fifo)],
        "responses": [
            "responses",
            "import",
            "--partnership",
            DEMO_ID,
            "--date",
            "2025-01-01",
            str(fifo),
        ],
    }[command]
    code = f"import sys; from ui.cli import main; sys.exit(main({['--db', str(demo_db), *argv]!r}))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "a named pipe, not a file" in done.stderr, done.stderr
