"""Early warnings on the overview: one card per warning, most serious first.

Each card shows the severity three ways (colour bar, icon, word — colour alone never carries
meaning), the one-sentence message, the suggested next step, and the evidence as links that
emit ``evidence_activated(kind, pk)``. "Acknowledge…" records a note; acknowledged warnings
fold into a quiet section until the situation gets worse. The panel reads the partnership from
the context's ``SnapshotCache``: the overview and the list's badge share one load.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, Signal
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

from app.domain.model import WarningAck
from app.i18n import _, ngettext
from app.persistence.read.changes import ChangeSet
from app.persistence.read.snapshots import SNAPSHOT_TABLES
from app.rules import RULES, EarlyWarning, Evidence, EvidenceKind, Severity
from app.services import warnings
from app.services.warnings import Reviewed
from ui.context import AppContext
from ui.style import ACCENT, DANGER, MUTED, WARNING, plain_tooltip, short_date
from ui.widgets.card import Card, plain_label, row

SEVERITY_COLORS = {Severity.INFO: ACCENT, Severity.WARNING: WARNING, Severity.CRITICAL: DANGER}
SEVERITY_ICONS = {
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.CRITICAL: QStyle.StandardPixmap.SP_MessageBoxCritical,
}
MAX_LINKS = 6
# What the rules read (all of a snapshot): a change to any of it may change the warnings.
WARNING_TABLES = SNAPSHOT_TABLES


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
        # The links are shortened; the tooltip names every piece of evidence in full.
        label.setToolTip(
            plain_tooltip("\n".join(f"{evidence_kind_name(e.kind)}: {e.whole}" for e in evidence))
        )
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
        self._acks: list[WarningAck] = []
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
        snapshot = self.context.snapshots.get(pk) if pk is not None else None
        self.setVisible(snapshot is not None)
        self.reviewed = warnings.review_snapshot(snapshot, self.as_of) if snapshot else []
        self._acks = list(snapshot.acks) if snapshot else []
        self._render()

    def affected_by(self, changes: ChangeSet) -> bool:
        """Every table of the partnership may change a warning, but not the checklist's."""
        return changes.touches(WARNING_TABLES, self.pk)

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
        """Every acknowledgement of the partnership (also those after the overview's date)."""
        return self._acks

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
