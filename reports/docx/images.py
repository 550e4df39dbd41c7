"""The report's reportlab charts as PNG images for the Word document.

reportlab's own bitmap renderer needs a native backend that is not installed, so a chart is
drawn the way the PDF draws it (a one-page vector PDF of the same ``Drawing``) and rasterized
with pdfium, which the report dialog's preview already uses. The PNG is written with zlib:
the bitmap comes as raw RGB rows, and a PNG of those needs only three chunks.
"""

from __future__ import annotations

import struct
import zlib

import pypdfium2 as pdfium
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing

# Dots per inch of a chart image: sharp in print at the page's width, a few dozen kilobytes.
DPI = 220


def drawing_png(drawing: Drawing, dpi: int = DPI) -> bytes:
    """``drawing`` rendered on white at ``dpi``, as PNG bytes."""
    pdf = renderPDF.drawToString(drawing)
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=dpi / 72, rev_byteorder=True, fill_color=(255, 255, 255, 255))
        try:
            return _png(bitmap)
        finally:
            bitmap.close()
            page.close()
    finally:
        document.close()


def _png(bitmap: pdfium.PdfBitmap) -> bytes:
    """An 8-bit RGB PNG of a pdfium bitmap (three or four bytes a pixel, rows ``stride`` apart)."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    channels = bitmap.n_channels
    buffer = bytes(bitmap.buffer)
    rows = bytearray()
    for y in range(height):
        row = buffer[y * stride : y * stride + width * channels]
        if channels == 4:  # RGBX/RGBA: drop the fourth byte of each pixel
            row = bytes(b for i, b in enumerate(row) if i % 4 != 3)
        rows += b"\x00" + row  # filter type 0 (none) for every row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"pHYs", struct.pack(">IIB", round(DPI / 0.0254), round(DPI / 0.0254), 1))
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
