"""The database schema as a list of forward migrations, versioned by ``PRAGMA user_version``.

Migrations only ever move forward and each runs in the same transaction as the
version bump, so a crash mid-way leaves the old version intact. Never edit a
released step: append a new one (and the migration test covers it from every
older version automatically).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from enum import StrEnum
from pathlib import Path


class ReminderKind(StrEnum):
    """Which kind of reminder fell due."""

    TIMER = "timer"  # the one-shot "remind me in …"
    SCHEDULED = "scheduled"  # the regular schedule


class ReminderOutcome(StrEnum):
    """What became of a reminder (adherence in history)."""

    TAKEN = "taken"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    MISSED = "missed"


_V1 = (
    """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY NOT NULL,          -- UUID, stable across export/import
        started_at_utc TEXT NOT NULL,          -- fixed-width ISO 8601 in UTC: sorts as text
        utc_offset_minutes INTEGER NOT NULL,   -- the local offset when it started
        pattern TEXT NOT NULL,
        planned_seconds REAL NOT NULL,
        planned_breaths INTEGER NOT NULL,
        done_seconds REAL NOT NULL,
        done_breaths INTEGER NOT NULL,
        ended_how TEXT NOT NULL,
        "trigger" TEXT NOT NULL,
        check_status TEXT NOT NULL
            CHECK (check_status IN ('answered', 'incomplete', 'skipped', 'none'))
    )
    """,
    "CREATE INDEX sessions_by_start ON sessions (started_at_utc, id)",
    """
    CREATE TABLE checks (                      -- one row per check, one column per item
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('before', 'after')),
        answered_at TEXT NOT NULL,             -- ISO 8601 with the local offset
        complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
        breathing INTEGER CHECK (breathing BETWEEN 0 AND 6),  -- NULL: not answered
        body INTEGER CHECK (body BETWEEN 0 AND 6),
        head INTEGER CHECK (head BETWEEN 0 AND 6),
        energy INTEGER CHECK (energy BETWEEN 0 AND 6),
        muscles INTEGER CHECK (muscles BETWEEN 0 AND 6),
        mood INTEGER CHECK (mood BETWEEN 0 AND 6),
        change INTEGER CHECK (change BETWEEN 1 AND 5),
        PRIMARY KEY (session_id, kind),
        CHECK (kind = 'after' OR change IS NULL)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE nights (
        night TEXT PRIMARY KEY NOT NULL,       -- YYYY-MM-DD of the night's evening
        slept_deeply INTEGER CHECK (slept_deeply BETWEEN 0 AND 6),
        woke_rested INTEGER CHECK (woke_rested BETWEEN 0 AND 6),
        answered_at TEXT NOT NULL
    ) WITHOUT ROWID
    """,
)

_V2 = (
    """
    CREATE TABLE reminders (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('timer', 'scheduled')),
        due_at TEXT NOT NULL,                  -- ISO 8601 with the local offset
        outcome TEXT NOT NULL CHECK (outcome IN ('taken', 'snoozed', 'skipped', 'missed')),
        acted_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX reminders_by_kind_due ON reminders (kind, due_at)",
)

_V3 = (
    # Reading the room (core.room): each stretch a reminder waited, and each
    # natural break (time away), with its reason. reason 'away' is a natural
    # break and names no reminder; every other reason is a wait for one.
    """
    CREATE TABLE waits (
        id INTEGER PRIMARY KEY,
        reason TEXT NOT NULL
            CHECK (reason IN ('call', 'full_screen', 'do_not_disturb', 'away')),
        started_at TEXT NOT NULL,              -- ISO 8601 with the local offset
        ended_at TEXT NOT NULL,
        reminder_kind TEXT CHECK (reminder_kind IN ('timer', 'scheduled')),
        due_at TEXT,                           -- the due time of the reminder that waited
        CHECK ((reason = 'away') = (reminder_kind IS NULL)),
        CHECK ((reminder_kind IS NULL) = (due_at IS NULL))
    )
    """,
    "CREATE INDEX waits_by_start ON waits (started_at)",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3)
"""``MIGRATIONS[n]`` takes a database from version n to n + 1."""

SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version stored in the file (0 for a new, empty file)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def backup_path(path: Path, target: int = SCHEMA_VERSION) -> Path:
    """Where the copy made before migrating to ``target`` goes."""
    return path.with_name(f"{path.name}.pre-v{target}.bak")


def backup(conn: sqlite3.Connection, dest: Path) -> None:
    """Copy the live database to ``dest`` (0600) with SQLite's online backup API."""
    dest.touch(mode=0o600)
    dest.chmod(0o600)
    with closing(sqlite3.connect(dest)) as copy:
        conn.backup(copy)


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing steps up to ``target`` in one transaction; returns the old version.

    The version is read again under the write lock, so two processes opening an
    old file at once migrate it once. ``conn`` must be in autocommit mode
    (``isolation_level=None``).
    """
    if not 0 <= target <= SCHEMA_VERSION:
        raise ValueError(f"no schema version {target}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = user_version(conn)
        for step in MIGRATIONS[found:target]:
            for statement in step:
                conn.execute(statement)
        if found < target:
            conn.execute(f"PRAGMA user_version = {int(target)}")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return found
