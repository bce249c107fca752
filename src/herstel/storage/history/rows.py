"""What one page of the sessions table is made of: the query, the row, a deleted batch.

Also the SQL text they need — the sort expressions (a fixed table keyed by
``SortColumn``: user input never becomes SQL text) and the filter's WHERE clause
with bound values — and ``nearer_end``, which reads a page from the nearer end
of the index. Days: the table filter uses the calendar date a session shows
(its local start date), with each session's own stored UTC offset.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, Final

from herstel.core.checkin import (
    CHANGE_KEY,
    SIGNAL_ITEMS,
    Signal,
)
from herstel.core.records import Trigger
from herstel.storage.stored import local_time, utc_text

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
