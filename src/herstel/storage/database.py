"""The SQLite database: sessions, their checks, nights and reminders.

One file, WAL with ``synchronous=FULL`` so a save that has returned survives a
``kill -9`` or a power cut; every write is one ``BEGIN IMMEDIATE`` transaction.
Damage is told apart from a busy database by SQLite's own error codes, because
moving a healthy but locked file aside would lose the user's history.
"""

from __future__ import annotations

import math
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, Self

from herstel.core.checkin import (
    CHANGE_KEY,
    DAY_STARTS_AT,
    SIGNAL_ITEMS,
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
    Signal,
    SignalLevel,
    night_for,
    signal_levels,
)
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.core.room import Episode, Sense
from herstel.storage import schema
from herstel.storage.aside import aside_name
from herstel.storage.paths import DataDirError, ensure_private_dir
from herstel.storage.schema import ReminderKind, ReminderOutcome

BUSY_TIMEOUT = 5.0  # seconds to wait for another Herstel process's write to finish


class StorageError(Exception):
    """Base of the errors a command reports and exits 1 on."""


class DatabaseCorrupt(StorageError):
    """SQLite says the file is damaged or not a database (never merely "locked")."""

    def __init__(self, path: Path, moved_to: Path | None = None) -> None:
        self.path = path
        self.moved_to = moved_to
        where = f"; it was moved to {moved_to}" if moved_to else ""
        super().__init__(f"the database {path} is damaged{where}")


class DatabaseTooNew(StorageError):
    """The file was written by a newer Herstel; it is left exactly as it is."""

    def __init__(self, path: Path, found_version: int, supported_version: int) -> None:
        self.path = path
        self.found_version = found_version
        self.supported_version = supported_version
        super().__init__(
            f"the database {path} comes from a newer Herstel (schema {found_version}, "
            f"this version reads up to {supported_version}); it was left unchanged"
        )


class DatabaseBusy(StorageError):
    """Another program holds the database longer than we wait; nothing was changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"the database {path} is in use by another program; try again later")


class DataFolderError(StorageError):
    """The data folder or file cannot be created or written; ``reason`` is one line."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class StoredSession:
    """A session as saved: the record, its checks and what became of the check."""

    record: SessionRecord
    before: CheckAnswers | None
    after: CheckAnswers | None
    check_status: CheckStatus


@dataclass(frozen=True, slots=True)
class ReminderRecord:
    """One reminder that fell due and what the user did with it."""

    kind: ReminderKind
    due_at: datetime
    outcome: ReminderOutcome
    acted_at: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ReminderKind(self.kind))
        object.__setattr__(self, "outcome", ReminderOutcome(self.outcome))
        for name in ("due_at", "acted_at"):
            if getattr(self, name).utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware")


@dataclass(frozen=True, slots=True)
class TodaySummary:
    """Today at a glance on the home screen."""

    minutes: float
    sessions: int
    last_levels: dict[Signal, SignalLevel]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import changed: sessions added and skipped (already present), and the rest."""

    added: int
    skipped: int
    nights_added: int = 0
    reminders_added: int = 0
    waits_added: int = 0


class SessionRow(NamedTuple):
    """A session with both checks' answers as columns, values as stored (for export)."""

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
    before_answered_at: str | None
    before_complete: int | None
    before_breathing: int | None
    before_body: int | None
    before_head: int | None
    before_energy: int | None
    before_muscles: int | None
    before_mood: int | None
    after_answered_at: str | None
    after_complete: int | None
    after_breathing: int | None
    after_body: int | None
    after_head: int | None
    after_energy: int | None
    after_muscles: int | None
    after_mood: int | None
    after_change: int | None


# --- time as text -----------------------------------------------------------------


def utc_text(moment: datetime) -> str:
    """Fixed-width ISO 8601 in UTC, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def offset_minutes(moment: datetime) -> int:
    """The whole-minute UTC offset of an aware moment."""
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("the time must be timezone-aware")
    if offset % timedelta(minutes=1):
        raise ValueError("the UTC offset must be a whole number of minutes")
    return offset // timedelta(minutes=1)


@lru_cache(maxsize=64)
def _zone(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


def local_time(utc: str, minutes: int) -> datetime:
    """A stored UTC text back as the local time it was recorded in."""
    return datetime.fromisoformat(utc).astimezone(_zone(minutes))


def is_canonical_uuid(text: str) -> bool:
    """True for a UUID in its usual lower-case, hyphenated form."""
    try:
        return str(uuid.UUID(text)) == text
    except (ValueError, TypeError, AttributeError):
        return False


# --- errors -----------------------------------------------------------------------

_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_FOLDER_CODES = frozenset(
    {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_FULL}
)


def _primary_code(err: sqlite3.Error) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_busy(err: sqlite3.Error) -> bool:
    """True when another connection holds the file (SQLITE_BUSY or SQLITE_LOCKED)."""
    code = _primary_code(err)
    if code is None:  # some paths raise without a code; the text is SQLite's own
        return "locked" in str(err) or "busy" in str(err)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def is_read_only(err: sqlite3.Error) -> bool:
    """True for SQLITE_READONLY: the file, its folder or the whole disk refuses writes."""
    return _primary_code(err) == sqlite3.SQLITE_READONLY


def is_corrupt(err: sqlite3.Error) -> bool:
    """True only for SQLITE_CORRUPT and SQLITE_NOTADB (extended codes included)."""
    return _primary_code(err) in _CORRUPT_CODES


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """SQLite's "damaged" codes become DatabaseCorrupt, "locked" DatabaseBusy; the rest pass."""
    try:
        yield
    except sqlite3.Error as err:
        if is_corrupt(err):
            raise DatabaseCorrupt(path) from err
        if is_busy(err):
            raise DatabaseBusy(path) from err
        raise


