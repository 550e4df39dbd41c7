"""Interviews and focus groups counted by kind and side, for a report with names hidden."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from app.domain import EventKind, Role
from app.i18n import Translator, translator
from app.report.model import ConfidentialCount
from reports.blocks import gap, para

_C, _P = Role.CUSTOMER, Role.PROVIDER
Phrase = Callable[[Translator, int], str]
# Per kind and the sides whose managers took part; spelled out so that pybabel extracts each.
_PHRASES: dict[tuple[EventKind, tuple[Role, ...]], Phrase] = {
    (EventKind.INTERVIEW, (_C,)): lambda t, n: t.ngettext(
        "{n} interview with the customer's managers",
        "{n} interviews with the customer's managers",
        n,
    ),
    (EventKind.INTERVIEW, (_P,)): lambda t, n: t.ngettext(
        "{n} interview with the provider's managers",
        "{n} interviews with the provider's managers",
        n,
    ),
    (EventKind.INTERVIEW, (_C, _P)): lambda t, n: t.ngettext(
        "{n} interview with managers of both partners",
        "{n} interviews with managers of both partners",
        n,
    ),
    (EventKind.INTERVIEW, ()): lambda t, n: t.ngettext("{n} interview", "{n} interviews", n),
    (EventKind.FOCUS_GROUP, (_C,)): lambda t, n: t.ngettext(
        "{n} focus group with the customer's managers",
        "{n} focus groups with the customer's managers",
        n,
    ),
    (EventKind.FOCUS_GROUP, (_P,)): lambda t, n: t.ngettext(
        "{n} focus group with the provider's managers",
        "{n} focus groups with the provider's managers",
        n,
    ),
    (EventKind.FOCUS_GROUP, (_C, _P)): lambda t, n: t.ngettext(
        "{n} focus group with managers of both partners",
        "{n} focus groups with managers of both partners",
        n,
    ),
    (EventKind.FOCUS_GROUP, ()): lambda t, n: t.ngettext("{n} focus group", "{n} focus groups", n),
}


def count_line(item: ConfidentialCount, language: str) -> str:
    phrase = _PHRASES[(item.kind, item.sides)]
    return phrase(translator(language), item.count).format(n=item.count)


def confidential_counts(items: Sequence[ConfidentialCount], language: str) -> list[Flowable]:
    """One line per kind and side, after a note on why only the number is given."""
    if not items:
        return []
    tr = translator(language)
    out: list[Flowable] = [gap(4), para(tr("Held in confidence, so only counted here:"), "muted")]
    out += [para("• " + count_line(item, language)) for item in items]
    return out
