"""Small pre-aggregated arrays for the charts and insights, grouped in SQL.

Charts, calendar and streak count check-days, which start at 04:00
(``checkin.check_day``), like "today" on the home screen. ``AggregateQueries``
is the part of ``HistoryStore`` that asks for them; the store brings the
connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from herstel.core.checkin import (
    CHANGE_KEY,
    SIGNAL_ITEMS,
    Signal,
    SignalLevel,
    signal_levels,
)
from herstel.core.insights import LONG_SECONDS, GroupStats
from herstel.storage.database import Database
from herstel.storage.history.rows import (
    _CHECK_DAY,
    _ITEMS,
    DAY_SHIFT_MINUTES,
    _utc_ceiling,
    _utc_floor,
)
from herstel.storage.schema import ReminderOutcome
from herstel.storage.stored import local_time


@dataclass(frozen=True, slots=True)
class DayTotal:
    """Breathing on one check-day."""

    day: date
    seconds: float
    sessions: int

    @property
    def minutes(self) -> float:
        return self.seconds / 60.0


@dataclass(frozen=True, slots=True)
class WeekTotal:
    """Breathing in one week (Monday to Sunday, check-days)."""

    week: date  # the Monday
    seconds: float
    sessions: int

    @property
    def minutes(self) -> float:
        return self.seconds / 60.0


@dataclass(frozen=True, slots=True)
class SignalWeek:
    """The signals of one week's answered checks.

    ``after[s]`` is the mean after-answer (None without answers) over
    ``after_count[s]`` checks; ``before``/``before_count`` the same for
    before-checks; ``change[s]`` the mean of after − before over the
    ``change_count[s]`` sessions that answered both. Sleep (a night's mean)
    appears in ``after`` only, by the check-day of the morning after.
    """

    week: date
    after: Mapping[Signal, float | None] = field(default_factory=dict)
    after_count: Mapping[Signal, int] = field(default_factory=dict)
    before: Mapping[Signal, float | None] = field(default_factory=dict)
    before_count: Mapping[Signal, int] = field(default_factory=dict)
    change: Mapping[Signal, float | None] = field(default_factory=dict)
    change_count: Mapping[Signal, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AdherenceWeek:
    """What became of one week's reminders."""

    week: date
    taken: int = 0
    snoozed: int = 0
    skipped: int = 0
    missed: int = 0
    waited: int = 0  # stretches a due reminder waited (call, full screen, Do Not Disturb)
    natural_breaks: int = 0  # time away that counted as a break

    @property
    def total(self) -> int:
        """Reminders with an outcome; waits and natural breaks are not reminders."""
        return self.taken + self.snoozed + self.skipped + self.missed


# --- days and weeks (pure) ---------------------------------------------------------------


def check_day_of(utc: str, offset_minutes: int) -> date:
    """The check-day of a stored start (the same as ``checkin.check_day`` of its local time)."""
    return (local_time(utc, offset_minutes) - timedelta(minutes=DAY_SHIFT_MINUTES)).date()


def week_start(day: date) -> date:
    """The Monday of the week ``day`` is in."""
    return day - timedelta(days=day.weekday())


def week_totals(days: Sequence[DayTotal]) -> list[WeekTotal]:
    """Day totals folded into weeks (Monday first), in order; partial weeks included."""
    weeks: dict[date, tuple[float, int]] = {}
    for total in days:
        key = week_start(total.day)
        seconds, sessions = weeks.get(key, (0.0, 0))
        weeks[key] = (seconds + total.seconds, sessions + total.sessions)
    return [WeekTotal(week, s, n) for week, (s, n) in sorted(weeks.items())]


def current_streak(days: Iterable[date], today: date) -> int:
    """Consecutive breathing days up to today; a streak is still alive until today ends.

    Today counts when it has a session; if it has none yet, the streak that
    ended yesterday is still the current one.
    """
    have = set(days)
    day = today if today in have else today - timedelta(days=1)
    streak = 0
    while day in have:
        streak += 1
        day -= timedelta(days=1)
    return streak


def _means(
    values: Sequence[Any], start: int
) -> tuple[dict[Signal, float | None], dict[Signal, int]]:
    """(mean, count) column pairs for the six items, from position ``start``."""
    means = {s: values[start + 2 * k] for k, s in enumerate(SIGNAL_ITEMS)}
    counts = {s: int(values[start + 2 * k + 1]) for k, s in enumerate(SIGNAL_ITEMS)}
    return means, counts


def _dates(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


class AggregateQueries:
    """The chart and insight queries of ``HistoryStore``, which supplies the connection."""

    _db: Database | None

    def _connect(self) -> sqlite3.Connection | None:
        raise NotImplementedError

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        raise NotImplementedError

    def _translated(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def totals(self) -> tuple[int, float]:
        """(sessions, seconds breathed) over the whole history."""
        rows = self._rows("SELECT count(*), total(done_seconds) FROM sessions")
        return (int(rows[0][0]), float(rows[0][1])) if rows else (0, 0.0)

    def pattern_totals(self) -> list[tuple[str, int, float]]:
        """(rhythm, sessions, seconds) for every rhythm, most used first; one table scan."""
        rows = self._rows(
            "SELECT pattern, count(*) AS n, total(done_seconds) FROM sessions "
            "GROUP BY pattern ORDER BY n DESC, pattern"
        )
        return [(str(p), int(n), float(sec)) for p, n, sec in rows]

    def distinct_patterns(self) -> list[tuple[str, int]]:
        """Every rhythm in the history with its number of sessions, most used first."""
        return [(p, n) for p, n, _ in self.pattern_totals()]

    def date_span(self) -> tuple[date, date] | None:
        """The local dates of the oldest and the newest session (None when empty)."""
        rows = self._rows(
            "SELECT * FROM "
            "(SELECT started_at_utc, utc_offset_minutes FROM sessions "
            " ORDER BY started_at_utc, id LIMIT 1), "
            "(SELECT started_at_utc, utc_offset_minutes FROM sessions "
            " ORDER BY started_at_utc DESC, id DESC LIMIT 1)"
        )
        if not rows:
            return None
        first_utc, first_offset, last_utc, last_offset = rows[0]
        return (
            local_time(first_utc, first_offset).date(),
            local_time(last_utc, last_offset).date(),
        )

    # --- aggregates for the charts ---

    def day_totals(self, first: date, last: date) -> list[DayTotal]:
        """Minutes and sessions for every check-day from ``first`` to ``last`` (zeros included)."""
        if first > last:
            return []
        rows = self._rows(
            f"SELECT {_CHECK_DAY} AS day, total(s.done_seconds), count(*) FROM sessions AS s "
            "WHERE s.started_at_utc >= ? AND s.started_at_utc < ? GROUP BY day",
            (_utc_floor(first), _utc_ceiling(last)),
        )
        found = {date.fromisoformat(d): (float(sec), int(n)) for d, sec, n in rows}
        return [DayTotal(d, *found.get(d, (0.0, 0))) for d in _dates(first, last)]

    def breathing_days(self, first: date, last: date) -> set[date]:
        """The check-days from ``first`` to ``last`` with at least one session."""
        return {t.day for t in self.day_totals(first, last) if t.sessions}

    def streak(
        self, today: date, *, known: Iterable[date] = (), known_from: date | None = None
    ) -> int:
        """The current streak (see ``current_streak``), reading further back as needed.

        ``known`` may hand over the breathing days already read from ``known_from``
        to ``today`` (the calendar's), so only days before them are queried.
        """
        have = set(known)
        first = known_from if known_from is not None else today + timedelta(days=1)
        window = 64
        while True:
            streak = current_streak(have, today)
            anchor = today if today in have else today - timedelta(days=1)
            gap = anchor - timedelta(days=streak)  # the first day without a session
            if gap >= first or (first <= today and self._nothing_before(first)):
                return streak
            last = first - timedelta(days=1)
            first = last - timedelta(days=window - 1)
            have |= self.breathing_days(first, last)
            window *= 2

    def _nothing_before(self, day: date) -> bool:
        """True when no session can lie on a check-day before ``day``."""
        rows = self._rows(
            "SELECT 1 FROM sessions WHERE started_at_utc < ? LIMIT 1", (_utc_floor(day),)
        )
        return not rows

    def signal_weeks(self, first_week: date, last_week: date) -> list[SignalWeek]:
        """Weekly means of every signal (and of before/after change), Monday to Sunday.

        Grouped by the check-day the check was answered on. Reads the checks
        table only (before and after of one session are neighbours in its key).
        """
        first, last = week_start(first_week), week_start(last_week)
        if first > last:
            return []
        n = len(_ITEMS)
        after_cols = ", ".join(f"avg(a.{i}), count(a.{i})" for i in _ITEMS)
        before_cols = ", ".join(f"avg(b.{i}), count(b.{i})" for i in _ITEMS)
        change_cols = ", ".join(f"avg(a.{i} - b.{i}), count(a.{i} - b.{i})" for i in _ITEMS)
        week = (
            f"date(substr(a.answered_at, 1, 19), '-{DAY_SHIFT_MINUTES} minutes', "
            "'weekday 0', '-6 days')"
        )
        rows = self._rows(
            f"SELECT {week} AS week, {after_cols}, {before_cols}, {change_cols} "
            "FROM checks AS a LEFT JOIN checks AS b "
            "ON b.session_id = a.session_id AND b.kind = 'before' "
            "WHERE a.kind = 'after' AND a.answered_at >= ? AND a.answered_at < ? GROUP BY week",
            (first.isoformat(), (last + timedelta(days=8)).isoformat()),
        )
        nights = self._rows(
            "SELECT date(night, '+1 day', 'weekday 0', '-6 days') AS week, "
            "avg((coalesce(slept_deeply, woke_rested) + coalesce(woke_rested, slept_deeply)) "
            "/ 2.0), count(coalesce(slept_deeply, woke_rested)) "
            "FROM nights WHERE night >= ? AND night < ? GROUP BY week",
            ((first - timedelta(days=1)).isoformat(), (last + timedelta(days=7)).isoformat()),
        )
        sleep = {date.fromisoformat(w): (mean, int(c)) for w, mean, c in nights}
        found: dict[date, SignalWeek] = {}
        for row in rows:
            key = date.fromisoformat(row[0])
            values = row[1:]
            after, after_count = _means(values, 0)
            before, before_count = _means(values, 2 * n)
            change, change_count = _means(values, 4 * n)
            found[key] = SignalWeek(
                key, after, after_count, before, before_count, change, change_count
            )
        weeks: list[SignalWeek] = []
        nothing: dict[Signal, float | None] = dict.fromkeys(SIGNAL_ITEMS)
        none_counted = dict.fromkeys(SIGNAL_ITEMS, 0)
        day = first
        while day <= last:
            empty = SignalWeek(
                day, nothing, none_counted, nothing, none_counted, nothing, none_counted
            )
            base = found.get(day, empty)
            mean, count = sleep.get(day, (None, 0))
            weeks.append(
                SignalWeek(
                    day,
                    {**base.after, Signal.SLEEP: mean},
                    {**base.after_count, Signal.SLEEP: count},
                    base.before,
                    base.before_count,
                    base.change,
                    base.change_count,
                )
            )
            day += timedelta(days=7)
        return weeks

    def adherence_weeks(self, first_week: date, last_week: date) -> list[AdherenceWeek]:
        """Reminder outcomes per week (by the local check-day each reminder fell due on)."""
        first, last = week_start(first_week), week_start(last_week)
        if first > last:
            return []
        week = (
            f"date(substr(due_at, 1, 19), '-{DAY_SHIFT_MINUTES} minutes', 'weekday 0', '-6 days')"
        )
        rows = self._rows(
            f"SELECT {week} AS week, outcome, count(*) FROM reminders "
            "WHERE due_at >= ? AND due_at < ? GROUP BY week, outcome",
            (first.isoformat(), (last + timedelta(days=8)).isoformat()),
        )
        counts: dict[date, dict[str, int]] = {}
        for w, outcome, n in rows:
            counts.setdefault(date.fromisoformat(w), {})[outcome] = int(n)
        started = week.replace("due_at", "started_at")  # the store is always migrated
        waits = self._rows(
            f"SELECT {started} AS week, reason = 'away', count(*) FROM waits "
            "WHERE started_at >= ? AND started_at < ? GROUP BY week, reason = 'away'",
            (first.isoformat(), (last + timedelta(days=8)).isoformat()),
        )
        for w, away, n in waits:
            key = "natural_breaks" if away else "waited"
            counts.setdefault(date.fromisoformat(w), {})[key] = int(n)
        weeks = []
        day = first
        while day <= last:
            got = counts.get(day, {})
            weeks.append(
                AdherenceWeek(
                    day,
                    got.get(ReminderOutcome.TAKEN.value, 0),
                    got.get(ReminderOutcome.SNOOZED.value, 0),
                    got.get(ReminderOutcome.SKIPPED.value, 0),
                    got.get(ReminderOutcome.MISSED.value, 0),
                    got.get("waited", 0),
                    got.get("natural_breaks", 0),
                )
            )
            day += timedelta(days=7)
        return weeks

    # --- for insights ---

    def group_stats(self, since: date | None = None) -> list[GroupStats]:
        """Answered after-checks per rhythm and length (≥ 5 min or shorter), since a day.

        Skipped checks have no after-check; a check left before any answer does not count.
        """
        present = ", ".join(f"total(a.{i} >= 4), count(a.{i})" for i in _ITEMS)
        answered = " OR ".join(f"a.{i} IS NOT NULL" for i in (*_ITEMS, CHANGE_KEY))
        where = f"({answered})"
        params: list[object] = [LONG_SECONDS - 0.5]
        if since is not None:
            where += " AND s.started_at_utc >= ?"
            params.append(_utc_floor(since))
        rows = self._rows(
            f"SELECT s.pattern, s.done_seconds >= ? AS long, count(*), {present} "
            f"FROM checks AS a JOIN sessions AS s ON s.id = a.session_id "
            f"WHERE a.kind = 'after' AND {where} GROUP BY s.pattern, long",
            params,
        )
        groups = []
        for pattern, long, checks, *values in rows:
            groups.append(
                GroupStats(
                    str(pattern),
                    bool(long),
                    int(checks),
                    {s: int(values[2 * k]) for k, s in enumerate(SIGNAL_ITEMS)},
                    {s: int(values[2 * k + 1]) for k, s in enumerate(SIGNAL_ITEMS)},
                )
            )
        return groups

    def recent_levels(self, limit: int = 5) -> list[dict[Signal, SignalLevel]]:
        """The signal levels of the latest answered checks, newest first."""
        if self._connect() is None:
            return []
        assert self._db is not None
        with self._translated():
            recent = self._db.recent_after_checks(limit)
        return [signal_levels(check, night) for check, night in recent]
