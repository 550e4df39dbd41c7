"""Retention is a pure function of backup times and a clock: tested with clocks moved by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.backup.retention import DAILY, MONTHLY, RECENT, WEEKLY, backups_to_keep

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)

times = st.lists(
    st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
    ),
    max_size=120,
)


@settings(max_examples=200, deadline=None)
@given(times, st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)))
def test_rules_hold_for_any_backups_and_any_clock(backups: list[datetime], now: datetime) -> None:
    now = now.replace(tzinfo=UTC)
    keep = backups_to_keep(backups, now)
    assert keep <= set(backups)
    if backups:
        assert max(backups) in keep  # the newest is never deleted
    recent = {t for t in backups if t > now - RECENT}
    assert recent <= keep  # the last 48 hours and anything "from the future" stay
    assert len(keep - recent) <= DAILY + WEEKLY + MONTHLY + 1
    assert backups_to_keep(keep, now) == keep  # thinning twice deletes nothing more


def test_hourly_backups_over_two_years_thin_to_the_tiers() -> None:
    hourly = [NOW - timedelta(hours=h) for h in range(0, 2 * 365 * 24)]
    keep = sorted(backups_to_keep(hourly, NOW), reverse=True)
    recent = [t for t in keep if t > NOW - RECENT]
    older = keep[len(recent) :]
    assert len(recent) == 48
    assert len(older) == DAILY + WEEKLY + MONTHLY
    days = older[:DAILY]
    # The 13th is partly inside the 48 hours, so the daily tier starts on the 12th.
    assert [d.date() for d in days] == [(NOW - timedelta(days=3 + i)).date() for i in range(14)]
    assert all(t.hour == 23 for t in days)  # the newest backup of each day
    assert older[-1] < NOW - timedelta(days=300)  # months reach back most of a year


def test_a_clock_that_jumps_backwards_deletes_nothing_newer_than_itself() -> None:
    hourly = [NOW - timedelta(hours=h) for h in range(0, 90 * 24)]
    kept_today = backups_to_keep(hourly, NOW)
    back_in_time = NOW - timedelta(days=365 * 5)
    assert backups_to_keep(kept_today, back_in_time) == kept_today
    # Two days back: everything newer than the wrong "now" is kept as it stands.
    two_days_back = NOW - timedelta(days=2)
    keep = backups_to_keep(kept_today, two_days_back)
    assert {t for t in kept_today if t > two_days_back - RECENT} <= keep


def test_backups_made_and_thinned_every_hour_for_a_year_keep_the_history() -> None:
    kept: set[datetime] = set()
    start = NOW - timedelta(days=400)
    for hour in range(0, 400 * 24, 6):
        now = start + timedelta(hours=hour)
        kept = backups_to_keep(kept | {now}, now)
    ordered = sorted(kept, reverse=True)
    assert len(ordered) <= 9 + DAILY + WEEKLY + MONTHLY
    assert ordered[-1] < ordered[0] - timedelta(days=300)
