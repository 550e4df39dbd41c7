"""An organization's commitment rating fell clearly below its own recent level."""

from __future__ import annotations

from app.domain import Dimension, Event
from app.i18n import N_, _, ngettext
from app.rules.model import EarlyWarning, Evidence, EvidenceKind, Severity
from app.rules.rule import Parameter, Params, Rule
from app.rules.view import View, event_ref, when

# Ratings are means of small whole numbers; compare with a little tolerance.
_EPS = 1e-9


def commitment_falling(view: View, t: Params) -> EarlyWarning | None:
    """An organization's commitment rating fell clearly below its own recent level."""
    previous = int(t["previous"])
    evidence: list[Evidence] = []
    drops: list[str] = []
    for org in view.snap.organizations:
        series = _commitment_series(view, org.pk or 0)
        if len(series) < previous + 1:
            continue
        (latest_event, latest), before = series[-1], series[-previous - 1 : -1]
        baseline = sum(v for _e, v in before) / len(before)
        if baseline - latest < t["drop"] - _EPS:
            continue
        drops.append(
            ngettext(
                "{org} rated {now:.1f} on {day}, against {before:.1f} at the rated event before",
                "{org} rated {now:.1f} on {day}, against a mean of {before:.1f} over the {n} "
                "rated events before",
                len(before),
            ).format(
                org=org.name, now=latest, day=when(latest_event.day), before=baseline, n=len(before)
            )
        )
        evidence.append(Evidence(EvidenceKind.ORGANIZATION, org.pk or 0, org.name, org.id))
        evidence += [event_ref(e) for e, _v in [*before, (latest_event, latest)]]
    if not drops:
        return None
    return EarlyWarning(
        id="commitment-falling",
        severity=Severity.WARNING,
        message=_("Commitment is falling: {details}.").format(details="; ".join(drops)),
        evidence=tuple(dict.fromkeys(evidence)),
        suggestion=_(
            "Ask that side what has changed — workload, people, or doubts about the benefits — "
            "and whether the plan needs renegotiating."
        ),
    )


def _commitment_series(view: View, org: int) -> list[tuple[Event, float]]:
    """(event, mean commitment rating of ``org`` there) for each rated event, in order."""
    series = []
    for e in view.events:
        values = [
            r.value
            for r in e.ratings
            if r.organization == org and r.dimension == Dimension.COMMITMENT
        ]
        if values:
            series.append((e, sum(values) / len(values)))
    return series


RULE = Rule(
    id="commitment-falling",
    order=60,
    title=N_("Commitment falling"),
    explanation=N_(
        "An organization's latest commitment rating fell clearly below its mean over the "
        "earlier rated events. In the study the top managers lost their interest in the pilot "
        "(Kork, Koskela & Turpeinen, Results); commitments grow or shrink with how the partners "
        "assess the relationship (Ring & Van de Ven)."
    ),
    severities=(Severity.WARNING,),
    function=commitment_falling,
    parameters=(
        Parameter(
            "drop",
            N_("Fall in the commitment rating (points)"),
            default=1.0,
            minimum=0.1,
            maximum=4.0,
            whole=False,
            step=0.1,
            decimals=1,
        ),
        Parameter(
            "previous", N_("Earlier rated events compared with"), default=2, minimum=1, maximum=3650
        ),
    ),
)
