"""Pages of a real PDF as images: the report preview and the pages sent to a printer.

``render_pages`` turns PDF bytes into ``QImage``s with pypdfium2 (safe off the GUI thread, one
document at a time); ``PdfPreview`` shows such images stacked in a scroll area, like a reader.
``PreviewWorker`` builds a PDF and renders its preview off the GUI thread. ``print_pdf`` paints the pages onto a ``QPrinter`` at the printer's resolution, so what prints is
exactly the file that is saved.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRect, QRunnable, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

# Enough for sharp text on paper without multi-hundred-megabyte page images.
MAX_PRINT_DPI = 300
PREVIEW_DPI = 80

Progress = Callable[[float], None]
Stop = Callable[[], bool]


def render_pages(
    pdf: bytes, dpi: float, pages: range | None = None, stop: Callable[[], bool] | None = None
) -> Iterator[QImage]:
    """Each page (or those in ``pages``, 0-based) as an RGB image at ``dpi``."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        for index in pages if pages is not None else range(len(document)):
            if stop is not None and stop():
                return
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB888,
            ).copy()  # the copy owns its pixels; pdfium's buffer goes away with the page
            page.close()
            yield image
    finally:
        document.close()


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paint the PDF's pages onto ``printer``; returns the number of pages printed."""
    total = page_count(pdf)
    first, last = printer.fromPage(), printer.toPage()
    chosen = range(first - 1, min(last, total)) if first > 0 and last > 0 else range(total)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for image in render_pages(pdf, dpi, chosen):
            if printed:
                printer.newPage()
            target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            target.moveTo(0, 0)
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
            printed += 1
    finally:
        painter.end()
    return printed


class PdfPreview(QScrollArea):
    """The rendered pages, one under the other, on a grey desk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        desk = QWidget()
        desk.setObjectName("pdfPreviewDesk")
        desk.setStyleSheet("#pdfPreviewDesk { background: #8a939c; }")
        self._layout = QVBoxLayout(desk)
        self._layout.setContentsMargins(16, 16, 16, 16)
        self._layout.setSpacing(14)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(desk)
        self._pages: list[QLabel] = []

    @property
    def page_labels(self) -> list[QLabel]:
        return list(self._pages)

    def clear(self) -> None:
        for label in self._pages:
            self._layout.removeWidget(label)
            label.deleteLater()
        self._pages = []

    def show_pages(self, images: list[QImage]) -> None:
        """Replace the shown pages (images made on any thread become pixmaps here)."""
        self.clear()
        for number, image in enumerate(images, start=1):
            label = QLabel()
            label.setObjectName(f"pdfPage{number}")
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white; border: 1px solid #5f6b76;")
            self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._pages.append(label)


class PreviewSignals(QObject):
    """Results of preview jobs, delivered on the GUI thread; the int is the job's number."""

    progressed = Signal(int, float)
    finished = Signal(int, bytes, list)
    failed = Signal(int, str)
    cancelled = Signal(int)


@dataclass
class PreviewJob:
    """One build: ``build(progress, stop)`` returns PDF bytes and should stop once ``stop()``."""

    number: int
    build: Callable[[Progress, Stop], bytes]
    stop: threading.Event = field(default_factory=threading.Event)


class PreviewWorker(QRunnable):
    """Builds a PDF and renders its pages as preview images in a worker thread.

    The build must not touch the diary (its connection belongs to the GUI thread): give it
    plain data prepared beforehand.
    """

    def __init__(self, job: PreviewJob, signals: PreviewSignals) -> None:
        super().__init__()
        self._job, self._signals = job, signals

    def run(self) -> None:
        job, stop = self._job, self._job.stop.is_set
        try:
            pdf = job.build(lambda f: self._signals.progressed.emit(job.number, f * 0.85), stop)
            images = list(render_pages(pdf, PREVIEW_DPI, stop=stop))
        except Exception as exc:  # shown in the dialog; a worker thread must never crash
            if stop():
                self._signals.cancelled.emit(job.number)
            else:
                self._signals.failed.emit(job.number, f"{type(exc).__name__}: {exc}")
            return
        if stop():
            self._signals.cancelled.emit(job.number)
        else:
            self._signals.finished.emit(job.number, pdf, images)
