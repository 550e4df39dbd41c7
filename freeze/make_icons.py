"""Draw the application icons for the bundle from ``resources/icons/kumppani.svg``.

``python freeze/make_icons.py`` writes ``freeze/icons/kumppani.png`` (Linux menus, 256 px),
``kumppani.ico`` (Windows) and ``kumppani.icns`` (macOS). Run it after changing the SVG and
commit the results: the build then needs neither Pillow nor a converter. Both container formats
hold PNG images, which Windows Vista and later and macOS 10.7 and later read.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "kumppani.svg"
OUT = ROOT / "freeze" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The ICNS types that hold PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; it takes str
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file: a directory of entries, each a PNG (256 is written as 0)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images.items():
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size]
        for size, kind in ICNS_TYPES.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    sizes = sorted(set(ICO_SIZES) | set(ICNS_TYPES))
    images = {size: png(renderer, size) for size in sizes}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "kumppani.png").write_bytes(images[256])
    (OUT / "kumppani.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    (OUT / "kumppani.icns").write_bytes(icns(images))
    del app
    for name in ("kumppani.png", "kumppani.ico", "kumppani.icns"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
