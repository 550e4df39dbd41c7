"""The demonstration partnership: a living diary for a newcomer, loaded from resources/demo."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from app.exchange import import_partnership
from app.persistence import partnerships
from app.persistence.diary import Diary

DEMO_FILE = "demo/demo-partnership.json"


def demo_document() -> dict[str, Any]:
    """The demonstration partnership as an exchange-format document."""
    text = resources.files("resources").joinpath(DEMO_FILE).read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def demo_id() -> str:
    return str(demo_document()["partnership"]["id"])


def find_demo(diary: Diary) -> int | None:
    """The key of the demonstration partnership when the diary already has it."""
    return partnerships.partnership_pk_by_id(diary.db, demo_id())


def load_demo(diary: Diary) -> int:
    """Add the demonstration partnership to the diary (once) and return its key.

    A diary that already holds it is left as it is: loading twice gives the same partnership.
    One whose demonstration partnership is in the deleted items gets a fresh one instead.
    """
    existing = find_demo(diary)
    if existing is not None and partnerships.get_partnership(diary.db, existing) is not None:
        return existing
    return import_partnership(diary, demo_document(), mode="replace")
