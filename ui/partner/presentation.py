"""Presenting the history: the partnership's timeline full screen, event by event.

A title slide (partners and phases), then one slide per event up to today — its date, phase,
kind, and the shared accomplishments and decisions recorded at it — and last the commitment
plot per side. The arrow keys (and Page Up/Down, Space) step; L switches between English and
Finnish; Escape ends. The text is in the
language chosen for the presentation, English or Finnish, whatever the interface speaks. Read
from the ``PartnerSource`` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.dates import long_date
from app.domain import EntryType, Phase
from app.domain.labels import entry_type_name, event_kind_name, phase_name, role_name
from app.i18n import Translator, translator
from app.report import ReportData
from ui.partner.band import BAND_COLOR
from ui.partner.plot import commitment_plot
from ui.partner.source import PartnerEvent, PartnerSource

_SHOWN = (EntryType.ACCOMPLISHMENT, EntryType.DECISION)
_NEXT = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space)
_BACK = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp)


@dataclass(frozen=True, slots=True)
class Slide:
    title: str
    subtitle: str
    lines: tuple[str, ...]
    plot: bool = False


def build_slides(data: ReportData, events: list[PartnerEvent], tr: Translator) -> list[Slide]:
    lang = data.options.language
    partners = ", ".join(f"{p.name} ({role_name(p.role, tr)})" for p in data.partners)
    phases = tuple(f"{phase_name(s.phase, tr)}: {long_date(s.start, lang)}" for s in data.phases)
    slides = [Slide(data.partnership, partners, phases)]
    today = data.options.as_of
    for ev in events:
        if ev.day > today:
            continue
        phase = _phase_on(data, ev.day)
        sub = " · ".join(
            x
            for x in (
                long_date(ev.day, lang),
                event_kind_name(ev.kind, tr),
                phase and phase_name(phase, tr),
            )
            if x
        )
        lines = tuple(
            f"{entry_type_name(e.type, tr)}: {e.text}" for e in ev.entries if e.type in _SHOWN
        )
        slides.append(Slide(ev.title, sub, lines))
    slides.append(Slide(tr("Commitment"), tr("Commitment per side over time"), (), plot=True))
    return slides


def _phase_on(data: ReportData, day: date) -> Phase | None:
    found: Phase | None = None
    for span in data.phases:
        if span.start <= day:
            found = span.phase
    return found


class Presentation(QWidget):
    """A full-screen window stepping through the slides."""

    def __init__(self, source: PartnerSource, language: str, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("partnerPresentation")
        self.source = source
        self.index = 0
        self._read(language)
        self.setStyleSheet("background: white; color: #1a1a1a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        self.band = QLabel()
        self.band.setStyleSheet(
            f"background: {BAND_COLOR}; color: white; padding: 6px; font-size: 20pt;"
        )
        self.band.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = self._label(40, bold=True)
        self.subtitle = self._label(24)
        self.body = self._label(28)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.footer = self._label(18)
        self.footer.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.plot = commitment_plot(self.data.commitment, self.tr_, self.language)
        self.plot_layout = layout
        for widget in (self.band, self.title, self.subtitle):
            layout.addWidget(widget)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.footer)
        self._show_slide()

    def _read(self, language: str) -> None:
        """Read the source and make the slides in ``language``."""
        self.language = language
        self.tr_ = translator(language)
        self.data = self.source.report(language=language)
        self.slides = build_slides(self.data, self.source.events(), self.tr_)
        self.index = min(self.index, len(self.slides) - 1)
        tr = self.tr_
        self.setWindowTitle(tr("Partnership history"))

    def switch_language(self) -> None:
        """English ⇄ Finnish, on the same slide (the L key)."""
        self._read("fi" if self.language == "en" else "en")
        plot = commitment_plot(self.data.commitment, self.tr_, self.language)
        self.plot_layout.replaceWidget(self.plot, plot)
        self.plot.deleteLater()
        self.plot = plot
        self._show_slide()

    def _label(self, points: int, *, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        font = QFont(self.font())
        font.setPointSize(points)
        font.setBold(bold)
        label.setFont(font)
        return label

    def step(self, delta: int) -> None:
        self.index = max(0, min(len(self.slides) - 1, self.index + delta))
        self._show_slide()

    def _show_slide(self) -> None:
        slide = self.slides[self.index]
        tr = self.tr_
        self.band.setText(tr("Partner view"))
        self.title.setText(slide.title)
        self.subtitle.setText(slide.subtitle)
        self.body.setText("\n".join(f"• {line}" for line in slide.lines))
        self.body.setVisible(not slide.plot)
        self.plot.setVisible(slide.plot)
        self.footer.setText(f"{self.index + 1} / {len(self.slides)}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _NEXT:
            self.step(1)
        elif key in _BACK:
            self.step(-1)
        elif key == Qt.Key.Key_L:
            self.switch_language()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
