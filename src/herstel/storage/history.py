"""The history's queries: sessions page by page, filtered and sorted in SQL; undoable
deletes; and small pre-aggregated arrays for the charts and insights.

Plain Python and sqlite3, no Qt. ``HistoryStore`` keeps one connection of its own
to the database file (opened lazily: a new user has no file yet, and looking at
an empty history must not create one). It does not run ``PRAGMA quick_check``
again — the app checked the file when it opened it, and that check costs 0.1 s
on 100,000 sessions — but SQLite's "damaged" error codes still become
``DatabaseCorrupt``.

Paging stays fast at both ends of 100,000 sessions:

- sorted by start time with no filter (the default view), a page is read
  straight from the ``sessions_by_start`` index: the offset is skipped inside a
  covering-index subquery (no table or checks look-ups for skipped rows), and
  from whichever end of the index is nearer, so the oldest page costs what the
  newest does;
- any other sort or a filter builds an *order snapshot* once: a temporary table
  of (position, id) in the requested order, filled by one ``INSERT … SELECT …
  ORDER BY``. Every page is then a primary-key range on it. The snapshot is
  rebuilt when the query changes, after this store deletes or restores, and
  when another connection commits (``PRAGMA data_version``).

User input never becomes SQL text: sort columns come from a fixed table of
expressions keyed by ``SortColumn``, filter values are bound parameters.

Days: the table filter uses the calendar date a session shows (its local start
date); the charts, calendar and streak use check-days, which start at 04:00
(``checkin.check_day``), like "today" on the home screen. Each session's local
time is its own stored UTC offset, so a summer session stays on its summer day.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from herstel.core.checkin import (
    CHANGE_KEY,
    SIGNAL_ITEMS,
    NightAnswers,
    Signal,
    SignalLevel,
    night_for,
    signal_levels,
)
from herstel.core.insights import LONG_SECONDS, GroupStats
from herstel.core.records import Trigger
from herstel.storage import schema
from herstel.storage.database import (
    BUSY_TIMEOUT,
    Database,
    DatabaseCorrupt,
    DatabaseTooNew,
    DataFolderError,
    is_corrupt,
    local_time,
    utc_text,
)
from herstel.storage.schema import ReminderOutcome

__all__ = [
    "PAGE_SIZE",
    "AdherenceWeek",
    "DayTotal",
    "DeletedBatch",
    "HistoryQuery",
    "HistoryRow",
    "HistoryStore",
    "Overview",
    "SignalWeek",
    "SortColumn",
    "WeekTotal",
    "check_day_of",
    "current_streak",
    "load_overview",
    "nearer_end",
    "overview_weeks",
    "week_start",
    "week_totals",
]

PAGE_SIZE: Final = 200
MAX_OFFSET_HOURS: Final = 14  # UTC offsets run from −12:00 to +14:00
DAY_SHIFT_MINUTES: Final = 240  # a check-day starts at 04:00 local time

_ITEMS: Final = tuple(s.value for s in SIGNAL_ITEMS)


class SortColumn(StrEnum):
    """The columns the history can be sorted by (each maps to a fixed SQL expression)."""

    STARTED = "started"
    PATTERN = "pattern"
    LENGTH = "length"
    ENDED = "ended"
    TRIGGER = "trigger"
    SIGNALS = "signals"
    CHANGE = "change"


_MEAN_AFTER: Final = "(({sum}) * 1.0 / nullif({count}, 0))".format(
    sum=" + ".join(f"coalesce(a.{i}, 0)" for i in _ITEMS),
    count=" + ".join(f"(a.{i} IS NOT NULL)" for i in _ITEMS),
)

# SortColumn → (SQL expression, computed from the after-check ``a``). The only place
# a sort turns into SQL text; anything not in here cannot be sorted by.
_SORT_SQL: Final[Mapping[SortColumn, tuple[str, bool]]] = {
    SortColumn.STARTED: ("s.started_at_utc", False),
    SortColumn.PATTERN: ("s.pattern", False),
    SortColumn.LENGTH: ("s.done_seconds", False),
    SortColumn.ENDED: ("s.ended_how", False),
    SortColumn.TRIGGER: ('s."trigger"', False),
    SortColumn.SIGNALS: (_MEAN_AFTER, True),
    SortColumn.CHANGE: (f"a.{CHANGE_KEY}", True),
}


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """Which sessions, in which order.

    ``date_from``/``date_to`` are local calendar dates, both included (the date
    each session shows). Ties in the sort column fall back to start time (in
    the same direction), then id, so every order is total and stable.
    """

    date_from: date | None = None
    date_to: date | None = None
    pattern: str | None = None
    trigger: Trigger | None = None
    sort: SortColumn = SortColumn.STARTED
    descending: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "sort", SortColumn(self.sort))  # ValueError if unknown
        if self.trigger is not None:
            object.__setattr__(self, "trigger", Trigger(self.trigger))
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, datetime) or not isinstance(value, date)):
                raise ValueError(f"{name} must be a date")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from must not be after date_to")

    @property
    def filtered(self) -> bool:
        return any(
            v is not None for v in (self.date_from, self.date_to, self.pattern, self.trigger)
        )

    def unsorted(self) -> HistoryQuery:
        """The same filter in the default order (counts do not depend on the order)."""
        return HistoryQuery(self.date_from, self.date_to, self.pattern, self.trigger)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One session as the history shows it, with its answers as stored.

    ``before``/``after`` hold the six signal answers in ``SIGNAL_ITEMS`` order
    (None where not answered), or are None when there was no such check.
    """

    id: str
    started_at_utc: str
    utc_offset_minutes: int
    pattern: str
    planned_seconds: float
    planned_breaths: int
    done_seconds: float
    done_breaths: int
    ended_how: str
    trigger: str
    check_status: str
    before: tuple[int | None, ...] | None
    after: tuple[int | None, ...] | None
    change: int | None
    after_complete: bool | None
    after_answered_at: str | None

    @property
    def started_at(self) -> datetime:
        """The local time the session started, in the offset it was recorded with."""
        return local_time(self.started_at_utc, self.utc_offset_minutes)

    @property
    def answered_at(self) -> datetime | None:
        return (
            None
            if self.after_answered_at is None
            else datetime.fromisoformat(self.after_answered_at)
        )

    def changes(self) -> dict[Signal, int]:
        """After minus before, for the signals answered both times."""
        if self.before is None or self.after is None:
            return {}
        return {
            s: a - b
            for s, b, a in zip(SIGNAL_ITEMS, self.before, self.after, strict=True)
            if a is not None and b is not None
        }


