"""Opening the database file: the one place a connection is made, with its pragmas.

``Database`` (the app and the command line) and ``HistoryStore`` (the History
window, the overview's worker thread) each keep connections of their own; all
of them come from ``connect`` here, so busy timeout and foreign keys are never
forgotten. Also the errors opening can raise, and how SQLite's codes map to them:
damage is told apart from a busy database by SQLite's own error codes, because
moving a healthy but locked file aside would lose the user's history.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from herstel.storage import schema
from herstel.storage.paths import DataDirError, ensure_private_dir

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


def connect(
    path: Path, *, busy_timeout: float = BUSY_TIMEOUT, read_only: bool = False
) -> sqlite3.Connection:
    """A connection to the database file in autocommit mode, waiting ``busy_timeout`` for locks.

    ``read_only`` opens with ``mode=ro`` (export reads a file as it is). Pragmas
    that touch the file (journal mode, synchronous) are left to the caller, after
    it has checked the file: on a damaged one they raise.
    """
    if read_only:
        target, uri = path.absolute().as_uri() + "?mode=ro", True
    else:
        target, uri = str(path), False
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
