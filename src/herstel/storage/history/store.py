"""``HistoryStore``: the sessions page by page, filtered and sorted in SQL; undoable deletes.

The store keeps one connection of its own to the database file (opened lazily:
a new user has no file yet, and looking at an empty history must not create
one). It does not run ``PRAGMA quick_check`` again — the app checked the file
when it opened it, and that check costs 0.1 s on 100,000 sessions — but
SQLite's "damaged" error codes still become ``DatabaseCorrupt``.

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

The app builds one store and hands it to every screen that reads the history
(the History window, Settings › Data), so no widget knows where the file is.
A worker thread never touches the store's connection — SQLite connections
belong to the thread that opened them: ``overview`` and ``export`` open a
short-lived connection of their own through ``connection.connect``, with the
same pragmas, and are safe to call from any thread.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from herstel.core.checkin import (
    NightAnswers,
    night_for,
)
from herstel.storage import schema
from herstel.storage.connection import (
    BUSY_TIMEOUT,
    DatabaseCorrupt,
    DatabaseTooNew,
    DataFolderError,
    connect,
    is_corrupt,
)
from herstel.storage.database import Database
from herstel.storage.export_file import ExportFormat, write_export
from herstel.storage.history.aggregates import AggregateQueries
from herstel.storage.history.overview import Overview, load_overview
from herstel.storage.history.rows import (
    _CHECK_COLUMNS,
    _IDS,
    _JOIN_CHECKS,
    _KEYS,
    _ROW_COLUMNS,
    _SESSION_COLUMNS,
    _SNAPSHOT,
    _SORT_SQL,
    PAGE_SIZE,
    DeletedBatch,
    HistoryQuery,
    HistoryRow,
    SortColumn,
    _order_by,
    _row,
    _where,
    nearer_end,
)

# --- the store ----------------------------------------------------------------------------


class HistoryStore(AggregateQueries):
    """The history of one database file; cheap to create, connects on first use.

    Not thread-safe: use it from one thread (the UI's) — except ``overview`` and
    ``export``, which open a connection of their own and may run on any thread.
    Call ``close`` when done.
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
            probe = connect(self.path, busy_timeout=self._busy_timeout)
            try:
                version = schema.user_version(probe)
            finally:
                probe.close()
            if version > schema.SCHEMA_VERSION:
                raise DatabaseTooNew(self.path, version, schema.SCHEMA_VERSION)
            if version < schema.SCHEMA_VERSION:
                Database.open(self.path, busy_timeout=self._busy_timeout).close()  # migrate
            try:
                conn = connect(self.path, busy_timeout=self._busy_timeout)
            except sqlite3.Error as err:
                raise DataFolderError(self.path.parent, f"cannot open {self.path}: {err}") from err
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

    def erase_all(self) -> list[Path]:
        """Delete the whole history and the copies kept beside it (``Database.erase_all``).

        Through a connection of its own that waits this store's busy timeout, like
        any other writer; creates the file when there is none. Returns the copies
        removed; raises DatabaseBusy when another program holds the file.
        """
        with Database.open(self.path, busy_timeout=self._busy_timeout) as database:
            return database.erase_all()

    # --- from any thread ---

    def overview(self, today: date) -> Overview:
        """Everything the History overview shows; safe from any thread (own connection)."""
        store = HistoryStore(self.path, busy_timeout=self._busy_timeout)
        try:
            return load_overview(store, today)
        finally:
            store.close()

    def export(self, target: Path, kind: ExportFormat, now_iso: str) -> int:
        """Write an export file like ``herstel export -o``; safe from any thread.

        Reads through a read-only connection of its own; returns the bytes written.
        """
        return write_export(self.path, target, kind, now_iso)
