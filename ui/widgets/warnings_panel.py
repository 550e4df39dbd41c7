"""Early warnings on the overview: one card per warning, most serious first.

Each card shows the severity three ways (colour bar, icon, word — colour alone never carries
meaning), the one-sentence message, the suggested next step, and the evidence as links that
emit ``evidence_activated(kind, pk)``. "Acknowledge…" records a note; acknowledged warnings
fold into a quiet section until the situation gets worse. ``WarningCounter`` gives the
partnership list its badge numbers without slowing down start-up or every keystroke.
"""

from __future__ import annotations

import html
import weakref
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.persistence.diary import Diary
from app.persistence.read.checklist import WarningAck
from app.rules import RULES, EarlyWarning, Evidence, EvidenceKind, Severity
from app.services import warnings
from app.services.warnings import Reviewed
from ui.context import AppContext
from ui.style import ACCENT, DANGER, MUTED, WARNING, short_date
from ui.widgets.card import Card, plain_label, row

SEVERITY_COLORS = {Severity.INFO: ACCENT, Severity.WARNING: WARNING, Severity.CRITICAL: DANGER}
SEVERITY_ICONS = {
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.CRITICAL: QStyle.StandardPixmap.SP_MessageBoxCritical,
}
MAX_LINKS = 6

if TYPE_CHECKING:
    from ui.pages.overview import OverviewPage as OverviewLike


def severity_name(severity: Severity) -> str:
    return {
        Severity.INFO: _("Info"),
        Severity.WARNING: _("Warning"),
        Severity.CRITICAL: _("Critical"),
    }[severity]


def evidence_kind_name(kind: EvidenceKind) -> str:
    return {
        EvidenceKind.EVENT: _("event"),
        EvidenceKind.ACTION: _("action"),
        EvidenceKind.OBJECTIVE: _("objective"),
        EvidenceKind.PERSON: _("person"),
        EvidenceKind.ORGANIZATION: _("organization"),
    }[kind]


