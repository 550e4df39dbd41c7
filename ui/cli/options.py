"""Options that many commands share, declared once so that their spelling, metavar and help
read the same in every ``kumppani COMMAND --help``."""

from __future__ import annotations

import argparse

from app.i18n import _


def add_partnership(parser: argparse.ArgumentParser) -> None:
    """``--partnership REF``, required: a partnership's id or its name (see ``kumppani list``)."""
    parser.add_argument(
        "--partnership", required=True, metavar="REF", help=_("partnership id or name")
    )
