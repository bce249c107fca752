"""The SQLite database: sessions, their checks, nights and reminders.

One file, WAL with ``synchronous=FULL`` so a save that has returned survives a
``kill -9`` or a power cut; every write is one ``BEGIN IMMEDIATE`` transaction.
Damage is told apart from a busy database by SQLite's own error codes, because
moving a healthy but locked file aside would lose the user's history.

Here: opening the file, and moving a damaged one aside. ``Database`` is put
together from its writes (``database_writes``) and reads (``database_reads``)
over one shared connection (``database_base``); making the connection and its
errors live in ``connection``, the stored values and time text in ``stored``,
the SQL in ``database_sql``.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from herstel.storage import schema
from herstel.storage.aside import aside_name
from herstel.storage.connection import (
    _FOLDER_CODES,
    BUSY_TIMEOUT,
    DatabaseBusy,
    DatabaseCorrupt,
    DataFolderError,
    _check_version,
    _prepare_file,
    _prepare_folder,
    _primary_code,
    _quick_check,
    _translated,
    connect,
)
from herstel.storage.database_base import _settle_connection
from herstel.storage.database_reads import DatabaseReads
from herstel.storage.database_writes import DatabaseWrites

__all__ = ["Database", "move_aside", "open_or_recover"]


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


class Database(DatabaseWrites, DatabaseReads):
    """An open Herstel database; use ``Database.open`` (or ``open_readonly`` for export)."""

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
