"""The open connection every database operation shares, and the plumbing around it.

A deferred open is settled here at first use (the check, WAL and migration),
each write runs in one ``BEGIN IMMEDIATE`` transaction and each query turns
SQLite's damaged and locked codes into DatabaseCorrupt and DatabaseBusy. The
writes (``database_writes``) and reads (``database_reads``) build on this, and
``Database`` (``database``) adds opening the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from herstel.storage import schema
from herstel.storage.connection import (
    BUSY_TIMEOUT,
    _check_version,
    _quick_check,
    _translated,
    connect,
)


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


class DatabaseBase:
    """An open connection; ``Database`` is the class to use, this is what its parts share."""

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
