"""The settings registry: every setting survives a restart, and a damaged settings file reads
as the defaults instead of reaching a widget."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from ui import settings as registry
from ui.application import ui_language
from ui.settings import ALL, FlagSetting, LayoutSetting, PathSetting, Setting, TextSetting

UI = Path(__file__).resolve().parent.parent / "ui"


def _store(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def _sample(setting: Setting) -> object:
    if isinstance(setting, TextSetting):
        return setting.choices[-1] if setting.choices else "ääkköset / and spaces"
    if isinstance(setting, PathSetting):
        return Path("/media/usb stick/Kumppani")
    if isinstance(setting, FlagSetting):
        return not setting.default
    return QByteArray(b"\x00\x01layout\xff")


@pytest.mark.parametrize("setting", ALL, ids=[s.key for s in ALL])
def test_each_setting_reads_back_after_a_restart(tmp_path: Path, setting: Setting) -> None:
    file = tmp_path / "settings.ini"
    assert setting.read(_store(file)) == setting.default  # nothing stored yet
    value = _sample(setting)
    first = _store(file)
    setting.write(first, value)  # type: ignore[arg-type]
    first.sync()
    assert setting.read(_store(file)) == value


def test_a_path_written_as_none_is_forgotten(tmp_path: Path) -> None:
    store = _store(tmp_path / "settings.ini")
    registry.SECOND_BACKUP_FOLDER.write(store, Path("/mnt/backup"))
    registry.SECOND_BACKUP_FOLDER.write(store, None)
    assert not store.contains(registry.SECOND_BACKUP_FOLDER.key)
    assert registry.SECOND_BACKUP_FOLDER.read(store) is None


GARBLED = """\
[ui]
language=klingon

[diary]
last=
splitter=not a layout

[backup]
second_folder=1, 2

[mainWindow]
geometry=@Invalid()
state=12
splitter=
tab=one, two
lastPartnership=@ByteArray(abc)

[commitment]
measure=a, b
split_by_level=maybe

[partner_view]
switch_on_new_screen=yes please
hide_names=2

[questionnaire]
instrument=a, b
language=klingon
copies=1, 2
folder=

[research]
format=.docx, .pdf
folder=1, 2

[author]
name=a, b
id=c, d

[minutes]
format=odt
hide_names=maybe
folder=
"""


def test_garbled_stored_values_read_as_the_defaults(tmp_path: Path) -> None:
    file = tmp_path / "settings.ini"
    file.write_text(GARBLED, encoding="utf-8")
    store = _store(file)
    assert {s.key for s in ALL} <= set(store.allKeys())  # each one is really stored
    for setting in ALL:
        assert setting.read(store) == setting.default, setting.key


def test_a_garbled_language_falls_back_to_the_system_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KUMPPANI_LANG", raising=False)
    file = tmp_path / "settings.ini"
    file.write_text(GARBLED, encoding="utf-8")
    assert ui_language(_store(file)) in ("en", "fi")
    registry.LANGUAGE.write(_store(file), "fi")
    assert ui_language(_store(file)) == "fi"


def test_every_key_is_registered_once() -> None:
    keys = [s.key for s in ALL]
    assert len(keys) == len(set(keys))
    kinds = TextSetting | PathSetting | LayoutSetting | FlagSetting
    declared = [v for v in vars(registry).values() if isinstance(v, kinds)]
    assert set(declared) == set(ALL)


def test_no_ui_module_reads_or_writes_settings_by_raw_key() -> None:
    raw = re.compile(r"settings\.(value|setValue|remove|contains)\(")
    offenders = [
        str(path.relative_to(UI))
        for path in UI.rglob("*.py")
        if path.name != "settings.py" and raw.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
