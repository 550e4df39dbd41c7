"""``kumppani check``: is the diary file healthy? Exit code 0 only when it is.

Reads the diary without writing to it (a damaged file is never written to) and prints what was
found, the newest backup, and what to do when something is wrong.
"""

from __future__ import annotations

import argparse
import sys

from app.i18n import _, ngettext

NAME = "check"
HELP = _("check the diary file for damage without changing it (exit code 0 when healthy)")


def configure(parser: argparse.ArgumentParser) -> None:
    """``check`` has no options of its own; ``--db`` chooses the diary."""


def run(args: argparse.Namespace) -> int:
    from app.backup.health import check_diary
    from app.persistence.errors import DamagedDiary
    from ui.cli import diary_path

    path = diary_path(args)
    health = check_diary(path)
    newest = health.newest.local_time() if health.newest else _("none")
    if not health.healthy:
        error = DamagedDiary(path, "\n".join(health.problems), newest if health.newest else None)
        print(f"kumppani: {error}", file=sys.stderr)
        for line in health.problems[:20]:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(
        _("The diary {path} is healthy: {partnerships}, {events}. Newest backup: {newest}.").format(
            path=path,
            partnerships=ngettext(
                "{n} partnership", "{n} partnerships", health.partnerships
            ).format(n=health.partnerships),
            events=ngettext("{n} event", "{n} events", health.events).format(n=health.events),
            newest=newest,
        )
    )
    return 0
