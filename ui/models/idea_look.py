"""How an idea's fate looks: a painted icon, a short label and a tooltip with the reason.

An idea is open, became an action ("→ action: …"), parked (with the date to revisit it) or
declined; a decision made into an action shows that action too. Shown by icon AND text, so it
reads in grey-scale.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from app.domain import EntryType, Visibility
from app.domain.enums import Fate
from app.i18n import _
from app.persistence.read.ideas import IdeaOutcome
from ui.models.look import locale_date
from ui.style import ACCENT, MUTED


class Shown(StrEnum):
    """What an idea's fate column shows."""

    OPEN = "open"
    ACTION = "action"
    PARKED = "parked"
    DECLINED = "declined"


PARKED_COLOR = "#B7791F"


def shown(kind: EntryType | None, outcome: IdeaOutcome | None) -> Shown | None:
    """The fate of an entry of type ``kind`` with ``outcome`` (``idea_outcomes``): of an idea,
    or of a decision made into an action; None for other entries."""
    if outcome is not None and outcome.action_pk is not None:
        return Shown.ACTION
    if kind is not EntryType.IDEA:
        return None
    fate = outcome.fate if outcome else None
    if fate is None:
        return Shown.OPEN
    return Shown.PARKED if fate.status is Fate.PARKED else Shown.DECLINED


def fate_label(
    entry_type: EntryType | None, outcome: IdeaOutcome | None, short: bool = False
) -> str:
    """ "Open", "→ action: …", "Parked until 1.6.2027", "Declined"; "" for other entries.
    ``short``: "→ action" without the action's text."""
    kind = shown(entry_type, outcome)
    if kind is None:
        return ""
    if kind is Shown.ACTION:
        assert outcome is not None
        if short:
            return _("\u2192 action")
        return _("\u2192 action: {text}").format(text=outcome.action_text)
    if kind is Shown.OPEN:
        return _("Open")
    fate = outcome.fate if outcome else None
    assert fate is not None
    if kind is Shown.PARKED:
        return _("Parked until {date}").format(date=locale_date(fate.revisit_on))
    return _("Declined")


def fate_tooltip(entry_type: EntryType | None, outcome: IdeaOutcome | None) -> str:
    """The whole story: the action made, or when and why the idea was parked or declined."""
    kind = shown(entry_type, outcome)
    if kind is None:
        return ""
    if kind is Shown.ACTION:
        assert outcome is not None
        text = _("Made into the action \u201c{text}\u201d.").format(text=outcome.action_text)
        if outcome.action_visibility is Visibility.PRIVATE:
            text += " " + _("The action is private: it is not in partner reports.")
        return text
    if kind is Shown.OPEN:
        return _("Open: no action made from it, neither parked nor declined.")
    fate = outcome.fate if outcome else None
    assert fate is not None
    if kind is Shown.PARKED:
        return _("Parked on {on}: {reason}\nTo revisit on {revisit}.").format(
            on=locale_date(fate.on), reason=fate.reason, revisit=locale_date(fate.revisit_on)
        )
    return _("Declined on {on}: {reason}").format(on=locale_date(fate.on), reason=fate.reason)


@cache
def fate_icon(kind: Shown, size: int = 16) -> QIcon:
    """An arrow for an action made, two bars (pause) for parked, a cross for declined and an
    empty ring for an idea still open."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    if kind is Shown.ACTION:
        p.setPen(QPen(QColor(ACCENT), 2.0))
        p.drawLine(QPointF(s * 0.15, s * 0.5), QPointF(s * 0.8, s * 0.5))
        p.drawLine(QPointF(s * 0.55, s * 0.25), QPointF(s * 0.82, s * 0.5))
        p.drawLine(QPointF(s * 0.55, s * 0.75), QPointF(s * 0.82, s * 0.5))
    elif kind is Shown.PARKED:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(PARKED_COLOR))
        p.drawRoundedRect(QRectF(s * 0.22, s * 0.18, s * 0.2, s * 0.64), 1, 1)
        p.drawRoundedRect(QRectF(s * 0.58, s * 0.18, s * 0.2, s * 0.64), 1, 1)
    elif kind is Shown.DECLINED:
        p.setPen(QPen(QColor(MUTED), 2.0))
        p.drawLine(QPointF(s * 0.22, s * 0.22), QPointF(s * 0.78, s * 0.78))
        p.drawLine(QPointF(s * 0.78, s * 0.22), QPointF(s * 0.22, s * 0.78))
    else:
        p.setPen(QPen(QColor(MUTED), 1.4))
        p.drawEllipse(QRectF(s * 0.2, s * 0.2, s * 0.6, s * 0.6))
    p.end()
    return QIcon(pixmap)
