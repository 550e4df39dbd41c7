"""Where Kumppani keeps its files on this computer."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Kumppani"


def data_dir() -> Path:
    """The per-user data folder (created readable only by the user)."""
    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_diary_path() -> Path:
    """``KUMPPANI_DB`` when set, else ``diary.sqlite3`` in the data folder."""
    env = os.environ.get("KUMPPANI_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "diary.sqlite3"
