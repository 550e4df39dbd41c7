"""The wording of the report's summary parts, shared by the PDF and the Word document: the phase
and its duration, objective standings, what there is to decide, changes between questionnaire
waves, and "fewer than 3 answers" where the minimum group size keeps a mean out.

Plain strings only (no reportlab), in the report's language.
"""

from __future__ import annotations

from datetime import date

from app.i18n import N_, translator
from app.report.parts import Change, DecideKind, Equity, Glance, ObjectiveStatus, Standing
from reports import labels as lb

STANDINGS = {
    Standing.ACHIEVED: N_("Achieved"),
    Standing.ON_TRACK: N_("On track"),
    Standing.AT_RISK: N_("At risk"),
    Standing.NOT_MEASURED: N_("Not measured"),
    Standing.MEASURED: N_("No numeric target"),
}
# The colour of each standing's word in the PDF (None: the text colour).
STANDING_COLOURS = {
    Standing.ACHIEVED: "#1e6b34",
    Standing.ON_TRACK: "#1d4e89",
    Standing.AT_RISK: "#a32020",
    Standing.NOT_MEASURED: "#5f6b7a",
    Standing.MEASURED: "#5f6b7a",
}
# The standings the on-track rule decides (and its note under the table explains).
JUDGED = (Standing.ON_TRACK, Standing.AT_RISK)
DECIDE_KINDS = {
    DecideKind.OVERDUE_ACTION: N_("Overdue action"),
    DecideKind.IDEA: N_("Idea waiting for a decision"),
    DecideKind.NO_INDICATOR: N_("Objective without an indicator"),
    DecideKind.REVIEW: N_("Decision due for review"),
}
UP, DOWN, SAME = "▲", "▼", "="


def value(number: float, language: str) -> str:
    """A measured value: whole numbers without decimals, others with up to two."""
    text = f"{number:.0f}" if float(number).is_integer() else f"{number:.2f}".rstrip("0")
    text = text.replace("-", "−")
    return text.replace(".", ",") if language == "fi" else text


def with_unit(number: float, unit: str | None, language: str) -> str:
    text = value(number, language)
    if not unit:
        return text
    return f"{text}\u00a0{unit}" if unit[:1].isalnum() or unit == "%" else f"{text}{unit}"


def target_text(o: ObjectiveStatus, language: str) -> str:
    """The numeric target with its unit, else the target's words, else "–"."""
    if o.target_value is not None:
        return with_unit(o.target_value, o.unit, language)
    return o.target or "–"


def latest_text(o: ObjectiveStatus, language: str) -> str:
    if o.latest is None or o.latest_on is None:
        return "–"
    return f"{with_unit(o.latest, o.unit, language)} ({lb.short_date(o.latest_on, language)})"


def _span(days: int, language: str) -> str:
    t = translator(language)
    if days < 14:
        return t.ngettext("{n} day", "{n} days", days).format(n=days)
    if days < 61:
        weeks = days // 7
        return t.ngettext("{n} week", "{n} weeks", weeks).format(n=weeks)
    months = round(days / 30.44)
    return t.ngettext("{n} month", "{n} months", months).format(n=months)


def phase_line(g: Glance, as_of: date, language: str) -> str:
    tr = translator(language).gettext
    if g.phase is None or g.phase_since is None:
        return tr("No phase recorded yet.")
    return tr("Phase: {phase}, since {date} ({span}).").format(
        phase=tr(lb.PHASES[g.phase]),
        date=lb.long_date(g.phase_since, language),
        span=_span(max(0, (as_of - g.phase_since).days), language),
    )


def achieved_title(g: Glance, language: str) -> str:
    tr = translator(language).gettext
    if g.last_report_on is None:
        return tr("Achieved so far")
    return tr("Achieved since the last report ({date})").format(
        date=lb.short_date(g.last_report_on, language)
    )


def more(n: int, language: str) -> str:
    tr = translator(language).gettext
    return tr("… and {n} more, not listed here.").format(n=lb.count(n, language))


def fewer_than(minimum: int, language: str) -> str:
    """What a cell says instead of a mean of too few respondents."""
    t = translator(language)
    return t.ngettext("fewer than {n} answer", "fewer than {n} answers", minimum).format(n=minimum)


def no_comparison(waves: int, language: str) -> str:
    """Why the questionnaires are not compared: fewer than two of them."""
    t = translator(language)
    tr = t.gettext
    if not waves:
        return tr("No questionnaire yet: a comparison needs at least two.")
    return t.ngettext(
        "{n} questionnaire so far: a comparison needs at least two.",
        "{n} questionnaires so far: a comparison needs at least two.",
        waves,
    ).format(n=waves)


def change(delta: float | None, language: str) -> str:
    """A change between waves with its mark: "▲ +0.4", "▼ −0.5", "= 0.0"; "–" without one."""
    if delta is None:
        return "–"
    if abs(delta) < 0.05:
        return f"{SAME} {lb.number(0.0, language)}"
    return f"{UP if delta > 0 else DOWN} {lb.signed(delta, language)}"


def wave_cell(mean: float | None, short: bool, minimum: int, language: str) -> str:
    if mean is not None:
        return lb.number(mean, language)
    return fewer_than(minimum, language) if short else "–"


def three_waves(e: Equity) -> bool:
    """Whether the previous wave is not the first (with two waves they are the same)."""
    return e.previous_on is not None and e.previous_on != e.baseline_on


def comparison_head(e: Equity, language: str) -> list[str]:
    """The column heads after "Dimension": each wave with its date on a line of its own (a
    date is never broken), then the changes."""
    tr = translator(language).gettext

    def wave(name: str, day: date | None) -> str:
        return f"{name}\n{lb.short_date(day, language)}"

    if not three_waves(e):
        return [wave(tr("First"), e.baseline_on), wave(tr("Latest"), e.latest_on), tr("Change")]
    return [
        wave(tr("First"), e.baseline_on),
        wave(tr("Previous"), e.previous_on),
        wave(tr("Latest"), e.latest_on),
        tr("Since previous"),
        tr("Since first"),
    ]


def change_row(c: Change, e: Equity, language: str) -> list[str]:
    """The wave means and the changes, as ``comparison_head`` names the columns."""
    baseline, previous, latest = (
        wave_cell(mean, short, e.minimum, language)
        for mean, short in zip((c.baseline, c.previous, c.latest), c.short, strict=True)
    )
    if not three_waves(e):
        return [baseline, latest, change(c.since_baseline, language)]
    since = (change(c.since_previous, language), change(c.since_baseline, language))
    return [baseline, previous, latest, *since]
