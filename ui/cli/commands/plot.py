"""``kumppani plot``: the commitment plot of a partnership written to a PNG file (headless)."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.backup.opening import open_diary_file
from app.i18n import _
from ui.cli.options import add_partnership

if TYPE_CHECKING:
    from app.series import Series

NAME = "plot"
HELP = _("write the commitment plot of a partnership to a PNG file")


def configure(parser: argparse.ArgumentParser) -> None:
    add_partnership(parser)
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE.png", help=_("the PNG file to write")
    )
    parser.add_argument(
        "--dimension",
        default="commitment",
        metavar="NAME",
        help=_("a rating dimension or an indicator (default: commitment)"),
    )
    parser.add_argument("--width", type=int, default=1200, metavar="PX")
    parser.add_argument("--height", type=int, default=700, metavar="PX")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help=_("leave out what is dated later"))


def _check(args: argparse.Namespace) -> None:
    from app.series import measures
    from ui.cli import UserError

    keys = [key for key, _label in measures()]
    if args.dimension not in keys:
        raise UserError(
            _("Unknown dimension {name}. Choose one of: {names}.").format(
                name=args.dimension, names=", ".join(keys)
            )
        )
    if not (200 <= args.width <= 10000 and 150 <= args.height <= 10000):
        raise UserError(_("The width must be 200–10000 and the height 150–10000 pixels."))
    if args.out.suffix.lower() != ".png":
        raise UserError(_("The output file must end in .png."))


def _as_of(text: str | None) -> date | None:
    from ui.cli.dates import optional_day

    return optional_day(text)


def run(args: argparse.Namespace) -> int:
    from app.domain.labels import os_reason
    from app.series import commitment_series
    from ui.cli import UserError, diary_path, partnership_named

    _check(args)
    as_of = _as_of(args.as_of)
    diary = open_diary_file(diary_path(args))
    try:
        partnership = partnership_named(diary.db, args.partnership)
        assert partnership.pk is not None
        series = commitment_series(diary.db, partnership.pk, args.dimension, as_of)
    finally:
        diary.close()
    from app.safety.output import write_output

    try:
        write_output(args.out, _render(series, args.width, args.height), private=False)
    except OSError as exc:
        raise UserError(
            _("Cannot write {path}: {reason}").format(path=args.out, reason=os_reason(exc))
        ) from None
    print(
        _("Wrote {path} ({width} × {height}).").format(
            path=args.out, width=args.width, height=args.height
        )
    )
    return 0


def _render(series: Series | None, width: int, height: int) -> bytes:
    # Without a display (a server, a script) Qt draws offscreen; the plot must be shown and
    # resized before it is grabbed or its proportions come out wrong.
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # The offscreen platform's notes about window hints are noise on a terminal.
        os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false;qt.qpa.*=false")
    from PySide6.QtWidgets import QApplication

    from ui.widgets.commitment_plot import CommitmentPlot

    app = QApplication.instance() or QApplication(["kumppani"])
    plot = CommitmentPlot()
    plot.resize(width, height)
    plot.set_series(series)
    plot.show()
    app.processEvents()
    plot.resize(width, height)
    app.processEvents()
    try:
        return plot.png_bytes()
    finally:
        plot.close()
        plot.deleteLater()
        app.processEvents()
