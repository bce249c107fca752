"""The SQLite database: sessions, their checks, nights and reminders.

One file, WAL with ``synchronous=FULL`` so a save that has returned survives a
``kill -9`` or a power cut; every write is one ``BEGIN IMMEDIATE`` transaction.
Damage is told apart from a busy database by SQLite's own error codes, because
moving a healthy but locked file aside would lose the user's history.

Opening the file (and its errors) lives in ``connection``, the stored values
and time text in ``stored``, the SQL in ``database_sql``; the names they had
here are still importable from here.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from types import TracebackType
from typing import Any, Self

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
from herstel.core.room import Episode
from herstel.storage import schema
from herstel.storage.aside import aside_name
from herstel.storage.connection import (
    _FOLDER_CODES,
    BUSY_TIMEOUT,
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseTooNew,
    DataFolderError,
    StorageError,
    _check_version,
    _prepare_file,
    _prepare_folder,
    _primary_code,
    _quick_check,
    _translated,
    connect,
    is_busy,
    is_corrupt,
)
from herstel.storage.database_sql import (
    _ANSWERED,
    _CHECK_COLUMNS,
    _INSERT_CHECK,
    _INSERT_REMINDER,
    _INSERT_SESSION,
    _INSERT_WAIT,
    _NIGHT_COLUMNS,
    _SELECT_SESSION_ROWS,
    _SESSION_COLUMNS,
    _UPSERT_NIGHT,
    _UPSERT_SESSION,
    _WAIT_COLUMNS,
    _answers_from,
    _check_params,
    _night_from,
    _night_params,
    _prefixed,
    _reminder_params,
    _session_params,
    _wait_params,
)
from herstel.storage.schema import ReminderKind, ReminderOutcome
from herstel.storage.stored import (
    ImportResult,
    ReminderRecord,
    SessionRow,
    StoredSession,
    TodaySummary,
    WaitRow,
    is_canonical_uuid,
    local_time,
    offset_minutes,
    utc_text,
)

__all__ = [
    "BUSY_TIMEOUT",
    "DataFolderError",
    "Database",
    "DatabaseBusy",
    "DatabaseCorrupt",
    "DatabaseTooNew",
    "ImportResult",
    "ReminderRecord",
    "SessionRow",
    "StorageError",
    "StoredSession",
    "TodaySummary",
    "WaitRow",
    "is_busy",
    "is_canonical_uuid",
    "is_corrupt",
    "local_time",
    "move_aside",
    "offset_minutes",
    "open_or_recover",
    "utc_text",
    "validate_session",
]


# --- opening ----------------------------------------------------------------------


def move_aside(path: Path, now: datetime) -> Path:
    """Move a damaged file (and its -wal/-shm/-journal) to ``<name>.corrupt-YYYYmmdd-HHMMSS``.

    The side files go first, so a fresh database never replays a stale WAL.
    """
    sides = ("-wal", "-shm", "-journal")
    target = aside_name(path, now, sides)
    for side in sides:
        source = Path(f"{path}{side}")
        if source.exists():
            source.replace(Path(f"{target}{side}"))
    path.replace(target)
    return target


def open_or_recover(
    path: Path,
    now: datetime,
    *,
    busy_timeout: float = BUSY_TIMEOUT,
    defer_after: float | None = None,
) -> tuple[Database, Path | None]:
    """Open the database; if it is damaged, move it aside and start a fresh one.

    A locked file is never damaged: with ``defer_after`` it is opened unsettled
    (see ``Database.open``), without it DatabaseBusy is raised.

    Returns the database and where the damaged file went (None when it was fine).
    DatabaseTooNew and DataFolderError pass through: those files are never moved.
    """
    try:
        return Database.open(path, busy_timeout=busy_timeout, defer_after=defer_after), None
    except DatabaseCorrupt:
        moved = move_aside(path, now)
    return Database.open(path, busy_timeout=busy_timeout, defer_after=defer_after), moved


def validate_session(
    record: SessionRecord,
    before: CheckAnswers | None,
    after: CheckAnswers | None,
    check_status: str,
) -> CheckStatus:
    """Check that a session and its checks fit together; raises ValueError saying why."""
    status = CheckStatus(check_status)
    if not is_canonical_uuid(record.id):
        raise ValueError(f"id must be a lower-case UUID (got {record.id!r})")
    for name in ("planned_seconds", "done_seconds"):
        seconds = getattr(record, name)
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"{name} must be a non-negative number (got {seconds!r})")
    for name in ("planned_breaths", "done_breaths"):
        breaths = getattr(record, name)
        if isinstance(breaths, bool) or not isinstance(breaths, int) or breaths < 0:
            raise ValueError(f"{name} must be a non-negative integer (got {breaths!r})")
    offset_minutes(record.started_at)
    if before is not None and before.kind is not CheckKind.BEFORE:
        raise ValueError("the before-check must have kind 'before'")
    if after is not None and after.kind is not CheckKind.AFTER:
        raise ValueError("the after-check must have kind 'after'")
    if status is CheckStatus.ANSWERED and (after is None or not after.complete):
        raise ValueError("check_status 'answered' needs a complete after-check")
    if status is CheckStatus.INCOMPLETE and after is not None and after.complete:
        raise ValueError("check_status 'incomplete' cannot have a complete after-check")
    if status in (CheckStatus.SKIPPED, CheckStatus.NONE) and after is not None:
        raise ValueError(f"check_status {status.value!r} cannot have an after-check")
    return status


# --- the database -------------------------------------------------------------------


def _settle_connection(conn: sqlite3.Connection, path: Path) -> None:
    """Check, switch to WAL and migrate: what every open does before the first use."""
    with _translated(path):
        version = _check_version(conn, path)  # read before anything writes
        _quick_check(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        if version < schema.SCHEMA_VERSION:
            if version > 0:
                schema.backup(conn, schema.backup_path(path))
            schema.migrate(conn)
        # The check read every page into the cache; the app keeps this
        # connection open for days in the tray, so give that memory back.
        conn.execute("PRAGMA shrink_memory")


class Database:
    """An open Herstel database; use ``Database.open`` (or ``open_readonly`` for export)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        version: int,
        *,
        settled: bool = True,
        busy_timeout: float = BUSY_TIMEOUT,
    ) -> None:
        self._conn = conn
        self.path = path
        self.version = version
        self._settled = settled
        self._busy_timeout = busy_timeout
        self._depth = 0

    @property
    def settled(self) -> bool:
        """False while the open waits for another program to let go of the file."""
        return self._settled

    @classmethod
    def open(
        cls, path: Path, *, busy_timeout: float = BUSY_TIMEOUT, defer_after: float | None = None
    ) -> Database:
        """Open (creating folder 0700 and file 0600 if needed) and migrate to the current schema.

        Raises DatabaseCorrupt, DatabaseTooNew or DataFolderError; a database that
        stays locked longer than ``busy_timeout`` raises DatabaseBusy. With
        ``defer_after`` (the app's start), a lock held longer than that many
        seconds does not wait: the database is returned unsettled and the check
        and migration happen at its first use (which raises DatabaseBusy while
        the other program still holds it).
        """
        _prepare_folder(path.parent)
        _prepare_file(path)
        wait = busy_timeout if defer_after is None else defer_after
        try:
            conn = connect(path, busy_timeout=wait)
        except sqlite3.Error as err:
            raise DataFolderError(path.parent, f"cannot open {path}: {err}") from err
        try:
            _settle_connection(conn, path)
        except DatabaseBusy:
            if defer_after is not None:
                conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
                return cls(conn, path, 0, settled=False, busy_timeout=busy_timeout)
            conn.close()
            raise
        except sqlite3.Error as err:
            conn.close()
            if _primary_code(err) in _FOLDER_CODES:
                raise DataFolderError(path.parent, f"cannot write {path}: {err}") from err
            raise
        except BaseException:
            conn.close()
            raise
        if defer_after is not None:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        return cls(conn, path, schema.SCHEMA_VERSION, busy_timeout=busy_timeout)

    @classmethod
    def open_readonly(cls, path: Path, *, busy_timeout: float = BUSY_TIMEOUT) -> Database:
        """Open an existing file read-only, as it is: no migration, nothing created.

        Raises FileNotFoundError when there is no file. An older schema is read
        as far as it goes (tables it does not have yet read as empty).
        """
        if not path.is_file():
            raise FileNotFoundError(path)
        conn = connect(path, busy_timeout=busy_timeout, read_only=True)
        try:
            with _translated(path):
                version = _check_version(conn, path)
                _quick_check(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, version, busy_timeout=busy_timeout)

    def reopen(self) -> None:
        """A fresh connection: SQLite keeps a file it opened read-only read-only for good."""
        self._conn.close()
        self._conn = connect(self.path, busy_timeout=self._busy_timeout)
        self._settled = False

    def close(self) -> None:
        """Close the connection (the last one out checkpoints the WAL)."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self._depth:  # inside apply_all: one transaction for all of them
            yield self._conn
            return
        with _translated(self.path):
            self._settle()
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            finally:
                self._depth -= 1
            self._conn.execute("COMMIT")

    def apply_all(self, writes: Sequence[Callable[[Database], None]]) -> None:
        """Run several writes (e.g. ``save_session`` calls) as one transaction: all or none."""
        with self._transaction():
            for write in writes:
                write(self)

    @contextmanager
    def waiting_at_most(self, seconds: float) -> Iterator[None]:
        """Wait at most ``seconds`` for a lock inside the block (a retry must not freeze the UI)."""
        self._conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
        try:
            yield
        finally:
            self._conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout * 1000)}")

    def _settle(self) -> None:
        """Finish an open that was deferred because another program held the file.

        Raises DatabaseBusy while it still does; then the check, WAL and
        migration happen exactly as in ``open``.
        """
        if self._settled:
            return
        _settle_connection(self._conn, self.path)
        self._settled = True
        self.version = schema.SCHEMA_VERSION

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        with _translated(self.path):
            self._settle()
            return self._conn.execute(sql, params).fetchall()

    def _has_table(self, name: str) -> bool:
        rows = self._query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
        return bool(rows)

    # --- writes ---

    def save_session(
        self,
        record: SessionRecord,
        before: CheckAnswers | None,
        after: CheckAnswers | None,
        night: NightAnswers | None,
        check_status: str,
    ) -> None:
        """Save a session with its checks in one durable transaction.

        Saving the same id again replaces the session and its answers (the UI
        saves at the end of the session and again once the check is answered).
        A night is upserted when given; ``None`` leaves any stored night alone.
        """
        status = validate_session(record, before, after, check_status)
        checks = _check_params(record.id, before) + _check_params(record.id, after)
        with self._transaction() as conn:
            conn.execute(_UPSERT_SESSION, _session_params(record, status))
            conn.execute("DELETE FROM checks WHERE session_id = ?", (record.id,))  # replace
            conn.executemany(_INSERT_CHECK, checks)
            if night is not None and night.sleep is not None:
                conn.execute(_UPSERT_NIGHT, _night_params(night))

    def delete_session(self, session_id: str) -> bool:
        """Delete a session and its checks; True when it existed."""
        with self._transaction() as conn:
            cursor = conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            return cursor.rowcount > 0

    def erase_all(self) -> list[Path]:
        """Delete the whole history; the database stays open, empty and usable.

        Sessions, their checks, nights and reminder outcomes go in one durable
        transaction, so either all of it is gone or none of it. ``secure_delete``
        is on for that transaction, so the rows are overwritten, not left in free
        pages; the WAL is then checkpointed and truncated (best effort: a reader
        at that moment only delays it). After the commit the copies kept beside
        the file go too: the backups made before migrations (``<name>.pre-vN.bak``)
        and damaged files moved aside (``<name>.corrupt-…``), and writes kept
        waiting for the database (``<name>.pending``). Returns the files
        removed; an OSError removing one is raised after the history is gone.
        """
        with _translated(self.path):
            (secure,) = self._conn.execute("PRAGMA secure_delete").fetchone()
            self._conn.execute("PRAGMA secure_delete = ON")
            try:
                with self._transaction() as conn:
                    for table in ("checks", "sessions", "nights", "reminders", "waits"):
                        if conn.execute(
                            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                            (table,),
                        ).fetchone():
                            conn.execute(f"DELETE FROM {table}")  # five fixed names
            finally:
                self._conn.execute(f"PRAGMA secure_delete = {int(secure)}")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        name = self.path.name
        copies = sorted(
            entry
            for entry in self.path.parent.iterdir()
            if entry.name.startswith(f"{name}.corrupt-")
            or (entry.name.startswith(f"{name}.pre-v") and entry.name.endswith(".bak"))
            or entry.name == f"{name}.pending"  # kept writes: erased means erased
        )
        for copy in copies:
            copy.unlink(missing_ok=True)
        return copies

    def record_reminder(
        self, kind: str, due_at: datetime, outcome: str, acted_at: datetime
    ) -> None:
        """Remember a reminder's outcome (for adherence in history)."""
        reminder = ReminderRecord(ReminderKind(kind), due_at, ReminderOutcome(outcome), acted_at)
        with self._transaction() as conn:
            conn.execute(_INSERT_REMINDER, _reminder_params(reminder))

    def record_reminder_once(self, reminder: ReminderRecord) -> None:
        """Remember an outcome unless one for the same kind and due time is stored (a replay)."""
        due = utc_text(reminder.due_at)
        with self._transaction() as conn:
            for (stored,) in conn.execute(
                "SELECT due_at FROM reminders WHERE kind = ?", (reminder.kind.value,)
            ):
                if utc_text(datetime.fromisoformat(stored)) == due:
                    return
            conn.execute(_INSERT_REMINDER, _reminder_params(reminder))

    def record_wait(self, episode: Episode) -> None:
        """Remember a wait or a natural break with its reason, for history."""
        with self._transaction() as conn:
            conn.execute(_INSERT_WAIT, _wait_params(episode))

    def record_wait_once(self, episode: Episode) -> None:
        """Remember a wait unless one with the same reason and start is stored (a replay)."""
        start = utc_text(episode.started_at)
        with self._transaction() as conn:
            for (stored,) in conn.execute(
                "SELECT started_at FROM waits WHERE reason = ?", (episode.reason.value,)
            ):
                if utc_text(datetime.fromisoformat(stored)) == start:
                    return
            conn.execute(_INSERT_WAIT, _wait_params(episode))

    def add_imported(
        self,
        sessions: Sequence[StoredSession],
        nights: Sequence[NightAnswers],
        reminders: Sequence[ReminderRecord],
        waits: Sequence[Episode] = (),
    ) -> ImportResult:
        """Add validated imported data in one transaction, skipping what is already here.

        Sessions are matched by id, nights by date (an existing night wins),
        reminders by kind and due time, and waits by reason and start.
        """
        with self._transaction() as conn:
            have = {row[0] for row in conn.execute("SELECT id FROM sessions")}
            new = [s for s in sessions if s.record.id not in have]
            conn.executemany(
                _INSERT_SESSION, (_session_params(s.record, s.check_status) for s in new)
            )
            conn.executemany(
                _INSERT_CHECK,
                (
                    row
                    for s in new
                    for row in _check_params(s.record.id, s.before)
                    + _check_params(s.record.id, s.after)
                ),
            )
            changes = conn.total_changes
            conn.executemany(
                f"INSERT OR IGNORE INTO nights ({_NIGHT_COLUMNS}) VALUES (?, ?, ?, ?)",
                (_night_params(n) for n in nights if n.sleep is not None),
            )
            nights_added = conn.total_changes - changes
            known = {
                (kind, utc_text(datetime.fromisoformat(due)))
                for kind, due in conn.execute("SELECT kind, due_at FROM reminders")
            }
            fresh: list[tuple[object, ...]] = []
            for reminder in reminders:
                key = (reminder.kind.value, utc_text(reminder.due_at))
                if key not in known:
                    known.add(key)
                    fresh.append(_reminder_params(reminder))
            conn.executemany(_INSERT_REMINDER, fresh)
            seen = {
                (reason, utc_text(datetime.fromisoformat(started)))
                for reason, started in conn.execute("SELECT reason, started_at FROM waits")
            }
            fresh_waits: list[tuple[object, ...]] = []
            for wait in waits:
                wait_key = (wait.reason.value, utc_text(wait.started_at))
                if wait_key not in seen:
                    seen.add(wait_key)
                    fresh_waits.append(_wait_params(wait))
            conn.executemany(_INSERT_WAIT, fresh_waits)
        return ImportResult(
            len(new), len(sessions) - len(new), nights_added, len(fresh), len(fresh_waits)
        )

    # --- reads ---

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
