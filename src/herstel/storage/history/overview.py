"""Everything the History overview shows, read in one go (a handful of grouped queries)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from herstel.core.checkin import (
    Signal,
    SignalLevel,
)
from herstel.core.insights import GroupStats
from herstel.storage.history.aggregates import (
    AdherenceWeek,
    AggregateQueries,
    DayTotal,
    SignalWeek,
    WeekTotal,
    week_start,
    week_totals,
)

OVERVIEW_WEEKS: Final = 26  # at most this many weeks in the charts and the calendar
MIN_WEEKS: Final = 8  # and at least this many, so a new history is not one fat bar
DAYS_SHOWN: Final = 30  # the per-day minutes chart


@dataclass(frozen=True, slots=True)
class Overview:
    """The pre-aggregated arrays behind the overview's charts and insights.

    ``days`` covers every check-day from the first week shown to ``today``.
    """

    today: date
    days: tuple[DayTotal, ...]
    weeks: tuple[WeekTotal, ...]
    streak: int
    signals: tuple[SignalWeek, ...]
    adherence: tuple[AdherenceWeek, ...]
    groups: tuple[GroupStats, ...]
    recent: tuple[Mapping[Signal, SignalLevel], ...]

    @property
    def last_days(self) -> tuple[DayTotal, ...]:
        """The last ``DAYS_SHOWN`` days, for the per-day chart."""
        return self.days[-DAYS_SHOWN:]


def overview_weeks(today: date, first_day: date | None) -> tuple[date, date]:
    """The Mondays of the first and the last week the overview shows."""
    this_week = week_start(today)
    first = this_week - timedelta(weeks=OVERVIEW_WEEKS - 1)
    if first_day is not None:
        first = max(first, week_start(first_day))
    return min(first, this_week - timedelta(weeks=MIN_WEEKS - 1)), this_week


def load_overview(store: AggregateQueries, today: date) -> Overview:
    """Read everything the overview shows (a handful of grouped queries on ``store``)."""
    span = store.date_span()
    first_week, this_week = overview_weeks(today, span[0] if span else None)
    days = store.day_totals(first_week, today)
    breathing = {d.day for d in days if d.sessions}
    return Overview(
        today=today,
        days=tuple(days),
        weeks=tuple(week_totals(days)),
        streak=store.streak(today, known=breathing, known_from=first_week),
        signals=tuple(store.signal_weeks(first_week, this_week)),
        adherence=tuple(store.adherence_weeks(first_week, this_week)),
        groups=tuple(store.group_stats()),
        recent=tuple(store.recent_levels(5)),
    )