_ROW_COLUMNS: Final = (
    "s.id, s.started_at_utc, s.utc_offset_minutes, s.pattern, s.planned_seconds, "
    's.planned_breaths, s.done_seconds, s.done_breaths, s.ended_how, s."trigger", '
    "s.check_status, b.session_id, "
    + ", ".join(f"b.{i}" for i in _ITEMS)
    + ", a.session_id, "
    + ", ".join(f"a.{i}" for i in _ITEMS)
    + f", a.{CHANGE_KEY}, a.complete, a.answered_at"
)
_JOIN_CHECKS: Final = (
    "LEFT JOIN checks AS b ON b.session_id = s.id AND b.kind = 'before' "
    "LEFT JOIN checks AS a ON a.session_id = s.id AND a.kind = 'after'"
)
_SNAPSHOT: Final = "temp.history_order"
_KEYS: Final = "temp.history_keys"

_SESSION_COLUMNS: Final = (
    "id, started_at_utc, utc_offset_minutes, pattern, planned_seconds, planned_breaths, "
    'done_seconds, done_breaths, ended_how, "trigger", check_status'
)
_CHECK_COLUMNS: Final = f"session_id, kind, answered_at, complete, {', '.join(_ITEMS)}, change"
_IDS: Final = "(SELECT value FROM json_each(?))"


