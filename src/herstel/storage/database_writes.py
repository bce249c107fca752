"""Every write to the database, each one durable transaction (or several as one).

WAL with ``synchronous=FULL`` (set when the file is opened) means a write that
has returned survives a ``kill -9`` or a power cut. A session is validated
before it is written; the replays of kept writes (``pending``) use the ``_once``
forms, which skip what is already stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Self

from herstel.core.checkin import CheckAnswers, NightAnswers
from herstel.core.records import SessionRecord
from herstel.core.room import Episode
from herstel.storage.connection import _translated
from herstel.storage.database_base import DatabaseBase
from herstel.storage.database_sql import (
    _INSERT_CHECK,
    _INSERT_REMINDER,
    _INSERT_SESSION,
    _INSERT_WAIT,
    _NIGHT_COLUMNS,
    _UPSERT_NIGHT,
    _UPSERT_SESSION,
    _check_params,
    _night_params,
    _reminder_params,
    _session_params,
    _wait_params,
)
from herstel.storage.schema import ReminderKind, ReminderOutcome
from herstel.storage.stored import (
    ImportResult,
    ReminderRecord,
    StoredSession,
    utc_text,
    validate_session,
)


class DatabaseWrites(DatabaseBase):
    """The writes of ``Database``."""

    def apply_all(self, writes: Sequence[Callable[[Self], None]]) -> None:
        """Run several writes (e.g. ``save_session`` calls) as one transaction: all or none."""
        with self._transaction():
            for write in writes:
                write(self)

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