class WarningCard(QFrame):
    """One warning."""

    evidence_activated = Signal(str, int)
    acknowledge_requested = Signal(object)  # EarlyWarning

    def __init__(self, reviewed: Reviewed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        warning = reviewed.warning
        self.warning = warning
        self.setObjectName("warningCard")
        self.setProperty("warningId", warning.id)
        color = SEVERITY_COLORS[warning.severity]
        tint = "#FAFBFC" if reviewed.acknowledged else "#FFFFFF"
        self.setStyleSheet(
            f"QFrame#warningCard {{ background: {tint}; border: 1px solid #D5DBE1; "
            f"border-left: 5px solid {color}; border-radius: 4px; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(self._heading(reviewed))
        message = plain_label(warning.message, "warningMessage", wrap=True)
        layout.addWidget(message)
        suggestion = plain_label(_("Next step: {text}").format(text=warning.suggestion), wrap=True)
        suggestion.setObjectName("warningSuggestion")
        suggestion.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(suggestion)
        if warning.evidence:
            layout.addWidget(self._links(warning.evidence))
        if reviewed.ack is not None:
            note = _("Acknowledged on {day}").format(day=short_date(reviewed.ack.acknowledged_on))
            if reviewed.ack.note:
                note += ": " + reviewed.ack.note
            ack = plain_label(note, "warningAck", wrap=True)
            ack.setStyleSheet(f"color: {MUTED}; font-style: italic;")
            layout.addWidget(ack)

    def _heading(self, reviewed: Reviewed) -> QHBoxLayout:
        severity = reviewed.warning.severity
        icon = QLabel()
        size = self.fontMetrics().height() + 4
        icon.setPixmap(self.style().standardIcon(SEVERITY_ICONS[severity]).pixmap(size, size))
        rule = RULES.get(reviewed.warning.id)
        title = rule.shown_title() if rule else reviewed.warning.id
        word = plain_label(f"{severity_name(severity)} · {title}", "warningSeverity")
        if rule is not None:
            word.setToolTip(rule.shown_explanation())
        word.setStyleSheet(f"color: {SEVERITY_COLORS[severity]}; font-weight: 700;")
        heading = QHBoxLayout()
        heading.setSpacing(6)
        heading.addWidget(icon)
        heading.addWidget(word)
        heading.addStretch(1)
        if not reviewed.acknowledged:
            button = QPushButton(_("Acknowledge…"))
            button.setObjectName("acknowledgeButton")
            button.setToolTip(
                _("Note that you have seen this; it returns if the situation gets worse")
            )
            button.clicked.connect(lambda: self.acknowledge_requested.emit(self.warning))
            heading.addWidget(button)
        return heading

    def _links(self, evidence: tuple[Evidence, ...]) -> QLabel:
        """The evidence as links in one wrapping line; labels are user text, so escaped."""
        links = [
            f'<a href="{item.kind.value}:{item.pk}" style="color: {ACCENT};">'
            f"{html.escape(_shorten(item.label))}</a>"
            for item in evidence[:MAX_LINKS]
        ]
        if len(evidence) > MAX_LINKS:
            more = len(evidence) - MAX_LINKS
            links.append(html.escape(ngettext("and {n} more", "and {n} more", more).format(n=more)))
        label = QLabel(html.escape(_("Evidence:")) + " " + " · ".join(links))
        label.setObjectName("evidenceLinks")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        label.setToolTip("\n".join(f"{evidence_kind_name(e.kind)}: {e.label}" for e in evidence))
        label.linkActivated.connect(self._activated)
        return label

    def _activated(self, link: str) -> None:
        kind, _sep, pk = link.partition(":")
        self.evidence_activated.emit(kind, int(pk))


def _shorten(text: str, limit: int = 56) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class WarningsPanel(Card):
    """The warnings of the partnership shown on the overview, as of the overview's date."""

    evidence_activated = Signal(str, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Early warnings"), parent)
        self.context = context
        self.setObjectName("card")
        self.setAccessibleName(_("Early warnings"))
        self.pk: int | None = None
        self.day: date | None = None
        self.reviewed: list[Reviewed] = []
        self.list = QVBoxLayout()
        self.list.setSpacing(6)
        self.body.addLayout(self.list)
        self.quiet_toggle = QToolButton()
        self.quiet_toggle.setObjectName("acknowledgedToggle")
        self.quiet_toggle.setCheckable(True)
        self.quiet_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.quiet_toggle.setAutoRaise(True)
        self.quiet_toggle.toggled.connect(self._render)
        self.history_button = QToolButton()
        self.history_button.setObjectName("warningHistoryButton")
        self.history_button.setText(_("History of acknowledgements…"))
        self.history_button.setAutoRaise(True)
        self.history_button.clicked.connect(self.show_history)
        self.thresholds_button = QToolButton()
        self.thresholds_button.setObjectName("thresholdsButton")
        self.thresholds_button.setText(_("Thresholds…"))
        self.thresholds_button.setToolTip(
            _("Choose which warnings this partnership gets, and when")
        )
        self.thresholds_button.setAutoRaise(True)
        self.thresholds_button.clicked.connect(self.edit_thresholds)
        self.body.addLayout(row(self.quiet_toggle, self.history_button, self.thresholds_button))
        self.quiet = QVBoxLayout()
        self.quiet.setSpacing(6)
        self.body.addLayout(self.quiet)

    @property
    def as_of(self) -> date:
        return self.day or date.today()

    def set_as_of(self, day: date | None) -> None:
        self.day = day

    def show_partnership(self, pk: int | None) -> None:
        self.pk = pk
        self.setVisible(pk is not None)
        self.reviewed = (
            warnings.review(self.context.diary.db, pk, self.as_of) if pk is not None else []
        )
        self._render()

    def cards(self) -> list[WarningCard]:
        return [c for c in self.findChildren(WarningCard) if not c.property("retired")]

    def _render(self) -> None:
        for layout in (self.list, self.quiet):
            _clear(layout)
        active = [r for r in self.reviewed if not r.acknowledged]
        quiet = [r for r in self.reviewed if r.acknowledged]
        self.title_label.setText(
            ngettext(
                "Early warnings as of {day} — {n} needs attention",
                "Early warnings as of {day} — {n} need attention",
                len(active),
            ).format(day=short_date(self.as_of), n=len(active))
        )
        if not active:
            calm = plain_label(_("Nothing needs attention on this date."), "noWarnings", wrap=True)
            calm.setStyleSheet("color: #2E7D4F;")
            self.list.addWidget(calm)
        for reviewed in active:
            self.list.addWidget(self._card(reviewed))
        self.quiet_toggle.setVisible(bool(quiet))
        self.history_button.setVisible(self.pk is not None and bool(self.history()))
        shown = self.quiet_toggle.isChecked()
        self.quiet_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.quiet_toggle.setText(_("Acknowledged ({n})").format(n=len(quiet)))
        if shown:
            for reviewed in quiet:
                self.quiet.addWidget(self._card(reviewed))

    def _card(self, reviewed: Reviewed) -> WarningCard:
        card = WarningCard(reviewed)
        card.evidence_activated.connect(self.evidence_activated)
        card.acknowledge_requested.connect(self.acknowledge)
        return card

    def edit_thresholds(self) -> None:
        from ui.dialogs.thresholds_dialog import ThresholdsDialog

        if self.pk is not None and ThresholdsDialog(self.context, self.pk, self).exec():
            self.show_partnership(self.pk)

    def history(self) -> list[WarningAck]:
        return warnings.history(self.context.diary.db, self.pk) if self.pk is not None else []

    def show_history(self) -> None:
        """Every acknowledgement of the partnership, newest first, with its note."""
        dialog = QDialog(self)
        dialog.setObjectName("warningHistory")
        dialog.setWindowTitle(_("History of acknowledged warnings"))
        dialog.resize(640, 320)
        tree = QTreeWidget()
        tree.setHeaderLabels([_("Date"), _("Warning"), _("Severity"), _("Note")])
        tree.setRootIsDecorated(False)
        for ack in reversed(self.history()):
            tree.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        short_date(ack.acknowledged_on),
                        RULES.title(ack.warning),
                        severity_name(Severity(ack.severity)),
                        ack.note or "",
                    ]
                )
            )
        for column in range(3):
            tree.resizeColumnToContents(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(tree)
        layout.addWidget(buttons)
        dialog.exec()

    def acknowledge(self, warning: EarlyWarning) -> None:
        """Ask for a note and record the acknowledgement as of the overview's date."""
        if self.pk is None:
            return
        note, ok = QInputDialog.getMultiLineText(
            self,
            _("Acknowledge warning"),
            _("{message}\n\nWhat have you done or decided about it? (optional)").format(
                message=warning.message
            ),
        )
        if not ok:
            return
        warnings.acknowledge(self.context.diary, self.pk, warning, self.as_of, note)
        self.show_partnership(self.pk)


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            # Hidden at once so that tests and repaints see only the cards of this rendering.
            widget.setProperty("retired", True)
            widget.hide()
            widget.deleteLater()


class WarningCounter:
    """Badge numbers for the partnership list, cheap enough to ask after every write.

    Counting means loading a partnership and running the rules, so it never happens while the
    list is being drawn: a number not yet known, or the selected partnership's after the diary
    changed (writes in the window nearly always touch it), is counted a moment later, off the
    path of the write, and ``on_ready`` then asks the window to redraw its list.
    """

    DEFERRED_MS = 400

    def __init__(self, diary: Diary) -> None:
        self.diary = diary
        self.counts: dict[int, tuple[int, int]] = {}  # pk -> (diary.changes, count)
        self.pending: set[int] = set()
        # Told when deferred counts are ready (the window reloads its list).
        self.on_ready: Callable[[], None] | None = None
        self._timer = QTimer(singleShot=True, interval=self.DEFERRED_MS)
        self._timer.timeout.connect(self._count_pending)
        # The timer must never outlive the connection it reads: it stops when the diary closes,
        # and _count_pending checks ``diary.closed`` as the backstop.
        diary.on_close(self._diary_closed)

    def stop(self) -> None:
        """Forget counts still waiting and stop the timer (the diary or the window closes)."""
        self._timer.stop()
        self.pending.clear()
        self.on_ready = None

    def _diary_closed(self) -> None:
        self.stop()
        _COUNTERS.pop(self.diary, None)  # the counter holds its diary: let both go

    def count(self, pk: int, current: int | None) -> int:
        """The last known number of warnings needing attention (0 until counted)."""
        known = self.counts.get(pk)
        if self.diary.closed:
            return known[1] if known is not None else 0
        if known is None or (pk == current and known[0] != self.diary.changes):
            self.pending.add(pk)
            if not self._timer.isActive():  # restarting would postpone it for ever
                self._timer.start()
        return known[1] if known is not None else 0

    def _count(self, pk: int) -> int:
        try:
            value = warnings.warning_count(self.diary.db, pk, date.today())
        except LookupError:
            value = 0
        self.counts[pk] = (self.diary.changes, value)
        return value

    def _count_pending(self) -> None:
        # One partnership per turn of the event loop: counting the twenty partnerships of a
        # large diary in one go would freeze the window for a third of a second at start.
        if self.diary.closed:
            self.stop()
            return
        if self.pending:
            pk = min(self.pending)
            self.pending.discard(pk)
            self._count(pk)
        if self.pending:
            self._timer.start(0)
            return
        self._timer.setInterval(self.DEFERRED_MS)
        if self.on_ready is not None:
            self.on_ready()


_COUNTERS: weakref.WeakKeyDictionary[Diary, WarningCounter] = weakref.WeakKeyDictionary()


def warning_counter(diary: Diary) -> WarningCounter:
    """The one counter of an open diary."""
    counter = _COUNTERS.get(diary)
    if counter is None:
        counter = _COUNTERS[diary] = WarningCounter(diary)
    return counter


def install_on_overview(page: OverviewLike, context: AppContext) -> tuple[QWidget, ...]:
    """Put the as-of control, the warnings and the checklist on the overview page."""
    from ui.dialogs.phase_dialog import change_phase
    from ui.widgets.as_of import AsOfControl
    from ui.widgets.checklist_panel import ChecklistPanel

    as_of = AsOfControl(context)
    as_of.as_of_changed.connect(page.set_as_of)
    panel = WarningsPanel(context)
    panel.evidence_activated.connect(lambda kind, pk: open_evidence(page, kind, pk))
    checklist_panel = ChecklistPanel(context)
    checklist_panel.phase_move_requested.connect(lambda: change_phase(page, context))
    page.add_panel(page.warnings_slot, as_of)
    page.add_panel(page.warnings_slot, panel)
    page.add_panel(page.checklist_slot, checklist_panel)
    return as_of, panel, checklist_panel


def open_evidence(page: OverviewLike, kind: str, pk: int) -> None:
    """Open the record a warning points at, wherever the window can show it."""
    if kind == EvidenceKind.EVENT.value:
        page.event_activated.emit(pk)
    elif kind in (EvidenceKind.PERSON.value, EvidenceKind.ORGANIZATION.value):
        page.edit_requested.emit()  # people and organizations are edited with the partnership
    else:
        window = page.window()
        show_page = getattr(window, "show_page", None)
        target = show_page("actions") if callable(show_page) else None
        opener = getattr(target, f"show_{kind}", None)
        if callable(opener):
            opener(pk)
