"""Every read from the database: single records, what the screens summarise, export streams.

Reads never write: a deferred open is settled first (``DatabaseBase._query``),
and a table an older file does not have yet reads as empty.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta, tzinfo

from herstel.core.checkin import (
    DAY_STARTS_AT,
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
    night_for,
    signal_levels,
)
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.storage.connection import _translated
from herstel.storage.database_base import DatabaseBase
from herstel.storage.database_sql import (
    _ANSWERED,
    _CHECK_COLUMNS,
    _NIGHT_COLUMNS,
    _SELECT_SESSION_ROWS,
    _SESSION_COLUMNS,
    _WAIT_COLUMNS,
    _answers_from,
    _night_from,
    _prefixed,
)
from herstel.storage.stored import (
    SessionRow,
    StoredSession,
    TodaySummary,
    WaitRow,
    local_time,
    utc_text,
)


class DatabaseReads(DatabaseBase):
    """The reads of ``Database``."""

    def session_count(self) -> int:
        """How many sessions are stored."""
        if not self._has_table("sessions"):
            return 0
        return int(self._query("SELECT count(*) FROM sessions")[0][0])

    def load_session(self, session_id: str) -> StoredSession | None:
        """One session with its checks, or None."""
        rows = self._query(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            return None
        (sid, utc, minutes, pattern, p_sec, p_br, d_sec, d_br, ended, trig, status) = rows[0]
        started = local_time(utc, minutes)
        ended_how, trigger = EndedHow(ended), Trigger(trig)
        record = SessionRecord(sid, started, pattern, p_sec, p_br, d_sec, d_br, ended_how, trigger)
        checks = self._query(
            f"SELECT kind, {_CHECK_COLUMNS} FROM checks WHERE session_id = ?", (session_id,)
        )
        by_kind = {row[0]: row[1:] for row in checks}
        return StoredSession(
            record,
            _answers_from(CheckKind.BEFORE, by_kind.get(CheckKind.BEFORE.value)),
            _answers_from(CheckKind.AFTER, by_kind.get(CheckKind.AFTER.value)),
            CheckStatus(status),
        )

    def load_night(self, night: date) -> NightAnswers | None:
        """The sleep answers stored for a night, or None."""
        rows = self._query(
            f"SELECT {_NIGHT_COLUMNS} FROM nights WHERE night = ?", (night.isoformat(),)
        )
        return _night_from(rows[0]) if rows else None

    def last_check_at(self) -> datetime | None:
        """When the latest check (or sleep answer) was given; feeds ``asks_sleep``."""
        rows = self._query(
            """
            SELECT answered_at FROM checks WHERE session_id = (
                SELECT s.id FROM sessions AS s
                WHERE EXISTS (SELECT 1 FROM checks AS c WHERE c.session_id = s.id)
                ORDER BY s.started_at_utc DESC, s.id DESC LIMIT 1)
            UNION ALL
            SELECT answered_at FROM (SELECT answered_at FROM nights ORDER BY night DESC LIMIT 1)
            """
        )
        moments = [datetime.fromisoformat(r[0]) for r in rows]
        return max(moments) if moments else None

    def recent_after_checks(
        self, limit: int | None = None, since: datetime | None = None
    ) -> list[tuple[CheckAnswers, NightAnswers | None]]:
        """Answered after-checks, newest first, each with the night it asked about.

        Skipped checks, and checks left before any item was answered, do not
        count. ``limit`` counts checks; ``since`` keeps sessions that started at
        or after that moment.
        """
        rows = self._query(
            f"""
            SELECT {_prefixed("c", _CHECK_COLUMNS)}
            FROM sessions AS s JOIN checks AS c ON c.session_id = s.id AND c.kind = 'after'
            WHERE s.started_at_utc >= ? AND ({_ANSWERED})
            ORDER BY s.started_at_utc DESC, s.id DESC LIMIT ?
            """,
            ("" if since is None else utc_text(since), -1 if limit is None else limit),
        )
        answered = [a for row in rows if (a := _answers_from(CheckKind.AFTER, row)) is not None]
        nights = self._nights_for(answered)
        return [(c, nights.get(night_for(c.answered_at))) for c in answered]

    def _nights_for(self, checks: Sequence[CheckAnswers]) -> dict[date, NightAnswers]:
        if not checks:
            return {}
        wanted = [night_for(c.answered_at) for c in checks]
        rows = self._query(
            f"SELECT {_NIGHT_COLUMNS} FROM nights WHERE night BETWEEN ? AND ?",
            (min(wanted).isoformat(), max(wanted).isoformat()),
        )
        return {n.night: n for n in map(_night_from, rows)}

    def today_summary(self, day: date, tz: tzinfo) -> TodaySummary:
        """Minutes, sessions and the latest check's signals for a check-day (04:00–04:00 in tz)."""
        start = utc_text(datetime.combine(day, DAY_STARTS_AT, tzinfo=tz))
        end = utc_text(datetime.combine(day + timedelta(days=1), DAY_STARTS_AT, tzinfo=tz))
        count, seconds = self._query(
            "SELECT count(*), coalesce(sum(done_seconds), 0) FROM sessions "
            "WHERE started_at_utc >= ? AND started_at_utc < ?",
            (start, end),
        )[0]
        latest = self._query(
            f"""
            SELECT {_prefixed("c", _CHECK_COLUMNS)}
            FROM sessions AS s JOIN checks AS c ON c.session_id = s.id AND c.kind = 'after'
            WHERE s.started_at_utc >= ? AND s.started_at_utc < ?
            ORDER BY s.started_at_utc DESC, s.id DESC LIMIT 1
            """,
            (start, end),
        )
        after = _answers_from(CheckKind.AFTER, latest[0] if latest else None)
        night = self.load_night(day - timedelta(days=1))
        return TodaySummary(float(seconds) / 60.0, int(count), signal_levels(after, night))

    # --- export streams (stored values, no per-row queries) ---

    def iter_session_rows(self) -> Iterator[SessionRow]:
        """Every session with answers pivoted into columns, oldest first."""
        if not self._has_table("sessions"):
            return
        with _translated(self.path):
            cursor = self._conn.execute(_SELECT_SESSION_ROWS)
            make = SessionRow._make
            while batch := cursor.fetchmany(1000):
                yield from map(make, batch)

    def iter_night_rows(self) -> Iterator[tuple[str, int | None, int | None, str]]:
        """(night, slept_deeply, woke_rested, answered_at) by night."""
        if not self._has_table("nights"):
            return
        with _translated(self.path):
            cursor = self._conn.execute(f"SELECT {_NIGHT_COLUMNS} FROM nights ORDER BY night")
            while batch := cursor.fetchmany(1000):
                yield from batch

    def iter_wait_rows(self) -> Iterator[WaitRow]:
        """Waits and natural breaks in the order they were recorded."""
        if not self._has_table("waits"):
            return
        with _translated(self.path):
            cursor = self._conn.execute(f"SELECT {_WAIT_COLUMNS} FROM waits ORDER BY id")
            while batch := cursor.fetchmany(1000):
                yield from batch

    def iter_reminder_rows(self) -> Iterator[tuple[str, str, str, str]]:
        """(kind, due_at, outcome, acted_at) in the order they were recorded."""
        if not self._has_table("reminders"):
            return
        with _translated(self.path):
            cursor = self._conn.execute(
                "SELECT kind, due_at, outcome, acted_at FROM reminders ORDER BY id"
            )
            while batch := cursor.fetchmany(1000):
                yield from batch