# --- opening ----------------------------------------------------------------------


def _prepare_folder(folder: Path) -> None:
    """Create the folder 0700 if missing and prove it writable (the same rules as settings)."""
    try:
        ensure_private_dir(folder)
    except DataDirError as err:
        raise DataFolderError(folder, str(err)) from err


def _prepare_file(path: Path) -> None:
    if path.is_dir():
        raise DataFolderError(path, f"cannot use {path}: it is a folder, not a database file")
    if path.exists():
        return
    try:
        path.touch(mode=0o600, exist_ok=False)
        path.chmod(0o600)
    except FileExistsError:
        return  # another process created it first
    except OSError as err:
        reason = err.strerror or str(err)
        raise DataFolderError(path.parent, f"cannot create {path}: {reason}") from err


def _connect(target: str, busy_timeout: float, *, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(target, timeout=busy_timeout, isolation_level=None, uri=uri)
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _check_version(conn: sqlite3.Connection, path: Path) -> int:
    version = schema.user_version(conn)
    if version > schema.SCHEMA_VERSION:
        raise DatabaseTooNew(path, version, schema.SCHEMA_VERSION)
    return version


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        raise DatabaseCorrupt(path)


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


# --- SQL ----------------------------------------------------------------------------

_SESSION_COLUMNS = (
    "id, started_at_utc, utc_offset_minutes, pattern, planned_seconds, planned_breaths, "
    'done_seconds, done_breaths, ended_how, "trigger", check_status'
)
_UPSERT_SESSION = f"""
    INSERT INTO sessions ({_SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET
        started_at_utc = excluded.started_at_utc,
        utc_offset_minutes = excluded.utc_offset_minutes,
        pattern = excluded.pattern,
        planned_seconds = excluded.planned_seconds,
        planned_breaths = excluded.planned_breaths,
        done_seconds = excluded.done_seconds,
        done_breaths = excluded.done_breaths,
        ended_how = excluded.ended_how,
        "trigger" = excluded."trigger",
        check_status = excluded.check_status
"""
_INSERT_SESSION = (
    f"INSERT INTO sessions ({_SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_ITEMS = tuple(s.value for s in SIGNAL_ITEMS)
_CHECK_COLUMNS = f"answered_at, complete, {', '.join(_ITEMS)}, {CHANGE_KEY}"
_INSERT_CHECK = (
    f"INSERT INTO checks (session_id, kind, {_CHECK_COLUMNS}) "
    f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_NIGHT_COLUMNS = "night, slept_deeply, woke_rested, answered_at"
_UPSERT_NIGHT = f"""
    INSERT INTO nights ({_NIGHT_COLUMNS}) VALUES (?, ?, ?, ?)
    ON CONFLICT (night) DO UPDATE SET
        slept_deeply = excluded.slept_deeply,
        woke_rested = excluded.woke_rested,
        answered_at = excluded.answered_at
"""
_ANSWERED = " OR ".join(f"c.{item} IS NOT NULL" for item in (*_ITEMS, CHANGE_KEY))
_INSERT_REMINDER = "INSERT INTO reminders (kind, due_at, outcome, acted_at) VALUES (?, ?, ?, ?)"
_WAIT_COLUMNS = "reason, started_at, ended_at, reminder_kind, due_at"
_INSERT_WAIT = f"INSERT INTO waits ({_WAIT_COLUMNS}) VALUES (?, ?, ?, ?, ?)"


def _prefixed(alias: str, columns: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in columns.split(","))


# Two ordered joins on primary keys: SQLite streams this without sorting.
_SELECT_SESSION_ROWS = f"""
    SELECT {_prefixed("s", _SESSION_COLUMNS)},
        b.answered_at, b.complete, {_prefixed("b", ", ".join(_ITEMS))},
        a.answered_at, a.complete, {_prefixed("a", ", ".join(_ITEMS))}, a.{CHANGE_KEY}
    FROM sessions AS s
    LEFT JOIN checks AS b ON b.session_id = s.id AND b.kind = 'before'
    LEFT JOIN checks AS a ON a.session_id = s.id AND a.kind = 'after'
    ORDER BY s.started_at_utc, s.id
"""


def _session_params(record: SessionRecord, status: CheckStatus) -> tuple[object, ...]:
    return (
        record.id,
        utc_text(record.started_at),
        offset_minutes(record.started_at),
        record.pattern,
        float(record.planned_seconds),
        record.planned_breaths,
        float(record.done_seconds),
        record.done_breaths,
        EndedHow(record.ended_how).value,
        Trigger(record.trigger).value,
        status.value,
    )


def _check_params(session_id: str, answers: CheckAnswers | None) -> list[tuple[object, ...]]:
    if answers is None:
        return []
    values = [answers.values.get(signal) for signal in SIGNAL_ITEMS]
    return [
        (
            session_id,
            answers.kind.value,
            answers.answered_at.isoformat(),
            int(answers.complete),
            *values,
            answers.change,
        )
    ]


def _night_params(night: NightAnswers) -> tuple[object, ...]:
    return (
        night.night.isoformat(),
        night.slept_deeply,
        night.woke_rested,
        night.answered_at.isoformat(),
    )


def _answers_from(kind: CheckKind, row: Sequence[Any] | None) -> CheckAnswers | None:
    """A row of (_CHECK_COLUMNS) back as answers; None when there was no check."""
    if row is None:
        return None
    at, complete, *items, change = row
    values = {s: v for s, v in zip(SIGNAL_ITEMS, items, strict=True) if v is not None}
    return CheckAnswers(kind, values, change, bool(complete), datetime.fromisoformat(at))


def _night_from(row: Sequence[Any]) -> NightAnswers:
    return NightAnswers(date.fromisoformat(row[0]), row[1], row[2], datetime.fromisoformat(row[3]))


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


# --- the database -------------------------------------------------------------------


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
        and migration happen at its first use (which raises a locked
        ``sqlite3.OperationalError`` while the other program still holds it).
        """
        _prepare_folder(path.parent)
        _prepare_file(path)
        try:
            conn = _connect(str(path), busy_timeout if defer_after is None else defer_after)
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
            if defer_after is not None and is_busy(err):
                conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
                return cls(conn, path, 0, settled=False, busy_timeout=busy_timeout)
            conn.close()
            if is_busy(err):
                raise DatabaseBusy(path) from err
            if _primary_code(err) in _FOLDER_CODES:
                raise DataFolderError(path.parent, f"cannot write {path}: {err}") from err
            raise
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, schema.SCHEMA_VERSION, busy_timeout=busy_timeout)

    @classmethod
    def open_readonly(cls, path: Path, *, busy_timeout: float = BUSY_TIMEOUT) -> Database:
        """Open an existing file read-only, as it is: no migration, nothing created.

        Raises FileNotFoundError when there is no file. An older schema is read
        as far as it goes (tables it does not have yet read as empty).
        """
        if not path.is_file():
            raise FileNotFoundError(path)
        conn = _connect(path.absolute().as_uri() + "?mode=ro", busy_timeout, uri=True)
        try:
            with _translated(path):
                version = _check_version(conn, path)
                _quick_check(conn, path)
        except sqlite3.Error as err:
            conn.close()
            if is_busy(err):
                raise DatabaseBusy(path) from err
            raise
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, version, busy_timeout=busy_timeout)

    def reopen(self) -> None:
        """A fresh connection: SQLite keeps a file it opened read-only read-only for good."""
        self._conn.close()
        self._conn = _connect(str(self.path), self._busy_timeout)
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

        Raises sqlite3.OperationalError (locked) while it still does; then the
        check, WAL and migration happen exactly as in ``open``.
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

    def record_wait(self, episode: Episode) -> None:
        """Remember a wait or a natural break with its reason, for history."""
        with self._transaction() as conn:
            conn.execute(_INSERT_WAIT, _wait_params(episode))

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


WaitRow = tuple[str, str, str, str | None, str | None]
"""(reason, started_at, ended_at, reminder_kind, due_at) as stored."""


def _wait_params(episode: Episode) -> tuple[object, ...]:
    for name in ("started_at", "ended_at", "due_at"):
        moment = getattr(episode, name)
        if moment is not None and moment.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware")
    natural = episode.reason is Sense.AWAY
    if natural != (episode.kind is None) or (episode.kind is None) != (episode.due_at is None):
        raise ValueError("a natural break names no reminder; a wait names the one that waited")
    return (
        episode.reason.value,
        episode.started_at.isoformat(),
        episode.ended_at.isoformat(),
        episode.kind,
        episode.due_at.isoformat() if episode.due_at is not None else None,
    )


def _reminder_params(reminder: ReminderRecord) -> tuple[object, ...]:
    return (
        reminder.kind.value,
        reminder.due_at.isoformat(),
        reminder.outcome.value,
        reminder.acted_at.isoformat(),
    )
