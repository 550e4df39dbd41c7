"""``kumppani demo``: add the demonstration partnership to the diary (creating the diary)."""

from __future__ import annotations

import argparse

from app.backup.opening import open_diary_file
from app.i18n import _

NAME = "demo"
HELP = _("add the demonstration partnership to the diary")


def configure(parser: argparse.ArgumentParser) -> None:
    """The command takes no options of its own."""


def run(args: argparse.Namespace) -> int:
    from app.persistence.read.partnerships import get_partnership
    from app.services.demo import find_demo, load_demo
    from ui.cli import diary_path

    path = diary_path(args)
    diary = open_diary_file(path, create=True)
    try:
        had = find_demo(diary)
        was_live = had is not None and get_partnership(diary.db, had) is not None
        pk = load_demo(diary)
        partnership = get_partnership(diary.db, pk)
    finally:
        diary.close()
    assert partnership is not None
    if was_live:
        message = _('The demonstration partnership "{name}" is already in {path}.')
    else:
        message = _('Added the demonstration partnership "{name}" to {path}.')
    print(message.format(name=partnership.name, path=path))
    print(
        _("Its id is {id}; try: kumppani status --partnership {id} --as-of 2025-06-30").format(
            id=partnership.id
        )
    )
    return 0