def _row(values: Sequence[Any]) -> HistoryRow:
    n = len(_ITEMS)
    before_id = values[11]
    before = tuple(values[12 : 12 + n])
    after_id = values[12 + n]
    after = tuple(values[13 + n : 13 + 2 * n])
    change, complete, answered_at = values[13 + 2 * n : 16 + 2 * n]
    return HistoryRow(
        id=values[0],
        started_at_utc=values[1],
        utc_offset_minutes=values[2],
        pattern=values[3],
        planned_seconds=values[4],
        planned_breaths=values[5],
        done_seconds=values[6],
        done_breaths=values[7],
        ended_how=values[8],
        trigger=values[9],
        check_status=values[10],
        before=before if before_id is not None else None,
        after=after if after_id is not None else None,
        change=change,
        after_complete=None if complete is None else bool(complete),
        after_answered_at=answered_at,
    )


@dataclass(frozen=True, slots=True)
class DeletedBatch:
    """Everything a delete removed, exactly as stored, so ``restore`` can put it back."""

    sessions: tuple[tuple[Any, ...], ...]
    checks: tuple[tuple[Any, ...], ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(str(row[0]) for row in self.sessions)

    def __len__(self) -> int:
        return len(self.sessions)


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


def nearer_end(total: int, offset: int, limit: int) -> tuple[bool, int, int]:
    """(from the end?, offset, limit) to read rows ``offset…offset+limit`` of ``total``.

    A page in the older half is read from the other end of the index in reverse,
    so the skipped part is never more than half the table: the oldest page costs
    what the newest does.
    """
    limit = max(0, min(limit, total - offset))
    if offset + limit / 2 <= total / 2:
        return False, offset, limit
    return True, total - offset - limit, limit


def _dates(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _utc_floor(day: date) -> str:
    """A UTC bound at or before the start of ``day`` in every time zone."""
    return utc_text(datetime.combine(day, time(0), tzinfo=UTC) - timedelta(hours=MAX_OFFSET_HOURS))


def _utc_ceiling(day: date) -> str:
    """A UTC bound at or after the end of ``day`` (and of its check-day) in every zone."""
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=UTC)
    return utc_text(end + timedelta(hours=MAX_OFFSET_HOURS, minutes=DAY_SHIFT_MINUTES))


_LOCAL_DATE: Final = "date(s.started_at_utc, s.utc_offset_minutes || ' minutes')"
_CHECK_DAY: Final = (
    f"date(s.started_at_utc, (s.utc_offset_minutes - {DAY_SHIFT_MINUTES}) || ' minutes')"
)


def _where(query: HistoryQuery) -> tuple[str, list[object]]:
    """The WHERE clause for a query's filter: fixed SQL text, values as parameters."""
    clauses: list[str] = []
    params: list[object] = []
    if query.date_from is not None:
        clauses += ["s.started_at_utc >= ?", f"{_LOCAL_DATE} >= ?"]
        params += [_utc_floor(query.date_from), query.date_from.isoformat()]
    if query.date_to is not None:
        clauses += ["s.started_at_utc < ?", f"{_LOCAL_DATE} <= ?"]
        params += [_utc_ceiling(query.date_to), query.date_to.isoformat()]
    if query.pattern is not None:
        clauses.append("s.pattern = ?")
        params.append(query.pattern)
    if query.trigger is not None:
        clauses.append('s."trigger" = ?')
        params.append(query.trigger.value)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _order_by(query: HistoryQuery, *, reverse: bool = False) -> str:
    expression, from_checks = _SORT_SQL[query.sort]
    direction = "DESC" if query.descending != reverse else "ASC"
    if query.sort is SortColumn.STARTED:
        return f"s.started_at_utc {direction}, s.id {direction}"
    key = "k.key" if from_checks else expression
    return f"{key} {direction}, s.started_at_utc {direction}, s.id {direction}"


# --- the store ----------------------------------------------------------------------------


class HistoryStore:
    """The history of one database file; cheap to create, connects on first use.

    Not thread-safe: use it from one thread (the UI's). Call ``close`` when done.
    """

    def __init__(self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = path
        self._busy_timeout = busy_timeout
        self._conn: sqlite3.Connection | None = None
        self._db: Database | None = None
        self._generation = 0  # bumped by our own writes (data_version only sees others')
        self._count_cache: dict[tuple[HistoryQuery, int, int], int] = {}
        self._snapshot: tuple[HistoryQuery, int, int] | None = None
        self._snapshot_size = 0

    # --- connection ---

    def _connect(self) -> sqlite3.Connection | None:
        """The connection, opened when the file exists (never creating it)."""
        if self._conn is not None:
            return self._conn
        if not self.path.is_file():
            return None
        with self._translated():
            probe = sqlite3.connect(self.path, timeout=self._busy_timeout, isolation_level=None)
            try:
                version = schema.user_version(probe)
            finally:
                probe.close()
            if version > schema.SCHEMA_VERSION:
                raise DatabaseTooNew(self.path, version, schema.SCHEMA_VERSION)
            if version < schema.SCHEMA_VERSION:
                Database.open(self.path, busy_timeout=self._busy_timeout).close()  # migrate
            try:
                conn = sqlite3.connect(self.path, timeout=self._busy_timeout, isolation_level=None)
            except sqlite3.Error as err:
                raise DataFolderError(self.path.parent, f"cannot open {self.path}: {err}") from err
            conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA temp_store = MEMORY")
        self._conn = conn
        self._db = Database(conn, self.path, schema.SCHEMA_VERSION)
        return conn

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as err:
            if is_corrupt(err):
                raise DatabaseCorrupt(self.path) from err
            raise

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        conn = self._connect()
        if conn is None:
            return []
        with self._translated():
            return conn.execute(sql, params).fetchall()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        if conn is None:
            raise FileNotFoundError(self.path)
        with self._translated():
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        self._generation += 1

    def _version(self) -> tuple[int, int]:
        """Changes since we last looked: (commits by others, our own writes)."""
        conn = self._connect()
        if conn is None:
            return (-1, self._generation)
        with self._translated():
            (data_version,) = conn.execute("PRAGMA data_version").fetchone()
        return (int(data_version), self._generation)

    @property
    def exists(self) -> bool:
        """Whether there is a database file (a new user has none)."""
        return self._connect() is not None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._db = None
        self._snapshot = None
        self._count_cache.clear()

    # --- the table ---

    def count(self, query: HistoryQuery | None = None) -> int:
        """How many sessions the query's filter matches (all sessions without a query)."""
        query = query or HistoryQuery()
        key = (query.unsorted(), *self._version())
        cached = self._count_cache.get(key)
        if cached is not None:
            return cached
        where, params = _where(query)
        rows = self._rows(f"SELECT count(*) FROM sessions AS s{where}", params)
        total = int(rows[0][0]) if rows else 0
        if len(self._count_cache) > 16:
            self._count_cache.clear()
        self._count_cache[key] = total
        return total

    def uses_snapshot(self, query: HistoryQuery) -> bool:
        """False for the default view, which pages straight from the start-time index."""
        return query.filtered or query.sort is not SortColumn.STARTED

    def page(self, query: HistoryQuery, offset: int, limit: int = PAGE_SIZE) -> list[HistoryRow]:
        """``limit`` rows from position ``offset`` (0 = first in the query's order)."""
        if offset < 0 or limit < 0:
            raise ValueError("offset and limit cannot be negative")
        if limit == 0 or self._connect() is None:
            return []
        if self.uses_snapshot(query):
            size = self._ensure_snapshot(query)
            if offset >= size:
                return []
            return self._snapshot_page(offset, limit)
        return self._index_page(query, offset, limit)

    def ids(self, query: HistoryQuery, offset: int, limit: int) -> list[str]:
        """Only the ids of a page (cheap; for deleting a range of rows)."""
        if offset < 0 or limit < 0:
            raise ValueError("offset and limit cannot be negative")
        if limit == 0 or self._connect() is None:
            return []
        if self.uses_snapshot(query):
            self._ensure_snapshot(query)
            rows = self._rows(
                f"SELECT id FROM {_SNAPSHOT} WHERE pos > ? AND pos <= ? ORDER BY pos",
                (offset, offset + limit),
            )
            return [r[0] for r in rows]
        total = self.count(query)
        reverse, inner_offset, inner_limit = nearer_end(total, offset, limit)
        rows = self._rows(
            f"SELECT s.id FROM sessions AS s ORDER BY {_order_by(query, reverse=reverse)} "
            "LIMIT ? OFFSET ?",
            (inner_limit, inner_offset),
        )
        ids = [r[0] for r in rows]
        return ids[::-1] if reverse else ids

    def _index_page(self, query: HistoryQuery, offset: int, limit: int) -> list[HistoryRow]:
        total = self.count(query)
        reverse, inner_offset, inner_limit = nearer_end(total, offset, limit)
        if inner_limit <= 0:
            return []
        order = _order_by(query, reverse=reverse)
        # The offset is skipped in a subquery that reads only the covering index
        # (started_at_utc, id); the table and the checks are read for the page alone.
        sql = (
            f"SELECT {_ROW_COLUMNS} FROM ("
            f"  SELECT s.id AS pid FROM sessions AS s ORDER BY {order} LIMIT ? OFFSET ?"
            f") AS p JOIN sessions AS s ON s.id = p.pid {_JOIN_CHECKS} ORDER BY {order}"
        )
        rows = [_row(r) for r in self._rows(sql, (inner_limit, inner_offset))]
        return rows[::-1] if reverse else rows

    def _ensure_snapshot(self, query: HistoryQuery) -> int:
        key = (query, *self._version())
        if self._snapshot == key:
            return self._snapshot_size
        conn = self._connect()
        assert conn is not None
        where, params = _where(query)
        expression, from_checks = _SORT_SQL[query.sort]
        source, join = "sessions AS s", ""
        with self._translated():
            if from_checks:
                # A key from the after-check: read it from one sequential scan of the
                # checks into a small keyed table first, rather than looking up the
                # checks once per session (twice as fast on 100,000 sessions).
                conn.execute(f"DROP TABLE IF EXISTS {_KEYS}")
                conn.execute(
                    f"CREATE TABLE {_KEYS} (session_id TEXT PRIMARY KEY NOT NULL, key) "
                    "WITHOUT ROWID"
                )
                conn.execute(
                    f"INSERT INTO {_KEYS} SELECT a.session_id, {expression} "
                    "FROM checks AS a WHERE a.kind = 'after'"
                )
                join = f"LEFT JOIN {_KEYS} AS k ON k.session_id = s.id"
                if query.date_from is None and query.date_to is None:
                    source = "sessions AS s NOT INDEXED"  # table order: no index detour
            conn.execute(f"DROP TABLE IF EXISTS {_SNAPSHOT}")
            conn.execute(f"CREATE TABLE {_SNAPSHOT} (pos INTEGER PRIMARY KEY, id TEXT NOT NULL)")
            # Positions are assigned 1, 2, 3, … in the order the SELECT returns rows.
            cursor = conn.execute(
                f"INSERT INTO {_SNAPSHOT} (id) SELECT s.id FROM {source} {join}{where} "
                f"ORDER BY {_order_by(query)}",
                params,
            )
            size = max(0, cursor.rowcount)
            if from_checks:
                conn.execute(f"DROP TABLE {_KEYS}")
        self._snapshot = key
        self._snapshot_size = size
        self._count_cache[(query.unsorted(), *key[1:])] = size
        return size

    def _snapshot_page(self, offset: int, limit: int) -> list[HistoryRow]:
        sql = (
            f"SELECT {_ROW_COLUMNS} FROM {_SNAPSHOT} AS o JOIN sessions AS s ON s.id = o.id "
            f"{_JOIN_CHECKS} WHERE o.pos > ? AND o.pos <= ? ORDER BY o.pos"
        )
        return [_row(r) for r in self._rows(sql, (offset, offset + limit))]

    def position(self, query: HistoryQuery, session_id: str) -> int | None:
        """Where a session is in the query's order (0 = first), or None when not shown."""
        if self._connect() is None:
            return None
        if self.uses_snapshot(query):
            self._ensure_snapshot(query)
            rows = self._rows(f"SELECT pos FROM {_SNAPSHOT} WHERE id = ?", (session_id,))
            return int(rows[0][0]) - 1 if rows else None
        found = self._rows("SELECT started_at_utc FROM sessions WHERE id = ?", (session_id,))
        if not found:
            return None
        before = ">" if query.descending else "<"
        rows = self._rows(
            f"SELECT count(*) FROM sessions AS s WHERE (s.started_at_utc, s.id) {before} (?, ?)",
            (found[0][0], session_id),
        )
        return int(rows[0][0])

    def row(self, session_id: str) -> HistoryRow | None:
        """One session by id."""
        rows = self._rows(
            f"SELECT {_ROW_COLUMNS} FROM sessions AS s {_JOIN_CHECKS} WHERE s.id = ?",
            (session_id,),
        )
        return _row(rows[0]) if rows else None

    def night_before(self, row: HistoryRow) -> NightAnswers | None:
        """The sleep answers for the night before this session's check-day, if given."""
        if self._connect() is None:
            return None
        assert self._db is not None
        moment = row.answered_at or row.started_at
        with self._translated():
            return self._db.load_night(night_for(moment))

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

    # --- delete and undo ---

    def delete(self, ids: Iterable[str]) -> DeletedBatch:
        """Delete sessions (and their checks) in one transaction; returns what undo needs.

        Unknown ids are ignored. Nights are kept: they belong to a night, not a session.
        """
        wanted = json.dumps(list(dict.fromkeys(ids)))
        if wanted == "[]" or self._connect() is None:
            return DeletedBatch((), ())
        with self._write() as conn:
            sessions = conn.execute(
                f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id IN {_IDS} "
                "ORDER BY started_at_utc, id",
                (wanted,),
            ).fetchall()
            checks = conn.execute(
                f"SELECT {_CHECK_COLUMNS} FROM checks WHERE session_id IN {_IDS}", (wanted,)
            ).fetchall()
            conn.execute(f"DELETE FROM checks WHERE session_id IN {_IDS}", (wanted,))
            conn.execute(f"DELETE FROM sessions WHERE id IN {_IDS}", (wanted,))
        return DeletedBatch(tuple(map(tuple, sessions)), tuple(map(tuple, checks)))

    def restore(self, batch: DeletedBatch) -> int:
        """Put a deleted batch back exactly as it was (one transaction); returns sessions added.

        A session that came back in the meantime (an import) is left as it is.
        """
        if not batch.sessions:
            return 0
        with self._write() as conn:
            before = conn.total_changes
            conn.executemany(
                f"INSERT OR IGNORE INTO sessions ({_SESSION_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch.sessions,
            )
            added = conn.total_changes - before
            conn.executemany(
                f"INSERT OR IGNORE INTO checks ({_CHECK_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch.checks,
            )
        return added

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


# --- everything the overview shows, in one go -----------------------------------------------

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


def load_overview(store: HistoryStore, today: date) -> Overview:
    """Read everything the overview shows (a handful of grouped queries)."""
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
